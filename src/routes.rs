//! Every screen's address.

use trellis_api::activity::RecordKind;
use trellis_api::{TabTarget, WorkspaceView};
use yew::prelude::*;
use yew_router::prelude::*;

/// The app's routes.
#[derive(Clone, Debug, Routable, PartialEq, Eq)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/login")]
    Login,
    #[at("/leads")]
    Leads,
    /// One lead's record page.
    #[at("/leads/:id")]
    Lead { id: String },
    #[at("/deals")]
    Deals,
    #[at("/deals/new")]
    NewDeal,
    /// One deal registration's record page.
    #[at("/deals/:id")]
    Deal { id: String },
    #[at("/opportunities")]
    Opportunities,
    #[at("/opportunities/:id")]
    EditOpportunity { id: String },
    #[at("/contacts")]
    Contacts,
    #[at("/contacts/new")]
    NewContact,
    #[at("/contacts/:id")]
    EditContact { id: String },
    #[at("/announcements")]
    Announcements,
    #[at("/support")]
    Support,
    #[at("/support/:id")]
    Case { id: String },
    #[at("/import")]
    Import,
    #[at("/funds")]
    Funds,
    /// One fund request's record page.
    #[at("/funds/requests/:id")]
    FundRequest { id: String },
    /// One claim's record page.
    #[at("/funds/claims/:id")]
    FundClaim { id: String },
    #[at("/dashboards")]
    Dashboards,
    #[at("/training")]
    Training,
    #[at("/training/:id")]
    TrainingModule { id: String },
    #[at("/surveys")]
    Surveys,
    #[at("/pages/:id")]
    Page { id: String },
    #[at("/builder")]
    Builder,
    /// The builder's theme studio.
    #[at("/builder/theme")]
    ThemeStudio,
    /// One account's page with its related lists.
    #[at("/accounts/:id")]
    Account { id: String },
    #[at("/admin")]
    Admin,
    /// The audit log (administrators).
    #[at("/admin/audit")]
    Audit,
    /// The product catalogue and the program's currencies (vendor staff).
    #[at("/admin/products")]
    Products,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The page of one record of `kind`.
    pub fn for_record(kind: RecordKind, id: &str) -> Route {
        let id = id.to_string();
        match kind {
            RecordKind::Leads => Route::Lead { id },
            RecordKind::Deals => Route::Deal { id },
            RecordKind::Opportunities => Route::EditOpportunity { id },
            RecordKind::Contacts => Route::EditContact { id },
            RecordKind::Cases => Route::Case { id },
            RecordKind::MdfRequests => Route::FundRequest { id },
            RecordKind::MdfClaims => Route::FundClaim { id },
        }
    }

    /// Where a community tab leads; the home page is the site's first page.
    pub fn for_tab(target: &TabTarget, home_page: Option<&str>) -> Route {
        match target {
            TabTarget::Page { page_id } if Some(page_id.as_str()) == home_page => Route::Home,
            TabTarget::Page { page_id } => Route::Page {
                id: page_id.clone(),
            },
            TabTarget::View { view } => match view {
                WorkspaceView::Leads => Route::Leads,
                WorkspaceView::Deals => Route::Deals,
                WorkspaceView::Opportunities => Route::Opportunities,
                WorkspaceView::Contacts => Route::Contacts,
                WorkspaceView::Funds => Route::Funds,
                WorkspaceView::Support => Route::Support,
                WorkspaceView::Dashboards => Route::Dashboards,
                WorkspaceView::Training => Route::Training,
            },
        }
    }
}

/// Draws a route's page. The app provides it in context, so previews can show real pages
/// without the builder importing them.
#[derive(Clone, Copy)]
pub struct RoutePages(pub fn(Route) -> Html);

impl PartialEq for RoutePages {
    /// An app has one page renderer for its whole life: a change of it never needs a re-render.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The route's page from the app's [`RoutePages`]; a note where none is provided.
#[hook]
pub fn use_route_page(route: Route) -> Html {
    match use_context::<RoutePages>() {
        Some(pages) => (pages.0)(route),
        None => html! { <p class="muted">{ "This page cannot be shown here." }</p> },
    }
}

#[cfg(test)]
mod tests {
    use trellis_api::screens::SCREENS;
    use yew_router::Routable;

    use super::Route;

    #[test]
    fn every_preloaded_screen_is_a_route_of_its_own() {
        for (pattern, chunk) in SCREENS {
            let path = pattern.replace(":id", "x");
            let route = Route::recognize(&path);
            assert!(
                !matches!(
                    route,
                    None | Some(Route::NotFound | Route::Home | Route::Login | Route::Page { .. })
                ),
                "{pattern} ({chunk}) opens {route:?}"
            );
            assert_eq!(route.unwrap().to_path(), path, "{pattern}");
        }
    }
}
