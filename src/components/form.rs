//! Labelled form fields that show their own validation message.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use trellis_client::ClientError;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

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

/// A save call whose success needs no further handling here.
pub type SaveFuture = Pin<Box<dyn Future<Output = Result<(), ClientError>>>>;

/// The state every form shares: field errors, the message at the top, and progress.
pub struct FormState {
    /// Messages by field name.
    pub errors: HashMap<String, String>,
    pub alert: Option<String>,
    pub busy: bool,
    /// Shows client-side validation errors without sending anything.
    pub invalid: Callback<HashMap<String, String>>,
    /// Sends a save; on success goes to the hook's route, else shows the server's errors by field.
    pub save: Callback<SaveFuture>,
}

/// Form submission: one place for progress, field errors from either side, and where to go after.
#[hook]
pub fn use_form(done: Route) -> FormState {
    let navigator = use_navigator();
    let errors = use_state(HashMap::<String, String>::new);
    let alert = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let invalid = {
        let (errors, alert) = (errors.clone(), alert.clone());
        Callback::from(move |found: HashMap<String, String>| {
            errors.set(found);
            alert.set(Some("Please correct the highlighted fields.".into()));
        })
    };
    let save = {
        let (errors, alert, busy) = (errors.clone(), alert.clone(), busy.clone());
        Callback::from(move |call: SaveFuture| {
            errors.set(HashMap::new());
            alert.set(None);
            busy.set(true);
            let (navigator, errors, alert, busy, done) = (
                navigator.clone(),
                errors.clone(),
                alert.clone(),
                busy.clone(),
                done.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = call.await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        if let Some(n) = navigator {
                            n.push(&done);
                        }
                    }
                    Err(ClientError::Api(api)) => {
                        errors.set(
                            api.field_errors
                                .iter()
                                .map(|e| (e.field.clone(), e.message.clone()))
                                .collect(),
                        );
                        alert.set(Some(api.message));
                    }
                    Err(e) => alert.set(Some(e.message())),
                }
            });
        })
    };
    FormState {
        errors: (*errors).clone(),
        alert: (*alert).clone(),
        busy: *busy,
        invalid,
        save,
    }
}
