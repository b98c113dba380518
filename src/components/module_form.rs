//! The training module editor (vendor staff): content with a live preview, FAQs and the quiz.

use std::collections::HashMap;

use trellis_api::training::{Faq, ModuleInput, QuizQuestion, TrainingModule};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{bound_field, use_form_then, valid, value, whole_number, Values};
use crate::components::markdown::Markdown;

/// Properties of [`ModuleForm`].
#[derive(Properties, PartialEq)]
pub struct ModuleFormProps {
    /// The module being edited (with answers, as staff get it); a new one when `None`.
    #[prop_or_default]
    pub editing: Option<TrainingModule>,
    pub on_saved: Callback<()>,
    pub on_cancel: Callback<()>,
}

fn blank_question() -> QuizQuestion {
    QuizQuestion {
        prompt: String::new(),
        choices: vec![String::new(), String::new()],
        correct: Some(0),
    }
}

fn text_of(e: InputEvent) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| {
            e.target_dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
        })
}

/// A callback applying `change` to a list held in state.
fn edit<T: Clone + 'static, E>(
    list: &UseStateHandle<Vec<T>>,
    change: impl Fn(&mut Vec<T>) + 'static,
) -> Callback<E> {
    let list = list.clone();
    Callback::from(move |_| {
        let mut next = (*list).clone();
        change(&mut next);
        list.set(next);
    })
}

