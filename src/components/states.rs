//! Loading, empty and error states, the same on every screen.

use stylist::yew::use_style;
use stylist::Style;
use trellis_client::ClientError;
use yew::prelude::*;

/// The scoped style every state block shares (stylist: component styles live with the component).
#[hook]
fn use_state_style() -> Style {
    use_style!(
        r#"
        text-align: center;
        padding: var(--space-6) var(--space-4);
        color: var(--color-muted);
        .button { margin-top: var(--space-3); }
        "#
    )
}

/// Properties of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    #[prop_or(AttrValue::Static("Loading…"))]
    pub label: AttrValue,
    /// The height to keep (a CSS length) about what will come, so nothing below jumps.
    #[prop_or_default]
    pub reserve: Option<AttrValue>,
}

/// A spinner with a label, announced politely to screen readers.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    let style = use_state_style();
    html! {
        <div class={classes!("state", style)} role="status" aria-live="polite"
            style={props.reserve.as_ref().map(|h| format!("min-height:{h}"))}>
            <span class="spinner" aria-hidden="true"></span>{ props.label.clone() }
        </div>
    }
}

/// Properties of [`ErrorState`].
#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    pub error: ClientError,
    /// Offered as a "Try again" button when set.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// What went wrong, in words, with a way to try again.
#[component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let style = use_state_style();
    let retry = props.on_retry.clone().map(|cb| {
        html! {
            <button class="button secondary" type="button" onclick={Callback::from(move |_| cb.emit(()))}>
                { "Try again" }
            </button>
        }
    });
    html! {
        <div class={classes!("state", style)}>
            <div class="alert error" role="alert">{ props.error.message() }</div>
            { for retry }
        </div>
    }
}

/// Properties of [`Empty`].
#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    pub message: AttrValue,
}

/// Nothing to show, said plainly.
#[component]
pub fn Empty(props: &EmptyProps) -> Html {
    let style = use_state_style();
    html! { <div class={classes!("state", style)} role="status">{ props.message.clone() }</div> }
}
