//! The WCAG 2.2 AA check of every text/background and control/background pair a theme produces,
//! with the nearest passing colour for each failure.

use serde::{Deserialize, Serialize};

use super::{Palette, ThemeTokens, Variant};
use crate::colour::{contrast, nearest_passing, Rgb, AA_LARGE, AA_TEXT};

/// A colour pair every theme must keep readable, with its WCAG 2.2 AA minimum.
pub struct Pair {
    pub name: &'static str,
    /// The foreground token ([`Palette::FIELDS`]); the one a suggestion changes.
    pub fg: &'static str,
    /// The background token.
    pub bg: &'static str,
    pub min: f64,
}

/// Every text/background and control/background pair the app draws.
pub const PAIRS: &[Pair] = &[
    Pair {
        name: "Text on background",
        fg: "text",
        bg: "background",
        min: AA_TEXT,
    },
    Pair {
        name: "Text on cards",
        fg: "text",
        bg: "surface",
        min: AA_TEXT,
    },
    Pair {
        name: "Muted text on background",
        fg: "muted_text",
        bg: "background",
        min: AA_TEXT,
    },
    Pair {
        name: "Muted text on cards",
        fg: "muted_text",
        bg: "surface",
        min: AA_TEXT,
    },
    Pair {
        name: "Links on cards",
        fg: "brand",
        bg: "surface",
        min: AA_TEXT,
    },
    Pair {
        name: "Links on background",
        fg: "brand",
        bg: "background",
        min: AA_TEXT,
    },
    Pair {
        name: "Button and top bar text",
        fg: "on_brand",
        bg: "brand",
        min: AA_TEXT,
    },
    Pair {
        name: "Error text on cards",
        fg: "danger",
        bg: "surface",
        min: AA_TEXT,
    },
    Pair {
        name: "Success text on cards",
        fg: "success",
        bg: "surface",
        min: AA_TEXT,
    },
    Pair {
        name: "Warnings on cards",
        fg: "warning",
        bg: "surface",
        min: AA_LARGE,
    },
    Pair {
        name: "Accent on cards",
        fg: "accent",
        bg: "surface",
        min: AA_LARGE,
    },
    Pair {
        name: "Control borders on cards",
        fg: "control_border",
        bg: "surface",
        min: AA_LARGE,
    },
];

/// A pair below its minimum, with the nearest foreground colour that passes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContrastFailure {
    pub variant: Variant,
    pub pair: String,
    /// The foreground token to change (`muted_text`).
    pub token: String,
    pub foreground: String,
    pub background: String,
    /// The ratio now, to two decimals.
    pub ratio: f64,
    pub minimum: f64,
    /// The closest foreground that passes, if any does.
    pub suggestion: Option<String>,
}

/// The colour nearest to token `fg` that passes against every background it is drawn on, so one
/// fix clears all of that token's failures.
fn suggest(palette: &Palette, fg: &str) -> Option<Rgb> {
    let mut colour = Rgb::parse(palette.get(fg)?).ok()?;
    let pairs: Vec<(&Pair, Rgb)> = PAIRS
        .iter()
        .filter(|p| p.fg == fg)
        .filter_map(|p| Some((p, Rgb::parse(palette.get(p.bg)?).ok()?)))
        .collect();
    for _ in 0..4 {
        let failing = pairs.iter().find(|(p, bg)| contrast(colour, *bg) < p.min);
        match failing {
            None => return Some(colour),
            Some((p, bg)) => colour = nearest_passing(colour, *bg, p.min)?,
        }
    }
    pairs
        .iter()
        .all(|(p, bg)| contrast(colour, *bg) >= p.min)
        .then_some(colour)
}

/// Every pair of both variants below its minimum (colours that do not parse are left to validation).
pub fn contrast_failures(theme: &ThemeTokens) -> Vec<ContrastFailure> {
    let mut out = Vec::new();
    for (variant, palette) in [(Variant::Light, &theme.light), (Variant::Dark, &theme.dark)] {
        for pair in PAIRS {
            let (Ok(fg), Ok(bg)) = (
                Rgb::parse(palette.get(pair.fg).unwrap_or_default()),
                Rgb::parse(palette.get(pair.bg).unwrap_or_default()),
            ) else {
                continue;
            };
            let ratio = contrast(fg, bg);
            if ratio < pair.min {
                out.push(ContrastFailure {
                    variant,
                    pair: pair.name.into(),
                    token: pair.fg.into(),
                    foreground: fg.to_string(),
                    background: bg.to_string(),
                    ratio: (ratio * 100.0).floor() / 100.0,
                    minimum: pair.min,
                    suggestion: suggest(palette, pair.fg).map(|c| c.to_string()),
                });
            }
        }
    }
    out
}
