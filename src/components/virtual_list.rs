//! Instant lead search: every visible lead held in the browser, filtered and sorted as you type,
//! drawn as a virtualised list (only the rows in view exist in the page).

use std::ops::Range;
use std::rc::Rc;

use trellis_api::{wire_name, Lead, ListQuery};
use trellis_client::ClientError;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::backend::use_backend;
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

/// Height of one row in pixels (fixed, so positions are arithmetic).
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows drawn beyond each edge of the view, so fast scrolling shows no gaps.
const OVERSCAN: usize = 6;

/// The rows to draw for a scroll position: those in view plus the overscan.
pub fn visible_range(scroll_top: f64, viewport: f64, len: usize) -> Range<usize> {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let count = (viewport.max(0.0) / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = (first + count + OVERSCAN).min(len);
    start..end
}

/// How the instant view orders leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadOrder {
    Newest,
    Company,
    Status,
}

/// Each lead's searchable text in lower case, worked out once per load rather than per keystroke.
pub fn haystacks(leads: &[Lead]) -> Vec<String> {
    leads
        .iter()
        .map(|l| {
            // A separator no one types, so a match never spans two fields.
            format!(
                "{}\u{1}{}\u{1}{}\u{1}{}",
                l.company, l.contact_name, l.email, l.product_interest
            )
            .to_lowercase()
        })
        .collect()
}

/// Indexes of the leads matching `text` (company, contact, email, product; any case), in `order`.
pub fn filter_sort(
    leads: &[Lead],
    haystacks: &[String],
    text: &str,
    order: LeadOrder,
) -> Vec<usize> {
    let needle = text.trim().to_lowercase();
    let mut out: Vec<usize> = haystacks
        .iter()
        .enumerate()
        .filter(|(_, h)| needle.is_empty() || h.contains(&needle))
        .map(|(i, _)| i)
        .collect();
    match order {
        LeadOrder::Newest => out.sort_by(|a, b| leads[*b].created_at.cmp(&leads[*a].created_at)),
        LeadOrder::Company => out.sort_by(|a, b| leads[*a].company.cmp(&leads[*b].company)),
        LeadOrder::Status => out.sort_by_key(|i| leads[*i].status as u8),
    }
    out
}

/// Properties of [`InstantLeads`].
#[derive(Properties, PartialEq)]
pub struct InstantLeadsProps {
    pub leads: Rc<Vec<Lead>>,
    /// Height of the scrolling area in pixels.
    #[prop_or(520.0)]
    pub height: f64,
}

/// Search, order and a virtualised list over leads already loaded.
#[component]
pub fn InstantLeads(props: &InstantLeadsProps) -> Html {
    let text = use_state(String::new);
    let order = use_state(|| LeadOrder::Newest);
    let scroll = use_state(|| 0.0f64);
    let hay = use_memo(props.leads.clone(), |leads| haystacks(leads));
    let matches = {
        let (leads, hay) = (props.leads.clone(), hay.clone());
        use_memo(((*text).clone(), *order, leads), move |(t, o, leads)| {
            filter_sort(leads, &hay, t, *o)
        })
    };
    let oninput = {
        let (text, scroll) = (text.clone(), scroll.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(i.value());
                scroll.set(0.0);
            }
        })
    };
    let onorder = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                order.set(match s.value().as_str() {
                    "company" => LeadOrder::Company,
                    "status" => LeadOrder::Status,
                    _ => LeadOrder::Newest,
                });
            }
        })
    };
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlElement>() {
                scroll.set(f64::from(el.scroll_top()));
            }
        })
    };
    let range = visible_range(*scroll, props.height, matches.len());
    let total = matches.len();
    html! {
        <section class="instant" aria-label="Instant lead search">
            <div class="toolbar">
                <label for="instant-q" class="muted">{ "Filter as you type" }</label>
                <input id="instant-q" type="search" value={(*text).clone()} {oninput}
                    placeholder="Company, contact, email or product" />
                <label for="instant-order" class="muted">{ "Order" }</label>
                <select id="instant-order" onchange={onorder}>
                    <option value="newest" selected={*order == LeadOrder::Newest}>{ "Newest first" }</option>
                    <option value="company" selected={*order == LeadOrder::Company}>{ "Company A–Z" }</option>
                    <option value="status" selected={*order == LeadOrder::Status}>{ "Status" }</option>
                </select>
            </div>
            <p class="muted" role="status" aria-live="polite">
                { format!("{total} of {} leads match", props.leads.len()) }
            </p>
            <div class="virtual card" style={format!("height:{}px", props.height)} {onscroll}
                role="list" aria-label="Matching leads" tabindex="0">
                <div style={format!("height:{}px;position:relative", total as f64 * ROW_HEIGHT)}>
                    { for range.map(|pos| {
                        let l = &props.leads[matches[pos]];
                        html! {
                            <div class="virtual-row" role="listitem" key={l.id.clone()}
                                aria-posinset={(pos + 1).to_string()} aria-setsize={total.to_string()}
                                style={format!("transform:translateY({}px)", pos as f64 * ROW_HEIGHT)}>
                                <Link<Route> to={Route::Lead { id: l.id.clone() }}><strong>{ l.company.clone() }</strong></Link<Route>>
                                <span>{ l.contact_name.clone() }</span>
                                <span class="muted">{ l.product_interest.clone() }</span>
                                <span class={classes!("badge", wire_name(&l.status))}>{ wire_name(&l.status).replace('_', " ") }</span>
                            </div>
                        }
                    }) }
                </div>
            </div>
        </section>
    }
}

