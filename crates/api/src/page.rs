//! Community pages: a tree of regions (sections, rows, columns) holding components.

use serde::{Deserialize, Serialize};

use crate::Audience;

/// A page of the community, laid out as a tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page {
    pub id: String,
    pub title: String,
    pub root: Vec<LayoutNode>,
}

/// One node of a page layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LayoutNode {
    /// A titled group of nodes stacked vertically.
    Section {
        id: String,
        #[serde(default)]
        title: String,
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        children: Vec<LayoutNode>,
    },
    /// A row of 1 to 4 columns.
    Row {
        id: String,
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        columns: Vec<Column>,
    },
    /// A placed component with its settings.
    Component {
        id: String,
        component: ComponentKind,
        /// Settings, typed per component kind by the builder.
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        props: serde_json::Map<String, serde_json::Value>,
        #[serde(default)]
        audience: Audience,
    },
}

/// A column of a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = LayoutColumn))]
pub struct Column {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<LayoutNode>,
}

/// The components a page can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Heading,
    RichText,
    Image,
    Button,
    AnnouncementList,
    LeadInbox,
    DealRegistrationForm,
    PipelineSummary,
    KpiTile,
    Chart,
    TrainingProgress,
    ContactCard,
    SupportCaseForm,
    Spacer,
}

impl ComponentKind {
    /// Every kind, in palette order.
    pub const ALL: [ComponentKind; 14] = [
        ComponentKind::Heading,
        ComponentKind::RichText,
        ComponentKind::Image,
        ComponentKind::Button,
        ComponentKind::AnnouncementList,
        ComponentKind::LeadInbox,
        ComponentKind::DealRegistrationForm,
        ComponentKind::PipelineSummary,
        ComponentKind::KpiTile,
        ComponentKind::Chart,
        ComponentKind::TrainingProgress,
        ComponentKind::ContactCard,
        ComponentKind::SupportCaseForm,
        ComponentKind::Spacer,
    ];
}

impl LayoutNode {
    /// The node's id.
    pub fn id(&self) -> &str {
        match self {
            LayoutNode::Section { id, .. }
            | LayoutNode::Row { id, .. }
            | LayoutNode::Component { id, .. } => id,
        }
    }

    /// How many levels the node spans: 1 for a component, one more than its deepest child for
    /// a section or a row (`site_rules::MAX_LAYOUT_DEPTH` bounds it).
    pub fn depth(&self) -> usize {
        let deepest = |nodes: &mut dyn Iterator<Item = &LayoutNode>| {
            nodes.map(LayoutNode::depth).max().unwrap_or(0)
        };
        match self {
            LayoutNode::Component { .. } => 1,
            LayoutNode::Section { children, .. } => 1 + deepest(&mut children.iter()),
            LayoutNode::Row { columns, .. } => {
                1 + deepest(&mut columns.iter().flat_map(|c| c.children.iter()))
            }
        }
    }

    /// Every component at or below this node, depth first, as (kind, settings).
    pub fn components(&self) -> Vec<(ComponentKind, &serde_json::Map<String, serde_json::Value>)> {
        let mut out = Vec::new();
        self.collect_components(&mut out);
        out
    }

    fn collect_components<'a>(
        &'a self,
        out: &mut Vec<(
            ComponentKind,
            &'a serde_json::Map<String, serde_json::Value>,
        )>,
    ) {
        match self {
            LayoutNode::Section { children, .. } => {
                children.iter().for_each(|c| c.collect_components(out))
            }
            LayoutNode::Row { columns, .. } => columns
                .iter()
                .flat_map(|c| &c.children)
                .for_each(|c| c.collect_components(out)),
            LayoutNode::Component {
                component, props, ..
            } => out.push((*component, props)),
        }
    }
}
