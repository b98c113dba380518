//! Previews of a site as partners get it, rendered by the same components: at desktop, tablet
//! and phone widths, and "view as" a persona (tier and role) with the audience rules applied.

use std::rc::Rc;

use trellis_api::theme::Variant;
use trellis_api::{Role, Site, TabTarget, Tier, WorkspaceView};
use trellis_client::DemoBackend;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub use super::device::Device;
use super::persona::{stand_in, PersonaProvider};
use super::tabs_editor::VIEWS;
use crate::components::page_view::PageView;
use crate::routes::{use_route_page, Route};
use crate::theme::{frame_style, logo_src};

/// Properties of [`SitePreview`].
#[derive(Properties, PartialEq)]
pub struct SitePreviewProps {
    /// The site as the viewer gets it (already filtered by audience).
    pub site: Rc<Site>,
    pub device: Device,
    /// A label for the frame ("Draft as Gold, Partner user").
    pub label: AttrValue,
    /// Which variant of the site's theme to show.
    #[prop_or(Variant::Light)]
    pub variant: Variant,
    /// Render workspace tabs with the real pages (inside a persona's sample data).
    #[prop_or_default]
    pub live: bool,
}

/// Properties of [`Workspace`].
#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    view: WorkspaceView,
}

/// The page a workspace tab opens, as partners get it.
#[component]
fn Workspace(props: &WorkspaceProps) -> Html {
    use_route_page(Route::for_tab(&TabTarget::View { view: props.view }, None))
}

/// A site's navigation and one of its pages inside a frame of the device's width.
#[component]
pub fn SitePreview(props: &SitePreviewProps) -> Html {
    let tab = use_state(|| 0usize);
    let tabs = &props.site.tabs;
    let current = tabs.get(*tab).or(tabs.first());
    let content = match current.map(|t| &t.target) {
        Some(TabTarget::Page { page_id }) => match props.site.page(page_id) {
            Some(page) => html! { <PageView page={page.clone()} /> },
            None => html! { <p class="muted">{ "This tab's page is missing." }</p> },
        },
        Some(TabTarget::View { view }) if props.live => html! { <Workspace view={*view} /> },
        Some(TabTarget::View { view }) => {
            let name = VIEWS.iter().find(|(v, _)| v == view).map_or("", |(_, n)| n);
            html! { <div class="card"><p class="muted">{ format!("Opens the {name} workspace, with this partner's own records.") }</p></div> }
        }
        None => html! { <p class="muted">{ "No tab is visible to this persona." }</p> },
    };
    let (name, width) = props.device.spec();
    // The site's own theme on the frame: the preview never touches the page's properties.
    let theme = props.site.theme_for(None);
    let style = frame_style(&theme, width, props.variant);
    let logo = logo_src(&theme);
    html! {
        <figure class="b-frame-wrap">
            <figcaption class="muted small">{ format!("{} · {name}, {width} px", props.label) }</figcaption>
            <div class="b-frame themed" {style} data-device={name.to_lowercase()} data-theme={theme.id.clone()}>
                <nav class="b-frame-tabs" aria-label="Preview tabs">
                    <span class="b-frame-brand"><img src={logo} alt="" />{ props.site.name.clone() }</span>
                    { for tabs.iter().enumerate().map(|(i, t)| {
                        let tab = tab.clone();
                        let active = current.is_some_and(|c| c.id == t.id);
                        html! { <button type="button" aria-current={active.then_some("page")} onclick={move |_| tab.set(i)}>{ t.label.clone() }</button> }
                    }) }
                </nav>
                <div class="b-frame-body" inert=true>{ content }</div>
            </div>
        </figure>
    }
}

/// Properties of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub site: Rc<Site>,
    pub tiers: Rc<Vec<Tier>>,
}

