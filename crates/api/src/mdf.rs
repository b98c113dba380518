//! Market development funds: budgets per program and period, partners' fund requests, and claims.
//!
//! A request is submitted → approved | rejected; an approved request commits its amount against
//! the budget. A claim (with proof) is submitted → approved | rejected, and approved → paid.
//! Neither the approved requests of a budget nor the claims of a request may exceed their amount.

use crate::{parse_wire, ApiError, ErrorCode, FieldError, Record, Validate, MAX_NOTES, MAX_TEXT};
use serde::{Deserialize, Serialize};

use crate::upload::Upload;
use crate::validate::{is_iso_date, Errors};

/// Money a program sets aside for partner marketing in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfBudget {
    pub id: String,
    pub program_id: String,
    /// The period's name ("2026 H2").
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    /// Whole units of `currency`.
    pub amount: i64,
    pub currency: String,
    /// The sum of the approved requests against this budget.
    pub committed: i64,
    pub created_at: String,
}

impl MdfBudget {
    /// What is still free to approve.
    pub fn remaining(&self) -> i64 {
        self.amount - self.committed
    }
}

/// Fields of a new budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfBudgetInput {
    pub program_id: String,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub amount: i64,
    pub currency: String,
}

/// Where a fund request is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MdfRequestStatus {
    Submitted,
    Approved,
    Rejected,
}

/// A partner's request for funds for one marketing activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfRequest {
    pub id: String,
    pub budget_id: String,
    pub activity: String,
    pub description: String,
    pub amount: i64,
    /// The budget's currency.
    pub currency: String,
    pub starts_on: String,
    pub ends_on: String,
    pub status: MdfRequestStatus,
    #[serde(default)]
    pub reviewer_reason: Option<String>,
    /// The sum of the claims filed against it that were not rejected.
    pub claimed: i64,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields of a new fund request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfRequestInput {
    pub budget_id: String,
    pub activity: String,
    #[serde(default)]
    pub description: String,
    pub amount: i64,
    pub starts_on: String,
    pub ends_on: String,
}

/// Where a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Submitted,
    Approved,
    Rejected,
    Paid,
}

/// A partner's claim for money spent on an approved request, with proof.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfClaim {
    pub id: String,
    pub request_id: String,
    /// The request's activity, for lists.
    pub activity: String,
    pub amount: i64,
    pub currency: String,
    pub status: ClaimStatus,
    #[serde(default)]
    pub reviewer_reason: Option<String>,
    pub proof_file_id: String,
    pub proof_file_name: String,
    pub proof_content_type: String,
    pub proof_size: i64,
    pub partner_account_id: Option<String>,
    pub owner_user_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A new claim: the amount spent and the proof (invoice, receipt, photo).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MdfClaimInput {
    pub request_id: String,
    pub amount: i64,
    pub proof: Upload,
}

/// A stored file as a backend returns it for download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoredFile {
    pub file_name: String,
    pub content_type: String,
    /// Base64 of the bytes.
    pub data: String,
}

/// A review decision on a request or a claim (`POST .../transition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum MdfAction {
    Approve,
    Reject {
        reason: String,
    },
    /// The approved claim was paid out.
    MarkPaid,
}

/// The largest amount in any MDF field.
pub const MAX_AMOUNT: i64 = 1_000_000_000;

fn amount(e: &mut Errors, value: i64) {
    if value <= 0 {
        e.add("amount", "must be greater than zero");
    } else if value > MAX_AMOUNT {
        e.add("amount", "is too large");
    }
}

fn period(e: &mut Errors, starts_on: &str, ends_on: &str) {
    e.date("starts_on", starts_on);
    e.date("ends_on", ends_on);
    if is_iso_date(starts_on) && is_iso_date(ends_on) && ends_on < starts_on {
        e.add("ends_on", "must not be before the start date");
    }
}

impl Validate for MdfBudgetInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("program_id", &self.program_id, MAX_TEXT);
        e.required("name", &self.name, MAX_TEXT);
        period(&mut e, &self.starts_on, &self.ends_on);
        amount(&mut e, self.amount);
        e.currency("currency", &self.currency);
        e.0
    }
}

impl Validate for MdfRequestInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("budget_id", &self.budget_id, MAX_TEXT);
        e.required("activity", &self.activity, MAX_TEXT);
        e.max("description", &self.description, MAX_NOTES);
        amount(&mut e, self.amount);
        period(&mut e, &self.starts_on, &self.ends_on);
        e.0
    }
}

impl Validate for MdfClaimInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("request_id", &self.request_id, MAX_TEXT);
        amount(&mut e, self.amount);
        e.required("proof", &self.proof.data, usize::MAX);
        e.0
    }
}

/// Checks a request against its budget on `today`: open, inside the period, within what is left.
pub fn check_request(
    budget: &MdfBudget,
    input: &MdfRequestInput,
    today: &str,
) -> Result<(), ApiError> {
    input.check()?;
    let mut e = Errors::default();
    if budget.ends_on.as_str() < today {
        e.add("budget_id", "has closed; choose an open budget");
    }
    if input.starts_on < budget.starts_on || input.ends_on > budget.ends_on {
        e.add(
            "starts_on",
            &format!(
                "the activity must take place within the budget period {} to {}",
                budget.starts_on, budget.ends_on
            ),
        );
    }
    if input.amount > budget.remaining() {
        e.add("amount", &exceeds(budget.remaining(), &budget.currency));
    }
    if e.0.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(e.0))
    }
}

/// The message for an amount over what is left.
pub fn exceeds(left: i64, currency: &str) -> String {
    format!("exceeds the {} left", money(left, currency))
}

/// A money amount with its currency, grouped by thousands ("36,500 EUR").
pub fn money(amount: i64, currency: &str) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}{grouped} {currency}", if amount < 0 { "-" } else { "" })
}

/// Checks a claim against its request: approved, and within what is not yet claimed.
pub fn check_claim(request: &MdfRequest, input: &MdfClaimInput) -> Result<(), ApiError> {
    input.check()?;
    if request.status != MdfRequestStatus::Approved {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "Claims can only be filed against approved fund requests",
        ));
    }
    let left = request.amount - request.claimed;
    if input.amount > left {
        return Err(ApiError::validation(vec![FieldError::new(
            "amount",
            exceeds(left, &request.currency),
        )]));
    }
    Ok(())
}

impl Record for MdfRequest {
    type Input = MdfRequestInput;
    const NAME: &'static str = "Fund request";
    const COLLECTION: &'static str = "mdf_requests";
    const PREFIX: &'static str = "mdfr_";
    const STATUS_FIELD: Option<&'static str> = Some("status");
    const SEARCH_FIELDS: &'static [&'static str] = &["activity", "description"];

    fn valid_status(s: &str) -> bool {
        parse_wire::<MdfRequestStatus>(s).is_some()
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        Some("submitted")
    }
}

impl Record for MdfClaim {
    type Input = MdfClaimInput;
    const NAME: &'static str = "Claim";
    const COLLECTION: &'static str = "mdf_claims";
    const PREFIX: &'static str = "mdfc_";
    const STATUS_FIELD: Option<&'static str> = Some("status");
    const SEARCH_FIELDS: &'static [&'static str] = &["activity", "proof_file_name"];

    fn valid_status(s: &str) -> bool {
        parse_wire::<ClaimStatus>(s).is_some()
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        Some("submitted")
    }
}

mod review;
pub use review::*;

#[cfg(test)]
mod tests;
