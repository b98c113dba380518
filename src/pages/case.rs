//! One support case: its details, the message thread, and the reply form.

use trellis_api::activity::RecordKind;
use trellis_api::{parse_wire, CaseStatus, MessageInput, Validate};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::activity::Timeline;
use crate::components::load::{use_live_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::components::support_forms::{CATEGORIES, PRIORITIES};
use crate::format::status_badge;
use crate::pages::support::CASE_STATUSES;
use crate::routes::Route;
use crate::session::use_session;

/// Properties of [`CasePage`].
#[derive(Properties, PartialEq)]
pub struct CaseProps {
    pub id: String,
}

/// A case with its thread.
#[component]
pub fn CasePage(props: &CaseProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    // Live: a reply (from this page or another) loads the case and its messages again.
    let (data, retry) = use_live_load(props.id.clone(), |b, id| async move {
        Ok((b.get_case(&id).await?, b.case_messages(&id).await?))
    });
    let body = use_node_ref();
    let status = use_node_ref();
    let solved = use_node_ref();
    let sending = use_state(|| false);
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (id, body, status, solved, sending, error) = (
            props.id.clone(),
            body.clone(),
            status.clone(),
            solved.clone(),
            sending.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = body
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let requested = status
                .cast::<HtmlSelectElement>()
                .and_then(|s| parse_wire::<CaseStatus>(&s.value()))
                .or_else(|| {
                    solved
                        .cast::<HtmlInputElement>()
                        .filter(|c| c.checked())
                        .map(|_| CaseStatus::Solved)
                });
            let input = MessageInput {
                body: text,
                status: requested,
            };
            if input.check().is_err() {
                error.set(Some("Write your reply first.".into()));
                return;
            }
            let (backend, id, sending, error, body) = (
                backend.clone(),
                id.clone(),
                sending.clone(),
                error.clone(),
                body.clone(),
            );
            sending.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match backend.post_case_message(&id, &input).await {
                    Ok(_) => {
                        error.set(None);
                        if let Some(t) = body.cast::<HtmlTextAreaElement>() {
                            t.set_value("");
                        }
                    }
                    Err(e) => error.set(Some(e.message())),
                }
                sending.set(false);
            });
        })
    };
    let (case, messages) = match &*data {
        Load::Loading => return html! { <Loading label="Loading the case…" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(d) => d.clone(),
    };
    html! {
        <div class="stack">
            <p><Link<Route> to={Route::Support}>{ "← All cases" }</Link<Route>></p>
            <div class="page-header">
                <div><h1>{ case.subject.clone() }</h1>
                    <p>{ format!("Opened {}", case.created_at.get(0..10).unwrap_or("")) }</p></div>
                <div class="actions">
                    { status_badge(CATEGORIES, &case.category) }
                    { status_badge(PRIORITIES, &case.priority) }
                    { status_badge(CASE_STATUSES, &case.status) }
                </div>
            </div>
            <article class="card">
                <p class="pre-wrap">{ case.description.clone() }</p>
                if let (Some(file), Some(name)) = (&case.attachment_file_id, &case.attachment_name) {
                    <AttachmentLink id={file.clone()} name={name.clone()} />
                }
            </article>
            <h2>{ "Conversation" }</h2>
            if messages.is_empty() { <p class="muted">{ "No replies yet." }</p> }
            <ol class="thread" aria-label="Messages">
                { for messages.iter().map(|m| html! {
                    <li class={classes!("message", m.from_staff.then_some("from-staff"))}>
                        <div class="muted small-text">{ format!("{} · {}{}", m.author_name, m.created_at.get(0..16).unwrap_or("").replace('T', " "), if m.from_staff { " · channel team" } else { "" }) }</div>
                        <p class="pre-wrap">{ m.body.clone() }</p>
                    </li>
                }) }
            </ol>
            <form class="card stack" {onsubmit} aria-label="Reply to the case">
                <div class="field">
                    <label for="reply">{ "Your reply" }</label>
                    <textarea id="reply" rows="4" ref={body} />
                </div>
                if staff {
                    <div class="field">
                        <label for="reply-status">{ "Then set the case to" }</label>
                        <select id="reply-status" ref={status}>
                            <option value="">{ "Keep as it is (new cases go in progress)" }</option>
                            { for CASE_STATUSES.iter().filter(|(v, _)| *v != "new").map(|(v, l)| html! { <option value={*v}>{ *l }</option> }) }
                        </select>
                    </div>
                } else {
                    <label class="choice"><input type="checkbox" ref={solved} />{ "This solves my case" }</label>
                }
                if let Some(e) = &*error { <div class="alert error" role="alert">{ e.clone() }</div> }
                <div class="form-actions">
                    <button class="button" type="submit" disabled={*sending}>{ if *sending { "Sending…" } else { "Send reply" } }</button>
                </div>
            </form>
            <Timeline kind={RecordKind::Cases} id={case.id.clone()} noun="case" statuses={CASE_STATUSES} />
        </div>
    }
}

/// Properties of [`AttachmentLink`].
#[derive(Properties, PartialEq)]
struct AttachmentProps {
    id: String,
    name: String,
}

#[component]
fn AttachmentLink(props: &AttachmentProps) -> Html {
    let backend = use_backend();
    let error = use_state(|| None::<String>);
    let onclick = {
        let (id, error) = (props.id.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (backend, id, error) = (backend.clone(), id.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = backend.get_file(&id).await.map_err(|e| e.message());
                error.set(
                    result
                        .and_then(|f| crate::components::files::save_file(&f))
                        .err(),
                );
            });
        })
    };
    html! {
        <p>
            { "Attachment: " }
            <button class="link-button" type="button" {onclick} aria-label={format!("Download attachment {}", props.name)}>{ props.name.clone() }</button>
            if let Some(e) = &*error { <span class="field-error" role="alert">{ e.clone() }</span> }
        </p>
    }
}
