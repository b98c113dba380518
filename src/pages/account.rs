//! A partner account's page: who it is, its partnership, and its related lists (users, deal
//! registrations, opportunities, fund requests and claims), each row opening its record.

use trellis_api::{
    wire_name, Account, DealRegistration, ListPage, ListQuery, MdfClaim, MdfRequest, Opportunity,
    User,
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::directory::{use_directory, Directory, TierName};
use crate::components::load::{use_live_load, Load};
use crate::components::opportunity_fields::STAGES;
use crate::components::partnership::PartnershipCell;
use crate::components::record_page::{text, Details, RecordHeader};
use crate::components::states::{ErrorState, Loading};
use crate::format::{money, status_badge, when};
use crate::pages::deals::DEAL_STATUSES;
use crate::pages::funds::{CLAIM_STATUSES, REQUEST_STATUSES};
use crate::routes::Route;
use crate::session::use_session;

/// How many rows each related list shows.
const RELATED: u32 = 10;

/// One row of a related list: where it opens, its name, what else it says, its badge.
#[derive(Clone, PartialEq)]
struct Related {
    route: Option<Route>,
    title: String,
    detail: String,
    badge: Html,
}

/// A related list's first rows and whether there are more.
#[derive(Clone, PartialEq)]
struct List {
    rows: Vec<Related>,
    more: bool,
}

fn list<T>(page: ListPage<T>, row: impl Fn(&T) -> Related) -> List {
    List {
        rows: page.items.iter().map(row).collect(),
        more: page.next_cursor.is_some(),
    }
}

/// Everything the page shows.
#[derive(Clone, PartialEq)]
struct AccountData {
    account: Account,
    users: List,
    deals: List,
    opportunities: List,
    requests: List,
    claims: List,
}

fn user_row(u: &User) -> Related {
    Related {
        route: None,
        title: u.name.clone(),
        detail: format!("{} · {}", u.role.label(), u.email),
        badge: if u.active {
            Html::default()
        } else {
            crate::format::badge("retired", "Deactivated")
        },
    }
}

fn deal_row(d: &DealRegistration) -> Related {
    Related {
        route: Some(Route::Deal { id: d.id.clone() }),
        title: d.company.clone(),
        detail: format!(
            "{} · {} · closes {}",
            d.product,
            money(d.estimated_amount, &d.currency),
            d.expected_close_date
        ),
        badge: status_badge(DEAL_STATUSES, &d.status),
    }
}

fn opportunity_row(o: &Opportunity) -> Related {
    Related {
        route: Some(Route::EditOpportunity { id: o.id.clone() }),
        title: o.name.clone(),
        detail: format!(
            "{} · {} % · closes {}",
            money(o.amount, &o.currency),
            o.probability,
            o.close_date
        ),
        badge: status_badge(STAGES, &o.stage),
    }
}

fn request_row(r: &MdfRequest) -> Related {
    Related {
        route: Some(Route::FundRequest { id: r.id.clone() }),
        title: r.activity.clone(),
        detail: format!(
            "{} · {} to {}",
            money(r.amount, &r.currency),
            r.starts_on,
            r.ends_on
        ),
        badge: status_badge(REQUEST_STATUSES, &r.status),
    }
}

fn claim_row(c: &MdfClaim) -> Related {
    Related {
        route: Some(Route::FundClaim { id: c.id.clone() }),
        title: c.activity.clone(),
        detail: format!(
            "{} · filed {}",
            money(c.amount, &c.currency),
            when(&c.created_at)
        ),
        badge: status_badge(CLAIM_STATUSES, &c.status),
    }
}

/// One related list as a card; `empty` says what no rows means.
fn related(heading: &str, empty: &str, list: &List) -> Html {
    let id = format!("related-{}", heading.to_lowercase().replace(' ', "-"));
    let count = if list.more {
        format!("{RELATED}+")
    } else {
        list.rows.len().to_string()
    };
    html! {
        <section class="card related" aria-labelledby={id.clone()}>
            <h2 id={id}>{ heading.to_string() }{ " " }<span class="queue-count queue-count-zero">{ count }</span></h2>
            if list.rows.is_empty() {
                <p class="muted">{ empty.to_string() }</p>
            } else {
                <ul class="list-plain queue-items">
                    { for list.rows.iter().map(|r| html! {
                        <li>
                            if let Some(route) = &r.route {
                                <Link<Route> to={route.clone()}><strong>{ r.title.clone() }</strong></Link<Route>>
                            } else {
                                <strong>{ r.title.clone() }</strong>
                            }
                            { " " }{ r.badge.clone() }
                            <br /><span class="muted small-text">{ r.detail.clone() }</span>
                        </li>
                    }) }
                </ul>
                if list.more { <p class="muted small-text">{ format!("The latest {RELATED}.") }</p> }
            }
        </section>
    }
}

/// Properties of [`AccountPage`].
#[derive(Properties, PartialEq)]
pub struct AccountPageProps {
    pub id: String,
}

/// The account's page.
#[component]
pub fn AccountPage(props: &AccountPageProps) -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let directory = use_directory(staff);
    let (data, retry) = use_live_load(props.id.clone(), |b, id| async move {
        let query = ListQuery {
            limit: Some(RELATED),
            partner_account_id: Some(id.clone()),
            ..Default::default()
        };
        Ok(AccountData {
            account: b.get_account(&id).await?,
            users: list(b.list_users(&query).await?, user_row),
            deals: list(b.list_deals(&query).await?, deal_row),
            opportunities: list(b.list_opportunities(&query).await?, opportunity_row),
            requests: list(b.list_mdf_requests(&query).await?, request_row),
            claims: list(b.list_mdf_claims(&query).await?, claim_row),
        })
    });
    let d = match &*data {
        Load::Loading => return html! { <Loading label="Loading the account…" reserve="24rem" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(d) => d.clone(),
    };
    let a = &d.account;
    let tier = match (&a.tier_id, staff) {
        (None, _) => Html::default(),
        (Some(_), true) => html! { <TierName id={a.tier_id.clone()} /> },
        (Some(_), false) => text(
            session
                .me()
                .and_then(|m| m.tier_name.clone())
                .as_deref()
                .unwrap_or_default(),
        ),
    };
    let kind = a
        .partner_type
        .map(|t| capitalised(&wire_name(&t)))
        .unwrap_or_default();
    let rows = vec![
        ("Web domain", text(&a.domain)),
        ("Region", text(&a.region)),
        ("Partner type", text(&kind)),
        ("Tier", tier),
        ("Added", text(a.created_at.get(0..10).unwrap_or_default())),
    ];
    let subtitle = if a.is_partner {
        format!(
            "Partner account{}",
            if kind.is_empty() {
                String::new()
            } else {
                format!(" · {kind}")
            }
        )
    } else {
        "Customer account".to_string()
    };
    let (back, back_label) = if staff {
        (Route::Admin, "Partner administration")
    } else {
        (Route::Home, "Home")
    };
    html! {
        <ContextProvider<Directory> context={directory}>
            <div class="stack record-page">
                <RecordHeader {back} {back_label} title={a.name.clone()} subtitle={subtitle}>
                    if staff { <PartnershipCell account={a.clone()} /> }
                </RecordHeader>
                <Details {rows} />
                <div class="queues">
                    { related("Users", "No users yet.", &d.users) }
                    { related("Deal registrations", "No deal registrations yet.", &d.deals) }
                    { related("Opportunities", "No opportunities yet.", &d.opportunities) }
                    { related("Fund requests", "No fund requests yet.", &d.requests) }
                    { related("Fund claims", "No fund claims yet.", &d.claims) }
                </div>
            </div>
        </ContextProvider<Directory>>
    }
}

/// `technology` → `Technology`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
