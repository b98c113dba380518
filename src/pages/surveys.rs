//! Partner surveys: partners answer the open ones; vendor staff ask, close and read results.

use std::collections::HashMap;

use trellis_api::surveys::{Survey, SurveyInput};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{bound_field, use_form_then, valid, value, Values};
use crate::components::load::{use_load, Load};
use crate::components::states::{Empty, ErrorState, Loading};
use crate::components::survey_forms::{SurveyAnswerForm, SurveyResultsView};
use crate::session::use_session;

const DEFAULT_QUESTION: &str = "How likely are you to recommend our partner program to a peer?";

/// Properties of [`NewSurvey`].
#[derive(Properties, PartialEq)]
struct NewSurveyProps {
    on_saved: Callback<()>,
}

#[component]
fn NewSurvey(props: &NewSurveyProps) -> Html {
    let backend = use_backend();
    let values: Values = use_state(|| {
        HashMap::from([
            ("title", String::new()),
            ("question", DEFAULT_QUESTION.to_string()),
        ])
    });
    let state = use_form_then(props.on_saved.clone());
    let onsubmit = {
        let (values, invalid, save) = (values.clone(), state.invalid.clone(), state.save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = SurveyInput {
                title: value(&values, "title"),
                question: value(&values, "question"),
            };
            if !valid(&input, &invalid) {
                return;
            }
            let backend = backend.clone();
            save.emit(Box::pin(async move {
                backend
                    .create_survey(&input)
                    .await
                    .map(|s| format!("Survey {} is open", s.title))
            }));
        })
    };
    html! {
        <form class="card" {onsubmit} novalidate=true aria-labelledby="new-survey">
            <h2 id="new-survey">{ "Ask partners" }</h2>
            if let Some(a) = &state.alert { <p class="alert error" role="alert">{ a.clone() }</p> }
            { bound_field(&values, &state.errors, "title", "Title", "text", Some("For example “Partner satisfaction Q1”.")) }
            { bound_field(&values, &state.errors, "question", "Question (answered 0–10)", "text", None) }
            <div class="actions">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Opening…" } else { "Open survey" } }</button>
            </div>
        </form>
    }
}

/// Properties of [`StaffSurvey`].
#[derive(Properties, PartialEq)]
struct StaffSurveyProps {
    survey: Survey,
    on_changed: Callback<()>,
}

#[component]
fn StaffSurvey(props: &StaffSurveyProps) -> Html {
    let backend = use_backend();
    let (results, retry) = use_load(props.survey.id.clone(), |b, id: String| async move {
        b.survey_results(&id).await
    });
    let error = use_state(|| None::<String>);
    let close = {
        let (id, error, changed) = (
            props.survey.id.clone(),
            error.clone(),
            props.on_changed.clone(),
        );
        Callback::from(move |_| {
            let (backend, id, error, changed) =
                (backend.clone(), id.clone(), error.clone(), changed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match backend.close_survey(&id).await {
                    Ok(_) => changed.emit(()),
                    Err(e) => error.set(Some(e.message())),
                }
            });
        })
    };
    let s = &props.survey;
    let heading = format!("survey-{}", s.id);
    html! {
        <section class="card survey" aria-labelledby={heading.clone()}>
            <div class="module-head">
                <h3 id={heading}>{ s.title.clone() }</h3>
                if s.open {
                    <span class="badge open">{ "Open" }</span>
                    <button class="button secondary small" type="button" onclick={close}>{ "Close survey" }</button>
                } else {
                    <span class="badge closed">{ "Closed" }</span>
                }
            </div>
            <p class="muted">{ format!("{} · opened {}", s.question, &s.created_at[..10.min(s.created_at.len())]) }</p>
            if let Some(e) = &*error { <p class="alert error" role="alert">{ e.clone() }</p> }
            { match &*results {
                Load::Loading => html! { <Loading label="Counting answers…" /> },
                Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
                Load::Ready(r) => html! { <SurveyResultsView results={r.clone()} /> },
            } }
        </section>
    }
}

/// Properties of [`PartnerSurvey`].
#[derive(Properties, PartialEq)]
pub struct PartnerSurveyProps {
    pub survey: Survey,
}

/// One survey as a partner sees it: the form while open and unanswered, else their answer.
#[component]
pub fn PartnerSurvey(props: &PartnerSurveyProps) -> Html {
    let current = use_state(|| props.survey.clone());
    let s = &*current;
    let heading = format!("survey-{}", s.id);
    let on_answered = {
        let current = current.clone();
        Callback::from(move |s: Survey| current.set(s))
    };
    html! {
        <section class="card survey" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ s.title.clone() }</h3>
            { match (&s.my_answer, s.open) {
                (Some(a), _) => html! {
                    <p class="alert success" role="status">{ format!("Thank you — you answered {} out of 10.", a.score) }
                        if !a.comment.is_empty() { <br />{ format!("“{}”", a.comment) } }
                    </p>
                },
                (None, true) => html! { <SurveyAnswerForm survey={s.clone()} {on_answered} /> },
                (None, false) => html! { <p class="muted">{ "This survey has closed." }</p> },
            } }
        </section>
    }
}

/// The surveys screen.
#[component]
pub fn SurveysPage() -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let (data, retry) = use_load((), |b, ()| async move { b.list_surveys().await });
    // A new key after each save gives the next survey an empty form.
    let round = use_state(|| 0u32);
    let saved = {
        let (round, retry) = (round.clone(), retry.clone());
        Callback::from(move |()| {
            round.set(*round + 1);
            retry.emit(());
        })
    };
    let body = match &*data {
        Load::Loading => html! { <Loading label="Loading surveys…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
        Load::Ready(list) if list.is_empty() => {
            html! { <Empty message="There are no surveys yet." /> }
        }
        Load::Ready(list) => html! {
            <div class="survey-list">
                { for list.iter().map(|s| if staff {
                    html! { <StaffSurvey key={s.id.clone()} survey={s.clone()} on_changed={retry.clone()} /> }
                } else {
                    html! { <PartnerSurvey key={s.id.clone()} survey={s.clone()} /> }
                }) }
            </div>
        },
    };
    html! {
        <>
            <div class="page-header"><h1>{ "Partner surveys" }</h1></div>
            if staff { <NewSurvey key={*round} on_saved={saved} /> }
            { body }
        </>
    }
}
