//! Theme edits: duplicate a preset or theme, rename, delete, change tokens, and choose which
//! theme the community and each tier get. Pure, like every other edit, so undo/redo covers them.

use trellis_api::theme::presets::presets;
use trellis_api::theme::{Palette, ThemeTokens};
use trellis_api::{Site, TierTheme};

use super::edit_error::{Applied, EditError};

/// One undoable change to the site's themes.
#[derive(Clone, Debug, PartialEq)]
pub enum ThemeEdit {
    /// A new theme of the site: a copy of `from` (a preset or one of the site's) named `name`.
    Duplicate {
        from: String,
        name: String,
    },
    /// A theme from a file, added as a new theme of the site (its id is renewed).
    Import {
        theme: Box<ThemeTokens>,
    },
    Rename {
        id: String,
        name: String,
    },
    /// Delete one of the site's themes; refused while the community or a tier uses it.
    Delete {
        id: String,
    },
    /// Replace one of the site's themes with new tokens (same id).
    Set {
        theme: Box<ThemeTokens>,
    },
    /// The community's theme.
    UseForCommunity {
        id: String,
    },
    /// A tier's own theme, or `None` for the community's.
    AssignTier {
        tier_id: String,
        theme_id: Option<String>,
    },
}

/// The site's own theme `id`, to change it.
fn own_mut<'a>(site: &'a mut Site, id: &str) -> Result<&'a mut ThemeTokens, EditError> {
    let preset = site.theme(id).is_some() && !site.themes.iter().any(|t| t.id == id);
    site.themes
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| match preset {
            true => EditError::PresetReadOnly,
            false => EditError::NoTheme(id.into()),
        })
}

/// An id no theme of the site (nor a preset) has.
fn fresh_id(site: &Site) -> String {
    (1..)
        .map(|n| format!("theme_custom_{n}"))
        .find(|id| site.theme(id).is_none())
        .unwrap_or_default()
}

/// Whether a theme other than `except` is already called `name` (ignoring case and spaces).
fn name_taken(site: &Site, name: &str, except: Option<&str>) -> bool {
    let wanted = name.trim().to_lowercase();
    presets()
        .iter()
        .chain(&site.themes)
        .any(|t| Some(t.id.as_str()) != except && t.name.trim().to_lowercase() == wanted)
}

/// `name`, or `name (2)`, `name (3)`… whichever no theme has.
fn free_name(site: &Site, name: &str) -> String {
    (1..)
        .map(|n| match n {
            1 => name.to_string(),
            n => format!("{name} ({n})"),
        })
        .find(|candidate| !name_taken(site, candidate, None))
        .unwrap_or_default()
}

/// Apply a theme edit; the new or changed theme's id is selected.
pub fn apply_theme(site: &mut Site, edit: &ThemeEdit) -> Result<Applied, EditError> {
    let select = |id: &str| Applied {
        page: None,
        select: Some(id.to_string()),
    };
    match edit {
        ThemeEdit::Duplicate { from, name } => {
            let mut copy = site
                .theme(from)
                .ok_or_else(|| EditError::NoTheme(from.clone()))?;
            if name_taken(site, name, None) {
                return Err(EditError::ThemeNameTaken(name.clone()));
            }
            copy.id = fresh_id(site);
            copy.name = name.clone();
            let id = copy.id.clone();
            site.themes.push(copy);
            Ok(select(&id))
        }
        ThemeEdit::Import { theme } => {
            let mut theme = (**theme).clone();
            theme.id = fresh_id(site);
            theme.name = free_name(site, &theme.name);
            let id = theme.id.clone();
            site.themes.push(theme);
            Ok(select(&id))
        }
        ThemeEdit::Rename { id, name } => {
            if name_taken(site, name, Some(id)) {
                return Err(EditError::ThemeNameTaken(name.clone()));
            }
            own_mut(site, id)?.name = name.clone();
            Ok(select(id))
        }
        ThemeEdit::Delete { id } => {
            own_mut(site, id)?;
            if site.themes_in_use().contains(&id.as_str()) {
                return Err(EditError::ThemeInUse);
            }
            site.themes.retain(|t| &t.id != id);
            Ok(select(&site.theme_id.clone()))
        }
        ThemeEdit::Set { theme } => {
            *own_mut(site, &theme.id)? = (**theme).clone();
            Ok(select(&theme.id))
        }
        ThemeEdit::UseForCommunity { id } => {
            site.theme(id)
                .ok_or_else(|| EditError::NoTheme(id.clone()))?;
            site.theme_id = id.clone();
            Ok(select(id))
        }
        ThemeEdit::AssignTier { tier_id, theme_id } => {
            site.tier_themes.retain(|t| &t.tier_id != tier_id);
            if let Some(theme_id) = theme_id {
                site.theme(theme_id)
                    .ok_or_else(|| EditError::NoTheme(theme_id.clone()))?;
                site.tier_themes.push(TierTheme {
                    tier_id: tier_id.clone(),
                    theme_id: theme_id.clone(),
                });
            }
            Ok(Applied::default())
        }
    }
}

/// What changed between two versions of a theme, for the undo label ("brand colour").
pub fn what_changed(old: &ThemeTokens, new: &ThemeTokens) -> String {
    for (variant, a, b) in [
        ("light", &old.light, &new.light),
        ("dark", &old.dark, &new.dark),
    ] {
        if let Some((_, label)) = Palette::FIELDS
            .iter()
            .find(|(token, _)| a.get(token) != b.get(token))
        {
            return format!("{} colour ({variant})", label.to_lowercase());
        }
    }
    let fields = [
        ("font", old.font != new.font),
        ("base size", old.base_px != new.base_px),
        ("heading scale", old.scale_permille != new.scale_permille),
        ("heading weight", old.heading_weight != new.heading_weight),
        ("corner radius", old.radius_px != new.radius_px),
        ("density", old.density != new.density),
        ("logo", old.logo != new.logo),
        ("favicon", old.favicon != new.favicon),
    ];
    fields
        .into_iter()
        .find(|(_, changed)| *changed)
        .map_or("tokens", |(name, _)| name)
        .to_string()
}

/// A short description of a theme edit, for the undo button and announcements.
pub fn theme_label(site: &Site, edit: &ThemeEdit) -> String {
    let name = |id: &str| site.theme(id).map_or_else(|| id.to_string(), |t| t.name);
    match edit {
        ThemeEdit::Duplicate { from, .. } => format!("Duplicate theme {}", name(from)),
        ThemeEdit::Import { theme } => format!("Import theme {}", theme.name),
        ThemeEdit::Rename { id, name: to } => format!("Rename theme {} to {to}", name(id)),
        ThemeEdit::Delete { id } => format!("Delete theme {}", name(id)),
        ThemeEdit::Set { theme } => match site.theme(&theme.id) {
            Some(old) => format!("Change {} of {}", what_changed(&old, theme), old.name),
            None => format!("Change theme {}", theme.name),
        },
        ThemeEdit::UseForCommunity { id } => format!("Use {} for the community", name(id)),
        ThemeEdit::AssignTier {
            theme_id: Some(id), ..
        } => format!("Give a tier the theme {}", name(id)),
        ThemeEdit::AssignTier { .. } => "Give a tier the community's theme".into(),
    }
}