/// Loads every lead the user may see (page by page, with progress), then searches them instantly.
#[component]
pub fn AllLeads() -> Html {
    let backend = use_backend();
    let state = use_state(|| Loaded::Loading(0));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let mut query = ListQuery {
                    limit: Some(ListQuery::MAX_LIMIT),
                    ..Default::default()
                };
                let mut all = Vec::new();
                loop {
                    match backend.list_leads(&query).await {
                        Ok(page) => {
                            all.extend(page.items);
                            state.set(Loaded::Loading(all.len()));
                            match page.next_cursor {
                                Some(c) => query.cursor = Some(c),
                                None => break,
                            }
                        }
                        Err(e) => {
                            state.set(Loaded::Failed(e));
                            return;
                        }
                    }
                }
                state.set(Loaded::Ready(Rc::new(all)));
            });
        });
    }
    match &*state {
        Loaded::Loading(n) => {
            html! { <Loading label={format!("Loading every lead… {n} so far")} /> }
        }
        Loaded::Failed(e) => html! { <ErrorState error={e.clone()} /> },
        Loaded::Ready(leads) => html! { <InstantLeads leads={leads.clone()} /> },
    }
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading(usize),
    Failed(ClientError),
    Ready(Rc<Vec<Lead>>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use trellis_api::LeadStatus;

    #[test]
    fn only_rows_in_view_and_the_overscan_are_drawn() {
        assert_eq!(visible_range(0.0, 440.0, 10_000), 0..17);
        assert_eq!(visible_range(44.0 * 100.0, 440.0, 10_000), 94..117);
        assert_eq!(visible_range(44.0 * 9_995.0, 440.0, 10_000), 9_989..10_000);
        assert_eq!(visible_range(0.0, 440.0, 3), 0..3);
        assert_eq!(visible_range(-50.0, 440.0, 0), 0..0);
    }

    #[test]
    fn filtering_ignores_case_and_orders_as_asked() {
        let lead = |company: &str, status, at: &str| Lead {
            id: company.into(),
            company: company.into(),
            contact_name: "Ann".into(),
            email: "ann@example.com".into(),
            phone: String::new(),
            region: String::new(),
            postcode: String::new(),
            product_interest: "Cloud".into(),
            status,
            decline_reason: None,
            accept_by: None,
            converted_opportunity_id: None,
            converted_contact_id: None,
            partner_account_id: None,
            owner_user_id: None,
            created_at: at.into(),
            updated_at: at.into(),
        };
        let leads = [
            lead("Zeta", LeadStatus::Converted, "2026-01-03"),
            lead("Acme", LeadStatus::Accepted, "2026-01-01"),
            lead("Beta", LeadStatus::New, "2026-01-02"),
        ];
        let hay = haystacks(&leads);
        assert_eq!(filter_sort(&leads, &hay, "", LeadOrder::Newest), [0, 2, 1]);
        assert_eq!(filter_sort(&leads, &hay, "", LeadOrder::Company), [1, 2, 0]);
        assert_eq!(filter_sort(&leads, &hay, "", LeadOrder::Status), [2, 1, 0]);
        assert_eq!(filter_sort(&leads, &hay, "ACM", LeadOrder::Newest), [1]);
        assert_eq!(
            filter_sort(&leads, &hay, "cloud", LeadOrder::Company).len(),
            3
        );
        assert!(
            filter_sort(&leads, &hay, "acmeann", LeadOrder::Newest).is_empty(),
            "no match across fields"
        );
    }
}
