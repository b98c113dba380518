//! The deal registration state machine, shared by every backend.
//!
//! draft → submitted → approved | rejected; approved → won | lost | expired;
//! draft | submitted → withdrawn. Anything else is refused with a typed `Conflict`.

use serde::{Deserialize, Serialize};

use crate::{wire_name, ApiError, DealStatus, ErrorCode, FieldError, MAX_NOTES};

/// Default number of days an approval protects a deal.
pub const DEFAULT_VALID_DAYS: u32 = 90;
/// The longest protection an approval may give, in days.
pub const MAX_VALID_DAYS: i64 = 365;
/// How long a default protection lasts past the expected close, for a deal that slips a little.
pub const CLOSE_GRACE_DAYS: i64 = 30;

/// The days an approval on `today` protects a deal by default: at least
/// [`DEFAULT_VALID_DAYS`], and through the expected close plus [`CLOSE_GRACE_DAYS`], at most
/// [`MAX_VALID_DAYS`].
pub fn default_protection_days(today: &str, expected_close: &str) -> u32 {
    let to_close = crate::datetime::days_between(today, expected_close).unwrap_or(0);
    (to_close + CLOSE_GRACE_DAYS).clamp(i64::from(DEFAULT_VALID_DAYS), MAX_VALID_DAYS) as u32
}

/// Whether an approved deal's protection lasts until its expected close.
pub fn covers_close(deal: &crate::DealRegistration) -> bool {
    deal.expires_on
        .as_deref()
        .is_none_or(|until| until >= deal.expected_close_date.as_str())
}

/// Marks an approved registration whose protection ended before the day of `now` (a timestamp)
/// as expired, updated at `now`.
/// Returns whether it changed.
pub fn expire_if_due(deal: &mut crate::DealRegistration, now: &str) -> bool {
    let today = now.get(0..10).unwrap_or(now);
    let due = deal.status == DealStatus::Approved
        && deal
            .expires_on
            .as_deref()
            .is_some_and(|until| until < today);
    if due {
        deal.status = DealStatus::Expired;
        deal.updated_at = now.into();
    }
    due
}

/// What someone asks to do with a deal registration (`POST /api/deals/{id}/transition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum DealAction {
    /// The partner sends a draft for review.
    Submit,
    /// The partner takes back a draft or a submitted registration.
    Withdraw,
    /// Vendor staff approve; the registration protects the deal for `valid_days` (by default
    /// through its expected close: `default_protection_days`).
    Approve {
        #[serde(default)]
        valid_days: Option<u32>,
        /// A note for the partner, posted on the deal's timeline with the approval.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
    /// Vendor staff reject, saying why.
    Reject { reason: String },
    /// The approved deal was won.
    MarkWon,
    /// The approved deal was lost.
    MarkLost,
}

impl DealAction {
    /// Whether only vendor staff may take this action (else only the partner may).
    pub fn by_staff(&self) -> Option<bool> {
        match self {
            DealAction::Approve { .. } | DealAction::Reject { .. } => Some(true),
            DealAction::Submit | DealAction::Withdraw => Some(false),
            DealAction::MarkWon | DealAction::MarkLost => None,
        }
    }

    /// The verb people read ("submit", "mark won").
    pub fn verb(&self) -> &'static str {
        match self {
            DealAction::Submit => "submit",
            DealAction::Withdraw => "withdraw",
            DealAction::Approve { .. } => "approve",
            DealAction::Reject { .. } => "reject",
            DealAction::MarkWon => "mark as won",
            DealAction::MarkLost => "mark as lost",
        }
    }
}

/// How far apart (days) two registrations of the same deal must be not to conflict.
pub const CONFLICT_WINDOW_DAYS: i64 = 180;

/// Another registration or an open opportunity that looks like the same deal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DealConflict {
    /// `deal` or `opportunity`.
    pub kind: String,
    pub id: String,
    pub partner_account_id: Option<String>,
    pub partner_name: Option<String>,
    /// The company, and the product or opportunity name, as recorded there.
    pub description: String,
    /// Its status or stage, by wire name.
    pub status: String,
    pub created_at: String,
}

fn same_company(a_name: &str, a_domain: &str, b_name: &str, b_domain: &str) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    (!a_domain.trim().is_empty() && norm(a_domain) == norm(b_domain))
        || norm(a_name) == norm(b_name)
}

