//! Authorisation in one place: every API endpoint declares who may call it and which records it
//! reaches. [`authorize`] enforces the role before any handler runs; record scope is enforced by
//! the queries (`trellis_api::Scope`) and proven by `tests/isolation.rs`, which is generated from
//! this table and the OpenAPI document.

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use trellis_api::{ApiError, ErrorCode};

use crate::auth::{require_admin, require_internal, Authorized, CurrentUser};
use crate::AppState;

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No session needed.
    Anyone,
    /// Any signed-in user, partner or staff.
    SignedIn,
    /// Vendor staff (administrators and channel managers).
    Staff,
    /// Administrators only.
    Admin,
}

/// Which records an endpoint reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Nothing that belongs to a partner account (programs, channels, the session itself).
    Nothing,
    /// Records owned by partner accounts: a partner reaches only their own account's, staff all.
    OwnAccount,
    /// Published content chosen by the caller's tier and role (community, training, surveys).
    Audience,
}

/// One endpoint's declaration.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub method: &'static str,
    /// The route template, as in the OpenAPI document.
    pub path: &'static str,
    pub access: Access,
    pub reach: Reach,
}

const fn rule(method: &'static str, path: &'static str, access: Access, reach: Reach) -> Rule {
    Rule {
        method,
        path,
        access,
        reach,
    }
}

use Access::*;
use Reach::*;

/// Every API endpoint. A route without a rule is refused (see [`authorize`]).
pub const RULES: &[Rule] = &[
    rule("GET", "/api/health", Anyone, Nothing),
    rule("POST", "/api/auth/login", Anyone, Nothing),
    rule("POST", "/api/auth/logout", Anyone, Nothing),
    rule("POST", "/api/auth/logout-all", SignedIn, Nothing),
    rule("GET", "/api/auth/me", SignedIn, OwnAccount),
    rule("GET", "/api/accounts", SignedIn, OwnAccount),
    rule("POST", "/api/accounts", Staff, OwnAccount),
    rule("GET", "/api/accounts/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/accounts/{id}", Staff, OwnAccount),
    rule("POST", "/api/accounts/{id}/partnership", Staff, OwnAccount),
    rule(
        "GET",
        "/api/accounts/{id}/tier-history",
        SignedIn,
        OwnAccount,
    ),
    rule("GET", "/api/programs", SignedIn, Nothing),
    rule("POST", "/api/programs/{id}/tiers", Staff, Nothing),
    rule("PUT", "/api/tiers/{id}", Staff, Nothing),
    rule("GET", "/api/users", SignedIn, OwnAccount),
    rule("POST", "/api/users", Staff, OwnAccount),
    rule("GET", "/api/users/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/users/{id}", Staff, OwnAccount),
    rule("GET", "/api/audit", Admin, OwnAccount),
    rule("GET", "/api/leads", SignedIn, OwnAccount),
    rule("POST", "/api/leads", SignedIn, OwnAccount),
    rule("GET", "/api/leads/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/leads/{id}", SignedIn, OwnAccount),
    rule("POST", "/api/leads/{id}/transition", SignedIn, OwnAccount),
    rule("POST", "/api/leads/distribute", Staff, OwnAccount),
    rule("GET", "/api/deals", SignedIn, OwnAccount),
    rule("POST", "/api/deals", SignedIn, OwnAccount),
    rule("GET", "/api/deals/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/deals/{id}", SignedIn, OwnAccount),
    rule("POST", "/api/deals/{id}/transition", SignedIn, OwnAccount),
    rule("GET", "/api/deals/{id}/conflicts", Staff, OwnAccount),
    rule("GET", "/api/opportunities", SignedIn, OwnAccount),
    rule("POST", "/api/opportunities", SignedIn, OwnAccount),
    rule("GET", "/api/opportunities/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/opportunities/{id}", SignedIn, OwnAccount),
    rule("GET", "/api/contacts", SignedIn, OwnAccount),
    rule("POST", "/api/contacts", SignedIn, OwnAccount),
    rule("GET", "/api/contacts/{id}", SignedIn, OwnAccount),
    rule("PUT", "/api/contacts/{id}", SignedIn, OwnAccount),
    rule("GET", "/api/community", SignedIn, Audience),
    rule("GET", "/api/community/draft", Admin, Nothing),
    rule("PUT", "/api/community/draft", Admin, Nothing),
    rule("POST", "/api/community/publish", Admin, Nothing),
    rule("GET", "/api/community/versions", Admin, Nothing),
    rule("GET", "/api/community/versions/{version}", Admin, Nothing),
    rule(
        "POST",
        "/api/community/versions/{version}/restore",
        Admin,
        Nothing,
    ),
    rule("GET", "/api/mdf/budgets", SignedIn, OwnAccount),
    rule("POST", "/api/mdf/budgets", Staff, OwnAccount),
    rule("GET", "/api/mdf/requests", SignedIn, OwnAccount),
    rule("POST", "/api/mdf/requests", SignedIn, OwnAccount),
    rule("GET", "/api/mdf/requests/{id}", SignedIn, OwnAccount),
    rule(
        "POST",
        "/api/mdf/requests/{id}/transition",
        SignedIn,
        OwnAccount,
    ),
    rule("GET", "/api/mdf/claims", SignedIn, OwnAccount),
    rule("POST", "/api/mdf/claims", SignedIn, OwnAccount),
    rule("GET", "/api/mdf/claims/{id}", SignedIn, OwnAccount),
    rule(
        "POST",
        "/api/mdf/claims/{id}/transition",
        SignedIn,
        OwnAccount,
    ),
    rule("GET", "/api/files/{id}", SignedIn, OwnAccount),
    rule("POST", "/api/import", SignedIn, OwnAccount),
    rule("GET", "/api/export/{kind}", SignedIn, OwnAccount),
    rule("GET", "/api/cases", SignedIn, OwnAccount),
    rule("POST", "/api/cases", SignedIn, OwnAccount),
    rule("GET", "/api/cases/{id}", SignedIn, OwnAccount),
    rule("GET", "/api/cases/{id}/messages", SignedIn, OwnAccount),
    rule("POST", "/api/cases/{id}/messages", SignedIn, OwnAccount),
    rule("GET", "/api/support/channels", SignedIn, Nothing),
    rule("PUT", "/api/support/channels", Staff, Nothing),
    rule("GET", "/api/announcements", SignedIn, Audience),
    rule("POST", "/api/announcements", Staff, Audience),
    rule("PUT", "/api/announcements/{id}", Staff, Audience),
    rule("GET", "/api/training", SignedIn, Audience),
    rule("POST", "/api/training", Staff, Audience),
    rule("GET", "/api/training/{id}", SignedIn, Audience),
    rule("PUT", "/api/training/{id}", Staff, Audience),
    rule("POST", "/api/training/{id}/attempts", SignedIn, Audience),
    rule("GET", "/api/certificates", SignedIn, OwnAccount),
    rule("GET", "/api/surveys", SignedIn, Audience),
    rule("POST", "/api/surveys", Staff, Audience),
    rule("POST", "/api/surveys/{id}/answers", SignedIn, Audience),
    rule("POST", "/api/surveys/{id}/close", Staff, Audience),
    rule("GET", "/api/surveys/{id}/results", Staff, OwnAccount),
    rule("GET", "/api/reports", SignedIn, OwnAccount),
];

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
