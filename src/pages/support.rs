//! Support: the contact channels, opening a case, and the case list (the channel team's queue).

use std::rc::Rc;

use trellis_api::{ListQuery, SupportCase, SupportChannels};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_live_load, Load};
use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::components::support_forms::{CaseForm, ChannelsForm, CATEGORIES, PRIORITIES};
use crate::format::{age, status_badge};
use crate::routes::Route;
use crate::session::use_session;

/// Case statuses as filter choices.
pub const CASE_STATUSES: &[(&str, &str)] = &[
    ("new", "New"),
    ("in_progress", "In progress"),
    ("waiting_on_partner", "Waiting on partner"),
    ("solved", "Solved"),
];

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<SupportCase> {
    Box::pin(async move { backend.list_cases(&query).await })
}

fn columns() -> Vec<Col<SupportCase>> {
    vec![
        Col {
            header: "Subject",
            cell: |c| html! { <Link<Route> to={Route::Case { id: c.id.clone() }}><strong>{ c.subject.clone() }</strong></Link<Route>> },
            numeric: false,
        },
        Col {
            header: "Category",
            cell: |c| status_badge(CATEGORIES, &c.category),
            numeric: false,
        },
        Col {
            header: "Priority",
            cell: |c| status_badge(PRIORITIES, &c.priority),
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |c| status_badge(CASE_STATUSES, &c.status),
            numeric: false,
        },
        Col {
            header: "Updated",
            cell: |c| html! { age(&c.updated_at) },
            numeric: false,
        },
    ]
}

fn queue_columns() -> Vec<Col<SupportCase>> {
    let mut all = columns();
    all.insert(
        1,
        Col {
            header: "Partner",
            cell: |c| html! { <AccountName id={c.partner_account_id.clone()} none="Pool" /> },
            numeric: false,
        },
    );
    all
}

fn channel_card(c: &SupportChannels) -> Html {
    let link = |href: &str, text: &str| {
        (!href.is_empty()).then(|| html! { <li><a href={href.to_string()} rel="noopener noreferrer" target="_blank">{ text.to_string() }</a></li> })
    };
    html! {
        <section class="card channels" aria-labelledby="channels-title">
            <h2 id="channels-title">{ "Contact the channel team" }</h2>
            <ul>
                if !c.email.is_empty() { <li><a href={format!("mailto:{}", c.email)}>{ c.email.clone() }</a></li> }
                { for link(&c.chat_url, "Chat with us") }
                { for link(&c.video_url, "Book a video call") }
            </ul>
            if !c.hours.is_empty() { <p class="muted small-text">{ c.hours.clone() }</p> }
        </section>
    }
}

/// The support page.
#[component]
pub fn SupportPage() -> Html {
    let session = use_session();
    let staff = session.me().is_none_or(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let open = use_state(|| None::<&'static str>);
    let (channels, _) = use_live_load((), |b, ()| async move { b.support_channels().await });
    let saved = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    let toggle = |what: &'static str| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(if *open == Some(what) {
                None
            } else {
                Some(what)
            })
        })
    };
    let channels = match &*channels {
        Load::Ready(c) => Some(c.clone()),
        _ => None,
    };
    html! {
        <ContextProvider<Directory> context={choices}>
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Support" }</h1>
                    <p>{ if staff { "The case queue: newest first. Reply, ask the partner, or solve." } else { "Open a case with the channel team and follow the conversation." } }</p></div>
                if staff {
                    <button class="button secondary" type="button" aria-expanded={(*open == Some("channels")).to_string()} onclick={toggle("channels")}>{ "Edit channels" }</button>
                } else {
                    <button class="button" type="button" aria-expanded={(*open == Some("case")).to_string()} onclick={toggle("case")}>{ "Open a case" }</button>
                }
            </div>
            if *open == Some("case") { <CaseForm on_saved={saved.clone()} /> }
            if *open == Some("channels") && channels.is_some() { <ChannelsForm on_saved={saved} channels={channels.clone()} /> }
            { for channels.as_ref().map(channel_card) }
            <h2>{ if staff { "Case queue" } else { "Your cases" } }</h2>
            <RecordList<SupportCase> noun="cases" singular="case" placeholder="Subject or description"
                fetch={fetch as fn(_, _) -> _} columns={if staff { queue_columns as fn() -> _ } else { columns as fn() -> _ }} statuses={CASE_STATUSES} />
        </div>
        </ContextProvider<Directory>>
    }
}
