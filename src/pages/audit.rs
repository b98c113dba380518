//! The audit log (administrators): who did what, filtered by event, person, account and period,
//! with the filters kept in the URL.

use serde::{Deserialize, Serialize};
use trellis_api::audit::{AuditEvent, AuditKind, AuditQuery};
use trellis_api::{ListPage, ListQuery, Role, User};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::directory::use_directory;
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::format::badge;
use crate::format::when;
use crate::routes::Route;
use crate::session::use_session;

/// The filters as the URL keeps them; empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Filters {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    actor: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    account: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to: String,
}

impl Filters {
    fn query(&self, cursor: Option<String>) -> AuditQuery {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        AuditQuery {
            kind: trellis_api::parse_wire(&self.kind),
            actor_id: opt(&self.actor),
            partner_account_id: opt(&self.account),
            q: opt(self.q.trim()),
            from: opt(&self.from),
            to: opt(&self.to),
            cursor,
            limit: Some(50),
        }
    }
}

/// The badge tone of an event: refusals and removals stand out, money decisions read as approvals.
fn tone(kind: AuditKind) -> &'static str {
    match kind {
        AuditKind::LoginFailed
        | AuditKind::UserDeactivated
        | AuditKind::DealRejected
        | AuditKind::MdfRequestRejected
        | AuditKind::MdfClaimRejected => "rejected",
        AuditKind::DealApproved
        | AuditKind::MdfRequestApproved
        | AuditKind::MdfClaimApproved
        | AuditKind::MdfClaimPaid => "approved",
        _ => "submitted",
    }
}

