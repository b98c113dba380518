//! A page's call-to-action button.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

/// Properties of [`ButtonLink`].
#[derive(Properties, PartialEq)]
pub struct ButtonLinkProps {
    pub label: String,
    pub href: String,
}

/// A call-to-action link: in-app routes navigate inside the app; only http(s) links leave it.
#[component]
pub fn ButtonLink(props: &ButtonLinkProps) -> Html {
    if let Some(route) = Route::recognize(&props.href).filter(|r| *r != Route::NotFound) {
        return html! { <Link<Route> to={route} classes="button">{ props.label.clone() }</Link<Route>> };
    }
    // Anything else (javascript:, data:) is not a link at all.
    let safe = props.href.starts_with("https://") || props.href.starts_with("http://");
    if safe {
        html! { <a class="button" href={props.href.clone()} rel="noopener">{ props.label.clone() }</a> }
    } else {
        html! { <span class="button" aria-disabled="true">{ props.label.clone() }</span> }
    }
}
