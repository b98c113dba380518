//! The built app's files: served as compressed at build time, and cached for good when their
//! name carries a content hash. The app's routes get the partner bundle's page, or the full
//! bundle's while the page's cookie asks for it (`trellis_api::bundles`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use trellis_api::bundles::{Bundle, FULL_PAGE, PARTNER_PAGE};
use trellis_api::endpoints::{COMMUNITY, ME};
use trellis_api::screens::{self, community_path, first_call, screen_for_path, CommunityPath};
use trellis_api::screens::{Shown, WIDGETS_CHUNK};
use trellis_core::{community, Cx};

use crate::auth::{session_token, CurrentUser};
use crate::clock::now_unix;
use crate::AppState;

/// A year, the longest `max-age` caches honour: a hashed name never changes content.
const FOREVER: &str = "public, max-age=31536000, immutable";
/// Asked again each time (answered 304 while unchanged): the page names the current hashes.
const REVALIDATE: &str = "no-cache";

/// The SPA in `dist`: its files (the `.br` and `.gz` made at build time when the browser takes
/// them), and a bundle's page for every other path, so the app's own routes load.
pub fn spa(state: &AppState, dist: &Path) -> Router {
    let page = |name: &str| {
        ServeFile::new(dist.join(name))
            .precompressed_br()
            .precompressed_gzip()
    };
    let partner = page(PARTNER_PAGE);
    // A build of the partner bundle alone (as in some tests) answers everyone with it.
    let full = dist.join(FULL_PAGE).exists().then(|| page(FULL_PAGE));
    let served = Arc::new(Served::read(dist, full.is_some()));
    let state = state.clone();
    let pages = move |request: Request| async move {
        let wanted = wanted_bundle(&request);
        let page = match (wanted, full) {
            (Bundle::Full, Some(full)) => full,
            _ => partner,
        };
        match page.oneshot(request).await {
            Ok(response) => response.into_response(),
            Err(never) => match never {},
        }
    };
    let files = ServeDir::new(dist)
        // `/` is the app's home route: its page depends on the bundle, like every route's.
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(pages.into_service());
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(move |request, next| {
            cache_control(served.clone(), state.clone(), request, next)
        }))
}

/// What the built app holds besides its files: whether the full bundle was built, and each
/// bundle's on-demand screens with the files their code comes in.
#[derive(Debug, Default)]
struct Served {
    full: bool,
    partner_screens: HashMap<String, Vec<String>>,
    full_screens: HashMap<String, Vec<String>>,
}

impl Served {
    fn read(dist: &Path, full: bool) -> Served {
        Served {
            full,
            partner_screens: screen_files(dist, Bundle::Partner),
            full_screens: screen_files(dist, Bundle::Full),
        }
    }

    /// The files of the screen a path opens in the bundle its page is answered with.
    fn screen_files(&self, path: &str, wanted: Bundle) -> &[String] {
        screen_for_path(path).map_or(&[], |screen| self.chunk_files(screen, wanted))
    }

    /// The files of a split point's code in the bundle its page is answered with.
    fn chunk_files(&self, chunk: &str, wanted: Bundle) -> &[String] {
        let screens = match (wanted, self.full) {
            (Bundle::Full, true) => &self.full_screens,
            _ => &self.partner_screens,
        };
        screens.get(chunk).map_or(&[], Vec::as_slice)
    }
}

/// A bundle's list of screen files; none (so nothing preloaded) for a build without one, as an
/// unsplit build has, or one that does not read.
fn screen_files(dist: &Path, bundle: Bundle) -> HashMap<String, Vec<String>> {
    let path = dist.join(bundle.screens_file());
    let Ok(text) = std::fs::read_to_string(&path) else {
        return HashMap::new();
    };
    serde_json::from_str(&text).unwrap_or_else(|e| {
        tracing::warn!(file = %path.display(), "screen list unreadable, nothing preloaded: {e}");
        HashMap::new()
    })
}

/// The bundle a request's cookies ask for.
fn wanted_bundle(request: &Request) -> Bundle {
    request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map_or(Bundle::Partner, Bundle::from_cookies)
}

