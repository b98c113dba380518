//! The product catalogue (vendor staff) and the program's currencies (administrators edit).

use std::collections::HashMap;

use trellis_api::products::{Product, ProductInput, ProgramCurrencies};
use trellis_api::validate::required_fields;
use trellis_api::{Role, Validate};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{
    bound_field_marked, required_note, use_form_then, value, whole_number, Field, Values,
};
use crate::components::load::{use_live_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::components::toast::use_toaster;
use crate::format::{badge, money};
use crate::session::use_session;

/// The typed currencies, `EUR, usd gbp` → `["EUR", "USD", "GBP"]`.
fn currency_list(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Properties of [`ProductForm`].
#[derive(Properties, PartialEq)]
struct FormProps {
    /// The product being edited; a new one when `None`.
    editing: Option<Product>,
    currencies: Vec<String>,
    on_done: Callback<()>,
}

#[component]
fn ProductForm(props: &FormProps) -> Html {
    let backend = use_backend();
    let editing = props.editing.clone();
    let values: Values = use_state(|| {
        let p = editing.as_ref();
        HashMap::from([
            ("name", p.map(|p| p.name.clone()).unwrap_or_default()),
            ("family", p.map(|p| p.family.clone()).unwrap_or_default()),
            (
                "list_price",
                p.map(|p| p.list_price.to_string()).unwrap_or_default(),
            ),
        ])
    });
    let currency = use_state(|| {
        editing
            .as_ref()
            .map(|p| p.currency.clone())
            .or_else(|| props.currencies.first().cloned())
            .unwrap_or_default()
    });
    let active = use_state(|| editing.as_ref().is_none_or(|p| p.active));
    let state = use_form_then(props.on_done.clone());
    let onsubmit = {
        let (values, currency, active, invalid, save) = (
            values.clone(),
            currency.clone(),
            active.clone(),
            state.invalid.clone(),
            state.save.clone(),
        );
        let id = props.editing.as_ref().map(|p| p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let price = value(&values, "list_price");
            let input = ProductInput {
                name: value(&values, "name"),
                family: value(&values, "family"),
                list_price: whole_number(&price).unwrap_or(0),
                currency: (*currency).clone(),
                active: *active,
            };
            let mut errors: HashMap<String, String> = input
                .validate()
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect();
            if !price.is_empty() && whole_number(&price).is_none() {
                errors.insert(
                    "list_price".into(),
                    "must be a whole number, such as 12000".into(),
                );
            }
            if !errors.is_empty() {
                invalid.emit(errors);
                return;
            }
            let (backend, id) = (backend.clone(), id.clone());
            save.emit(Box::pin(async move {
                let saved = match id {
                    Some(id) => backend.update_product(&id, &input).await?,
                    None => backend.create_product(&input).await?,
                };
                Ok(format!("{} saved", saved.name))
            }));
        })
    };
    let required = required_fields::<ProductInput>();
    let f = |id: &'static str, label: &'static str, hint: Option<&'static str>| {
        let marked = required.iter().any(|r| r == id);
        bound_field_marked(&values, &state.errors, (id, label, "text"), hint, marked)
    };
    let on_currency = {
        let currency = currency.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                currency.set(s.value());
            }
        })
    };
    let on_active = {
        let active = active.clone();
        Callback::from(move |e: Event| {
            active.set(
                e.target_dyn_into::<HtmlInputElement>()
                    .is_some_and(|i| i.checked()),
            );
        })
    };
    let mut choices = props.currencies.clone();
    if !choices.contains(&currency) {
        choices.push((*currency).clone());
    }
    let cancel = props.on_done.reform(|_: MouseEvent| ());
    let title = match &props.editing {
        Some(p) => format!("Edit {}", p.name),
        None => "New product".to_string(),
    };
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label={title.clone()}>
            <h2 class="span-2">{ title }</h2>
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { required_note() }
            { f("name", "Product name", None) }
            { f("family", "Family", Some("The product line, e.g. Cloud or Services")) }
            { f("list_price", "List price", Some("Whole units of the currency")) }
            <div class="field">
                <label for="product-currency">{ "Currency" }</label>
                <select id="product-currency" onchange={on_currency}>
                    { for choices.iter().map(|c| html! { <option value={c.clone()} selected={*c == *currency}>{ c.clone() }</option> }) }
                </select>
                if let Some(m) = state.errors.get("currency") { <p class="field-error">{ format!("Currency {m}") }</p> }
            </div>
            <label class="choice span-2"><input type="checkbox" checked={*active} onchange={on_active} />
                { "Offered on deal and opportunity forms" }</label>
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save product" } }</button>
                <button class="button secondary" type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// The program's currencies: a form for administrators, a line for everyone else.
