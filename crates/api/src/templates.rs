//! Community templates: whole sites as data. Each is a site export file (`templates/*.json`,
//! the same format as Export and Import), so a template can be edited or added without code.

use crate::site_rules::import_site;
use crate::{Site, Template};

/// `(id, name, description, file)` of every template, in gallery order.
const FILES: [(&str, &str, &str, &str); 4] = [
    (
        "partner_central",
        "Partner Central",
        "Everything a partner does daily: announcements, pipeline, lead inbox and a deal \
         registration shortcut, with a tab for each workspace.",
        include_str!("../templates/partner-central.json"),
    ),
    (
        "deal_desk",
        "Deal Desk",
        "Built around deal registration: the form, registration KPIs and status charts, \
         and who to ask.",
        include_str!("../templates/deal-desk.json"),
    ),
    (
        "enablement_hub",
        "Enablement Hub",
        "Training first: certificates, progress, news and the enablement team.",
        include_str!("../templates/enablement-hub.json"),
    ),
    (
        "blank",
        "Blank",
        "One Home tab with a heading: start from nothing.",
        include_str!("../templates/blank.json"),
    ),
];

/// Every template, in gallery order. Each file is checked like an import (a test keeps them valid).
pub fn all() -> Vec<Template> {
    FILES
        .iter()
        .filter_map(|(id, name, description, file)| {
            Some(Template {
                id: (*id).into(),
                name: (*name).into(),
                description: (*description).into(),
                site: import_site(file).ok()?,
            })
        })
        .collect()
}

/// The "Partner Central" site: a home page and a tab for each daily workspace view.
pub fn partner_central() -> Site {
    import_site(FILES[0].3).expect("the Partner Central template is valid (tested)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    #[test]
    fn every_template_is_a_valid_site_file() {
        assert_eq!(all().len(), FILES.len());
        for t in all() {
            assert_eq!(t.site.name, t.name);
            let visible = t.site.visible_tabs(Some("tier_silver"), Role::PartnerUser);
            assert!(!visible.is_empty(), "{} shows partners no tab", t.name);
        }
        let names: Vec<_> = all().into_iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            ["Partner Central", "Deal Desk", "Enablement Hub", "Blank"]
        );
    }

    #[test]
    fn partner_central_has_the_daily_tabs() {
        let labels: Vec<_> = partner_central()
            .tabs
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(
            labels,
            [
                "Home",
                "Leads",
                "Deals",
                "Opportunities",
                "Contacts",
                "Dashboards",
                "Funds",
                "Training",
                "Support"
            ]
        );
    }
}
