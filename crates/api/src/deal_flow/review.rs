//! How deal registrations are reviewed: an optional second approval above an amount the
//! administrators set, given by someone other than the first approver.

use serde::{Deserialize, Serialize};

use crate::validate::MAX_AMOUNT;
use crate::{ApiError, DealRegistration, ErrorCode, FieldError, Validate};

/// The review policy (administrators set it; every reviewer reads it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DealReview {
    /// Registrations estimated above this amount (in their own currency) need two approvers;
    /// none: one approval is enough.
    #[serde(default)]
    pub second_approval_above: Option<i64>,
}

impl Validate for DealReview {
    fn validate(&self) -> Vec<FieldError> {
        match self.second_approval_above {
            Some(n) if !(1..=MAX_AMOUNT).contains(&n) => vec![FieldError::new(
                "second_approval_above",
                format!("must be a whole amount from 1 to {MAX_AMOUNT}, or empty for one approval"),
            )],
            _ => Vec::new(),
        }
    }
}

impl DealReview {
    /// Whether `deal` needs two approvals.
    pub fn needs_two(&self, deal: &DealRegistration) -> bool {
        self.second_approval_above
            .is_some_and(|limit| deal.estimated_amount > limit)
    }
}

/// What one approval does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalStep {
    /// The first of two: the deal waits for a second approver.
    First,
    /// The deal is approved.
    Final,
}

/// What `approver`'s approval of `deal` does, or why they may not give it.
pub fn approval_step(
    deal: &DealRegistration,
    policy: &DealReview,
    approver: &str,
) -> Result<ApprovalStep, ApiError> {
    if !policy.needs_two(deal) {
        return Ok(ApprovalStep::Final);
    }
    match deal.first_approver_id.as_deref() {
        None => Ok(ApprovalStep::First),
        Some(first) if first == approver => Err(ApiError::new(
            ErrorCode::Conflict,
            "You gave the first approval; another reviewer gives the second",
        )),
        Some(_) => Ok(ApprovalStep::Final),
    }
}
