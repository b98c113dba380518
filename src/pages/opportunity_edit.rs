//! Editing an opportunity: stage, amount, close date, probability and next step.

use trellis_api::activity::RecordKind;
use trellis_api::Opportunity;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::activity::Timeline;
use crate::components::form::{required_note, use_form};
use crate::components::load::{use_load, Load};
use crate::components::opportunity_fields::{opportunity_fields, OpportunityDraft, STAGES};
use crate::components::products::use_catalogue;
use crate::components::states::{ErrorState, Loading};
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

/// Properties of [`OpportunityForm`].
#[derive(Properties, PartialEq)]
pub struct OpportunityFormProps {
    pub opportunity: Opportunity,
}

/// The opportunity's fields; saving returns to the pipeline.
#[component]
pub fn OpportunityForm(props: &OpportunityFormProps) -> Html {
    let backend = use_backend();
    let form = use_state(|| OpportunityDraft::of(&props.opportunity));
    let catalogue = use_catalogue();
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

    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Opportunity">
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            { required_note() }
            { opportunity_fields(&form, &state.errors, "", true, catalogue.as_ref()) }
            <div class="span-2 form-actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save opportunity" } }</button>
                <Link<Route> to={Route::Opportunities} classes="button secondary">{ "Cancel" }</Link<Route>>
            </div>
        </form>
    }
}
