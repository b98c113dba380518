//! The Trellis single-page app: partner workspace, community pages, builder and admin screens.

pub mod app;
pub mod backend;
#[cfg(feature = "staff")]
pub mod builder;
pub mod bundles;
pub mod components;
pub mod format;
pub mod pages;
pub mod routes;
pub mod session;
pub mod theme;
