//! The deal registration form.

use trellis_api::deal_flow::DealAction;
use trellis_api::validate::required_fields;
use trellis_api::{DealInput, FieldError, Validate};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{required_note, use_form, Field};
use crate::components::products::{use_catalogue, Catalogue};
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
    /// The form after choosing `product`: an empty amount takes the product's list price, in
    /// its currency when the program offers that one.
    fn with_product(mut self, product: String, catalogue: Option<&Catalogue>) -> Form {
        if let Some(p) = catalogue.and_then(|c| c.product(&product)) {
            if self.estimated_amount.trim().is_empty() && p.list_price > 0 {
                self.estimated_amount = p.list_price.to_string();
                if catalogue.is_some_and(|c| c.currencies.contains(&p.currency)) {
                    self.currency = p.currency.clone();
                }
            }
        }
        self.product = product;
        self
    }

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
    let form = use_state(Form::default);
    let catalogue = use_catalogue();
    // Until someone picks one, the currency is the program's default.
    let currency = match (&form.currency, &catalogue) {
        (c, _) if !c.is_empty() => c.clone(),
        (_, Some(c)) => c.default_currency(),
        (_, None) => "EUR".to_string(),
    };
    let state = use_form(Route::Deals);

    let save = {
        let (form, invalid, save) = (form.clone(), state.invalid.clone(), state.save.clone());
        let currency = currency.clone();
        Callback::from(move |submit: bool| {
            let typed = Form {
                currency: currency.clone(),
                ..(*form).clone()
            };
            let input = match typed.input() {
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
                "currency" => &currency,
                "expected_close_date" => &form.expected_close_date,
                _ => &form.notes,
            }
            .clone();
            let (options, blank) = match (id, &catalogue) {
                ("product", Some(c)) => (
                    c.product_options(&form.product),
                    Some(AttrValue::Static("Choose a product")),
                ),
                ("currency", Some(c)) => (Some(c.currency_options(&currency)), None),
                _ => (None, None),
            };
            let on_change = {
                let (form, catalogue) = (form.clone(), catalogue.clone());
                Callback::from(move |v: String| {
                    if id == "product" {
                        form.set((*form).clone().with_product(v, catalogue.as_ref()));
                        return;
                    }
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
                    hint={hint.map(AttrValue::Static)} {required} {options} {blank} />
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
                { field("currency", "Currency", "text", if catalogue.is_some() { None } else { Some("Three letters: EUR, USD, GBP…") }) }
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

    #[test]
    fn choosing_a_product_fills_an_empty_amount_with_its_list_price() {
        use crate::components::products::Catalogue;
        use trellis_api::products::Product;
        let product = |name: &str, price: i64, currency: &str| Product {
            id: name.into(),
            name: name.into(),
            family: String::new(),
            list_price: price,
            currency: currency.into(),
            active: true,
            created_at: String::new(),
            updated_at: String::new(),
        };
        let catalogue = Catalogue {
            products: vec![product("Edge", 15_000, "USD"), product("Yen box", 9, "JPY")],
            currencies: vec!["EUR".into(), "USD".into()],
        };
        let filled = Form::default().with_product("Edge".into(), Some(&catalogue));
        assert_eq!(
            (
                filled.product.as_str(),
                filled.estimated_amount.as_str(),
                filled.currency.as_str()
            ),
            ("Edge", "15000", "USD")
        );
        let typed = Form {
            estimated_amount: "900".into(),
            ..Form::default()
        }
        .with_product("Edge".into(), Some(&catalogue));
        assert_eq!(typed.estimated_amount, "900", "a typed amount stays");
        let foreign = Form::default().with_product("Yen box".into(), Some(&catalogue));
        assert_eq!(
            (foreign.estimated_amount.as_str(), foreign.currency.as_str()),
            ("9", "")
        );
    }
}
