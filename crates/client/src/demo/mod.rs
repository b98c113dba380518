//! The in-memory demo backend: the whole demo organisation in the browser, no server needed.
//!
//! It follows the same rules as the REST server (scopes, validation, initial statuses,
//! draft versions); the conformance tests run the same scenarios against both.

use std::cell::RefCell;
use std::collections::HashMap;

use trellis_api::datetime::timestamp;
use trellis_api::seed::{demo_data, DemoData, DEMO_PASSWORD};
use trellis_api::{
    admin_only, bad_cursor, staff_only, ApiError, ErrorCode, ListPage, ListQuery, Me,
    PublishedSite, Role, Site, User, Validate,
};

use crate::ClientResult;
pub use keep::SNAPSHOT_VERSION;

mod audit;
mod backend;
mod keep;
mod store;

/// Seconds since the epoch, in the browser or natively.
fn now_unix() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct State {
    data: DemoData,
    passwords: HashMap<String, String>,
    session: Option<String>,
    draft: Site,
    draft_version: i64,
    draft_updated_at: String,
    /// Every published version, oldest first; the last is what partners see.
    versions: Vec<PublishedSite>,
    counter: u64,
    /// The audit log, oldest first.
    #[serde(default)]
    audit: Vec<trellis_api::audit::AuditEvent>,
}

impl State {
    /// A new id starting with `prefix`, from the demo's counter.
    fn next_id(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}demo{:06}", self.counter)
    }
}

/// A complete PRM backend in memory, seeded with the demo organisation.
pub struct DemoBackend {
    state: RefCell<State>,
    /// Told before every change to the state (see [`DemoBackend::on_change`]).
    on_change: RefCell<Option<Box<dyn Fn()>>>,
}

impl Default for DemoBackend {
    fn default() -> Self {
        Self::new()
    }
}

fn err(code: ErrorCode, message: &str) -> crate::ClientError {
    ApiError::new(code, message).into()
}

/// Offset cursors over an already filtered and sorted list.
fn paginate<T: Clone>(items: Vec<T>, query: &ListQuery) -> Result<ListPage<T>, ApiError> {
    query.check()?;
    let start = match &query.cursor {
        None => 0,
        Some(c) => c.parse::<usize>().map_err(|_| bad_cursor())?,
    };
    let limit = query.limit() as usize;
    let end = (start + limit).min(items.len());
    Ok(ListPage {
        items: items.get(start..end).unwrap_or_default().to_vec(),
        next_cursor: (end < items.len()).then(|| end.to_string()),
    })
}

impl DemoBackend {
    /// A fresh demo organisation as of now.
    pub fn new() -> Self {
        Self::at(now_unix())
    }

    /// A fresh demo organisation as of `now` (seconds since the epoch).
    pub fn at(now: i64) -> Self {
        let data = demo_data(now);
        let passwords = data
            .users
            .iter()
            .map(|u| (u.id.clone(), DEMO_PASSWORD.to_string()))
            .collect();
        let at = timestamp(now);
        let site = data.site.clone();
        Self::with_state(State {
            passwords,
            session: None,
            draft: site.clone(),
            draft_version: 1,
            draft_updated_at: at.clone(),
            versions: vec![PublishedSite {
                version: 1,
                site,
                published_at: at,
                published_by: "usr_admin".into(),
                note: "First version".into(),
                markdown: Default::default(),
            }],
            data,
            counter: 0,
            audit: Vec::new(),
        })
    }

    fn with_state(state: State) -> Self {
        Self {
            state: RefCell::new(state),
            on_change: RefCell::new(None),
        }
    }

    /// The state, to change it (tells the change hook first).
    fn write(&self) -> std::cell::RefMut<'_, State> {
        if let Some(hook) = &*self.on_change.borrow() {
            hook();
        }
        self.state.borrow_mut()
    }

    fn user(&self) -> ClientResult<User> {
        let state = self.state.borrow();
        state
            .session
            .as_ref()
            .and_then(|id| state.data.users.iter().find(|u| &u.id == id && u.active))
            .cloned()
            .map(|mut user| {
                if user.role == Role::PartnerManager {
                    user.team = state
                        .data
                        .users
                        .iter()
                        .filter(|u| u.manager_id.as_deref() == Some(user.id.as_str()))
                        .map(|u| u.id.clone())
                        .collect();
                }
                user
            })
            .ok_or_else(|| err(ErrorCode::Unauthenticated, "Please log in"))
    }

    /// The signed-in user, if the endpoint's declaration admits them: the same rule the
    /// server's policy enforces, from the same list.
    fn allowed(&self, endpoint: &trellis_api::endpoints::Endpoint) -> ClientResult<User> {
        use trellis_api::endpoints::Access;
        let user = self.user()?;
        match endpoint.access {
            Access::Anyone | Access::SignedIn => {}
            Access::Staff => staff_only(&user)?,
            Access::Admin => admin_only(&user)?,
        }
        Ok(user)
    }

    fn next_id(&self, prefix: &str) -> String {
        self.write().next_id(prefix)
    }

    fn me_of(&self, user: User) -> Me {
        let state = self.state.borrow();
        let account = state
            .data
            .accounts
            .iter()
            .find(|a| Some(&a.id) == user.partner_account_id.as_ref());
        let tier_name = account.and_then(|a| a.tier_id.as_ref()).and_then(|t| {
            state
                .data
                .programs
                .iter()
                .flat_map(|p| &p.tiers)
                .find(|x| &x.id == t)
                .map(|x| x.name.clone())
        });
        Me {
            partner_account_name: account.map(|a| a.name.clone()),
            tier_name,
            user,
        }
    }
}
