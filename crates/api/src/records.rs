//! Partner-owned PRM records (leads, deal registrations, opportunities, contacts), list paging and the access scope.

use serde::{Deserialize, Serialize};

use crate::{ApiError, ErrorCode, FieldError};

pub mod access;
pub mod kind;
mod probability;

pub use access::{Keyed, Owned, Scope};

/// Where a lead is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeadStatus {
    /// In the vendor's pool, not yet given to a partner.
    New,
    /// Given to a partner account, waiting for it to accept.
    Assigned,
    Accepted,
    Declined,
    /// Turned into an opportunity.
    Converted,
}

impl LeadStatus {
    /// Every status, in workflow order.
    pub const ALL: [LeadStatus; 5] = [
        LeadStatus::New,
        LeadStatus::Assigned,
        LeadStatus::Accepted,
        LeadStatus::Declined,
        LeadStatus::Converted,
    ];
}

/// A potential customer passed to a partner to follow up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lead {
    pub id: String,
    pub company: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub region: String,
    pub postcode: String,
    pub product_interest: String,
    pub status: LeadStatus,
    /// Why the partner declined it, when it was declined.
    #[serde(default)]
    pub decline_reason: Option<String>,
    /// When an assigned lead goes back to the pool unless accepted (UTC timestamp).
    #[serde(default)]
    pub accept_by: Option<String>,
    /// The opportunity its conversion created.
    #[serde(default)]
    pub converted_opportunity_id: Option<String>,
    /// The contact its conversion created.
    #[serde(default)]
    pub converted_contact_id: Option<String>,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields set when creating or editing a lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeadInput {
    pub company: String,
    pub contact_name: String,
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub product_interest: String,
    /// Vendor staff may assign the lead to a partner; ignored for partner users.
    #[serde(default)]
    pub partner_account_id: Option<String>,
}

/// Where a deal registration is in its review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    Draft,
    Submitted,
    Approved,
    Rejected,
    Won,
    Lost,
    Expired,
    Withdrawn,
}

impl DealStatus {
    /// Every status, in workflow order.
    pub const ALL: [DealStatus; 8] = [
        DealStatus::Draft,
        DealStatus::Submitted,
        DealStatus::Approved,
        DealStatus::Rejected,
        DealStatus::Won,
        DealStatus::Lost,
        DealStatus::Expired,
        DealStatus::Withdrawn,
    ];
}

/// A partner's claim on a sales opportunity, reviewed by the vendor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DealRegistration {
    pub id: String,
    pub company: String,
    pub domain: String,
    pub contact_name: String,
    pub contact_email: String,
    pub product: String,
    /// Estimated deal value in whole units of `currency`.
    pub estimated_amount: i64,
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub expected_close_date: String,
    pub notes: String,
    pub status: DealStatus,
    pub reviewer_reason: Option<String>,
    /// `YYYY-MM-DD`; set on approval.
    pub expires_on: Option<String>,
    /// When it was last submitted for review.
    #[serde(default)]
    pub submitted_at: Option<String>,
    /// When staff approved or rejected it.
    #[serde(default)]
    pub decided_at: Option<String>,
    /// Who gave the first of two approvals, when the review policy asks for two.
    #[serde(default)]
    pub first_approver_id: Option<String>,
    #[serde(default)]
    pub first_approver_name: Option<String>,
    #[serde(default)]
    pub first_approved_at: Option<String>,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields a partner fills in on the deal registration form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DealInput {
    pub company: String,
    pub domain: String,
    pub contact_name: String,
    pub contact_email: String,
    pub product: String,
    pub estimated_amount: i64,
    pub currency: String,
    pub expected_close_date: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub partner_account_id: Option<String>,
}

/// A sales pipeline stage; a new opportunity starts prospecting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Prospecting,
    Qualification,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
}

/// An opportunity in a partner's pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Opportunity {
    pub id: String,
    pub name: String,
    pub account_name: String,
    /// The catalogue product it is for; may be empty.
    #[serde(default)]
    pub product: String,
    pub stage: Stage,
    pub amount: i64,
    pub currency: String,
    pub close_date: String,
    /// Chance of winning, 0 to 100.
    pub probability: i64,
    pub next_step: String,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields set when creating or editing an opportunity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpportunityInput {
    pub name: String,
    pub account_name: String,
    #[serde(default)]
    pub product: String,
    pub stage: Stage,
    pub amount: i64,
    pub currency: String,
    pub close_date: String,
    pub probability: i64,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub partner_account_id: Option<String>,
}

/// A person at a customer or prospect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub company: String,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields set when creating or editing a contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub partner_account_id: Option<String>,
}

/// One page of a list: pass `next_cursor` back as `cursor` for the next page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListPage<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// The answer to a list cursor this backend did not give out.
pub fn bad_cursor() -> ApiError {
    ApiError {
        code: ErrorCode::BadRequest,
        message: "The cursor is not one this server gave out".into(),
        field_errors: vec![FieldError::new("cursor", "is invalid")],
        current: None,
    }
}

/// Query parameters every list endpoint accepts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ListQuery {
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1 to 200 (default 50); outside that range the request is refused.
    pub limit: Option<u32>,
    /// Free-text search over names, companies and emails.
    pub q: Option<String>,
    /// Status (leads, deals) or stage (opportunities), by wire name.
    pub status: Option<String>,
    /// Only records of this partner account (vendor staff only).
    pub partner_account_id: Option<String>,
    /// Order by this field, `-field` for descending (newest first when absent).
    pub sort: Option<String>,
}

impl ListQuery {
    /// The default page size.
    pub const DEFAULT_LIMIT: u32 = 50;
    /// The largest page size a backend serves.
    pub const MAX_LIMIT: u32 = 200;

    /// The page size to use, clamped to `1..=MAX_LIMIT`.
    pub fn limit(&self) -> u32 {
        self.limit
            .unwrap_or(Self::DEFAULT_LIMIT)
            .clamp(1, Self::MAX_LIMIT)
    }
}

impl crate::Validate for ListQuery {
    /// A page size outside `1..=MAX_LIMIT`, a search longer than `MAX_TEXT`.
    fn validate(&self) -> Vec<crate::FieldError> {
        let mut errors = Vec::new();
        if self
            .limit
            .is_some_and(|l| !(1..=Self::MAX_LIMIT).contains(&l))
        {
            errors.push(crate::FieldError::new(
                "limit",
                format!("must be between 1 and {}", Self::MAX_LIMIT),
            ));
        }
        if self
            .q
            .as_deref()
            .is_some_and(|q| q.chars().count() > crate::validate::MAX_TEXT)
        {
            errors.push(crate::FieldError::new(
                "q",
                format!("must be at most {} characters", crate::validate::MAX_TEXT),
            ));
        }
        errors
    }
}

/// The wire name of a serde unit enum value (`LeadStatus::New` -> `"new"`).
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Parses a wire name into a serde unit enum value.
pub fn parse_wire<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}
