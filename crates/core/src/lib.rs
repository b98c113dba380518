//! The Trellis core: each feature's steps (load within scope, check, write, read back), written
//! once over a storage interface. The server runs them over SQLite, the in-browser demo over
//! memory; the rules themselves live in the contract (`trellis-api`).

pub mod accounts;
pub mod activity;
pub mod announcements;
pub mod audit;
pub mod community;
pub mod cx;
pub mod deal_flow;
pub mod distribution;
pub mod error;
pub mod import;
pub mod lead_flow;
pub mod mdf;
pub mod products;
pub mod records;
pub mod reports;
pub mod support;
pub mod surveys;
pub mod training;
pub mod users;

pub use cx::Cx;
pub use error::{CoreError, Result};
