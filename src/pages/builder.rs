//! The community builder's overview of the draft: publish state, tabs and pages.

use trellis_api::{Role, Tab};
use yew::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::states::{ErrorState, Loading};
use crate::components::topbar::target_label;
use crate::session::use_session;

fn audience(tab: &Tab) -> String {
    let a = &tab.audience;
    if a.tiers.is_empty() && a.roles.is_empty() {
        return "All partners".into();
    }
    let roles: Vec<_> = a.roles.iter().map(|r| r.label()).collect();
    [a.tiers.join(", "), roles.join(", ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `2026-11-27T02:16:58Z` as `2026-11-27 02:16 UTC`.
fn when(timestamp: &str) -> String {
    match (timestamp.get(0..10), timestamp.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => timestamp.to_string(),
    }
}

/// The builder (administrators).
#[component]
pub fn BuilderPage() -> Html {
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
        Load::Ready(Some(draft)) => html! {
            <div class="stack">
                <div class="card">
                    <h2>{ draft.site.name.clone() }</h2>
                    <p role="status">
                        if draft.has_unpublished_changes {
                            <span class="badge submitted">{ "Unpublished changes" }</span>
                        } else {
                            <span class="badge approved">{ "Published, up to date" }</span>
                        }
                        <span class="muted">{ format!(" Draft version {} · saved {}", draft.version, when(&draft.updated_at)) }</span>
                    </p>
                </div>
                <div class="card">
                    <h2>{ "Tabs" }</h2>
                    <table aria-label="Tabs">
                        <thead><tr><th scope="col">{ "Label" }</th><th scope="col">{ "Opens" }</th>
                            <th scope="col">{ "Audience" }</th><th scope="col">{ "Visible" }</th></tr></thead>
                        <tbody>
                            { for draft.site.tabs.iter().map(|t| html! {
                                <tr><td>{ t.label.clone() }</td><td>{ target_label(&t.target, &draft.site) }</td>
                                    <td>{ audience(t) }</td><td>{ if t.hidden { "Hidden" } else { "Yes" } }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="card">
                    <h2>{ "Pages" }</h2>
                    <ul class="chips">
                        { for draft.site.pages.iter().map(|p| html! {
                            <li>{ format!("{} · {} top-level blocks", p.title, p.root.len()) }</li>
                        }) }
                    </ul>
                </div>
            </div>
        },
    };
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Community builder" }</h1><p>{ "The draft of your partner community and what partners see today." }</p></div>
            </div>
            { body }
        </>
    }
}
