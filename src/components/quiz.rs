//! Taking a module's quiz: one radio group per question, marked by the backend.

use trellis_api::training::{QuizAnswers, QuizResult, TrainingModule};
use yew::prelude::*;

use crate::backend::use_backend;

/// Properties of [`Quiz`].
#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub module: TrainingModule,
    /// Called with the marked result (progress and certificate changed).
    pub on_marked: Callback<QuizResult>,
}

/// The quiz form and, once handed in, its result.
#[component]
pub fn Quiz(props: &QuizProps) -> Html {
    let backend = use_backend();
    let m = &props.module;
    let answers = use_state(|| vec![None::<u32>; m.quiz.len()]);
    let result = use_state(|| None::<QuizResult>);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let missing = answers.iter().filter(|a| a.is_none()).count();
    let onsubmit = {
        let (answers, result, error, busy) =
            (answers.clone(), result.clone(), error.clone(), busy.clone());
        let (id, on_marked) = (m.id.clone(), props.on_marked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let chosen: Option<Vec<u32>> = answers.iter().copied().collect();
            let Some(chosen) = chosen else {
                error.set(Some("Answer every question before handing in.".into()));
                return;
            };
            error.set(None);
            busy.set(true);
            let (backend, id, result, error, busy, on_marked) = (
                backend.clone(),
                id.clone(),
                result.clone(),
                error.clone(),
                busy.clone(),
                on_marked.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match backend
                    .submit_quiz(&id, &QuizAnswers { answers: chosen })
                    .await
                {
                    Ok(r) => {
                        result.set(Some(r.clone()));
                        on_marked.emit(r);
                    }
                    Err(e) => error.set(Some(e.message())),
                }
                busy.set(false);
            });
        })
    };
    let retry = {
        let (answers, result, n) = (answers.clone(), result.clone(), m.quiz.len());
        Callback::from(move |_| {
            answers.set(vec![None; n]);
            result.set(None);
        })
    };
    let marked = (*result).clone();
    html! {
        <form class="card quiz" aria-labelledby="quiz-heading" {onsubmit}>
            <h2 id="quiz-heading">{ "Quiz" }</h2>
            <p class="muted">{ format!("{} questions · {} % to pass", m.quiz.len(), m.pass_percent) }</p>
            { for m.quiz.iter().enumerate().map(|(i, q)| {
                let verdict = marked.as_ref().and_then(|r| r.correct.get(i).copied());
                html! {
                    <fieldset class={classes!("question", verdict.map(|v| if v { "right" } else { "wrong" }))} key={i}>
                        <legend>{ format!("{}. {}", i + 1, q.prompt) }</legend>
                        { for q.choices.iter().enumerate().map(|(j, c)| {
                            let checked = answers[i] == Some(j as u32);
                            let answers = answers.clone();
                            let onchange = Callback::from(move |_| {
                                let mut next = (*answers).clone();
                                next[i] = Some(j as u32);
                                answers.set(next);
                            });
                            html! {
                                <label class="choice">
                                    <input type="radio" name={format!("q{i}")} value={j.to_string()}
                                        checked={checked} disabled={marked.is_some()} {onchange} />
                                    { c.clone() }
                                </label>
                            }
                        }) }
                        if let Some(v) = verdict {
                            <p class="verdict">{ if v { "✓ Right" } else { "✗ Not right" } }</p>
                        }
                    </fieldset>
                }
            }) }
            if let Some(e) = &*error { <p class="alert error" role="alert">{ e.clone() }</p> }
            <div role="status" aria-live="polite">
                if let Some(r) = &marked {
                    if r.passed {
                        <p class="alert success">{ format!("You scored {} %. Passed — your certificate is below.", r.score) }</p>
                    } else {
                        <p class="alert warning">{ format!("You scored {} %; {} % passes. Read the content again and retry.", r.score, m.pass_percent) }</p>
                    }
                }
            </div>
            <div class="actions">
                if marked.is_some() {
                    <button class="button secondary" type="button" onclick={retry}>{ "Take the quiz again" }</button>
                } else {
                    <button class="button" type="submit" disabled={*busy}>
                        { if *busy { "Marking…".to_string() } else if missing > 0 { format!("Hand in ({missing} unanswered)") } else { "Hand in".to_string() } }
                    </button>
                }
            </div>
        </form>
    }
}
