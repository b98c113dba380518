//! The demo partners' tier history: when each joined, and Acme's promotion to Gold.

use crate::datetime::timestamp;
use crate::{Account, TierChange};

/// One "joined" entry per partner account, plus a promotion for the Gold partner.
pub fn demo_tier_changes(accounts: &[Account], now: i64) -> Vec<TierChange> {
    let mut changes = Vec::new();
    for a in accounts.iter().filter(|a| a.is_partner) {
        let promoted = a.tier_id.as_deref() == Some("tier_gold");
        changes.push(TierChange {
            id: format!("tch_{}_join", a.id),
            account_id: a.id.clone(),
            from_tier_id: None,
            to_tier_id: Some(
                if promoted {
                    "tier_silver"
                } else {
                    a.tier_id.as_deref().unwrap_or("")
                }
                .into(),
            ),
            reason: "Signed the partner agreement".into(),
            changed_by: "Casey Channel".into(),
            changed_at: a.created_at.clone(),
        });
        if promoted {
            changes.push(TierChange {
                id: format!("tch_{}_gold", a.id),
                account_id: a.id.clone(),
                from_tier_id: Some("tier_silver".into()),
                to_tier_id: a.tier_id.clone(),
                reason: "Passed 500,000 EUR of closed revenue and certified two engineers".into(),
                changed_by: "Alex Admin".into(),
                changed_at: timestamp(now - 120 * 86_400),
            });
        }
    }
    changes
}
