//! The community site: tabs, pages and theme, as a draft and as published versions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{LayoutNode, Page, Role};

/// Who sees a tab or component; empty lists mean everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Audience {
    /// Tier ids; empty means every tier.
    #[serde(default)]
    pub tiers: Vec<String>,
    /// Roles; empty means every role.
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl Audience {
    /// Whether a viewer with this tier and role is in the audience.
    pub fn includes(&self, tier_id: Option<&str>, role: Role) -> bool {
        let tier_ok =
            self.tiers.is_empty() || tier_id.is_some_and(|t| self.tiers.iter().any(|x| x == t));
        let role_ok = self.roles.is_empty() || self.roles.contains(&role);
        // Vendor staff see everything so they can review what partners get.
        role.is_internal() || (tier_ok && role_ok)
    }
}

/// A built-in workspace view a tab can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkspaceView {
    Leads,
    Deals,
    Opportunities,
    Contacts,
    /// Market development funds: budgets, requests and claims.
    Funds,
    Dashboards,
    Training,
    Support,
}

/// What a tab opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TabTarget {
    /// A page of the site, by id.
    Page { page_id: String },
    /// A built-in workspace view.
    View { view: WorkspaceView },
}

/// An entry of the community's navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tab {
    pub id: String,
    pub label: String,
    pub target: TabTarget,
    #[serde(default)]
    pub hidden: bool,
    #[serde(default)]
    pub audience: Audience,
}

/// The whole community site as an admin designs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Site {
    pub name: String,
    pub tabs: Vec<Tab>,
    pub pages: Vec<Page>,
    /// The community's theme: a preset's id or one of `themes`.
    pub theme_id: String,
    /// The community's own themes (presets are built in and not stored).
    #[serde(default)]
    pub themes: Vec<crate::theme::ThemeTokens>,
    /// Branding per audience: tiers that get a theme other than the community's.
    #[serde(default)]
    pub tier_themes: Vec<TierTheme>,
}

/// A tier's own theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierTheme {
    pub tier_id: String,
    pub theme_id: String,
}

impl Site {
    /// The tabs a viewer with this tier and role sees, in order.
    pub fn visible_tabs(&self, tier_id: Option<&str>, role: Role) -> Vec<&Tab> {
        self.tabs
            .iter()
            .filter(|t| !t.hidden && t.audience.includes(tier_id, role))
            .collect()
    }

    /// The site as a viewer sees it: hidden tabs and out-of-audience tabs and components removed.
    pub fn for_viewer(&self, tier_id: Option<&str>, role: Role) -> Site {
        fn prune(nodes: &mut Vec<LayoutNode>, tier_id: Option<&str>, role: Role) {
            nodes.retain(|n| match n {
                LayoutNode::Component { audience, .. } => audience.includes(tier_id, role),
                _ => true,
            });
            for node in nodes {
                match node {
                    LayoutNode::Section { children, .. } => prune(children, tier_id, role),
                    LayoutNode::Row { columns, .. } => {
                        for c in columns {
                            prune(&mut c.children, tier_id, role);
                        }
                    }
                    LayoutNode::Component { .. } => {}
                }
            }
        }
        let mut site = self.clone();
        // The viewer gets only their own branding.
        let theme = self.theme_for(tier_id);
        site.themes.retain(|t| t.id == theme.id);
        site.theme_id = theme.id;
        site.tier_themes.clear();
        site.tabs
            .retain(|t| !t.hidden && t.audience.includes(tier_id, role));
        for page in &mut site.pages {
            prune(&mut page.root, tier_id, role);
        }
        site
    }

    /// A page by id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// The draft an admin edits; `version` increases with every save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub site: Site,
    pub version: i64,
    pub updated_at: String,
    /// True when the draft differs from the published version.
    pub has_unpublished_changes: bool,
}

/// The body of `PUT /api/community/draft`: the new site and the draft version it was based on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaveDraft {
    pub base_version: i64,
    pub site: Site,
}

/// A published, immutable version of the site: what partners see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedSite {
    pub version: i64,
    pub site: Site,
    pub published_at: String,
    /// The publishing user's id.
    pub published_by: String,
    /// What changed, in the publisher's words; may be empty.
    #[serde(default)]
    pub note: String,
    /// Every rich text's markdown rendered as safe HTML, keyed by the markdown: the backend fills
    /// it (`markdown::rendered_rich_texts`), so a partner's browser needs no markdown parser.
    #[serde(default)]
    pub markdown: BTreeMap<String, String>,
}

/// One entry of the version history (without the site itself).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteVersion {
    pub version: i64,
    pub published_at: String,
    pub published_by: String,
    /// The publisher's name, for the history list.
    pub published_by_name: String,
    pub note: String,
}

/// Longest publish note, in characters.
pub const MAX_PUBLISH_NOTE: usize = 200;

/// The body of `POST /api/community/publish`: publish the draft as it was at `base_version`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Publish {
    pub base_version: i64,
    #[serde(default)]
    pub note: String,
}

/// The 409 answer when the draft is exactly the published version.
pub const NOTHING_TO_PUBLISH: &str = "Nothing to publish: the draft is the published version";

impl crate::Validate for Publish {
    fn validate(&self) -> Vec<crate::FieldError> {
        let mut e = crate::validate::Errors::default();
        e.max("note", &self.note, MAX_PUBLISH_NOTE);
        e.0
    }
}

/// The body of `POST /api/community/versions/{version}/restore`: make that version the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Restore {
    pub base_version: i64,
}

/// A starting point for a community: a whole site as data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Template {
    pub id: String,
    pub name: String,
    pub description: String,
    pub site: Site,
}
