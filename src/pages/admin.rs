//! Admin screens: partner accounts with their tiers, and users.

use std::rc::Rc;

use trellis_api::{Account, ListQuery, User};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::components::deal_review::DealReviewSettings;
use crate::routes::Route;

use crate::components::tiers::ProgramTiers;

use crate::components::csv::CsvActions;
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::partnership::PartnershipCell;
use crate::components::record_list::{Col, PageFuture, RecordList};
use crate::components::users::{UserForm, UserStatus};
use crate::session::use_session;
use trellis_api::import::ImportKind;

const ACCOUNT_KINDS: &[(&str, &str)] = &[
    ("partner", "Partners"),
    ("customer", "Customers and prospects"),
];

fn fetch_accounts(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Account> {
    Box::pin(async move { backend.list_accounts(&query).await })
}

fn fetch_users(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<User> {
    Box::pin(async move { backend.list_users(&query).await })
}

fn account_columns() -> Vec<Col<Account>> {
    vec![
        Col {
            header: "Account",
            cell: |a| html! { <><Link<Route> to={Route::Account { id: a.id.clone() }}><strong>{ a.name.clone() }</strong></Link<Route>><br /><span class="muted">{ a.domain.clone() }</span></> },
            numeric: false,
        },
        Col {
            header: "Partnership",
            cell: |a| html! { <PartnershipCell account={a.clone()} /> },
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
            cell: |u| html! { <AccountName id={u.partner_account_id.clone()} /> },
            numeric: false,
        },
        Col {
            header: "Status",
            cell: |u| html! { <UserStatus user={u.clone()} /> },
            numeric: false,
        },
    ]
}

/// Partner accounts and users (vendor staff).
#[component]
pub fn AdminPage() -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|me| me.user.role.is_internal());
    let directory = use_directory(staff);
    let adding = use_state(|| false);
    let added = use_state(|| 0u32);
    let toggle = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(!*adding))
    };
    let saved = {
        let (adding, added) = (adding.clone(), added.clone());
        Callback::from(move |()| {
            adding.set(false);
            added.set(*added + 1);
        })
    };
    if !staff {
        return html! { <div class="alert error" role="alert">{ "Only vendor staff can open the admin screens." }</div> };
    }
    html! {
        <ContextProvider<Directory> context={directory}>
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Partner administration" }</h1><p>{ "Accounts and their place in the partner program, and the people who log in." }</p></div>
                <div class="form-actions">
                    <Link<Route> to={Route::Products} classes="button secondary">{ "Products and currencies" }</Link<Route>>
                    if session.me().is_some_and(|me| me.user.role == trellis_api::Role::Admin) {
                        <Link<Route> to={Route::Audit} classes="button secondary">{ "Audit log" }</Link<Route>>
                    }
                </div>
            </div>
            <h2>{ "Partner program" }</h2>
            <ProgramTiers />
            <h2>{ "Deal review" }</h2>
            <DealReviewSettings />
            <div class="section-header">
                <h2>{ "Accounts" }</h2>
                <CsvActions kind={ImportKind::Accounts} />
            </div>
            <RecordList<Account> noun="accounts" singular="account" placeholder="Name or domain" status_label="Show"
                statuses={ACCOUNT_KINDS} fetch={fetch_accounts as fn(_, _) -> _} columns={account_columns as fn() -> _} />
            <div class="section-header">
                <h2>{ "Users" }</h2>
                <button class="button" type="button" aria-expanded={adding.to_string()} onclick={toggle}>{ "Add user" }</button>
            </div>
            if *adding { <UserForm on_saved={saved} /> }
            <RecordList<User> key={format!("users-{}", *added)} noun="users" singular="user" url_key="users_" placeholder="Name or email" fetch={fetch_users as fn(_, _) -> _} columns={user_columns as fn() -> _} />
        </div>
        </ContextProvider<Directory>>
    }
}
