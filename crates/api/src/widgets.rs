//! The component catalogue: what each page component is called and which typed settings it
//! takes, with defaults. The builder's palette and property panel, the renderer and the layout
//! validation (UI, demo backend and server) all read this one table.

use serde_json::{Map, Value};

use crate::{ComponentKind, ListQuery};

/// The type of one setting, with its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropKind {
    /// One line of text, at most `max` characters.
    Text { max: usize, required: bool },
    /// Markdown, at most `MAX_NOTES` characters.
    Markdown,
    /// An in-app path (`/deals/new`) or an http(s) address.
    Link,
    /// An https address or an in-app path of an image; may be empty.
    ImageUrl,
    /// A whole number in `min..=max`.
    Int { min: i64, max: i64 },
    /// One of the listed `(value, label)` pairs.
    Choice(&'static [(&'static str, &'static str)]),
}

/// A setting's default value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropDefault {
    Text(&'static str),
    Int(i64),
}

impl PropDefault {
    /// The default as JSON.
    pub fn value(self) -> Value {
        match self {
            PropDefault::Text(s) => Value::String(s.into()),
            PropDefault::Int(n) => Value::from(n),
        }
    }
}

/// One setting of a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PropSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: PropKind,
    pub default: PropDefault,
}

/// A component as the palette shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComponentInfo {
    pub kind: ComponentKind,
    pub label: &'static str,
    pub description: &'static str,
    pub props: &'static [PropSpec],
}

const fn text(
    key: &'static str,
    label: &'static str,
    max: usize,
    default: &'static str,
) -> PropSpec {
    PropSpec {
        key,
        label,
        kind: PropKind::Text {
            max,
            required: true,
        },
        default: PropDefault::Text(default),
    }
}

const fn optional(key: &'static str, label: &'static str, max: usize) -> PropSpec {
    PropSpec {
        key,
        label,
        kind: PropKind::Text {
            max,
            required: false,
        },
        default: PropDefault::Text(""),
    }
}

const fn int(key: &'static str, label: &'static str, min: i64, max: i64, default: i64) -> PropSpec {
    PropSpec {
        key,
        label,
        kind: PropKind::Int { min, max },
        default: PropDefault::Int(default),
    }
}

const fn choice(
    key: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    default: &'static str,
) -> PropSpec {
    PropSpec {
        key,
        label,
        kind: PropKind::Choice(options),
        default: PropDefault::Text(default),
    }
}

/// The partner reports a chart or KPI tile can show.
pub const CHART_REPORTS: &[(&str, &str)] = &[
    ("pipeline_by_stage", "Pipeline by stage"),
    ("win_rate", "Win rate"),
    ("leads_by_status", "Leads by status"),
    ("deals_by_status", "Deals by status"),
    ("training_progress", "Training progress"),
];

const TITLE_MAX: usize = 80;

