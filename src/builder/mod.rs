//! The community builder: pure state (layout tree, edits, undo/redo, drop maths, moves in
//! progress), tested natively, and the views that edit it.

pub mod autosave;
pub mod canvas;
pub mod carry;
pub mod contrast;
pub mod device;
pub mod dom;
pub mod drop;
pub mod edit;
pub mod edit_error;
pub mod editor;
pub mod gallery;
pub mod ids;
pub mod inspector;
pub mod layout;
pub mod pages_bar;
pub mod palette;
pub mod persona;
pub mod preview;
pub mod tabs_editor;
pub mod theme_edit;
pub mod theme_studio;
pub mod theme_tokens;
pub mod transfer;
pub mod tree;
pub mod versions;
pub mod view;
