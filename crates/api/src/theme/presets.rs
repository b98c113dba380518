//! The built-in themes. Every one passes WCAG 2.2 AA in both variants (a test checks).
use super::{Density, FontStack, Palette, ThemeTokens};

#[allow(clippy::too_many_arguments)]
fn palette(
    brand: &str,
    on_brand: &str,
    accent: &str,
    background: &str,
    surface: &str,
    text: &str,
    muted_text: &str,
    control_border: &str,
    success: &str,
    warning: &str,
    danger: &str,
) -> Palette {
    Palette {
        brand: brand.into(),
        on_brand: on_brand.into(),
        accent: accent.into(),
        background: background.into(),
        surface: surface.into(),
        text: text.into(),
        muted_text: muted_text.into(),
        control_border: control_border.into(),
        success: success.into(),
        warning: warning.into(),
        danger: danger.into(),
    }
}

fn theme(
    id: &str,
    name: &str,
    light: Palette,
    dark: Palette,
    font: FontStack,
    radius_px: u8,
) -> ThemeTokens {
    ThemeTokens {
        id: id.into(),
        name: name.into(),
        light,
        dark,
        font,
        base_px: 15,
        scale_permille: 1200,
        heading_weight: 700,
        radius_px,
        density: Density::Comfortable,
        logo: None,
        favicon: None,
    }
}

/// The neutral default ("Trellis"): what a site gets when it names no theme that exists.
pub fn default_theme() -> ThemeTokens {
    let dark_status = DARK_STATUS;
    theme(
        "theme_default",
        "Trellis",
        palette(
            "#0f6e5a", "#ffffff", "#c2410c", "#f5f7f6", "#ffffff", "#17211e", "#55625e", "#7d8b87",
            "#067647", "#b54708", "#b42318",
        ),
        palette(
            "#4fd1b0",
            "#0b1f1a",
            "#fb923c",
            "#0f1715",
            "#17221f",
            "#e6efec",
            "#a3b3ae",
            "#6b7d78",
            dark_status.0,
            dark_status.1,
            dark_status.2,
        ),
        FontStack::System,
        8,
    )
}

const DARK_STATUS: (&str, &str, &str) = ("#4ade80", "#fbbf24", "#f87171");

/// Every preset, the neutral default first.
pub fn presets() -> Vec<ThemeTokens> {
    let dark_status = DARK_STATUS;
    vec![
        default_theme(),
        theme(
            "theme_high_contrast",
            "High contrast",
            palette(
                "#003a8c", "#ffffff", "#6a00c8", "#ffffff", "#ffffff", "#000000", "#333333",
                "#000000", "#005a1e", "#7a4d00", "#a30000",
            ),
            palette(
                "#ffd400", "#000000", "#00e5ff", "#000000", "#000000", "#ffffff", "#e0e0e0",
                "#ffffff", "#5cff8a", "#ffd400", "#ff8080",
            ),
            FontStack::System,
            4,
        ),
        theme(
            "theme_ocean",
            "Ocean",
            palette(
                "#0b5cad", "#ffffff", "#0e7490", "#f4f8fc", "#ffffff", "#0f1b2d", "#4a5a70",
                "#7888a0", "#067647", "#b54708", "#b42318",
            ),
            palette(
                "#7cb7ff",
                "#06192f",
                "#38bdf8",
                "#0b1422",
                "#111d30",
                "#e5eefb",
                "#9fb1c9",
                "#5d7190",
                dark_status.0,
                dark_status.1,
                dark_status.2,
            ),
            FontStack::Humanist,
            10,
        ),
        theme(
            "theme_sunset",
            "Sunset",
            palette(
                "#b4421f", "#ffffff", "#9d174d", "#fdf8f4", "#ffffff", "#2a1a14", "#6b5149",
                "#9a7f76", "#067647", "#b54708", "#b42318",
            ),
            palette(
                "#ff9e7a",
                "#2a0f05",
                "#f472b6",
                "#1a1210",
                "#241916",
                "#f8ece6",
                "#c9b2a9",
                "#7f6860",
                dark_status.0,
                dark_status.1,
                dark_status.2,
            ),
            FontStack::Rounded,
            14,
        ),
        theme(
            "theme_graphite",
            "Graphite",
            palette(
                "#374151", "#ffffff", "#6d28d9", "#f6f7f8", "#ffffff", "#111827", "#4b5563",
                "#7b8494", "#067647", "#b54708", "#b42318",
            ),
            palette(
                "#cbd5e1",
                "#111827",
                "#a78bfa",
                "#0d1117",
                "#161b22",
                "#e6edf3",
                "#9aa5b1",
                "#6b7684",
                dark_status.0,
                dark_status.1,
                dark_status.2,
            ),
            FontStack::Geometric,
            2,
        ),
    ]
}
