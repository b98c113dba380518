//! Accounts, programs, tiers and the tier history in memory.

use trellis_api::partnership::TierChange;
use trellis_api::{Account, ListPage, ListQuery, PartnerProgram, Tier};
use trellis_core::accounts::{AccountStore, PartnershipWrite};
use trellis_core::Result;

use super::upsert;
use crate::demo::{paginate, DemoBackend};

impl AccountStore for DemoBackend {
    async fn account(&self, id: &str) -> Result<Option<Account>> {
        let state = self.state.borrow();
        Ok(state.data.accounts.iter().find(|a| a.id == id).cloned())
    }

    async fn accounts(&self, only: Option<&str>, query: &ListQuery) -> Result<ListPage<Account>> {
        let q = query.q.as_deref().unwrap_or("").trim().to_lowercase();
        let state = self.state.borrow();
        let mut items: Vec<Account> = state
            .data
            .accounts
            .iter()
            .filter(|a| only.is_none_or(|id| a.id == id))
            .filter(|a| match query.status.as_deref() {
                Some("partner") => a.is_partner,
                Some("customer") => !a.is_partner,
                _ => true,
            })
            .filter(|a| {
                q.is_empty()
                    || a.name.to_lowercase().contains(&q)
                    || a.domain.to_lowercase().contains(&q)
            })
            .cloned()
            .collect();
        items.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(paginate(items, query)?)
    }

    async fn all_accounts(&self) -> Result<Vec<Account>> {
        let mut list = self.state.borrow().data.accounts.clone();
        list.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(list)
    }

    async fn insert_account(&self, account: &Account, entry: Option<&TierChange>) -> Result<()> {
        let mut state = self.write();
        state.data.tier_changes.extend(entry.cloned());
        state.data.accounts.push(account.clone());
        Ok(())
    }

    async fn put_account(&self, account: &Account) -> Result<()> {
        upsert(&mut self.write().data.accounts, account, |a| {
            a.id == account.id
        });
        Ok(())
    }

    async fn change_partnership(&self, w: &PartnershipWrite<'_>) -> Result<bool> {
        {
            let mut state = self.write();
            let Some(slot) = state.data.accounts.iter_mut().find(|a| a.id == w.after.id) else {
                return Ok(false);
            };
            if slot.is_partner != w.before.is_partner || slot.tier_id != w.before.tier_id {
                return Ok(false);
            }
            *slot = w.after.clone();
            state.data.tier_changes.push(w.entry.clone());
        }
        self.push_event(Some(w.actor), "", w.event.clone(), w.at);
        Ok(true)
    }

    async fn all_tier_changes(&self) -> Result<Vec<TierChange>> {
        let mut list = self.state.borrow().data.tier_changes.clone();
        list.sort_by(|a, b| a.changed_at.cmp(&b.changed_at));
        Ok(list)
    }

    async fn tier_history(&self, account_id: &str) -> Result<Vec<TierChange>> {
        let state = self.state.borrow();
        let mut list: Vec<TierChange> = state
            .data
            .tier_changes
            .iter()
            .filter(|c| c.account_id == account_id)
            .cloned()
            .collect();
        // Newest first; entries of the same moment in the reverse of their writing.
        list.reverse();
        list.sort_by(|a, b| b.changed_at.cmp(&a.changed_at));
        Ok(list)
    }

    async fn programs(&self) -> Result<Vec<PartnerProgram>> {
        Ok(self.state.borrow().data.programs.clone())
    }

    async fn put_tier(&self, tier: &Tier) -> Result<()> {
        let mut state = self.write();
        if let Some(program) = state
            .data
            .programs
            .iter_mut()
            .find(|p| p.id == tier.program_id)
        {
            upsert(&mut program.tiers, tier, |t| t.id == tier.id);
            program.tiers.sort_by_key(|t| t.rank);
        }
        Ok(())
    }
}
