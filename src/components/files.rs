//! Picking a file to upload and saving a downloaded one, in the browser.

use trellis_api::upload::{decode, encode, MAX_UPLOAD_BYTES};
use trellis_api::{StoredFile, Upload};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// The file chosen in `input` as an [`Upload`]; `Ok(None)` when none is chosen.
pub async fn read_upload(input: &HtmlInputElement) -> Result<Option<Upload>, String> {
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return Ok(None);
    };
    // Refuse big files before reading them into memory; the backend checks again.
    if file.size() > MAX_UPLOAD_BYTES as f64 {
        return Err(format!("must be at most {} MiB", MAX_UPLOAD_BYTES >> 20));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "could not be read from your device".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(Some(Upload {
        file_name: file.name(),
        data: encode(&bytes),
    }))
}

/// The file picked in the input behind `node`, checked as the backend checks it;
/// problems come back as (field, message) pairs for the form.
pub async fn checked_upload(
    node: &yew::NodeRef,
    field: &str,
) -> Result<Option<Upload>, Vec<(String, String)>> {
    let Some(input) = node.cast::<HtmlInputElement>() else {
        return Ok(None);
    };
    match read_upload(&input).await {
        Ok(Some(upload)) => match upload.check(field) {
            Ok(_) => Ok(Some(upload)),
            Err(e) => Err(e
                .field_errors
                .into_iter()
                .map(|f| (f.field, f.message))
                .collect()),
        },
        Ok(None) => Ok(None),
        Err(message) => Err(vec![(field.to_string(), message)]),
    }
}

/// Offers a stored file to the browser as a download under its own name.
pub fn save_file(file: &StoredFile) -> Result<(), String> {
    let failed = |_| "The browser could not save the file".to_string();
    let bytes = decode(&file.data).ok_or("The file arrived damaged")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&file.content_type);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "No link element".to_string())?;
    link.set_href(&url);
    link.set_download(&file.file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
