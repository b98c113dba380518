//! The community home: the published site's first page, and any survey waiting for the partner.

use yew::prelude::*;

use crate::components::activity::mentions::Mentions;
use crate::components::page_view::PageView;
use crate::components::settle::Settle;
use crate::components::states::{Empty, Loading};
use crate::components::survey_forms::SurveyPrompt;
use crate::session::use_session;

/// The home page.
#[component]
pub fn HomePage() -> Html {
    let session = use_session();
    let partner = session.me().is_some_and(|m| !m.user.role.is_internal());
    match &session.site {
        None => html! { <Loading label="Loading your community…" /> },
        Some(published) => match published.site.pages.first() {
            Some(page) => html! {
                <Settle key={page.id.clone()}>
                    <PageView page={page.clone()} />
                    if partner { <SurveyPrompt /> }
                    <Mentions />
                </Settle>
            },
            None => html! { <Empty message="This community has no pages yet." /> },
        },
    }
}
