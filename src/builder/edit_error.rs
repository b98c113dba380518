//! Why an edit was refused, and what an applied edit selects: shared by site and theme edits.

use trellis_api::site_rules::MAX_LAYOUT_DEPTH;

use super::tree::TreeError;

/// Why an edit was refused; the site is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    Tree(TreeError),
    NoPage(String),
    NoTab(String),
    /// The node exists but is not of the kind the edit needs.
    WrongKind(String),
    /// A tab still opens the page, so it cannot be deleted.
    PageInUse {
        tab: String,
    },
    NoTheme(String),
    /// Presets are built in: duplicate one to change it.
    PresetReadOnly,
    /// Another theme already has this name.
    ThemeNameTaken(String),
    /// The community or a tier uses the theme, so it cannot be deleted.
    ThemeInUse,
    /// Blocks would nest deeper than a page may (`site_rules::MAX_LAYOUT_DEPTH`).
    TooDeep,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Tree(TreeError::Missing(id)) => write!(f, "Block {id} no longer exists"),
            EditError::Tree(TreeError::IntoItself) => {
                f.write_str("A block cannot go inside itself")
            }
            EditError::NoPage(id) => write!(f, "Page {id} no longer exists"),
            EditError::NoTab(id) => write!(f, "Tab {id} no longer exists"),
            EditError::WrongKind(id) => write!(f, "Block {id} has no such setting"),
            EditError::NoTheme(id) => write!(f, "Theme {id} no longer exists"),
            EditError::ThemeNameTaken(name) => {
                write!(f, "Another theme is called \"{name}\": choose another name")
            }
            EditError::TooDeep => write!(
                f,
                "Blocks nest at most {MAX_LAYOUT_DEPTH} levels deep: place it higher up"
            ),
            EditError::PresetReadOnly => {
                f.write_str("Presets cannot be changed: duplicate it to make your own")
            }
            EditError::ThemeInUse => f.write_str(
                "The community or a tier uses this theme: choose another for them first",
            ),
            EditError::PageInUse { tab } => {
                write!(
                    f,
                    "The tab \"{tab}\" opens this page: point it elsewhere or delete it first"
                )
            }
        }
    }
}

impl From<TreeError> for EditError {
    fn from(e: TreeError) -> Self {
        EditError::Tree(e)
    }
}

/// What `apply` did: the node or page to select afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub page: Option<String>,
    pub select: Option<String>,
}
