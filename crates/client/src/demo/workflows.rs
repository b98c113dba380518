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
        let mut next = apply(&lead, action, &user)?;
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
        let mut state = self.state.borrow_mut();
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
        let mut state = self.state.borrow_mut();
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
        slot.updated_at = timestamp(now);
        Ok(slot.clone())
    }
}

impl DemoBackend {
    pub(super) fn change_partnership_now(
        &self,
        id: &str,
        change: &PartnerChange,
    ) -> ClientResult<Account> {
        let user = self.staff()?;
        if let Some(tier) = change.tier_id() {
            self.check_tier_id(tier)?;
        }
        let entry_id = self.next_id("tch_");
        let mut state = self.state.borrow_mut();
        let account = state
            .data
            .accounts
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| ApiError::not_found("Account"))?;
        let next = trellis_api::partnership::apply(account, change)?;
        let entry = TierChange {
            id: entry_id,
            account_id: id.into(),
            from_tier_id: account.tier_id.clone(),
            to_tier_id: next.tier_id.clone(),
            reason: change.reason().trim().into(),
            changed_by: user.name,
            changed_at: timestamp(now_unix()),
        };
        *account = next.clone();
        state.data.tier_changes.push(entry);
        Ok(next)
    }
}
