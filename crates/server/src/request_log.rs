//! One structured log line per request, under a span carrying its request id.
//!
//! The id comes from a well-formed `x-request-id` (set by a proxy) or is made here, and goes back
//! in the response. Only the method, the path (no query string), the status and the time are
//! logged: never headers, cookies or bodies, so no password or session token reaches the log.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// The request id header.
pub const REQUEST_ID: &str = "x-request-id";

fn usable(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A new id: this process's random prefix and a counter (cheaper than fresh randomness per request).
fn next_id() -> String {
    static PREFIX: OnceLock<String> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let prefix = PREFIX.get_or_init(|| crate::ids::random_id("req_")[..12].to_string());
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Middleware: logs the request under its id and returns the id in the response.
pub async fn log(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|id| usable(id))
        .map(str::to_string)
        .unwrap_or_else(next_id);
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            ms = %format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0),
            "answered"
        )
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::usable;

    #[test]
    fn made_ids_are_distinct_and_usable() {
        let (a, b) = (super::next_id(), super::next_id());
        assert_ne!(a, b);
        assert!(usable(&a) && usable(&b), "{a} {b}");
    }

    #[test]
    fn only_short_plain_ids_are_taken_from_the_client() {
        assert!(usable("req_9f2c-01"));
        assert!(!usable(""));
        assert!(!usable("a b"));
        assert!(!usable("id\nforged log line"));
        assert!(!usable(&"x".repeat(65)));
    }
}
