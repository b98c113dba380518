//! Markdown shown safely. Backends send it rendered (`trellis_api::markdown`, safe by
//! construction), so the partner bundle carries no parser; the staff bundle renders drafts
//! itself for the builder's and the training editor's previews.

use yew::prelude::*;

use crate::session::use_session;

/// Properties of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    /// The markdown.
    pub source: AttrValue,
    /// The backend's rendering of `source`, when the caller has it. Without it the published
    /// site's renderings are looked up, then (staff bundle) it is rendered here.
    #[prop_or_default]
    pub html: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

/// Rendered markdown content; the plain text when no rendering is at hand.
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    let session = use_session();
    let given = props.html.as_ref().filter(|h| !h.is_empty()).cloned();
    let backend = given.or_else(|| {
        let site = session.site.as_ref()?;
        site.markdown
            .get(props.source.as_str())
            .cloned()
            .map(AttrValue::from)
    });
    // Rendered here only when the backend did not (a draft in the staff bundle).
    let local = use_memo(
        (props.source.clone(), backend.is_some()),
        |(source, rendered)| {
            if *rendered {
                None
            } else {
                render_here(source).map(AttrValue::from)
            }
        },
    );
    let class = classes!("prose", props.class.clone());
    match backend.or_else(|| (*local).clone()) {
        Some(html) => html! { <div {class}>{ Html::from_html_unchecked(html) }</div> },
        None => html! { <div class={classes!(class, "plain")}>{ props.source.clone() }</div> },
    }
}

/// The staff bundle renders drafts (not yet on the backend) with the backends' own renderer.
#[cfg(feature = "staff")]
fn render_here(source: &str) -> Option<String> {
    Some(trellis_api::markdown::to_safe_html(source))
}

/// The partner bundle leaves the parser out: what the backend did not render shows as text.
#[cfg(not(feature = "staff"))]
fn render_here(_: &str) -> Option<String> {
    None
}
