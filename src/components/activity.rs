//! A record's activity timeline: what changed, who did it and when, and comments that mention
//! the people who may read the record.

pub mod mentions;
pub mod text;

use trellis_api::activity::{Activity, ActivityWhat, CommentInput, Person, RecordKind};
use trellis_api::Validate;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::load::{use_live_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::components::toast::use_toaster;
use crate::format::when;
use text::{field_label, segments, summary, value_text};

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub kind: RecordKind,
    pub id: String,
    /// The record kind in words, for "created this lead".
    pub noun: &'static str,
    /// Labels of the record's status values (its list's filter choices).
    #[prop_or_default]
    pub statuses: &'static [(&'static str, &'static str)],
}

/// The timeline with a comment box on top; it loads again after any change anywhere.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let key = (props.kind.collection(), props.id.clone());
    let (entries, retry) =
        use_live_load(
            key,
            |b, (kind, id)| async move { b.activity(kind, &id).await },
        );
    let list = match &*entries {
        Load::Loading => html! { <Loading label="Loading the activity…" reserve="6rem" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(entries) if entries.is_empty() => {
            html! { <p class="muted">{ "Nothing recorded yet." }</p> }
        }
        Load::Ready(entries) => html! {
            <ol class="timeline-list">
                { for entries.iter().map(|e| entry(e, props.noun, props.statuses)) }
            </ol>
        },
    };
    html! {
        <section class="timeline card" aria-labelledby={format!("activity-{}", props.id)}>
            <h2 id={format!("activity-{}", props.id)}>{ "Activity" }</h2>
            <Composer kind={props.kind} id={props.id.clone()} />
            { list }
        </section>
    }
}

fn entry(e: &Activity, noun: &str, statuses: &[(&str, &str)]) -> Html {
    let body = match e.what {
        ActivityWhat::Comment => {
            let text = e.body.clone().unwrap_or_default();
            html! {
                <p class="comment pre-wrap">
                    { for segments(&text, &e.mentions).into_iter().map(|(run, mention)| if mention {
                        html! { <mark class="mention">{ run }</mark> }
                    } else {
                        html! { run }
                    }) }
                </p>
            }
        }
        ActivityWhat::Changed => html! {
            <ul class="changes">
                { for e.changes.iter().map(|c| html! {
                    <li>
                        <span class="change-field">{ field_label(&c.field) }</span>{ ": " }
                        <span class="from">{ value_text(&c.field, &c.from, statuses) }</span>
                        <span aria-hidden="true">{ " → " }</span>
                        <span class="visually-hidden">{ " changed to " }</span>
                        <strong class="to">{ value_text(&c.field, &c.to, statuses) }</strong>
                    </li>
                }) }
            </ul>
        },
        ActivityWhat::Created => Html::default(),
    };
    html! {
        <li class={classes!("timeline-entry", wire(e.what))}>
            <div class="who">
                <strong>{ e.actor_name.clone() }</strong>{ " " }
                <span>{ summary(e, noun) }</span>
                <time class="muted small-text" datetime={e.at.clone()}>{ when(&e.at) }</time>
            </div>
            { body }
        </li>
    }
}

fn wire(what: ActivityWhat) -> &'static str {
    match what {
        ActivityWhat::Created => "created",
        ActivityWhat::Changed => "changed",
        ActivityWhat::Comment => "comment",
    }
}

/// Properties of [`Composer`].
#[derive(Properties, PartialEq)]
struct ComposerProps {
    kind: RecordKind,
    id: String,
}

/// The comment box, with a picker that writes `@Full Name` for someone who may read the record.
#[component]
fn Composer(props: &ComposerProps) -> Html {
    let backend = use_backend();
    let toaster = use_toaster();
    let people = use_live_load(
        (props.kind.collection(), props.id.clone()),
        |b, (kind, id)| async move { b.mentionable(kind, &id).await },
    )
    .0;
    let body = use_node_ref();
    let picker = use_node_ref();
    let sending = use_state(|| false);
    let error = use_state(|| None::<String>);
    let field = format!("comment-{}", props.id);
    let on_pick = {
        let (body, picker) = (body.clone(), picker.clone());
        Callback::from(move |_: Event| {
            let (Some(area), Some(select)) = (
                body.cast::<HtmlTextAreaElement>(),
                picker.cast::<HtmlSelectElement>(),
            ) else {
                return;
            };
            let name = select.value();
            if name.is_empty() {
                return;
            }
            let text = area.value();
            let gap = if text.is_empty() || text.ends_with(char::is_whitespace) {
                ""
            } else {
                " "
            };
            area.set_value(&format!("{text}{gap}@{name} "));
            select.set_value("");
            let _ = area.focus();
        })
    };
    let onsubmit = {
        let (kind, id, body, sending, error) = (
            props.kind.collection(),
            props.id.clone(),
            body.clone(),
            sending.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(area) = body.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let input = CommentInput { body: area.value() };
            if input.check().is_err() {
                error.set(Some("Write your comment first.".into()));
                let _ = area.focus();
                return;
            }
            let (backend, id, sending, error, toaster) = (
                backend.clone(),
                id.clone(),
                sending.clone(),
                error.clone(),
                toaster.clone(),
            );
            sending.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match backend.comment(kind, &id, &input).await {
                    Ok(said) => {
                        error.set(None);
                        area.set_value("");
                        if let Some(t) = toaster {
                            t.say(posted(&said.mentions));
                        }
                    }
                    Err(e) => error.set(Some(e.message())),
                }
                sending.set(false);
            });
        })
    };
    let choices = match &*people {
        Load::Ready(people) => people.clone(),
        _ => Vec::new(),
    };
    let hint = format!("{field}-hint");
    html! {
        <form class="composer stack" {onsubmit} aria-label="Add a comment">
            <label for={field.clone()}>{ "Comment" }</label>
            <textarea id={field.clone()} ref={body} rows="3" aria-describedby={hint.clone()}
                aria-invalid={error.is_some().then_some("true")} />
            <p id={hint} class="muted small-text">
                { "Write @ and a full name to mention someone who can see this record; they find it under Mentions on their home page." }
            </p>
            if let Some(e) = &*error {
                <div class="field-error" role="alert">{ e.clone() }</div>
            }
            <div class="actions">
                <label class="visually-hidden" for={format!("{field}-mention")}>{ "Mention someone" }</label>
                <select id={format!("{field}-mention")} ref={picker} onchange={on_pick} disabled={choices.is_empty()}>
                    <option value="" selected={true}>{ "Mention…" }</option>
                    { for choices.iter().map(|p| html! {
                        <option value={p.name.clone()}>
                            { if p.staff { format!("{} (channel team)", p.name) } else { p.name.clone() } }
                        </option>
                    }) }
                </select>
                <button class="button" type="submit" disabled={*sending}>
                    { if *sending { "Posting…" } else { "Post comment" } }
                </button>
            </div>
        </form>
    }
}

/// The toast after a comment: who it reaches.
fn posted(mentions: &[Person]) -> String {
    match mentions {
        [] => "Comment posted".into(),
        people => {
            let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
            format!(
                "Comment posted; {} will find it under Mentions",
                names.join(", ")
            )
        }
    }
}
