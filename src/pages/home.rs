//! The community home: the published site's first page.

use yew::prelude::*;

use crate::components::page_view::PageView;
use crate::components::states::{Empty, Loading};
use crate::session::use_session;

/// The home page.
#[component]
pub fn HomePage() -> Html {
    let session = use_session();
    match &session.site {
        None => html! { <Loading label="Loading your community…" /> },
        Some(published) => match published.site.pages.first() {
            Some(page) => html! { <PageView page={page.clone()} /> },
            None => html! { <Empty message="This community has no pages yet." /> },
        },
    }
}
