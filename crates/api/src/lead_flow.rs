//! The lead inbox workflow, shared by every backend: accept, decline with a reason, convert.
//!
//! assigned → accepted | declined; accepted → converted (an opportunity and a contact are created).

use serde::{Deserialize, Serialize};

use crate::{
    wire_name, ApiError, ContactInput, ErrorCode, FieldError, Lead, LeadStatus, OpportunityInput,
    Stage, MAX_TEXT,
};

/// What a partner does with a lead (`POST /api/leads/{id}/transition`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum LeadAction {
    /// Take the lead: it becomes the accepting user's.
    Accept,
    /// Turn the lead down, saying why; it goes back to the vendor.
    Decline { reason: String },
    /// Turn an accepted lead into an opportunity and a contact.
    Convert,
}

/// The lead after an action, with what a conversion created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeadOutcome {
    pub lead: Lead,
    pub opportunity: Option<crate::Opportunity>,
    pub contact: Option<crate::Contact>,
}

/// Checks an action against the lead's status and who asks; returns the new status and decline reason.
pub fn transition(
    current: LeadStatus,
    action: &LeadAction,
    staff: bool,
) -> Result<(LeadStatus, Option<String>), ApiError> {
    if staff {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only the partner a lead is assigned to can accept, decline or convert it",
        ));
    }
    let next = match (current, action) {
        (LeadStatus::Assigned, LeadAction::Accept) => (LeadStatus::Accepted, None),
        (LeadStatus::Assigned, LeadAction::Decline { reason }) => {
            let reason = reason.trim();
            if reason.is_empty() || reason.chars().count() > MAX_TEXT {
                return Err(ApiError::validation(vec![FieldError::new(
                    "reason",
                    "is required to decline (tell the channel team why)",
                )]));
            }
            (LeadStatus::Declined, Some(reason.to_string()))
        }
        (LeadStatus::Accepted, LeadAction::Convert) => (LeadStatus::Converted, None),
        (status, action) => {
            let verb = match action {
                LeadAction::Accept => "accepted",
                LeadAction::Decline { .. } => "declined",
                LeadAction::Convert => "converted",
            };
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!("A lead that is {} cannot be {verb}", wire_name(&status)),
            ));
        }
    };
    Ok(next)
}

/// The actions a partner may offer for a lead in `status`.
pub fn available_actions(status: LeadStatus, staff: bool) -> Vec<LeadAction> {
    [
        LeadAction::Accept,
        LeadAction::Decline { reason: "x".into() },
        LeadAction::Convert,
    ]
    .into_iter()
    .filter(|a| transition(status, a, staff).is_ok())
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
        stage: Stage::Prospecting,
        amount: 0,
        currency: "EUR".into(),
        close_date: crate::datetime::date(today_days + 90),
        probability: 10,
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

    #[test]
    fn the_legal_transitions_and_only_those() {
        let statuses = [New, Assigned, Accepted, Declined, Converted];
        let actions = [
            LeadAction::Accept,
            LeadAction::Decline {
                reason: "Out of territory".into(),
            },
            LeadAction::Convert,
        ];
        let legal: Vec<_> = statuses
            .iter()
            .flat_map(|s| {
                actions
                    .iter()
                    .filter_map(move |a| transition(*s, a, false).ok().map(|t| (*s, t.0)))
            })
            .collect();
        assert_eq!(
            legal,
            [
                (Assigned, Accepted),
                (Assigned, Declined),
                (Accepted, Converted)
            ]
        );
        assert_eq!(
            transition(Assigned, &LeadAction::Accept, true)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        let e = transition(Converted, &LeadAction::Accept, false).unwrap_err();
        assert_eq!(e.message, "A lead that is converted cannot be accepted");
    }

    #[test]
    fn declining_needs_a_reason() {
        let e =
            transition(Assigned, &LeadAction::Decline { reason: "".into() }, false).unwrap_err();
        assert!(e.field("reason").is_some());
        assert_eq!(available_actions(Assigned, false).len(), 2);
        assert_eq!(available_actions(Accepted, false), [LeadAction::Convert]);
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
