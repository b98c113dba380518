//! Cross-site request forgery protection. The session cookie is `SameSite=Lax`, so browsers do
//! not send it with cross-site POSTs; as a second lock, a state-changing API request that a
//! browser marks as coming from another origin (`Origin`, else `Sec-Fetch-Site`) is refused.
//! Requests without either header do not come from a browser page and carry no ambient cookie
//! risk (API clients, tests), so they pass.

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use trellis_api::{ApiError, ErrorCode};

use crate::error::Error;

/// Whether a request with these headers comes from another origin than `host`.
pub fn cross_origin(origin: Option<&str>, fetch_site: Option<&str>, host: Option<&str>) -> bool {
    match origin {
        // `null` is what sandboxed frames and some redirects send: never this origin.
        Some("null") => true,
        Some(origin) => {
            let authority = origin.split_once("://").map_or(origin, |(_, rest)| rest);
            host != Some(authority)
        }
        None => matches!(fetch_site, Some("cross-site" | "same-site")),
    }
}

/// Refuses cross-origin state-changing requests to `/api` with a typed 403.
pub async fn guard(req: Request, next: Next) -> Response {
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes && req.uri().path().starts_with("/api") {
        let get = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
        if cross_origin(get("origin"), get("sec-fetch-site"), get("host")) {
            return Error::from(ApiError::new(
                ErrorCode::Forbidden,
                "Cross-site request refused: open Trellis itself to make this change",
            ))
            .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::cross_origin;

    #[test]
    fn only_other_origins_are_refused() {
        let host = Some("trellis.example:8080");
        assert!(!cross_origin(
            Some("https://trellis.example:8080"),
            None,
            host
        ));
        assert!(cross_origin(Some("https://evil.example"), None, host));
        assert!(
            cross_origin(Some("https://trellis.example"), None, host),
            "another port"
        );
        assert!(cross_origin(Some("null"), None, host));
        assert!(cross_origin(None, Some("cross-site"), host));
        assert!(!cross_origin(None, Some("same-origin"), host));
        assert!(!cross_origin(None, None, host), "not a browser page");
    }
}
