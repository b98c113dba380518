//! Deal registrations.

use std::rc::Rc;

use trellis_api::deal_flow::{available_actions, DealAction};
use trellis_api::{DealRegistration, DealStatus, ListQuery};
use trellis_client::PrmBackend;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::session::use_session;

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
            cell: |d| html! { <DealReview deal={d.clone()} /> },
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

/// Properties of [`DealReview`].
#[derive(Properties, PartialEq)]
pub struct DealReviewProps {
    pub deal: DealRegistration,
}

fn action_label(action: &DealAction) -> &'static str {
    match action {
        DealAction::Submit => "Submit",
        DealAction::Withdraw => "Withdraw",
        DealAction::Approve { .. } => "Approve",
        DealAction::Reject { .. } => "Reject…",
        DealAction::MarkWon => "Mark won",
        DealAction::MarkLost => "Mark lost",
    }
}

/// A deal's status with the review actions this user may take on it.
#[component]
pub fn DealReview(props: &DealReviewProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let updated = use_state(|| None::<DealRegistration>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let rejecting = use_state(|| false);
    let reason = use_node_ref();
    // A row may be reused for another deal after the list reloads: only keep our own update.
    let deal = match &*updated {
        Some(d) if d.id == props.deal.id => d.clone(),
        _ => props.deal.clone(),
    };
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());

    let run = {
        let (backend, updated, busy, error, rejecting, id) = (
            backend.clone(),
            updated.clone(),
            busy.clone(),
            error.clone(),
            rejecting.clone(),
            deal.id.clone(),
        );
        Callback::from(move |action: DealAction| {
            let (backend, updated, busy, error, rejecting, id) = (
                backend.clone(),
                updated.clone(),
                busy.clone(),
                error.clone(),
                rejecting.clone(),
                id.clone(),
            );
            busy.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match backend.transition_deal(&id, &action).await {
                    Ok(d) => {
                        updated.set(Some(d));
                        rejecting.set(false);
                    }
                    Err(e) => error.set(Some(e.message())),
                }
                busy.set(false);
            });
        })
    };

    let buttons = available_actions(deal.status, staff).into_iter().map(|action| {
        let label = action_label(&action);
        let aria = format!("{} deal registration for {}", label.trim_end_matches('…'), deal.company);
        let onclick = match &action {
            DealAction::Reject { .. } => {
                let rejecting = rejecting.clone();
                Callback::from(move |_: MouseEvent| rejecting.set(true))
            }
            _ => run.reform(move |_: MouseEvent| action.clone()),
        };
        html! { <button class="button secondary small" type="button" aria-label={aria} disabled={*busy} {onclick}>{ label }</button> }
    });

    let reject_form = (*rejecting).then(|| {
        let (run, reason_ref, rejecting) = (run.clone(), reason.clone(), rejecting.clone());
        let onsubmit = Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = reason_ref.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            run.emit(DealAction::Reject { reason: text });
        });
        let id = format!("reject-{}", deal.id);
        html! {
            <form class="inline-form" {onsubmit} aria-label={format!("Reject {}", deal.company)}>
                <label for={id.clone()}>{ "Reason for rejecting" }</label>
                <input id={id} ref={reason} />
                <button class="button small" type="submit" disabled={*busy}>{ "Reject" }</button>
                <button class="button secondary small" type="button" onclick={Callback::from(move |_| rejecting.set(false))}>{ "Cancel" }</button>
            </form>
        }
    });

    html! {
        <div class="deal-review">
            { status_badge(STATUSES, &deal.status) }
            if let Some(r) = &deal.reviewer_reason {
                <div class="muted small-text">{ r.clone() }</div>
            }
            if let (Some(until), DealStatus::Approved) = (&deal.expires_on, deal.status) {
                <div class="muted small-text">{ format!("Protected until {until}") }</div>
            }
            <div class="actions">{ for buttons }</div>
            { for reject_form }
            if let Some(e) = &*error {
                <div class="field-error" role="alert">{ e.clone() }</div>
            }
        </div>
    }
}
