//! Partnership changes on an account row: make partner, change tier, end partnership, and the tier history.

use trellis_api::{parse_wire, wire_name, Account, PartnerChange, PartnerType, Tier};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::actions::use_record_action;
use crate::components::directory::{Directory, TierName};
use crate::components::load::{use_load, Load};

/// Properties of [`PartnershipCell`].
#[derive(Properties, PartialEq)]
pub struct PartnershipProps {
    pub account: Account,
}

#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Join,
    Move,
    Leave,
}

/// The account's tier with the partnership actions and its history.
#[component]
pub fn PartnershipCell(props: &PartnershipProps) -> Html {
    let backend = use_backend();
    let directory = use_context::<Directory>().unwrap_or_default();
    let work = use_record_action::<Account>();
    let asking = use_state(|| None::<Asking>);
    let history = use_state(|| false);
    let (tier, kind, reason) = (use_node_ref(), use_node_ref(), use_node_ref());
    let account = work.latest(&props.account);
    let tiers: Vec<Tier> = directory
        .programs
        .iter()
        .flat_map(|p| p.tiers.iter().cloned())
        .collect();
    let ask = |what: Asking| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(Some(what)))
    };
    let onsubmit = {
        let (asking, run, id) = (asking.clone(), work.run.clone(), account.id.clone());
        let name = account.name.clone();
        let names = directory.clone();
        let (tier, kind, reason) = (tier.clone(), kind.clone(), reason.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .or_else(|| r.cast::<HtmlInputElement>().map(|i| i.value()))
                    .unwrap_or_default()
            };
            let reason = value(&reason);
            let change = match *asking {
                Some(Asking::Join) => PartnerChange::Join {
                    partner_type: parse_wire(&value(&kind)).unwrap_or(PartnerType::Reseller),
                    tier_id: value(&tier),
                    reason,
                },
                Some(Asking::Move) => PartnerChange::MoveTier {
                    tier_id: value(&tier),
                    reason,
                },
                Some(Asking::Leave) => PartnerChange::Leave { reason },
                None => return,
            };
            let tier_name = |id: &str| names.tier_name(id).unwrap_or("its new tier").to_string();
            let done = match &change {
                PartnerChange::Join { tier_id, .. } => {
                    format!("{name} joined the programme at {}", tier_name(tier_id))
                }
                PartnerChange::MoveTier { tier_id, .. } => {
                    format!("{name} moved to {}", tier_name(tier_id))
                }
                PartnerChange::Leave { .. } => format!("{name} left the programme"),
            };
            let (backend, id, asking) = (backend.clone(), id.clone(), asking.clone());
            run.emit((
                Box::pin(async move {
                    let account = backend.change_partnership(&id, &change).await?;
                    asking.set(None);
                    Ok(account)
                }),
                done,
            ));
        })
    };
    let form = asking.map(|what| {
        let verb = match what {
            Asking::Join => "Make partner",
            Asking::Move => "Change tier",
            Asking::Leave => "End partnership",
        };
        let id = &account.id;
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(None))
        };
        html! {
            <form class="inline-form stacked" onsubmit={onsubmit.clone()} aria-label={format!("{verb}: {}", account.name)}>
                if what == Asking::Join {
                    <label for={format!("kind-{id}")}>{ "Partner type" }</label>
                    <select id={format!("kind-{id}")} ref={kind.clone()}>
                        { for ["reseller", "distributor", "referral", "technology"].iter().map(|k| html! { <option value={*k}>{ *k }</option> }) }
                    </select>
                }
                if what != Asking::Leave {
                    <label for={format!("tier-{id}")}>{ "Tier" }</label>
                    <select id={format!("tier-{id}")} ref={tier.clone()}>
                        { for tiers.iter().filter(|t| account.tier_id.as_ref() != Some(&t.id)).map(|t| html! {
                            <option value={t.id.clone()}>{ t.name.clone() }</option>
                        }) }
                    </select>
                }
                <label for={format!("why-{id}")}>{ "Reason" }</label>
                <input id={format!("why-{id}")} ref={reason.clone()} />
                <button class="button small" type="submit" disabled={work.busy}>{ verb }</button>
                <button class="button secondary small" type="button" onclick={cancel}>{ "Cancel" }</button>
            </form>
        }
    });
    let toggle_history = {
        let history = history.clone();
        Callback::from(move |_: MouseEvent| history.set(!*history))
    };
    let name = account.name.clone();
    html! {
        <div class="deal-review">
            <div><TierName id={account.tier_id.clone()} />{ " " }
                <span class="muted small-text">{ account.partner_type.map(|t| wire_name(&t)).unwrap_or_else(|| "Customer or prospect".into()) }</span></div>
            <div class="actions">
                if account.is_partner {
                    <button class="button secondary small" type="button" aria-label={format!("Change tier of {name}")} onclick={ask(Asking::Move)}>{ "Change tier…" }</button>
                    <button class="button secondary small" type="button" aria-label={format!("End partnership with {name}")} onclick={ask(Asking::Leave)}>{ "End…" }</button>
                } else {
                    <button class="button secondary small" type="button" aria-label={format!("Make {name} a partner")} onclick={ask(Asking::Join)}>{ "Make partner…" }</button>
                }
                <button class="button secondary small" type="button" aria-expanded={history.to_string()}
                    aria-label={format!("Tier history of {name}")} onclick={toggle_history}>{ "History" }</button>
            </div>
            { for form }
            if let Some(e) = &work.error { <div class="field-error" role="alert">{ e.clone() }</div> }
            if *history { <TierHistory id={account.id.clone()} version={account.tier_id.clone()} /> }
        </div>
    }
}

/// Properties of [`TierHistory`].
#[derive(Properties, PartialEq)]
pub struct TierHistoryProps {
    pub id: String,
    /// Reloads the history when the tier changes.
    pub version: Option<String>,
}

/// An account's partnership and tier changes, newest first, with reasons.
#[component]
pub fn TierHistory(props: &TierHistoryProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    let (state, _) = use_load(
        (props.id.clone(), props.version.clone()),
        |b, (id, _)| async move { b.tier_history(&id).await },
    );
    let tier_name = |id: &Option<String>| match id {
        None => "not a partner".to_string(),
        Some(id) => directory.tier_name(id).unwrap_or(id).to_string(),
    };
    match &*state {
        Load::Loading => html! { <p class="muted small-text">{ "Loading history…" }</p> },
        Load::Failed(e) => html! { <p class="field-error">{ e.message() }</p> },
        Load::Ready(list) if list.is_empty() => {
            html! { <p class="muted small-text">{ "No tier changes yet." }</p> }
        }
        Load::Ready(list) => html! {
            <ol class="history small-text">
                { for list.iter().map(|c| html! {
                    <li>
                        <strong>{ format!("{} → {}", tier_name(&c.from_tier_id), tier_name(&c.to_tier_id)) }</strong>
                        { format!(" · {} · {} · {}", c.changed_at.get(0..10).unwrap_or(""), c.changed_by, c.reason) }
                    </li>
                }) }
            </ol>
        },
    }
}
