//! The contrast check of a theme: every pair below WCAG 2.2 AA with its ratio, and a one-click
//! fix to the nearest passing colour.

use trellis_api::theme::{contrast_failures, ThemeTokens, Variant, PAIRS};
use yew::prelude::*;

/// Properties of [`ContrastCheck`].
#[derive(Properties, PartialEq)]
pub struct ContrastCheckProps {
    pub theme: ThemeTokens,
    /// Whether fixes can be applied (not for presets).
    pub editable: bool,
    /// Whether partners get this theme (then failures block publishing).
    pub in_use: bool,
    pub on_change: Callback<ThemeTokens>,
}

/// The list of contrast failures, or a note that every pair passes.
#[component]
pub fn ContrastCheck(props: &ContrastCheckProps) -> Html {
    let failures = contrast_failures(&props.theme);
    let checks = PAIRS.len() * 2;
    let contrast = if failures.is_empty() {
        html! { <p class="alert success" role="status">{ format!("All {checks} colour pairs pass WCAG 2.2 AA in both variants.") }</p> }
    } else {
        html! {
            <>
                if props.in_use {
                    <p class="alert error" role="alert">{ format!("Publishing is blocked: {} of {checks} colour pairs fail WCAG 2.2 AA. Drafts still save.", failures.len()) }</p>
                } else {
                    <p class="alert warning">{ format!("{} of {checks} colour pairs fail WCAG 2.2 AA. This theme cannot be published until they pass.", failures.len()) }</p>
                }
                <ul class="t-failures">
                    { for failures.iter().map(|f| {
                        let variant = if f.variant == Variant::Light { "Light" } else { "Dark" };
                        let fix = f.suggestion.clone().filter(|_| props.editable).map(|colour| {
                            let (on_change, theme, token, v) = (props.on_change.clone(), props.theme.clone(), f.token.clone(), f.variant);
                            let label = format!("Use {colour}");
                            html! { <button type="button" class="button secondary small" onclick={move |_| {
                                let mut next = theme.clone();
                                let palette = if v == Variant::Light { &mut next.light } else { &mut next.dark };
                                if let Some(slot) = palette.get_mut(&token) { *slot = colour.clone(); }
                                on_change.emit(next);
                            }}>{ label }</button> }
                        });
                        html! {
                            <li>
                                <span class="t-pair" aria-hidden="true" style={format!("color:{};background:{}", f.foreground, f.background)}>{ "Aa" }</span>
                                <span>
                                    <strong>{ format!("{variant} · {}", f.pair) }</strong>
                                    { format!(": {} on {} is {:.2}:1, needs {}:1.", f.foreground, f.background, f.ratio, f.minimum) }
                                    if let Some(s) = &f.suggestion { { format!(" Nearest passing colour: {s}.") } }
                                </span>
                                { fix.unwrap_or_default() }
                            </li>
                        }
                    }) }
                </ul>
            </>
        }
    };

    html! { <section aria-label="Contrast check" class="stack">{ contrast }</section> }
}
