//! The partner program's tiers on the admin screen: rank, benefits and requirements, editable.

use std::collections::HashMap;

use trellis_api::{PartnerProgram, Tier, TierInput};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{bound_field, use_form_then, valid, value, whole_number, Values};
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};

/// Properties of [`TierForm`].
#[derive(Properties, PartialEq)]
struct TierFormProps {
    program_id: String,
    /// The tier being edited; a new one when `None`.
    editing: Option<Tier>,
    on_done: Callback<()>,
}

#[component]
fn TierForm(props: &TierFormProps) -> Html {
    let backend = use_backend();
    let editing = props.editing.clone();
    let values: Values = use_state(|| {
        let t = editing.clone();
        let get = |f: fn(&Tier) -> String, default: String| t.as_ref().map_or(default, f);
        HashMap::from([
            ("name", get(|t| t.name.clone(), String::new())),
            ("rank", get(|t| t.rank.to_string(), String::new())),
            ("benefits", get(|t| t.benefits.clone(), String::new())),
            (
                "requirements",
                get(|t| t.requirements.clone(), String::new()),
            ),
        ])
    });
    let state = use_form_then(props.on_done.clone());
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        let (program, id) = (
            props.program_id.clone(),
            props.editing.as_ref().map(|t| t.id.clone()),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = TierInput {
                name: value(&values, "name"),
                rank: whole_number(&value(&values, "rank")).unwrap_or(0),
                benefits: value(&values, "benefits"),
                requirements: value(&values, "requirements"),
            };
            if !valid(&input, &invalid) {
                return;
            }
            let (backend, program, id) = (backend.clone(), program.clone(), id.clone());
            save.emit(Box::pin(async move {
                match id {
                    Some(id) => backend
                        .update_tier(&id, &input)
                        .await
                        .map(|t| format!("Tier {} saved", t.name)),
                    None => backend
                        .create_tier(&program, &input)
                        .await
                        .map(|t| format!("Tier {} created", t.name)),
                }
            }));
        })
    };
    let label = if props.editing.is_some() {
        "Edit tier"
    } else {
        "New tier"
    };
    let f = |id, label, kind, hint| bound_field(&values, &state.errors, id, label, kind, hint);
    html! {
        <form class="card form-grid tier-form" {onsubmit} novalidate=true aria-label={label}>
            if let Some(a) = &state.alert { <div class="alert error span-2" role="alert">{ a.clone() }</div> }
            { f("name", "Name", "text", None) }
            { f("rank", "Rank", "number", Some("1 is the entry tier; each rank is used once")) }
            { f("benefits", "Benefits", "textarea", None) }
            { f("requirements", "Requirements", "textarea", Some("What a partner must achieve to reach this tier")) }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save tier" } }</button>
                <button class="button secondary" type="button" onclick={props.on_done.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// What the tier table is showing a form for.
#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New(String),
    Tier(Tier),
}

fn program_table(p: &PartnerProgram, editing: &UseStateHandle<Editing>) -> Html {
    html! {
        <section class="program" aria-label={p.name.clone()}>
            <div class="section-header">
                <h3>{ p.name.clone() }</h3>
                <button class="button secondary small" type="button"
                    onclick={{ let e = editing.clone(); let id = p.id.clone(); Callback::from(move |_| e.set(Editing::New(id.clone()))) }}>
                    { "Add tier" }
                </button>
            </div>
            <div class="table-wrap card" style="padding:0">
                <table aria-label={format!("{} tiers", p.name)}>
                    <thead><tr>
                        <th scope="col" class="num">{ "Rank" }</th><th scope="col">{ "Tier" }</th>
                        <th scope="col">{ "Benefits" }</th><th scope="col">{ "Requirements" }</th><th scope="col"></th>
                    </tr></thead>
                    <tbody>
                        { for p.tiers.iter().map(|t| {
                            let (e, tier) = (editing.clone(), t.clone());
                            html! {
                                <tr>
                                    <td class="num">{ t.rank }</td>
                                    <th scope="row">{ t.name.clone() }</th>
                                    <td>{ t.benefits.clone() }</td>
                                    <td>{ t.requirements.clone() }</td>
                                    <td><button class="button secondary small" type="button" aria-label={format!("Edit {}", t.name)}
                                        onclick={Callback::from(move |_| e.set(Editing::Tier(tier.clone())))}>{ "Edit" }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Every program with its tiers, and the form to add or edit one.
#[component]
pub fn ProgramTiers() -> Html {
    let (data, retry) = use_load((), |b, ()| async move { b.list_programs().await });
    let editing = use_state(|| Editing::None);
    let done = {
        let (editing, retry) = (editing.clone(), retry.clone());
        Callback::from(move |()| {
            editing.set(Editing::None);
            retry.emit(());
        })
    };
    let form = match &*editing {
        Editing::None => Html::default(),
        Editing::New(program) => {
            html! { <TierForm key="new" program_id={program.clone()} editing={None::<Tier>} on_done={done} /> }
        }
        Editing::Tier(t) => {
            html! { <TierForm key={t.id.clone()} program_id={t.program_id.clone()} editing={Some(t.clone())} on_done={done} /> }
        }
    };
    match &*data {
        Load::Loading => html! { <Loading label="Loading the partner program…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(programs) => html! {
            <>
                { for programs.iter().map(|p| program_table(p, &editing)) }
                { form }
            </>
        },
    }
}
