//! The home page's list of leads waiting for the partner.

use trellis_api::widgets::inbox_query;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::format::age;
use crate::routes::Route;

/// Properties of [`LeadInbox`].
#[derive(Properties, PartialEq)]
pub struct LeadInboxProps {
    pub title: String,
    pub limit: u32,
}

/// The newest leads waiting for this partner to accept them.
#[component]
pub fn LeadInbox(props: &LeadInboxProps) -> Html {
    let (state, retry) = use_load(props.limit, |b, limit| async move {
        b.list_leads(&inbox_query(limit.into())).await
    });
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading leads…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(page) if page.items.is_empty() => {
            html! { <p class="muted">{ "No leads waiting for you." }</p> }
        }
        Load::Ready(page) => html! {
            <ul class="list-plain">
                { for page.items.iter().map(|l| html! {
                    <li><Link<Route> to={Route::Lead { id: l.id.clone() }}><strong>{ l.company.clone() }</strong></Link<Route>>{ " · " }{ l.product_interest.clone() }
                        <span class="muted">{ format!(" · waiting {}", age(&l.created_at)) }</span></li>
                }) }
            </ul>
        },
    };
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            { body }
            <p><Link<Route> to={Route::Leads}>{ "All leads" }</Link<Route>></p>
        </div>
    }
}