/// The preview view: device width and persona.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let device = use_state(|| Device::Desktop);
    let tier = use_state(String::new);
    let role = use_state(|| None::<Role>);
    // A chosen demo user; otherwise a stand-in for the tier and role supplies the sample data.
    let user = use_state(|| None::<String>);
    let personas = use_memo((), |_| DemoBackend::personas());
    let viewer_site = Rc::new(match *role {
        Some(r) => props
            .site
            .for_viewer((!tier.is_empty()).then_some(tier.as_str()), r),
        // Staff see everything that is not hidden.
        None => props.site.for_viewer(None, Role::Admin),
    });
    let persona = match *role {
        Some(r) => {
            let tier_name = props
                .tiers
                .iter()
                .find(|t| t.id == *tier)
                .map_or("no tier".into(), |t| t.name.clone());
            format!("Draft as {tier_name}, {}", r.label())
        }
        None => "Draft as staff (everything not hidden)".into(),
    };
    html! {
        <div class="card stack">
            <h2>{ "Preview" }</h2>
            <div class="b-pages-row">
                <div role="group" aria-label="Width" class="b-segmented">
                    { for Device::ALL.into_iter().map(|d| {
                        let device = device.clone();
                        html! { <button type="button" aria-pressed={(*device == d).to_string()} onclick={move |_| device.set(d)}>{ d.spec().0 }</button> }
                    }) }
                </div>
                <label for="b-as-role">{ "View as" }</label>
                <select id="b-as-role" onchange={{ let (role, user) = (role.clone(), user.clone()); move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    role.set(Role::ALL.into_iter().find(|r| trellis_api::wire_name(r) == v));
                    user.set(None);
                } }}>
                    <option value="" selected={role.is_none()}>{ "Staff" }</option>
                    { for Role::ALL.into_iter().filter(|r| !r.is_internal()).map(|r| html! {
                        <option value={trellis_api::wire_name(&r)} selected={*role == Some(r)}>{ r.label() }</option>
                    }) }
                </select>
                <label for="b-as-tier">{ "Tier" }</label>
                <select id="b-as-tier" disabled={role.is_none()} onchange={{ let (tier, user) = (tier.clone(), user.clone()); move |e: Event| {
                    tier.set(e.target_unchecked_into::<HtmlSelectElement>().value());
                    user.set(None);
                } }}>
                    <option value="" selected={tier.is_empty()}>{ "No tier" }</option>
                    { for props.tiers.iter().map(|t| html! { <option value={t.id.clone()} selected={*tier == t.id}>{ t.name.clone() }</option> }) }
                </select>
                <label for="b-as-user">{ "Or a demo user" }</label>
                <select id="b-as-user" onchange={{ let (user, role, tier, personas) = (user.clone(), role.clone(), tier.clone(), personas.clone()); move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    match personas.iter().find(|(u, _)| u.id == v) {
                        Some((u, t)) => {
                            role.set(Some(u.role));
                            tier.set(t.clone().unwrap_or_default());
                            user.set(Some(u.id.clone()));
                        }
                        None => user.set(None),
                    }
                } }}>
                    <option value="" selected={user.is_none()}>{ "Any (a stand-in)" }</option>
                    { for personas.iter().map(|(u, _)| html! { <option value={u.id.clone()} selected={user.as_deref() == Some(u.id.as_str())}>{ format!("{} · {}", u.name, u.role.label()) }</option> }) }
                </select>
            </div>
            <p class="badge submitted" role="note">{ "Preview of the draft: partners see it after you publish" }</p>
            { match *role {
                Some(r) => {
                    let stand_in = match &*user {
                        Some(id) => personas.iter().find(|(u, _)| &u.id == id).map(|(u, _)| u.clone()),
                        None => stand_in((!tier.is_empty()).then_some(tier.as_str()), r),
                    };
                    match stand_in {
                        Some(u) => html! {
                            <PersonaProvider site={viewer_site.clone()} user_id={u.id.clone()}>
                                <SitePreview site={viewer_site} device={*device} live=true
                                    label={format!("{persona} · sample data of {}", u.name)} />
                            </PersonaProvider>
                        },
                        None => html! { <SitePreview site={viewer_site} device={*device} label={persona} /> },
                    }
                }
                None => html! { <SitePreview site={viewer_site} device={*device} label={persona} /> },
            } }
        </div>
    }
}
