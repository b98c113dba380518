//! The top bar: the community's tabs for this user, staff entries, and the user menu.

use trellis_api::{Role, Site, TabTarget, WorkspaceView};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::backend::use_backend;
use crate::components::dialog::Dialog;
use crate::components::tabs::{Tab, Tabs};
use crate::components::unsaved::use_unsaved_work;
use crate::routes::Route;
use crate::session::use_session;

/// The section a route belongs to: the theme studio is part of the builder, the audit log of admin.
fn section(route: &Route) -> Route {
    match route {
        Route::ThemeStudio => Route::Builder,
        Route::Audit | Route::Products => Route::Admin,
        other => other.clone(),
    }
}

/// Which of `links` is the current page: the first that opens `current`'s section, so two tabs
/// that open one screen never both say they are current.
pub fn current_tab(links: &[Route], current: Option<&Route>) -> Option<usize> {
    let current = section(current?);
    links.iter().position(|r| section(r) == current)
}

/// The tabs every community has when no site is published.
fn fallback_tabs() -> Vec<(String, Route)> {
    [
        ("Home", Route::Home),
        ("Leads", Route::Leads),
        ("Deals", Route::Deals),
        ("Opportunities", Route::Opportunities),
        ("Contacts", Route::Contacts),
    ]
    .into_iter()
    .map(|(l, r)| (l.to_string(), r))
    .collect()
}

/// The tabs of a site the server already filtered for this viewer (audience and hidden tabs).
fn site_tabs(site: &Site) -> Vec<(String, Route)> {
    let home = site.pages.first().map(|p| p.id.as_str());
    site.tabs
        .iter()
        .filter(|t| !t.hidden)
        .map(|t| (t.label.clone(), Route::for_tab(&t.target, home)))
        .collect()
}

/// The application header.
#[component]
pub fn TopBar() -> Html {
    let session = use_session();
    let backend = use_backend();
    let route = use_route::<Route>();
    let unsaved = use_unsaved_work();
    // Log out was asked for while edits wait to be saved.
    let asking = use_state(|| false);
    let Some(me) = session.me().cloned() else {
        return Html::default();
    };
    let tabs = session
        .site
        .as_ref()
        .map(|p| site_tabs(&p.site))
        .unwrap_or_else(fallback_tabs);
    let name = session
        .site
        .as_ref()
        .map(|p| p.site.name.clone())
        .unwrap_or_else(|| "Trellis".into());
    let logout_everywhere = {
        let (backend, set_me) = (backend.clone(), session.set_me.clone());
        Callback::from(move |_| {
            let (backend, set_me) = (backend.clone(), set_me.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = backend.logout_everywhere().await;
                set_me.emit(None);
            });
        })
    };
    let leave = {
        let set_me = session.set_me.clone();
        Callback::from(move |()| {
            let (backend, set_me) = (backend.clone(), set_me.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Logged out locally even if the server cannot be reached.
                let _ = backend.logout().await;
                set_me.emit(None);
            });
        })
    };
    let logout = {
        let (leave, asking, unsaved) = (leave.clone(), asking.clone(), unsaved.clone());
        Callback::from(
            move |_: MouseEvent| match unsaved.as_ref().and_then(|u| u.pending()) {
                Some(_) => asking.set(true),
                None => leave.emit(()),
            },
        )
    };
    let stay = {
        let asking = asking.clone();
        Callback::from(move |()| {
            asking.set(false);
            if let Some(save_now) = unsaved.as_ref().and_then(|u| u.pending()) {
                save_now.emit(());
            }
        })
    };
    let confirm = asking.then(|| {
        let stay_click = stay.reform(|_: MouseEvent| ());
        let leave_click = leave.reform(|_: MouseEvent| ());
        html! {
            <Dialog title_id="logout-title" text_id="logout-text" on_cancel={Some(stay.clone())}>
                <h2 id="logout-title">{ "Your latest changes are not saved yet" }</h2>
                <p id="logout-text">{ "Stay, and they are saved now. Log out now, and they are lost." }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={stay_click}>{ "Stay and save" }</button>
                    <button type="button" class="button secondary" onclick={leave_click}>{ "Log out anyway" }</button>
                </div>
            </Dialog>
        }
    });
    let role = me.user.role;
    let subtitle = match (&me.partner_account_name, &me.tier_name) {
        (Some(account), Some(tier)) => format!("{account} · {tier}"),
        (Some(account), None) => account.clone(),
        _ => role.label().to_string(),
    };
    let logo = crate::theme::logo_src(&crate::theme::use_theme());
    // The menu is a `details`: a link in it leaves it open on the next page unless closed.
    let close_menu = Callback::from(|e: MouseEvent| {
        let menu = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|t| t.closest("details").ok().flatten());
        if let Some(menu) = menu {
            let _ = menu.remove_attribute("open");
        }
    });
    let mut links: Vec<Tab> = tabs.into_iter().map(|(l, r)| (l, r, false)).collect();
    if role == Role::Admin {
        links.push(("Builder".into(), Route::Builder, true));
    }
    if role.is_internal() {
        links.push(("Admin".into(), Route::Admin, true));
    }
    let routes: Vec<Route> = links.iter().map(|(_, r, _)| r.clone()).collect();
    let current = current_tab(&routes, route.as_ref());
    html! {
        <header class="topbar">
            <Link<Route> to={Route::Home} classes="brand"><img src={logo} alt="" /><span>{ name }</span></Link<Route>>
            <Tabs {links} {current} />
            <div class="usermenu">
                <div class="who">{ me.user.name.clone() }<small>{ subtitle.clone() }</small></div>
                <button class="button ghost" type="button" onclick={logout}>{ "Log out" }</button>
                <details class="account-menu">
                    <summary class="button ghost" aria-label="More account actions">{ "⋯" }</summary>
                    <div class="account-menu-items">
                        // Phones show who is signed in here rather than in the bar.
                        <p class="menu-who">{ me.user.name.clone() }<small>{ subtitle.clone() }</small></p>
                        if let Some(id) = &me.user.partner_account_id {
                            <span onclick={close_menu.clone()}><Link<Route> to={Route::Account { id: id.clone() }} classes="button secondary small">{ "Your company" }</Link<Route>></span>
                        }
                        <button class="button secondary small" type="button" onclick={logout_everywhere}>{ "Log out on every device" }</button>
                    </div>
                </details>
            </div>
            { for confirm }
        </header>
    }
}

