//! Themes inside a community site: lookup, branding per tier, the rules a saved site keeps and
//! the contrast check that stops an unreadable theme from being published.

use std::collections::HashSet;

use super::presets::{default_theme, presets};
use super::{contrast_failures, ThemeTokens, Variant};
use crate::validate::Errors;
use crate::{ApiError, FieldError, Site, Validate};

/// Most custom themes a site keeps.
pub const MAX_THEMES: usize = 20;

impl Site {
    /// A theme by id: one of the site's own, else a preset.
    pub fn theme(&self, id: &str) -> Option<ThemeTokens> {
        self.themes
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .or_else(|| presets().into_iter().find(|t| t.id == id))
    }

    /// The theme a viewer of this tier gets: the tier's, else the community's, else the default.
    pub fn theme_for(&self, tier_id: Option<&str>) -> ThemeTokens {
        let tier_theme = tier_id.and_then(|tier| {
            self.tier_themes
                .iter()
                .find(|t| t.tier_id == tier)
                .and_then(|t| self.theme(&t.theme_id))
        });
        tier_theme
            .or_else(|| self.theme(&self.theme_id))
            .unwrap_or_else(default_theme)
    }

    /// Ids of the themes partners get (the community's and every tier's), without repeats.
    pub fn themes_in_use(&self) -> Vec<&str> {
        let mut ids = vec![self.theme_id.as_str()];
        for t in &self.tier_themes {
            if !ids.contains(&t.theme_id.as_str()) {
                ids.push(&t.theme_id);
            }
        }
        ids
    }

    /// What stops this site from being published: every contrast failure of a theme in use.
    pub fn publish_blockers(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        for id in self.themes_in_use() {
            let Some(theme) = self.theme(id) else {
                continue;
            };
            for f in contrast_failures(&theme) {
                let variant = match f.variant {
                    Variant::Light => "light",
                    Variant::Dark => "dark",
                };
                out.push(FieldError::new(
                    format!("theme {}: {variant}.{}", theme.name, f.token),
                    format!("{} is {:.2}:1, needs {}:1", f.pair, f.ratio, f.minimum),
                ));
            }
        }
        out
    }

    /// The publish error for [`Site::publish_blockers`], if there are any.
    pub fn publish_check(&self) -> Result<(), ApiError> {
        let blockers = self.publish_blockers();
        if blockers.is_empty() {
            return Ok(());
        }
        let mut error = ApiError::validation(blockers);
        error.message = CONTRAST_BLOCKS_PUBLISH.into();
        Err(error)
    }
}

/// The message of a publish refused for contrast.
pub const CONTRAST_BLOCKS_PUBLISH: &str =
    "A theme in use fails the contrast check: fix the colours listed before publishing";

/// Checks the themes of a site: ids unique and not a preset's, every reference resolves.
pub(crate) fn check_site_themes(site: &Site, e: &mut Errors) {
    if site.themes.len() > MAX_THEMES {
        e.add("site.themes", &format!("has more than {MAX_THEMES} themes"));
    }
    let preset_ids: HashSet<String> = presets().into_iter().map(|t| t.id).collect();
    let mut ids = HashSet::new();
    for (i, theme) in site.themes.iter().enumerate() {
        let at = format!("site.themes[{i}]");
        if theme.id.trim().is_empty()
            || preset_ids.contains(&theme.id)
            || !ids.insert(theme.id.as_str())
        {
            e.add(&format!("{at}.id"), "is empty or used by another theme");
        }
        for f in theme.validate() {
            e.add(&format!("{at}.{}", f.field), &f.message);
        }
    }
    if site.theme(&site.theme_id).is_none() {
        e.add("site.theme_id", "names a theme that does not exist");
    }
    let mut tiers = HashSet::new();
    for (i, t) in site.tier_themes.iter().enumerate() {
        if !tiers.insert(t.tier_id.as_str()) {
            e.add(
                &format!("site.tier_themes[{i}].tier_id"),
                "has another theme already",
            );
        }
        if site.theme(&t.theme_id).is_none() {
            e.add(
                &format!("site.tier_themes[{i}].theme_id"),
                "names a theme that does not exist",
            );
        }
    }
}
