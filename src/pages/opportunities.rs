//! The opportunity pipeline.

use std::collections::BTreeMap;
use std::rc::Rc;

use trellis_api::{ListQuery, Opportunity};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::board::{PipelineBoard, PipelineView};
use crate::components::opportunity_fields::STAGES;
use crate::routes::Route;

use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::format::{money, status_badge};

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Opportunity> {
    Box::pin(async move { backend.list_opportunities(&query).await })
}

/// Columns the backend sorts by.
const SORTABLE: &[(&str, &str)] = &[
    ("Opportunity", "name"),
    ("Stage", "stage"),
    ("Amount", "amount"),
    ("Probability", "probability"),
    ("Close date", "close_date"),
];

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

/// The pipeline as a board or a table.
#[component]
pub fn OpportunitiesPage() -> Html {
    let location = use_location();
    let navigator = use_navigator();
    let params: BTreeMap<String, String> = location
        .and_then(|l| l.query::<BTreeMap<String, String>>().ok())
        .unwrap_or_default();
    let view = PipelineView::from_param(params.get("view").map(String::as_str));
    let show = |target: PipelineView| {
        let (navigator, params) = (navigator.clone(), params.clone());
        Callback::from(move |_: MouseEvent| {
            let mut params = params.clone();
            match target {
                PipelineView::Table => params.insert("view".into(), "table".into()),
                PipelineView::Board => params.remove("view"),
            };
            if let Some(n) = &navigator {
                let _ = n.replace_with_query(&Route::Opportunities, &params);
            }
        })
    };
    let pressed = |v: PipelineView| (view == v).to_string();
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Opportunities" }</h1><p>{ "Your pipeline by stage: drag a card, or pick it up with Space and move it with the arrow keys." }</p></div>
                <div class="segmented" role="group" aria-label="Pipeline view">
                    <button type="button" class="button secondary" aria-pressed={pressed(PipelineView::Board)} onclick={show(PipelineView::Board)}>{ "Board" }</button>
                    <button type="button" class="button secondary" aria-pressed={pressed(PipelineView::Table)} onclick={show(PipelineView::Table)}>{ "Table" }</button>
                </div>
            </div>
            if view == PipelineView::Board {
                <PipelineBoard />
            } else {
            <RecordList<Opportunity> sortable={SORTABLE} noun="opportunities" singular="opportunity" status_label="Stage" placeholder="Opportunity, account or next step" fetch={fetch as fn(_, _) -> _} columns={columns as fn() -> _} statuses={STAGES} />
            }
        </>
    }
}
