//! The comments that mention the viewer, newest first, each linking to its record, below the
//! home page (in the main module: as a chunk it would pull in the code record pages share).

use trellis_api::activity::{Activity, RecordKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_live_load, Load};
use crate::format::when;
use crate::routes::Route;

/// A record kind in words, for "on the lead Globex".
pub fn noun(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Leads => "lead",
        RecordKind::Deals => "deal registration",
        RecordKind::Opportunities => "opportunity",
        RecordKind::Contacts => "contact",
        RecordKind::MdfRequests => "fund request",
        RecordKind::MdfClaims => "fund claim",
        RecordKind::Cases => "case",
    }
}

/// The first words of a comment.
fn excerpt(entry: &Activity) -> String {
    let body = entry.body.as_deref().unwrap_or("");
    let mut cut: String = body.chars().take(140).collect();
    if cut.len() < body.len() {
        cut.push('…');
    }
    cut
}

/// The viewer's mentions as a card; nothing while loading or when there are none.
#[component]
pub fn Mentions() -> Html {
    let (state, _) = use_live_load((), |b, ()| async move { b.mentions().await });
    let Load::Ready(list) = &*state else {
        return Html::default();
    };
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card mentions" aria-labelledby="mentions-heading">
            <h2 id="mentions-heading">{ "Mentions of you" }</h2>
            <ul class="list-plain">
                { for list.iter().map(|m| html! {
                    <li>
                        <strong>{ m.actor_name.clone() }</strong>
                        { format!(" on the {} ", noun(m.kind)) }
                        <Link<Route> to={Route::for_record(m.kind, &m.record_id)}>{ m.record_title.clone() }</Link<Route>>
                        <span class="muted small-text">{ format!(" · {}", when(&m.at)) }</span>
                        <p class="pre-wrap muted">{ excerpt(m) }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
