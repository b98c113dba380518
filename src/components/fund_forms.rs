//! The forms of the funds page: a new budget (staff), a fund request and a claim with proof (partners).

use std::collections::HashMap;

use trellis_api::{
    FieldError, MdfBudget, MdfBudgetInput, MdfClaimInput, MdfRequest, MdfRequestInput, Upload,
    Validate,
};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::files::checked_upload;
use crate::components::form::{bound_field, use_form_then, value, whole_number, FormState, Values};
use crate::format::{money, today};

/// The typed input's field errors as the form shows them, plus a whole-number check on `amount`.
fn errors_of(found: Vec<FieldError>, amount: &str) -> HashMap<String, String> {
    let mut errors: HashMap<String, String> =
        found.into_iter().map(|e| (e.field, e.message)).collect();
    if amount.trim().is_empty() {
        errors.insert("amount".into(), "is required".into());
    } else if whole_number(amount).is_none() {
        errors.insert(
            "amount".into(),
            "must be a whole number, such as 5000".into(),
        );
    }
    errors
}

/// The alert and the buttons every funds form ends with.
fn alert(state: &FormState) -> Html {
    html! {
        if let Some(message) = &state.alert {
            <div class="alert error span-2" role="alert">{ message.clone() }</div>
        }
    }
}

/// The form's main button, saying what it does and when it is busy.
fn submit_row(state: &FormState, idle: &'static str, busy: &'static str) -> Html {
    html! {
        <div class="span-2 form-actions">
            <button class="button" type="submit" disabled={state.busy}>
                { if state.busy { busy } else { idle } }
            </button>
        </div>
    }
}

/// Properties of [`RequestForm`].
#[derive(Properties, PartialEq)]
pub struct RequestFormProps {
    /// The budgets the partner may ask from.
    pub budgets: Vec<MdfBudget>,
    pub on_saved: Callback<()>,
}

/// A partner asks for funds for one activity.
#[component]
pub fn RequestForm(props: &RequestFormProps) -> Html {
    let backend = use_backend();
    let today = today();
    let open: Vec<MdfBudget> = props
        .budgets
        .iter()
        .filter(|b| b.ends_on >= today && b.remaining() > 0)
        .cloned()
        .collect();
    let first = open.first().map(|b| b.id.clone()).unwrap_or_default();
    let values: Values = use_state(move || HashMap::from([("budget_id", first)]));
    let state = use_form_then(props.on_saved.clone());
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let amount = value(&values, "amount");
            let input = MdfRequestInput {
                budget_id: value(&values, "budget_id"),
                activity: value(&values, "activity"),
                description: value(&values, "description"),
                amount: whole_number(&amount).unwrap_or(0),
                starts_on: value(&values, "starts_on"),
                ends_on: value(&values, "ends_on"),
            };
            let errors = errors_of(input.validate(), &amount);
            if !errors.is_empty() {
                invalid.emit(errors);
                return;
            }
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                backend
                    .create_mdf_request(&input)
                    .await
                    .map(|_| String::from("Fund request sent for review"))
            }));
        })
    };
    if open.is_empty() {
        return html! { <div class="alert" role="status">{ "No budget of your program has funds left to request right now." }</div> };
    }
    let on_budget = {
        let values = values.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let mut next = (*values).clone();
                next.insert("budget_id", s.value());
                values.set(next);
            }
        })
    };
    let chosen = value(&values, "budget_id");
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Fund request">
            { alert(&state) }
            <div class="field span-2">
                <label for="budget_id">{ "Budget" }</label>
                <select id="budget_id" onchange={on_budget}>
                    { for open.iter().map(|b| html! {
                        <option value={b.id.clone()} selected={b.id == chosen}>
                            { format!("{} ({} to {}) · {} left", b.name, b.starts_on, b.ends_on, money(b.remaining(), &b.currency)) }
                        </option>
                    }) }
                </select>
            </div>
            { f("activity", "Activity", "text", Some("What you will run: a webinar, an event, a campaign")) }
            { f("amount", "Amount", "text", Some("Whole units of the budget's currency")) }
            { f("starts_on", "Starts on", "date", None) }
            { f("ends_on", "Ends on", "date", None) }
            <div class="span-2">{ f("description", "Description", "textarea", Some("Audience, costs and expected results")) }</div>
            { submit_row(&state, "Send request", "Sending…") }
        </form>
    }
}

/// Properties of [`BudgetForm`].
#[derive(Properties, PartialEq)]
pub struct BudgetFormProps {
    pub on_saved: Callback<()>,
}

