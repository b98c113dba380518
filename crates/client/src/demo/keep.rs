//! Keeping the demo between visits (a versioned JSON snapshot and a change hook) and starting it
//! as a persona (a demo user already logged in), for previews.

use trellis_api::seed::demo_data;
use trellis_api::{Me, User};

use super::{now_unix, DemoBackend, State};

/// The format version of [`DemoBackend::snapshot`]; a snapshot of another version is not read.
pub const SNAPSHOT_VERSION: u32 = 1;

#[derive(serde::Serialize)]
struct SnapshotOut<'a> {
    version: u32,
    state: &'a State,
}

#[derive(serde::Deserialize)]
struct SnapshotIn {
    version: u32,
    state: State,
}

impl DemoBackend {
    /// The whole demo organisation, and who is logged in, as JSON: the browser keeps it between visits.
    pub fn snapshot(&self) -> String {
        serde_json::to_string(&SnapshotOut {
            version: SNAPSHOT_VERSION,
            state: &self.state.borrow(),
        })
        .unwrap_or_default()
    }

    /// A demo organisation saved by [`DemoBackend::snapshot`].
    pub fn from_snapshot(json: &str) -> Result<Self, String> {
        let saved: SnapshotIn = serde_json::from_str(json)
            .map_err(|e| format!("the saved demo data is unreadable: {e}"))?;
        if saved.version != SNAPSHOT_VERSION {
            return Err(format!(
                "the saved demo data is format {}, this build reads {SNAPSHOT_VERSION}",
                saved.version
            ));
        }
        Ok(Self::with_state(saved.state))
    }

    /// Calls `hook` just before every change to the data. The hook must not call back into the
    /// backend at once: it schedules a save (the browser writes a snapshot a moment later).
    pub fn on_change(&self, hook: impl Fn() + 'static) {
        *self.on_change.borrow_mut() = Some(Box::new(hook));
    }

    /// A fresh demo organisation with `user_id` already logged in (previews as a persona).
    pub fn signed_in(user_id: &str) -> Option<Self> {
        let demo = Self::new();
        let known = demo
            .state
            .borrow()
            .data
            .users
            .iter()
            .any(|u| u.id == user_id && u.active);
        known.then(|| {
            demo.state.borrow_mut().session = Some(user_id.to_string());
            demo
        })
    }

    /// Who is logged in, without a round trip (the demo answers at once).
    pub fn current_me(&self) -> Option<Me> {
        self.user().ok().map(|u| self.me_of(u))
    }

    /// The active demo users of partner accounts, with their account's tier id, for persona pickers.
    pub fn personas() -> Vec<(User, Option<String>)> {
        let data = demo_data(now_unix());
        data.users
            .iter()
            .filter(|u| u.active && !u.role.is_internal())
            .map(|u| {
                let tier = data
                    .accounts
                    .iter()
                    .find(|a| Some(&a.id) == u.partner_account_id.as_ref())
                    .and_then(|a| a.tier_id.clone());
                (u.clone(), tier)
            })
            .collect()
    }
}
