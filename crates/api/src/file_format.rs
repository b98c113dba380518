//! Reading Trellis's versioned JSON files (site and theme files): the envelope check and the
//! typed body, with every error naming where it is.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{ApiError, FieldError};

/// A validation error for one field.
pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::validation(vec![FieldError::new(field, message)])
}

/// The `body` member of a `{"format": …, "format_version": …, body: …}` file, once the file is
/// JSON, of `format`, and of a version from 1 to `newest`.
pub fn open(text: &str, format: &str, newest: u32, body: &str) -> Result<Value, ApiError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| invalid("file", format!("is not valid JSON ({e})")))?;
    let Value::Object(mut file) = value else {
        return Err(invalid("file", "must be a JSON object"));
    };
    match file.get("format").and_then(Value::as_str) {
        Some(f) if f == format => {}
        Some(other) => {
            return Err(invalid(
                "format",
                format!("is \"{other}\", expected \"{format}\""),
            ))
        }
        None => {
            return Err(invalid(
                "format",
                format!("is missing: this is not a {format} file"),
            ))
        }
    }
    match file.get("format_version").and_then(Value::as_u64) {
        Some(v) if (1..=u64::from(newest)).contains(&v) => {}
        Some(v) => {
            return Err(invalid(
                "format_version",
                format!("is {v}; this Trellis reads versions 1 to {newest}"),
            ))
        }
        None => return Err(invalid("format_version", "is missing or not a number")),
    }
    file.remove(body).ok_or_else(|| invalid(body, "is missing"))
}

/// `value` read as `T`; an error names the path under `prefix` (`site.pages[0].root[2]`).
pub fn typed<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            prefix.to_string()
        } else {
            format!("{prefix}.{path}")
        };
        invalid(&field, e.into_inner().to_string())
    })
}
