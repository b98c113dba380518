//! Renders a community page's layout tree with live components bound to the user's data.

use std::rc::Rc;

use trellis_api::{LayoutNode, ListQuery, Page};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::record_list::age;
use crate::components::states::{ErrorState, Loading};
use crate::components::widgets::Widget;
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
