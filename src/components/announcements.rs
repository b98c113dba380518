//! Announcements as partners read them: a card for community pages, and the full list.

use trellis_api::Announcement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::format::{badge, today};
use crate::routes::Route;

/// One announcement: title, date, text (shown as written, never as HTML).
pub fn announcement(a: &Announcement) -> Html {
    let scheduled = a.publish_on > today();
    html! {
        <article class="announcement" aria-labelledby={format!("ann-{}", a.id)}>
            <h3 id={format!("ann-{}", a.id)}>{ a.title.clone() }</h3>
            <p class="muted small-text">
                { format!("{} · {}", a.publish_on, a.author_name) }
                if scheduled { { " " }{ badge("waiting_on_partner", "Scheduled") } }
            </p>
            <p class="pre-wrap">{ a.body.clone() }</p>
        </article>
    }
}

/// Properties of [`AnnouncementList`].
#[derive(Properties, PartialEq)]
pub struct AnnouncementListProps {
    pub title: AttrValue,
    /// How many to show.
    #[prop_or(3)]
    pub limit: usize,
}

/// The newest announcements for this user, with a link to all of them.
#[component]
pub fn AnnouncementList(props: &AnnouncementListProps) -> Html {
    let (state, retry) = use_load((), |b, ()| async move { b.list_announcements().await });
    let body = match &*state {
        // About one announcement's height per place (title, date, three lines) is kept.
        Load::Loading => html! {
            <Loading label="Loading announcements…" reserve={format!("{}rem", 8 * props.limit)} />
        },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(list) if list.is_empty() => {
            html! { <p class="muted">{ "No announcements right now." }</p> }
        }
        Load::Ready(list) => {
            html! { <div class="stack">{ for list.iter().take(props.limit).map(announcement) }</div> }
        }
    };
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            { body }
            <p><Link<Route> to={Route::Announcements}>{ "All announcements" }</Link<Route>></p>
        </div>
    }
}
