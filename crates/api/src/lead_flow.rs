//! The lead workflow, shared by every backend: assign, accept, decline with a reason, convert.
//!
//! new | declined → assigned (staff); assigned → accepted | declined; accepted → converted
//! (an opportunity and a contact are created).

use serde::{Deserialize, Serialize};

use crate::distribution::DEFAULT_ACCEPT_DAYS;
use crate::{
    wire_name, ApiError, ContactInput, ErrorCode, FieldError, Lead, LeadStatus, OpportunityInput,
    Stage, User, MAX_TEXT,
};

/// What is done with a lead (`POST /api/leads/{id}/transition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum LeadAction {
    /// Vendor staff give a pooled or declined lead to a partner account.
    Assign { partner_account_id: String },
    /// The partner takes the lead: it becomes the accepting user's.
    Accept,
    /// The partner turns the lead down, saying why; it goes back to the vendor.
    Decline { reason: String },
    /// The partner turns an accepted lead into an opportunity, with a new or existing contact,
    /// mapped `with` the convert dialog's choices (none: as [`default_conversion`] fills them).
    Convert {
        #[serde(default)]
        with: Option<Box<Conversion>>,
    },
}

mod conversion;
pub use conversion::{default_conversion, Conversion};

/// The lead after an action, with what a conversion created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeadOutcome {
    pub lead: Lead,
    pub opportunity: Option<crate::Opportunity>,
    pub contact: Option<crate::Contact>,
}

impl crate::Keyed for LeadOutcome {
    fn id(&self) -> &str {
        &self.lead.id
    }
}

/// The status `action` leads to from `status` when taken by staff or a partner, or why it cannot.
fn check(status: LeadStatus, action: &LeadAction, staff: bool) -> Result<LeadStatus, ApiError> {
    let staff_only = matches!(action, LeadAction::Assign { .. });
    if staff != staff_only {
        let message = if staff_only {
            "Only vendor staff can assign leads"
        } else {
            "Only the partner a lead is assigned to can accept, decline or convert it"
        };
        return Err(ApiError::new(ErrorCode::Forbidden, message));
    }
    match (status, action) {
        (LeadStatus::New | LeadStatus::Declined, LeadAction::Assign { .. }) => {
            Ok(LeadStatus::Assigned)
        }
        (LeadStatus::Assigned, LeadAction::Accept) => Ok(LeadStatus::Accepted),
        (LeadStatus::Assigned, LeadAction::Decline { reason }) => {
            if !crate::validate::has_visible(reason) || reason.chars().count() > MAX_TEXT {
                return Err(ApiError::validation(vec![FieldError::new(
                    "reason",
                    "is required to decline (tell the channel team why)",
                )]));
            }
            Ok(LeadStatus::Declined)
        }
        (LeadStatus::Accepted, LeadAction::Convert { .. }) => Ok(LeadStatus::Converted),
        (status, action) => {
            let verb = match action {
                LeadAction::Assign { .. } => "assigned",
                LeadAction::Accept => "accepted",
                LeadAction::Decline { .. } => "declined",
                LeadAction::Convert { .. } => "converted",
            };
            Err(ApiError::new(
                ErrorCode::Conflict,
                format!("A lead that is {} cannot be {verb}", wire_name(&status)),
            ))
        }
    }
}

/// The lead after `user` takes `action` on it at `now` (seconds since 1970), or why they may not.
/// An assignment gives the partner the default number of days to accept.
/// (Backends check that an assigned account exists and is a partner.)
pub fn apply(lead: &Lead, action: &LeadAction, user: &User, now: i64) -> Result<Lead, ApiError> {
    let mut next = lead.clone();
    next.status = check(lead.status, action, user.role.is_internal())?;
    next.accept_by = None;
    match action {
        LeadAction::Assign { partner_account_id } => {
            next.partner_account_id = Some(partner_account_id.clone());
            next.owner_user_id = None;
            next.decline_reason = None;
            next.accept_by = Some(accept_deadline(now, DEFAULT_ACCEPT_DAYS));
        }
        LeadAction::Accept => next.owner_user_id = Some(user.id.clone()),
        LeadAction::Decline { reason } => next.decline_reason = Some(reason.trim().to_string()),
        LeadAction::Convert { .. } => {}
    }
    Ok(next)
}

