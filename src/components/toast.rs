//! Toasts: a short message after every action, shown at the foot of the screen and announced
//! by screen readers, with Undo where an action can safely be taken back.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a toast stays, in milliseconds; one with Undo stays longer, to reach the button.
const SHOWN_MS: u32 = 6_000;
const SHOWN_WITH_UNDO_MS: u32 = 10_000;
/// At most this many toasts at once; the oldest goes first.
const MAX_SHOWN: usize = 3;

/// One message.
#[derive(Clone, PartialEq)]
pub struct Toast {
    pub id: u32,
    pub text: String,
    /// Takes the action back; the toast offers it as a button.
    pub undo: Option<Callback<()>>,
}

/// The toasts showing, newest last.
#[derive(Clone, Default, PartialEq)]
pub struct Toasts {
    pub shown: Vec<Toast>,
    next_id: u32,
}

/// What can happen to the toasts.
pub enum ToastAction {
    /// A new message, with its Undo if it has one.
    Show(String, Option<Callback<()>>),
    /// A message closed, by its button or its time running out.
    Dismiss(u32),
}

impl Reducible for Toasts {
    type Action = ToastAction;

    fn reduce(self: Rc<Self>, action: ToastAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ToastAction::Show(text, undo) => {
                next.next_id += 1;
                next.shown.push(Toast {
                    id: next.next_id,
                    text,
                    undo,
                });
                let extra = next.shown.len().saturating_sub(MAX_SHOWN);
                next.shown.drain(..extra);
            }
            ToastAction::Dismiss(id) => next.shown.retain(|t| t.id != id),
        }
        Rc::new(next)
    }
}

/// Shows toasts: `toaster.say("Lead accepted")`, or with Undo.
#[derive(Clone, PartialEq)]
pub struct Toaster(UseReducerDispatcher<Toasts>);

impl Toaster {
    /// Shows a message.
    pub fn say(&self, text: impl Into<String>) {
        self.0.dispatch(ToastAction::Show(text.into(), None));
    }

    /// Shows a message with an Undo button.
    pub fn say_with_undo(&self, text: impl Into<String>, undo: Callback<()>) {
        self.0.dispatch(ToastAction::Show(text.into(), Some(undo)));
    }
}

/// The toaster of the app, if it is inside a [`ToastProvider`] (a preview or a test may not be).
#[hook]
pub fn use_toaster() -> Option<Toaster> {
    use_context::<Toaster>()
}

/// Properties of [`ToastProvider`].
#[derive(Properties, PartialEq)]
pub struct ToastProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Gives its children a [`Toaster`] and shows the toasts above everything.
#[component]
pub fn ToastProvider(props: &ToastProviderProps) -> Html {
    let toasts = use_reducer(Toasts::default);
    let toaster = Toaster(toasts.dispatcher());
    html! {
        <ContextProvider<Toaster> context={toaster}>
            { props.children.clone() }
            // Always in the page, so screen readers announce what is added to it.
            <div class="toasts" role="status" aria-live="polite">
                { for toasts.shown.iter().map(|t| html! {
                    <ToastView key={t.id} toast={t.clone()} dispatcher={toasts.dispatcher()} />
                }) }
            </div>
        </ContextProvider<Toaster>>
    }
}

/// Properties of [`ToastView`].
#[derive(Properties, PartialEq)]
struct ToastViewProps {
    toast: Toast,
    dispatcher: UseReducerDispatcher<Toasts>,
}

/// One toast: its text, Undo if any, and a close button; it closes itself in time.
#[component]
fn ToastView(props: &ToastViewProps) -> Html {
    let id = props.toast.id;
    {
        let dispatcher = props.dispatcher.clone();
        let ms = match props.toast.undo {
            Some(_) => SHOWN_WITH_UNDO_MS,
            None => SHOWN_MS,
        };
        use_effect_with(id, move |_| {
            let timeout = Timeout::new(ms, move || dispatcher.dispatch(ToastAction::Dismiss(id)));
            move || drop(timeout)
        });
    }
    let close = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(ToastAction::Dismiss(id)))
    };
    let undo = props.toast.undo.clone().map(|undo| {
        let dispatcher = props.dispatcher.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            undo.emit(());
            dispatcher.dispatch(ToastAction::Dismiss(id));
        });
        html! { <button type="button" class="button secondary small" {onclick}>{ "Undo" }</button> }
    });
    html! {
        <div class="toast">
            <span>{ props.toast.text.clone() }</span>
            { for undo }
            <button type="button" class="toast-close" aria-label="Close message" onclick={close}>{ "×" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::{Callback, Reducible};

    use super::{ToastAction, Toasts, MAX_SHOWN};

    fn show(t: Rc<Toasts>, text: &str) -> Rc<Toasts> {
        t.reduce(ToastAction::Show(text.into(), None))
    }

    #[test]
    fn toasts_show_newest_last_keep_a_few_and_close_by_id() {
        let mut t = Rc::new(Toasts::default());
        for i in 0..MAX_SHOWN + 2 {
            t = show(t, &format!("m{i}"));
        }
        let texts: Vec<&str> = t.shown.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["m2", "m3", "m4"], "the oldest go first");
        let middle = t.shown[1].id;
        let t = t.reduce(ToastAction::Dismiss(middle));
        let texts: Vec<&str> = t.shown.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["m2", "m4"]);
        let t = t.reduce(ToastAction::Dismiss(9_999));
        assert_eq!(t.shown.len(), 2, "an unknown id closes nothing");
        let t = t.reduce(ToastAction::Show("undoable".into(), Some(Callback::noop())));
        assert!(t.shown.last().is_some_and(|x| x.undo.is_some()));
        let ids: Vec<u32> = t.shown.iter().map(|x| x.id).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids grow: {ids:?}");
    }
}
