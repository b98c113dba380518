//! Themes as typed design tokens: colours for a light and a dark variant, typography, shape and
//! density, and the CSS custom properties the app reads. The readability check is `contrast`.

use serde::{Deserialize, Serialize};

use crate::colour::Rgb;

/// A curated font stack (system fonts only: nothing is downloaded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FontStack {
    System,
    Humanist,
    Geometric,
    Serif,
    Rounded,
}

impl FontStack {
    /// Every stack, in picker order.
    pub const ALL: [FontStack; 5] = [
        FontStack::System,
        FontStack::Humanist,
        FontStack::Geometric,
        FontStack::Serif,
        FontStack::Rounded,
    ];

    /// Its name in the picker.
    pub fn label(self) -> &'static str {
        match self {
            FontStack::System => "System UI",
            FontStack::Humanist => "Humanist sans",
            FontStack::Geometric => "Geometric sans",
            FontStack::Serif => "Transitional serif",
            FontStack::Rounded => "Rounded sans",
        }
    }

    /// The CSS `font-family` value.
    pub fn css(self) -> &'static str {
        match self {
            FontStack::System => {
                "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"
            }
            FontStack::Humanist => {
                "Seravek, \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", source-sans-pro, sans-serif"
            }
            FontStack::Geometric => "Avenir, Montserrat, Corbel, \"URW Gothic\", source-sans-pro, sans-serif",
            FontStack::Serif => "Charter, \"Bitstream Charter\", \"Sitka Text\", Cambria, serif",
            FontStack::Rounded => {
                "ui-rounded, \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", sans-serif"
            }
        }
    }
}

/// How much space the interface uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Density {
    Compact,
    Comfortable,
    Spacious,
}

impl Density {
    /// The spacing unit, in pixels (`--space-1`; the other steps are multiples).
    pub fn unit_px(self) -> u32 {
        match self {
            Density::Compact => 3,
            Density::Comfortable => 4,
            Density::Spacious => 5,
        }
    }
}

/// The colours of one variant (light or dark), as `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Palette {
    /// Top bar, buttons, links.
    pub brand: String,
    /// Text on the brand colour (button labels, top bar).
    pub on_brand: String,
    pub accent: String,
    pub background: String,
    /// Cards and panels.
    pub surface: String,
    pub text: String,
    pub muted_text: String,
    /// Borders of inputs and other controls.
    pub control_border: String,
    pub success: String,
    pub warning: String,
    pub danger: String,
}

impl Palette {
    /// Every colour token, in editor order, with its name in the editor.
    pub const FIELDS: [(&'static str, &'static str); 11] = [
        ("brand", "Brand"),
        ("on_brand", "Text on brand"),
        ("accent", "Accent"),
        ("background", "Background"),
        ("surface", "Cards and panels"),
        ("text", "Text"),
        ("muted_text", "Muted text"),
        ("control_border", "Control borders"),
        ("success", "Success"),
        ("warning", "Warning"),
        ("danger", "Danger"),
    ];

    /// A colour token by name.
    pub fn get(&self, token: &str) -> Option<&str> {
        let p = self;
        Some(match token {
            "brand" => &p.brand,
            "on_brand" => &p.on_brand,
            "accent" => &p.accent,
            "background" => &p.background,
            "surface" => &p.surface,
            "text" => &p.text,
            "muted_text" => &p.muted_text,
            "control_border" => &p.control_border,
            "success" => &p.success,
            "warning" => &p.warning,
            "danger" => &p.danger,
            _ => return None,
        })
    }

    /// A colour token by name, to change it.
    pub fn get_mut(&mut self, token: &str) -> Option<&mut String> {
        let p = self;
        Some(match token {
            "brand" => &mut p.brand,
            "on_brand" => &mut p.on_brand,
            "accent" => &mut p.accent,
            "background" => &mut p.background,
            "surface" => &mut p.surface,
            "text" => &mut p.text,
            "muted_text" => &mut p.muted_text,
            "control_border" => &mut p.control_border,
            "success" => &mut p.success,
            "warning" => &mut p.warning,
            "danger" => &mut p.danger,
            _ => return None,
        })
    }
}

