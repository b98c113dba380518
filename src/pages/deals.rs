//! Deal registrations.

use std::rc::Rc;

use trellis_api::deal_flow::{available_actions, covers_close, DealAction};
use trellis_api::{DealRegistration, DealStatus, ListQuery};
use trellis_client::PrmBackend;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::actions::{use_record_action, ActionBar, ActionButton};
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_load, Load};
use crate::routes::Route;
use crate::session::use_session;
use yew_router::prelude::*;

use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::format::{money, status_badge, when};

/// Deal statuses as filter choices.
pub const DEAL_STATUSES: &[(&str, &str)] = &[
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

/// Columns the backend sorts by.
const SORTABLE: &[(&str, &str)] = &[
    ("Company", "company"),
    ("Product", "product"),
    ("Amount", "estimated_amount"),
    ("Expected close", "expected_close_date"),
    ("Status", "status"),
];

fn columns() -> Vec<Col<DealRegistration>> {
    vec![
        Col {
            header: "Company",
            cell: |d| html! { <><Link<Route> to={Route::Deal { id: d.id.clone() }}><strong>{ d.company.clone() }</strong></Link<Route>><br /><span class="muted">{ d.domain.clone() }</span></> },
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

/// The partner columns plus the registering partner.
fn staff_columns() -> Vec<Col<DealRegistration>> {
    let mut all = columns();
    all.insert(
        1,
        Col {
            header: "Partner",
            cell: |d| html! { <AccountName id={d.partner_account_id.clone()} none="Pool" /> },
            numeric: false,
        },
    );
    all
}

/// The deal registrations list.
#[component]
pub fn DealsPage() -> Html {
    let session = use_session();
    let staff = session.me().is_none_or(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Deal registrations" }</h1><p>{ "Registered deals and where they are in review." }</p></div>
                if !staff {
                    <Link<Route> to={Route::NewDeal} classes="button">{ "Register a deal" }</Link<Route>>
                }
            </div>
            <ContextProvider<Directory> context={choices}>
                <RecordList<DealRegistration> sortable={SORTABLE} noun="deals" singular="deal" placeholder="Company, domain, contact or product" fetch={fetch as fn(_, _) -> _}
                    columns={if staff { staff_columns as fn() -> _ } else { columns as fn() -> _ }} statuses={DEAL_STATUSES} />
            </ContextProvider<Directory>>
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
        DealAction::Approve { .. } => "Approve…",
        DealAction::Reject { .. } => "Reject…",
        DealAction::MarkWon => "Mark won",
        DealAction::MarkLost => "Mark lost",
    }
}

/// What an action did, for its toast.
fn action_done(action: &DealAction) -> &'static str {
    match action {
        DealAction::Submit => "submitted for review",
        DealAction::Withdraw => "withdrawn",
        DealAction::Approve { .. } => "approved",
        DealAction::Reject { .. } => "rejected",
        DealAction::MarkWon => "marked won",
        DealAction::MarkLost => "marked lost",
    }
}

/// A deal's status with the review actions this user may take on it.
#[component]
pub fn DealReview(props: &DealReviewProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let work = use_record_action::<DealRegistration>();
    // A row may be reused for another deal after the list reloads: only keep our own update.
    let deal = work.latest(&props.deal);
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let actions = available_actions(deal.status, staff);
    // Approve waits for the conflict check's answer (a row may come to show another deal).
    let checked_for = use_state(|| None::<String>);
    let checked = checked_for.as_deref() == Some(deal.id.as_str());
    // Above the policy's amount a second, different reviewer approves.
    let reviewing = staff && deal.status == DealStatus::Submitted;
    let (policy, _) = use_load(reviewing, |b, reviewing| async move {
        match reviewing {
            true => b.deal_review_policy().await.map(Some),
            false => Ok(None),
        }
    });
    let me = session.me().map(|m| m.user.id.clone()).unwrap_or_default();
    let policy = match &*policy {
        Load::Ready(p) => p.clone(),
        _ => None,
    };
    let mine_first = deal.first_approver_id.as_deref() == Some(me.as_str());
    let may_approve = !reviewing || (policy.is_some() && !mine_first);
    let two = policy.as_ref().is_some_and(|p| p.needs_two(&deal));
    let buttons: Vec<ActionButton> = actions
        .iter()
        .map(|a| ActionButton {
            label: action_label(a),
            aria: format!(
                "{} deal registration for {}",
                action_label(a).trim_end_matches('…'),
                deal.company
            ),
            // Approving asks for an optional note to the partner.
            needs_reason: matches!(a, DealAction::Reject { .. } | DealAction::Approve { .. }),
            choices: Vec::new(),
            waiting: matches!(a, DealAction::Approve { .. }) && !(checked && may_approve),
            prompt: matches!(a, DealAction::Approve { .. })
                .then_some("Comment for the partner (optional)"),
        })
        .collect();
    let on_action = {
        let (run, id, company) = (work.run.clone(), deal.id.clone(), deal.company.clone());
        let first_of_two = two && deal.first_approver_id.is_none();
        Callback::from(move |(i, reason): (usize, Option<String>)| {
            let Some(mut action) = actions.get(i).cloned() else {
                return;
            };
            match (&mut action, reason) {
                (DealAction::Reject { reason: r }, Some(text)) => *r = text,
                (DealAction::Approve { comment, .. }, Some(text)) => {
                    *comment = (!text.trim().is_empty()).then_some(text)
                }
                _ => {}
            }
            let done = match (&action, first_of_two) {
                (DealAction::Approve { .. }, true) => {
                    format!("First approval of the deal registration for {company} given; another reviewer completes it")
                }
                _ => format!("Deal registration for {company} {}", action_done(&action)),
            };
            let (backend, id) = (backend.clone(), id.clone());
            run.emit((
                Box::pin(async move { backend.transition_deal(&id, &action).await }),
                done,
            ));
        })
    };
    html! {
        <div class="deal-review">
            { status_badge(DEAL_STATUSES, &deal.status) }
            if let Some(r) = &deal.reviewer_reason {
                <div class="muted small-text">{ r.clone() }</div>
            }
            if let (Some(until), DealStatus::Approved) = (&deal.expires_on, deal.status) {
                <div class="muted small-text">{ format!("Protected until {until}") }</div>
                if !covers_close(&deal) {
                    <div class="small-text due-soon" role="note">
                        { format!("Ends before the expected close on {}", deal.expected_close_date) }</div>
                }
            }
            if reviewing && two {
                <div class="small-text" role="note">{ match (&deal.first_approver_name, &deal.first_approved_at) {
                    (Some(_), Some(at)) if mine_first => format!("You gave the first approval ({}); another reviewer gives the second.", when(at)),
                    (Some(name), Some(at)) => format!("First approval by {name} ({}); yours completes it.", when(at)),
                    _ => "Needs two approvals: the estimate is above the review policy's amount.".to_string(),
                } }</div>
            }
            if staff && deal.status == DealStatus::Submitted {
                <ConflictNote id={deal.id.clone()} on_checked={
                    let (checked_for, id) = (checked_for.clone(), deal.id.clone());
                    Callback::from(move |()| checked_for.set(Some(id.clone())))
                } />
            }
            <ActionBar {buttons} {on_action} busy={work.busy} done={work.done} error={work.error.clone()} id={deal.id.clone()} />
        </div>
    }
}

/// Properties of [`ConflictNote`].
#[derive(Properties, PartialEq)]
pub struct ConflictNoteProps {
    pub id: String,
    /// Told once the check has answered (with or without conflicts).
    #[prop_or_default]
    pub on_checked: Callback<()>,
}

/// What else looks like this deal, for the reviewer to weigh before approving.
#[component]
pub fn ConflictNote(props: &ConflictNoteProps) -> Html {
    // The answer names its deal: a reused row must not take another deal's answer as its own.
    let (state, retry) = use_load(props.id.clone(), |b, id| async move {
        b.deal_conflicts(&id).await.map(|list| (id, list))
    });
    {
        let answered = matches!(&*state, Load::Ready((id, _)) if *id == props.id);
        let on_checked = props.on_checked.clone();
        use_effect_with((answered, props.id.clone()), move |(answered, _)| {
            if *answered {
                on_checked.emit(());
            }
        });
    }
    match &*state {
        Load::Loading => {
            html! { <div class="muted small-text">{ "Checking for conflicts…" }</div> }
        }
        Load::Failed(e) => html! {
            <div class="field-error">{ e.message() }{ " " }
                <button class="button secondary small" type="button" onclick={retry.reform(|_| ())}>{ "Retry" }</button></div>
        },
        Load::Ready((_, list)) if list.is_empty() => {
            html! { <div class="muted small-text">{ "No conflicting registrations" }</div> }
        }
        Load::Ready((_, list)) => html! {
            <div class="conflict" role="note">
                <strong>{ format!("{} possible conflict{}", list.len(), if list.len() == 1 { "" } else { "s" }) }</strong>
                <ul>
                    { for list.iter().map(|c| html! {
                        <li>{ format!("{} · {} ({} {}, {})",
                            c.partner_name.clone().unwrap_or_else(|| "Vendor".into()),
                            c.description, c.kind, c.status.replace('_', " "), c.created_at.get(0..10).unwrap_or("")) }</li>
                    }) }
                </ul>
            </div>
        },
    }
}
