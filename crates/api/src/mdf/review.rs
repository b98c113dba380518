//! The review of fund requests and claims: who decides, which moves are legal, and why not.

use super::{ClaimStatus, MdfAction, MdfRequestStatus};
use crate::{wire_name, ApiError, ErrorCode, FieldError, MAX_NOTES};

fn forbidden() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "Only the channel team reviews fund requests and claims",
    )
}

fn reason_of(action: &MdfAction) -> Result<Option<String>, ApiError> {
    match action {
        MdfAction::Reject { reason } if !crate::validate::has_visible(reason) => Err(
            ApiError::validation(vec![FieldError::new("reason", "is required")]),
        ),
        MdfAction::Reject { reason } if reason.chars().count() > MAX_NOTES => {
            Err(ApiError::validation(vec![FieldError::new(
                "reason",
                format!("must be at most {MAX_NOTES} characters"),
            )]))
        }
        MdfAction::Reject { reason } => Ok(Some(reason.trim().to_string())),
        _ => Ok(None),
    }
}

fn illegal(what: &str, status: &str, action: &MdfAction) -> ApiError {
    let verb = match action {
        MdfAction::Approve => "approved",
        MdfAction::Reject { .. } => "rejected",
        MdfAction::MarkPaid => "marked paid",
    };
    ApiError::new(
        ErrorCode::Conflict,
        format!("A {status} {what} cannot be {verb}"),
    )
}

/// The status a request moves to, and the reviewer's reason; only staff decide.
pub fn request_transition(
    status: MdfRequestStatus,
    action: &MdfAction,
    staff: bool,
) -> Result<(MdfRequestStatus, Option<String>), ApiError> {
    if !staff {
        return Err(forbidden());
    }
    let next = match (status, action) {
        (MdfRequestStatus::Submitted, MdfAction::Approve) => MdfRequestStatus::Approved,
        (MdfRequestStatus::Submitted, MdfAction::Reject { .. }) => MdfRequestStatus::Rejected,
        _ => return Err(illegal("fund request", &wire_name(&status), action)),
    };
    Ok((next, reason_of(action)?))
}

/// The status a claim moves to, and the reviewer's reason; only staff decide.
pub fn claim_transition(
    status: ClaimStatus,
    action: &MdfAction,
    staff: bool,
) -> Result<(ClaimStatus, Option<String>), ApiError> {
    if !staff {
        return Err(forbidden());
    }
    let next = match (status, action) {
        (ClaimStatus::Submitted, MdfAction::Approve) => ClaimStatus::Approved,
        (ClaimStatus::Submitted, MdfAction::Reject { .. }) => ClaimStatus::Rejected,
        (ClaimStatus::Approved, MdfAction::MarkPaid) => ClaimStatus::Paid,
        _ => return Err(illegal("claim", &wire_name(&status), action)),
    };
    Ok((next, reason_of(action)?))
}

/// The decisions the viewer can take on a request (empty for partners).
pub fn request_actions(status: MdfRequestStatus, staff: bool) -> Vec<MdfAction> {
    let probe = MdfAction::Reject { reason: "-".into() };
    [MdfAction::Approve, probe]
        .into_iter()
        .filter(|a| request_transition(status, a, staff).is_ok())
        .collect()
}

/// The decisions the viewer can take on a claim (empty for partners).
pub fn claim_actions(status: ClaimStatus, staff: bool) -> Vec<MdfAction> {
    let probe = MdfAction::Reject { reason: "-".into() };
    [MdfAction::Approve, probe, MdfAction::MarkPaid]
        .into_iter()
        .filter(|a| claim_transition(status, a, staff).is_ok())
        .collect()
}
