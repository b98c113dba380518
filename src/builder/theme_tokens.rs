//! The token form of the theme studio: colours of the variant shown, typography, shape, density,
//! logo and favicon. Every committed change is one undoable edit; a bad value is explained and
//! not committed.

use trellis_api::colour::Rgb;
use trellis_api::theme::{Density, FontStack, ImageSlot, Palette, ThemeTokens, Variant};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`ColourField`].
#[derive(Properties, PartialEq)]
pub struct ColourFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub disabled: bool,
    pub on_commit: Callback<String>,
}

/// A colour: a picker and its `#rrggbb` text, committed on change.
#[component]
pub fn ColourField(props: &ColourFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value.clone(), move |v| {
            text.set(v.to_string());
            error.set(None);
        });
    }
    let commit = {
        let (on_commit, error) = (props.on_commit.clone(), error.clone());
        move |value: String| match Rgb::parse(&value) {
            Ok(rgb) => {
                error.set(None);
                on_commit.emit(rgb.to_string());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <div class="t-colour">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="color" aria-label={format!("{} picker", props.label)} value={props.value.clone()} disabled={props.disabled}
                onchange={{ let commit = commit.clone(); move |e: Event| commit(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
            <input id={props.id.clone()} class="t-hex" value={(*text).clone()} disabled={props.disabled} spellcheck="false"
                aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then(|| error_id.clone())}
                oninput={{ let text = text.clone(); move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlInputElement>().value()) }}
                onchange={move |e: Event| commit(e.target_unchecked_into::<HtmlInputElement>().value())} />
            if let Some(e) = &*error { <span class="error small" id={error_id}>{ format!("Colour {e}") }</span> }
        </div>
    }
}

/// Properties of [`TokenEditor`].
#[derive(Properties, PartialEq)]
pub struct TokenEditorProps {
    pub theme: ThemeTokens,
    /// False for presets: shown, not editable.
    pub editable: bool,
    pub variant: Variant,
    pub on_change: Callback<ThemeTokens>,
}

fn palette_mut(theme: &mut ThemeTokens, variant: Variant) -> &mut Palette {
    match variant {
        Variant::Light => &mut theme.light,
        Variant::Dark => &mut theme.dark,
    }
}

/// Scale ratios offered, as (thousandths, name).
const SCALES: [(u16, &str); 5] = [
    (1067, "Minor second (1.067)"),
    (1125, "Major second (1.125)"),
    (1200, "Minor third (1.2)"),
    (1250, "Major third (1.25)"),
    (1333, "Perfect fourth (1.333)"),
];

/// The theme's tokens as a form.
#[component]
pub fn TokenEditor(props: &TokenEditorProps) -> Html {
    let image_error = use_state(|| None::<String>);
    let theme = &props.theme;
    let change = |f: fn(&mut ThemeTokens, String)| {
        let (theme, on_change) = (theme.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = theme.clone();
            f(&mut next, value);
            on_change.emit(next);
        })
    };
    let select = |f: fn(&mut ThemeTokens, String)| {
        let c = change(f);
        Callback::from(move |e: Event| {
            c.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let number = |f: fn(&mut ThemeTokens, String)| {
        let c = change(f);
        Callback::from(move |e: Event| {
            c.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let palette = match props.variant {
        Variant::Light => &theme.light,
        Variant::Dark => &theme.dark,
    };
    let variant_name = match props.variant {
        Variant::Light => "light",
        Variant::Dark => "dark",
    };
    let colours = Palette::FIELDS.iter().map(|(token, label)| {
        let (theme, on_change, variant, token) =
            (theme.clone(), props.on_change.clone(), props.variant, *token);
        let on_commit = Callback::from(move |value: String| {
            let mut next = theme.clone();
            if let Some(slot) = palette_mut(&mut next, variant).get_mut(token) {
                *slot = value;
            }
            on_change.emit(next);
        });
        html! {
            <ColourField id={format!("t-{variant_name}-{token}")} label={*label}
                value={palette.get(token).unwrap_or_default().to_string()} disabled={!props.editable} {on_commit} />
        }
    });
    let images = [ImageSlot::Logo, ImageSlot::Favicon].map(|slot| {
        let current = match slot {
            ImageSlot::Logo => theme.logo.clone(),
            ImageSlot::Favicon => theme.favicon.clone(),
        };
        let set = {
            let (theme, on_change) = (theme.clone(), props.on_change.clone());
            move |image| {
                let mut next = theme.clone();
                match slot {
                    ImageSlot::Logo => next.logo = image,
                    ImageSlot::Favicon => next.favicon = image,
                }
                on_change.emit(next);
            }
        };
        let on_pick = {
            let (set, image_error) = (set.clone(), image_error.clone());
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    return;
                };
                input.set_value("");
                let (set, image_error) = (set.clone(), image_error.clone());
                let name = if slot == ImageSlot::Logo { "The logo" } else { "The favicon" };
                // Refuse big files before reading them; the bytes are checked again below.
                if file.size() > slot.max_bytes() as f64 {
                    image_error.set(Some(format!("{name} must be at most {} KB", slot.max_bytes() / 1024)));
                    return;
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                        image_error.set(Some(format!("{name} could not be read from your device")));
                        return;
                    };
                    match slot.accept_bytes(&js_sys::Uint8Array::new(&buffer).to_vec()) {
                        Ok(image) => {
                            image_error.set(None);
                            set(Some(image));
                        }
                        Err(problem) => image_error.set(Some(format!("{name} {problem}"))),
                    }
                });
            })
        };
        let field = slot.field();
        let kinds: Vec<&str> = slot.types().iter().map(|(_, k)| *k).collect();
        html! {
            <div class="field t-image">
                <label for={format!("t-{field}")}>{ if slot == ImageSlot::Logo { "Logo" } else { "Favicon" } }</label>
                if let Some(image) = &current { <img src={image.data_url()} alt="" class="t-image-preview" /> }
                <input id={format!("t-{field}")} type="file" accept={slot.accept()} disabled={!props.editable} onchange={on_pick} />
                <span class="muted small">{ format!("{}, at most {} KB", kinds.join(" or "), slot.max_bytes() / 1024) }</span>
                if current.is_some() && props.editable {
                    <button type="button" class="button secondary small" onclick={let set = set.clone(); move |_| set(None)}>{ "Remove" }</button>
                }
            </div>
        }
    });
    html! {
        <fieldset class="t-tokens stack" disabled={!props.editable}>
            <legend class="visually-hidden">{ "Tokens" }</legend>
            <h3>{ format!("Colours ({variant_name})") }</h3>
            <div class="t-colours">{ for colours }</div>
            <h3>{ "Typography" }</h3>
            <div class="t-grid">
                <div class="field">
                    <label for="t-font">{ "Font" }</label>
                    <select id="t-font" onchange={select(|t, v| if let Some(f) = FontStack::ALL.into_iter().find(|f| f.label() == v) { t.font = f })}>
                        { for FontStack::ALL.into_iter().map(|f| html! { <option value={f.label()} selected={theme.font == f}>{ f.label() }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="t-base">{ "Base size (px)" }</label>
                    <input id="t-base" type="number" min="12" max="20" value={theme.base_px.to_string()}
                        onchange={number(|t, v| if let Ok(n) = v.parse::<u8>() { t.base_px = n.clamp(12, 20) })} />
                </div>
                <div class="field">
                    <label for="t-scale">{ "Heading scale" }</label>
                    <select id="t-scale" onchange={select(|t, v| if let Ok(n) = v.parse() { t.scale_permille = n })}>
                        { for SCALES.iter().map(|(n, name)| html! { <option value={n.to_string()} selected={theme.scale_permille == *n}>{ *name }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="t-weight">{ "Heading weight" }</label>
                    <select id="t-weight" onchange={select(|t, v| if let Ok(n) = v.parse() { t.heading_weight = n })}>
                        { for (5..=9).map(|w| w * 100).map(|w: u16| html! { <option value={w.to_string()} selected={theme.heading_weight == w}>{ w }</option> }) }
                    </select>
                </div>
            </div>
            <h3>{ "Shape and density" }</h3>
            <div class="t-grid">
                <div class="field">
                    <label for="t-radius">{ format!("Corner radius: {} px", theme.radius_px) }</label>
                    <input id="t-radius" type="range" min="0" max="24" value={theme.radius_px.to_string()}
                        onchange={number(|t, v| if let Ok(n) = v.parse::<u8>() { t.radius_px = n.min(24) })} />
                </div>
                <div class="field">
                    <label for="t-density">{ "Density" }</label>
                    <select id="t-density" onchange={select(|t, v| t.density = match v.as_str() {
                        "compact" => Density::Compact, "spacious" => Density::Spacious, _ => Density::Comfortable })}>
                        { for [(Density::Compact, "compact", "Compact"), (Density::Comfortable, "comfortable", "Comfortable"), (Density::Spacious, "spacious", "Spacious")]
                            .into_iter().map(|(d, v, l)| html! { <option value={v} selected={theme.density == d}>{ l }</option> }) }
                    </select>
                </div>
            </div>
            <h3>{ "Logo and favicon" }</h3>
            <div class="t-grid">{ for images }</div>
            if let Some(e) = &*image_error { <p class="alert error" role="alert">{ e.clone() }</p> }
        </fieldset>
    }
}
