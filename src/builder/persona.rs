//! A site shown as one persona sees it, on sample data: the real pages inside a themed frame,
//! backed by a fresh in-browser demo organisation logged in as a demo user of that persona.
//! Nothing here reaches the real backend, and the frame is inert.

use std::rc::Rc;

use trellis_api::theme::Variant;
use trellis_api::{PublishedSite, Site, TabTarget};
use trellis_client::DemoBackend;
use yew::prelude::*;

use super::device::Device;
use crate::backend::Backend;
use crate::components::page_view::PageView;
use crate::routes::{use_route_page, Route};
use crate::session::{Auth, Session};
use crate::theme::{frame_style, logo_src};

/// Which page of the site to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SamplePage {
    Home,
    Leads,
    DealForm,
}

impl SamplePage {
    /// Every page, in picker order.
    pub const ALL: [SamplePage; 3] = [SamplePage::Home, SamplePage::Leads, SamplePage::DealForm];

    /// Its name in the picker.
    pub fn label(self) -> &'static str {
        match self {
            SamplePage::Home => "Home",
            SamplePage::Leads => "Leads list",
            SamplePage::DealForm => "Deal registration form",
        }
    }
}

/// Properties of [`PersonaProvider`].
#[derive(Properties, PartialEq)]
pub struct PersonaProviderProps {
    /// The site as the persona gets it.
    pub site: Rc<Site>,
    /// The demo user whose sample data the pages show.
    pub user_id: AttrValue,
    pub children: Html,
}

/// Runs its children as the persona: a fresh demo organisation logged in as the demo user,
/// and a session whose community is `site`. Nothing inside reaches the real backend.
#[component]
pub fn PersonaProvider(props: &PersonaProviderProps) -> Html {
    let demo = use_memo(props.user_id.clone(), |id| {
        DemoBackend::signed_in(id).map(|demo| {
            let me = demo.current_me();
            (Backend::new(demo), me)
        })
    });
    let Some((backend, Some(me))) = (*demo).clone() else {
        return html! { <p class="muted">{ "No sample partner user for this persona." }</p> };
    };
    let session = Session {
        auth: Auth::LoggedIn(me),
        site: Some(PublishedSite {
            version: 0,
            site: (*props.site).clone(),
            published_at: String::new(),
            published_by: String::new(),
            note: String::new(),
            markdown: Default::default(),
        }),
        set_me: Callback::noop(),
        reload_site: Callback::noop(),
    };
    html! {
        <ContextProvider<Backend> context={backend}>
            <ContextProvider<Session> context={session}>{ props.children.clone() }</ContextProvider<Session>>
        </ContextProvider<Backend>>
    }
}

/// The demo user that best stands for a tier and role: same tier and role, else same tier,
/// else same role, else any partner user.
pub fn stand_in(tier: Option<&str>, role: trellis_api::Role) -> Option<trellis_api::User> {
    let personas = DemoBackend::personas();
    let score = |(u, t): &(trellis_api::User, Option<String>)| {
        (t.as_deref() == tier) as u8 * 2 + (u.role == role) as u8
    };
    personas
        .iter()
        .max_by_key(|p| score(p))
        .map(|(u, _)| u.clone())
}

/// Properties of [`PersonaFrame`].
#[derive(Properties, PartialEq)]
pub struct PersonaFrameProps {
    /// The site as the persona gets it (already filtered by audience, with their theme).
    pub site: Rc<Site>,
    /// The demo user whose sample data fills the pages.
    pub user_id: AttrValue,
    pub page: SamplePage,
    pub device: Device,
    pub variant: Variant,
    /// What the frame shows ("Draft: Acme blue").
    pub label: AttrValue,
}

/// The persona's view of a page in a device-width frame, on sample data.
#[component]
pub fn PersonaFrame(props: &PersonaFrameProps) -> Html {
    let theme = props.site.theme_for(None);
    let (device, width) = props.device.spec();
    let style = frame_style(&theme, width, props.variant);
    let logo = logo_src(&theme);
    let home = props.site.tabs.iter().find_map(|t| match &t.target {
        TabTarget::Page { page_id } => props.site.page(page_id),
        TabTarget::View { .. } => None,
    });
    let sample = use_route_page(match props.page {
        SamplePage::DealForm => Route::NewDeal,
        _ => Route::Leads,
    });
    let body = match props.page {
        SamplePage::Home => match home {
            Some(page) => html! { <PageView page={page.clone()} /> },
            None => html! { <p class="muted">{ "This persona has no page tab." }</p> },
        },
        SamplePage::Leads | SamplePage::DealForm => sample,
    };
    html! {
        <figure class="b-frame-wrap">
            <figcaption class="muted small">{ format!("{} · {device}, {width} px", props.label) }</figcaption>
            <PersonaProvider site={props.site.clone()} user_id={props.user_id.clone()}>
                    <div class="b-frame themed" {style} data-device={device.to_lowercase()} data-theme={theme.id.clone()}>
                        <div class="b-frame-tabs" aria-hidden="true">
                            <span class="b-frame-brand"><img src={logo} alt="" />{ props.site.name.clone() }</span>
                            { for props.site.tabs.iter().map(|t| html! { <span class="b-frame-tab">{ t.label.clone() }</span> }) }
                        </div>
                        <div class="b-frame-body" inert=true>{ body }</div>
                    </div>
            </PersonaProvider>
        </figure>
    }
}
