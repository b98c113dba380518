//! The partner's leads.

use std::rc::Rc;

use trellis_api::{Lead, ListQuery};
use trellis_client::PrmBackend;
use yew::prelude::*;

use crate::components::record_list::{age, status_badge, Col, PageFuture, RecordList};

/// Lead statuses as filter choices.
pub const LEAD_STATUSES: &[(&str, &str)] = &[
    ("new", "New"),
    ("assigned", "Waiting for acceptance"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("converted", "Converted"),
];

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Lead> {
    Box::pin(async move { backend.list_leads(&query).await })
}

fn columns() -> Vec<Col<Lead>> {
    vec![
        Col {
            header: "Company",
            cell: |l| html! { <strong>{ l.company.clone() }</strong> },
            numeric: false,
        },
        Col {
            header: "Contact",
            cell: |l| html! { <>{ l.contact_name.clone() }<br /><span class="muted">{ l.email.clone() }</span></> },
            numeric: false,
        },
        Col {
            header: "Product interest",
            cell: |l| html! { l.product_interest.clone() },
            numeric: false,
        },
        Col {
            header: "Region",
            cell: |l| html! { format!("{} {}", l.region, l.postcode) },
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |l| status_badge(LEAD_STATUSES, &l.status),
            numeric: false,
        },
        Col {
            header: "Age",
            cell: |l| html! { age(&l.created_at) },
            numeric: true,
        },
    ]
}

/// The leads list.
#[component]
pub fn LeadsPage() -> Html {
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Leads" }</h1><p>{ "Leads assigned to your account, newest first." }</p></div>
            </div>
            <RecordList<Lead> noun="leads" fetch={fetch as fn(_, _) -> _} columns={columns as fn() -> _} statuses={LEAD_STATUSES} />
        </>
    }
}
