//! Adding users and switching them off: the admin screen's user pieces.

use std::collections::HashMap;

use trellis_api::{parse_wire, wire_name, ListQuery, Role, User, UserInput, Validate};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::actions::use_record_action;
use crate::components::directory::Directory;
use crate::components::form::{bound_field, use_form_then, value, Values};
use crate::components::load::{use_load, Load};
use crate::format::badge;
use crate::session::use_session;

/// Properties of [`UserStatus`].
#[derive(Properties, PartialEq)]
pub struct UserStatusProps {
    pub user: User,
}

/// Active or deactivated, with the button that switches it (never for yourself).
#[component]
pub fn UserStatus(props: &UserStatusProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let work = use_record_action::<User>();
    let user = work.latest(&props.user);
    let me = session.me().map(|m| m.user.id.clone());
    let is_me = me.as_deref() == Some(user.id.as_str());
    // Only administrators manage staff accounts; nobody switches themselves off (the backends also
    // refuse to lose the last active administrator).
    let may = !is_me
        && (!user.role.is_internal() || session.me().is_some_and(|m| m.user.role == Role::Admin));
    let onclick = {
        let (run, user) = (work.run.clone(), user.clone());
        Callback::from(move |_: MouseEvent| {
            let input = UserInput {
                email: user.email.clone(),
                name: user.name.clone(),
                role: user.role,
                partner_account_id: user.partner_account_id.clone(),
                active: !user.active,
                password: None,
                manager_id: user.manager_id.clone(),
            };
            let (backend, id) = (backend.clone(), user.id.clone());
            let done = match input.active {
                true => format!("{} can log in again", user.name),
                false => format!("{} is deactivated", user.name),
            };
            run.emit((
                Box::pin(async move { backend.update_user(&id, &input).await }),
                done,
            ));
        })
    };
    let (verb, state) = if user.active {
        ("Deactivate", badge("approved", "Active"))
    } else {
        ("Reactivate", badge("rejected", "Deactivated"))
    };
    html! {
        <div class="deal-review">
            { state }
            if may {
                <div class="actions">
                    <button class="button secondary small" type="button" disabled={work.busy}
                        aria-label={format!("{verb} {}", user.name)} {onclick}>{ verb }</button>
                </div>
            }
            if is_me {
                <p class="muted small-text">{ own_account_note(user.role) }</p>
            }
            if let Some(e) = &work.error { <div class="field-error" role="alert">{ e.clone() }</div> }
        </div>
    }
}

/// Why there is no Deactivate button on the viewer's own row.
fn own_account_note(role: Role) -> &'static str {
    if role == Role::Admin {
        "Your own account: another administrator can deactivate or demote it, so there is always an active administrator."
    } else {
        "Your own account: an administrator can deactivate it."
    }
}

/// Properties of [`UserForm`].
#[derive(Properties, PartialEq)]
pub struct UserFormProps {
    pub on_saved: Callback<()>,
}

/// Creates a user with a temporary password to hand over; partner roles belong to a partner account.
#[component]
pub fn UserForm(props: &UserFormProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let directory = use_context::<Directory>().unwrap_or_default();
    let values: Values = use_state(|| HashMap::from([("role", "partner_user".to_string())]));
    let state = use_form_then(props.on_saved.clone());
    let admin = session.me().is_some_and(|m| m.user.role == Role::Admin);
    let roles: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| admin || !r.is_internal())
        .collect();
    let get = |k: &str| value(&values, k);
    let role: Role = parse_wire(&get("role")).unwrap_or(Role::PartnerUser);
    let first_partner = directory
        .partners
        .first()
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let get = |k: &str| value(&values, k);
            let account = Some(get("partner_account_id"))
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| first_partner.clone());
            let input = UserInput {
                email: get("email"),
                name: get("name"),
                role,
                partner_account_id: (!role.is_internal()).then_some(account),
                active: true,
                password: Some(values.get("password").cloned().unwrap_or_default()),
                manager_id: Some(get("manager_id"))
                    .filter(|m| !m.is_empty() && role == Role::PartnerUser),
            };
            let mut errors: HashMap<String, String> = input
                .validate()
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect();
            if input.password.as_deref() == Some("") {
                errors.insert("password".into(), "is required".into());
            }
            if !errors.is_empty() {
                invalid.emit(errors);
                return;
            }
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                backend
                    .create_user(&input)
                    .await
                    .map(|u| format!("{} can now log in", u.name))
            }));
        })
    };
    let select = |id: &'static str| {
        let values = values.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                let mut next = (*values).clone();
                next.insert(id, s.value());
                values.set(next);
            }
        })
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    let chosen_account = Some(get("partner_account_id"))
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| {
            directory
                .partners
                .first()
                .map(|a| a.id.clone())
                .unwrap_or_default()
        });
    let (managers, _) = use_load(chosen_account.clone(), |b, account: String| async move {
        let all = b
            .list_users(&ListQuery {
                limit: Some(ListQuery::MAX_LIMIT),
                ..Default::default()
            })
            .await?;
        Ok(all
            .items
            .into_iter()
            .filter(|u| {
                u.role == Role::PartnerManager
                    && u.active
                    && u.partner_account_id.as_deref() == Some(account.as_str())
            })
            .collect::<Vec<User>>())
    });
    let managers = match &*managers {
        Load::Ready(list) => list.clone(),
        _ => Vec::new(),
    };
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="New user">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { f("name", "Name", "text", None) }
            { f("email", "Email", "email", None) }
            <div class="field">
                <label for="role">{ "Role" }</label>
                <select id="role" onchange={select("role")}>
                    { for roles.iter().map(|r| html! {
                        <option value={wire_name(r)} selected={*r == role}>{ r.label() }</option>
                    }) }
                </select>
            </div>
            if !role.is_internal() {
                <div class="field">
                    <label for="partner_account_id">{ "Partner account" }</label>
                    <select id="partner_account_id" onchange={select("partner_account_id")}>
                        { for directory.partners.iter().map(|a| html! {
                            <option value={a.id.clone()} selected={a.id == chosen_account}>{ a.name.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            if role == Role::PartnerUser && !managers.is_empty() {
                <div class="field">
                    <label for="manager_id">{ "Reports to" }</label>
                    <select id="manager_id" onchange={select("manager_id")}>
                        <option value="" selected={get("manager_id").is_empty()}>{ "Nobody (sees only their own records)" }</option>
                        { for managers.iter().map(|m| html! {
                            <option value={m.id.clone()} selected={get("manager_id") == m.id}>{ m.name.clone() }</option>
                        }) }
                    </select>
                    if let Some(e) = state.errors.get("manager_id") { <p class="field-error">{ format!("Reports to {e}") }</p> }
                </div>
            }
            { f("password", "Temporary password", "text", Some("At least 10 characters; hand it over privately and ask them to change it")) }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>
                    { if state.busy { "Adding…" } else { "Add user" } }
                </button>
            </div>
        </form>
    }
}
