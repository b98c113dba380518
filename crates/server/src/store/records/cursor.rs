//! Keyset cursors: the last row's (sort value, id), hex-encoded so they are opaque and URL-safe.

use crate::error::{Error, Result};
use trellis_api::bad_cursor;

pub(super) fn cursor_error() -> Error {
    bad_cursor().into()
}

pub(super) fn encode_cursor(value: &str, id: &str) -> String {
    crate::ids::hex(format!("{value}~{id}").as_bytes())
}

pub(super) fn decode_cursor(cursor: &str) -> Result<(String, String)> {
    let bytes = (0..cursor.len())
        .step_by(2)
        .map(|i| {
            cursor
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(cursor_error)?;
    let text = String::from_utf8(bytes).map_err(|_| cursor_error())?;
    // Ids never contain '~'; sort values may.
    let (at, id) = text.rsplit_once('~').ok_or_else(cursor_error)?;
    Ok((at.to_string(), id.to_string()))
}
