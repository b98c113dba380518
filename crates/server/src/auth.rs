//! Passwords, sessions and the logged-in user.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};
use trellis_api::endpoints;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts, State};
use axum::http::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sha2::{Digest, Sha256};
use sqlx::{Row, SqlitePool};
use trellis_api::{
    admin_only, parse_wire, staff_only, ApiError, ErrorCode, LoginRequest, Me, Role, User, Validate,
};

use crate::clock::{now, now_unix};
use crate::error::{ApiJson, Error, Result};
use crate::ids::{hex, random_id};
use crate::store::memo::Session;
use crate::{throttle, AppState};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "trellis_session";
/// How long a session lasts at most by default, in seconds (12 hours; see `Config`).
pub const SESSION_SECONDS: i64 = 12 * 3600;
/// How long a session lasts without use by default, in seconds (2 hours; see `Config`).
pub const IDLE_SECONDS: i64 = 2 * 3600;
/// How often a session's last use is written (not on every request).
const TOUCH_SECONDS: i64 = 60;

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn blocking_error(e: tokio::task::JoinError) -> Error {
    Error::Internal(format!("password task failed: {e}"))
}

fn hash_now(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("hashing failed: {e}")))
}

/// An argon2id hash with a fresh salt (off the async runtime: hashing is slow on purpose).
pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(blocking_error)?
}

/// A real hash of a random password, verified against when the email is unknown.
static DECOY_HASH: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

async fn verify_password(password: String, hash: Option<String>) -> Result<bool> {
    tokio::task::spawn_blocking(move || {
        // With no such user, verify against a decoy anyway so both answers take as long.
        let hash = hash.or_else(|| {
            DECOY_HASH
                .get_or_init(|| hash_now(&random_id("decoy")).ok())
                .clone()
        });
        Ok(hash.is_some_and(|hash| {
            PasswordHash::new(&hash).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        }))
    })
    .await
    .map_err(blocking_error)?
}

/// Reads a user row (`SELECT * FROM users`) into the contract type.
pub fn user_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: parse_wire(&role).ok_or_else(|| Error::Internal(format!("unknown role {role}")))?,
        partner_account_id: row.try_get("partner_account_id")?,
        active: row.try_get("active")?,
        manager_id: row.try_get("manager_id")?,
        team: Vec::new(),
    })
}

/// The session cookie's value, when the request carries one (valid or not).
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_string())
}

/// The logged-in user; rejects with 401 when there is no valid session.
pub struct CurrentUser(pub User);

impl<S> FromRequestParts<S> for CurrentUser
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        // `policy::authorize` has usually resolved the session already.
        if let Some(crate::auth::Authorized(user)) = parts.extensions.get() {
            return Ok(CurrentUser(user.clone()));
        }
        let state = AppState::from_ref(state);
        let unauthenticated = || ApiError::new(ErrorCode::Unauthenticated, "Please log in");
        let token = session_token(&parts.headers).ok_or_else(unauthenticated)?;
        let hash = token_hash(&token);
        let at = |offset: i64| trellis_api::datetime::timestamp(now_unix() + offset);
        let now = now();
        let idle_from = at(-state.idle_seconds);
        let people = state.memo.people();
        let session = match state.memo.session(&hash) {
            Some(s) => s,
            None => read_session(&state.db, &hash)
                .await?
                .ok_or_else(unauthenticated)?,
        };
        if session.expires_at <= now || session.seen_at <= idle_from {
            return Err(unauthenticated().into());
        }
        let mut session = session;
        // A write per request would queue every read behind SQLite's one writer: touch seldom.
        let touch_before = at(-TOUCH_SECONDS);
        if session.seen_at < touch_before {
            sqlx::query(
                "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
            )
            .bind(&now)
            .bind(&hash)
            .bind(&touch_before)
            .execute(&state.db)
            .await?;
            session.seen_at = now;
        }
        let user = session.user.clone();
        state.memo.keep_session(&hash, people, session);
        Ok(CurrentUser(user))
    }
}

