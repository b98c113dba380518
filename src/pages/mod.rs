//! One module per route.

#[cfg(feature = "staff")]
pub mod admin;
pub mod announcements;
#[cfg(feature = "staff")]
pub mod audit;
#[cfg(feature = "staff")]
pub mod builder;
pub mod case;
pub mod contact_edit;
pub mod contacts;
pub mod dashboards;
pub mod deal_new;
pub mod deals;
pub mod funds;
pub mod home;
pub mod import;
pub mod leads;
pub mod login;
pub mod not_found;
pub mod opportunities;
pub mod opportunity_edit;
pub mod page;
pub mod support;
pub mod surveys;
pub mod training;
pub mod training_module;
