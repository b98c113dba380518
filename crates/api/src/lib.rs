//! The Trellis contract: every type that crosses the wire between the client and a PRM backend.
//!
//! Builds for wasm and native, with no web-framework or database dependency.

pub mod accounts;
pub mod activity;
pub mod announcements;
pub mod audit;
pub mod bundles;
pub mod colour;
pub mod community;
pub mod datetime;
pub mod deal_flow;
pub mod distribution;
pub mod endpoints;
pub mod error;
pub mod file_format;
pub mod import;
pub mod lead_flow;
pub mod markdown;
pub mod mdf;
pub mod openapi;
pub mod page;
pub mod partnership;
pub mod products;
pub mod queues;
pub mod records;
pub mod reports;
pub mod screens;
pub mod seed;
pub mod site_rules;
pub mod support;
pub mod surveys;
pub mod templates;
pub mod theme;
pub mod training;
pub mod upload;
pub mod validate;
pub mod widgets;

pub use accounts::*;
pub use announcements::{Announcement, AnnouncementInput};
pub use community::*;
pub use error::*;
pub use mdf::{
    ClaimStatus, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim, MdfClaimInput, MdfRequest,
    MdfRequestInput, MdfRequestStatus, StoredFile,
};
pub use page::*;
pub use partnership::{PartnerChange, TierChange};
pub use records::kind::Record;
pub use records::*;
pub use support::{
    CaseCategory, CaseInput, CaseMessage, CasePriority, CaseStatus, MessageInput, SupportCase,
    SupportChannels,
};
pub use upload::Upload;
pub use validate::{Validate, MAX_NOTES, MAX_TEXT, REQUIRED};

#[cfg(test)]
mod fuzz_tests;
