//! The opportunity pipeline.

use std::rc::Rc;

use trellis_api::{ListQuery, Opportunity};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

use crate::components::record_list::{money, status_badge, Col, PageFuture, RecordList};

/// Pipeline stages as filter and form choices.
pub const STAGES: &[(&str, &str)] = &[
    ("prospecting", "Prospecting"),
    ("qualification", "Qualification"),
    ("proposal", "Proposal"),
    ("negotiation", "Negotiation"),
    ("closed_won", "Closed won"),
    ("closed_lost", "Closed lost"),
];

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Opportunity> {
    Box::pin(async move { backend.list_opportunities(&query).await })
}

fn columns() -> Vec<Col<Opportunity>> {
    vec![
        Col {
            header: "Opportunity",
            cell: |o| {
                html! {
                    <Link<Route> to={Route::EditOpportunity { id: o.id.clone() }}><strong>{ o.name.clone() }</strong></Link<Route>>
                }
            },
            numeric: false,
        },
        Col {
            header: "Stage",
            cell: |o| status_badge(STAGES, &o.stage),
            numeric: false,
        },
        Col {
            header: "Amount",
            cell: |o| html! { money(o.amount, &o.currency) },
            numeric: true,
        },
        Col {
            header: "Probability",
            cell: |o| html! { format!("{}%", o.probability) },
            numeric: true,
        },
        Col {
            header: "Close date",
            cell: |o| html! { o.close_date.clone() },
            numeric: false,
        },
        Col {
            header: "Next step",
            cell: |o| html! { o.next_step.clone() },
            numeric: false,
        },
    ]
}

/// The opportunities list.
#[component]
pub fn OpportunitiesPage() -> Html {
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Opportunities" }</h1><p>{ "Your pipeline, newest first." }</p></div>
            </div>
            <RecordList<Opportunity> noun="opportunities" singular="opportunity" status_label="Stage" placeholder="Opportunity, account or next step" fetch={fetch as fn(_, _) -> _} columns={columns as fn() -> _} statuses={STAGES} />
        </>
    }
}
