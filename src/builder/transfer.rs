//! Export the whole site as a versioned JSON file, and import one: the file is checked with the
//! same rules as the server's, every problem is listed with its place, and nothing changes on failure.

use std::rc::Rc;

use trellis_api::datetime::timestamp;
use trellis_api::site_rules::{export_site, import_site};
use trellis_api::upload::encode;
use trellis_api::{FieldError, Site, StoredFile};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::edit::Edit;
use crate::components::files::save_file;

/// Largest site file read, in bytes.
const MAX_FILE: f64 = 5.0 * 1024.0 * 1024.0;

/// Properties of [`Transfer`].
#[derive(Properties, PartialEq)]
pub struct TransferProps {
    pub site: Rc<Site>,
    pub on_edit: Callback<Edit>,
}

fn now_stamp() -> String {
    timestamp((js_sys::Date::now() / 1000.0) as i64)
}

/// The export and import view.
#[component]
pub fn Transfer(props: &TransferProps) -> Html {
    let text = use_state(String::new);
    let errors = use_state(Vec::<FieldError>::new);
    let message = use_state(|| None::<String>);
    let export = {
        let (site, message) = (props.site.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let file = StoredFile {
                file_name: "trellis-site.json".into(),
                content_type: "application/json".into(),
                data: encode(export_site(&site, &now_stamp()).as_bytes()),
            };
            message.set(save_file(&file).err());
        })
    };
    let on_file = {
        let (text, message) = (text.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            if file.size() > MAX_FILE {
                message.set(Some("The file must be at most 5 MB.".into()));
                return;
            }
            let (text, message) = (text.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(content) => {
                        text.set(content);
                        message.set(None);
                    }
                    None => message.set(Some("The file could not be read as text.".into())),
                }
            });
        })
    };
    let import = {
        let (text, errors, message, on_edit) = (
            text.clone(),
            errors.clone(),
            message.clone(),
            props.on_edit.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match import_site(&text) {
                Ok(site) => {
                    message.set(Some(format!("Imported {}: the draft now holds its {} tabs and {} pages. Undo to go back.",
                        site.name, site.tabs.len(), site.pages.len())));
                    on_edit.emit(Edit::ReplaceSite {
                        site: Box::new(site),
                        whole: true,
                    });
                    errors.set(Vec::new());
                }
                Err(e) => {
                    message.set(Some(format!("Nothing was imported: {}", e.message)));
                    errors.set(e.field_errors);
                }
            }
        })
    };
    html! {
        <div class="stack">
            <div class="card">
                <h2>{ "Export" }</h2>
                <p class="muted">{ "Downloads the draft's tabs, pages, layouts and theme reference as a trellis.site file (format version 1, described in docs/site-format.md)." }</p>
                <button type="button" class="button" onclick={export}>{ "Download site file" }</button>
            </div>
            <form class="card stack" onsubmit={import} aria-label="Import a site file">
                <h2>{ "Import" }</h2>
                <p class="muted">{ "Replaces the draft with the file's site after checking it. Partners see it only after you publish." }</p>
                <div class="field">
                    <label for="b-import-file">{ "Site file" }</label>
                    <input id="b-import-file" type="file" accept=".json,application/json" onchange={on_file} />
                </div>
                <div class="field">
                    <label for="b-import-text">{ "Or paste the file" }</label>
                    <textarea id="b-import-text" rows="6" value={(*text).clone()}
                        oninput={{ let text = text.clone(); move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()) }} />
                </div>
                <button class="button" disabled={text.trim().is_empty()}>{ "Check and import" }</button>
                if let Some(m) = &*message {
                    <p class={if errors.is_empty() { "alert success" } else { "alert error" }} role="alert">{ m.clone() }</p>
                }
                if !errors.is_empty() {
                    <ul class="b-import-errors" aria-label="Problems in the file">
                        { for errors.iter().map(|f| html! { <li><code>{ f.field.clone() }</code>{ format!(" {}", f.message) }</li> }) }
                    </ul>
                }
            </form>
        </div>
    }
}
