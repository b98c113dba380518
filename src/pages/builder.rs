//! The community builder route (administrators): loads the draft and opens the builder on it.

use trellis_api::Role;
use yew::prelude::*;

use crate::builder::view::{Builder, View};
use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::session::use_session;

/// Properties of [`BuilderPage`].
#[derive(Properties, PartialEq)]
pub struct BuilderPageProps {
    /// The view the route opens.
    #[prop_or(View::Layout)]
    pub view: View,
}

/// The builder page.
#[component]
pub fn BuilderPage(props: &BuilderPageProps) -> Html {
    let session = use_session();
    let is_admin = session.me().is_some_and(|me| me.user.role == Role::Admin);
    let (state, retry) = use_load(is_admin, |b, is_admin| async move {
        if is_admin {
            b.draft().await.map(Some)
        } else {
            Ok(None)
        }
    });
    let body = match &*state {
        _ if !is_admin => html! {
            <div class="alert error" role="alert">{ "Only administrators can open the builder." }</div>
        },
        Load::Loading => html! { <Loading label="Loading the draft…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(None) => Html::default(),
        Load::Ready(Some(draft)) => html! { <Builder draft={draft.clone()} view={props.view} /> },
    };
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Community builder" }</h1>
                    <p>{ "Design what partners see: pages, navigation and who sees what. Changes save as a draft until you publish." }</p></div>
            </div>
            { body }
        </>
    }
}
