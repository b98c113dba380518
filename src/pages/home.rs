//! The home page: for partners the published site's first page and any survey waiting for
//! them; for the channel team their work queues.

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
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    if staff {
        return staff_home();
    }
    match &session.site {
        None => html! { <Loading label="Loading your community…" /> },
        Some(published) => match published.site.pages.first() {
            Some(page) => html! {
                <Settle key={page.id.clone()}>
                    <PageView page={page.clone()} />
                    <SurveyPrompt />
                    <Mentions />
                </Settle>
            },
            None => html! { <Empty message="This community has no pages yet." /> },
        },
    }
}

/// What waits for the channel team, and the comments that mention them.
#[cfg(feature = "staff")]
fn staff_home() -> Html {
    use crate::components::queues::Queues;
    use crate::routes::Route;
    use yew_router::prelude::Link;
    let program = [
        ("Announcements", Route::Announcements),
        ("Surveys", Route::Surveys),
        ("Training", Route::Training),
        ("Dashboards", Route::Dashboards),
        ("Import records", Route::Import),
        ("Products", Route::Products),
    ];
    html! {
        <div class="staff-home">
            <h1>{ "Your work queues" }</h1>
            <p class="muted">{ "What waits for the channel team, longest waiting first." }</p>
            <Queues />
            <Mentions />
            <nav class="card program-links" aria-label="Run the program">
                <h2>{ "Run the program" }</h2>
                <ul class="list-inline">
                    { for program.into_iter().map(|(label, route)| html! {
                        <li><Link<Route> to={route}>{ label }</Link<Route>></li>
                    }) }
                </ul>
            </nav>
        </div>
    }
}

/// Staff open the full bundle before any page shows, so this one never draws.
#[cfg(not(feature = "staff"))]
fn staff_home() -> Html {
    Html::default()
}
