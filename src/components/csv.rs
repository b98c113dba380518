//! "Import CSV" and "Export CSV" buttons for a list.

use std::collections::BTreeMap;

use trellis_api::import::ImportKind;
use trellis_api::upload::encode;
use trellis_api::{wire_name, StoredFile};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::files::save_file;
use crate::routes::Route;

/// Properties of [`CsvActions`].
#[derive(Properties, PartialEq)]
pub struct CsvActionsProps {
    pub kind: ImportKind,
}

/// Opens the import page for this kind, or downloads what the user can see as CSV.
#[component]
pub fn CsvActions(props: &CsvActionsProps) -> Html {
    let backend = use_backend();
    let navigator = use_navigator();
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let kind = props.kind;
    let import = Callback::from(move |_: MouseEvent| {
        if let Some(n) = &navigator {
            let query = BTreeMap::from([("kind", wire_name(&kind))]);
            let _ = n.push_with_query(&Route::Import, &query);
        }
    });
    let export = {
        let (busy, error) = (busy.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (backend, busy, error) = (backend.clone(), busy.clone(), error.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = backend
                    .export_csv(kind)
                    .await
                    .map_err(|e| e.message())
                    .and_then(|x| {
                        save_file(&StoredFile {
                            file_name: x.file_name,
                            content_type: "text/csv".into(),
                            data: encode(x.csv.as_bytes()),
                        })
                    });
                error.set(result.err());
                busy.set(false);
            });
        })
    };
    html! {
        <div class="actions">
            <button class="button secondary" type="button" onclick={import}>{ "Import CSV" }</button>
            <button class="button secondary" type="button" onclick={export} disabled={*busy}>
                { if *busy { "Exporting…" } else { "Export CSV" } }
            </button>
            if let Some(e) = &*error { <span class="field-error" role="alert">{ e.clone() }</span> }
        </div>
    }
}
