//! The staff home's work queues: a card per queue with the records waiting longest, each
//! linking to its record, and the whole queue one link away.

use std::collections::BTreeMap;
use std::rc::Rc;

use trellis_api::queues::{Queue, QueueKind, QUEUES, QUEUE_LIMIT};
use trellis_api::ListPage;
use trellis_client::{ClientResult, PrmBackend};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_live_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::components::support_forms::PRIORITIES;
use crate::format::{age, money};
use crate::routes::Route;

/// One waiting record as its card lists it.
#[derive(Clone, PartialEq)]
struct Row {
    route: Route,
    title: String,
    detail: String,
    account: Option<String>,
    since: String,
}

/// A queue's first records, and whether more wait.
type Rows = (Vec<Row>, bool);

fn rows<T>(page: ListPage<T>, row: fn(&T) -> Row) -> Rows {
    (
        page.items.iter().map(row).collect(),
        page.next_cursor.is_some(),
    )
}

/// Loads what waits in one queue.
async fn load(backend: Rc<dyn PrmBackend>, queue: Queue) -> ClientResult<Rows> {
    let query = queue.query();
    Ok(match queue.kind {
        QueueKind::DealsToReview => rows(backend.list_deals(&query).await?, |d| Row {
            route: Route::Deal { id: d.id.clone() },
            title: d.company.clone(),
            detail: format!("{} · {}", d.product, money(d.estimated_amount, &d.currency)),
            account: d.partner_account_id.clone(),
            since: d
                .submitted_at
                .clone()
                .unwrap_or_else(|| d.created_at.clone()),
        }),
        QueueKind::FundRequests => rows(backend.list_mdf_requests(&query).await?, |r| Row {
            route: Route::FundRequest { id: r.id.clone() },
            title: r.activity.clone(),
            detail: money(r.amount, &r.currency),
            account: r.partner_account_id.clone(),
            since: r.created_at.clone(),
        }),
        QueueKind::FundClaims => rows(backend.list_mdf_claims(&query).await?, |c| Row {
            route: Route::FundClaim { id: c.id.clone() },
            title: c.activity.clone(),
            detail: money(c.amount, &c.currency),
            account: c.partner_account_id.clone(),
            since: c.created_at.clone(),
        }),
        QueueKind::NewCases => rows(backend.list_cases(&query).await?, |c| Row {
            route: Route::Case { id: c.id.clone() },
            title: c.subject.clone(),
            detail: priority(&trellis_api::wire_name(&c.priority)),
            account: c.partner_account_id.clone(),
            since: c.created_at.clone(),
        }),
        QueueKind::LeadPool => rows(backend.list_leads(&query).await?, |l| Row {
            route: Route::Lead { id: l.id.clone() },
            title: l.company.clone(),
            detail: [l.product_interest.as_str(), l.region.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            account: None,
            since: l.created_at.clone(),
        }),
    })
}

/// "High priority", from the support form's own labels.
fn priority(wire: &str) -> String {
    let label = PRIORITIES
        .iter()
        .find(|(w, _)| *w == wire)
        .map_or(wire, |&(_, l)| l);
    format!("{label} priority")
}

/// "3", or "5+" when more wait than the card shows.
fn count(shown: usize, more: bool) -> String {
    if more {
        format!("{QUEUE_LIMIT}+")
    } else {
        shown.to_string()
    }
}

/// A queue's "see all" address as a route and its query.
fn see_all(queue: &Queue) -> (Route, BTreeMap<String, String>) {
    let (path, query) = queue.see_all.split_once('?').unwrap_or((queue.see_all, ""));
    let route = Route::recognize(path).unwrap_or(Route::Home);
    let pairs = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (route, pairs)
}

/// Properties of [`QueueCard`].
#[derive(Properties, PartialEq)]
struct QueueCardProps {
    kind: QueueKind,
}

/// One queue's card.
#[component]
fn QueueCard(props: &QueueCardProps) -> Html {
    let queue = QUEUES
        .iter()
        .copied()
        .find(|q| q.kind == props.kind)
        .unwrap_or(QUEUES[0]);
    let (state, retry) = use_live_load(queue.kind, move |b, _| load(b, queue));
    let heading_id = format!("queue-{:?}", queue.kind).to_lowercase();
    let (badge, body) = match &*state {
        Load::Loading => (
            Html::default(),
            html! { <Loading label={format!("Loading {}…", queue.title.to_lowercase())} /> },
        ),
        Load::Failed(e) => (
            Html::default(),
            html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        ),
        Load::Ready((list, _)) if list.is_empty() => (
            html! { <span class="queue-count queue-count-zero">{ "0" }</span> },
            html! { <p class="muted">{ queue.empty }</p> },
        ),
        Load::Ready((list, more)) => (
            html! { <span class="queue-count">{ count(list.len(), *more) }</span> },
            html! {
                <ul class="list-plain queue-items">
                    { for list.iter().map(|r| html! {
                        <li>
                            <Link<Route> to={r.route.clone()}><strong>{ r.title.clone() }</strong></Link<Route>>
                            <span class="muted small-text">
                                { if r.detail.is_empty() { String::new() } else { format!(" · {}", r.detail) } }
                                if r.account.is_some() { { " · " }<AccountName id={r.account.clone()} /> }
                                { format!(" · waiting {}", age(&r.since)) }
                            </span>
                        </li>
                    }) }
                </ul>
            },
        ),
    };
    let (route, query) = see_all(&queue);
    html! {
        <section class="card queue" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ queue.title }{ " " }{ badge }</h2>
            { body }
            <p><Link<Route, BTreeMap<String, String>> to={route} query={Some(query)}>
                { format!("All {}", queue.title.to_lowercase()) }
            </Link<Route, BTreeMap<String, String>>></p>
        </section>
    }
}

/// Every queue, in the contract's order, naming partner accounts from the directory.
#[component]
pub fn Queues() -> Html {
    let directory = use_directory(true);
    html! {
        <ContextProvider<Directory> context={directory}>
            <div class="queues">
                { for QUEUES.iter().map(|q| html! { <QueueCard key={format!("{:?}", q.kind)} kind={q.kind} /> }) }
            </div>
        </ContextProvider<Directory>>
    }
}

#[cfg(test)]
mod tests {
    use super::{count, see_all, QUEUES};
    use crate::routes::Route;

    #[test]
    fn every_queue_links_to_its_list_with_its_filter() {
        for queue in &QUEUES {
            let (route, query) = see_all(queue);
            assert_ne!(route, Route::Home, "{}", queue.see_all);
            assert!(
                query
                    .iter()
                    .any(|(k, v)| k.ends_with("status") && v == queue.status),
                "{query:?}"
            );
        }
        assert_eq!(see_all(&QUEUES[1]).0, Route::Funds);
    }

    #[test]
    fn a_full_card_says_more_wait() {
        assert_eq!(count(3, false), "3");
        assert_eq!(count(5, true), "5+");
    }
}
