//! Who is logged in, and the community they see.

use trellis_api::{Me, PublishedSite};
use yew::prelude::*;

/// Where the app is with authentication.
#[derive(Clone, Debug, PartialEq)]
pub enum Auth {
    /// Asking the backend whether a session exists.
    Checking,
    LoggedOut,
    LoggedIn(Me),
}

/// Context value: the session and a way to change it.
#[derive(Clone, PartialEq)]
pub struct Session {
    pub auth: Auth,
    /// The published community for this user, once loaded.
    pub site: Option<PublishedSite>,
    /// Called with the new user after login, `None` after logout.
    pub set_me: Callback<Option<Me>>,
    /// Loads the published community again (after a publish).
    pub reload_site: Callback<()>,
}

impl Session {
    /// The logged-in user, if any.
    pub fn me(&self) -> Option<&Me> {
        match &self.auth {
            Auth::LoggedIn(me) => Some(me),
            _ => None,
        }
    }
}

/// The session context (logged out if no provider is mounted).
#[hook]
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or(Session {
        auth: Auth::LoggedOut,
        site: None,
        set_me: Callback::noop(),
        reload_site: Callback::noop(),
    })
}