/// A theme: typed design tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeTokens {
    pub id: String,
    pub name: String,
    pub light: Palette,
    pub dark: Palette,
    pub font: FontStack,
    /// Base font size in pixels, 12 to 20.
    pub base_px: u8,
    /// Heading scale ratio in thousandths (1125 = each level 1.125 times the one below), 1067 to 1500.
    pub scale_permille: u16,
    /// Heading font weight, 500 to 900 in steps of 100.
    pub heading_weight: u16,
    /// Corner radius in pixels, 0 to 24.
    pub radius_px: u8,
    pub density: Density,
    /// Shown in the top bar (PNG, JPEG or WebP, at most 200 KB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<ThemeImage>,
    /// The browser tab's icon (PNG or ICO, at most 64 KB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favicon: Option<ThemeImage>,
}

/// Which variant a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    Light,
    Dark,
}

/// The CSS custom properties of one variant, as the stylesheets read them.
pub fn css_variables(theme: &ThemeTokens, variant: Variant) -> Vec<(&'static str, String)> {
    let p = match variant {
        Variant::Light => &theme.light,
        Variant::Dark => &theme.dark,
    };
    let unit = theme.density.unit_px();
    let mut vars = vec![
        ("--color-brand", p.brand.clone()),
        ("--color-on-brand", p.on_brand.clone()),
        ("--color-accent", p.accent.clone()),
        ("--color-bg", p.background.clone()),
        ("--color-surface", p.surface.clone()),
        ("--color-text", p.text.clone()),
        ("--color-muted", p.muted_text.clone()),
        ("--color-control-border", p.control_border.clone()),
        ("--color-success", p.success.clone()),
        ("--color-warning", p.warning.clone()),
        ("--color-danger", p.danger.clone()),
        ("--font-body", theme.font.css().to_string()),
        ("--font-size", format!("{}px", theme.base_px)),
        ("--heading-weight", theme.heading_weight.to_string()),
        ("--radius", format!("{}px", theme.radius_px)),
    ];
    let ratio = f64::from(theme.scale_permille) / 1000.0;
    for (name, steps) in [("--h3-size", 1), ("--h2-size", 2), ("--h1-size", 3)] {
        vars.push((name, format!("{:.3}rem", ratio.powi(steps))));
    }
    for (name, times) in [
        ("--space-1", 1),
        ("--space-2", 2),
        ("--space-3", 3),
        ("--space-4", 4),
        ("--space-5", 6),
        ("--space-6", 8),
    ] {
        vars.push((name, format!("{}px", unit * times)));
    }
    vars
}

/// The longest theme name.
pub const MAX_NAME: usize = 80;

/// The numeric tokens' inclusive ranges, in field order.
pub const TOKEN_RANGES: [(&str, i64, i64); 4] = [
    ("base_px", 12, 20),
    ("scale_permille", 1067, 1500),
    ("heading_weight", 500, 900),
    ("radius_px", 0, 24),
];

impl crate::Validate for ThemeTokens {
    fn validate(&self) -> Vec<crate::FieldError> {
        let mut e = crate::validate::Errors::default();
        e.required("name", &self.name, MAX_NAME);
        for (variant, p) in [("light", &self.light), ("dark", &self.dark)] {
            for (name, _) in Palette::FIELDS {
                if let Err(message) = Rgb::parse(p.get(name).unwrap_or_default()) {
                    e.add(&format!("{variant}.{name}"), &message);
                }
            }
        }
        let values = [
            i64::from(self.base_px),
            i64::from(self.scale_permille),
            i64::from(self.heading_weight),
            i64::from(self.radius_px),
        ];
        for ((field, min, max), value) in TOKEN_RANGES.into_iter().zip(values) {
            if !(min..=max).contains(&value) {
                e.add(field, &format!("must be from {min} to {max}"));
            }
        }
        if !self.heading_weight.is_multiple_of(100) {
            e.add("heading_weight", "must be a multiple of 100");
        }
        for (slot, image) in [
            (ImageSlot::Logo, &self.logo),
            (ImageSlot::Favicon, &self.favicon),
        ] {
            if let Some(problem) = image.as_ref().and_then(|i| i.problem(slot)) {
                e.add(slot.field(), &problem);
            }
        }
        e.0
    }
}

pub mod contrast;
pub mod file;
pub mod image;
pub mod presets;
pub mod site;

pub use contrast::{contrast_failures, ContrastFailure, Pair, PAIRS};
pub use image::{ImageSlot, ThemeImage};

pub use file::{export_theme, import_theme, ThemeFile, THEME_FORMAT, THEME_FORMAT_VERSION};

#[cfg(test)]
mod site_tests;
#[cfg(test)]
mod tests;