/// Writes and edits a module; validated here first, then by the backend.
#[component]
pub fn ModuleForm(props: &ModuleFormProps) -> Html {
    let backend = use_backend();
    let editing = props.editing.clone();
    let values: Values = use_state(|| {
        let m = editing.clone();
        let get = |f: fn(&TrainingModule) -> String, default: &str| {
            m.as_ref().map_or(default.to_string(), f)
        };
        HashMap::from([
            ("title", get(|m| m.title.clone(), "")),
            ("summary", get(|m| m.summary.clone(), "")),
            ("body", get(|m| m.body.clone(), "")),
            ("minutes", get(|m| m.minutes.to_string(), "15")),
            ("pass_percent", get(|m| m.pass_percent.to_string(), "70")),
        ])
    });
    let faqs = use_state(|| editing.as_ref().map(|m| m.faqs.clone()).unwrap_or_default());
    let quiz = use_state(|| {
        editing
            .as_ref()
            .map(|m| m.quiz.clone())
            .unwrap_or_else(|| vec![blank_question()])
    });
    let preview = use_state(|| false);
    let state = use_form_then(props.on_saved.clone());
    let onsubmit = {
        let (values, faqs, quiz) = (values.clone(), faqs.clone(), quiz.clone());
        let (invalid, save) = (state.invalid.clone(), state.save.clone());
        let id = props.editing.as_ref().map(|m| m.id.clone());
        let audience = props
            .editing
            .as_ref()
            .map(|m| m.audience.clone())
            .unwrap_or_default();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let number = |k: &str| {
                whole_number(&value(&values, k))
                    .map_or(u32::MAX, |n| n.clamp(0, u32::MAX as i64) as u32)
            };
            let input = ModuleInput {
                title: value(&values, "title"),
                summary: value(&values, "summary"),
                body: values.get("body").cloned().unwrap_or_default(),
                minutes: number("minutes"),
                faqs: (*faqs).clone(),
                quiz: (*quiz).clone(),
                pass_percent: number("pass_percent"),
                audience: audience.clone(),
            };
            if !valid(&input, &invalid) {
                return;
            }
            let (backend, id) = (backend.clone(), id.clone());
            save.emit(Box::pin(async move {
                match id {
                    Some(id) => backend
                        .update_module(&id, &input)
                        .await
                        .map(|m| format!("Module {} saved", m.title)),
                    None => backend
                        .create_module(&input)
                        .await
                        .map(|m| format!("Module {} created", m.title)),
                }
            }));
        })
    };
    let errors = &state.errors;
    let err = |k: String| {
        errors
            .get(&k)
            .map(|m| html! { <p class="field-error">{ m.clone() }</p> })
    };
    let body = values.get("body").cloned().unwrap_or_default();
    html! {
        <form class="card module-form" {onsubmit} novalidate=true aria-label="Training module">
            if let Some(a) = &state.alert { <p class="alert error" role="alert">{ a.clone() }</p> }
            { bound_field(&values, errors, "title", "Title", "text", None) }
            { bound_field(&values, errors, "summary", "Summary", "text", Some("One line shown in the module list.")) }
            <div class="row">
                { bound_field(&values, errors, "minutes", "Minutes to complete", "number", None) }
                { bound_field(&values, errors, "pass_percent", "Score to pass (%)", "number", None) }
            </div>
            <div class="field">
                <div class="label-row">
                    <label for="body">{ "Content (Markdown)" }</label>
                    <button type="button" class="button secondary small" aria-pressed={preview.to_string()}
                        onclick={{ let p = preview.clone(); Callback::from(move |_| p.set(!*p)) }}>
                        { if *preview { "Edit" } else { "Preview" } }
                    </button>
                </div>
                if *preview {
                    <Markdown source={body.clone()} class="preview" />
                } else {
                    <textarea id="body" rows="12" value={body} aria-invalid={errors.contains_key("body").to_string()}
                        oninput={{ let values = values.clone(); Callback::from(move |e: InputEvent| {
                            if let Some(v) = text_of(e) { let mut n = (*values).clone(); n.insert("body", v); values.set(n); }
                        }) }} />
                }
                { err("body".into()) }
            </div>
            <fieldset class="faqs">
                <legend>{ "Frequently asked questions" }</legend>
                { for faqs.iter().enumerate().map(|(i, f)| html! {
                    <div class="faq-item" key={i}>
                        <label>{ format!("Question {}", i + 1) }
                            <input value={f.question.clone()} oninput={{ let faqs = faqs.clone(); Callback::from(move |e: InputEvent| {
                                if let Some(v) = text_of(e) { let mut n = (*faqs).clone(); n[i].question = v; faqs.set(n); }
                            }) }} />
                        </label>
                        { err(format!("faqs[{i}].question")) }
                        <label>{ format!("Answer {}", i + 1) }
                            <textarea rows="2" value={f.answer.clone()} oninput={{ let faqs = faqs.clone(); Callback::from(move |e: InputEvent| {
                                if let Some(v) = text_of(e) { let mut n = (*faqs).clone(); n[i].answer = v; faqs.set(n); }
                            }) }} />
                        </label>
                        { err(format!("faqs[{i}].answer")) }
                        <button type="button" class="button secondary small" aria-label={format!("Remove question {}", i + 1)}
                            onclick={{ edit(&faqs, move |v| { v.remove(i); }) }}>{ "Remove" }</button>
                    </div>
                }) }
                <button type="button" class="button secondary small"
                    onclick={{ edit(&faqs, |v| v.push(Faq { question: String::new(), answer: String::new() })) }}>
                    { "Add a question" }
                </button>
            </fieldset>
            <fieldset class="quiz-editor">
                <legend>{ "Quiz" }</legend>
                { err("quiz".into()) }
                { for quiz.iter().enumerate().map(|(i, q)| html! {
                    <fieldset class="quiz-item" key={i}>
                        <legend>{ format!("Question {}", i + 1) }</legend>
                        <label>{ "Question" }
                            <input value={q.prompt.clone()} oninput={{ let quiz = quiz.clone(); Callback::from(move |e: InputEvent| {
                                if let Some(v) = text_of(e) { let mut n = (*quiz).clone(); n[i].prompt = v; quiz.set(n); }
                            }) }} />
                        </label>
                        { err(format!("quiz[{i}].prompt")) }
                        <p class="muted small-text">{ "Mark the right answer." }</p>
                        { for q.choices.iter().enumerate().map(|(j, c)| html! {
                            <div class="choice-row" key={j}>
                                <input type="radio" name={format!("correct-{i}")} checked={q.correct == Some(j as u32)}
                                    aria-label={format!("Choice {} is the right answer", j + 1)}
                                    onchange={{ edit(&quiz, move |v| v[i].correct = Some(j as u32)) }} />
                                <input value={c.clone()} aria-label={format!("Question {} choice {}", i + 1, j + 1)}
                                    oninput={{ let quiz = quiz.clone(); Callback::from(move |e: InputEvent| {
                                        if let Some(v) = text_of(e) { let mut n = (*quiz).clone(); n[i].choices[j] = v; quiz.set(n); }
                                    }) }} />
                                <button type="button" class="button secondary small" aria-label={format!("Remove choice {}", j + 1)}
                                    onclick={{ edit(&quiz, move |v| {
                                        v[i].choices.remove(j);
                                        v[i].correct = v[i].correct.filter(|c| (*c as usize) < v[i].choices.len());
                                    }) }}>{ "×" }</button>
                            </div>
                        }) }
                        { err(format!("quiz[{i}].choices")) }
                        { err(format!("quiz[{i}].correct")) }
                        <div class="actions">
                            <button type="button" class="button secondary small"
                                onclick={{ edit(&quiz, move |v| v[i].choices.push(String::new())) }}>{ "Add a choice" }</button>
                            <button type="button" class="button secondary small" aria-label={format!("Remove question {} from the quiz", i + 1)}
                                onclick={{ edit(&quiz, move |v| { v.remove(i); }) }}>{ "Remove question" }</button>
                        </div>
                    </fieldset>
                }) }
                <button type="button" class="button secondary small"
                    onclick={{ edit(&quiz, |v| v.push(blank_question())) }}>{ "Add a quiz question" }</button>
            </fieldset>
            <div class="actions">
                <button class="button" type="submit" disabled={state.busy}>
                    { if state.busy { "Saving…" } else { "Save module" } }
                </button>
                <button class="button secondary" type="button" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