/// When a lead assigned at `now` returns to the pool if nobody accepts it.
pub fn accept_deadline(now: i64, days: u32) -> String {
    crate::datetime::timestamp(now + i64::from(days) * 86_400)
}

/// Why an overdue lead went back to the pool (kept on the lead for the channel team).
pub const OVERDUE: &str = "Not accepted before the deadline";

/// Puts an assigned lead whose deadline passed before `now` (a timestamp) back in the pool.
/// Returns whether it changed.
pub fn return_if_overdue(lead: &mut Lead, now: &str) -> bool {
    let overdue =
        lead.status == LeadStatus::Assigned && lead.accept_by.as_deref().is_some_and(|by| by < now);
    if overdue {
        lead.status = LeadStatus::New;
        lead.partner_account_id = None;
        lead.owner_user_id = None;
        lead.accept_by = None;
        lead.decline_reason = Some(OVERDUE.into());
        lead.updated_at = now.into();
    }
    overdue
}

/// The actions a user may be offered for a lead in `status`.
pub fn available_actions(status: LeadStatus, staff: bool) -> Vec<LeadAction> {
    [
        LeadAction::Assign {
            partner_account_id: String::new(),
        },
        LeadAction::Accept,
        LeadAction::Decline { reason: "x".into() },
        LeadAction::Convert { with: None },
    ]
    .into_iter()
    .filter(|a| check(status, a, staff).is_ok())
    .collect()
}

