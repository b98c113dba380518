//! Converting a lead: a dialog that maps it to a customer account (one the partner works with,
//! or a new one), a contact (an existing one, or a new one from the lead) and an opportunity,
//! all prefilled from the lead.

use std::collections::HashMap;
use std::rc::Rc;

use trellis_api::datetime::days_between;
use trellis_api::lead_flow::{default_conversion, Conversion, LeadAction, LeadOutcome};
use trellis_api::{Contact, ContactInput, Lead, ListQuery, Validate};
use trellis_client::{ClientResult, PrmBackend};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::dialog::Dialog;
use crate::components::form::{use_form_then, Field};
use crate::components::load::{use_load, Load};
use crate::components::opportunity_fields::{opportunity_fields, OpportunityDraft};
use crate::components::products::use_catalogue;
use crate::format::today;

/// Properties of [`ConvertDialog`].
#[derive(Properties, PartialEq)]
pub struct ConvertDialogProps {
    pub lead: Lead,
    /// Told with what the conversion created, once it succeeded.
    pub on_done: Callback<LeadOutcome>,
    pub on_cancel: Callback<()>,
}

/// The partner's contacts that look like the lead's, and the customer account names they use.
async fn known(b: Rc<dyn PrmBackend>, lead: Lead) -> ClientResult<(Vec<Contact>, Vec<String>)> {
    let by = |q: &str| ListQuery {
        q: Some(q.to_string()),
        limit: Some(20),
        ..Default::default()
    };
    let mut contacts = b.list_contacts(&by(&lead.email)).await?.items;
    for c in b.list_contacts(&by(&lead.company)).await?.items {
        if !contacts.iter().any(|k| k.id == c.id) {
            contacts.push(c);
        }
    }
    let opportunities = b.list_opportunities(&by(&lead.company)).await?.items;
    let mut accounts: Vec<String> = opportunities
        .into_iter()
        .map(|o| o.account_name)
        .chain(contacts.iter().map(|c| c.company.clone()))
        .filter(|a| !a.trim().is_empty())
        .collect();
    accounts.sort();
    accounts.dedup();
    Ok((contacts, accounts))
}

