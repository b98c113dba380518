//! The partner's leads.

use std::rc::Rc;

use trellis_api::lead_flow::{available_actions, LeadAction, LeadOutcome};
use trellis_api::{Lead, LeadStatus, ListQuery};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::actions::{use_record_action, ActionBar, ActionButton, Touched};
use crate::components::convert::ConvertDialog;
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::routes::Route;
use crate::session::use_session;

use crate::components::csv::CsvActions;
use crate::components::distribute::DistributePanel;
use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::components::virtual_list::AllLeads;
use crate::format::{age, status_badge, today};
use trellis_api::import::ImportKind;

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

/// Columns the backend sorts by.
const SORTABLE: &[(&str, &str)] = &[
    ("Company", "company"),
    ("Contact", "contact_name"),
    ("Product interest", "product_interest"),
    ("Region", "region"),
    ("Status", "status"),
];

/// The leads table with the status as a badge (read-only views and the benchmark).
pub fn summary_columns() -> Vec<Col<Lead>> {
    vec![
        Col {
            header: "Company",
            cell: |l| html! { <Link<Route> to={Route::Lead { id: l.id.clone() }}><strong>{ l.company.clone() }</strong></Link<Route>> },
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

/// The working table: each lead's status with the actions the viewer may take.
fn columns() -> Vec<Col<Lead>> {
    let mut all = summary_columns();
    if let Some(status) = all.iter_mut().find(|c| c.header == "Status") {
        status.cell = |l| html! { <LeadWork lead={l.clone()} /> };
    }
    all
}

/// The partner columns plus who the lead is assigned to.
fn staff_columns() -> Vec<Col<Lead>> {
    let mut all = columns();
    all.insert(
        1,
        Col {
            header: "Partner",
            cell: |l| html! { <AccountName id={l.partner_account_id.clone()} none="Pool" /> },
            numeric: false,
        },
    );
    all
}

/// The leads list.
#[component]
pub fn LeadsPage() -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let instant = use_state(|| false);
    let view_button = |label: &'static str, on: bool| {
        let instant = instant.clone();
        html! {
            <button type="button" class="button secondary" aria-pressed={(*instant == on).to_string()}
                onclick={Callback::from(move |_| instant.set(on))}>{ label }</button>
        }
    };
    html! {
        <ContextProvider<Directory> context={choices}>
            <div class="page-header">
                <div><h1>{ "Leads" }</h1><p>{ if staff { "Every lead: assign new and declined ones to a partner." } else { "Leads assigned to your account, newest first." } }</p></div>
                <div class="actions">
                    <div class="segmented" role="group" aria-label="View">
                        { view_button("Table", false) }
                        { view_button("Instant search", true) }
                    </div>
                    <CsvActions kind={ImportKind::Leads} />
                    if staff {
                        <button class="button" type="button" aria-expanded={open.to_string()} onclick={toggle}>{ "Distribute leads" }</button>
                    }
                </div>
            </div>
            if staff && *open { <DistributePanel on_done={Callback::noop()} /> }
            if *instant {
                <AllLeads />
            } else {
            <RecordList<Lead> sortable={SORTABLE} noun="leads" singular="lead" fetch={fetch as fn(_, _) -> _} columns={if staff { staff_columns as fn() -> _ } else { columns as fn() -> _ }} statuses={LEAD_STATUSES} />
            }
        </ContextProvider<Directory>>
    }
}

/// "Accept by 30 Nov (2 days left)", stressed when less than a day is left.
fn deadline(by: &str) -> Html {
    let days = trellis_api::datetime::days_between(&today(), by).unwrap_or(0);
    let left = match days {
        d if d <= 0 => "due today".to_string(),
        1 => "1 day left".to_string(),
        d => format!("{d} days left"),
    };
    html! {
        <div class={classes!("small-text", (days <= 1).then_some("due-soon"))}>
            { format!("Accept by {} ({left})", by.get(0..10).unwrap_or(by)) }
        </div>
    }
}

/// Properties of [`LeadWork`].
#[derive(Properties, PartialEq)]
pub struct LeadWorkProps {
    pub lead: Lead,
}

fn action_label(action: &LeadAction) -> &'static str {
    match action {
        LeadAction::Assign { .. } => "Assign…",
        LeadAction::Accept => "Accept",
        LeadAction::Decline { .. } => "Decline…",
        LeadAction::Convert { .. } => "Convert…",
    }
}

