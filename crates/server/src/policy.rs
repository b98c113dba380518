//! Authorisation in one place: every API endpoint's declaration (`trellis_api::endpoints`) says
//! who may call it and which records it reaches. [`authorize`] enforces the role before any
//! handler runs; record scope is enforced by the core's steps (`trellis_api::Scope`) and proven
//! by `tests/isolation.rs`, which is generated from the declarations and the OpenAPI document.

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use trellis_api::{ApiError, ErrorCode};

use crate::auth::{require_admin, require_internal, Authorized, CurrentUser};
use crate::AppState;

/// One endpoint's declaration (the contract's [`trellis_api::endpoints::Endpoint`]).
pub use trellis_api::endpoints::Endpoint as Rule;
/// Every API endpoint, declared once in the contract. A route without one is refused (see [`authorize`]).
pub use trellis_api::endpoints::ALL as RULES;
pub use trellis_api::endpoints::{Access, Reach};

/// The rule of one route, if it has one; `HEAD` is ruled as the `GET` it answers like.
pub fn rule_for(method: &Method, path: &str) -> Option<&'static Rule> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    RULES.iter().find(|r| r.path == path && r.method == method)
}

/// Middleware on every API route: looks up the route's rule and refuses callers it does not admit.
pub async fn authorize(
    State(state): State<AppState>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let path = matched.as_ref().map(MatchedPath::as_str).unwrap_or("");
    let Some(rule) = rule_for(request.method(), path) else {
        // Fail closed: a handler nobody declared is never reachable.
        let known = RULES.iter().any(|r| r.path == path);
        let (code, message) = if known {
            (
                ErrorCode::MethodNotAllowed,
                "This endpoint does not accept that HTTP method",
            )
        } else {
            (ErrorCode::Forbidden, "This endpoint has no access rule")
        };
        return crate::error::Error::from(ApiError::new(code, message)).into_response();
    };
    if rule.access == Access::Anyone {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let user = match CurrentUser::from_request_parts(&mut parts, &state).await {
        Ok(CurrentUser(user)) => user,
        Err(e) => return e.into_response(),
    };
    let allowed = match rule.access {
        Access::Anyone | Access::SignedIn => Ok(()),
        Access::Staff => require_internal(&user),
        Access::Admin => require_admin(&user),
    };
    if let Err(e) = allowed {
        return e.into_response();
    }
    parts.extensions.insert(Authorized(user));
    next.run(Request::from_parts(parts, body)).await
}
