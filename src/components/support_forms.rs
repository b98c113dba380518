//! The support page's forms: open a case (partners) and edit the contact channels (vendor staff).

use std::collections::HashMap;

use trellis_api::{parse_wire, CaseCategory, CaseInput, CasePriority, SupportChannels, Validate};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::files::checked_upload;
use crate::components::form::{bound_field, use_form_then, valid, value, Values};

/// Category and priority choices as (wire value, label).
pub const CATEGORIES: &[(&str, &str)] = &[
    ("technical", "Technical"),
    ("licensing", "Licensing"),
    ("billing", "Billing"),
    ("deal_registration", "Deal registration"),
    ("training", "Training"),
    ("other", "Other"),
];

/// Priority choices as (wire value, label).
pub const PRIORITIES: &[(&str, &str)] = &[
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("urgent", "Urgent"),
];

fn select(
    id: &'static str,
    label: &'static str,
    choices: &'static [(&str, &str)],
    values: &Values,
) -> Html {
    let chosen = values.get(id).cloned().unwrap_or_default();
    let onchange = {
        let values = values.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                let mut next = (*values).clone();
                next.insert(id, s.value());
                values.set(next);
            }
        })
    };
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select id={id} {onchange}>
                { for choices.iter().map(|(v, l)| html! { <option value={*v} selected={chosen == *v}>{ *l }</option> }) }
            </select>
        </div>
    }
}

/// Properties of [`CaseForm`] and [`ChannelsForm`].
#[derive(Properties, PartialEq)]
pub struct SavedProps {
    pub on_saved: Callback<()>,
    #[prop_or_default]
    pub channels: Option<SupportChannels>,
}

/// A partner opens a case, with an optional screenshot or document.
#[component]
pub fn CaseForm(props: &SavedProps) -> Html {
    let backend = use_backend();
    let values: Values = use_state(|| {
        HashMap::from([
            ("category", "technical".to_string()),
            ("priority", "normal".to_string()),
        ])
    });
    let state = use_form_then(props.on_saved.clone());
    let file = use_node_ref();
    let onsubmit = {
        let (values, invalid, save, file) = (
            values.clone(),
            state.invalid.clone(),
            state.save.clone(),
            file.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (values, invalid, save, file, backend) = (
                values.clone(),
                invalid.clone(),
                save.clone(),
                file.clone(),
                backend.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let get = |k: &str| value(&values, k);
                let mut input = CaseInput {
                    subject: get("subject"),
                    category: parse_wire(&get("category")).unwrap_or(CaseCategory::Other),
                    priority: parse_wire(&get("priority")).unwrap_or(CasePriority::Normal),
                    description: get("description"),
                    attachment: None,
                };
                let mut errors: HashMap<String, String> = input
                    .validate()
                    .into_iter()
                    .map(|e| (e.field, e.message))
                    .collect();
                match checked_upload(&file, "attachment").await {
                    Ok(upload) => input.attachment = upload,
                    Err(problems) => errors.extend(problems),
                }
                if !errors.is_empty() {
                    invalid.emit(errors);
                    return;
                }
                save.emit(Box::pin(async move {
                    backend
                        .create_case(&input)
                        .await
                        .map(|c| format!("Case opened: {}", c.subject))
                }));
            });
        })
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    let attachment_error = state
        .errors
        .get("attachment")
        .map(|m| format!("Attachment {m}"));
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="New case">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            <div class="span-2">{ f("subject", "Subject", "text", None) }</div>
            { select("category", "Category", CATEGORIES, &values) }
            { select("priority", "Priority", PRIORITIES, &values) }
            <div class="span-2">{ f("description", "Description", "textarea", Some("What happened, what you expected, and any order or deal numbers")) }</div>
            <div class="field span-2">
                <label for="attachment">{ "Attachment (optional: PDF, PNG or JPEG, up to 2 MiB)" }</label>
                <input id="attachment" type="file" accept="application/pdf,image/png,image/jpeg" ref={file}
                    aria-invalid={attachment_error.is_some().to_string()} />
                if let Some(e) = attachment_error { <p class="field-error">{ e }</p> }
            </div>
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Sending…" } else { "Open case" } }</button>
            </div>
        </form>
    }
}

/// Vendor staff change how partners reach them.
#[component]
pub fn ChannelsForm(props: &SavedProps) -> Html {
    let backend = use_backend();
    let current = props.channels.clone().unwrap_or_default();
    let values: Values = use_state(move || {
        HashMap::from([
            ("email", current.email),
            ("chat_url", current.chat_url),
            ("video_url", current.video_url),
            ("hours", current.hours),
        ])
    });
    let state = use_form_then(props.on_saved.clone());
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let get = |k: &str| value(&values, k);
            let input = SupportChannels {
                email: get("email"),
                chat_url: get("chat_url"),
                video_url: get("video_url"),
                hours: get("hours"),
            };
            if !valid(&input, &invalid) {
                return;
            }
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                backend
                    .set_support_channels(&input)
                    .await
                    .map(|_| String::from("Contact channels saved"))
            }));
        })
    };
    let f = |id, label, kind| bound_field(&values, &state.errors, id, label, kind, None);
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Contact channels">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { f("email", "Support email", "email") }
            { f("hours", "Opening hours", "text") }
            { f("chat_url", "Chat link", "text") }
            { f("video_url", "Video call link", "text") }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save channels" } }</button>
            </div>
        </form>
    }
}
