//! The theme studio: pick, duplicate, rename, delete, import and export themes; edit tokens with
//! a live preview of real pages on sample data at device widths (side by side with the published
//! version if asked); the contrast check with suggested fixes; and who gets which theme.

use std::rc::Rc;

use trellis_api::theme::presets::presets;
use trellis_api::theme::{contrast_failures, export_theme, import_theme, ThemeTokens, Variant};
use trellis_api::upload::encode;
use trellis_api::{Site, StoredFile, Tier};
use trellis_client::DemoBackend;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::contrast::ContrastCheck;
use super::edit::Edit;
use super::persona::{PersonaFrame, SamplePage};
use super::preview::Device;
use super::theme_edit::ThemeEdit;
use super::theme_tokens::TokenEditor;
use crate::components::files::save_file;
use crate::components::load::{use_load, Load};

/// Properties of [`ThemeStudio`].
#[derive(Properties, PartialEq)]
pub struct ThemeStudioProps {
    pub site: Rc<Site>,
    pub tiers: Rc<Vec<Tier>>,
    /// The editor's selection: a theme id after an edit that made or changed one.
    pub selected: Option<String>,
    pub on_edit: Callback<Edit>,
    /// Changes after every publish, to load the published version again.
    pub refresh: u32,
}

/// The site shown with `theme` as everyone's theme, as `persona` gets it.
fn site_with(
    site: &Site,
    theme: &ThemeTokens,
    persona: &(trellis_api::User, Option<String>),
) -> Rc<Site> {
    let mut s = site.clone();
    s.themes.retain(|t| t.id != theme.id);
    s.themes.push(theme.clone());
    s.theme_id = theme.id.clone();
    s.tier_themes.clear();
    Rc::new(s.for_viewer(persona.1.as_deref(), persona.0.role))
}

