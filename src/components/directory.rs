//! Tier and partner account names, loaded once for a screen and shared through a context.

use std::rc::Rc;

use trellis_api::{Account, ListQuery, PartnerProgram};
use yew::prelude::*;

use crate::components::load::{use_load, Load};
use crate::format::badge;

/// Tier and partner account names, for one screen.
#[derive(Clone, PartialEq, Default)]
pub struct Directory {
    pub programs: Rc<Vec<PartnerProgram>>,
    pub partners: Rc<Vec<Account>>,
}

/// Properties of [`TierName`] and [`AccountName`].
#[derive(Properties, PartialEq)]
pub struct IdProps {
    pub id: Option<String>,
}

/// A tier's name as a badge.
#[component]
pub fn TierName(props: &IdProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    let Some(id) = &props.id else {
        return html! { <span class="muted">{ "—" }</span> };
    };
    let name = directory
        .programs
        .iter()
        .flat_map(|p| &p.tiers)
        .find(|t| &t.id == id)
        .map(|t| t.name.clone());
    badge(
        id.trim_start_matches("tier_"),
        &name.unwrap_or_else(|| id.clone()),
    )
}

/// A partner account's name; vendor staff have none.
#[component]
pub fn AccountName(props: &IdProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    let Some(id) = &props.id else {
        return html! { <span class="muted">{ "Vendor" }</span> };
    };
    let name = directory
        .partners
        .iter()
        .find(|a| &a.id == id)
        .map(|a| a.name.clone());
    html! { name.unwrap_or_else(|| id.clone()) }
}

/// Loads the directory once; while it loads (or if it fails) it is empty and names show as ids.
#[hook]
pub fn use_directory() -> Directory {
    let (directory, _) = use_load((), |b, ()| async move {
        let programs = b.list_programs().await?;
        let query = ListQuery {
            status: Some("partner".into()),
            limit: Some(ListQuery::MAX_LIMIT),
            ..Default::default()
        };
        let partners = b.list_accounts(&query).await?.items;
        Ok(Directory {
            programs: Rc::new(programs),
            partners: Rc::new(partners),
        })
    });
    match &*directory {
        Load::Ready(d) => d.clone(),
        _ => Directory::default(),
    }
}
