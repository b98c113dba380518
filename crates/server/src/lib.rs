//! The Trellis reference backend: the REST API over SQLite, and the built single-page app.

pub mod assets;
pub mod auth;
pub mod backup;
pub mod clock;
pub mod config;
pub mod csp;
pub mod csrf;
pub mod db;
pub mod error;
pub mod handlers;
pub mod ids;
pub mod openapi;
pub mod policy;
pub mod request_log;
pub mod seed;
pub mod store;
pub mod throttle;

use std::path::PathBuf;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{any, get};
use axum::{Json, Router};
use sqlx::SqlitePool;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use trellis_api::{bundles, ApiError, ErrorCode};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

/// The largest request body the API accepts by default (1 MiB; see `Config`).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    /// Mark the session cookie `Secure` (when served over HTTPS).
    pub secure_cookies: bool,
    /// The built SPA to serve, if any.
    pub dist: Option<PathBuf>,
    /// Failed-login counts (see [`throttle`]).
    pub throttle: std::sync::Arc<throttle::Throttle>,
    /// A session's absolute and idle lifetimes, in seconds.
    pub session_seconds: i64,
    pub idle_seconds: i64,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
    /// What the server remembers of the database between requests (see [`store::memo`]).
    pub memo: std::sync::Arc<store::memo::Memo>,
}

impl AppState {
    /// The database as the core's store.
    pub fn store(&self) -> store::Db {
        store::Db(self.db.clone(), self.memo.clone())
    }
}

pub use config::Config;

#[derive(OpenApi)]
// utoipa does not follow the layout's recursion down to its columns: named here.
#[openapi(
    components(schemas(trellis_api::page::Column)),
    info(
        title = "Trellis API",
        description = "Partner relationship management: partner accounts, leads, deal registration, pipeline and the partner community."
    )
)]
struct ApiDoc;

/// Every API route, with its OpenAPI description.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(utoipa_axum::routes!(auth::login))
        .routes(utoipa_axum::routes!(auth::logout))
        .routes(utoipa_axum::routes!(auth::logout_everywhere))
        .routes(utoipa_axum::routes!(auth::me))
        .merge(handlers::activity::router())
        .merge(handlers::admin::router())
        .merge(handlers::audit::router())
        .merge(handlers::users::router())
        .merge(handlers::community::router())
        .merge(handlers::workflows::router())
        .merge(handlers::mdf::router())
        .merge(handlers::partners::router())
        .merge(handlers::import::router())
        .merge(handlers::support::router())
        .merge(handlers::announcements::router())
        .merge(handlers::products::router())
        .merge(handlers::training::router())
        .merge(handlers::surveys::router())
        .merge(handlers::reports::router())
        .merge(handlers::records::leads::router())
        .merge(handlers::records::deals::router())
        .merge(handlers::records::opportunities::router())
        .merge(handlers::records::contacts::router())
}

/// The OpenAPI 3 document of the whole API, completed by [`openapi::complete`].
pub fn openapi() -> serde_json::Value {
    document(api_router().into_openapi())
}

fn document(doc: utoipa::openapi::OpenApi) -> serde_json::Value {
    openapi::complete(serde_json::to_value(doc).unwrap_or_default())
}

async fn api_not_found() -> error::Error {
    ApiError::new(ErrorCode::NotFound, "No such API endpoint").into()
}

async fn api_method_not_allowed() -> error::Error {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "This endpoint does not accept that HTTP method",
    )
    .into()
}

/// The whole application: API, OpenAPI document and (if built) the SPA (`assets::spa`).
pub fn app(state: AppState) -> Router {
    let (api, doc) = api_router().split_for_parts();
    let doc = std::sync::Arc::new(document(doc));
    let mut router = api
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            policy::authorize,
        ))
        .route(
            trellis_api::endpoints::OPENAPI_DOCUMENT,
            get(move || async move { Json(doc.as_ref().clone()) }),
        )
        .route("/api/{*rest}", any(api_not_found))
        .route("/api", any(api_not_found))
        .method_not_allowed_fallback(api_method_not_allowed)
        // Replies are made per request: the fastest level costs a fraction of the reply's own
        // work (brotli's default, its slowest, costs more than the request itself).
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(axum::middleware::from_fn(csrf::guard))
        .layer(DefaultBodyLimit::max(state.max_body_bytes))
        .with_state(state.clone());
    let mut script_hashes = Vec::new();
    if let Some(dist) = &state.dist {
        router = router.fallback_service(assets::spa(&state, dist));
        // The pages are read once: their inline loaders' hashes go into the policy.
        for name in [bundles::PARTNER_PAGE, bundles::FULL_PAGE] {
            let page = std::fs::read_to_string(dist.join(name)).unwrap_or_default();
            script_hashes.extend(csp::inline_script_hashes(&page));
        }
    }
    let policy = HeaderValue::from_str(&csp::policy(&script_hashes))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            policy,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(axum::middleware::from_fn(request_log::log))
}

/// Opens the database (migrating and seeding it on first start) and returns the state to serve.
pub async fn prepare(config: &Config) -> error::Result<(AppState, bool)> {
    let db = db::open(&config.db).await?;
    let seeded = seed::seed_if_empty(&db).await?;
    let dist = config
        .dist
        .join("index.html")
        .exists()
        .then(|| config.dist.clone());
    Ok((
        AppState {
            db,
            secure_cookies: config.secure_cookies,
            dist,
            throttle: Default::default(),
            session_seconds: config.session_seconds(),
            idle_seconds: config.idle_seconds(),
            max_body_bytes: config.max_body_kb * 1024,
            memo: Default::default(),
        },
        seeded,
    ))
}

/// Serves `app` on `listener` until Ctrl-C or SIGTERM, letting in-flight requests finish.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let db = state.db.clone();
    // The peer address feeds the per-address login throttle.
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopping: requests finished, closing the database");
    db.close().await;
    tracing::info!("stopped: database closed");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
