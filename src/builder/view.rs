//! The builder's frame: save and publish state, undo/redo (buttons and Ctrl/Cmd+Z,
//! Shift+Ctrl/Cmd+Z), the conflict dialog, the live region, and the switch between its views.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use trellis_api::{Draft, Publish, Tier, MAX_PUBLISH_NOTE};
use trellis_client::ClientError;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use super::autosave::{use_autosave, DraftMeta, SaveStatus};
use super::editor::{Action, Editor, Notice};
use super::gallery::Gallery;
use super::layout::LayoutEditor;
use super::pages_bar::PagesBar;
use super::preview::Preview;
use super::tabs_editor::TabsEditor;
use super::theme_studio::ThemeStudio;
use super::transfer::Transfer;
use super::versions::Versions;
use crate::backend::use_backend;
use crate::components::dialog::Dialog;
use crate::components::load::{use_load, Load};
use crate::components::toast::use_toaster;
use crate::format::when;
use crate::routes::Route;
use crate::session::use_session;

/// The builder's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Layout,
    Navigation,
    Preview,
    Templates,
    Versions,
    Transfer,
    Theme,
}

impl View {
    const ALL: [View; 7] = [
        View::Layout,
        View::Navigation,
        View::Theme,
        View::Preview,
        View::Templates,
        View::Versions,
        View::Transfer,
    ];

    fn label(self) -> &'static str {
        match self {
            View::Layout => "Page layout",
            View::Navigation => "Navigation",
            View::Preview => "Preview and view as",
            View::Templates => "Templates",
            View::Versions => "Versions",
            View::Transfer => "Export and import",
            View::Theme => "Theme studio",
        }
    }
}

fn error_text(e: &ClientError) -> String {
    match e.api() {
        Some(api) if !api.field_errors.is_empty() => {
            let fields: Vec<_> = api
                .field_errors
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            format!("{} ({})", api.message, fields.join("; "))
        }
        _ => e.to_string(),
    }
}

/// Properties of [`Builder`].
#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    pub draft: Draft,
    /// The view to open with.
    #[prop_or(View::Layout)]
    pub view: View,
}

