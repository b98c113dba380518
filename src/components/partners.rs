//! Partner account names for staff screens, loaded once per page and shared through context.

use std::rc::Rc;

use trellis_api::ListQuery;
use yew::prelude::*;

use crate::components::load::{use_load, Load};

/// Partner accounts as (id, name).
#[derive(Clone, PartialEq, Default)]
pub struct PartnerChoices(pub Rc<Vec<(String, String)>>);

/// The partner accounts, for vendor staff (empty for partners, and until loaded).
#[hook]
pub fn use_partner_choices(staff: bool) -> PartnerChoices {
    let (partners, _) = use_load(staff, |b, staff| async move {
        if !staff {
            return Ok(Vec::new());
        }
        let query = ListQuery {
            status: Some("partner".into()),
            limit: Some(ListQuery::MAX_LIMIT),
            ..Default::default()
        };
        Ok(b.list_accounts(&query)
            .await?
            .items
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect())
    });
    match &*partners {
        Load::Ready(list) => PartnerChoices(Rc::new(list.clone())),
        _ => PartnerChoices::default(),
    }
}

/// Properties of [`PartnerName`].
#[derive(Properties, PartialEq)]
pub struct PartnerNameProps {
    pub id: Option<String>,
}

/// A partner account's name from the page's [`PartnerChoices`]; "Pool" for none.
#[component]
pub fn PartnerName(props: &PartnerNameProps) -> Html {
    let choices = use_context::<PartnerChoices>().unwrap_or_default();
    match &props.id {
        None => html! { <span class="muted">{ "Pool" }</span> },
        Some(id) => {
            let name = choices
                .0
                .iter()
                .find(|(i, _)| i == id)
                .map_or(id.as_str(), |(_, n)| n.as_str());
            html! { name.to_string() }
        }
    }
}
