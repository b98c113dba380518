//! The server's one error type, and extractors that turn bad input into typed 4xx errors.

use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use trellis_api::{ApiError, ErrorCode, FieldError, Validate};
use trellis_core::CoreError;

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

impl From<CoreError> for Error {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Api(api) => Error::Api(api),
            CoreError::Store(text) => Error::Internal(text),
        }
    }
}

/// A storage failure seen by the core: refusals (a unique key, say) stay typed, the rest is for the log.
impl From<Error> for CoreError {
    fn from(e: Error) -> Self {
        let api = e.to_api();
        if api.code == ErrorCode::Internal {
            CoreError::Store(format!("{e:?}"))
        } else {
            CoreError::Api(api)
        }
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
            Error::Db(sqlx::Error::Database(db)) if db.is_unique_violation() => ApiError {
                code: ErrorCode::Conflict,
                message: "A record with these details already exists".into(),
                field_errors: unique_fields(db.message()),
                current: None,
            },
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

/// The fields SQLite names in `UNIQUE constraint failed: tiers.program_id, tiers.rank`.
fn unique_fields(message: &str) -> Vec<FieldError> {
    let Some((_, columns)) = message.split_once("UNIQUE constraint failed: ") else {
        return Vec::new();
    };
    columns
        .split(", ")
        .filter_map(|c| c.rsplit('.').next())
        .map(|column| FieldError::new(column.trim(), "is already used by another record"))
        .collect()
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
        // Unreadable JSON is read again into `T`, which names the place where reading stopped.
        let value = match read_json(&bytes) {
            Ok(value) => value,
            Err(fallback) => {
                let de = &mut serde_json::Deserializer::from_slice(&bytes);
                return Err(match serde_path_to_error::deserialize::<_, T>(de) {
                    Ok(_) => fallback.into(),
                    Err(err) => typed_error(err).into(),
                });
            }
        };
        serde_path_to_error::deserialize(value)
            .map(ApiJson)
            .map_err(|err| typed_error(err).into())
    }
}

/// A 400 naming the field serde stopped at (a missing field's path is its parent: serde names
/// the field in the message).
fn typed_error(err: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let mut field = err.path().to_string();
    let inner = err.into_inner();
    let message = match inner.classify() {
        serde_json::error::Category::Data => inner.to_string(),
        _ => format!("The body is not valid JSON: {inner}"),
    };
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
    api
}

/// One JSON value and nothing after it but whitespace, numbers with no fraction made integers.
fn read_json(bytes: &[u8]) -> std::result::Result<serde_json::Value, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_json::Value::deserialize(&mut de)
        .map_err(|e| bad_request(&format!("The body is not valid JSON: {e}")))?;
    de.end()
        .map_err(|_| bad_request("The body must be one JSON value with nothing after it"))?;
    Ok(integral_numbers(value))
}

/// JSON Schema counts `1.0`, `-0` and `1e2` as integers, so integer fields accept them too.
fn integral_numbers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            // i64::MAX as f64 is 2^63, one past the range.
            Some(f) if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 => {
                Value::from(f as i64)
            }
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(integral_numbers).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, integral_numbers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Query parameters, checked: unreadable ones are a 400, invalid ones a 422 naming the field.
/// An empty parameter (`cursor=`) counts as not given, as HTML forms send them.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Validate, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self> {
        let raw = parts.uri.query().unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw)
            .map_err(|_| bad_request("The query string could not be read"))?;
        let given: Vec<_> = pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        let value: T = serde_urlencoded::from_str(
            &serde_urlencoded::to_string(&given).map_err(|e| Error::Internal(e.to_string()))?,
        )
        .map_err(|e| bad_request(&format!("Failed to deserialize query string: {e}")))?;
        value.check()?;
        Ok(ApiQuery(value))
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_unique_violation_names_its_fields() {
        let fields = super::unique_fields("UNIQUE constraint failed: tiers.program_id, tiers.rank");
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["program_id", "rank"]);
        assert!(super::unique_fields("database is locked").is_empty());
    }
}
