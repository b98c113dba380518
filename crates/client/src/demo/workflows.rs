//! The demo backend's workflows: the same shared rules as the server, applied in memory.

use trellis_api::datetime::timestamp;
use trellis_api::record;
use trellis_api::*;

use super::{decode, now_unix, DemoBackend};
use crate::ClientResult;

impl DemoBackend {
    pub(super) fn transition_lead_now(
        &self,
        id: &str,
        action: &trellis_api::lead_flow::LeadAction,
    ) -> ClientResult<trellis_api::lead_flow::LeadOutcome> {
        use trellis_api::lead_flow::{apply, conversion, LeadAction, LeadOutcome};
        let user = self.user()?;
        let lead: Lead = self.get_record(id)?;
        let mut next = apply(&lead, action, &user, now_unix())?;
        if let LeadAction::Assign { partner_account_id } = action {
            self.target_account(&user, Some(partner_account_id.clone()))?;
        }
        let owner = next.owner_user_id.clone();
        let now = now_unix();
        let at = timestamp(now);
        let (mut opportunity, mut contact) = (None, None);
        if *action == LeadAction::Convert {
            let (opp, con) = conversion(&lead, now / 86_400);
            let account = lead.partner_account_id.clone();
            let opp_id = self.next_id(Opportunity::PREFIX);
            let fields = record::new_record_fields::<Opportunity>(
                &opp,
                opp_id,
                account.clone(),
                owner.clone(),
                true,
                &at,
            );
            opportunity = Some(decode::<Opportunity>(fields)?);
            let con_id = self.next_id(Contact::PREFIX);
            let fields = record::new_record_fields::<Contact>(
                &con,
                con_id,
                account,
                owner.clone(),
                true,
                &at,
            );
            contact = Some(decode::<Contact>(fields)?);
        }
        let mut state = self.write();
        let slot = state
            .data
            .leads
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or_else(|| ApiError::not_found("Lead"))?;
        next.updated_at = at;
        *slot = next;
        let lead = slot.clone();
        state.data.opportunities.extend(opportunity.clone());
        state.data.contacts.extend(contact.clone());
        Ok(LeadOutcome {
            lead,
            opportunity,
            contact,
        })
    }

    pub(super) fn transition_deal_now(
        &self,
        id: &str,
        action: &trellis_api::deal_flow::DealAction,
    ) -> ClientResult<DealRegistration> {
        let user = self.user()?;
        let deal: DealRegistration = self.get_record(id)?;
        let next =
            trellis_api::deal_flow::transition(deal.status, action, user.role.is_internal())?;
        let now = now_unix();
        let mut state = self.write();
        let slot = state
            .data
            .deals
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or_else(|| ApiError::not_found("Deal registration"))?;
        slot.status = next.status;
        if let Some(reason) = next.reviewer_reason {
            slot.reviewer_reason = Some(reason);
        }
        if let Some(days) = next.valid_days {
            slot.expires_on = Some(trellis_api::datetime::date(now / 86_400 + i64::from(days)));
        }
        if next.submitted {
            slot.submitted_at = Some(timestamp(now));
        }
        if next.decided {
            slot.decided_at = Some(timestamp(now));
        }
        slot.updated_at = timestamp(now);
        Ok(slot.clone())
    }
}

impl DemoBackend {
    pub(super) fn distribute_now(
        &self,
        body: &trellis_api::distribution::Distribution,
    ) -> ClientResult<trellis_api::distribution::DistributionResult> {
        use trellis_api::distribution::{candidates, distribute, DistributionResult, Skipped};
        self.staff()?;
        let days = body.days()?;
        for partner in body.named_partners() {
            self.target_account(&self.user()?, Some(partner.to_string()))?;
        }
        let now = now_unix();
        let at = timestamp(now);
        let mut state = self.write();
        super::apply_due::<Lead>(&mut state.data);
        let mut skipped = Vec::new();
        let mut leads: Vec<Lead> = match &body.lead_ids {
            None => state
                .data
                .leads
                .iter()
                .filter(|l| l.status == LeadStatus::New)
                .cloned()
                .collect(),
            Some(ids) if ids.len() > 1000 => {
                return Err(ApiError::validation(vec![FieldError::new(
                    "lead_ids",
                    "at most 1000 leads at a time",
                )])
                .into())
            }
            Some(ids) => ids
                .iter()
                .filter_map(|id| {
                    let found = state.data.leads.iter().find(|l| &l.id == id).cloned();
                    if found.is_none() {
                        skipped.push(Skipped {
                            lead_id: id.clone(),
                            reason: "does not exist".into(),
                        });
                    }
                    found
                })
                .collect(),
        };
        leads.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
        let tiers: Vec<Tier> = state
            .data
            .programs
            .iter()
            .flat_map(|p| p.tiers.clone())
            .collect();
        let partners = candidates(&state.data.accounts, |tier| {
            tiers.iter().find(|t| t.id == tier).map_or(1, |t| t.rank)
        });
        let (assigned, mut not_placed) = distribute(&leads, &partners, &body.rule);
        skipped.append(&mut not_placed);
        let accept_by = trellis_api::lead_flow::accept_deadline(now, days);
        for (lead_id, partner) in &assigned {
            if let Some(l) = state.data.leads.iter_mut().find(|l| &l.id == lead_id) {
                l.status = LeadStatus::Assigned;
                l.partner_account_id = Some(partner.clone());
                l.owner_user_id = None;
                l.decline_reason = None;
                l.accept_by = Some(accept_by.clone());
                l.updated_at = at.clone();
            }
        }
        Ok(DistributionResult {
            assigned,
            skipped,
            accept_by,
        })
    }
}
