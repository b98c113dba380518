//! The app's two builds and how a page asks for one. The partner bundle (`index.html`) holds
//! the partner workspace; the full bundle (`full.html`) adds the staff screens and the
//! in-browser demo. The server answers the app's routes with the full page while the page has
//! set [`COOKIE`] to [`FULL`].

use crate::accounts::Role;

/// The cookie a page sets to be served the full bundle from then on.
pub const COOKIE: &str = "trellis-bundle";
/// [`COOKIE`]'s value that asks for the full bundle.
pub const FULL: &str = "full";
/// The partner bundle's page in the built app.
pub const PARTNER_PAGE: &str = "index.html";
/// The full bundle's page in the built app.
pub const FULL_PAGE: &str = "full.html";
/// Beside each page: the files of each on-demand screen (`{"leads": ["/split_leads-….wasm", …]}`).
pub const PARTNER_SCREENS: &str = "index.screens.json";
/// [`PARTNER_SCREENS`] of the full bundle.
pub const FULL_SCREENS: &str = "full.screens.json";

/// One of the app's builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The partner workspace only: the smallest first download.
    Partner,
    /// Everything: the builder, theme studio, admin and audit screens, and the demo.
    Full,
}

impl Bundle {
    /// The bundle a person needs: staff and anyone on the demo need the full one.
    pub fn needed(role: Option<Role>, demo: bool) -> Bundle {
        if demo || role.is_some_and(Role::is_internal) {
            Bundle::Full
        } else {
            Bundle::Partner
        }
    }

    /// The bundle a request's `Cookie` header asks for.
    pub fn from_cookies(header: &str) -> Bundle {
        let full = header.split(';').any(|pair| {
            pair.trim()
                .split_once('=')
                .is_some_and(|(name, value)| name == COOKIE && value == FULL)
        });
        if full {
            Bundle::Full
        } else {
            Bundle::Partner
        }
    }

    /// The built page that starts this bundle.
    pub fn page(self) -> &'static str {
        match self {
            Bundle::Partner => PARTNER_PAGE,
            Bundle::Full => FULL_PAGE,
        }
    }

    /// The list of this bundle's on-demand screen files.
    pub fn screens_file(self) -> &'static str {
        match self {
            Bundle::Partner => PARTNER_SCREENS,
            Bundle::Full => FULL_SCREENS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_and_the_demo_need_the_full_bundle() {
        assert_eq!(Bundle::needed(Some(Role::Admin), false), Bundle::Full);
        assert_eq!(
            Bundle::needed(Some(Role::ChannelManager), false),
            Bundle::Full
        );
        assert_eq!(Bundle::needed(Some(Role::PartnerUser), true), Bundle::Full);
        assert_eq!(Bundle::needed(None, true), Bundle::Full);
        for partner in [
            Role::PartnerExecutive,
            Role::PartnerManager,
            Role::PartnerUser,
        ] {
            assert_eq!(Bundle::needed(Some(partner), false), Bundle::Partner);
        }
        assert_eq!(Bundle::needed(None, false), Bundle::Partner);
    }

    #[test]
    fn only_the_exact_cookie_asks_for_the_full_bundle() {
        assert_eq!(Bundle::from_cookies("trellis-bundle=full"), Bundle::Full);
        assert_eq!(
            Bundle::from_cookies("trellis_session=abc; trellis-bundle=full; x=1"),
            Bundle::Full
        );
        for partner in [
            "",
            "trellis-bundle=",
            "trellis-bundle=partner",
            "trellis-bundle=fully",
            "xtrellis-bundle=full",
            "trellis_session=full",
        ] {
            assert_eq!(Bundle::from_cookies(partner), Bundle::Partner, "{partner}");
        }
        assert_eq!(Bundle::Full.page(), "full.html");
        assert_eq!(Bundle::Partner.page(), "index.html");
    }
}
