//! Every announcement the user sees; vendor staff also write and edit them here.

use std::collections::{BTreeSet, HashMap};

use trellis_api::{wire_name, Announcement, AnnouncementInput, Audience, Role};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::announcements::announcement;
use crate::components::form::{bound_field, use_form_then, valid, value, Values};
use crate::components::load::{use_live_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::format::today;
use crate::session::use_session;

/// Properties of [`AnnouncementForm`].
#[derive(Properties, PartialEq)]
struct FormProps {
    /// The announcement being edited; a new one when `None`.
    editing: Option<Announcement>,
    tiers: Vec<(String, String)>,
    on_saved: Callback<()>,
}

const PARTNER_ROLES: [Role; 3] = [
    Role::PartnerExecutive,
    Role::PartnerManager,
    Role::PartnerUser,
];

#[component]
fn AnnouncementForm(props: &FormProps) -> Html {
    let backend = use_backend();
    let editing = props.editing.clone();
    let values: Values = use_state(|| {
        let a = editing.clone();
        HashMap::from([
            (
                "title",
                a.as_ref().map(|a| a.title.clone()).unwrap_or_default(),
            ),
            (
                "body",
                a.as_ref().map(|a| a.body.clone()).unwrap_or_default(),
            ),
            (
                "publish_on",
                a.as_ref().map_or_else(today, |a| a.publish_on.clone()),
            ),
        ])
    });
    let chosen = use_state(|| {
        let audience = editing
            .as_ref()
            .map(|a| a.audience.clone())
            .unwrap_or_default();
        audience
            .tiers
            .into_iter()
            .chain(audience.roles.iter().map(wire_name))
            .collect::<BTreeSet<String>>()
    });
    let state = use_form_then(props.on_saved.clone());
    let onsubmit = {
        let (values, chosen, invalid, save, id) = (
            values.clone(),
            chosen.clone(),
            state.invalid.clone(),
            state.save.clone(),
            props.editing.as_ref().map(|a| a.id.clone()),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let get = |k: &str| value(&values, k);
            let input = AnnouncementInput {
                title: get("title"),
                body: get("body"),
                publish_on: get("publish_on"),
                audience: Audience {
                    tiers: chosen
                        .iter()
                        .filter(|c| c.starts_with("tier_"))
                        .cloned()
                        .collect(),
                    roles: PARTNER_ROLES
                        .into_iter()
                        .filter(|r| chosen.contains(&wire_name(r)))
                        .collect(),
                },
            };
            if !valid(&input, &invalid) {
                return;
            }
            let (backend, id) = (backend.clone(), id.clone());
            save.emit(Box::pin(async move {
                match id {
                    Some(id) => backend
                        .update_announcement(&id, &input)
                        .await
                        .map(|_| String::from("Announcement saved")),
                    None => backend
                        .create_announcement(&input)
                        .await
                        .map(|_| String::from("Announcement published")),
                }
            }));
        })
    };
    let check = |value: String, label: String| {
        let checked = chosen.contains(&value);
        let onchange = {
            let (chosen, value) = (chosen.clone(), value.clone());
            Callback::from(move |e: Event| {
                let on = e
                    .target_dyn_into::<HtmlInputElement>()
                    .is_some_and(|i| i.checked());
                let mut next = (*chosen).clone();
                if on {
                    next.insert(value.clone());
                } else {
                    next.remove(&value);
                }
                chosen.set(next);
            })
        };
        html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{ label }</label> }
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label={if props.editing.is_some() { "Edit announcement" } else { "New announcement" }}>
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            <div class="span-2">{ f("title", "Title", "text", None) }</div>
            <div class="span-2">{ f("body", "Text", "textarea", Some("Plain text; line breaks are kept")) }</div>
            { f("publish_on", "Publish on", "date", Some("Partners see it from this day on")) }
            <div></div>
            <fieldset>
                <legend>{ "Tiers (none ticked: every tier)" }</legend>
                { for props.tiers.iter().map(|(id, name)| check(id.clone(), name.clone())) }
            </fieldset>
            <fieldset>
                <legend>{ "Partner roles (none ticked: every role)" }</legend>
                { for PARTNER_ROLES.iter().map(|r| check(wire_name(r), r.label().to_string())) }
            </fieldset>
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save announcement" } }</button>
            </div>
        </form>
    }
}

/// The announcements page.
#[component]
pub fn AnnouncementsPage() -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let editing = use_state(|| None::<Option<Announcement>>);
    let (data, retry) = use_live_load((), |b, ()| async move {
        let tiers = b
            .list_programs()
            .await?
            .into_iter()
            .flat_map(|p| p.tiers)
            .map(|t| (t.id, t.name))
            .collect::<Vec<_>>();
        Ok((b.list_announcements().await?, tiers))
    });
    let saved = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let (list, tiers) = match &*data {
        Load::Loading => return html! { <Loading label="Loading announcements…" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(d) => d.clone(),
    };
    let new = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Some(None)))
    };
    html! {
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Announcements" }</h1>
                    <p>{ if staff { "Write to partners by tier and role; scheduled ones appear on their publish date." } else { "News from the channel team." } }</p></div>
                if staff { <button class="button" type="button" onclick={new}>{ "New announcement" }</button> }
            </div>
            if let Some(target) = &*editing {
                <AnnouncementForm key={target.as_ref().map_or("new".to_string(), |a| a.id.clone())} editing={target.clone()} tiers={tiers.clone()} on_saved={saved} />
            }
            if list.is_empty() { <p class="muted">{ "No announcements right now." }</p> }
            { for list.iter().map(|a| {
                let edit = {
                    let (editing, a) = (editing.clone(), a.clone());
                    Callback::from(move |_: MouseEvent| editing.set(Some(Some(a.clone()))))
                };
                html! {
                    <div class="card">
                        { announcement(a) }
                        if staff {
                            <button class="button secondary small" type="button" aria-label={format!("Edit {}", a.title)} onclick={edit}>{ "Edit" }</button>
                        }
                    </div>
                }
            }) }
        </div>
    }
}
