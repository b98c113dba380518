//! The channel team's lead distribution panel: pick a rule and a deadline, see what went where.

use std::collections::BTreeMap;

use trellis_api::distribution::{Distribution, DistributionResult, DistributionRule, MatchRule};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::directory::Directory;

/// The rules as (value, label, what it does).
const RULES: &[(&str, &str, &str)] = &[
    (
        "round_robin",
        "Round robin",
        "Partners take turns, in name order.",
    ),
    (
        "tier_weighted",
        "By tier",
        "Partners take turns; higher tiers get more leads.",
    ),
    (
        "region",
        "By region",
        "Each lead goes to a partner in its region, in turn.",
    ),
    (
        "postcode_prefix",
        "By postcode",
        "The longest matching postcode prefix decides.",
    ),
    (
        "product_interest",
        "By product",
        "The lead's product interest decides.",
    ),
    (
        "manual",
        "One partner",
        "Every lead in the pool goes to one partner.",
    ),
];

/// Properties of [`DistributePanel`].
#[derive(Properties, PartialEq)]
pub struct DistributeProps {
    /// Fired after leads were handed out, so lists reload.
    pub on_done: Callback<()>,
}

/// Distributes every lead in the pool by the chosen rule.
#[component]
pub fn DistributePanel(props: &DistributeProps) -> Html {
    let backend = use_backend();
    let partners = use_context::<Directory>().unwrap_or_default();
    let rule = use_state(|| "round_robin".to_string());
    let rows = use_state(|| vec![(String::new(), String::new())]);
    let days = use_state(|| "3".to_string());
    let manual = use_node_ref();
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<DistributionResult, String>>);
    let first_partner = partners
        .partners
        .first()
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let on_rule = {
        let rule = rule.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                rule.set(s.value());
            }
        })
    };
    let onsubmit = {
        let (rule, rows, days, manual, busy, outcome, on_done) = (
            rule.clone(),
            rows.clone(),
            days.clone(),
            manual.clone(),
            busy.clone(),
            outcome.clone(),
            props.on_done.clone(),
        );
        let first_partner = first_partner.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let rules = || {
                rows.iter()
                    .filter(|(v, _)| !v.trim().is_empty())
                    .map(|(v, p)| MatchRule {
                        value: v.trim().into(),
                        partner_account_id: if p.is_empty() {
                            first_partner.clone()
                        } else {
                            p.clone()
                        },
                    })
                    .collect()
            };
            let chosen = match rule.as_str() {
                "tier_weighted" => DistributionRule::TierWeighted,
                "region" => DistributionRule::Region,
                "postcode_prefix" => DistributionRule::PostcodePrefix { rules: rules() },
                "product_interest" => DistributionRule::ProductInterest { rules: rules() },
                "manual" => DistributionRule::Manual {
                    partner_account_id: manual
                        .cast::<HtmlSelectElement>()
                        .map(|s| s.value())
                        .unwrap_or_default(),
                },
                _ => DistributionRule::RoundRobin,
            };
            let within = days.trim().parse::<u32>().ok();
            let body = Distribution {
                lead_ids: None,
                rule: chosen,
                accept_within_days: Some(within.unwrap_or(0)),
            };
            if let Err(e) = body.days() {
                let why = e.field("accept_within_days").unwrap_or("is invalid");
                outcome.set(Some(Err(format!("Days to accept {why}"))));
                return;
            }
            let (backend, busy, outcome, on_done) = (
                backend.clone(),
                busy.clone(),
                outcome.clone(),
                on_done.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = backend.distribute_leads(&body).await;
                busy.set(false);
                if result.is_ok() {
                    on_done.emit(());
                }
                outcome.set(Some(result.map_err(|e| e.message())));
            });
        })
    };
    let on_days = {
        let days = days.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                days.set(i.value());
            }
        })
    };
    let needs_rules = matches!(rule.as_str(), "postcode_prefix" | "product_interest");
    let partner_options = |selected: &str| {
        partners
            .partners
            .iter()
            .map(|a| html! { <option value={a.id.clone()} selected={a.id == selected}>{ a.name.clone() }</option> })
            .collect::<Html>()
    };
    let rule_rows = rows.iter().enumerate().map(|(i, (value, partner))| {
        let set = |col: usize| {
            let rows = rows.clone();
            Callback::from(move |e: Event| {
                let v = e
                    .target_dyn_into::<HtmlInputElement>()
                    .map(|x| x.value())
                    .or_else(|| e.target_dyn_into::<HtmlSelectElement>().map(|x| x.value()))
                    .unwrap_or_default();
                let mut next = (*rows).clone();
                if col == 0 { next[i].0 = v } else { next[i].1 = v }
                rows.set(next);
            })
        };
        let what = if rule.as_str() == "postcode_prefix" { "Postcode prefix" } else { "Product" };
        html! {
            <div class="rule-row">
                <label for={format!("rule-value-{i}")}>{ format!("{what} {}", i + 1) }</label>
                <input id={format!("rule-value-{i}")} value={value.clone()} onchange={set(0)} />
                <label for={format!("rule-partner-{i}")}>{ "goes to" }</label>
                <select id={format!("rule-partner-{i}")} onchange={set(1)}>{ partner_options(partner) }</select>
            </div>
        }
    });
    let add_row = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push((String::new(), String::new()));
            rows.set(next);
        })
    };
    let summary = outcome.as_ref().map(|o| match o {
        Err(message) => html! { <div class="alert error" role="alert">{ message.clone() }</div> },
        Ok(r) => {
            let mut per: BTreeMap<String, usize> = BTreeMap::new();
            for (_, p) in &r.assigned {
                let name = partners.account_name(p).unwrap_or(p).to_string();
                *per.entry(name).or_default() += 1;
            }
            let split: Vec<String> = per.iter().map(|(n, c)| format!("{n} {c}")).collect();
            html! {
                <div class="alert" role="status">
                    <strong>{ format!("Assigned {} lead{}", r.assigned.len(), if r.assigned.len() == 1 { "" } else { "s" }) }</strong>
                    if !split.is_empty() { { format!(" ({})", split.join(", ")) } }
                    { format!(", to accept by {}.", r.accept_by.get(0..10).unwrap_or("")) }
                    if !r.skipped.is_empty() {
                        <div>{ format!("{} stayed in the pool: {}", r.skipped.len(),
                            r.skipped.iter().take(3).map(|s| s.reason.clone()).collect::<Vec<_>>().join("; ")) }</div>
                    }
                </div>
            }
        }
    });
    let description = RULES
        .iter()
        .find(|(v, _, _)| *v == rule.as_str())
        .map_or("", |r| r.2);
    html! {
        <form class="card distribute" {onsubmit} novalidate=true aria-label="Distribute leads">
            <h2>{ "Distribute the lead pool" }</h2>
            <div class="form-grid">
                <div class="field">
                    <label for="dist-rule">{ "Rule" }</label>
                    <select id="dist-rule" onchange={on_rule} aria-describedby="dist-rule-hint">
                        { for RULES.iter().map(|(v, l, _)| html! { <option value={*v} selected={rule.as_str() == *v}>{ *l }</option> }) }
                    </select>
                    <p class="muted small-text" id="dist-rule-hint">{ description }</p>
                </div>
                <div class="field">
                    <label for="dist-days">{ "Days to accept" }</label>
                    <input id="dist-days" type="number" min="1" max="30" value={(*days).clone()} oninput={on_days} />
                    <p class="muted small-text">{ "Leads not accepted in time go back to the pool." }</p>
                </div>
                if rule.as_str() == "manual" {
                    <div class="field">
                        <label for="dist-partner">{ "Partner" }</label>
                        <select id="dist-partner" ref={manual}>{ partner_options("") }</select>
                    </div>
                }
            </div>
            if needs_rules {
                <fieldset class="rules">
                    <legend>{ "Rules" }</legend>
                    { for rule_rows }
                    <button class="button secondary small" type="button" onclick={add_row}>{ "Add rule" }</button>
                </fieldset>
            }
            { for summary }
            <div class="form-actions">
                <button class="button" type="submit" disabled={*busy}>{ if *busy { "Distributing…" } else { "Distribute pool" } }</button>
            </div>
        </form>
    }
}
