//! Market development funds: budgets, partners' fund requests and their claims.

use std::rc::Rc;

use trellis_api::mdf::{claim_actions, request_actions};
use trellis_api::upload::human_size;
use trellis_api::{ListQuery, MdfAction, MdfBudget, MdfClaim, MdfRequest, MdfRequestStatus};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::backend::use_backend;
use crate::components::actions::{use_record_action, ActionBar, ActionButton, ActionFuture};
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::files::save_file;
use crate::components::fund_forms::{BudgetForm, ClaimForm, RequestForm};
use crate::components::load::{use_live_load, Load};
use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::components::states::{ErrorState, Loading};
use crate::format::{money, status_badge};
use crate::routes::Route;
use crate::session::use_session;

/// Fund request statuses as filter choices.
pub const REQUEST_STATUSES: &[(&str, &str)] = &[
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
];

/// Claim statuses as filter choices.
pub const CLAIM_STATUSES: &[(&str, &str)] = &[
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("paid", "Paid"),
];

fn fetch_requests(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<MdfRequest> {
    Box::pin(async move { backend.list_mdf_requests(&query).await })
}

fn fetch_claims(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<MdfClaim> {
    Box::pin(async move { backend.list_mdf_claims(&query).await })
}

fn request_columns() -> Vec<Col<MdfRequest>> {
    vec![
        Col {
            header: "Activity",
            cell: |r| html! { <><Link<Route> to={Route::FundRequest { id: r.id.clone() }}><strong>{ r.activity.clone() }</strong></Link<Route>><br /><span class="muted">{ format!("{} to {}", r.starts_on, r.ends_on) }</span></> },
            numeric: false,
        },
        Col {
            header: "Partner",
            cell: |r| html! { <AccountName id={r.partner_account_id.clone()} none="Pool" /> },
            numeric: false,
        },
        Col {
            header: "Amount",
            cell: |r| html! { money(r.amount, &r.currency) },
            numeric: true,
        },
        Col {
            header: "Claimed",
            cell: |r| html! { money(r.claimed, &r.currency) },
            numeric: true,
        },
        Col {
            header: "Status",
            cell: |r| html! { <RequestReview request={r.clone()} /> },
            numeric: false,
        },
    ]
}

fn claim_columns() -> Vec<Col<MdfClaim>> {
    vec![
        Col {
            header: "Activity",
            cell: |c| html! { <><Link<Route> to={Route::FundClaim { id: c.id.clone() }}><strong>{ c.activity.clone() }</strong></Link<Route>><br /><span class="muted">{ c.created_at.get(0..10).unwrap_or("").to_string() }</span></> },
            numeric: false,
        },
        Col {
            header: "Partner",
            cell: |c| html! { <AccountName id={c.partner_account_id.clone()} none="Pool" /> },
            numeric: false,
        },
        Col {
            header: "Amount",
            cell: |c| html! { money(c.amount, &c.currency) },
            numeric: true,
        },
        Col {
            header: "Proof",
            cell: |c| html! { <ProofLink claim={c.clone()} /> },
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |c| html! { <ClaimReview claim={c.clone()} /> },
            numeric: false,
        },
    ]
}

/// Partners see only their own account's funds: no partner column.
fn own_request_columns() -> Vec<Col<MdfRequest>> {
    let mut all = request_columns();
    all.remove(1);
    all
}

fn own_claim_columns() -> Vec<Col<MdfClaim>> {
    let mut all = claim_columns();
    all.remove(1);
    all
}

/// Budgets with what is committed and left, as a labelled bar.
fn budget_card(b: &MdfBudget) -> Html {
    let used = if b.amount > 0 {
        (b.committed * 100 / b.amount).clamp(0, 100)
    } else {
        0
    };
    html! {
        <article class="card budget" aria-label={format!("Budget {}", b.name)}>
            <h3>{ b.name.clone() }</h3>
            <p class="muted small-text">{ format!("{} to {}", b.starts_on, b.ends_on) }</p>
            <p class="budget-left"><strong>{ money(b.remaining(), &b.currency) }</strong>{ " left" }</p>
            <div class="meter" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow={used.to_string()}
                aria-label={format!("{used}% of {} committed", b.name)}>
                <span style={format!("width: {used}%")}></span>
            </div>
            <p class="muted small-text">{ format!("{} committed of {}", money(b.committed, &b.currency), money(b.amount, &b.currency)) }</p>
        </article>
    }
}

/// The funds page: budgets, the request (or budget) form, requests and claims.
#[component]
pub fn FundsPage() -> Html {
    let session = use_session();
    let staff = session.me().is_none_or(|m| m.user.role.is_internal());
    // Live: a decision or a claim anywhere in funds loads budgets and both lists again.
    let (budgets, retry) = use_live_load((), |b, ()| async move { b.list_mdf_budgets().await });
    let choices = use_directory(staff);
    let open = use_state(|| false);
    let saved = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let list = match &*budgets {
        Load::Loading => html! { <Loading label="Loading budgets…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
        Load::Ready(list) if list.is_empty() => {
            html! { <p class="muted">{ "No budgets are open to your program yet." }</p> }
        }
        Load::Ready(list) => {
            html! { <div class="budgets">{ for list.iter().map(budget_card) }</div> }
        }
    };
    let budgets_now = match &*budgets {
        Load::Ready(list) => list.clone(),
        _ => Vec::new(),
    };
    let label = if staff { "New budget" } else { "Request funds" };
    html! {
        <ContextProvider<Directory> context={choices}>
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Marketing funds" }</h1>
                    <p>{ if staff { "Budgets per program and period, fund requests to review and claims to pay." }
                         else { "Ask for market development funds for an activity, then claim what you spent with proof." } }</p></div>
                <button class="button" type="button" aria-expanded={open.to_string()} onclick={toggle}>{ label }</button>
            </div>
            if *open {
                if staff { <BudgetForm on_saved={saved} /> } else { <RequestForm budgets={budgets_now} on_saved={saved} /> }
            }
            <h2>{ "Budgets" }</h2>
            { list }
            <h2>{ "Fund requests" }</h2>
            <RecordList<MdfRequest> noun="fund requests" singular="fund request" url_key="requests_"
                placeholder="Activity or description" fetch={fetch_requests as fn(_, _) -> _}
                columns={if staff { request_columns as fn() -> _ } else { own_request_columns as fn() -> _ }} statuses={REQUEST_STATUSES} />
            <h2>{ "Claims" }</h2>
            <RecordList<MdfClaim> noun="claims" singular="claim" url_key="claims_"
                placeholder="Activity or file name" fetch={fetch_claims as fn(_, _) -> _}
                columns={if staff { claim_columns as fn() -> _ } else { own_claim_columns as fn() -> _ }} statuses={CLAIM_STATUSES} />
        </div>
        </ContextProvider<Directory>>
    }
}

fn action_label(action: &MdfAction) -> &'static str {
    match action {
        MdfAction::Approve => "Approve",
        MdfAction::Reject { .. } => "Reject…",
        MdfAction::MarkPaid => "Mark paid",
    }
}

fn buttons(actions: &[MdfAction], what: &str) -> Vec<ActionButton> {
    actions
        .iter()
        .map(|a| ActionButton {
            label: action_label(a),
            aria: format!("{} {what}", action_label(a).trim_end_matches('…')),
            needs_reason: matches!(a, MdfAction::Reject { .. }),
            choices: Vec::new(),
            waiting: false,
            prompt: None,
        })
        .collect()
}

fn with_reason(mut action: MdfAction, reason: Option<String>) -> MdfAction {
    if let (MdfAction::Reject { reason: r }, Some(text)) = (&mut action, reason) {
        *r = text;
    }
    action
}

/// Runs the chosen one of `actions`, with the reviewer's reason, through `send`.
/// A reviewer's decisions on one request or claim: what is decided and how it is sent.
struct Decision {
    backend: Rc<dyn PrmBackend>,
    id: String,
    actions: Vec<MdfAction>,
    /// The record in words ("claim for Spring webinar"), for the toast.
    what: String,
}

impl Decision {
    /// Runs the chosen action through `send`, saying what it did once it succeeds.
    fn on_action<T: 'static>(
        self,
        run: Callback<(ActionFuture<T>, String)>,
        send: fn(Rc<dyn PrmBackend>, String, MdfAction) -> ActionFuture<T>,
    ) -> Callback<(usize, Option<String>)> {
        Callback::from(move |(i, reason): (usize, Option<String>)| {
            if let Some(action) = self.actions.get(i).cloned() {
                let done = match action {
                    MdfAction::Approve => "approved",
                    MdfAction::Reject { .. } => "rejected",
                    MdfAction::MarkPaid => "marked paid",
                };
                let done = format!("{} {done}", capitalised(&self.what));
                let call = send(
                    self.backend.clone(),
                    self.id.clone(),
                    with_reason(action, reason),
                );
                run.emit((call, done));
            }
        })
    }
}

/// `what` with its first letter in capitals, to start a sentence.
fn capitalised(what: &str) -> String {
    let mut chars = what.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A decision's status badge and the reviewer's reason, if any.
fn decided(
    statuses: &[(&str, &str)],
    status: &impl serde::Serialize,
    reason: &Option<String>,
) -> Html {
    html! {
        <>
            { status_badge(statuses, status) }
            if let Some(r) = reason {
                <div class="muted small-text">{ r.clone() }</div>
            }
        </>
    }
}

/// Properties of [`RequestReview`].
#[derive(Properties, PartialEq)]
pub struct RequestReviewProps {
    pub request: MdfRequest,
}

/// A request's status with the reviewer's decisions, or the partner's "File a claim".
#[component]
pub fn RequestReview(props: &RequestReviewProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let work = use_record_action::<MdfRequest>();
    let claiming = use_state(|| false);
    let request = work.latest(&props.request);
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let actions = request_actions(request.status, staff);
    let what = format!("fund request for {}", request.activity);
    let decision = Decision {
        backend,
        id: request.id.clone(),
        actions: actions.clone(),
        what: what.clone(),
    };
    let on_action = decision.on_action(work.run.clone(), |b, id, action| {
        Box::pin(async move { b.transition_mdf_request(&id, &action).await })
    });
    let left = request.amount - request.claimed;
    let can_claim = !staff && request.status == MdfRequestStatus::Approved && left > 0;
    html! {
        <div class="deal-review">
            { decided(REQUEST_STATUSES, &request.status, &request.reviewer_reason) }
            <ActionBar buttons={buttons(&actions, &what)} {on_action} busy={work.busy} done={work.done} error={work.error.clone()} id={request.id.clone()} />
            if can_claim && !*claiming {
                <button class="button secondary small" type="button" aria-label={format!("File a claim for {}", request.activity)}
                    onclick={let c = claiming.clone(); move |_| c.set(true)}>{ "File a claim…" }</button>
            }
            if can_claim && *claiming {
                <ClaimForm request={request.clone()} on_done={
                    let claiming = claiming.clone();
                    Callback::from(move |_saved: bool| claiming.set(false))
                } />
            }
        </div>
    }
}

/// Properties of [`ClaimReview`] and [`ProofLink`].
#[derive(Properties, PartialEq)]
pub struct ClaimProps {
    pub claim: MdfClaim,
}

/// A claim's status with the reviewer's decisions.
#[component]
pub fn ClaimReview(props: &ClaimProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let work = use_record_action::<MdfClaim>();
    let claim = work.latest(&props.claim);
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let actions = claim_actions(claim.status, staff);
    let what = format!("claim for {}", claim.activity);
    let decision = Decision {
        backend,
        id: claim.id.clone(),
        actions: actions.clone(),
        what: what.clone(),
    };
    let on_action = decision.on_action(work.run.clone(), |b, id, action| {
        Box::pin(async move { b.transition_mdf_claim(&id, &action).await })
    });
    html! {
        <div class="deal-review">
            { decided(CLAIM_STATUSES, &claim.status, &claim.reviewer_reason) }
            <ActionBar buttons={buttons(&actions, &what)} {on_action} busy={work.busy} done={work.done} error={work.error.clone()} id={claim.id.clone()} />
        </div>
    }
}

/// The claim's proof file: name, size and a download button.
#[component]
pub fn ProofLink(props: &ClaimProps) -> Html {
    let backend = use_backend();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onclick = {
        let (id, error, busy) = (
            props.claim.proof_file_id.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (backend, id, error, busy) =
                (backend.clone(), id.clone(), error.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = backend.get_file(&id).await.map_err(|e| e.message());
                error.set(result.and_then(|f| save_file(&f)).err());
                busy.set(false);
            });
        })
    };
    let c = &props.claim;
    html! {
        <>
            <button class="link-button" type="button" disabled={*busy} {onclick}
                aria-label={format!("Download proof {} ({})", c.proof_file_name, human_size(c.proof_size))}>
                { c.proof_file_name.clone() }
            </button>
            <div class="muted small-text">{ human_size(c.proof_size) }</div>
            if let Some(e) = &*error { <div class="field-error" role="alert">{ e.clone() }</div> }
        </>
    }
}