/// A lead's status with accept / decline / convert for the partner it is assigned to.
#[component]
pub fn LeadWork(props: &LeadWorkProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let work = use_record_action::<LeadOutcome>();
    let converting = use_state(|| false);
    let converted = use_state(|| None::<LeadOutcome>);
    let touched = use_context::<Touched>();
    // A row may be reused for another lead after the list reloads: only keep our own update.
    let latest = [&*converted, &work.updated]
        .into_iter()
        .flatten()
        .find(|o| o.lead.id == props.lead.id);
    let (lead, converted_now) = match latest {
        Some(o) => (o.lead.clone(), o.opportunity.is_some()),
        None => (props.lead.clone(), false),
    };
    let staff = session.me().is_none_or(|m| m.user.role.is_internal());
    let partners = use_context::<Directory>().unwrap_or_default();
    let mut actions = available_actions(lead.status, staff);
    // Nothing to assign to until the partner list has loaded.
    actions.retain(|a| !matches!(a, LeadAction::Assign { .. }) || !partners.partners.is_empty());
    let buttons: Vec<ActionButton> = actions
        .iter()
        .map(|a| ActionButton {
            label: action_label(a),
            // The contact too: two leads may come from one company.
            aria: format!(
                "{} lead from {} ({})",
                action_label(a).trim_end_matches('…'),
                lead.company,
                lead.contact_name
            ),
            needs_reason: matches!(a, LeadAction::Decline { .. }),
            choices: match a {
                LeadAction::Assign { .. } => partners.partner_choices(),
                _ => Vec::new(),
            },
            waiting: false,
            prompt: None,
        })
        .collect();
    let on_action = {
        let (run, id, company) = (work.run.clone(), lead.id.clone(), lead.company.clone());
        let (names, converting) = (partners.clone(), converting.clone());
        Callback::from(move |(i, reason): (usize, Option<String>)| {
            let Some(mut action) = actions.get(i).cloned() else {
                return;
            };
            // Converting asks how first.
            if matches!(action, LeadAction::Convert { .. }) {
                converting.set(true);
                return;
            }
            match (&mut action, reason) {
                (LeadAction::Decline { reason: r }, Some(text)) => *r = text,
                (LeadAction::Assign { partner_account_id }, Some(id)) => *partner_account_id = id,
                _ => {}
            }
            let done = match &action {
                LeadAction::Assign { partner_account_id } => {
                    let to = names
                        .account_name(partner_account_id)
                        .unwrap_or("the partner");
                    format!("Lead from {company} assigned to {to}")
                }
                LeadAction::Accept => format!("Lead from {company} accepted: it is yours now"),
                LeadAction::Decline { .. } => format!("Lead from {company} declined"),
                LeadAction::Convert { .. } => format!("Lead from {company} converted"),
            };
            let (backend, id) = (backend.clone(), id.clone());
            run.emit((
                Box::pin(async move { backend.transition_lead(&id, &action).await }),
                done,
            ));
        })
    };
    html! {
        <div class="lead-work">
            { status_badge(LEAD_STATUSES, &lead.status) }
            if let Some(r) = &lead.decline_reason {
                <div class="muted small-text">{ r.clone() }</div>
            }
            if let (Some(by), LeadStatus::Assigned) = (&lead.accept_by, lead.status) {
                { deadline(by) }
            }
            if converted_now {
                <div class="small-text" role="status">
                    { "Opportunity and contact created. " }
                    <Link<Route> to={Route::Opportunities}>{ "Open pipeline" }</Link<Route>>
                </div>
            }
            <ActionBar {buttons} {on_action} busy={work.busy} done={work.done} error={work.error.clone()} id={lead.id.clone()} />
            if *converting {
                <ConvertDialog lead={lead.clone()}
                    on_cancel={
                        let converting = converting.clone();
                        Callback::from(move |()| converting.set(false))
                    }
                    on_done={
                        let (converting, converted) = (converting.clone(), converted.clone());
                        Callback::from(move |outcome: LeadOutcome| {
                            // The list keeps this row in view, with its answer, when it reloads.
                            if let Some(t) = &touched {
                                t.add(&outcome.lead.id);
                            }
                            converted.set(Some(outcome));
                            converting.set(false);
                        })
                    } />
            }
        </div>
    }
}
