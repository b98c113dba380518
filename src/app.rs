//! Providers (backend, session) and the router.

use futures::future::join;
use yew::prelude::*;
use yew_router::prelude::*;

use trellis_api::bundles::Bundle;

use crate::backend::{use_backend, use_demo, Backend, DemoInfo, Mode};
use crate::bundles::{self, OpenFullBundle};
use crate::components::demo_banner::DemoBanner;
use crate::components::states::Loading;
use crate::components::toast::ToastProvider;
use crate::components::topbar::{TopBar, TopBarOutline};
use crate::components::unsaved::UnsavedWork;
use crate::lazy_screen;
use crate::pages;
use crate::routes::{Route, RoutePages};
use crate::session::{use_session, Auth, Session};
use crate::theme::ThemeRoot;

/// The app as mounted in the page: picks the backend, then renders [`Root`].
#[component]
pub fn App() -> Html {
    let chosen = use_memo((), |_| Backend::choose());
    let (backend, demo) = (*chosen).clone();
    if demo.mode.is_demo() && bundles::THIS == Bundle::Partner {
        return html! { <OpenFullBundle label="Opening the demo…" /> };
    }
    if bundles::THIS == Bundle::Full {
        bundles::arrived();
    }
    html! { <Root {backend} {demo} /> }
}

/// Properties of [`Root`].
#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub backend: Backend,
    #[prop_or(DemoInfo { mode: Mode::Server, problem: None })]
    pub demo: DemoInfo,
}

/// The app with a given backend: context providers, router and shell.
#[component]
pub fn Root(props: &RootProps) -> Html {
    html! {
        <ContextProvider<Backend> context={props.backend.clone()}>
            <ContextProvider<DemoInfo> context={props.demo.clone()}>
                <ContextProvider<RoutePages> context={RoutePages(switch)}>
                    <SessionProvider>
                        <BrowserRouter>
                            <ToastProvider><Shell /></ToastProvider>
                        </BrowserRouter>
                    </SessionProvider>
                </ContextProvider<RoutePages>>
            </ContextProvider<DemoInfo>>
        </ContextProvider<Backend>>
    }
}

#[derive(Properties, PartialEq)]
struct ChildrenProps {
    children: Html,
}

/// Asks the backend who is logged in, loads their community, and shares both.
#[component]
fn SessionProvider(props: &ChildrenProps) -> Html {
    let backend = use_backend();
    let auth = use_state(|| Auth::Checking);
    let site = use_state(|| None);
    // Whose community `site` holds, so the one fetched at the start is not asked for again.
    let site_of = use_mut_ref(|| None::<String>);
    {
        let (backend, auth, site, site_of) =
            (backend.clone(), auth.clone(), site.clone(), site_of.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // Both at once, as the server preloaded them with the page: most visits have a
                // session, and a community asked for without one is only a refused request.
                let (me, community) = join(backend.me(), backend.community()).await;
                auth.set(match me {
                    Ok(me) => {
                        if let Ok(community) = community {
                            *site_of.borrow_mut() = Some(me.user.id.clone());
                            site.set(Some(community));
                        }
                        Auth::LoggedIn(me)
                    }
                    Err(_) => Auth::LoggedOut,
                });
            });
        });
    }
    {
        let (backend, site) = (backend.clone(), site.clone());
        let user_id = match &*auth {
            Auth::LoggedIn(me) => Some(me.user.id.clone()),
            _ => None,
        };
        use_effect_with(user_id, move |user_id| {
            if user_id.is_some() && *site_of.borrow() == *user_id {
                return;
            }
            *site_of.borrow_mut() = None;
            site.set(None);
            if let Some(id) = user_id.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    // Without a published site the app still works, with the built-in tabs.
                    let community = backend.community().await.ok();
                    *site_of.borrow_mut() = community.is_some().then_some(id);
                    site.set(community);
                });
            }
        });
    }
    {
        // A partner who got the full bundle (after a colleague's staff session on this
        // browser) gets the partner bundle again from the next load.
        let role = match &*auth {
            Auth::LoggedIn(me) => Some(me.user.role),
            _ => None,
        };
        let demo = use_demo().mode.is_demo();
        use_effect_with((role, demo), |(role, demo)| {
            if role.is_some() && bundles::THIS == Bundle::Full {
                bundles::remember(Bundle::needed(*role, *demo));
            }
        });
    }
    let set_me = {
        let auth = auth.clone();
        Callback::from(move |me: Option<trellis_api::Me>| {
            auth.set(me.map_or(Auth::LoggedOut, Auth::LoggedIn));
        })
    };
    let reload_site = {
        let (backend, site) = (backend.clone(), site.clone());
        Callback::from(move |()| {
            let (backend, site) = (backend.clone(), site.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(published) = backend.community().await {
                    site.set(Some(published));
                }
            });
        })
    };
    let session = Session {
        auth: (*auth).clone(),
        site: (*site).clone(),
        set_me,
        reload_site,
    };
    html! {
        <ContextProvider<Session> context={session}>
            { props.children.clone() }
        </ContextProvider<Session>>
    }
}

