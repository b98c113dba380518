//! The deal registration form.

use trellis_api::deal_flow::DealAction;
use trellis_api::validate::required_fields;
use trellis_api::{DealInput, FieldError, Validate};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{required_note, use_form, Field};
use crate::routes::Route;

/// The form's text, as typed.
#[derive(Clone, PartialEq, Default)]
struct Form {
    company: String,
    domain: String,
    contact_name: String,
    contact_email: String,
    product: String,
    estimated_amount: String,
    currency: String,
    expected_close_date: String,
    notes: String,
}

impl Form {
    /// The typed input, or the field errors that stop it from being one.
    fn input(&self) -> Result<DealInput, Vec<FieldError>> {
        let amount = self.estimated_amount.trim().replace([',', ' '], "");
        let parsed = amount.parse::<i64>();
        let input = DealInput {
            company: self.company.trim().into(),
            domain: self.domain.trim().to_lowercase(),
            contact_name: self.contact_name.trim().into(),
            contact_email: self.contact_email.trim().into(),
            product: self.product.trim().into(),
            estimated_amount: *parsed.as_ref().unwrap_or(&0),
            currency: self.currency.trim().to_uppercase(),
            expected_close_date: self.expected_close_date.trim().into(),
            notes: self.notes.trim().into(),
            partner_account_id: None,
        };
        let mut errors = input.validate();
        if parsed.is_err() {
            errors.retain(|e| e.field != "estimated_amount");
            errors.push(FieldError::new(
                "estimated_amount",
                "must be a whole number, such as 25000",
            ));
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }
}

/// Registers a new deal: save it as a draft, or save and submit it for review.
#[component]
pub fn NewDealPage() -> Html {
    let backend = use_backend();
    let form = use_state(|| Form {
        currency: "EUR".into(),
        ..Form::default()
    });
    let state = use_form(Route::Deals);

    let save = {
        let (form, invalid, save) = (form.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |submit: bool| {
            let input = match form.input() {
                Ok(input) => input,
                Err(list) => {
                    invalid.emit(list.into_iter().map(|e| (e.field, e.message)).collect());
                    return;
                }
            };
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                let deal = backend.create_deal(&input).await?;
                if !submit {
                    return Ok(format!("Deal for {} saved as a draft", deal.company));
                }
                backend
                    .transition_deal(&deal.id, &DealAction::Submit)
                    .await?;
                Ok(format!("Deal for {} submitted for review", deal.company))
            }));
        })
    };

    let required = required_fields::<DealInput>();
    let field =
        |id: &'static str, label: &'static str, kind: &'static str, hint: Option<&'static str>| {
            let value = match id {
                "company" => &form.company,
                "domain" => &form.domain,
                "contact_name" => &form.contact_name,
                "contact_email" => &form.contact_email,
                "product" => &form.product,
                "estimated_amount" => &form.estimated_amount,
                "currency" => &form.currency,
                "expected_close_date" => &form.expected_close_date,
                _ => &form.notes,
            }
            .clone();
            let on_change = {
                let form = form.clone();
                Callback::from(move |v: String| {
                    let mut next = (*form).clone();
                    let slot = match id {
                        "company" => &mut next.company,
                        "domain" => &mut next.domain,
                        "contact_name" => &mut next.contact_name,
                        "contact_email" => &mut next.contact_email,
                        "product" => &mut next.product,
                        "estimated_amount" => &mut next.estimated_amount,
                        "currency" => &mut next.currency,
                        "expected_close_date" => &mut next.expected_close_date,
                        _ => &mut next.notes,
                    };
                    *slot = v;
                    form.set(next);
                })
            };
            let error = state.errors.get(id).map(|m| format!("{label} {m}"));
            let required = required.iter().any(|r| r == id);
            html! {
                <Field id={id} label={label} kind={kind} value={value} {on_change} {error}
                    hint={hint.map(AttrValue::Static)} {required} />
            }
        };
    let onsubmit = save.reform(|e: SubmitEvent| {
        e.prevent_default();
        true
    });
    let save_draft = save.reform(|_: MouseEvent| false);

    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Register a deal" }</h1>
                    <p>{ "Tell the channel team about an opportunity you are working, so it is protected for you once approved." }</p></div>
            </div>
            <form class="card form-grid" {onsubmit} novalidate=true aria-label="Deal registration">
                if let Some(message) = &state.alert {
                    <div class="alert error span-2" role="alert">{ message.clone() }</div>
                }
                { required_note() }
                { field("company", "Customer company", "text", None) }
                { field("domain", "Company web domain", "text", Some("Used to spot duplicate registrations, e.g. example.com")) }
                { field("contact_name", "Customer contact", "text", None) }
                { field("contact_email", "Contact email", "email", None) }
                { field("product", "Product", "text", None) }
                { field("estimated_amount", "Estimated amount", "text", Some("Whole units of the currency")) }
                { field("currency", "Currency", "text", Some("Three letters: EUR, USD, GBP…")) }
                { field("expected_close_date", "Expected close date", "date", None) }
                <div class="span-2">{ field("notes", "Notes for the reviewer", "textarea", None) }</div>
                <div class="span-2 form-actions">
                    <button class="button" type="submit" disabled={state.busy}>
                        { if state.busy { "Saving…" } else { "Submit for review" } }
                    </button>
                    <button class="button secondary" type="button" onclick={save_draft} disabled={state.busy}>{ "Save as draft" }</button>
                    <Link<Route> to={Route::Deals} classes="button secondary">{ "Cancel" }</Link<Route>>
                </div>
            </form>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::Form;

    #[test]
    fn amounts_must_be_whole_numbers_and_fields_are_normalised() {
        let form = Form {
            company: " Initrode ".into(),
            domain: "Initrode.Example".into(),
            contact_name: "Nina".into(),
            contact_email: "nina@initrode.example".into(),
            product: "Cloud".into(),
            estimated_amount: "25,000".into(),
            currency: "eur".into(),
            expected_close_date: "2027-01-31".into(),
            notes: String::new(),
        };
        let input = form.input().expect("valid");
        assert_eq!(
            (
                input.estimated_amount,
                input.currency.as_str(),
                input.domain.as_str()
            ),
            (25_000, "EUR", "initrode.example")
        );
        let bad = Form {
            estimated_amount: "lots".into(),
            ..form
        }
        .input()
        .unwrap_err();
        assert_eq!(
            bad.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            ["estimated_amount"]
        );
    }
}