/// Every component, in palette order.
pub const CATALOGUE: &[ComponentInfo] = &[
    ComponentInfo {
        kind: ComponentKind::Heading,
        label: "Heading",
        description: "A page or section title",
        props: &[
            text("text", "Text", 120, "Heading"),
            int("level", "Level (1 = page title)", 1, 3, 2),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::RichText,
        label: "Rich text",
        description: "Formatted text (markdown)",
        props: &[PropSpec {
            key: "text",
            label: "Text (markdown)",
            kind: PropKind::Markdown,
            default: PropDefault::Text("Write something for your partners."),
        }],
    },
    ComponentInfo {
        kind: ComponentKind::Image,
        label: "Image",
        description: "A picture with a text alternative",
        props: &[
            PropSpec {
                key: "src",
                label: "Image address",
                kind: PropKind::ImageUrl,
                default: PropDefault::Text(""),
            },
            optional("alt", "Text alternative", 150),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::Button,
        label: "Button",
        description: "A link styled as a button",
        props: &[
            text("label", "Label", 60, "Open"),
            PropSpec {
                key: "href",
                label: "Opens",
                kind: PropKind::Link,
                default: PropDefault::Text("/"),
            },
        ],
    },
    ComponentInfo {
        kind: ComponentKind::AnnouncementList,
        label: "Announcement list",
        description: "The latest announcements for this partner",
        props: &[
            text("title", "Title", TITLE_MAX, "Announcements"),
            int("limit", "How many", 1, 10, 3),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::LeadInbox,
        label: "Lead inbox",
        description: "Leads waiting for this partner",
        props: &[
            text("title", "Title", TITLE_MAX, "New leads"),
            int("limit", "How many", 1, 20, 5),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::DealRegistrationForm,
        label: "Deal registration",
        description: "A shortcut to register a deal",
        props: &[
            text("title", "Title", TITLE_MAX, "Register a deal"),
            optional("intro", "Introduction", 200),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::PipelineSummary,
        label: "Pipeline summary",
        description: "Open opportunities by stage",
        props: &[text("title", "Title", TITLE_MAX, "Pipeline")],
    },
    ComponentInfo {
        kind: ComponentKind::KpiTile,
        label: "KPI tile",
        description: "One key figure",
        props: &[
            choice(
                "metric",
                "Figure (from a report)",
                CHART_REPORTS,
                "pipeline_by_stage",
            ),
            optional("label", "Label (default: the figure's name)", 60),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::Chart,
        label: "Chart",
        description: "A report drawn as a chart",
        props: &[
            choice("report", "Report", CHART_REPORTS, "pipeline_by_stage"),
            optional("title", "Title (default: the report's name)", TITLE_MAX),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::TrainingProgress,
        label: "Training progress",
        description: "Modules passed and certificates",
        props: &[text("title", "Title", TITLE_MAX, "Your training")],
    },
    ComponentInfo {
        kind: ComponentKind::ContactCard,
        label: "Contact card",
        description: "Who partners can call",
        props: &[
            text("heading", "Heading", TITLE_MAX, "Your channel manager"),
            text("name", "Name", TITLE_MAX, "Channel team"),
            optional("job_title", "Job title", TITLE_MAX),
            optional("email", "Email", TITLE_MAX),
            optional("phone", "Phone", 40),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::SupportCaseForm,
        label: "Support case",
        description: "A shortcut to open a support case",
        props: &[
            text("title", "Title", TITLE_MAX, "Need help?"),
            optional("intro", "Introduction", 200),
        ],
    },
    ComponentInfo {
        kind: ComponentKind::Spacer,
        label: "Spacer or divider",
        description: "Space or a line between blocks",
        props: &[
            choice(
                "style",
                "Style",
                &[("divider", "Line"), ("space", "Empty space")],
                "divider",
            ),
            choice(
                "size",
                "Size",
                &[("small", "Small"), ("medium", "Medium"), ("large", "Large")],
                "medium",
            ),
        ],
    },
];

impl ComponentKind {
    /// The catalogue entry of this kind.
    pub fn info(self) -> &'static ComponentInfo {
        CATALOGUE
            .iter()
            .find(|c| c.kind == self)
            .expect("every component kind is in the catalogue")
    }
}

/// The settings of a new component: every default.
pub fn default_props(kind: ComponentKind) -> Map<String, Value> {
    kind.info()
        .props
        .iter()
        .map(|p| (p.key.to_string(), p.default.value()))
        .collect()
}

/// A text setting, or its default when unset.
pub fn prop_text(kind: ComponentKind, props: &Map<String, Value>, key: &str) -> String {
    match props.get(key) {
        Some(Value::String(s)) => s.clone(),
        _ => match spec(kind, key).map(|s| s.default) {
            Some(PropDefault::Text(t)) => t.to_string(),
            _ => String::new(),
        },
    }
}

/// A number setting, or its default when unset.
pub fn prop_int(kind: ComponentKind, props: &Map<String, Value>, key: &str) -> i64 {
    props.get(key).and_then(Value::as_i64).unwrap_or_else(|| {
        match spec(kind, key).map(|s| s.default) {
            Some(PropDefault::Int(n)) => n,
            _ => 0,
        }
    })
}

/// What a lead inbox asks for: the newest leads waiting to be accepted, `limit` of them (1–20).
pub fn inbox_query(limit: i64) -> ListQuery {
    ListQuery {
        status: Some("assigned".into()),
        limit: Some(limit.clamp(1, 20) as u32),
        ..Default::default()
    }
}

/// The spec of one setting.
pub fn spec(kind: ComponentKind, key: &str) -> Option<&'static PropSpec> {
    kind.info().props.iter().find(|p| p.key == key)
}

mod check;

pub use check::{check_props, check_value, is_image_address, is_safe_link};

#[cfg(test)]
mod tests;
