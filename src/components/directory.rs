//! Tier and partner account names, loaded once for a screen and shared through a context: the
//! one place any screen looks up an account's or a tier's name, or lists partners to choose.

use std::rc::Rc;

use trellis_api::{Account, PartnerProgram};
use yew::prelude::*;

use yew_router::prelude::Link;

use crate::components::load::{use_live_load, Load};
use crate::format::badge;
use crate::routes::Route;

/// Tier and partner account names, for one screen.
#[derive(Clone, PartialEq, Default)]
pub struct Directory {
    pub programs: Rc<Vec<PartnerProgram>>,
    pub partners: Rc<Vec<Account>>,
}

impl Directory {
    /// The partner account's name, if it is known.
    pub fn account_name(&self, id: &str) -> Option<&str> {
        self.partners
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
    }

    /// The tier's name, if it is known.
    pub fn tier_name(&self, id: &str) -> Option<&str> {
        self.programs
            .iter()
            .flat_map(|p| &p.tiers)
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
    }

    /// The partner accounts as (id, name), for a choice.
    pub fn partner_choices(&self) -> Vec<(String, String)> {
        self.partners
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect()
    }
}

/// Properties of [`TierName`].
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
    let name = directory.tier_name(id).unwrap_or(id);
    badge(id.trim_start_matches("tier_"), name)
}

/// Properties of [`AccountName`].
#[derive(Properties, PartialEq)]
pub struct AccountNameProps {
    pub id: Option<String>,
    /// What shows for no account: vendor staff have none, a lead in the pool has none.
    #[prop_or(AttrValue::Static("Vendor"))]
    pub none: AttrValue,
}

/// A partner account's name linking to its page (its id until the directory has loaded).
#[component]
pub fn AccountName(props: &AccountNameProps) -> Html {
    let directory = use_context::<Directory>().unwrap_or_default();
    match &props.id {
        None => html! { <span class="muted">{ props.none.clone() }</span> },
        Some(id) => match directory.account_name(id) {
            Some(name) => html! {
                <Link<Route> to={Route::Account { id: id.clone() }}>{ name.to_string() }</Link<Route>>
            },
            None => html! { id.clone() },
        },
    }
}

/// Loads the directory for vendor staff (partners get an empty one), again whenever accounts or
/// tiers change; while it loads (or if it fails) it is empty and names show as ids.
#[hook]
pub fn use_directory(staff: bool) -> Directory {
    let (directory, _) = use_live_load(staff, |b, staff| async move {
        if !staff {
            return Ok(Directory::default());
        }
        let programs = b.list_programs().await?;
        let partners = b
            .list_accounts(&trellis_api::queues::directory_query())
            .await?
            .items;
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
