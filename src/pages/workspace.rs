//! Workspace views a tab can open that have no screen of their own yet.

use yew::prelude::*;

use crate::components::states::Empty;

/// Properties of [`WorkspacePage`].
#[derive(Properties, PartialEq)]
pub struct WorkspacePageProps {
    pub view: String,
}

/// A workspace view without content for this user yet.
#[component]
pub fn WorkspacePage(props: &WorkspacePageProps) -> Html {
    let title = match trellis_api::parse_wire::<trellis_api::WorkspaceView>(&props.view) {
        Some(v) => crate::components::topbar::view_label(v),
        None => return html! { <crate::pages::not_found::NotFoundPage /> },
    };
    html! {
        <>
            <div class="page-header"><h1>{ title }</h1></div>
            <Empty message={format!("There is nothing in {title} for you yet.")} />
        </>
    }
}
