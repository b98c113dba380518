//! The deal registration state machine, shared by every backend.
//!
//! draft → submitted → approved | rejected; approved → won | lost | expired;
//! draft | submitted → withdrawn. Anything else is refused with a typed `Conflict`.

use serde::{Deserialize, Serialize};

use crate::{wire_name, ApiError, DealStatus, ErrorCode, FieldError, MAX_NOTES};

/// Default number of days an approval protects a deal.
pub const DEFAULT_VALID_DAYS: u32 = 90;

/// What someone asks to do with a deal registration (`POST /api/deals/{id}/transition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum DealAction {
    /// The partner sends a draft for review.
    Submit,
    /// The partner takes back a draft or a submitted registration.
    Withdraw,
    /// Vendor staff approve; the registration protects the deal for `valid_days` (default 90).
    Approve {
        #[serde(default)]
        valid_days: Option<u32>,
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

/// The outcome of a legal transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub status: DealStatus,
    /// New reviewer reason, when the action sets one.
    pub reviewer_reason: Option<String>,
    /// Days from today until the approval expires, when the action approves.
    pub valid_days: Option<u32>,
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
    };
    match action {
        DealAction::Reject { reason } => {
            let reason = reason.trim();
            if reason.is_empty() || reason.chars().count() > MAX_NOTES {
                return Err(ApiError::validation(vec![FieldError::new(
                    "reason",
                    "is required to reject (tell the partner why)",
                )]));
            }
            out.reviewer_reason = Some(reason.to_string());
        }
        DealAction::Approve { valid_days } => {
            let days = valid_days.unwrap_or(DEFAULT_VALID_DAYS);
            if !(1..=365).contains(&days) {
                return Err(ApiError::validation(vec![FieldError::new(
                    "valid_days",
                    "must be between 1 and 365",
                )]));
            }
            out.valid_days = Some(days);
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
        DealAction::Approve { valid_days: None },
        DealAction::Reject { reason: "x".into() },
        DealAction::MarkWon,
        DealAction::MarkLost,
    ];
    all.into_iter()
        .filter(|a| transition(status, a, staff).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use DealStatus::*;

    fn reject() -> DealAction {
        DealAction::Reject {
            reason: "Existing opportunity".into(),
        }
    }

    #[test]
    fn the_legal_transitions_and_only_those() {
        let statuses = [
            Draft, Submitted, Approved, Rejected, Won, Lost, Expired, Withdrawn,
        ];
        let actions = [
            (DealAction::Submit, false),
            (DealAction::Withdraw, false),
            (DealAction::Approve { valid_days: None }, true),
            (reject(), true),
            (DealAction::MarkWon, false),
            (DealAction::MarkLost, true),
        ];
        let mut legal = Vec::new();
        for from in statuses {
            for (action, staff) in &actions {
                if let Ok(t) = transition(from, action, *staff) {
                    legal.push((from, t.status));
                }
            }
        }
        assert_eq!(
            legal,
            [
                (Draft, Submitted),
                (Draft, Withdrawn),
                (Submitted, Withdrawn),
                (Submitted, Approved),
                (Submitted, Rejected),
                (Approved, Won),
                (Approved, Lost),
            ]
        );
    }

    #[test]
    fn roles_are_enforced_before_state() {
        let e =
            transition(Submitted, &DealAction::Approve { valid_days: None }, false).unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
        let e = transition(Draft, &DealAction::Submit, true).unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
        let e = transition(Won, &DealAction::Submit, false).unwrap_err();
        assert_eq!(e.code, ErrorCode::Conflict);
        assert_eq!(
            e.message,
            "A deal registration that is won cannot be submitted"
        );
    }

    #[test]
    fn rejections_need_a_reason_and_approvals_a_sane_window() {
        let e = transition(
            Submitted,
            &DealAction::Reject {
                reason: "  ".into(),
            },
            true,
        )
        .unwrap_err();
        assert!(e.field("reason").is_some());
        let t = transition(Submitted, &reject(), true).unwrap();
        assert_eq!(t.reviewer_reason.as_deref(), Some("Existing opportunity"));
        let t = transition(Submitted, &DealAction::Approve { valid_days: None }, true).unwrap();
        assert_eq!(t.valid_days, Some(90));
        let e = transition(
            Submitted,
            &DealAction::Approve {
                valid_days: Some(0),
            },
            true,
        )
        .unwrap_err();
        assert!(e.field("valid_days").is_some());
    }

    #[test]
    fn offered_actions_follow_the_machine() {
        assert_eq!(
            available_actions(Draft, false),
            [DealAction::Submit, DealAction::Withdraw]
        );
        assert_eq!(available_actions(Draft, true), []);
        assert_eq!(available_actions(Submitted, true).len(), 2);
        assert_eq!(
            available_actions(Approved, false),
            [DealAction::MarkWon, DealAction::MarkLost]
        );
        assert_eq!(available_actions(Won, true), []);
    }

    #[test]
    fn actions_have_a_stable_wire_form() {
        let json = serde_json::to_string(&DealAction::Approve {
            valid_days: Some(30),
        })
        .unwrap();
        assert_eq!(json, r#"{"action":"approve","valid_days":30}"#);
        let back: DealAction = serde_json::from_str(r#"{"action":"mark_won"}"#).unwrap();
        assert_eq!(back, DealAction::MarkWon);
    }
}