async fn cache_control(
    served: Arc<Served>,
    state: AppState,
    request: Request,
    next: Next,
) -> Response {
    let hashed = is_hashed(request.uri().path());
    let session = session_token(request.headers()).is_some();
    let demo = demo_asked(request.uri().query());
    let wanted = wanted_bundle(&request);
    // A screen's code and first calls only when it will be shown: with a session (else it is
    // the login page). A list's query (filters, sort, page) changes its first call: none then.
    let shown = !demo && session;
    let plain = request.uri().query().is_none();
    let path = request.uri().path().to_string();
    let (request, page) = match community_path(&path) {
        Some(page) if shown && plain => page_needs(&state, request, page).await,
        _ => (request, PageNeeds::default()),
    };
    let (mut files, call) = match shown {
        true => (
            served.screen_files(&path, wanted).to_vec(),
            screen_for_path(&path)
                .filter(|_| plain)
                .and_then(first_call),
        ),
        false => (Vec::new(), None),
    };
    if page.widgets {
        files.extend(served.chunk_files(WIDGETS_CHUNK, wanted).iter().cloned());
    }
    let calls: Vec<&str> = call
        .map(|e| e.path)
        .into_iter()
        .chain(page.calls.iter().map(String::as_str))
        .collect();
    let early = early_requests(demo, &files, &calls);
    let mut response = next.run(request).await;
    if !(response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED) {
        return response;
    }
    // An unknown path answers with the page: that must never be kept as the file.
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    let policy = if hashed && !html { FOREVER } else { REVALIDATE };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    // The page also depends on the bundle cookie.
    let vary = if html {
        "accept-encoding, cookie"
    } else {
        "accept-encoding"
    };
    headers.insert(header::VARY, HeaderValue::from_static(vary));
    if let (true, Some(early)) = (html, early) {
        headers.insert(header::LINK, early);
    }
    response
}

/// The app's first calls, preloaded with the page so they do not wait for the wasm: the session
/// and the community (the app asks for both at once as it starts, with or without a session,
/// so a preload is never left over), and the screen the path opens: its first call and its
/// code. `?demo` runs on
/// the in-browser backend, which calls no API: nothing then.
fn early_requests(demo: bool, screen: &[String], first_calls: &[&str]) -> Option<HeaderValue> {
    if demo {
        return None;
    }
    let call = |path: &str| format!("<{path}>; rel=preload; as=fetch; crossorigin=use-credentials");
    // The chunk loader fetches with the default credentials mode, which `crossorigin` (anonymous) matches.
    let code = |file: &String| format!("<{file}>; rel=preload; as=fetch; crossorigin");
    let links: Vec<String> = [call(ME.path), call(COMMUNITY.path)]
        .into_iter()
        .chain(first_calls.iter().map(|path| call(path)))
        .chain(screen.iter().map(code))
        .collect();
    HeaderValue::from_str(&links.join(", ")).ok()
}

/// What a community page's components need at once: their first calls, and whether the
/// on-demand components' code.
#[derive(Default)]
struct PageNeeds {
    calls: Vec<String>,
    widgets: bool,
}

/// What the community page a path shows needs, as the viewer sees the page; nothing when the
/// session is not valid or the page is not there.
async fn page_needs(
    state: &AppState,
    request: Request,
    page: CommunityPath<'_>,
) -> (Request, PageNeeds) {
    let (mut parts, body) = request.into_parts();
    let mut needs = PageNeeds::default();
    if let Ok(CurrentUser(user)) = CurrentUser::from_request_parts(&mut parts, state).await {
        let store = state.store();
        let cx = Cx::new(&store, &user, now_unix());
        let shown = match (page, user.role.is_internal()) {
            (CommunityPath::Page(_), _) => Shown::Page,
            (CommunityPath::Home, true) => Shown::StaffHome,
            (CommunityPath::Home, false) => Shown::PartnerHome,
        };
        if let Ok(published) = community::viewed(&cx).await {
            let page_shown = match page {
                CommunityPath::Home => published.site.pages.first(),
                CommunityPath::Page(id) => published.site.page(id),
            };
            if let Some(page_shown) = page_shown {
                needs = PageNeeds {
                    calls: screens::page_calls(page_shown, shown),
                    widgets: shown != Shown::StaffHome && screens::page_needs_widgets(page_shown),
                };
            }
        }
    }
    (Request::from_parts(parts, body), needs)
}

/// Whether the query asks for the demo (`?demo`, `?demo=1`; `?demo=off` leaves it).
fn demo_asked(query: Option<&str>) -> bool {
    query.unwrap_or("").split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key == "demo" && value != "off"
    })
}

/// Whether a file name ends in Trunk's content hash: `name-<hex>.ext` or `name-<hex>_bg.wasm`.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && (8..=16).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        for hashed in [
            "/trellis-fc6abf5817512351_bg.wasm",
            "/trellis-fc6abf5817512351.js",
            "/main-8864b2eca678eaaf.css",
            "/purify.min-eee0b17bb890525.js",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/public/favicon.svg",
            "/leads",
            "/pages/page-home",
            "/x-notahexhash.js",
            "/-0123456789abcdef.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