/// The session whose token hashes to `hash`, with its user, if both are there and active.
async fn read_session(db: &SqlitePool, hash: &str) -> Result<Option<Session>> {
    let Some(row) = sqlx::query(
        "SELECT users.*, sessions.expires_at AS session_expires_at,
                sessions.last_seen_at AS session_seen_at
         FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND users.active = 1",
    )
    .bind(hash)
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let mut user = user_from_row(&row)?;
    if user.role == Role::PartnerManager {
        // Deactivated reports stay in the team: their records stay too.
        user.team = sqlx::query_scalar("SELECT id FROM users WHERE manager_id = ? ORDER BY id")
            .bind(&user.id)
            .fetch_all(db)
            .await?;
    }
    Ok(Some(Session {
        user,
        expires_at: row.try_get("session_expires_at")?,
        seen_at: row.try_get("session_seen_at")?,
    }))
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let text = format!(
        "{SESSION_COOKIE}={value}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The logged-in user with display names for their account and tier.
pub async fn me_of(db: &SqlitePool, user: User) -> Result<Me> {
    let row = sqlx::query(
        "SELECT accounts.name AS account, tiers.name AS tier FROM accounts
         LEFT JOIN tiers ON tiers.id = accounts.tier_id WHERE accounts.id = ?",
    )
    .bind(&user.partner_account_id)
    .fetch_optional(db)
    .await?;
    let (partner_account_name, tier_name) = match row {
        Some(r) => (r.try_get("account")?, r.try_get("tier")?),
        None => (None, None),
    };
    Ok(Me {
        user,
        partner_account_name,
        tier_name,
    })
}

/// Log in with email and password; sets the session cookie.
#[utoipa::path(post, path = endpoints::LOGIN.path, operation_id = endpoints::LOGIN.name, tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = Me), (status = 401, body = ApiError), (status = 422, body = ApiError),
              (status = 429, body = ApiError)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response> {
    body.check()?;
    let keys = throttle::keys(&body.email, addr);
    let wait = state.throttle.wait(&keys, Instant::now());
    if !wait.is_zero() {
        return Ok(too_many(wait));
    }
    let row = sqlx::query("SELECT * FROM users WHERE email = ?")
        .bind(body.email.trim())
        .fetch_optional(&state.db)
        .await?;
    let hash = row
        .as_ref()
        .map(|r| r.try_get::<String, _>("password_hash"))
        .transpose()?;
    let password_ok = verify_password(body.password, hash).await?;
    let user = match row {
        Some(r) if password_ok => Some(user_from_row(&r)?),
        _ => None,
    };
    let Some(user) = user.filter(|u| u.active) else {
        // Unknown emails count too, so the throttle does not tell which accounts exist.
        state.throttle.failed(&keys, Instant::now());
        let event = trellis_api::audit::login_event(None, &body.email);
        crate::store::audit::record(&state.db, None, body.email.trim(), event).await?;
        return Err(ApiError::new(ErrorCode::InvalidCredentials, "Wrong email or password").into());
    };
    state.throttle.succeeded(&keys);
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = hex(&bytes);
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token_hash(&token))
    .bind(&user.id)
    .bind(now())
    .bind(now())
    .bind(trellis_api::datetime::timestamp(
        now_unix() + state.session_seconds,
    ))
    .execute(&state.db)
    .await?;
    let event = trellis_api::audit::login_event(Some(&user), "");
    crate::store::audit::record(&state.db, Some(&user), "", event).await?;
    let me = me_of(&state.db, user).await?;
    let mut response = Json(me).into_response();
    response
        .headers_mut()
        .insert(SET_COOKIE, cookie(&state, &token, state.session_seconds));
    Ok(response)
}

/// The 429 answer of a throttled login, with `Retry-After`.
fn too_many(wait: Duration) -> Response {
    let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
    let body = ApiError::new(
        ErrorCode::TooManyRequests,
        format!("Too many failed logins: try again in {seconds} seconds"),
    );
    let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// The client's IP address, when the server runs with connection info (not in `oneshot` tests
/// unless they add it).
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// 204 with the session cookie cleared.
fn logged_out(state: &AppState) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(SET_COOKIE, cookie(state, "", 0));
    response
}

/// End the current session.
#[utoipa::path(post, path = endpoints::LOGOUT.path, operation_id = endpoints::LOGOUT.name, tag = "auth", responses((status = 204)))]
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    if let Some(token) = session_token(&headers) {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash(&token))
            .execute(&state.db)
            .await;
        state.memo.people_changed();
        done?;
    }
    Ok(logged_out(&state))
}

/// End every session of the logged-in user, on every device.
#[utoipa::path(post, path = endpoints::LOGOUT_EVERYWHERE.path, operation_id = endpoints::LOGOUT_EVERYWHERE.name, tag = "auth",
    responses((status = 204), (status = 401, body = ApiError)))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Response> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = ?")
        .bind(&user.id)
        .execute(&state.db)
        .await;
    state.memo.people_changed();
    done?;
    let event = trellis_api::audit::NewEvent::new(
        trellis_api::audit::AuditKind::LogoutEverywhere,
        user.partner_account_id.as_deref(),
        Some(&user.id),
        format!("{} <{}>", user.name, user.email),
    );
    crate::store::audit::record(&state.db, Some(&user), "", event).await?;
    Ok(logged_out(&state))
}

/// The logged-in user.
#[utoipa::path(get, path = endpoints::ME.path, operation_id = endpoints::ME.name, tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ApiError)))]
pub async fn me(State(state): State<AppState>, CurrentUser(user): CurrentUser) -> Result<Json<Me>> {
    Ok(Json(me_of(&state.db, user).await?))
}

/// 403 unless the user is vendor staff.
pub fn require_internal(user: &User) -> Result<()> {
    Ok(staff_only(user)?)
}

/// 403 unless the user is an administrator.
pub fn require_admin(user: &User) -> Result<()> {
    Ok(admin_only(user)?)
}

/// The user a request was authorised as, left for the handler's `CurrentUser`.
#[derive(Clone)]
pub struct Authorized(pub User);
