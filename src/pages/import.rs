//! CSV import: pick a file, map its columns, see which rows fail and why, then import.

use std::collections::BTreeMap;

use trellis_api::import::*;
use trellis_api::{parse_wire, wire_name};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::routes::Route;
use crate::session::use_session;

/// The largest file read, in bytes (the API takes 1 MiB bodies).
const MAX_FILE: f64 = 900.0 * 1024.0;

/// Where each kind's list lives.
fn list_route(kind: ImportKind) -> Route {
    match kind {
        ImportKind::Leads => Route::Leads,
        ImportKind::Contacts => Route::Contacts,
        ImportKind::Accounts => Route::Admin,
    }
}

/// "1 row", "3 rows".
fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Working(usize),
    Done(ImportReport),
    Failed(String),
}

/// The import page.
#[component]
pub fn ImportPage() -> Html {
    let backend = use_backend();
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let location = use_location();
    let asked = location
        .and_then(|l| l.query::<BTreeMap<String, String>>().ok())
        .and_then(|q| q.get("kind").and_then(|k| parse_wire::<ImportKind>(k)))
        .unwrap_or(ImportKind::Leads);
    let kind = use_state(|| asked);
    let text = use_state(String::new);
    let file_name = use_state(String::new);
    let mapping = use_state(Vec::<Option<String>>::new);
    let mode = use_state(|| ImportMode::ValidRows);
    let outcome = use_state(|| None::<Outcome>);
    let read_error = use_state(|| None::<String>);

    let parsed = (!text.is_empty()).then(|| parse_csv(&text));
    let on_kind = {
        let (kind, mapping, text, outcome) =
            (kind.clone(), mapping.clone(), text.clone(), outcome.clone());
        Callback::from(move |e: Event| {
            if let Some(k) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| parse_wire::<ImportKind>(&s.value()))
            {
                kind.set(k);
                outcome.set(None);
                mapping.set(match parse_csv(&text) {
                    Ok(t) => suggest_mapping(k, &t.headers),
                    Err(_) => Vec::new(),
                });
            }
        })
    };
    let on_file = {
        let (kind, text, file_name, mapping, outcome, read_error) = (
            kind.clone(),
            text.clone(),
            file_name.clone(),
            mapping.clone(),
            outcome.clone(),
            read_error.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            outcome.set(None);
            if file.size() > MAX_FILE {
                read_error.set(Some(
                    "The file must be at most 900 KB; split it into smaller files.".into(),
                ));
                return;
            }
            let (kind, text, file_name, mapping, read_error) = (
                *kind,
                text.clone(),
                file_name.clone(),
                mapping.clone(),
                read_error.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(content) => {
                        mapping.set(match parse_csv(&content) {
                            Ok(t) => suggest_mapping(kind, &t.headers),
                            Err(_) => Vec::new(),
                        });
                        file_name.set(file.name());
                        text.set(content);
                        read_error.set(None);
                    }
                    None => read_error.set(Some("The file could not be read as text.".into())),
                }
            });
        })
    };

    let body = match &parsed {
        None => html! {},
        Some(Err(e)) => html! {
            <div class="alert error" role="alert">{ format!("{} {}", *file_name, e.field("csv").unwrap_or(&e.message)) }</div>
        },
        Some(Ok(table)) => {
            let checked = check_rows(*kind, table, &mapping);
            let choose = |col: usize| {
                let mapping = mapping.clone();
                Callback::from(move |e: Event| {
                    if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                        let mut next = (*mapping).clone();
                        next.resize(col.max(next.len()), None);
                        if let Some(slot) = next.get_mut(col) {
                            *slot = Some(s.value()).filter(|v| !v.is_empty());
                        }
                        mapping.set(next);
                    }
                })
            };
            let mapping_rows = table.headers.iter().enumerate().map(|(i, h)| {
                let chosen = mapping.get(i).cloned().flatten().unwrap_or_default();
                html! {
                    <tr>
                        <th scope="row"><label for={format!("map-{i}")}>{ h.clone() }</label></th>
                        <td>
                            <select id={format!("map-{i}")} onchange={choose(i)}>
                                <option value="" selected={chosen.is_empty()}>{ "Ignore this column" }</option>
                                { for kind.fields().iter().map(|(f, label, required)| html! {
                                    <option value={*f} selected={chosen == *f}>{ format!("{label}{}", if *required { " (required)" } else { "" }) }</option>
                                }) }
                            </select>
                        </td>
                        <td class="muted">{ table.rows.first().and_then(|r| r.get(i)).cloned().unwrap_or_default() }</td>
                    </tr>
                }
            });
            let summary = match &checked {
                Err(e) => {
                    html! { <div class="alert error" role="alert">{ e.field("mapping").map_or(e.message.clone(), |m| format!("Column mapping: {m}")) }</div> }
                }
                Ok(rows) => {
                    let r = report(rows);
                    html! {
                        <div class="import-report">
                            <p role="status"><strong>{ format!("{} rows: {} ready to import, {} with problems.", r.total, r.valid, r.problems.len()) }</strong></p>
                            if !r.problems.is_empty() {
                                <ul class="problems" aria-label="Rows with problems">
                                    { for r.problems.iter().take(50).map(|p| html! {
                                        <li>{ format!("Line {}: {}", p.line, p.errors.iter().map(|e| format!("{} {}", trellis_api::error::field_label(&e.field), e.message)).collect::<Vec<_>>().join("; ")) }</li>
                                    }) }
                                </ul>
                            }
                        </div>
                    }
                }
            };
            let ready = checked.as_ref().map(|rows| report(rows)).ok();
            let onsubmit = {
                let (backend, text, mapping, mode, outcome, kind) = (
                    backend.clone(),
                    text.clone(),
                    mapping.clone(),
                    mode.clone(),
                    outcome.clone(),
                    *kind,
                );
                let total = ready.as_ref().map_or(0, |r| r.total);
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let request = ImportRequest {
                        kind,
                        csv: (*text).clone(),
                        mapping: (*mapping).clone(),
                        mode: *mode,
                        dry_run: false,
                    };
                    let (backend, outcome) = (backend.clone(), outcome.clone());
                    outcome.set(Some(Outcome::Working(total)));
                    wasm_bindgen_futures::spawn_local(async move {
                        outcome.set(Some(match backend.import_csv(&request).await {
                            Ok(r) => Outcome::Done(r),
                            Err(e) => Outcome::Failed(e.message()),
                        }));
                    });
                })
            };
            let set_mode = |m: ImportMode| {
                let mode = mode.clone();
                Callback::from(move |_: Event| mode.set(m))
            };
            // A finished import stays finished until another file is chosen: no accidental duplicates.
            let working = matches!(&*outcome, Some(Outcome::Working(_)))
                || matches!(&*outcome, Some(Outcome::Done(r)) if r.imported > 0);
            html! {
                <form class="card stack" {onsubmit} aria-label="Import">
                    <h2>{ "Columns" }</h2>
                    <table class="mapping">
                        <thead><tr><th scope="col">{ "Column in the file" }</th><th scope="col">{ "Fills" }</th><th scope="col">{ "First row" }</th></tr></thead>
                        <tbody>{ for mapping_rows }</tbody>
                    </table>
                    { summary }
                    <fieldset>
                        <legend>{ "If some rows have problems" }</legend>
                        <label class="choice"><input type="radio" name="mode" checked={*mode == ImportMode::ValidRows} onchange={set_mode(ImportMode::ValidRows)} />
                            { "Import the valid rows and skip the others" }</label>
                        <label class="choice"><input type="radio" name="mode" checked={*mode == ImportMode::AllOrNothing} onchange={set_mode(ImportMode::AllOrNothing)} />
                            { "Import nothing unless every row is valid" }</label>
                    </fieldset>
                    <div class="form-actions">
                        <button class="button" type="submit" disabled={working || ready.as_ref().is_none_or(|r| r.total == 0)}>
                            { match &*outcome { Some(Outcome::Working(n)) => format!("Importing {n} rows…"), _ => format!("Import {}", kind.noun()) } }
                        </button>
                    </div>
                </form>
            }
        }
    };
    let result = match &*outcome {
        Some(Outcome::Done(r)) if r.imported > 0 => html! {
            <div class="alert success" role="status">
                { format!("Imported {} {}{}. ", r.imported, kind.noun(), if r.problems.is_empty() { String::new() } else { format!("; {} skipped", rows(r.problems.len())) }) }
                <Link<Route> to={list_route(*kind)}>{ format!("Open {}", kind.noun()) }</Link<Route>>
            </div>
        },
        Some(Outcome::Done(r)) => html! {
            <div class="alert error" role="alert">{ format!("Nothing was imported: {} with problems. Fix them, or choose to import the valid rows only.", rows(r.problems.len())) }</div>
        },
        Some(Outcome::Failed(m)) => {
            html! { <div class="alert error" role="alert">{ m.clone() }</div> }
        }
        _ => html! {},
    };
    html! {
        <div class="stack">
            <div class="page-header">
                <div><h1>{ "Import from CSV" }</h1>
                    <p>{ "Bring leads, contacts or accounts over from a spreadsheet. Nothing is written until you press Import." }</p></div>
            </div>
            <div class="card form-grid">
                <div class="field">
                    <label for="import-kind">{ "What the file holds" }</label>
                    <select id="import-kind" onchange={on_kind}>
                        { for [ImportKind::Leads, ImportKind::Contacts, ImportKind::Accounts].into_iter()
                            .filter(|k| staff || *k != ImportKind::Accounts)
                            .map(|k| html! { <option value={wire_name(&k)} selected={*kind == k}>{ k.noun() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="import-file">{ "CSV file (first row: column names)" }</label>
                    <input id="import-file" type="file" accept=".csv,text/csv" onchange={on_file} />
                    if let Some(e) = &*read_error { <p class="field-error" role="alert">{ e.clone() }</p> }
                </div>
            </div>
            { result }
            { body }
        </div>
    }
}
