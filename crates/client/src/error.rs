//! The client's one error type.

use trellis_api::{ApiError, ErrorCode};

/// Why a client call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// The backend answered with its typed error (kept whole, with field errors).
    Api(ApiError),
    /// The backend could not be reached.
    Network(String),
    /// The backend answered with something that is not the expected JSON.
    Decode(String),
}

impl ClientError {
    /// The backend's typed error, if it sent one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            ClientError::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The error code, if the backend sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        self.api().map(|e| e.code)
    }

    /// A sentence for the person using the app.
    pub fn message(&self) -> String {
        match self {
            ClientError::Api(e) => e.message.clone(),
            ClientError::Network(_) => {
                "Trellis could not reach the server. Check your connection and try again.".into()
            }
            ClientError::Decode(_) => "The server sent an answer Trellis could not read.".into(),
        }
    }
}

impl From<ApiError> for ClientError {
    fn from(e: ApiError) -> Self {
        ClientError::Api(e)
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Api(e) => write!(f, "{:?}: {}", e.code, e.message),
            ClientError::Network(m) => write!(f, "network error: {m}"),
            ClientError::Decode(m) => write!(f, "unreadable response: {m}"),
        }
    }
}

impl std::error::Error for ClientError {}