/// Vendor staff set aside a budget for the reseller program and a period.
#[component]
pub fn BudgetForm(props: &BudgetFormProps) -> Html {
    let backend = use_backend();
    let values: Values = use_state(|| HashMap::from([("currency", "EUR".to_string())]));
    let state = use_form_then(props.on_saved.clone());
    let (programs, _) =
        crate::components::load::use_load((), |b, ()| async move { b.list_programs().await });
    let programs = match &*programs {
        crate::components::load::Load::Ready(p) => p.clone(),
        _ => Vec::new(),
    };
    let program = programs.first().map(|p| p.id.clone()).unwrap_or_default();
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let amount = value(&values, "amount");
            let input = MdfBudgetInput {
                program_id: program.clone(),
                name: value(&values, "name"),
                starts_on: value(&values, "starts_on"),
                ends_on: value(&values, "ends_on"),
                amount: whole_number(&amount).unwrap_or(0),
                currency: value(&values, "currency").to_uppercase(),
            };
            let errors = errors_of(input.validate(), &amount);
            if !errors.is_empty() {
                invalid.emit(errors);
                return;
            }
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                backend
                    .create_mdf_budget(&input)
                    .await
                    .map(|b| format!("Budget {} created", b.name))
            }));
        })
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    let program_name = programs.first().map(|p| p.name.clone()).unwrap_or_default();
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="New budget">
            { alert(&state) }
            <p class="span-2 muted">{ format!("For the {program_name}") }</p>
            { f("name", "Period name", "text", Some("For example \"2027 H1\"")) }
            { f("amount", "Amount", "text", None) }
            { f("starts_on", "Starts on", "date", None) }
            { f("ends_on", "Ends on", "date", None) }
            { f("currency", "Currency", "text", Some("Three letters: EUR, USD, GBP…")) }
            { submit_row(&state, "Create budget", "Saving…") }
        </form>
    }
}

/// Properties of [`ClaimForm`].
#[derive(Properties, PartialEq)]
pub struct ClaimFormProps {
    pub request: MdfRequest,
    /// Fired with `true` once the claim is filed, `false` on cancel.
    pub on_done: Callback<bool>,
}

/// A partner claims money spent on an approved request, attaching proof.
#[component]
pub fn ClaimForm(props: &ClaimFormProps) -> Html {
    let backend = use_backend();
    let left = props.request.amount - props.request.claimed;
    let values: Values = use_state(move || HashMap::from([("amount", left.to_string())]));
    let state = use_form_then(props.on_done.reform(|()| true));
    let file = use_node_ref();
    let id = props.request.id.clone();
    let onsubmit = {
        let (values, invalid, save, file, id) = (
            values.clone(),
            state.invalid.clone(),
            state.save.clone(),
            file.clone(),
            id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (values, invalid, save, file, id, backend) = (
                values.clone(),
                invalid.clone(),
                save.clone(),
                file.clone(),
                id.clone(),
                backend.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let amount = value(&values, "amount");
                let mut input = MdfClaimInput {
                    request_id: id,
                    amount: whole_number(&amount).unwrap_or(0),
                    proof: Upload {
                        file_name: String::new(),
                        data: String::new(),
                    },
                };
                let mut errors = errors_of(input.validate(), &amount);
                errors.remove("proof");
                match checked_upload(&file, "proof").await {
                    Ok(Some(upload)) => input.proof = upload,
                    Ok(None) => drop(errors.insert(
                        "proof".into(),
                        "is required: attach an invoice or receipt".into(),
                    )),
                    Err(problems) => errors.extend(problems),
                }
                if !errors.is_empty() {
                    invalid.emit(errors);
                    return;
                }
                save.emit(Box::pin(async move {
                    backend
                        .create_mdf_claim(&input)
                        .await
                        .map(|_| String::from("Claim sent for review"))
                }));
            });
        })
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    let proof_error = state.errors.get("proof").map(|m| format!("Proof {m}"));
    let input_id = format!("proof-{}", props.request.id);
    let cancel = props.on_done.reform(|_: MouseEvent| false);
    html! {
        <form class="inline-form claim-form" {onsubmit} novalidate=true aria-label={format!("Claim for {}", props.request.activity)}>
            { alert(&state) }
            <p class="muted small-text">{ format!("Up to {} can still be claimed.", money(left, &props.request.currency)) }</p>
            { f("amount", "Amount spent", "text", None) }
            <div class="field">
                <label for={input_id.clone()}>{ "Proof (PDF, PNG or JPEG, up to 2 MiB)" }</label>
                <input id={input_id.clone()} type="file" accept="application/pdf,image/png,image/jpeg" ref={file}
                    aria-invalid={proof_error.is_some().to_string()}
                    aria-describedby={proof_error.as_ref().map(|_| format!("{input_id}-error"))} />
                if let Some(e) = proof_error { <p class="field-error" id={format!("{input_id}-error")}>{ e }</p> }
            </div>
            <div class="form-actions">
                <button class="button small" type="submit" disabled={state.busy}>{ if state.busy { "Uploading…" } else { "File claim" } }</button>
                <button class="button secondary small" type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
