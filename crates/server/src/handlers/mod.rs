//! HTTP handlers, grouped by area; each area exposes a `router()` that documents itself in OpenAPI.

pub mod activity;
pub mod admin;
pub mod announcements;
pub mod audit;
pub mod community;
pub mod import;
pub mod mdf;
pub mod partners;
pub mod products;
pub mod records;
pub mod reports;
pub mod support;
pub mod surveys;
pub mod training;
pub mod users;
pub mod workflows;