/// A text field of the new contact.
fn contact_field(
    contact: &UseStateHandle<ContactInput>,
    errors: &HashMap<String, String>,
    (id, label, kind): (&'static str, &'static str, &'static str),
    get: fn(&ContactInput) -> String,
    set: fn(&mut ContactInput, String),
) -> Html {
    let on_change = {
        let contact = contact.clone();
        Callback::from(move |v: String| {
            let mut next = (*contact).clone();
            set(&mut next, v);
            contact.set(next);
        })
    };
    let key = format!("contact.{id}");
    let error = errors.get(&key).map(|m| format!("{label} {m}"));
    html! { <Field id={key} {label} {kind} value={get(contact)} {on_change} {error} /> }
}

/// The conversion dialog.
#[component]
pub fn ConvertDialog(props: &ConvertDialogProps) -> Html {
    let backend = use_backend();
    let start = use_memo(props.lead.clone(), |lead| {
        let days = days_between("1970-01-01", &today()).unwrap_or_default();
        default_conversion(lead, days)
    });
    let account = use_state(|| start.account_name.clone());
    let existing = use_state(|| None::<String>);
    let new_contact = use_state(|| start.contact.clone().unwrap_or_default());
    let draft = use_state(|| OpportunityDraft::of_input(&start.opportunity));
    let catalogue = use_catalogue();
    {
        // The lead's product interest is prefilled only if the catalogue offers it.
        let draft = draft.clone();
        use_effect_with(catalogue.clone(), move |catalogue| {
            if let Some(c) = catalogue {
                if !draft.product.is_empty()
                    && c.product_options(&draft.product).is_some()
                    && c.product(&draft.product).is_none()
                {
                    draft.set(OpportunityDraft {
                        product: String::new(),
                        ..(*draft).clone()
                    });
                }
            }
        });
    }
    let (found, _) = use_load(props.lead.clone(), known);
    {
        // A contact with the lead's email is most likely the same person: offer it first.
        let (existing, email) = (existing.clone(), props.lead.email.to_lowercase());
        use_effect_with(found.clone(), move |found| {
            if let Load::Ready((contacts, _)) = &**found {
                if let Some(same) = contacts.iter().find(|c| c.email.to_lowercase() == email) {
                    existing.set(Some(same.id.clone()));
                }
            }
        });
    }
    let state = use_form_then(Callback::noop());
    let onsubmit = {
        let (account, existing, new_contact, draft) = (
            account.clone(),
            existing.clone(),
            new_contact.clone(),
            draft.clone(),
        );
        let (invalid, save) = (state.invalid.clone(), state.save.clone());
        let (id, on_done, start) = (props.lead.id.clone(), props.on_done.clone(), start.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut errors: HashMap<String, String> = HashMap::new();
            let opportunity = draft.input().unwrap_or_else(|found| {
                errors.extend(
                    found
                        .into_iter()
                        .map(|(k, v)| (format!("opportunity.{k}"), v)),
                );
                start.opportunity.clone()
            });
            let conversion = Conversion {
                account_name: account.trim().to_string(),
                contact_id: (*existing).clone(),
                contact: existing.is_none().then(|| (*new_contact).clone()),
                opportunity,
            };
            for e in conversion.validate() {
                errors.entry(e.field).or_insert(e.message);
            }
            if !errors.is_empty() {
                invalid.emit(errors);
                return;
            }
            let (backend, id, on_done) = (backend.clone(), id.clone(), on_done.clone());
            let action = LeadAction::Convert {
                with: Some(Box::new(conversion)),
            };
            save.emit(Box::pin(async move {
                let done = backend.transition_lead(&id, &action).await?;
                let text = format!(
                    "Lead from {} converted: opportunity {} created",
                    done.lead.company,
                    done.opportunity.as_ref().map_or("", |o| o.name.as_str())
                );
                on_done.emit(done);
                Ok(text)
            }));
        })
    };
    let on_account = {
        let account = account.clone();
        Callback::from(move |v: String| account.set(v))
    };
    let (contacts, accounts) = match &*found {
        Load::Ready((c, a)) => (c.clone(), a.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let choice = |value: Option<String>, label: String| {
        let checked = *existing == value;
        let existing = existing.clone();
        let onchange = Callback::from(move |_: Event| existing.set(value.clone()));
        html! { <label class="choice"><input type="radio" name="convert-contact" {checked} {onchange} />{ label }</label> }
    };
    let cancel = props.on_cancel.clone();
    let lead = &props.lead;
    html! {
        <Dialog title_id="convert-title" text_id="convert-text" on_cancel={Some(cancel.clone())}>
            <form class="stack convert-form" {onsubmit} novalidate=true aria-labelledby="convert-title">
                <h2 id="convert-title">{ format!("Convert the lead from {}", lead.company) }</h2>
                <p id="convert-text" class="muted">
                    { "The lead becomes an opportunity with its customer account and contact. Check what is filled in from the lead." }
                </p>
                if let Some(message) = &state.alert {
                    <div class="alert error" role="alert">{ message.clone() }</div>
                }
                <fieldset>
                    <legend>{ "Customer account" }</legend>
                    <Field id="account_name" label="Account name" value={(*account).clone()} on_change={on_account.clone()}
                        required=true hint={AttrValue::from(match accounts.iter().any(|a| a.eq_ignore_ascii_case(account.trim())) {
                            true => "A customer account you already work with.",
                            false => "A new customer account, unless you pick one you work with.",
                        })}
                        error={state.errors.get("account_name").map(|m| format!("Account name {m}"))} />
                    if !accounts.is_empty() {
                        <div class="actions" role="group" aria-label="Accounts you work with">
                            { for accounts.iter().map(|a| {
                                let (name, pick) = (a.clone(), on_account.clone());
                                html! {
                                    <button type="button" class="button secondary small" aria-label={format!("Use the account {a}")}
                                        onclick={Callback::from(move |_: MouseEvent| pick.emit(name.clone()))}>{ a.clone() }</button>
                                }
                            }) }
                        </div>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ "Contact" }</legend>
                    { choice(None, format!("A new contact from the lead: {}", lead.contact_name)) }
                    { for contacts.iter().map(|c| {
                        let same = c.email.eq_ignore_ascii_case(&lead.email);
                        choice(Some(c.id.clone()), format!("Existing: {} {} · {} · {}{}", c.first_name, c.last_name,
                            c.email, c.company, if same { " (the lead's email)" } else { "" }))
                    }) }
                    if existing.is_none() {
                        <div class="form-grid">
                            { contact_field(&new_contact, &state.errors, ("first_name", "First name", "text"), |c| c.first_name.clone(), |c, v| c.first_name = v) }
                            { contact_field(&new_contact, &state.errors, ("last_name", "Last name", "text"), |c| c.last_name.clone(), |c, v| c.last_name = v) }
                            { contact_field(&new_contact, &state.errors, ("email", "Email", "email"), |c| c.email.clone(), |c, v| c.email = v) }
                            { contact_field(&new_contact, &state.errors, ("phone", "Phone", "text"), |c| c.phone.clone(), |c, v| c.phone = v) }
                            { contact_field(&new_contact, &state.errors, ("title", "Job title", "text"), |c| c.title.clone(), |c, v| c.title = v) }
                        </div>
                    }
                    if let Some(e) = state.errors.get("contact_id") {
                        <p class="field-error" role="alert">{ format!("Contact {e}") }</p>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ "Opportunity" }</legend>
                    <div class="form-grid">
                        { opportunity_fields(&draft, &state.errors, "opportunity.", false, catalogue.as_ref()) }
                    </div>
                </fieldset>
                <div class="form-actions">
                    <button class="button" type="submit" disabled={state.busy}>
                        { if state.busy { "Converting…" } else { "Convert lead" } }
                    </button>
                    <button class="button secondary" type="button" onclick={cancel.reform(|_| ())}>{ "Cancel" }</button>
                </div>
            </form>
        </Dialog>
    }
}
