//! A page of the published community, by id.

use yew::prelude::*;

use crate::components::page_view::PageView;
use crate::components::settle::Settle;
use crate::components::states::{Empty, Loading};
use crate::session::use_session;

/// Properties of [`CommunityPage`].
#[derive(Properties, PartialEq)]
pub struct CommunityPageProps {
    pub id: String,
}

/// One published page.
#[component]
pub fn CommunityPage(props: &CommunityPageProps) -> Html {
    let session = use_session();
    match &session.site {
        None => html! { <Loading label="Loading page…" /> },
        Some(published) => match published.site.page(&props.id) {
            Some(page) => html! {
                <Settle key={page.id.clone()}><PageView page={page.clone()} /></Settle>
            },
            None => {
                html! { <Empty message="This page does not exist or is not published for you." /> }
            }
        },
    }
}
