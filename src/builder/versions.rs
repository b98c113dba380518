//! Version history: every published version with author, time and note; preview any of them
//! and restore it as the draft (undoable, and partners see it only after the next publish).

use std::rc::Rc;

use trellis_api::{PublishedSite, Role, Tier};
use yew::prelude::*;

use super::edit::Edit;
use super::preview::{Device, SitePreview};
use crate::backend::use_backend;
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::format::when;

/// Properties of [`Versions`].
#[derive(Properties, PartialEq)]
pub struct VersionsProps {
    /// Changes after each publish, so the list reloads.
    pub refresh: u32,
    pub on_edit: Callback<Edit>,
    pub tiers: Rc<Vec<Tier>>,
}

/// The version list, with preview and restore.
#[component]
pub fn Versions(props: &VersionsProps) -> Html {
    let backend = use_backend();
    let (list, retry) = use_load(props.refresh, |b, _| async move { b.site_versions().await });
    let shown = use_state(|| None::<Rc<PublishedSite>>);
    let failed = use_state(|| None::<String>);
    let restored = use_state(|| None::<i64>);
    let open = |version: i64, restore: bool| {
        let (backend, shown, failed, restored, on_edit) = (
            backend.clone(),
            shown.clone(),
            failed.clone(),
            restored.clone(),
            props.on_edit.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (backend, shown, failed, restored, on_edit) = (
                backend.clone(),
                shown.clone(),
                failed.clone(),
                restored.clone(),
                on_edit.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match backend.site_version(version).await {
                    Ok(v) if restore => {
                        on_edit.emit(Edit::ReplaceSite {
                            site: Box::new(v.site),
                            whole: true,
                        });
                        restored.set(Some(version));
                        failed.set(None);
                    }
                    Ok(v) => {
                        shown.set(Some(Rc::new(v)));
                        failed.set(None);
                    }
                    Err(e) => failed.set(Some(e.to_string())),
                }
            });
        })
    };
    let body = match &*list {
        Load::Loading => html! { <Loading label="Loading versions…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(versions) => html! {
            <table aria-label="Published versions">
                <thead><tr><th scope="col">{ "Version" }</th><th scope="col">{ "Published" }</th>
                    <th scope="col">{ "By" }</th><th scope="col">{ "Note" }</th><th scope="col">{ "Actions" }</th></tr></thead>
                <tbody>
                    { for versions.iter().enumerate().map(|(i, v)| html! {
                        <tr key={v.version}>
                            <td>{ format!("Version {}", v.version) }
                                if i == 0 { <span class="badge approved">{ "Live" }</span> }</td>
                            <td>{ when(&v.published_at) }</td>
                            <td>{ v.published_by_name.clone() }</td>
                            <td>{ v.note.clone() }</td>
                            <td class="actions">
                                <button type="button" class="button secondary small" aria-label={format!("Preview version {}", v.version)}
                                    onclick={open(v.version, false)}>{ "Preview" }</button>
                                <button type="button" class="button small" aria-label={format!("Restore version {} as the draft", v.version)}
                                    onclick={open(v.version, true)}>{ "Restore as draft" }</button>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <div class="stack">
            <div class="card stack">
                <h2>{ "Versions" }</h2>
                <p class="muted">{ "Each publish is kept as an immutable version. Restoring one makes it the draft; partners see it after you publish." }</p>
                if let Some(v) = *restored {
                    <p class="alert success" role="status">{ format!("Version {v} is now the draft. Publish to make it live, or Undo.") }</p>
                }
                if let Some(e) = &*failed { <p class="alert error" role="alert">{ e.clone() }</p> }
                { body }
            </div>
            if let Some(v) = &*shown {
                <SitePreview site={Rc::new(v.site.for_viewer(None, Role::Admin))} device={Device::Desktop}
                    label={format!("Version {} ({})", v.version, when(&v.published_at))} />
            }
        </div>
    }
}
