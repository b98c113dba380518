//! Partner support: cases with threaded messages, the channel team's queue, and the contact channels.
//!
//! new → in progress ⇄ waiting on partner → solved; a partner's reply to a case waiting on them
//! or already solved puts it back in progress.

use crate::{parse_wire, ApiError, ErrorCode, FieldError, Record, Validate, MAX_NOTES, MAX_TEXT};
use serde::{Deserialize, Serialize};

use crate::upload::Upload;
use crate::validate::Errors;

/// Where a case is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    New,
    InProgress,
    WaitingOnPartner,
    Solved,
}

/// How urgent a case is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CasePriority {
    Low,
    Normal,
    High,
    Urgent,
}

/// What a case is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseCategory {
    Technical,
    Licensing,
    Billing,
    DealRegistration,
    Training,
    Other,
}

/// A partner's support case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportCase {
    pub id: String,
    pub subject: String,
    pub category: CaseCategory,
    pub priority: CasePriority,
    pub description: String,
    pub status: CaseStatus,
    #[serde(default)]
    pub attachment_file_id: Option<String>,
    #[serde(default)]
    pub attachment_name: Option<String>,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A new case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseInput {
    pub subject: String,
    pub category: CaseCategory,
    pub priority: CasePriority,
    pub description: String,
    #[serde(default)]
    pub attachment: Option<Upload>,
}

/// One message in a case's thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseMessage {
    pub id: String,
    pub case_id: String,
    pub author_name: String,
    /// Written by the channel team (else by the partner).
    pub from_staff: bool,
    pub body: String,
    pub created_at: String,
}

/// A reply, optionally moving the case (`POST /api/cases/{id}/messages`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageInput {
    pub body: String,
    #[serde(default)]
    pub status: Option<CaseStatus>,
}

/// How partners reach the channel team, shown on the support page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportChannels {
    pub email: String,
    pub chat_url: String,
    pub video_url: String,
    /// Opening hours in words ("Mon–Fri 9:00–17:00 CET").
    pub hours: String,
}

impl Validate for CaseInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("subject", &self.subject, MAX_TEXT);
        e.required("description", &self.description, MAX_NOTES);
        e.0
    }
}

impl Validate for MessageInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("body", &self.body, MAX_NOTES);
        e.0
    }
}

fn is_web_link(s: &str) -> bool {
    s.is_empty()
        || ((s.starts_with("https://") || s.starts_with("http://"))
            && !s.contains(char::is_whitespace))
}

impl Validate for SupportChannels {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        if !self.email.is_empty() && !crate::validate::is_email(&self.email) {
            e.add("email", "must be an email address like support@example.com");
        }
        for (f, v) in [("chat_url", &self.chat_url), ("video_url", &self.video_url)] {
            e.max(f, v, MAX_TEXT);
            if !is_web_link(v) {
                e.add(f, "must be a web link starting with https://");
            }
        }
        e.max("hours", &self.hours, MAX_TEXT);
        e.0
    }
}

/// The status after a message: staff set any status (a first reply starts work);
/// partners may only mark a case solved, and their reply reopens a waiting or solved case.
pub fn after_message(
    current: CaseStatus,
    from_staff: bool,
    requested: Option<CaseStatus>,
) -> Result<CaseStatus, ApiError> {
    match (from_staff, requested) {
        (true, Some(s)) => Ok(s),
        (true, None) if current == CaseStatus::New => Ok(CaseStatus::InProgress),
        (true, None) => Ok(current),
        (false, Some(CaseStatus::Solved)) => Ok(CaseStatus::Solved),
        (false, Some(_)) => Err(ApiError::new(
            ErrorCode::Forbidden,
            "Partners can only mark their case solved; the channel team sets the other statuses",
        )),
        (false, None) if matches!(current, CaseStatus::WaitingOnPartner | CaseStatus::Solved) => {
            Ok(CaseStatus::InProgress)
        }
        (false, None) => Ok(current),
    }
}

impl Record for SupportCase {
    type Input = CaseInput;
    const NAME: &'static str = "Case";
    const COLLECTION: &'static str = "cases";
    const PREFIX: &'static str = "case_";
    const STATUS_FIELD: Option<&'static str> = Some("status");
    const SEARCH_FIELDS: &'static [&'static str] = &["subject", "description"];

    fn valid_status(s: &str) -> bool {
        parse_wire::<CaseStatus>(s).is_some()
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        Some("new")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    #[test]
    fn replies_move_cases_as_each_side_may() {
        assert_eq!(after_message(New, true, None).unwrap(), InProgress);
        assert_eq!(
            after_message(InProgress, true, Some(WaitingOnPartner)).unwrap(),
            WaitingOnPartner
        );
        assert_eq!(
            after_message(WaitingOnPartner, false, None).unwrap(),
            InProgress
        );
        assert_eq!(after_message(Solved, false, None).unwrap(), InProgress);
        assert_eq!(
            after_message(InProgress, false, Some(Solved)).unwrap(),
            Solved
        );
        assert_eq!(after_message(New, false, None).unwrap(), New);
        assert_eq!(
            after_message(New, false, Some(InProgress))
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
    }

    #[test]
    fn channels_must_be_real_addresses() {
        let mut c = SupportChannels {
            email: "help@vendor.example".into(),
            chat_url: "https://chat.vendor.example".into(),
            video_url: String::new(),
            hours: "Mon–Fri".into(),
        };
        assert!(c.validate().is_empty());
        c.chat_url = "javascript:alert(1)".into();
        assert_eq!(c.validate()[0].field, "chat_url");
    }
}
