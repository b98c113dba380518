//! Labelled form fields that show their own validation message.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Also the field's name in validation errors.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub error: Option<String>,
    /// `text`, `email`, `number`, `date` or `textarea`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// One labelled input with its hint and error, wired for screen readers.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = [
        props.error.as_ref().map(|_| error_id.clone()),
        props.hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = props.error.is_some().to_string();
    let on_change = props.on_change.clone();
    let input = if props.kind == "textarea" {
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(t.value());
            }
        });
        html! {
            <textarea id={props.id.clone()} name={props.id.clone()} rows="4" value={props.value.clone()}
                aria-invalid={invalid} aria-describedby={described} {oninput} />
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                on_change.emit(i.value());
            }
        });
        html! {
            <input id={props.id.clone()} name={props.id.clone()} type={props.kind.clone()} value={props.value.clone()}
                aria-invalid={invalid} aria-describedby={described} {oninput} />
        }
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            { input }
            if let Some(h) = &props.hint { <p class="muted small-text" id={hint_id}>{ h.clone() }</p> }
            if let Some(e) = &props.error { <p class="field-error" id={error_id}>{ e.clone() }</p> }
        </div>
    }
}
