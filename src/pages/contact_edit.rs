//! Creating and editing a contact.

use std::collections::HashMap;

use trellis_api::activity::RecordKind;
use trellis_api::validate::required_fields;
use trellis_api::{Contact, ContactInput, Validate};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::activity::Timeline;
use crate::components::form::{bound_field_marked, required_note, use_form, value};
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

/// The contact form's fields: (field name, label, input type).
const FIELDS: [(&str, &str, &str); 6] = [
    ("first_name", "First name", "text"),
    ("last_name", "Last name", "text"),
    ("email", "Email", "email"),
    ("phone", "Phone", "text"),
    ("title", "Job title", "text"),
    ("company", "Company", "text"),
];

fn input_of(values: &HashMap<&'static str, String>) -> ContactInput {
    let get = |k: &str| value(values, k);
    ContactInput {
        first_name: get("first_name"),
        last_name: get("last_name"),
        email: get("email"),
        phone: get("phone"),
        title: get("title"),
        company: get("company"),
        partner_account_id: None,
    }
}

fn values_of(contact: &Contact) -> HashMap<&'static str, String> {
    HashMap::from([
        ("first_name", contact.first_name.clone()),
        ("last_name", contact.last_name.clone()),
        ("email", contact.email.clone()),
        ("phone", contact.phone.clone()),
        ("title", contact.title.clone()),
        ("company", contact.company.clone()),
    ])
}

/// Properties of [`ContactEditPage`].
#[derive(Properties, PartialEq)]
pub struct ContactEditProps {
    /// The contact to edit; a new contact when `None`.
    #[prop_or_default]
    pub id: Option<String>,
}

/// The contact form page: loads the contact when editing.
#[component]
pub fn ContactEditPage(props: &ContactEditProps) -> Html {
    let (state, retry) = use_load(props.id.clone(), |b, id| async move {
        match id {
            Some(id) => b.get_contact(&id).await.map(Some),
            None => Ok(None),
        }
    });
    let title = if props.id.is_some() {
        "Edit contact"
    } else {
        "New contact"
    };
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading contact…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(Some(contact)) => html! {
            <div class="record-columns">
                <ContactForm contact={Some(contact.clone())} />
                <Timeline kind={RecordKind::Contacts} id={contact.id.clone()} noun="contact" />
            </div>
        },
        Load::Ready(None) => html! { <ContactForm contact={None::<Contact>} /> },
    };
    html! {
        <>
            <div class="page-header"><h1>{ title }</h1></div>
            { body }
        </>
    }
}

/// Properties of [`ContactForm`].
#[derive(Properties, PartialEq)]
pub struct ContactFormProps {
    pub contact: Option<Contact>,
}

/// The fields, checked before sending; the server's field errors are shown the same way.
#[component]
pub fn ContactForm(props: &ContactFormProps) -> Html {
    let backend = use_backend();
    let values = use_state(|| props.contact.as_ref().map(values_of).unwrap_or_default());
    let state = use_form(Route::Contacts);
    let id = props.contact.as_ref().map(|c| c.id.clone());

    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = input_of(&values);
            let problems = input.validate();
            if !problems.is_empty() {
                invalid.emit(problems.into_iter().map(|e| (e.field, e.message)).collect());
                return;
            }
            let (backend, id) = (backend.clone(), id.clone());
            save.emit(Box::pin(async move {
                let (saved, done) = match &id {
                    Some(id) => (backend.update_contact(id, &input).await?, "saved"),
                    None => (backend.create_contact(&input).await?, "added"),
                };
                Ok(format!(
                    "Contact {} {} {done}",
                    saved.first_name, saved.last_name
                ))
            }));
        })
    };

    let required = required_fields::<ContactInput>();
    let fields = FIELDS.iter().map(|&(name, label, kind)| {
        let marked = required.iter().any(|r| r == name);
        bound_field_marked(&values, &state.errors, (name, label, kind), None, marked)
    });
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Contact">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { required_note() }
            { for fields }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save contact" } }</button>
                <Link<Route> to={Route::Contacts} classes="button secondary">{ "Cancel" }</Link<Route>>
            </div>
        </form>
    }
}
