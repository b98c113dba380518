//! The server's one error type, and extractors that turn bad input into typed 4xx errors.

use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use trellis_api::{ApiError, ErrorCode, FieldError};

/// Every failure a handler can return; internals never reach the response body.
#[derive(Debug)]
pub enum Error {
    /// A typed error meant for the caller.
    Api(ApiError),
    /// A database failure: constraint violations become 4xx, the rest a logged 500.
    Db(sqlx::Error),
    /// Anything else unexpected; logged, answered with a generic 500.
    Internal(String),
}

/// The result type of handlers.
pub type Result<T> = std::result::Result<T, Error>;

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(e)
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Db(e)
    }
}

impl Error {
    /// The typed body this error is answered with.
    pub fn to_api(&self) -> ApiError {
        match self {
            Error::Api(e) => e.clone(),
            Error::Db(sqlx::Error::Database(db)) if db.is_unique_violation() => ApiError::new(
                ErrorCode::Conflict,
                "A record with these details already exists",
            ),
            Error::Db(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => {
                ApiError::new(ErrorCode::Validation, "A referenced record does not exist")
            }
            Error::Db(sqlx::Error::RowNotFound) => ApiError::not_found("Record"),
            Error::Db(_) | Error::Internal(_) => ApiError::new(
                ErrorCode::Internal,
                "Something went wrong on the server; it has been logged",
            ),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let body = self.to_api();
        if body.code == ErrorCode::Internal {
            tracing::error!(error = ?self, "request failed");
        }
        let status =
            StatusCode::from_u16(body.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(body)).into_response()
    }
}

/// A JSON body whose problems are answered with a typed error naming the field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(
                bad_request("The body must be JSON (Content-Type: application/json)").into(),
            );
        }
        let bytes =
            axum::body::Bytes::from_request(req, state)
                .await
                .map_err(|e: BytesRejection| {
                    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        ApiError::new(ErrorCode::PayloadTooLarge, "The request body is too large")
                    } else {
                        bad_request("The request body could not be read")
                    }
                })?;
        let de = &mut serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize(de) {
            Ok(value) => Ok(ApiJson(value)),
            Err(err) => {
                let mut field = err.path().to_string();
                let inner = err.into_inner();
                let message = match inner.classify() {
                    serde_json::error::Category::Data => inner.to_string(),
                    _ => format!("The body is not valid JSON: {inner}"),
                };
                // A missing field's path is its parent; serde names the field in the message.
                if let Some(name) = message
                    .strip_prefix("missing field `")
                    .and_then(|rest| rest.split('`').next())
                {
                    field = if field == "." {
                        name.to_string()
                    } else {
                        format!("{field}.{name}")
                    };
                }
                let mut api = bad_request(&message);
                if field != "." {
                    api.field_errors
                        .push(FieldError::new(field, clean(&message)));
                }
                Err(api.into())
            }
        }
    }
}

/// Query parameters whose problems are answered with a typed error.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e: QueryRejection| bad_request(&e.body_text()).into())
    }
}

fn bad_request(message: &str) -> ApiError {
    ApiError::new(ErrorCode::BadRequest, message)
}

/// serde's message without its " at line 1 column 7" suffix.
fn clean(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
