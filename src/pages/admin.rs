//! Admin screens: partner accounts with their tiers, and users.

use std::rc::Rc;

use trellis_api::{wire_name, Account, ListQuery, PartnerProgram, User};
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

/// Tier and partner account names, loaded once for the whole admin screen.
#[derive(Clone, PartialEq, Default)]
pub struct Directory {
    pub programs: Rc<Vec<PartnerProgram>>,
    pub partners: Rc<Vec<Account>>,
}

/// Properties of [`TierName`] and [`AccountName`].
#[derive(Properties, PartialEq)]
pub struct IdProps {
    pub id: Option<String>,
}

/// A tier's name as a badge.
#[component]
pub fn TierName(props: &IdProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    let Some(id) = &props.id else {
        return html! { <span class="muted">{ "—" }</span> };
    };
    let name = directory
        .programs
        .iter()
        .flat_map(|p| &p.tiers)
        .find(|t| &t.id == id)
        .map(|t| t.name.clone());
    badge(
        id.trim_start_matches("tier_"),
        &name.unwrap_or_else(|| id.clone()),
    )
}

/// A partner account's name; vendor staff have none.
#[component]
pub fn AccountName(props: &IdProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    let Some(id) = &props.id else {
        return html! { <span class="muted">{ "Vendor" }</span> };
    };
    let name = directory
        .partners
        .iter()
        .find(|a| &a.id == id)
        .map(|a| a.name.clone());
    html! { name.unwrap_or_else(|| id.clone()) }
}

/// Partner accounts and users (vendor staff).
#[component]
pub fn AdminPage() -> Html {
    let session = use_session();
    let (directory, _) = use_load((), |b, ()| async move {
        let programs = b.list_programs().await?;
        let query = ListQuery {
            status: Some("partner".into()),
            limit: Some(ListQuery::MAX_LIMIT),
            ..Default::default()
        };
        let partners = b.list_accounts(&query).await?.items;
        Ok(Directory {
            programs: Rc::new(programs),
            partners: Rc::new(partners),
        })
    });
    // Names are a nicety: while they load (or if they fail) the tables show ids.
    let directory = match &*directory {
        Load::Ready(d) => d.clone(),
        _ => Directory::default(),
    };
    if !session.me().is_some_and(|me| me.user.role.is_internal()) {
        return html! { <div class="alert error" role="alert">{ "Only vendor staff can open the admin screens." }</div> };
    }
    html! {
        <ContextProvider<Directory> context={directory}>
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Partner administration" }</h1><p>{ "Partner accounts, their program tiers, and the people who log in." }</p></div>
            </div>
            <h2>{ "Partner accounts" }</h2>
            <RecordList<Account> noun="partner accounts" singular="partner account" placeholder="Name or domain" fetch={fetch_partners as fn(_, _) -> _} columns={account_columns as fn() -> _} />
            <h2>{ "Users" }</h2>
            <RecordList<User> noun="users" singular="user" url_key="users_" placeholder="Name or email" fetch={fetch_users as fn(_, _) -> _} columns={user_columns as fn() -> _} />
        </div>
        </ContextProvider<Directory>>
    }
}