#[component]
fn CurrencySettings(props: &CurrencyProps) -> Html {
    let backend = use_backend();
    let typed = use_state(|| props.currencies.join(", "));
    let state = use_form_then(Callback::noop());
    if !props.admin {
        return html! {
            <p class="muted">{ format!("Deals and opportunities are in {}.", props.currencies.join(", ")) }</p>
        };
    }
    let onsubmit = {
        let (typed, save, backend) = (typed.clone(), state.save.clone(), backend.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let wanted = ProgramCurrencies {
                currencies: currency_list(&typed),
            };
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                let saved = backend.set_currencies(&wanted).await?;
                Ok(format!("Currencies saved: {}", saved.currencies.join(", ")))
            }));
        })
    };
    let on_change = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let error = state
        .errors
        .iter()
        .find(|(k, _)| k.starts_with("currencies"))
        .map(|(k, m)| {
            match k
                .strip_prefix("currencies.")
                .and_then(|i| i.parse::<usize>().ok())
            {
                Some(i) => format!(
                    "{} {m}",
                    currency_list(&typed).get(i).cloned().unwrap_or_default()
                ),
                None => format!("Currencies {m}"),
            }
        });
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Program currencies">
            <h2 class="span-2">{ "Currencies" }</h2>
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            <Field id="currencies" label="Program currencies" value={(*typed).clone()} {on_change} {error}
                hint={AttrValue::Static("Three-letter codes, the default first, e.g. EUR, USD, GBP. Records keep the currency they have.")} />
            <div class="form-actions span-2">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save currencies" } }</button>
            </div>
        </form>
    }
}

/// Properties of [`CurrencySettings`].
#[derive(Properties, PartialEq)]
struct CurrencyProps {
    currencies: Vec<String>,
    admin: bool,
}

/// The catalogue page.
#[component]
pub fn ProductsPage() -> Html {
    let backend = use_backend();
    let session = use_session();
    let toaster = use_toaster();
    let admin = session.me().is_some_and(|m| m.user.role == Role::Admin);
    let editing = use_state(|| None::<Option<Product>>);
    let (data, retry) = use_live_load((), |b, ()| async move {
        Ok((b.list_products().await?, b.currencies().await?.currencies))
    });
    let (products, currencies) = match &*data {
        Load::Loading => return html! { <Loading label="Loading the catalogue…" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(d) => d.clone(),
    };
    let done = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let new = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Some(None)))
    };
    let row = |p: &Product| {
        let edit = {
            let (editing, p) = (editing.clone(), p.clone());
            Callback::from(move |_: MouseEvent| editing.set(Some(Some(p.clone()))))
        };
        let toggle = {
            let (backend, toaster, p) = (backend.clone(), toaster.clone(), p.clone());
            Callback::from(move |_: MouseEvent| {
                let (backend, toaster, p) = (backend.clone(), toaster.clone(), p.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let input = ProductInput {
                        name: p.name.clone(),
                        family: p.family.clone(),
                        list_price: p.list_price,
                        currency: p.currency.clone(),
                        active: !p.active,
                    };
                    let said = match backend.update_product(&p.id, &input).await {
                        Ok(saved) if saved.active => format!("{} is offered again", saved.name),
                        Ok(saved) => format!("{} is no longer offered", saved.name),
                        Err(e) => format!("{} could not be changed: {e}", p.name),
                    };
                    if let Some(t) = toaster {
                        t.say(said);
                    }
                });
            })
        };
        html! {
            <tr>
                <td data-label="Product"><strong>{ p.name.clone() }</strong></td>
                <td data-label="Family">{ p.family.clone() }</td>
                <td data-label="List price" class="num">{ money(p.list_price, &p.currency) }</td>
                <td data-label="Status">{ if p.active { badge("open", "Offered") } else { badge("retired", "Not offered") } }</td>
                <td data-label="Actions" class="actions">
                    <button class="button secondary small" type="button" aria-label={format!("Edit {}", p.name)} onclick={edit}>{ "Edit" }</button>
                    <button class="button secondary small" type="button" onclick={toggle}
                        aria-label={format!("{} {}", if p.active { "Stop offering" } else { "Offer" }, p.name)}>
                        { if p.active { "Stop offering" } else { "Offer again" } }</button>
                </td>
            </tr>
        }
    };
    html! {
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Products" }</h1>
                    <p>{ "What partners pick when they register a deal or plan an opportunity." }</p></div>
                <button class="button" type="button" onclick={new}>{ "New product" }</button>
            </div>
            if let Some(target) = &*editing {
                <ProductForm key={target.as_ref().map_or("new".to_string(), |p| p.id.clone())}
                    editing={target.clone()} currencies={currencies.clone()} on_done={done} />
            }
            if products.is_empty() {
                <p class="muted">{ "No products yet: deal and opportunity forms take any product name until you add one." }</p>
            } else {
                <table class="records">
                    <caption class="visually-hidden">{ "Product catalogue" }</caption>
                    <thead><tr><th scope="col">{ "Product" }</th><th scope="col">{ "Family" }</th>
                        <th scope="col" class="num">{ "List price" }</th><th scope="col">{ "Status" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th></tr></thead>
                    <tbody>{ for products.iter().map(row) }</tbody>
                </table>
            }
            <CurrencySettings key={currencies.join(",")} currencies={currencies.clone()} {admin} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::currency_list;

    #[test]
    fn typed_currencies_are_split_and_upper_cased() {
        assert_eq!(
            currency_list(" eur, USD;gbp  chf,"),
            ["EUR", "USD", "GBP", "CHF"]
        );
        assert!(currency_list(" , ").is_empty());
    }
}