/// Chooses between the login page, a loading screen and the logged-in layout.
#[component]
fn Shell() -> Html {
    let session = use_session();
    let unsaved = use_memo((), |_| UnsavedWork::default());
    let demo = use_demo();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let page = match (&session.auth, route) {
        (Auth::LoggedIn(_), Route::Login) => html! { <Redirect<Route> to={Route::Home} /> },
        (_, Route::Login) => html! { <pages::login::LoginPage /> },
        // The bar's outline is drawn at once, so the page does not jump down when it fills in.
        (Auth::Checking, _) => html! {
            <>
                <TopBarOutline />
                <main id="main" tabindex="-1"><Loading label="Opening Trellis…" /></main>
            </>
        },
        (Auth::LoggedOut, _) => html! { <Redirect<Route> to={Route::Login} /> },
        (Auth::LoggedIn(me), _)
            if bundles::THIS == Bundle::Partner
                && Bundle::needed(Some(me.user.role), demo.mode.is_demo()) == Bundle::Full =>
        {
            html! { <OpenFullBundle label="Opening the staff screens…" /> }
        }
        (Auth::LoggedIn(_), route) => html! {
            <>
                <a class="skip-link" href="#main">{ "Skip to content" }</a>
                <TopBar />
                <main id="main" tabindex="-1">{ switch(route) }</main>
            </>
        },
    };
    html! {
        <ContextProvider<UnsavedWork> context={(*unsaved).clone()}>
            <ThemeRoot /><DemoBanner />{ page }
        </ContextProvider<UnsavedWork>>
    }
}

/// Every route's page.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage /> },
        Route::Leads => lazy_screen!(leads, pages::leads::LeadsPage),
        Route::Deals => lazy_screen!(deals, pages::deals::DealsPage),
        Route::Lead { id } => {
            lazy_screen!(lead, |id: String| html! { <pages::lead::LeadPage {id} /> })
        }
        Route::Deal { id } => {
            lazy_screen!(deal, |id: String| html! { <pages::deal::DealPage {id} /> })
        }
        Route::NewDeal => lazy_screen!(deal_new, pages::deal_new::NewDealPage),
        Route::Opportunities => {
            lazy_screen!(opportunities, pages::opportunities::OpportunitiesPage)
        }
        Route::EditOpportunity { id } => lazy_screen!(opportunity_edit, |id: String| {
            html! { <pages::opportunity_edit::OpportunityEditPage {id} /> }
        }),
        Route::Contacts => lazy_screen!(contacts, pages::contacts::ContactsPage),
        Route::NewContact => lazy_screen!(contact_new, pages::contact_edit::ContactEditPage),
        Route::EditContact { id } => lazy_screen!(contact_edit, |id: String| {
            html! { <pages::contact_edit::ContactEditPage id={Some(id)} /> }
        }),
        Route::Funds => lazy_screen!(funds, pages::funds::FundsPage),
        Route::FundRequest { id } => lazy_screen!(fund_request, |id: String| {
            html! { <pages::fund::FundRequestPage {id} /> }
        }),
        Route::FundClaim { id } => lazy_screen!(fund_claim, |id: String| {
            html! { <pages::fund::FundClaimPage {id} /> }
        }),
        Route::Import => lazy_screen!(import, pages::import::ImportPage),
        Route::Support => lazy_screen!(support, pages::support::SupportPage),
        Route::Announcements => {
            lazy_screen!(announcements, pages::announcements::AnnouncementsPage)
        }
        Route::Case { id } => {
            lazy_screen!(case, |id: String| html! { <pages::case::CasePage {id} /> })
        }
        Route::Dashboards => lazy_screen!(dashboards, pages::dashboards::DashboardsPage),
        Route::Training => lazy_screen!(training, pages::training::TrainingPage),
        Route::TrainingModule { id } => lazy_screen!(training_module, |id: String| {
            html! { <pages::training_module::TrainingModulePage {id} /> }
        }),
        Route::Surveys => lazy_screen!(surveys, pages::surveys::SurveysPage),
        Route::Account { id } => lazy_screen!(account, |id: String| {
            html! { <pages::account::AccountPage {id} /> }
        }),
        Route::Page { id } => html! { <pages::page::CommunityPage {id} /> },
        Route::Login | Route::NotFound => html! { <pages::not_found::NotFoundPage /> },
        staff => staff_page(staff),
    }
}

/// The staff screens' routes (in the full bundle only; partners never reach them).
#[cfg(feature = "staff")]
fn staff_page(route: Route) -> Html {
    match route {
        Route::Builder => lazy_screen!(builder, pages::builder::BuilderPage),
        Route::ThemeStudio => lazy_screen!(theme_studio, || {
            html! { <pages::builder::BuilderPage view={crate::builder::view::View::Theme} /> }
        }),
        Route::Admin => lazy_screen!(admin, pages::admin::AdminPage),
        Route::Audit => lazy_screen!(audit, pages::audit::AuditPage),
        Route::Products => lazy_screen!(products, pages::products::ProductsPage),
        _ => html! { <pages::not_found::NotFoundPage /> },
    }
}

#[cfg(not(feature = "staff"))]
fn staff_page(_: Route) -> Html {
    html! { <pages::not_found::NotFoundPage /> }
}
