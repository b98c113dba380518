//! Which screen each of the app's paths opens, for the screens whose code is a chunk of its own
//! (the UI's `lazy_screen!` names them alike): the server preloads a screen's chunks with its
//! page, so they download beside the main module instead of after it.

use serde_json::{Map, Value};

use crate::endpoints::{query_string, Endpoint, LIST_ANNOUNCEMENTS, LIST_CASES, LIST_CONTACTS};
use crate::endpoints::{LIST_DEALS, LIST_LEADS, LIST_SURVEYS, MENTIONS, REPORTS};
use crate::queues::QUEUES;
use crate::reports::ReportQuery;
use crate::widgets::{inbox_query, prop_int};
use crate::{ComponentKind, LayoutNode, Page};

/// Each lazily loaded screen's path (`:name` is any one segment) and chunk name. A literal path
/// comes before the pattern it would also match.
pub const SCREENS: &[(&str, &str)] = &[
    ("/leads", "leads"),
    ("/leads/:id", "lead"),
    ("/deals", "deals"),
    ("/deals/new", "deal_new"),
    ("/deals/:id", "deal"),
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
    ("/funds/requests/:id", "fund_request"),
    ("/funds/claims/:id", "fund_claim"),
    ("/dashboards", "dashboards"),
    ("/training", "training"),
    ("/training/:id", "training_module"),
    ("/surveys", "surveys"),
    ("/builder", "builder"),
    ("/builder/theme", "theme_studio"),
    ("/accounts/:id", "account"),
    ("/admin", "admin"),
    ("/admin/audit", "audit"),
    ("/admin/products", "products"),
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

/// The chunk of the page components drawn less often (the UI's `lazy_screen!(…, widgets, …)`):
/// its code downloads when a page shows one of them, preloaded with such a page.
pub const WIDGETS_CHUNK: &str = "widgets";

/// Whether a component's code is in [`WIDGETS_CHUNK`] rather than the main module.
pub fn on_demand(kind: ComponentKind) -> bool {
    match kind {
        ComponentKind::DealRegistrationForm
        | ComponentKind::SupportCaseForm
        | ComponentKind::KpiTile
        | ComponentKind::Chart
        | ComponentKind::TrainingProgress
        | ComponentKind::ContactCard => true,
        ComponentKind::Heading
        | ComponentKind::RichText
        | ComponentKind::Image
        | ComponentKind::Button
        | ComponentKind::LeadInbox
        | ComponentKind::PipelineSummary
        | ComponentKind::AnnouncementList
        | ComponentKind::Spacer => false,
    }
}

/// Whether any component of a page is [`on_demand`].
pub fn page_needs_widgets(page: &Page) -> bool {
    components(page).any(|(kind, _)| on_demand(kind))
}

/// Every placed component of a page with its settings, in page order.
fn components(page: &Page) -> impl Iterator<Item = (ComponentKind, &Map<String, Value>)> {
    page.root.iter().flat_map(LayoutNode::components)
}

/// A community page the app shows at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommunityPath<'a> {
    /// `/`: the viewer's first page.
    Home,
    /// `/pages/:id`.
    Page(&'a str),
}

/// The community page a path shows, if it shows one.
pub fn community_path(path: &str) -> Option<CommunityPath<'_>> {
    match path.strip_prefix("/pages/") {
        _ if path == "/" => Some(CommunityPath::Home),
        Some(id) if !id.is_empty() && !id.contains('/') => Some(CommunityPath::Page(id)),
        _ => None,
    }
}

/// Where a community page is shown: at its own address, or as someone's home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Page,
    StaffHome,
    PartnerHome,
}

/// The addresses a community page's components fetch first (`path?query`, each once, in page
/// order), then on a home page the mentions' and on a partner's the survey prompt's: preloaded
/// with the page. Staff have their work queues as home instead of the page.
pub fn page_calls(page: &Page, shown: Shown) -> Vec<String> {
    let mut calls = Vec::new();
    let mut add = |call: String| {
        if !calls.contains(&call) {
            calls.push(call);
        }
    };
    if shown == Shown::StaffHome {
        QUEUES.iter().for_each(|q| add(q.call()));
        crate::queues::directory_calls()
            .into_iter()
            .for_each(&mut add);
        add(MENTIONS.path.to_string());
        return calls;
    }
    for (kind, props) in components(page) {
        if let Some(call) = component_call(kind, props) {
            add(call);
        }
    }
    if shown != Shown::Page {
        add(MENTIONS.path.to_string());
    }
    if shown == Shown::PartnerHome {
        add(LIST_SURVEYS.path.to_string());
    }
    calls
}

