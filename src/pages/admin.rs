//! Admin screens: partner accounts with their tiers, and users.

use std::rc::Rc;

use trellis_api::{wire_name, Account, ListQuery, User};
use trellis_client::PrmBackend;
use yew::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::record_list::{badge, Col, PageFuture, RecordList};
use crate::session::use_session;

fn fetch_partners(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Account> {
    Box::pin(async move {
        let query = ListQuery {
            status: Some("partner".into()),
            ..query
        };
        backend.list_accounts(&query).await
    })
}

fn fetch_users(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<User> {
    Box::pin(async move { backend.list_users(&query).await })
}

fn account_columns() -> Vec<Col<Account>> {
    vec![
        Col {
            header: "Partner",
            cell: |a| html! { <><strong>{ a.name.clone() }</strong><br /><span class="muted">{ a.domain.clone() }</span></> },
            numeric: false,
        },
        Col {
            header: "Type",
            cell: |a| html! { a.partner_type.map(|t| wire_name(&t)).unwrap_or_default() },
            numeric: false,
        },
        Col {
            header: "Tier",
            cell: |a| html! { <TierName id={a.tier_id.clone()} /> },
            numeric: false,
        },
        Col {
            header: "Region",
            cell: |a| html! { a.region.clone() },
            numeric: false,
        },
    ]
}

fn user_columns() -> Vec<Col<User>> {
    vec![
        Col {
            header: "Name",
            cell: |u| html! { <strong>{ u.name.clone() }</strong> },
            numeric: false,
        },
        Col {
            header: "Email",
            cell: |u| html! { u.email.clone() },
            numeric: false,
        },
        Col {
            header: "Role",
            cell: |u| html! { u.role.label() },
            numeric: false,
        },
        Col {
            header: "Account",
            cell: |u| html! { u.partner_account_id.clone().unwrap_or_else(|| "Vendor".into()) },
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |u| {
                if u.active {
                    badge("approved", "Active")
                } else {
                    badge("rejected", "Deactivated")
                }
            },
            numeric: false,
        },
    ]
}

/// Properties of [`TierName`].
#[derive(Properties, PartialEq)]
pub struct TierNameProps {
    pub id: Option<String>,
}

/// A tier's name, looked up from the partner programs.
#[component]
pub fn TierName(props: &TierNameProps) -> Html {
    let (state, _) = use_load((), |b, ()| async move { b.list_programs().await });
    let Some(id) = &props.id else {
        return html! { <span class="muted">{ "—" }</span> };
    };
    let name = match &*state {
        Load::Ready(programs) => programs
            .iter()
            .flat_map(|p| &p.tiers)
            .find(|t| &t.id == id)
            .map(|t| t.name.clone()),
        _ => None,
    };
    badge(
        id.trim_start_matches("tier_"),
        &name.unwrap_or_else(|| id.clone()),
    )
}

/// Partner accounts and users (vendor staff).
#[component]
pub fn AdminPage() -> Html {
    let session = use_session();
    if !session.me().is_some_and(|me| me.user.role.is_internal()) {
        return html! { <div class="alert error" role="alert">{ "Only vendor staff can open the admin screens." }</div> };
    }
    html! {
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Partner administration" }</h1><p>{ "Partner accounts, their program tiers, and the people who log in." }</p></div>
            </div>
            <h2>{ "Partner accounts" }</h2>
            <RecordList<Account> noun="partner accounts" fetch={fetch_partners as fn(_, _) -> _} columns={account_columns as fn() -> _} />
            <h2>{ "Users" }</h2>
            <RecordList<User> noun="users" fetch={fetch_users as fn(_, _) -> _} columns={user_columns as fn() -> _} />
        </div>
    }
}
