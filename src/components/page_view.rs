//! Renders a community page's layout tree with live components bound to the user's data.

use std::rc::Rc;

use trellis_api::{LayoutNode, Page};
use yew::prelude::*;

use crate::components::widgets::Widget;

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
