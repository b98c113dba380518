//! Theme tokens in the page: CSS custom properties on `<html>` for the app, or on a preview's box.
//! Stylesheets (and stylist's component styles) only read the properties, so switching themes
//! changes a few dozen properties and never rebuilds a style.

use trellis_api::theme::presets::default_theme;
use trellis_api::theme::{css_variables, ThemeTokens, Variant};
use yew::prelude::*;

use crate::session::use_session;

/// The properties of a theme variant as an inline `style` value (`--color-brand:#0f6e5a;…`).
pub fn inline_style(theme: &ThemeTokens, variant: Variant) -> String {
    css_variables(theme, variant)
        .into_iter()
        .map(|(name, value)| format!("{name}:{value};"))
        .collect()
}

/// The theme's logo as an image address (the Trellis mark when it has none).
pub fn logo_src(theme: &ThemeTokens) -> String {
    theme
        .logo
        .as_ref()
        .map_or_else(|| "/public/logo.svg".to_string(), |l| l.data_url())
}

/// The style of a preview frame: its width and the theme's properties.
pub fn frame_style(theme: &ThemeTokens, width: u32, variant: Variant) -> String {
    format!(
        "width:min(100%, {width}px);{}",
        inline_style(theme, variant)
    )
}

/// The variant the reader's system asks for.
pub fn preferred_variant() -> Variant {
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Variant::Dark
    } else {
        Variant::Light
    }
}

/// Sets the theme's properties on `<html>`, its favicon on the tab, and the colour scheme.
fn apply_to_document(theme: &ThemeTokens, variant: Variant) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document
        .document_element()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let style = root.style();
        for (name, value) in css_variables(theme, variant) {
            let _ = style.set_property(name, &value);
        }
        let scheme = match variant {
            Variant::Light => "light",
            Variant::Dark => "dark",
        };
        let _ = style.set_property("color-scheme", scheme);
    }
    if let Ok(Some(icon)) = document.query_selector("link[rel=icon]") {
        match &theme.favicon {
            Some(image) => {
                let _ = icon.set_attribute("href", &image.data_url());
                let _ = icon.set_attribute("type", &image.media_type);
            }
            None => {
                let _ = icon.set_attribute("href", "/public/favicon.svg");
                let _ = icon.set_attribute("type", "image/svg+xml");
            }
        }
    }
}

/// The theme the logged-in viewer gets (their tier's, else the community's), else the default.
#[hook]
pub fn use_theme() -> ThemeTokens {
    let session = use_session();
    session
        .site
        .as_ref()
        .map_or_else(default_theme, |p| p.site.theme_for(None))
}

/// Applies the viewer's theme to the page and follows the system's light/dark setting.
#[component]
pub fn ThemeRoot() -> Html {
    let theme = use_theme();
    let variant = use_state(preferred_variant);
    {
        let variant = variant.clone();
        use_effect_with((), move |_| {
            let query = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
            let listener = query.map(|q| {
                gloo_events::EventListener::new(&q, "change", move |_| {
                    variant.set(preferred_variant())
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with((theme, *variant), |(theme, variant)| {
        apply_to_document(theme, *variant)
    });
    html! {}
}