/// The community builder on a loaded draft.
#[component]
pub fn Builder(props: &BuilderProps) -> Html {
    let editor = use_reducer(|| Editor::new(props.draft.site.clone()));
    let save = use_autosave(&editor, &props.draft);
    let backend = use_backend();
    let session = use_session();
    let view = use_state(|| props.view);
    let navigator = use_navigator();
    let show = {
        let view = view.clone();
        move |v: View| {
            view.set(v);
            // The theme studio has its own address, so it can be linked to and reloaded.
            if let Some(nav) = &navigator {
                nav.replace(&if v == View::Theme {
                    Route::ThemeStudio
                } else {
                    Route::Builder
                });
            }
        }
    };
    let said = use_state(String::new);
    let note = use_state(String::new);
    let publishing = use_state(|| false);
    let toaster = use_toaster();
    let publish_error = use_state(|| None::<String>);
    let versions_seen = use_state(|| 0u32);
    let (programs, _) = use_load((), |b, ()| async move { b.list_programs().await });
    let tiers: Rc<Vec<Tier>> = use_memo(programs.clone(), |p| match &**p {
        Load::Ready(programs) => programs.iter().flat_map(|p| p.tiers.clone()).collect(),
        _ => Vec::new(),
    });
    let announce = {
        let said = said.clone();
        Callback::from(move |text: String| said.set(text))
    };
    {
        // Undo and redo from anywhere in the builder, except inside text fields (their own undo).
        let dispatcher = editor.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            // Not passive: a passive listener cannot keep the browser's own undo from running.
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&window, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if typing || !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                match (e.key().to_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => {
                        e.prevent_default();
                        dispatcher.dispatch(Action::Undo);
                    }
                    ("z", true) | ("y", false) => {
                        e.prevent_default();
                        dispatcher.dispatch(Action::Redo);
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }
    {
        // Undo, redo and refusals are announced here; views announce their own edits.
        let said = said.clone();
        use_effect_with(editor.notice.clone(), move |notice| {
            if let Some(Notice::Travelled(text) | Notice::Refused(text)) = notice {
                said.set(text.clone());
            }
        });
    }
    let unpublished = save.meta.has_unpublished_changes || save.status != SaveStatus::Saved;
    let blockers = editor.site.publish_blockers().len();
    let can_publish = save.meta.has_unpublished_changes
        && save.status == SaveStatus::Saved
        && !*publishing
        && blockers == 0;
    let publish = {
        let (
            backend,
            base,
            note,
            publishing,
            publish_error,
            update,
            meta,
            toaster,
            versions_seen,
            reload_site,
        ) = (
            backend.clone(),
            save.base,
            note.clone(),
            publishing.clone(),
            publish_error.clone(),
            save.update.clone(),
            save.meta.clone(),
            toaster.clone(),
            versions_seen.clone(),
            session.reload_site.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (
                backend,
                note,
                publishing,
                publish_error,
                update,
                meta,
                toaster,
                versions_seen,
                reload_site,
            ) = (
                backend.clone(),
                note.clone(),
                publishing.clone(),
                publish_error.clone(),
                update.clone(),
                meta.clone(),
                toaster.clone(),
                versions_seen.clone(),
                reload_site.clone(),
            );
            publishing.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let body = Publish {
                    base_version: base,
                    note: (*note).clone(),
                };
                match backend.publish(&body).await {
                    Ok(published) => {
                        update.emit(DraftMeta {
                            has_unpublished_changes: false,
                            ..meta
                        });
                        // A toast both shows and announces it (not the builder's hidden region too).
                        if let Some(toaster) = &toaster {
                            toaster.say(format!(
                                "Version {} published: partners see it now",
                                published.version
                            ));
                        }
                        note.set(String::new());
                        publish_error.set(None);
                        versions_seen.set(*versions_seen + 1);
                        reload_site.emit(());
                    }
                    Err(e) => publish_error.set(Some(error_text(&e))),
                }
                publishing.set(false);
            });
        })
    };
    let status = match &save.status {
        SaveStatus::Saved => format!(
            "All changes saved · draft version {} · {}",
            save.meta.version,
            when(&save.meta.updated_at)
        ),
        SaveStatus::Pending => "Unsaved changes…".into(),
        SaveStatus::Saving => "Saving…".into(),
        SaveStatus::Failed(_) => "Not saved".into(),
        SaveStatus::Conflict(_) => "Not saved: someone else changed the draft".into(),
    };
    let dispatch = editor.dispatcher();
    let on_edit = {
        let dispatch = dispatch.clone();
        Callback::from(move |edit| dispatch.dispatch(Action::Edit(edit)))
    };
    let body = match *view {
        View::Layout => html! {
            <>
                <PagesBar site={editor.site.clone()} open={editor.page.clone()}
                    dispatch={Callback::from({ let d = dispatch.clone(); move |a| d.dispatch(a) })} />
                <LayoutEditor editor={editor.clone()} tiers={tiers.clone()} announce={announce.clone()} />
            </>
        },
        View::Navigation => html! {
            <TabsEditor site={editor.site.clone()} tiers={tiers.clone()} on_edit={on_edit.clone()} announce={announce.clone()} />
        },
        View::Preview => html! { <Preview site={editor.site.clone()} tiers={tiers.clone()} /> },
        View::Templates => html! { <Gallery on_edit={on_edit.clone()} /> },
        View::Versions => html! {
            <Versions refresh={*versions_seen} on_edit={on_edit.clone()} tiers={tiers.clone()} />
        },
        View::Transfer => {
            html! { <Transfer site={editor.site.clone()} on_edit={on_edit.clone()} /> }
        }
        View::Theme => html! {
            <ThemeStudio site={editor.site.clone()} tiers={tiers.clone()} selected={editor.selected.clone()} on_edit={on_edit.clone()} refresh={*versions_seen} />
        },
    };
    let undo_title = editor
        .undo_label()
        .map(|l| format!("Undo: {l} (Ctrl+Z)"))
        .unwrap_or_else(|| "Nothing to undo".into());
    let redo_title = editor
        .redo_label()
        .map(|l| format!("Redo: {l} (Shift+Ctrl+Z)"))
        .unwrap_or_else(|| "Nothing to redo".into());
    html! {
        <div class="builder">
            <div class="b-header card">
                <div class="b-title">
                    <h2>{ editor.site.name.clone() }</h2>
                    <p class="muted small" id="b-save-status">{ status }</p>
                </div>
                <p class="b-publish-state">
                    if unpublished {
                        <span class="badge submitted">{ "Unpublished changes" }</span>
                    } else {
                        <span class="badge approved">{ "Published, up to date" }</span>
                    }
                </p>
                <div class="actions">
                    <button type="button" class="button secondary small" disabled={editor.undo_label().is_none()}
                        title={undo_title.clone()} aria-label={undo_title} onclick={{ let d = dispatch.clone(); move |_| d.dispatch(Action::Undo) }}>{ "Undo" }</button>
                    <button type="button" class="button secondary small" disabled={editor.redo_label().is_none()}
                        title={redo_title.clone()} aria-label={redo_title} onclick={{ let d = dispatch.clone(); move |_| d.dispatch(Action::Redo) }}>{ "Redo" }</button>
                </div>
                <form class="b-publish" onsubmit={publish} aria-label="Publish">
                    <label for="b-note" class="visually-hidden">{ "What changed (optional)" }</label>
                    <input id="b-note" placeholder="What changed (optional)" maxlength={MAX_PUBLISH_NOTE.to_string()} value={(*note).clone()}
                        oninput={{ let note = note.clone(); move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                    <button class="button" disabled={!can_publish}>{ if *publishing { "Publishing…" } else { "Publish" } }</button>
                </form>
            </div>
            if let Some(e) = &*publish_error { <div class="alert error" role="alert">{ format!("Not published: {e}") }</div> }
            if blockers > 0 {
                <div class="alert error" role="alert" id="b-publish-blocked">
                    { format!("Publishing is blocked: a theme in use fails the contrast check ({blockers} colour pairs). Drafts still save. ") }
                    if *view != View::Theme {
                        <button type="button" class="link-button" onclick={{ let show = show.clone(); move |_| show(View::Theme) }}>{ "Open the theme studio" }</button>
                    }
                </div>
            }
            if let SaveStatus::Failed(e) = &save.status {
                <div class="alert error" role="alert">
                    { format!("The draft could not be saved: {}", error_text(e)) }
                    <button type="button" class="button small" onclick={save.flush.reform(|_| ())}>{ "Try again" }</button>
                </div>
            }
            if let Some(Notice::Refused(text)) = &editor.notice { <div class="alert error" role="alert">{ text.clone() }</div> }
            if let SaveStatus::Conflict(current) = &save.status {
                <Dialog title_id="b-conflict-title" text_id="b-conflict-text">
                    <h2 id="b-conflict-title">{ "Someone else changed the draft" }</h2>
                    <p id="b-conflict-text">
                        { format!("Draft version {} was saved at {} while you were editing. Your latest changes are not saved yet. \
                            Keep your version to save it over theirs, or load theirs and lose your unsaved changes.",
                            current.version, when(&current.updated_at)) }
                    </p>
                    <div class="actions">
                        <button type="button" class="button" onclick={save.keep_mine.reform(|_| ())}>{ "Keep my version" }</button>
                        <button type="button" class="button secondary" onclick={save.reload.reform(|_| ())}>{ "Load their version" }</button>
                    </div>
                </Dialog>
            }
            <nav class="b-views" aria-label="Builder views">
                { for View::ALL.into_iter().map(|v| {
                    let show = show.clone();
                    html! { <button type="button" class="b-view" aria-current={(*view == v).then_some("page")}
                        onclick={move |_| show(v)}>{ v.label() }</button> }
                }) }
            </nav>
            { body }
            <div class="visually-hidden" role="status" aria-live="polite" id="b-live">{ (*said).clone() }</div>
        </div>
    }
}
