//! Community templates: whole sites as data, to start a community or a page from.

use serde_json::json;

use crate::*;

fn component(id: &str, component: ComponentKind, props: serde_json::Value) -> LayoutNode {
    LayoutNode::Component {
        id: id.into(),
        component,
        props: match props {
            serde_json::Value::Object(map) => map,
            _ => Default::default(),
        },
        audience: Audience::default(),
    }
}

/// The "Partner Central" site: a home page and a tab for each daily workspace view.
pub fn partner_central() -> Site {
    let view = |id: &str, label: &str, view| Tab {
        id: id.into(),
        label: label.into(),
        target: TabTarget::View { view },
        hidden: false,
        audience: Audience::default(),
    };
    Site {
        name: "Partner Central".into(),
        tabs: vec![
            Tab {
                id: "tab_home".into(),
                label: "Home".into(),
                target: TabTarget::Page {
                    page_id: "page_home".into(),
                },
                hidden: false,
                audience: Audience::default(),
            },
            view("tab_leads", "Leads", WorkspaceView::Leads),
            view("tab_deals", "Deals", WorkspaceView::Deals),
            view("tab_opps", "Opportunities", WorkspaceView::Opportunities),
            view("tab_contacts", "Contacts", WorkspaceView::Contacts),
            view("tab_dashboards", "Dashboards", WorkspaceView::Dashboards),
            view("tab_funds", "Funds", WorkspaceView::Funds),
            view("tab_training", "Training", WorkspaceView::Training),
            view("tab_support", "Support", WorkspaceView::Support),
        ],
        pages: vec![Page {
            id: "page_home".into(),
            title: "Home".into(),
            root: vec![
                component(
                    "n_heading",
                    ComponentKind::Heading,
                    json!({"text": "Welcome to Partner Central", "level": 1}),
                ),
                component(
                    "n_intro",
                    ComponentKind::RichText,
                    json!({"text": "Your leads, deals and pipeline in one place."}),
                ),
                LayoutNode::Row {
                    id: "n_row".into(),
                    columns: vec![
                        Column {
                            id: "n_col1".into(),
                            children: vec![
                                component(
                                    "n_ann",
                                    ComponentKind::AnnouncementList,
                                    json!({"title": "Announcements"}),
                                ),
                                component(
                                    "n_pipe",
                                    ComponentKind::PipelineSummary,
                                    json!({"title": "My pipeline"}),
                                ),
                            ],
                        },
                        Column {
                            id: "n_col2".into(),
                            children: vec![
                                component(
                                    "n_inbox",
                                    ComponentKind::LeadInbox,
                                    json!({"title": "New leads", "limit": 5}),
                                ),
                                component(
                                    "n_deal",
                                    ComponentKind::Button,
                                    json!({"label": "Register a deal", "href": "/deals/new"}),
                                ),
                            ],
                        },
                    ],
                },
            ],
        }],
        theme_id: "theme_default".into(),
    }
}
