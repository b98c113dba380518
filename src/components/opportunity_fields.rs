//! An opportunity's fields as typed, shared by its edit form and the lead conversion dialog:
//! the draft, its checks, and the probability that follows the stage unless typed by hand.

use std::collections::HashMap;

use serde_json::Value;
use trellis_api::records::kind::fields;
use trellis_api::validate::required_fields;
use trellis_api::{parse_wire, wire_name, Opportunity, OpportunityInput, Stage, Validate};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::form::Field;
use crate::components::products::Catalogue;

/// An opportunity stage's wire name and label, in pipeline order.
pub const STAGES: &[(&str, &str)] = &[
    ("prospecting", "Prospecting"),
    ("qualification", "Qualification"),
    ("proposal", "Proposal"),
    ("negotiation", "Negotiation"),
    ("closed_won", "Closed won"),
    ("closed_lost", "Closed lost"),
];

/// The opportunity's fields, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct OpportunityDraft {
    pub name: String,
    pub account_name: String,
    pub product: String,
    pub stage: Stage,
    pub amount: String,
    pub currency: String,
    pub close_date: String,
    pub probability: String,
    pub next_step: String,
}

impl OpportunityDraft {
    /// The draft of an input's values.
    pub fn of_input(o: &OpportunityInput) -> OpportunityDraft {
        OpportunityDraft {
            name: o.name.clone(),
            account_name: o.account_name.clone(),
            product: o.product.clone(),
            stage: o.stage,
            amount: o.amount.to_string(),
            currency: o.currency.clone(),
            close_date: o.close_date.clone(),
            probability: o.probability.to_string(),
            next_step: o.next_step.clone(),
        }
    }

    /// The draft of a saved opportunity (its fields are its input's, by name).
    pub fn of(o: &Opportunity) -> OpportunityDraft {
        let input = serde_json::from_value(Value::Object(fields(o))).unwrap_or_default();
        OpportunityDraft::of_input(&input)
    }

    /// Moves to `stage`; the probability follows unless someone typed their own.
    pub fn with_stage(mut self, stage: Stage) -> OpportunityDraft {
        if let Ok(typed) = self.probability.trim().parse::<i64>() {
            self.probability = self.stage.probability_after_move(stage, typed).to_string();
        }
        self.stage = stage;
        self
    }

    /// The typed input, or every field error by field name.
    pub fn input(&self) -> Result<OpportunityInput, HashMap<String, String>> {
        let number = |s: &str| s.trim().replace([',', ' ', '%'], "").parse::<i64>();
        let (amount, probability) = (number(&self.amount), number(&self.probability));
        let input = OpportunityInput {
            name: self.name.trim().into(),
            account_name: self.account_name.trim().into(),
            product: self.product.trim().into(),
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

type Get = fn(&OpportunityDraft) -> String;
type Set = fn(&mut OpportunityDraft, String);

/// The fields, their ids and errors under `prefix` (`opportunity.` in the conversion dialog);
/// the customer account only when `with_account`; product and currency as picklists once the
/// `catalogue` is known.
pub fn opportunity_fields(
    draft: &UseStateHandle<OpportunityDraft>,
    errors: &HashMap<String, String>,
    prefix: &'static str,
    with_account: bool,
    catalogue: Option<&Catalogue>,
) -> Html {
    let required = required_fields::<OpportunityInput>();
    let (products, currencies) = match catalogue {
        Some(c) => (
            c.product_options(&draft.product),
            Some(c.currency_options(&draft.currency)),
        ),
        None => (None, None),
    };
    let text = |id: &'static str, label: &'static str, kind: &'static str, get: Get, set: Set| {
        let options = match id {
            "product" => products.clone(),
            "currency" => currencies.clone(),
            _ => None,
        };
        let blank = (id == "product").then_some(AttrValue::Static("No product"));
        let on_change = {
            let draft = draft.clone();
            Callback::from(move |v: String| {
                let mut next = (*draft).clone();
                set(&mut next, v);
                draft.set(next);
            })
        };
        let key = format!("{prefix}{id}");
        let error = errors.get(&key).map(|m| format!("{label} {m}"));
        let required = required.iter().any(|r| r == id);
        html! { <Field id={key} label={label} kind={kind} value={get(draft)} {on_change} {error} {required} {options} {blank} /> }
    };
    let on_stage = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if let Some(stage) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| parse_wire::<Stage>(&s.value()))
            {
                draft.set((*draft).clone().with_stage(stage));
            }
        })
    };
    let current = wire_name(&draft.stage);
    let stage_id = format!("{prefix}stage");
    html! {
        <>
            { text("name", "Opportunity name", "text", |f| f.name.clone(), |f, v| f.name = v) }
            if with_account {
                { text("account_name", "Customer account", "text", |f| f.account_name.clone(), |f, v| f.account_name = v) }
            }
            { text("product", "Product", "text", |f| f.product.clone(), |f, v| f.product = v) }
            <div class="field">
                <label for={stage_id.clone()}>{ "Stage" }</label>
                <select id={stage_id} onchange={on_stage}>
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
        </>
    }
}

#[cfg(test)]
mod tests {
    use trellis_api::Stage;

    use super::OpportunityDraft;

    fn draft(probability: &str) -> OpportunityDraft {
        OpportunityDraft {
            name: "Globex – Cloud".into(),
            account_name: "Globex".into(),
            product: String::new(),
            stage: Stage::Prospecting,
            amount: "25,000".into(),
            currency: "eur".into(),
            close_date: "2027-01-31".into(),
            probability: probability.into(),
            next_step: String::new(),
        }
    }

    #[test]
    fn the_probability_follows_the_stage_unless_typed_by_hand() {
        let moved = draft("10").with_stage(Stage::Qualification);
        assert_eq!(moved.probability, "25");
        let kept = draft("40").with_stage(Stage::Proposal);
        assert_eq!(kept.probability, "40", "someone set it by hand");
        let input = moved.input().unwrap();
        assert_eq!((input.amount, input.currency.as_str()), (25_000, "EUR"));
        let errors = draft("lots").input().unwrap_err();
        assert!(errors.contains_key("probability"));
    }
}