/// The theme studio view.
#[component]
pub fn ThemeStudio(props: &ThemeStudioProps) -> Html {
    let site = &props.site;
    let chosen = use_state(|| site.theme_id.clone());
    {
        let (chosen, site) = (chosen.clone(), site.clone());
        use_effect_with(props.selected.clone(), move |selected| {
            if let Some(id) = selected.as_ref().filter(|id| site.theme(id).is_some()) {
                chosen.set(id.clone());
            }
        });
    }
    let variant = use_state(|| Variant::Light);
    let device = use_state(|| Device::Desktop);
    let page = use_state(|| SamplePage::Home);
    let compare = use_state(|| false);
    let personas = use_memo((), |_| DemoBackend::personas());
    let persona = use_state(|| 0usize);
    let new_name = use_state(String::new);
    let message = use_state(|| None::<String>);
    let (published, _) = use_load(props.refresh, |b, _| async move {
        let latest = b.site_versions().await?.into_iter().next();
        match latest {
            Some(v) => b.site_version(v.version).await.map(|p| Some(p.site)),
            None => Ok(None),
        }
    });

    let theme = site.theme(&chosen).unwrap_or_else(|| site.theme_for(None));
    let own = site.themes.iter().any(|t| t.id == theme.id);
    let in_use = site.themes_in_use().contains(&theme.id.as_str());
    let edit = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: ThemeEdit| on_edit.emit(Edit::Theme(e)))
    };
    let on_change = edit.reform(|t: ThemeTokens| ThemeEdit::Set { theme: Box::new(t) });

    let mut all = presets();
    all.extend(site.themes.iter().cloned());
    let users_of = |id: &str| -> Vec<String> {
        let mut who = Vec::new();
        if site.theme_id == id {
            who.push("Community".to_string());
        }
        for t in site.tier_themes.iter().filter(|t| t.theme_id == id) {
            who.push(
                props
                    .tiers
                    .iter()
                    .find(|x| x.id == t.tier_id)
                    .map_or(t.tier_id.clone(), |x| x.name.clone()),
            );
        }
        who
    };
    let list = all.iter().map(|t| {
        let chosen_now = t.id == theme.id;
        let pick = { let (chosen, id) = (chosen.clone(), t.id.clone()); move |_| chosen.set(id.clone()) };
        let preset = !site.themes.iter().any(|x| x.id == t.id);
        let failing = !contrast_failures(t).is_empty();
        html! {
            <li>
                <button type="button" class="t-pick" aria-pressed={chosen_now.to_string()} onclick={pick} data-theme={t.id.clone()}>
                    <span class="t-swatches" aria-hidden="true">
                        { for [&t.light.brand, &t.light.accent, &t.light.background, &t.light.text].into_iter().map(|c| html! { <span style={format!("background:{c}")}></span> }) }
                    </span>
                    <span class="t-name">{ t.name.clone() }</span>
                    if preset { <span class="badge">{ "Preset" }</span> }
                    if failing { <span class="badge waiting_on_partner">{ "Fails contrast" }</span> }
                    { for users_of(&t.id).into_iter().map(|u| html! { <span class="badge approved">{ u }</span> }) }
                </button>
            </li>
        }
    });

    let duplicate = {
        let (edit, new_name, from, default) = (
            edit.clone(),
            new_name.clone(),
            theme.id.clone(),
            format!("{} copy", theme.name),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_name.trim().to_string();
            edit.emit(ThemeEdit::Duplicate {
                from: from.clone(),
                name: if name.is_empty() {
                    default.clone()
                } else {
                    name
                },
            });
            new_name.set(String::new());
        })
    };
    let rename = {
        let (edit, id, message) = (edit.clone(), theme.id.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let name = input.value().trim().to_string();
            if name.is_empty() || name.chars().count() > 80 {
                message.set(Some("A theme's name must be 1 to 80 characters.".into()));
            } else {
                message.set(None);
                edit.emit(ThemeEdit::Rename {
                    id: id.clone(),
                    name,
                });
            }
        })
    };
    let export = {
        let (theme, message) = (theme.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let file = StoredFile {
                file_name: format!("{}.theme.json", theme.id),
                content_type: "application/json".into(),
                data: encode(export_theme(&theme).as_bytes()),
            };
            message.set(save_file(&file).err());
        })
    };
    let import = {
        let (edit, message) = (edit.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (edit, message) = (edit.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match import_theme(&text) {
                    Ok(theme) => {
                        message.set(Some(format!("Imported the theme {}.", theme.name)));
                        edit.emit(ThemeEdit::Import {
                            theme: Box::new(theme),
                        });
                    }
                    Err(e) => {
                        let details: Vec<String> = e
                            .field_errors
                            .iter()
                            .map(|f| format!("{}: {}", f.field, f.message))
                            .collect();
                        message.set(Some(format!(
                            "Nothing was imported: {} {}",
                            e.message,
                            details.join("; ")
                        )));
                    }
                }
            });
        })
    };

    let assign = {
        let tier_rows = props.tiers.iter().map(|tier| {
            let current = site.tier_themes.iter().find(|t| t.tier_id == tier.id).map(|t| t.theme_id.clone());
            let (edit, tier_id) = (edit.clone(), tier.id.clone());
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                edit.emit(ThemeEdit::AssignTier { tier_id: tier_id.clone(), theme_id: (!v.is_empty()).then_some(v) });
            });
            let id = format!("t-tier-{}", tier.id);
            html! {
                <div class="field">
                    <label for={id.clone()}>{ format!("{} partners", tier.name) }</label>
                    <select {id} {onchange}>
                        <option value="" selected={current.is_none()}>{ "The community's theme" }</option>
                        { for all.iter().map(|t| html! { <option value={t.id.clone()} selected={current.as_deref() == Some(t.id.as_str())}>{ t.name.clone() }</option> }) }
                    </select>
                </div>
            }
        });
        let community = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                edit.emit(ThemeEdit::UseForCommunity {
                    id: e.target_unchecked_into::<HtmlSelectElement>().value(),
                })
            })
        };
        html! {
            <div class="card stack">
                <h2>{ "Who gets which theme" }</h2>
                <div class="t-grid">
                    <div class="field">
                        <label for="t-community">{ "Whole community" }</label>
                        <select id="t-community" onchange={community}>
                            { for all.iter().map(|t| html! { <option value={t.id.clone()} selected={site.theme_id == t.id}>{ t.name.clone() }</option> }) }
                        </select>
                    </div>
                    { for tier_rows }
                </div>
            </div>
        }
    };

    let who = personas
        .get(*persona)
        .cloned()
        .or_else(|| personas.first().cloned());
    let preview = match &who {
        None => html! {},
        Some(who) => {
            let draft_site = site_with(site, &theme, who);
            let label = format!(
                "Draft: {} · as {} ({})",
                theme.name,
                who.0.name,
                who.0.role.label()
            );
            let before = match &*published {
                Load::Ready(Some(p)) => match p.theme(&theme.id) {
                    Some(old) => {
                        html! { <PersonaFrame site={site_with(site, &old, who)} user_id={who.0.id.clone()} page={*page} device={*device} variant={*variant}
                        label={format!("Published: {}", old.name)} /> }
                    }
                    None => {
                        html! { <p class="muted">{ "This theme is not in the published version yet: nothing to compare." }</p> }
                    }
                },
                Load::Ready(None) => html! { <p class="muted">{ "Nothing is published yet." }</p> },
                Load::Loading => {
                    html! { <p class="muted">{ "Loading the published version…" }</p> }
                }
                Load::Failed(e) => {
                    html! { <p class="alert error">{ format!("The published version could not be loaded: {e}") }</p> }
                }
            };
            html! {
                <div class={classes!("t-previews", compare.then_some("compare"))}>
                    if *compare { <div>{ before }</div> }
                    <div><PersonaFrame site={draft_site} user_id={who.0.id.clone()} page={*page} device={*device} variant={*variant} {label} /></div>
                </div>
            }
        }
    };
    let segmented = |items: Vec<(String, bool, Callback<MouseEvent>)>, label: &'static str| {
        html! {
            <div role="group" aria-label={label} class="b-segmented">
                { for items.into_iter().map(|(name, on, onclick)| html! { <button type="button" aria-pressed={on.to_string()} {onclick}>{ name }</button> }) }
            </div>
        }
    };
    let devices = Device::ALL
        .into_iter()
        .map(|d| {
            let device = device.clone();
            (
                d.spec().0.to_string(),
                *device == d,
                Callback::from(move |_| device.set(d)),
            )
        })
        .collect();
    let variants = [(Variant::Light, "Light"), (Variant::Dark, "Dark")]
        .into_iter()
        .map(|(v, name)| {
            let variant = variant.clone();
            (
                name.to_string(),
                *variant == v,
                Callback::from(move |_| variant.set(v)),
            )
        })
        .collect();

    html! {
        <div class="t-studio">
            <div class="t-side stack">
                <div class="card stack">
                    <h2>{ "Themes" }</h2>
                    <ul class="t-list">{ for list }</ul>
                    <form class="t-row" onsubmit={duplicate} aria-label="Duplicate the theme">
                        <label for="t-new-name" class="visually-hidden">{ "Name of the copy" }</label>
                        <input id="t-new-name" placeholder={format!("{} copy", theme.name)} value={(*new_name).clone()} maxlength="80"
                            oninput={{ let n = new_name.clone(); move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                        <button class="button small">{ format!("Duplicate {}", theme.name) }</button>
                    </form>
                    <div class="t-row">
                        <button type="button" class="button secondary small" onclick={export}>{ "Export theme file" }</button>
                        <label class="button secondary small" for="t-import">{ "Import theme file" }</label>
                        <input id="t-import" class="visually-hidden" type="file" accept=".json,application/json" onchange={import} />
                    </div>
                    if let Some(m) = &*message { <p class="muted" role="status">{ m.clone() }</p> }
                </div>
                { assign }
            </div>
            <div class="t-main stack">
                <div class="card stack">
                    <div class="t-row">
                        if own {
                            <label for="t-name" class="visually-hidden">{ "Theme name" }</label>
                            <input id="t-name" class="t-title" value={theme.name.clone()} maxlength="80" onchange={rename} />
                            <button type="button" class="button danger small" disabled={in_use}
                                title={if in_use { "In use: choose another theme for the community and tiers first" } else { "Delete this theme" }}
                                onclick={{ let (edit, id) = (edit.clone(), theme.id.clone()); move |_| edit.emit(ThemeEdit::Delete { id: id.clone() }) }}>{ "Delete theme" }</button>
                        } else {
                            <h2>{ theme.name.clone() }</h2>
                            <span class="muted">{ "Presets are read-only: duplicate one to make it yours." }</span>
                        }
                        { segmented(variants, "Variant") }
                    </div>
                    <ContrastCheck theme={theme.clone()} editable={own} {in_use} on_change={on_change.clone()} />
                    <TokenEditor theme={theme.clone()} editable={own} variant={*variant} {on_change} />
                </div>
                <div class="card stack">
                    <h2>{ "Live preview" }</h2>
                    <div class="b-pages-row">
                        { segmented(devices, "Width") }
                        <label for="t-page">{ "Page" }</label>
                        <select id="t-page" onchange={{ let page = page.clone(); move |e: Event| {
                            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                            if let Some(p) = SamplePage::ALL.into_iter().find(|p| p.label() == v) { page.set(p) }
                        } }}>
                            { for SamplePage::ALL.into_iter().map(|p| html! { <option value={p.label()} selected={*page == p}>{ p.label() }</option> }) }
                        </select>
                        <label for="t-persona">{ "As" }</label>
                        <select id="t-persona" onchange={{ let persona = persona.clone(); move |e: Event| {
                            if let Ok(i) = e.target_unchecked_into::<HtmlSelectElement>().value().parse() { persona.set(i) }
                        } }}>
                            { for personas.iter().enumerate().map(|(i, (u, _))| html! { <option value={i.to_string()} selected={*persona == i}>{ format!("{} · {}", u.name, u.role.label()) }</option> }) }
                        </select>
                        <label class="t-check"><input type="checkbox" checked={*compare}
                            onchange={{ let compare = compare.clone(); move |_| compare.set(!*compare) }} />{ " Compare with the published version" }</label>
                    </div>
                    <p class="badge submitted" role="note">{ "Preview on sample data: partners see theme changes after you publish" }</p>
                    { preview }
                </div>
            </div>
        </div>
    }
}