/// The top bar's size and shape before the session is known: the same rows as [`TopBar`], its
/// contents invisible and hidden from assistive technology.
#[component]
pub fn TopBarOutline() -> Html {
    html! {
        <header class="topbar outline" aria-hidden="true">
            <span class="brand"><span>{ "Trellis" }</span></span>
            <nav>
                <ul class="tabs">
                    { for fallback_tabs().into_iter().map(|(label, _)| html! { <li><a>{ label }</a></li> }) }
                </ul>
            </nav>
            <div class="usermenu">
                <div class="who">{ "\u{a0}" }<small>{ "\u{a0}" }</small></div>
                <span class="button ghost">{ "Log out" }</span>
                <span class="button ghost">{ "⋯" }</span>
            </div>
        </header>
    }
}

/// The name of a workspace view as its tab would show it.
pub fn view_label(view: WorkspaceView) -> &'static str {
    match view {
        WorkspaceView::Leads => "Leads",
        WorkspaceView::Deals => "Deals",
        WorkspaceView::Opportunities => "Opportunities",
        WorkspaceView::Contacts => "Contacts",
        WorkspaceView::Funds => "Marketing funds",
        WorkspaceView::Dashboards => "Dashboards",
        WorkspaceView::Training => "Training",
        WorkspaceView::Support => "Support",
    }
}

/// A short description of where a tab leads, naming pages by their title.
pub fn target_label(target: &TabTarget, site: &Site) -> String {
    match target {
        TabTarget::Page { page_id } => match site.page(page_id) {
            Some(page) => format!("Page “{}”", page.title),
            None => format!("Missing page {page_id}"),
        },
        TabTarget::View { view } => format!("{} view", view_label(*view)),
    }
}

#[cfg(test)]
mod tests {
    use super::current_tab;
    use crate::routes::Route;

    #[test]
    fn only_the_first_link_to_a_screen_is_current() {
        let links = [
            Route::Home,
            Route::Deals,
            Route::Leads,
            Route::Deals,
            Route::Builder,
        ];
        assert_eq!(current_tab(&links, Some(&Route::Deals)), Some(1));
        assert_eq!(current_tab(&links, Some(&Route::ThemeStudio)), Some(4));
        assert_eq!(current_tab(&links, Some(&Route::Funds)), None);
        assert_eq!(current_tab(&links, None), None);
    }
}
