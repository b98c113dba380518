//! The deal review policy as administrators set it: the amount above which a registration
//! needs a second approver.

use trellis_api::deal_flow::DealReview;
use trellis_api::Role;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::form::{use_form_then, whole_number, Field};
use crate::components::load::{use_live_load, Load};
use crate::session::use_session;

/// The policy's form (administrators) or what it says (channel managers).
#[component]
pub fn DealReviewSettings() -> Html {
    let backend = use_backend();
    let session = use_session();
    let admin = session.me().is_some_and(|m| m.user.role == Role::Admin);
    // Live: the saved policy reads back, as another administrator's change would.
    let (policy, _) = use_live_load((), |b, ()| async move { b.deal_review_policy().await });
    let typed = use_state(|| None::<String>);
    let state = use_form_then(Callback::noop());
    let Load::Ready(policy) = &*policy else {
        return Html::default();
    };
    let shown = (*typed).clone().unwrap_or_else(|| {
        policy
            .second_approval_above
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let summary = match policy.second_approval_above {
        Some(n) => format!(
            "Registrations estimated above {} need a second approver.",
            crate::format::money(n, "").trim_end()
        ),
        None => "One approval is enough for every registration.".to_string(),
    };
    if !admin {
        return html! { <p class="muted">{ summary }</p> };
    }
    let onsubmit = {
        let (typed, invalid, save, backend) = (
            typed.clone(),
            state.invalid.clone(),
            state.save.clone(),
            backend.clone(),
        );
        let shown = shown.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = shown.trim().to_string();
            let amount = match (text.is_empty(), whole_number(&text)) {
                (true, _) => None,
                (false, Some(n)) => Some(n),
                (false, None) => {
                    invalid.emit(
                        [(
                            "second_approval_above".to_string(),
                            "must be a whole amount".to_string(),
                        )]
                        .into(),
                    );
                    return;
                }
            };
            let policy = DealReview {
                second_approval_above: amount,
            };
            let (backend, typed) = (backend.clone(), typed.clone());
            save.emit(Box::pin(async move {
                let saved = backend.set_deal_review_policy(&policy).await?;
                typed.set(None);
                Ok(match saved.second_approval_above {
                    Some(n) => format!(
                        "Deals above {} now need two approvals",
                        crate::format::money(n, "").trim_end()
                    ),
                    None => "Every deal now needs one approval".to_string(),
                })
            }));
        })
    };
    let on_change = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(Some(v)))
    };
    html! {
        <form class="card form-grid" {onsubmit} novalidate=true aria-label="Deal review">
            <p class="span-2 muted">{ summary }</p>
            if let Some(message) = &state.alert {
                <div class="alert error span-2" role="alert">{ message.clone() }</div>
            }
            <Field id="second_approval_above" label="Second approval above (estimated amount)" value={shown} {on_change}
                hint={AttrValue::Static("In the registration's own currency. Leave empty for one approval on every deal.")}
                error={state.errors.get("second_approval_above").map(|m| format!("The amount {m}"))} />
            <div class="form-actions span-2">
                <button class="button" type="submit" disabled={state.busy}>{ if state.busy { "Saving…" } else { "Save review policy" } }</button>
            </div>
        </form>
    }
}
