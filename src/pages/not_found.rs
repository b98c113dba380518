//! The page for addresses that lead nowhere.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

/// 404.
#[component]
pub fn NotFoundPage() -> Html {
    html! {
        <div class="card">
            <h1>{ "Page not found" }</h1>
            <p>{ "There is nothing at this address. It may have moved, or the link may be mistyped." }</p>
            <Link<Route> to={Route::Home} classes="button">{ "Go to the home page" }</Link<Route>>
        </div>
    }
}
