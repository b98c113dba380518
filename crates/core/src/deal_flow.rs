//! Deal registration review: submit, withdraw, approve, reject, won or lost, and the conflicts
//! staff check before deciding.

use trellis_api::activity::changed;
use trellis_api::audit::deal_event;
use trellis_api::datetime::date;
use trellis_api::deal_flow::{default_protection_days, find_conflicts, transition as next_status};
use trellis_api::deal_flow::{DealAction, DealConflict};
use trellis_api::{wire_name, DealRegistration, DealStatus, Opportunity, Scope};

use crate::activity::new_id;
use crate::audit::AuditStore;
use crate::cx::Cx;
use crate::error::changed_meanwhile;
use crate::error::Result;
use crate::records::{self, RecordStore};

/// Moves a deal registration through its review; illegal moves are a typed 409.
pub async fn transition<S: RecordStore + AuditStore>(
    cx: &Cx<'_, S>,
    id: &str,
    action: &DealAction,
) -> Result<DealRegistration> {
    let deal: DealRegistration = records::get(cx, id).await?;
    let next = next_status(deal.status, action, cx.user.role.is_internal())?;
    let at = cx.timestamp();
    let mut after = deal.clone();
    after.status = next.status;
    if let Some(reason) = next.reviewer_reason {
        after.reviewer_reason = Some(reason);
    }
    if next.status == DealStatus::Approved {
        let today = cx.now.div_euclid(86_400);
        let days = next
            .valid_days
            .unwrap_or_else(|| default_protection_days(&date(today), &deal.expected_close_date));
        after.expires_on = Some(date(today + i64::from(days)));
    }
    if next.submitted {
        after.submitted_at = Some(at.clone());
    }
    if next.decided {
        after.decided_at = Some(at.clone());
    }
    after.updated_at = at.clone();
    // Guarded by the status it was read in, so two reviewers cannot both decide.
    let log = changed(new_id(cx.store), &deal, &after, Some(cx.user), &at);
    if !cx
        .store
        .replace_if(&after, &wire_name(&deal.status), log.as_slice())
        .await?
    {
        return Err(changed_meanwhile("deal registration"));
    }
    let deal: DealRegistration = records::get(cx, id).await?;
    if let Some(event) = deal_event(&deal) {
        cx.store.record(Some(cx.user), "", event, &at).await?;
    }
    Ok(deal)
}

/// Other registrations and open opportunities that look like the same deal (vendor staff).
pub async fn conflicts<S: RecordStore>(cx: &Cx<'_, S>, id: &str) -> Result<Vec<DealConflict>> {
    let deal: DealRegistration = records::get(cx, id).await?;
    let deals: Vec<DealRegistration> = cx.store.all(&Scope::All).await?;
    let opportunities: Vec<Opportunity> = cx.store.all(&Scope::All).await?;
    let mut found = find_conflicts(&deal, &deals, &opportunities);
    for c in &mut found {
        c.partner_name = match &c.partner_account_id {
            Some(a) => cx.store.account(a).await?.map(|a| a.name),
            None => None,
        };
    }
    Ok(found)
}
