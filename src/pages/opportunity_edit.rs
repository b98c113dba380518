//! Editing an opportunity: stage, amount, close date, probability and next step.

use std::collections::HashMap;

use trellis_api::activity::RecordKind;
use trellis_api::validate::required_fields;
use trellis_api::{parse_wire, wire_name, Opportunity, OpportunityInput, Stage, Validate};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::activity::Timeline;
use crate::components::form::{required_note, use_form, Field};
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::pages::opportunities::STAGES;
use crate::routes::Route;

/// Properties of [`OpportunityEditPage`].
#[derive(Properties, PartialEq)]
pub struct OpportunityEditProps {
    pub id: String,
}

/// Loads the opportunity, then shows its form.
#[component]
pub fn OpportunityEditPage(props: &OpportunityEditProps) -> Html {
    let (state, retry) = use_load(props.id.clone(), |b, id| async move {
        b.get_opportunity(&id).await
    });
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading opportunity…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(opp) => html! {
            <div class="record-columns">
                <OpportunityForm opportunity={opp.clone()} />
                <Timeline kind={RecordKind::Opportunities} id={opp.id.clone()} noun="opportunity" statuses={STAGES} />
            </div>
        },
    };
    html! {
        <>
            <p><Link<Route> to={Route::Opportunities}>{ "← Pipeline" }</Link<Route>></p>
            <div class="page-header"><h1>{ "Edit opportunity" }</h1></div>
            { body }
        </>
    }
}

/// The form's text, as typed.
#[derive(Clone, PartialEq)]
struct Form {
    name: String,
    account_name: String,
    stage: Stage,
    amount: String,
    currency: String,
    close_date: String,
    probability: String,
    next_step: String,
}

impl Form {
    fn of(o: &Opportunity) -> Form {
        Form {
            name: o.name.clone(),
            account_name: o.account_name.clone(),
            stage: o.stage,
            amount: o.amount.to_string(),
            currency: o.currency.clone(),
            close_date: o.close_date.clone(),
            probability: o.probability.to_string(),
            next_step: o.next_step.clone(),
        }
    }

    /// The typed input, or every field error.
    fn input(&self) -> Result<OpportunityInput, HashMap<String, String>> {
        let number = |s: &str| s.trim().replace([',', ' ', '%'], "").parse::<i64>();
        let (amount, probability) = (number(&self.amount), number(&self.probability));
        let input = OpportunityInput {
            name: self.name.trim().into(),
            account_name: self.account_name.trim().into(),
            stage: self.stage,
            amount: *amount.as_ref().unwrap_or(&0),
            currency: self.currency.trim().to_uppercase(),
            close_date: self.close_date.trim().into(),
            probability: *probability.as_ref().unwrap_or(&0),
            next_step: self.next_step.trim().into(),
            partner_account_id: None,
        };
        let mut errors: HashMap<String, String> = input
            .validate()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect();
        if amount.is_err() {
            errors.insert("amount".into(), "must be a whole number".into());
        }
        if probability.is_err() {
            errors.insert(
                "probability".into(),
                "must be a whole number from 0 to 100".into(),
            );
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }
}

/// Properties of [`OpportunityForm`].
#[derive(Properties, PartialEq)]
pub struct OpportunityFormProps {
    pub opportunity: Opportunity,
}

/// The opportunity's fields; saving returns to the pipeline.
#[component]
pub fn OpportunityForm(props: &OpportunityFormProps) -> Html {
    let backend = use_backend();
    let form = use_state(|| Form::of(&props.opportunity));
    let state = use_form(Route::Opportunities);
    let id = props.opportunity.id.clone();

    let onsubmit = {
        let (form, invalid, save) = (form.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = match form.input() {
                Ok(input) => input,
                Err(found) => {
                    invalid.emit(found);
                    return;
                }
            };
            let (backend, id) = (backend.clone(), id.clone());
            save.emit(Box::pin(async move {
                let saved = backend.update_opportunity(&id, &input).await?;
                Ok(format!("Opportunity {} saved", saved.name))
            }));
        })
    };

    let required = required_fields::<OpportunityInput>();
    let text = |id: &'static str,
                label: &'static str,
                kind: &'static str,
                get: fn(&Form) -> String,
                set: fn(&mut Form, String)| {
        let on_change = {
            let form = form.clone();
            Callback::from(move |v: String| {
                let mut next = (*form).clone();
                set(&mut next, v);
                form.set(next);
            })
        };
        let error = state.errors.get(id).map(|m| format!("{label} {m}"));
        let required = required.iter().any(|r| r == id);
        html! { <Field id={id} label={label} kind={kind} value={get(&form)} {on_change} {error} {required} /> }
    };
    let on_stage = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(stage) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| parse_wire::<Stage>(&s.value()))
            {
                let mut next = (*form).clone();
                // The probability follows the stage unless someone typed their own.
                if let Ok(typed) = next.probability.trim().parse::<i64>() {
                    next.probability = next.stage.probability_after_move(stage, typed).to_string();
                }
                next.stage = stage;
                form.set(next);
            }
        })
    };
    let current = wire_name(&form.stage);
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Opportunity">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { required_note() }
            { text("name", "Opportunity name", "text", |f| f.name.clone(), |f, v| f.name = v) }
            { text("account_name", "Customer account", "text", |f| f.account_name.clone(), |f, v| f.account_name = v) }
            <div class="field">
                <label for="stage">{ "Stage" }</label>
                <select id="stage" onchange={on_stage}>
                    { for STAGES.iter().map(|(value, label)| html! {
                        <option value={*value} selected={current == *value}>{ *label }</option>
                    }) }
                </select>
            </div>
            { text("probability", "Probability (%)", "text", |f| f.probability.clone(), |f, v| f.probability = v) }
            { text("amount", "Amount", "text", |f| f.amount.clone(), |f, v| f.amount = v) }
            { text("currency", "Currency", "text", |f| f.currency.clone(), |f, v| f.currency = v) }
            { text("close_date", "Close date", "date", |f| f.close_date.clone(), |f, v| f.close_date = v) }
            { text("next_step", "Next step", "text", |f| f.next_step.clone(), |f, v| f.next_step = v) }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save opportunity" } }</button>
                <Link<Route> to={Route::Opportunities} classes="button secondary">{ "Cancel" }</Link<Route>>
            </div>
        </form>
    }
}
