//! The core's one error: a typed API error for the caller, or a storage failure it must not see.

use trellis_api::{ApiError, ErrorCode};

/// Why a step failed.
#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// The caller's request was refused: shown to them as it is.
    Api(ApiError),
    /// Storage failed; the text is for the operator's log, never for the caller.
    Store(String),
}

/// The result of every step and store call.
pub type Result<T> = std::result::Result<T, CoreError>;

impl From<ApiError> for CoreError {
    fn from(e: ApiError) -> Self {
        CoreError::Api(e)
    }
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CoreError::Api(e) => write!(f, "{}", e.message),
            CoreError::Store(e) => write!(f, "storage failed: {e}"),
        }
    }
}

impl std::error::Error for CoreError {}

/// 409 for a record someone else changed between reading and writing it.
pub fn changed_meanwhile(what: &str) -> CoreError {
    ApiError::new(
        ErrorCode::Conflict,
        format!("Someone else changed this {what} meanwhile; reload it"),
    )
    .into()
}
