//! Renders a community page's layout tree with live components bound to the user's data.

use std::rc::Rc;

use serde_json::{Map, Value};
use trellis_api::{ComponentKind, LayoutNode, ListQuery, Page, Stage};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::announcements::AnnouncementList;
use crate::components::load::{use_load, Load};
use crate::components::record_list::{age, money};
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

/// Properties of [`PageView`].
#[derive(Properties, PartialEq)]
pub struct PageViewProps {
    pub page: Page,
}

/// A whole page.
#[component]
pub fn PageView(props: &PageViewProps) -> Html {
    html! { <div class="stack">{ for props.page.root.iter().map(node) }</div> }
}

fn node(node: &LayoutNode) -> Html {
    match node {
        LayoutNode::Section {
            title, children, ..
        } => html! {
            <section class="stack">
                if !title.is_empty() { <h2>{ title.clone() }</h2> }
                { for children.iter().map(self::node) }
            </section>
        },
        LayoutNode::Row { columns, .. } => html! {
            <div class="row" style={format!("--cols:{}", columns.len().clamp(1, 4))}>
                { for columns.iter().map(|c| html! { <div class="stack">{ for c.children.iter().map(self::node) }</div> }) }
            </div>
        },
        LayoutNode::Component {
            component, props, ..
        } => html! {
            <Widget kind={*component} props={Rc::new(props.clone())} />
        },
    }
}

fn text(props: &Map<String, Value>, key: &str, default: &str) -> String {
    props
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or(default)
        .to_string()
}

/// Properties of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub kind: ComponentKind,
    pub props: Rc<Map<String, Value>>,
}

/// One placed component.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let p = &props.props;
    match props.kind {
        ComponentKind::Heading => {
            let t = text(p, "text", "Heading");
            match p.get("level").and_then(Value::as_u64) {
                Some(1) => html! { <h1>{ t }</h1> },
                Some(3) => html! { <h3>{ t }</h3> },
                _ => html! { <h2>{ t }</h2> },
            }
        }
        ComponentKind::RichText => html! { <p>{ text(p, "text", "") }</p> },
        ComponentKind::Button => {
            html! { <ButtonLink label={text(p, "label", "Open")} href={text(p, "href", "/")} /> }
        }
        ComponentKind::LeadInbox => html! {
            <LeadInbox title={text(p, "title", "New leads")} limit={p.get("limit").and_then(Value::as_u64).unwrap_or(5) as u32} />
        },
        ComponentKind::PipelineSummary => {
            html! { <PipelineSummary title={text(p, "title", "Pipeline")} /> }
        }
        ComponentKind::AnnouncementList => html! {
            <AnnouncementList title={text(p, "title", "Announcements")}
                limit={p.get("limit").and_then(Value::as_u64).unwrap_or(3) as usize} />
        },
        ComponentKind::Spacer => html! { <hr /> },
        other => html! {
            <div class="card"><h2>{ trellis_api::wire_name(&other).replace('_', " ") }</h2>
                <p class="muted">{ "Nothing to show here yet." }</p></div>
        },
    }
}

/// Properties of [`ButtonLink`].
#[derive(Properties, PartialEq)]
pub struct ButtonLinkProps {
    pub label: String,
    pub href: String,
}

/// A call-to-action link: in-app routes navigate inside the app; only http(s) links leave it.
#[component]
pub fn ButtonLink(props: &ButtonLinkProps) -> Html {
    if let Some(route) = Route::recognize(&props.href).filter(|r| *r != Route::NotFound) {
        return html! { <Link<Route> to={route} classes="button">{ props.label.clone() }</Link<Route>> };
    }
    // Anything else (javascript:, data:) is not a link at all.
    let safe = props.href.starts_with("https://") || props.href.starts_with("http://");
    if safe {
        html! { <a class="button" href={props.href.clone()} rel="noopener">{ props.label.clone() }</a> }
    } else {
        html! { <span class="button" aria-disabled="true">{ props.label.clone() }</span> }
    }
}

/// Properties of [`LeadInbox`].
#[derive(Properties, PartialEq)]
pub struct LeadInboxProps {
    pub title: String,
    pub limit: u32,
}

/// The newest leads waiting for this partner to accept them.
#[component]
pub fn LeadInbox(props: &LeadInboxProps) -> Html {
    let (state, retry) = use_load(props.limit, |b, limit| async move {
        let query = ListQuery {
            status: Some("assigned".into()),
            limit: Some(limit.clamp(1, 20)),
            ..Default::default()
        };
        b.list_leads(&query).await
    });
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading leads…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(page) if page.items.is_empty() => {
            html! { <p class="muted">{ "No leads waiting for you." }</p> }
        }
        Load::Ready(page) => html! {
            <ul class="list-plain">
                { for page.items.iter().map(|l| html! {
                    <li><strong>{ l.company.clone() }</strong>{ " · " }{ l.product_interest.clone() }
                        <span class="muted">{ format!(" · waiting {}", age(&l.created_at)) }</span></li>
                }) }
            </ul>
        },
    };
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            { body }
            <p><Link<Route> to={Route::Leads}>{ "All leads" }</Link<Route>></p>
        </div>
    }
}

/// Properties of [`PipelineSummary`].
#[derive(Properties, PartialEq)]
pub struct PipelineSummaryProps {
    pub title: String,
}

const OPEN_STAGES: [(Stage, &str); 4] = [
    (Stage::Prospecting, "Prospecting"),
    (Stage::Qualification, "Qualification"),
    (Stage::Proposal, "Proposal"),
    (Stage::Negotiation, "Negotiation"),
];

/// Open opportunities by stage: count and value.
#[component]
pub fn PipelineSummary(props: &PipelineSummaryProps) -> Html {
    let (state, retry) = use_load((), |b, ()| async move {
        b.list_opportunities(&ListQuery {
            limit: Some(ListQuery::MAX_LIMIT),
            ..Default::default()
        })
        .await
    });
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading pipeline…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(page) => html! {
            <div class="kpis">
                { for OPEN_STAGES.iter().map(|(stage, label)| {
                    let opps: Vec<_> = page.items.iter().filter(|o| o.stage == *stage).collect();
                    let total: i64 = opps.iter().map(|o| o.amount).sum();
                    let currency = opps.first().map(|o| o.currency.clone()).unwrap_or_else(|| "EUR".into());
                    html! {
                        <div class="kpi"><span class="muted">{ *label }</span>
                            <strong>{ opps.len() }</strong><span>{ money(total, &currency) }</span></div>
                    }
                }) }
            </div>
        },
    };
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            { body }
        </div>
    }
}
