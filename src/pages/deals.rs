//! Deal registrations.

use std::rc::Rc;

use trellis_api::{DealRegistration, ListQuery};
use trellis_client::PrmBackend;
use yew::prelude::*;

use crate::components::record_list::{money, status_badge, Col, PageFuture, RecordList};

const STATUSES: &[(&str, &str)] = &[
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("won", "Won"),
    ("lost", "Lost"),
    ("expired", "Expired"),
    ("withdrawn", "Withdrawn"),
];

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<DealRegistration> {
    Box::pin(async move { backend.list_deals(&query).await })
}

fn columns() -> Vec<Col<DealRegistration>> {
    vec![
        Col {
            header: "Company",
            cell: |d| html! { <><strong>{ d.company.clone() }</strong><br /><span class="muted">{ d.domain.clone() }</span></> },
            numeric: false,
        },
        Col {
            header: "Product",
            cell: |d| html! { d.product.clone() },
            numeric: false,
        },
        Col {
            header: "Amount",
            cell: |d| html! { money(d.estimated_amount, &d.currency) },
            numeric: true,
        },
        Col {
            header: "Expected close",
            cell: |d| html! { d.expected_close_date.clone() },
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |d| status_badge(STATUSES, &d.status),
            numeric: false,
        },
        Col {
            header: "Expires",
            cell: |d| html! { d.expires_on.clone().unwrap_or_default() },
            numeric: false,
        },
    ]
}

/// The deal registrations list.
#[component]
pub fn DealsPage() -> Html {
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Deal registrations" }</h1><p>{ "Your registered deals and where they are in review." }</p></div>
            </div>
            <RecordList<DealRegistration> noun="deals" placeholder="Company, domain, contact or product" fetch={fetch as fn(_, _) -> _} columns={columns as fn() -> _} statuses={STATUSES} />
        </>
    }
}
