//! Loading, empty and error states, the same on every screen.

use trellis_client::ClientError;
use yew::prelude::*;

/// Properties of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    #[prop_or(AttrValue::Static("Loading…"))]
    pub label: AttrValue,
}

/// A spinner with a label, announced politely to screen readers.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="state" role="status" aria-live="polite">
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
    let retry = props.on_retry.clone().map(|cb| {
        html! {
            <button class="button secondary" type="button" onclick={Callback::from(move |_| cb.emit(()))}>
                { "Try again" }
            </button>
        }
    });
    html! {
        <div class="state">
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
    html! { <div class="state" role="status">{ props.message.clone() }</div> }
}
