//! The community builder: pure state (layout tree, edits, undo/redo, drop maths), tested
//! natively, and the editor's views.

pub mod drop;
pub mod edit;
pub mod editor;
pub mod tree;