/// Active registrations of the same company (domain or name) and product within the window,
/// and open opportunities for the same company and product: the one conflict rule.
pub fn find_conflicts<'a>(
    deal: &crate::DealRegistration,
    deals: impl IntoIterator<Item = &'a crate::DealRegistration>,
    opportunities: impl IntoIterator<Item = &'a crate::Opportunity>,
) -> Vec<DealConflict> {
    use crate::datetime::days_between;
    let product = deal.product.trim().to_lowercase();
    let mut out: Vec<DealConflict> = deals
        .into_iter()
        .filter(|d| d.id != deal.id)
        .filter(|d| {
            matches!(
                d.status,
                DealStatus::Submitted | DealStatus::Approved | DealStatus::Won
            )
        })
        .filter(|d| same_company(&deal.company, &deal.domain, &d.company, &d.domain))
        .filter(|d| d.product.trim().to_lowercase() == product)
        .filter(|d| {
            days_between(&d.created_at, &deal.created_at)
                .is_some_and(|n| n.abs() <= CONFLICT_WINDOW_DAYS)
        })
        .map(|d| DealConflict {
            kind: "deal".into(),
            id: d.id.clone(),
            partner_account_id: d.partner_account_id.clone(),
            partner_name: None,
            description: format!("{} · {}", d.company, d.product),
            status: wire_name(&d.status),
            created_at: d.created_at.clone(),
        })
        .collect();
    out.extend(
        opportunities
            .into_iter()
            .filter(|o| !matches!(o.stage, crate::Stage::ClosedWon | crate::Stage::ClosedLost))
            .filter(|o| same_company(&deal.company, "", &o.account_name, ""))
            .filter(|o| o.name.to_lowercase().contains(&product))
            .map(|o| DealConflict {
                kind: "opportunity".into(),
                id: o.id.clone(),
                partner_account_id: o.partner_account_id.clone(),
                partner_name: None,
                description: o.name.clone(),
                status: wire_name(&o.stage),
                created_at: o.created_at.clone(),
            }),
    );
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    out
}

/// The outcome of a legal transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub status: DealStatus,
    /// New reviewer reason, when the action sets one.
    pub reviewer_reason: Option<String>,
    /// Days from today until the approval expires, when the approver chose them; an approval
    /// without them protects for [`default_protection_days`].
    pub valid_days: Option<u32>,
    /// The deal goes to review now (stamp `submitted_at`).
    pub submitted: bool,
    /// Staff decide now (stamp `decided_at`).
    pub decided: bool,
    /// The reviewer's note for the partner, for the deal's timeline.
    pub comment: Option<String>,
}

/// Checks an action against the current status and who asks; returns what changes.
pub fn transition(
    current: DealStatus,
    action: &DealAction,
    staff: bool,
) -> Result<Transition, ApiError> {
    if let Some(staff_only) = action.by_staff() {
        if staff_only != staff {
            let who = if staff_only {
                "vendor staff"
            } else {
                "the registering partner"
            };
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("Only {who} may {} a deal registration", action.verb()),
            ));
        }
    }
    use DealStatus::*;
    let status = match (current, action) {
        (Draft, DealAction::Submit) => Submitted,
        (Draft | Submitted, DealAction::Withdraw) => Withdrawn,
        (Submitted, DealAction::Approve { .. }) => Approved,
        (Submitted, DealAction::Reject { .. }) => Rejected,
        (Approved, DealAction::MarkWon) => Won,
        (Approved, DealAction::MarkLost) => Lost,
        _ => {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "A deal registration that is {} cannot be {}",
                    wire_name(&current),
                    past(action)
                ),
            ))
        }
    };
    let mut out = Transition {
        status,
        reviewer_reason: None,
        valid_days: None,
        submitted: status == Submitted,
        decided: matches!(status, Approved | Rejected),
        comment: None,
    };
    match action {
        DealAction::Reject { reason } => {
            if !crate::validate::has_visible(reason) || reason.chars().count() > MAX_NOTES {
                return Err(ApiError::validation(vec![FieldError::new(
                    "reason",
                    "is required to reject (tell the partner why)",
                )]));
            }
            out.reviewer_reason = Some(reason.trim().to_string());
        }
        DealAction::Approve {
            valid_days,
            comment,
        } => {
            if let Some(days) = valid_days {
                if !(1..=MAX_VALID_DAYS as u32).contains(days) {
                    return Err(ApiError::validation(vec![FieldError::new(
                        "valid_days",
                        format!("must be between 1 and {MAX_VALID_DAYS}"),
                    )]));
                }
                out.valid_days = Some(*days);
            }
            let note = comment.as_deref().map(str::trim).unwrap_or("");
            if note.chars().count() > MAX_NOTES {
                return Err(ApiError::validation(vec![FieldError::new(
                    "comment",
                    format!("must be at most {MAX_NOTES} characters"),
                )]));
            }
            out.comment = crate::validate::has_visible(note).then(|| note.to_string());
        }
        _ => {}
    }
    Ok(out)
}

fn past(action: &DealAction) -> &'static str {
    match action {
        DealAction::Submit => "submitted",
        DealAction::Withdraw => "withdrawn",
        DealAction::Approve { .. } => "approved",
        DealAction::Reject { .. } => "rejected",
        DealAction::MarkWon => "marked as won",
        DealAction::MarkLost => "marked as lost",
    }
}

/// The actions a viewer may offer for a deal in `status` (for the UI's buttons).
pub fn available_actions(status: DealStatus, staff: bool) -> Vec<DealAction> {
    let all = [
        DealAction::Submit,
        DealAction::Withdraw,
        DealAction::Approve {
            valid_days: None,
            comment: None,
        },
        DealAction::Reject { reason: "x".into() },
        DealAction::MarkWon,
        DealAction::MarkLost,
    ];
    all.into_iter()
        .filter(|a| transition(status, a, staff).is_ok())
        .collect()
}

mod review;
pub use review::{approval_step, ApprovalStep, DealReview};

#[cfg(test)]
mod tests;
