//! Deal registration review: submit, withdraw, approve (with a comment for the partner, and a
//! second approver above the policy's amount), reject, won or lost, and the conflicts staff
//! check before deciding.

use trellis_api::activity::{changed, comment, About};
use trellis_api::audit::deal_event;
use trellis_api::datetime::date;
use trellis_api::deal_flow::{approval_step, ApprovalStep, DealReview};
use trellis_api::deal_flow::{default_protection_days, find_conflicts, transition as next_status};
use trellis_api::deal_flow::{DealAction, DealConflict};
use trellis_api::{
    admin_only, staff_only, wire_name, DealRegistration, DealStatus, Opportunity, Scope, Validate,
};

use crate::activity::{new_id, readers, ActivityStore};
use crate::audit::AuditStore;
use crate::cx::Cx;
use crate::error::changed_meanwhile;
use crate::error::Result;
use crate::records::{self, RecordStore};

/// Where the review policy is kept (deals themselves are records).
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait DealStore: RecordStore + AuditStore + ActivityStore {
    /// The review policy.
    async fn review_policy(&self) -> Result<DealReview>;
    /// Replaces the review policy.
    async fn put_review_policy(&self, policy: &DealReview) -> Result<()>;
}

/// The review policy (vendor staff).
pub async fn review_policy<S: DealStore>(cx: &Cx<'_, S>) -> Result<DealReview> {
    staff_only(cx.user)?;
    cx.store.review_policy().await
}

/// Changes the review policy (administrators).
pub async fn set_review_policy<S: DealStore>(
    cx: &Cx<'_, S>,
    policy: &DealReview,
) -> Result<DealReview> {
    admin_only(cx.user)?;
    policy.check()?;
    cx.store.put_review_policy(policy).await?;
    Ok(policy.clone())
}

/// Moves a deal registration through its review; illegal moves are a typed 409.
pub async fn transition<S: DealStore>(
    cx: &Cx<'_, S>,
    id: &str,
    action: &DealAction,
) -> Result<DealRegistration> {
    let deal: DealRegistration = records::get(cx, id).await?;
    let next = next_status(deal.status, action, cx.user.role.is_internal())?;
    let at = cx.timestamp();
    let mut after = deal.clone();
    let step = match action {
        DealAction::Approve { .. } => {
            approval_step(&deal, &cx.store.review_policy().await?, &cx.user.id)?
        }
        _ => ApprovalStep::Final,
    };
    if step == ApprovalStep::First {
        after.first_approver_id = Some(cx.user.id.clone());
        after.first_approver_name = Some(cx.user.name.clone());
        after.first_approved_at = Some(at.clone());
    } else {
        after.status = next.status;
        if let Some(reason) = next.reviewer_reason {
            after.reviewer_reason = Some(reason);
        }
        if next.status == DealStatus::Approved {
            let today = cx.now.div_euclid(86_400);
            let days = next.valid_days.unwrap_or_else(|| {
                default_protection_days(&date(today), &deal.expected_close_date)
            });
            after.expires_on = Some(date(today + i64::from(days)));
        }
        if next.submitted {
            after.submitted_at = Some(at.clone());
        }
        if next.decided {
            after.decided_at = Some(at.clone());
        }
    }
    after.updated_at = at.clone();
    let mut log: Vec<_> = changed(new_id(cx.store), &deal, &after, Some(cx.user), &at)
        .into_iter()
        .collect();
    // The reviewer's comment goes on the deal's timeline, where the partner reads it.
    if let Some(text) = next.comment {
        let people = readers(cx.store, &after).await?;
        let about = About::of(&after);
        log.push(comment(
            new_id(cx.store),
            &about,
            cx.user,
            &at,
            &text,
            &people,
        ));
    }
    // Guarded by the status it was read in, so two reviewers cannot both decide.
    if !cx
        .store
        .replace_if(&after, &wire_name(&deal.status), &log)
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
