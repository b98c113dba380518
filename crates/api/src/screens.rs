//! Which screen each of the app's paths opens, for the screens whose code is a chunk of its own
//! (the UI's `lazy_screen!` names them alike): the server preloads a screen's chunks with its
//! page, so they download beside the main module instead of after it.

use crate::endpoints::{Endpoint, LIST_CASES, LIST_CONTACTS, LIST_DEALS, LIST_LEADS};

/// Each lazily loaded screen's path (`:name` is any one segment) and chunk name. A literal path
/// comes before the pattern it would also match.
pub const SCREENS: &[(&str, &str)] = &[
    ("/leads", "leads"),
    ("/deals", "deals"),
    ("/deals/new", "deal_new"),
    ("/opportunities", "opportunities"),
    ("/opportunities/:id", "opportunity_edit"),
    ("/contacts", "contacts"),
    ("/contacts/new", "contact_new"),
    ("/contacts/:id", "contact_edit"),
    ("/announcements", "announcements"),
    ("/support", "support"),
    ("/support/:id", "case"),
    ("/import", "import"),
    ("/funds", "funds"),
    ("/dashboards", "dashboards"),
    ("/training", "training"),
    ("/training/:id", "training_module"),
    ("/surveys", "surveys"),
    ("/builder", "builder"),
    ("/builder/theme", "theme_studio"),
    ("/admin", "admin"),
    ("/admin/audit", "audit"),
];

/// The call a list screen makes first (its default page, no query), preloaded with the page
/// like the screen's code so the rows do not wait for it. Not the opportunities: their board
/// asks for every card at once.
pub const FIRST_CALLS: &[(&str, &Endpoint)] = &[
    ("leads", &LIST_LEADS),
    ("deals", &LIST_DEALS),
    ("contacts", &LIST_CONTACTS),
    ("support", &LIST_CASES),
];

/// The call a screen makes first, if it is one of [`FIRST_CALLS`].
pub fn first_call(screen: &str) -> Option<&'static Endpoint> {
    FIRST_CALLS
        .iter()
        .find(|(name, _)| *name == screen)
        .map(|&(_, endpoint)| endpoint)
}

/// The chunk name of the screen a path opens, if its code is loaded on demand.
pub fn screen_for_path(path: &str) -> Option<&'static str> {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    SCREENS
        .iter()
        .find(|(pattern, _)| matches(pattern, path))
        .map(|&(_, chunk)| chunk)
}

fn matches(pattern: &str, path: &str) -> bool {
    let mut want = pattern.split('/');
    let mut got = path.split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with(':') && !g.is_empty() => {}
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{first_call, screen_for_path, FIRST_CALLS, SCREENS};

    #[test]
    fn first_calls_are_screens_list_calls() {
        for (screen, endpoint) in FIRST_CALLS {
            assert!(SCREENS.iter().any(|(_, s)| s == screen), "{screen}");
            assert_eq!(endpoint.method, "GET", "{screen}");
            assert!(!endpoint.path.contains('{'), "{screen}: {}", endpoint.path);
        }
        assert_eq!(first_call("leads").map(|e| e.path), Some("/api/leads"));
        assert!(first_call("builder").is_none());
    }

    #[test]
    fn paths_name_their_screen() {
        assert_eq!(screen_for_path("/leads"), Some("leads"));
        assert_eq!(screen_for_path("/leads/"), Some("leads"));
        assert_eq!(screen_for_path("/contacts/new"), Some("contact_new"));
        assert_eq!(screen_for_path("/contacts/c-17"), Some("contact_edit"));
        assert_eq!(screen_for_path("/builder/theme"), Some("theme_studio"));
        assert_eq!(screen_for_path("/support/case-1"), Some("case"));
        for eager in [
            "/",
            "/login",
            "/pages/page-home",
            "/contacts/a/b",
            "/leadsx",
            "/support//",
        ] {
            assert_eq!(screen_for_path(eager), None, "{eager}");
        }
    }
}
