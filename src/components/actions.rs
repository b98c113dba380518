//! A row of workflow buttons, with an inline "why" form for actions that need a reason.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use trellis_api::Keyed;
use trellis_client::ClientResult;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::toast::use_toaster;

/// A backend call that answers with the changed record.
pub type ActionFuture<T> = Pin<Box<dyn Future<Output = ClientResult<T>>>>;

/// The state of workflow actions on one record: its latest version, progress and last error.
pub struct RecordAction<T: 'static> {
    /// The record as the last successful action returned it.
    pub updated: Option<T>,
    pub busy: bool,
    pub error: Option<String>,
    /// Runs one backend call; once it succeeds, a toast says the words given with it.
    pub run: Callback<(ActionFuture<T>, String)>,
    /// How many calls have succeeded (a new one closes the bar's open form).
    pub done: u32,
}

impl<T: Keyed + Clone> RecordAction<T> {
    /// `shown` as the last action here returned it, if that action was on this very record (a
    /// row may show another record after its list reloads), else `shown` itself.
    pub fn latest(&self, shown: &T) -> T {
        match &self.updated {
            Some(r) if r.id() == shown.id() => r.clone(),
            _ => shown.clone(),
        }
    }
}

/// The rows of a list the user acted on since its filter was set (provided by `RecordList`).
#[derive(Clone, Default)]
pub struct Touched(Rc<RefCell<Vec<String>>>);

impl PartialEq for Touched {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Touched {
    /// Notes that the row `id` was acted on.
    pub fn add(&self, id: &str) {
        let mut ids = self.0.borrow_mut();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    }

    /// Whether the row `id` was acted on.
    pub fn has(&self, id: &str) -> bool {
        self.0.borrow().iter().any(|i| i == id)
    }

    /// Forgets every row (a new filter is a new list).
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

/// Runs workflow calls for one record one at a time, keeping the answer or the error in words.
#[hook]
pub fn use_record_action<T: Keyed + Clone + 'static>() -> RecordAction<T> {
    let updated = use_state(|| None::<T>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let done = use_state(|| 0u32);
    let touched = use_context::<Touched>();
    let toaster = use_toaster();
    let run = {
        let (updated, busy, error, count) =
            (updated.clone(), busy.clone(), error.clone(), done.clone());
        Callback::from(move |(call, done): (ActionFuture<T>, String)| {
            let (updated, busy, error, count) =
                (updated.clone(), busy.clone(), error.clone(), count.clone());
            let (touched, toaster) = (touched.clone(), toaster.clone());
            busy.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match call.await {
                    Ok(record) => {
                        // The list keeps this row in view, with its answer, when it reloads.
                        if let Some(t) = touched {
                            t.add(record.id());
                        }
                        if let Some(toaster) = toaster {
                            toaster.say(done);
                        }
                        count.set(*count + 1);
                        updated.set(Some(record))
                    }
                    Err(e) => error.set(Some(e.message())),
                }
                busy.set(false);
            });
        })
    };
    RecordAction {
        updated: (*updated).clone(),
        busy: *busy,
        error: (*error).clone(),
        run,
        done: *done,
    }
}

/// One button of an [`ActionBar`].
#[derive(Clone, PartialEq)]
pub struct ActionButton {
    /// Visible text ("Accept", "Reject…").
    pub label: &'static str,
    /// Accessible name naming the record ("Accept lead from Globex").
    pub aria: String,
    /// Asks for a reason before firing.
    pub needs_reason: bool,
    /// Asks to pick one of these (value, label) before firing, instead of typing a reason.
    pub choices: Vec<(String, String)>,
    /// Shown but not usable yet: what it depends on has not answered (the screen says what).
    pub waiting: bool,
    /// The label of the text asked for, when not "Reason to …" (an optional note, say).
    pub prompt: Option<&'static str>,
}

/// Properties of [`ActionBar`].
#[derive(Properties, PartialEq)]
pub struct ActionBarProps {
    pub buttons: Vec<ActionButton>,
    /// Fired with the button's index and, for reasoned actions, the reason typed.
    pub on_action: Callback<(usize, Option<String>)>,
    pub busy: bool,
    #[prop_or_default]
    pub error: Option<String>,
    /// Unique per row: ties the reason input to its label.
    pub id: String,
    /// The record's count of successful actions ([`RecordAction::done`]): a new one closes
    /// the open form.
    #[prop_or_default]
    pub done: u32,
}

/// Workflow buttons for one record.
#[component]
pub fn ActionBar(props: &ActionBarProps) -> Html {
    let asking = use_state(|| None::<usize>);
    {
        let asking = asking.clone();
        use_effect_with(props.done, move |_| asking.set(None));
    }
    let reason = use_node_ref();
    let buttons = props.buttons.iter().enumerate().map(|(i, b)| {
        let onclick = if b.needs_reason || !b.choices.is_empty() {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(Some(i)))
        } else {
            props.on_action.reform(move |_: MouseEvent| (i, None))
        };
        html! {
            <button class="button secondary small" type="button" aria-label={b.aria.clone()}
                disabled={props.busy || b.waiting} {onclick}>{ b.label }</button>
        }
    });
    let form = asking.and_then(|i| props.buttons.get(i).map(|b| (i, b))).map(|(i, b)| {
        let (on_action, reason_ref, asking) = (props.on_action.clone(), reason.clone(), asking.clone());
        let onsubmit = Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = reason_ref
                .cast::<HtmlInputElement>()
                .map(|x| x.value())
                .or_else(|| reason_ref.cast::<HtmlSelectElement>().map(|x| x.value()))
                .unwrap_or_default();
            on_action.emit((i, Some(text)));
        });
        let cancel = Callback::from(move |_: MouseEvent| asking.set(None));
        let input_id = format!("reason-{}", props.id);
        let verb = b.label.trim_end_matches('…');
        html! {
            <form class="inline-form" {onsubmit} aria-label={b.aria.clone()}>
                if b.choices.is_empty() {
                    <label for={input_id.clone()}>{ b.prompt.map_or_else(|| format!("Reason to {}", verb.to_lowercase()), str::to_string) }</label>
                    <input id={input_id} ref={reason} />
                } else {
                    <label for={input_id.clone()}>{ format!("{verb} to") }</label>
                    <select id={input_id} ref={reason}>
                        { for b.choices.iter().map(|(value, label)| html! { <option value={value.clone()}>{ label.clone() }</option> }) }
                    </select>
                }
                <button class="button small" type="submit" disabled={props.busy}>{ verb }</button>
                <button class="button secondary small" type="button" onclick={cancel}>{ "Cancel" }</button>
            </form>
        }
    });
    html! {
        <>
            <div class="actions">{ for buttons }</div>
            { for form }
            if let Some(e) = &props.error {
                <div class="field-error" role="alert">{ e.clone() }</div>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use trellis_api::Keyed;
    use yew::Callback;

    use super::RecordAction;

    #[derive(Clone, Debug, PartialEq)]
    struct Row(&'static str, u8);

    impl Keyed for Row {
        fn id(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn the_latest_answer_applies_only_to_its_own_record() {
        let work = RecordAction {
            updated: Some(Row("a", 2)),
            busy: false,
            error: None,
            run: Callback::noop(),
            done: 0,
        };
        assert_eq!(work.latest(&Row("a", 1)), Row("a", 2));
        assert_eq!(
            work.latest(&Row("b", 1)),
            Row("b", 1),
            "a reused row shows its own record"
        );
    }
}