/// The audit log screen.
#[component]
pub fn AuditPage() -> Html {
    let session = use_session();
    let backend = use_backend();
    let navigator = use_navigator();
    let location = use_location();
    let filters: Filters = location
        .as_ref()
        .and_then(|l| l.query::<Filters>().ok())
        .unwrap_or_default();
    let admin = session.me().is_some_and(|m| m.user.role == Role::Admin);
    let directory = use_directory(admin);
    // The people to filter by, loaded once.
    let (users, _) = use_load((), |b, ()| async move {
        let all = ListQuery {
            limit: Some(ListQuery::MAX_LIMIT),
            ..Default::default()
        };
        Ok(b.list_users(&all).await?.items)
    });
    let users: Vec<User> = match &*users {
        Load::Ready(list) => list.clone(),
        _ => Vec::new(),
    };
    let (first, retry) = use_load(filters.clone(), |b, f: Filters| async move {
        b.audit_log(&f.query(None)).await
    });
    // Pages after the first, appended by "Show older events"; cleared when the filters change.
    let more = use_state(|| None::<ListPage<AuditEvent>>);
    let loading_more = use_state(|| false);
    let more_error = use_state(|| None::<String>);
    {
        let (more, more_error) = (more.clone(), more_error.clone());
        use_effect_with(filters.clone(), move |_| {
            more.set(None);
            more_error.set(None);
        });
    }
    let draft = use_state(|| filters.clone());
    {
        let draft = draft.clone();
        use_effect_with(filters.clone(), move |f| draft.set(f.clone()));
    }
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |f: Filters| {
            if let Some(n) = &navigator {
                let _ = n.replace_with_query(&Route::Audit, &f);
            }
        })
    };
    let set = |which: &'static str| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            match which {
                "kind" => next.kind = value,
                "actor" => next.actor = value,
                "account" => next.account = value,
                "q" => next.q = value,
                "from" => next.from = value,
                _ => next.to = value,
            }
            draft.set(next);
        }
    };
    let on_select = |which: &'static str| {
        let set = set(which);
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                set(s.value());
            }
        })
    };
    let on_text = |which: &'static str| {
        let set = set(which);
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                set(i.value());
            }
        })
    };
    let problem = !draft.from.is_empty() && !draft.to.is_empty() && draft.to < draft.from;
    let onsubmit = {
        let (draft, go) = (draft.clone(), go.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            go.emit((*draft).clone());
        })
    };
    let clear = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit(Filters::default()))
    };

    if !admin {
        return html! { <div class="alert error" role="alert">{ "Only administrators can read the audit log." }</div> };
    }
    let account_name = |id: &Option<String>| -> Html {
        match id {
            None => html! { <span class="muted">{ "—" }</span> },
            Some(id) => html! {
                directory.account_name(id).unwrap_or(id).to_string()
            },
        }
    };
    let row = |e: &AuditEvent| {
        html! {
            <tr key={e.seq}>
                <td class="nowrap">{ when(&e.at) }</td>
                <td>{ badge(tone(e.kind), e.kind.label()) }</td>
                <td>{ e.actor.clone() }</td>
                <td>{ account_name(&e.partner_account_id) }</td>
                <td>{ e.summary.clone() }</td>
            </tr>
        }
    };
    let body = match &*first {
        Load::Loading => html! { <Loading label="Loading the audit log…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
        Load::Ready(page) if page.items.is_empty() => html! {
            <p class="card muted" role="status">{ "No events match these filters." }</p>
        },
        Load::Ready(page) => {
            let later = (*more).clone();
            let cursor = later
                .as_ref()
                .map_or(page.next_cursor.clone(), |m| m.next_cursor.clone());
            let show_more = cursor.clone().map(|cursor| {
                let (backend, more, loading_more, more_error, filters) = (
                    backend.clone(),
                    more.clone(),
                    loading_more.clone(),
                    more_error.clone(),
                    filters.clone(),
                );
                Callback::from(move |_: MouseEvent| {
                    let (backend, more, loading_more, more_error) = (
                        backend.clone(),
                        more.clone(),
                        loading_more.clone(),
                        more_error.clone(),
                    );
                    let query = filters.query(Some(cursor.clone()));
                    loading_more.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match backend.audit_log(&query).await {
                            Ok(next) => {
                                let mut items =
                                    (*more).clone().map(|m| m.items).unwrap_or_default();
                                items.extend(next.items);
                                more.set(Some(ListPage {
                                    items,
                                    next_cursor: next.next_cursor,
                                }));
                                more_error.set(None);
                            }
                            Err(e) => more_error.set(Some(e.message())),
                        }
                        loading_more.set(false);
                    });
                })
            });
            let count = page.items.len() + later.as_ref().map_or(0, |m| m.items.len());
            let shown = if count == 1 {
                "1 event shown".to_string()
            } else {
                format!("{count} events shown")
            };
            html! {
                <>
                    <div class="table-wrap">
                        <table class="audit">
                            <caption class="visually-hidden">{ format!("Audit log, newest first: {shown}") }</caption>
                            <thead><tr>
                                <th scope="col">{ "When" }</th><th scope="col">{ "Event" }</th>
                                <th scope="col">{ "Who" }</th><th scope="col">{ "Account" }</th>
                                <th scope="col">{ "Details" }</th>
                            </tr></thead>
                            <tbody>
                                { for page.items.iter().map(row) }
                                { for later.iter().flat_map(|m| m.items.iter()).map(row) }
                            </tbody>
                        </table>
                    </div>
                    <div class="more">
                        <span class="muted" role="status">{ shown.clone() }</span>
                        if let Some(onclick) = show_more {
                            <button class="button secondary" type="button" disabled={*loading_more} {onclick}>
                                { if *loading_more { "Loading…" } else { "Show older events" } }
                            </button>
                        }
                    </div>
                    if let Some(e) = &*more_error { <div class="alert error" role="alert">{ e.clone() }</div> }
                </>
            }
        }
    };
    let mut people: Vec<&User> = users.iter().collect();
    people.sort_by(|a, b| a.name.cmp(&b.name));
    html! {
        <div class="stack">
            <div class="page-header">
                <div>
                    <h1>{ "Audit log" }</h1>
                    <p>{ "Logins, role and tier changes, deal and fund decisions, and publishes, newest first." }</p>
                </div>
                <Link<Route> to={Route::Admin} classes="button secondary">{ "Partner administration" }</Link<Route>>
            </div>
            <form class="card range-filter" role="search" aria-label="Filter the audit log" {onsubmit}>
                <label>{ "Event" }
                    <select name="kind" onchange={on_select("kind")}>
                        <option value="" selected={draft.kind.is_empty()}>{ "Any event" }</option>
                        { for AuditKind::ALL.iter().map(|k| html! {
                            <option value={k.wire()} selected={draft.kind == k.wire()}>{ k.label() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Who" }
                    <select name="actor" onchange={on_select("actor")}>
                        <option value="" selected={draft.actor.is_empty()}>{ "Anyone" }</option>
                        { for people.iter().map(|u| html! {
                            <option value={u.id.clone()} selected={draft.actor == u.id}>{ u.name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Partner account" }
                    <select name="account" onchange={on_select("account")}>
                        <option value="" selected={draft.account.is_empty()}>{ "Any account" }</option>
                        { for directory.partners.iter().map(|a| html! {
                            <option value={a.id.clone()} selected={draft.account == a.id}>{ a.name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Search" }<input type="search" name="q" placeholder="Email, name or detail"
                    value={draft.q.clone()} oninput={on_text("q")} /></label>
                <label>{ "From" }<input type="date" name="from" value={draft.from.clone()} oninput={on_text("from")} /></label>
                <label>{ "To" }<input type="date" name="to" value={draft.to.clone()} oninput={on_text("to")} /></label>
                <button class="button" type="submit" disabled={problem}>{ "Apply" }</button>
                <button class="button secondary" type="button" onclick={clear}>{ "Clear filters" }</button>
                if problem {
                    <p class="field-error" role="alert">{ "Choose a start date on or before the end date." }</p>
                }
            </form>
            { body }
        </div>
    }
}
