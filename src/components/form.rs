//! Labelled form fields that show their own validation message.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use trellis_client::ClientError;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::toast::use_toaster;
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
    /// Marked as required beside its label (the form says what the mark means).
    #[prop_or_default]
    pub required: bool,
    /// A picklist's choices (value, label): shown as a select instead of a text input.
    #[prop_or_default]
    pub options: Option<Vec<(String, String)>>,
    /// The picklist's empty choice, first ("Choose a product"); none if it has no empty choice.
    #[prop_or_default]
    pub blank: Option<AttrValue>,
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
    let required = props.required.then_some("true");
    let on_change = props.on_change.clone();
    let input = if let Some(options) = &props.options {
        let onchange = Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                on_change.emit(s.value());
            }
        });
        html! {
            <select id={props.id.clone()} name={props.id.clone()} aria-invalid={invalid}
                aria-required={required} aria-describedby={described} {onchange}>
                if let Some(blank) = &props.blank {
                    <option value="" selected={props.value.is_empty()}>{ blank.clone() }</option>
                }
                { for options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={props.value == value.as_str()}>{ label.clone() }</option>
                }) }
            </select>
        }
    } else if props.kind == "textarea" {
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(t.value());
            }
        });
        html! {
            <textarea id={props.id.clone()} name={props.id.clone()} rows="4" value={props.value.clone()}
                aria-invalid={invalid} aria-required={required} aria-describedby={described} {oninput} />
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                on_change.emit(i.value());
            }
        });
        html! {
            <input id={props.id.clone()} name={props.id.clone()} type={props.kind.clone()} value={props.value.clone()}
                aria-invalid={invalid} aria-required={required} aria-describedby={described} {oninput} />
        }
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }
                if props.required { <span class="required-mark" aria-hidden="true">{ " *" }</span> }</label>
            { input }
            if let Some(h) = &props.hint { <p class="muted small-text" id={hint_id}>{ h.clone() }</p> }
            if let Some(e) = &props.error { <p class="field-error" id={error_id}>{ e.clone() }</p> }
        </div>
    }
}

/// A save call whose success needs no further handling here.
pub type SaveFuture = Pin<Box<dyn Future<Output = Result<String, ClientError>>>>;

/// The state every form shares: field errors, the message at the top, and progress.
pub struct FormState {
    /// Messages by field name.
    pub errors: HashMap<String, String>,
    pub alert: Option<String>,
    pub busy: bool,
    /// Shows client-side validation errors without sending anything.
    pub invalid: Callback<HashMap<String, String>>,
    /// Sends a save, whose answer is what a toast says once it succeeded; then goes to the
    /// hook's route, else shows the server's errors by field.
    pub save: Callback<SaveFuture>,
}

/// Form submission that goes to `done` once saved.
#[hook]
pub fn use_form(done: Route) -> FormState {
    let navigator = use_navigator();
    use_form_then(Callback::from(move |()| {
        if let Some(n) = &navigator {
            n.push(&done);
        }
    }))
}

/// Form submission: one place for progress, field errors from either side, and what to do once saved.
#[hook]
pub fn use_form_then(saved: Callback<()>) -> FormState {
    let errors = use_state(HashMap::<String, String>::new);
    let alert = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let toaster = use_toaster();
    // Counts refused submits: after each, focus goes to the first field to correct.
    let refused = use_state(|| 0u32);
    use_effect_with(*refused, |refused| {
        if *refused > 0 {
            focus_first_invalid();
        }
    });
    let invalid = {
        let (errors, alert, refused) = (errors.clone(), alert.clone(), refused.clone());
        Callback::from(move |found: HashMap<String, String>| {
            errors.set(found);
            alert.set(Some("Please correct the highlighted fields.".into()));
            refused.set(*refused + 1);
        })
    };
    let save = {
        let (errors, alert, busy) = (errors.clone(), alert.clone(), busy.clone());
        let refused = refused.clone();
        Callback::from(move |call: SaveFuture| {
            errors.set(HashMap::new());
            alert.set(None);
            busy.set(true);
            let (saved, errors, alert, busy) =
                (saved.clone(), errors.clone(), alert.clone(), busy.clone());
            let (toaster, refused) = (toaster.clone(), refused.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = call.await;
                busy.set(false);
                match result {
                    Ok(done) => {
                        if let Some(toaster) = toaster {
                            toaster.say(done);
                        }
                        saved.emit(())
                    }
                    Err(ClientError::Api(api)) => {
                        if !api.field_errors.is_empty() {
                            refused.set(*refused + 1);
                        }
                        errors.set(
                            api.field_errors
                                .iter()
                                .map(|e| (e.field.clone(), e.message.clone()))
                                .collect(),
                        );
                        // Field messages show beside their fields; the alert says where to look.
                        alert.set(Some(if api.field_errors.is_empty() {
                            api.message
                        } else {
                            "Please correct the highlighted fields.".into()
                        }));
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

/// Moves focus to the first field marked invalid, so the user starts correcting at once.
fn focus_first_invalid() {
    let first = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-invalid='true']").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(field) = first {
        let _ = field.focus();
    }
}

/// Whether `input` passes its own checks; if not, shows its field errors through `invalid`.
pub fn valid(
    input: &impl trellis_api::Validate,
    invalid: &Callback<HashMap<String, String>>,
) -> bool {
    let errors = input.validate();
    let ok = errors.is_empty();
    if !ok {
        invalid.emit(errors.into_iter().map(|e| (e.field, e.message)).collect());
    }
    ok
}

/// A form's text by field name, as typed.
pub type Values = UseStateHandle<HashMap<&'static str, String>>;

/// The trimmed text of one field.
pub fn value(values: &HashMap<&'static str, String>, id: &str) -> String {
    values
        .get(id)
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// A [`Field`] bound to `values[id]`, showing `errors[id]` after its label.
pub fn bound_field(
    values: &Values,
    errors: &HashMap<String, String>,
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    hint: Option<&'static str>,
) -> Html {
    bound_field_marked(values, errors, (id, label, kind), hint, false)
}

/// [`bound_field`], marked as required when `required` says so.
pub fn bound_field_marked(
    values: &Values,
    errors: &HashMap<String, String>,
    (id, label, kind): (&'static str, &'static str, &'static str),
    hint: Option<&'static str>,
    required: bool,
) -> Html {
    let value = values.get(id).cloned().unwrap_or_default();
    let on_change = {
        let values = values.clone();
        Callback::from(move |v: String| {
            let mut next = (*values).clone();
            next.insert(id, v);
            values.set(next);
        })
    };
    let error = errors.get(id).map(|m| format!("{label} {m}"));
    html! {
        <Field id={id} label={label} kind={kind} value={value} {on_change} {error}
            hint={hint.map(AttrValue::Static)} {required} />
    }
}

/// What the forms' required mark means, said once at the top of a form that has one.
pub fn required_note() -> Html {
    html! { <p class="muted small-text span-2">{ "Fields marked * are required." }</p> }
}

/// A whole number as people type it ("25,000", "1 500"); `None` if it is not one.
pub fn whole_number(text: &str) -> Option<i64> {
    text.trim().replace([',', ' '], "").parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_numbers_allow_grouping_only() {
        use super::whole_number;
        assert_eq!(whole_number(" 25,000 "), Some(25_000));
        assert_eq!(whole_number("1 500"), Some(1_500));
        assert_eq!(whole_number("12.5"), None);
        assert_eq!(whole_number("lots"), None);
    }
}
