//! Screens whose code is downloaded when first opened (ARCHITECTURE.md, "Bundles").
//!
//! [`lazy_screen!`](crate::lazy_screen) marks a screen as a split point: in the split release
//! builds (`--cfg trellis_split`, set by `cargo xtask`) its code is a wasm chunk of its own,
//! fetched the first time the screen is shown; elsewhere the screen is simply called.

use std::cell::RefCell;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use futures::FutureExt;
use trellis_client::ClientError;
use yew::prelude::*;

use crate::components::states::{ErrorState, Loading};

/// A screen, or the failure to download its code.
pub type Loaded = Result<Html, wasm_split_helpers::SplitLoaderError>;

/// What a split screen's loader returns.
pub type LoadScreen = Pin<Box<dyn Future<Output = Loaded>>>;

thread_local! {
    /// The screens whose code has arrived: they render at once, with no loading state.
    static ARRIVED: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// Declares a screen as a split point and renders it through [`Lazy`]:
/// `lazy_screen!(leads, pages::leads::LeadsPage)` or, with route values,
/// `lazy_screen!(case, |id: String| html! { <pages::case::CasePage {id} /> })`. A part of a
/// screen names the height it holds while it loads: `lazy_screen!(reserve = "9rem", chunk, …)`.
#[macro_export]
macro_rules! lazy_screen {
    ($chunk:ident, $page:path) => {
        $crate::lazy_screen!($chunk, | | ::yew::html! { <$page /> })
    };
    ($chunk:ident, || $body:expr) => {
        $crate::lazy_screen!($chunk, | | $body)
    };
    ($chunk:ident, |$($arg:ident : $ty:ty),*| $body:expr) => {
        $crate::lazy_screen!(reserve = "60vh", $chunk, |$($arg: $ty),*| $body)
    };
    (reserve = $reserve:literal, $chunk:ident, |$($arg:ident : $ty:ty),*| $body:expr) => {{
        #[cfg_attr(trellis_split, ::wasm_split_helpers::wasm_split($chunk, fallible))]
        fn $chunk($($arg: $ty),*) -> $crate::components::lazy::Loaded {
            Ok($body)
        }
        let load: ::std::rc::Rc<dyn Fn() -> $crate::components::lazy::LoadScreen> = {
            $(let $arg = $arg.clone();)*
            ::std::rc::Rc::new(move || {
                #[cfg(trellis_split)]
                let screen = ::std::boxed::Box::pin($chunk($($arg.clone()),*));
                #[cfg(not(trellis_split))]
                let screen = ::std::boxed::Box::pin(::std::future::ready($chunk($($arg.clone()),*)));
                screen as $crate::components::lazy::LoadScreen
            })
        };
        let key = ::std::format!("{}{:?}", ::std::stringify!($chunk), ($(&$arg,)*));
        ::yew::html! {
            <$crate::components::lazy::Lazy
                chunk={::std::stringify!($chunk)} key_={::yew::AttrValue::from(key)} {load}
                reserve={$reserve} />
        }
    }};
}

/// Properties of [`Lazy`].
#[derive(Properties, Clone)]
pub struct LazyProps {
    /// The chunk's name: once it has arrived, the screen renders without waiting.
    pub chunk: &'static str,
    /// The screen with its route values: a new key renders the new screen.
    pub key_: AttrValue,
    /// Downloads the chunk if needed, then gives the screen.
    pub load: Rc<dyn Fn() -> LoadScreen>,
    /// The height held while the code downloads, so nothing below it moves when it arrives.
    pub reserve: &'static str,
}

impl PartialEq for LazyProps {
    fn eq(&self, other: &Self) -> bool {
        self.chunk == other.chunk && self.key_ == other.key_ && self.reserve == other.reserve
    }
}

/// Shows a screen once its code is here: a loading state while it downloads, and an error
/// with "Try again" if it cannot be downloaded.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    // The chunk that failed to download, if any; a change re-renders once a chunk arrives.
    let failed = use_state(|| None::<&'static str>);
    let arrivals = use_state(|| 0u32);
    let attempt = use_state(|| 0u32);
    let here = ARRIVED.with(|a| a.borrow().contains(props.chunk));
    {
        let (load, chunk) = (props.load.clone(), props.chunk);
        let (failed, arrivals) = (failed.clone(), arrivals.clone());
        use_effect_with((chunk, *attempt), move |_| {
            if !ARRIVED.with(|a| a.borrow().contains(chunk)) {
                wasm_bindgen_futures::spawn_local(async move {
                    match load().await {
                        Ok(_) => {
                            ARRIVED.with(|a| a.borrow_mut().insert(chunk));
                            arrivals.set(*arrivals + 1);
                        }
                        Err(_) => failed.set(Some(chunk)),
                    }
                });
            }
        });
    }
    if *failed == Some(props.chunk) && !here {
        let retry = {
            let (failed, attempt) = (failed.clone(), attempt.clone());
            Callback::from(move |()| {
                failed.set(None);
                attempt.set(*attempt + 1);
            })
        };
        let error = ClientError::Network("a screen's code could not be downloaded".into());
        return html! { <ErrorState {error} on_retry={retry} /> };
    }
    let loading = html! { <Loading reserve={AttrValue::Static(props.reserve)} /> };
    if !here {
        return loading;
    }
    // The chunk is here, so the loader is ready at its first poll.
    match (props.load)().now_or_never() {
        Some(Ok(screen)) => screen,
        _ => loading,
    }
}
