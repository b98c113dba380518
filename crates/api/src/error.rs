//! The typed error body every endpoint returns on failure.

use serde::{Deserialize, Serialize};

/// What kind of failure happened; stable, machine-readable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body or query could not be read (malformed JSON, wrong type).
    BadRequest,
    /// The request was readable but one or more fields are invalid.
    Validation,
    /// No valid session: log in first.
    Unauthenticated,
    /// Wrong email or password (deliberately does not say which).
    InvalidCredentials,
    /// The user is logged in but may not do this.
    Forbidden,
    /// No such record, or not visible to this user.
    NotFound,
    /// The change conflicts with the current state (duplicate, stale version).
    Conflict,
    /// The endpoint exists but not with this HTTP method.
    MethodNotAllowed,
    /// The request body is larger than the server accepts.
    PayloadTooLarge,
    /// Too many attempts (failed logins): wait before trying again.
    TooManyRequests,
    /// Something failed on the server; details are in the server log, not here.
    Internal,
}

/// One invalid field, named by its JSON path (`email`, `tabs[2].label`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    /// A field error for `field` with a human-readable `message`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The error body: `{ "code": "validation", "message": "...", "field_errors": [...] }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_errors: Vec<FieldError>,
    /// On a conflict, the current state of what was being changed (the current draft, …), so
    /// the caller can compare and choose without another request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub current: Option<serde_json::Value>,
}

impl ApiError {
    /// An error with no field details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field_errors: Vec::new(),
            current: None,
        }
    }

    /// A conflict error carrying the current state of the record.
    pub fn conflict_with(message: impl Into<String>, current: &impl Serialize) -> Self {
        Self {
            current: serde_json::to_value(current).ok(),
            ..Self::new(ErrorCode::Conflict, message)
        }
    }

    /// The `current` state decoded as `T`, if present and readable.
    pub fn current_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.current
            .clone()
            .and_then(|v| serde_json::from_value(v).ok())
    }

    /// A validation error listing the invalid fields.
    pub fn validation(field_errors: Vec<FieldError>) -> Self {
        let message = match field_errors.as_slice() {
            [one] => format!("{} {}", field_label(&one.field), one.message),
            _ => format!("{} fields are invalid", field_errors.len()),
        };
        Self {
            code: ErrorCode::Validation,
            message,
            field_errors,
            current: None,
        }
    }

    /// The standard "not found" error for a record kind.
    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// The HTTP status this error is sent with.
    pub fn status(&self) -> u16 {
        match self.code {
            ErrorCode::BadRequest => 400,
            ErrorCode::Validation => 422,
            ErrorCode::Unauthenticated | ErrorCode::InvalidCredentials => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::Conflict => 409,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::TooManyRequests => 429,
            ErrorCode::Internal => 500,
        }
    }

    /// The message for one field, if that field is named in the error.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.field_errors
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.message.as_str())
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

/// A field name as words: `partner_account_id` → "Partner account", `tier_id` → "Tier".
pub fn field_label(field: &str) -> String {
    let words = field.strip_suffix("_id").unwrap_or(field).replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod label_tests {
    #[test]
    fn field_names_read_as_words() {
        let v = super::ApiError::validation(vec![super::FieldError::new(
            "partner_account_id",
            "is required",
        )]);
        assert_eq!(v.message, "Partner account is required");
        assert_eq!(super::field_label("reason"), "Reason");
    }
}
