//! Becoming a partner, moving between tiers and leaving the program: each with a recorded reason.
//!
//! Account edits never change partnership or tier; only a [`PartnerChange`] does, so every
//! change lands in the account's tier history.

use crate::{
    Account, AccountInput, ApiError, ErrorCode, FieldError, PartnerType, Validate, MAX_NOTES,
    MAX_TEXT,
};
use serde::{Deserialize, Serialize};

use crate::validate::Errors;

/// A change to an account's place in the partner program (`POST /api/accounts/{id}/partnership`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PartnerChange {
    /// A customer or prospect becomes a partner in a tier.
    Join {
        partner_type: PartnerType,
        tier_id: String,
        reason: String,
    },
    /// A partner moves to another tier.
    MoveTier { tier_id: String, reason: String },
    /// A partner goes back to being a customer account.
    Leave { reason: String },
}

/// One entry of an account's tier history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierChange {
    pub id: String,
    pub account_id: String,
    /// `None` when the account was not a partner before.
    pub from_tier_id: Option<String>,
    /// `None` when the account left the program.
    pub to_tier_id: Option<String>,
    pub reason: String,
    /// The name of the staff member who made the change.
    pub changed_by: String,
    pub changed_at: String,
}

impl PartnerChange {
    /// The reason given.
    pub fn reason(&self) -> &str {
        match self {
            PartnerChange::Join { reason, .. }
            | PartnerChange::MoveTier { reason, .. }
            | PartnerChange::Leave { reason } => reason,
        }
    }

    /// The tier asked for, if any.
    pub fn tier_id(&self) -> Option<&str> {
        match self {
            PartnerChange::Join { tier_id, .. } | PartnerChange::MoveTier { tier_id, .. } => {
                Some(tier_id)
            }
            PartnerChange::Leave { .. } => None,
        }
    }
}

impl Validate for PartnerChange {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("reason", self.reason(), MAX_NOTES);
        if let Some(tier) = self.tier_id() {
            e.required("tier_id", tier, MAX_TEXT);
        }
        e.0
    }
}

/// The account after `change`, or why the change does not apply to it.
pub fn apply(account: &Account, change: &PartnerChange) -> Result<Account, ApiError> {
    change.check()?;
    let conflict = |m: &str| Err(ApiError::new(ErrorCode::Conflict, m));
    let mut next = account.clone();
    match change {
        PartnerChange::Join {
            partner_type,
            tier_id,
            ..
        } => {
            if account.is_partner {
                return conflict("This account is already a partner; move its tier instead");
            }
            next.is_partner = true;
            next.partner_type = Some(*partner_type);
            next.tier_id = Some(tier_id.clone());
        }
        PartnerChange::MoveTier { tier_id, .. } => {
            if !account.is_partner {
                return conflict(
                    "Only partner accounts have a tier; make the account a partner first",
                );
            }
            if account.tier_id.as_deref() == Some(tier_id.as_str()) {
                return conflict("The partner is already in that tier");
            }
            next.tier_id = Some(tier_id.clone());
        }
        PartnerChange::Leave { .. } => {
            if !account.is_partner {
                return conflict("This account is not a partner");
            }
            next.is_partner = false;
            next.partner_type = None;
            next.tier_id = None;
        }
    }
    Ok(next)
}

/// The history entry of an account created directly as a partner.
pub fn created_as_partner(id: &str, input: &AccountInput, by: &str, at: &str) -> TierChange {
    TierChange {
        id: format!("tch_{id}_created"),
        account_id: id.into(),
        from_tier_id: None,
        to_tier_id: input.tier_id.clone(),
        reason: "Created as a partner account".into(),
        changed_by: by.into(),
        changed_at: at.into(),
    }
}

/// 422 on `field` if an account edit would change partnership or tier: those go through [`apply`].
pub fn check_edit(current: &Account, input: &AccountInput) -> Result<(), ApiError> {
    let mut e = Errors::default();
    if input.is_partner != current.is_partner || input.tier_id != current.tier_id {
        e.add(
            "tier_id",
            "changes through a partnership change with a reason, not an account edit",
        );
    }
    if e.0.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(e.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(partner: bool) -> Account {
        Account {
            id: "acc".into(),
            name: "Initech".into(),
            domain: "initech.example".into(),
            region: String::new(),
            is_partner: partner,
            partner_type: partner.then_some(PartnerType::Reseller),
            tier_id: partner.then(|| "tier_silver".into()),
            created_at: String::new(),
        }
    }

    #[test]
    fn customers_join_partners_move_and_leave() {
        let join = PartnerChange::Join {
            partner_type: PartnerType::Referral,
            tier_id: "tier_registered".into(),
            reason: "Signed the agreement".into(),
        };
        let joined = apply(&account(false), &join).unwrap();
        assert!(joined.is_partner);
        assert_eq!(joined.tier_id.as_deref(), Some("tier_registered"));
        assert_eq!(apply(&joined, &join).unwrap_err().code, ErrorCode::Conflict);

        let up = PartnerChange::MoveTier {
            tier_id: "tier_gold".into(),
            reason: "Passed 1M revenue".into(),
        };
        assert_eq!(
            apply(&account(true), &up).unwrap().tier_id.as_deref(),
            Some("tier_gold")
        );
        assert_eq!(
            apply(&account(false), &up).unwrap_err().code,
            ErrorCode::Conflict
        );
        let same = PartnerChange::MoveTier {
            tier_id: "tier_silver".into(),
            reason: "x".into(),
        };
        assert_eq!(
            apply(&account(true), &same).unwrap_err().code,
            ErrorCode::Conflict
        );

        let left = apply(
            &account(true),
            &PartnerChange::Leave {
                reason: "Closed".into(),
            },
        )
        .unwrap();
        assert_eq!(
            (left.is_partner, left.tier_id, left.partner_type),
            (false, None, None)
        );
        let blank = PartnerChange::Leave { reason: " ".into() };
        assert_eq!(
            apply(&account(true), &blank).unwrap_err().field("reason"),
            Some("is required")
        );
    }

    #[test]
    fn account_edits_cannot_change_partnership() {
        let current = account(true);
        let mut input = AccountInput {
            name: "Initech Ltd".into(),
            domain: current.domain.clone(),
            region: String::new(),
            is_partner: true,
            partner_type: Some(PartnerType::Reseller),
            tier_id: current.tier_id.clone(),
        };
        assert!(check_edit(&current, &input).is_ok());
        input.tier_id = Some("tier_gold".into());
        assert!(check_edit(&current, &input)
            .unwrap_err()
            .field("tier_id")
            .is_some());
    }
}