/// The address one placed component fetches first, as its UI component asks for it.
fn component_call(kind: ComponentKind, props: &Map<String, Value>) -> Option<String> {
    let with = |e: &Endpoint, query: Value| format!("{}{}", e.path, query_string(&query));
    match kind {
        ComponentKind::LeadInbox => {
            let query = inbox_query(prop_int(kind, props, "limit"));
            Some(with(&LIST_LEADS, serde_json::to_value(query).ok()?))
        }
        ComponentKind::AnnouncementList => Some(LIST_ANNOUNCEMENTS.path.to_string()),
        ComponentKind::PipelineSummary
        | ComponentKind::KpiTile
        | ComponentKind::Chart
        | ComponentKind::TrainingProgress => Some(with(
            &REPORTS,
            serde_json::to_value(ReportQuery::default()).ok()?,
        )),
        ComponentKind::Heading
        | ComponentKind::RichText
        | ComponentKind::Image
        | ComponentKind::Button
        | ComponentKind::DealRegistrationForm
        | ComponentKind::SupportCaseForm
        | ComponentKind::ContactCard
        | ComponentKind::Spacer => None,
    }
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
    use serde_json::json;

    use super::CommunityPath;
    use super::{
        community_path, first_call, page_calls, page_needs_widgets, screen_for_path, Shown,
    };
    use super::{FIRST_CALLS, SCREENS};
    use crate::{ComponentKind, LayoutNode, Page};

    fn placed(kind: ComponentKind, props: serde_json::Value) -> LayoutNode {
        LayoutNode::Component {
            id: format!("{kind:?}"),
            component: kind,
            props: props.as_object().cloned().unwrap_or_default(),
            audience: Default::default(),
        }
    }

    #[test]
    fn page_calls_are_the_components_first_fetches() {
        let home = &crate::templates::partner_central().pages[0];
        assert_eq!(
            page_calls(home, Shown::PartnerHome),
            [
                "/api/announcements",
                "/api/reports",
                "/api/leads?limit=5&status=assigned",
                "/api/activity/mentions",
                "/api/surveys"
            ]
        );
        assert_eq!(
            page_calls(home, Shown::StaffHome),
            [
                "/api/deals?limit=5&sort=created_at&status=submitted",
                "/api/mdf/requests?limit=5&sort=created_at&status=submitted",
                "/api/mdf/claims?limit=5&sort=created_at&status=submitted",
                "/api/cases?limit=5&sort=created_at&status=new",
                "/api/leads?limit=5&sort=created_at&status=new",
                "/api/programs",
                "/api/accounts?limit=200&status=partner",
                "/api/activity/mentions"
            ],
            "staff have their queues as home (and the names they show), not the community's page"
        );
        // Nested, repeated and clamped; components that fetch nothing add nothing.
        let page = Page {
            id: "p".into(),
            title: "P".into(),
            root: vec![
                LayoutNode::Section {
                    id: "s".into(),
                    title: String::new(),
                    children: vec![
                        placed(ComponentKind::Heading, json!({"text": "Hi"})),
                        placed(ComponentKind::LeadInbox, json!({"limit": 99})),
                    ],
                },
                placed(ComponentKind::KpiTile, json!({})),
                placed(ComponentKind::Chart, json!({})),
            ],
        };
        assert_eq!(
            page_calls(&page, Shown::Page),
            ["/api/leads?limit=20&status=assigned", "/api/reports"]
        );
        assert!(page_needs_widgets(&page), "a key figure and a chart");
        assert!(
            !page_needs_widgets(home),
            "the seeded home draws only main-module components"
        );
    }

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
    fn community_paths_are_home_and_pages() {
        assert_eq!(community_path("/"), Some(CommunityPath::Home));
        assert_eq!(
            community_path("/pages/p-1"),
            Some(CommunityPath::Page("p-1"))
        );
        for other in ["/pages/", "/pages/a/b", "/leads", "/pages", ""] {
            assert_eq!(community_path(other), None, "{other}");
        }
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
