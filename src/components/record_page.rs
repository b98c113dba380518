//! What every record page has: a way back to its list, a header with the record's name and
//! status, and its key fields as a list of terms.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

/// Properties of [`RecordHeader`].
#[derive(Properties, PartialEq)]
pub struct RecordHeaderProps {
    /// The list this record belongs to, and its name ("All leads").
    pub back: Route,
    pub back_label: &'static str,
    pub title: AttrValue,
    #[prop_or_default]
    pub subtitle: Option<AttrValue>,
    /// The status badge and the actions the viewer may take.
    #[prop_or_default]
    pub children: Html,
}

/// The top of a record page.
#[component]
pub fn RecordHeader(props: &RecordHeaderProps) -> Html {
    html! {
        <>
            <p><Link<Route> to={props.back.clone()}>{ format!("← {}", props.back_label) }</Link<Route>></p>
            <div class="page-header record-header">
                <div>
                    <h1>{ props.title.clone() }</h1>
                    if let Some(s) = &props.subtitle { <p>{ s.clone() }</p> }
                </div>
                <div class="record-work">{ props.children.clone() }</div>
            </div>
        </>
    }
}

/// Properties of [`Details`].
#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// The section's heading.
    #[prop_or(AttrValue::Static("Details"))]
    pub heading: AttrValue,
    /// Each field's label and value; empty values are left out.
    pub rows: Vec<(&'static str, Html)>,
}

/// A record's fields as a definition list in a card.
#[component]
pub fn Details(props: &DetailsProps) -> Html {
    html! {
        <section class="card" aria-label={props.heading.clone()}>
            <h2>{ props.heading.clone() }</h2>
            <dl class="details">
                { for props.rows.iter().filter(|(_, v)| *v != Html::default()).map(|(label, value)| html! {
                    <div><dt>{ *label }</dt><dd>{ value.clone() }</dd></div>
                }) }
            </dl>
        </section>
    }
}

/// A text value, or nothing when it is empty (so [`Details`] leaves it out).
pub fn text(value: &str) -> Html {
    if value.trim().is_empty() {
        Html::default()
    } else {
        html! { value.to_string() }
    }
}
