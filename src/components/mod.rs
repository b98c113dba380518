//! Reusable pieces of the UI.

pub mod actions;
pub mod announcements;
pub mod board;
pub mod board_state;
pub mod chart;
pub mod csv;
pub mod distribute;
pub mod files;
pub mod form;
pub mod fund_forms;
pub mod load;
pub mod markdown;
pub mod module_form;
pub mod page_view;
pub mod partners;
pub mod partnership;
pub mod quiz;
pub mod record_list;
pub mod report_card;
pub mod states;
pub mod support_forms;
pub mod survey_forms;
pub mod tiers;
pub mod topbar;
pub mod users;
pub mod virtual_list;
