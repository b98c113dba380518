//! The community builder's pure state: the layout tree and its edits, tested natively.

pub mod tree;
