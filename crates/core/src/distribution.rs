//! Lead distribution: pooled or chosen leads handed to partner accounts by a rule, with an
//! acceptance deadline (vendor staff).

use trellis_api::activity::changed;
use trellis_api::distribution::{
    candidates, distribute, Distribution, DistributionResult, Skipped,
};
use trellis_api::lead_flow::accept_deadline;
use trellis_api::{wire_name, Lead, LeadStatus, Scope};

use crate::activity::new_id;
use crate::cx::Cx;
use crate::error::Result;
use crate::records::{target_account, RecordStore};

/// Hands the pool (or the named leads) to partners by the rule; a lead changed meanwhile is skipped.
pub async fn run<S: RecordStore>(
    cx: &Cx<'_, S>,
    body: &Distribution,
) -> Result<DistributionResult> {
    let days = body.days()?;
    body.check_size()?;
    for partner in body.named_partners() {
        target_account(cx, cx.user, Some(partner.to_string())).await?;
    }
    let mut skipped = Vec::new();
    let mut leads: Vec<Lead> = match &body.lead_ids {
        None => cx.store.with_status(&wire_name(&LeadStatus::New)).await?,
        Some(ids) => {
            let mut found = Vec::new();
            for id in ids {
                match cx.store.find::<Lead>(&Scope::All, id).await? {
                    Some(lead) => found.push(lead),
                    None => skipped.push(Skipped {
                        lead_id: id.clone(),
                        reason: "does not exist".into(),
                    }),
                }
            }
            found
        }
    };
    leads.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    let tiers = crate::accounts::all_tiers(cx.store).await?;
    let accounts = cx.store.all_accounts().await?;
    let partners = candidates(&accounts, |tier| {
        tiers.iter().find(|t| t.id == tier).map_or(1, |t| t.rank)
    });
    let (planned, mut not_placed) = distribute(&leads, &partners, &body.rule);
    skipped.append(&mut not_placed);
    let (at, accept_by) = (cx.timestamp(), accept_deadline(cx.now, days));
    let mut assigned = Vec::new();
    for (lead_id, partner) in planned {
        let Some(lead) = leads.iter().find(|l| l.id == lead_id) else {
            continue;
        };
        let mut next = lead.clone();
        next.status = LeadStatus::Assigned;
        next.partner_account_id = Some(partner.clone());
        next.owner_user_id = None;
        next.decline_reason = None;
        next.accept_by = Some(accept_by.clone());
        next.updated_at = at.clone();
        let log = changed(new_id(cx.store), lead, &next, Some(cx.user), &at);
        let from = wire_name(&lead.status);
        if cx.store.replace_if(&next, &from, log.as_slice()).await? {
            assigned.push((lead_id, partner));
        } else {
            skipped.push(Skipped {
                lead_id,
                reason: "changed meanwhile".into(),
            });
        }
    }
    Ok(DistributionResult {
        assigned,
        skipped,
        accept_by,
    })
}