/// The opportunity and contact a conversion creates, closing in 90 days from `today_days` (days since 1970).
pub fn conversion(lead: &Lead, today_days: i64) -> (OpportunityInput, ContactInput) {
    let product = if lead.product_interest.is_empty() {
        "New business"
    } else {
        &lead.product_interest
    };
    let (first, last) = match lead.contact_name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.to_string(), last.to_string()),
        None => (lead.contact_name.trim().to_string(), "-".to_string()),
    };
    let opportunity = OpportunityInput {
        name: format!("{} – {product}", lead.company),
        account_name: lead.company.clone(),
        product: lead.product_interest.trim().to_string(),
        stage: Stage::Prospecting,
        amount: 0,
        currency: "EUR".into(),
        close_date: crate::datetime::date(today_days + 90),
        probability: Stage::Prospecting.default_probability(),
        next_step: format!("First call with {}", lead.contact_name),
        partner_account_id: None,
    };
    let contact = ContactInput {
        first_name: first,
        last_name: last,
        email: lead.email.clone(),
        phone: lead.phone.clone(),
        title: String::new(),
        company: lead.company.clone(),
        partner_account_id: None,
    };
    (opportunity, contact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Validate;
    use LeadStatus::*;

    fn user(staff: bool) -> User {
        let data = crate::seed::demo_data(0);
        let id = if staff { "usr_admin" } else { "usr_acme_mgr" };
        data.users.into_iter().find(|u| u.id == id).unwrap()
    }

    fn lead(status: LeadStatus) -> Lead {
        let mut lead = crate::seed::demo_data(0).leads.swap_remove(0);
        lead.status = status;
        lead
    }

    #[test]
    fn the_legal_transitions_and_only_those() {
        let statuses = [New, Assigned, Accepted, Declined, Converted];
        let actions = [
            (
                LeadAction::Assign {
                    partner_account_id: "acc_cedar".into(),
                },
                true,
            ),
            (LeadAction::Accept, false),
            (
                LeadAction::Decline {
                    reason: "Out of territory".into(),
                },
                false,
            ),
            (LeadAction::Convert { with: None }, false),
        ];
        let legal: Vec<_> = statuses
            .iter()
            .flat_map(|s| {
                actions.iter().filter_map(move |(a, staff)| {
                    apply(&lead(*s), a, &user(*staff), 0)
                        .ok()
                        .map(|l| (*s, l.status))
                })
            })
            .collect();
        assert_eq!(
            legal,
            [
                (New, Assigned),
                (Assigned, Accepted),
                (Assigned, Declined),
                (Accepted, Converted),
                (Declined, Assigned)
            ]
        );
        assert_eq!(
            apply(&lead(Assigned), &LeadAction::Accept, &user(true), 0)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        let assign = LeadAction::Assign {
            partner_account_id: "acc_cedar".into(),
        };
        assert_eq!(
            apply(&lead(New), &assign, &user(false), 0)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        let e = apply(&lead(Converted), &LeadAction::Accept, &user(false), 0).unwrap_err();
        assert_eq!(e.message, "A lead that is converted cannot be accepted");
    }

    #[test]
    fn accepting_takes_ownership_and_reassigning_clears_the_last_partner() {
        let accepted = apply(&lead(Assigned), &LeadAction::Accept, &user(false), 0).unwrap();
        assert_eq!(accepted.owner_user_id.as_deref(), Some("usr_acme_mgr"));
        let mut declined = lead(Declined);
        declined.decline_reason = Some("No capacity".into());
        declined.owner_user_id = Some("usr_acme_rep".into());
        let assign = LeadAction::Assign {
            partner_account_id: "acc_cedar".into(),
        };
        let reassigned = apply(&declined, &assign, &user(true), 0).unwrap();
        assert_eq!(reassigned.partner_account_id.as_deref(), Some("acc_cedar"));
        assert_eq!(
            (reassigned.owner_user_id, reassigned.decline_reason),
            (None, None)
        );
    }

    #[test]
    fn assignments_carry_a_deadline_and_overdue_leads_return_to_the_pool() {
        let assign = LeadAction::Assign {
            partner_account_id: "acc_cedar".into(),
        };
        let mut assigned = apply(&lead(New), &assign, &user(true), 0).unwrap();
        assert_eq!(assigned.accept_by.as_deref(), Some("1970-01-04T00:00:00Z"));
        assert!(!return_if_overdue(&mut assigned, "1970-01-04T00:00:00Z"));
        assert!(return_if_overdue(&mut assigned, "1970-01-04T00:00:01Z"));
        assert_eq!(
            (
                assigned.status,
                assigned.partner_account_id,
                assigned.decline_reason.as_deref()
            ),
            (New, None, Some(OVERDUE))
        );
        let accepted = apply(&lead(Assigned), &LeadAction::Accept, &user(false), 0).unwrap();
        assert_eq!(accepted.accept_by, None);
    }

    #[test]
    fn declining_needs_a_reason() {
        let e = apply(
            &lead(Assigned),
            &LeadAction::Decline { reason: "".into() },
            &user(false),
            0,
        )
        .unwrap_err();
        assert!(e.field("reason").is_some());
        assert_eq!(available_actions(Assigned, false).len(), 2);
        assert_eq!(
            available_actions(Accepted, false),
            [LeadAction::Convert { with: None }]
        );
        assert_eq!(available_actions(New, true).len(), 1);
        assert!(available_actions(Assigned, true).is_empty());
    }

    #[test]
    fn conversion_makes_valid_records() {
        let lead = crate::seed::demo_data(0)
            .leads
            .into_iter()
            .find(|l| l.status == Accepted)
            .unwrap();
        let (opp, contact) = conversion(&lead, 20_000);
        assert!(opp.validate().is_empty(), "{:?}", opp.validate());
        assert!(contact.validate().is_empty(), "{:?}", contact.validate());
        assert_eq!(
            format!("{} {}", contact.first_name, contact.last_name),
            lead.contact_name
        );
        assert_eq!(opp.close_date, crate::datetime::date(20_090));
    }
}
