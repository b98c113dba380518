//! Budgets, fund decisions and proof files in memory, under the same guards as the server.

use trellis_api::activity::Activity;
use trellis_api::seed::SeedFile;
use trellis_api::{
    ClaimStatus, MdfBudget, MdfClaim, MdfRequest, MdfRequestStatus, Scope, StoredFile,
};
use trellis_core::mdf::{Decision, Guarded, MdfStore};
use trellis_core::Result;

use crate::demo::DemoBackend;

impl MdfStore for DemoBackend {
    async fn budgets(&self, program: Option<&str>) -> Result<Vec<MdfBudget>> {
        let state = self.state.borrow();
        let all = state.data.mdf.budgets.iter();
        let mut list: Vec<MdfBudget> = all
            .filter(|b| program.is_none_or(|p| b.program_id == p))
            .cloned()
            .collect();
        list.sort_by(|a, b| (&b.starts_on, &a.name).cmp(&(&a.starts_on, &b.name)));
        Ok(list)
    }

    async fn insert_budget(&self, budget: &MdfBudget) -> Result<()> {
        self.write().data.mdf.budgets.push(budget.clone());
        Ok(())
    }

    async fn decide_request(&self, d: &Decision<'_, MdfRequest>) -> Result<Guarded> {
        let r = d.record;
        {
            let mut state = self.write();
            let data = &mut state.data.mdf;
            let Some(slot) = data.requests.iter().position(|x| x.id == r.id) else {
                return Ok(Guarded::Changed);
            };
            if trellis_api::wire_name(&data.requests[slot].status) != d.from {
                return Ok(Guarded::Changed);
            }
            if r.status == MdfRequestStatus::Approved {
                let Some(budget) = data.budgets.iter_mut().find(|b| b.id == r.budget_id) else {
                    return Ok(Guarded::OverBudget(0));
                };
                if r.amount > budget.remaining() {
                    return Ok(Guarded::OverBudget(budget.remaining()));
                }
                budget.committed += r.amount;
            }
            data.requests[slot] = r.clone();
            state.data.activity.extend_from_slice(d.log);
        }
        if let Some(event) = &d.event {
            self.push_event(Some(d.actor), "", event.clone(), d.at);
        }
        Ok(Guarded::Done)
    }

    async fn file_claim(
        &self,
        claim: &MdfClaim,
        proof: &SeedFile,
        log: &[Activity],
    ) -> Result<Guarded> {
        let mut state = self.write();
        let data = &mut state.data.mdf;
        let request = data.requests.iter_mut().find(|r| {
            r.id == claim.request_id
                && r.status == MdfRequestStatus::Approved
                && r.claimed + claim.amount <= r.amount
        });
        let Some(request) = request else {
            return Ok(Guarded::Changed);
        };
        request.claimed += claim.amount;
        request.updated_at = claim.created_at.clone();
        data.files.push(proof.clone());
        data.claims.push(claim.clone());
        state.data.activity.extend_from_slice(log);
        Ok(Guarded::Done)
    }

    async fn decide_claim(&self, d: &Decision<'_, MdfClaim>) -> Result<Guarded> {
        let c = d.record;
        {
            let mut state = self.write();
            let data = &mut state.data.mdf;
            let Some(slot) = data.claims.iter_mut().find(|x| x.id == c.id) else {
                return Ok(Guarded::Changed);
            };
            if trellis_api::wire_name(&slot.status) != d.from {
                return Ok(Guarded::Changed);
            }
            *slot = c.clone();
            if c.status == ClaimStatus::Rejected {
                if let Some(r) = data.requests.iter_mut().find(|r| r.id == c.request_id) {
                    r.claimed -= c.amount;
                }
            }
            state.data.activity.extend_from_slice(d.log);
        }
        if let Some(event) = &d.event {
            self.push_event(Some(d.actor), "", event.clone(), d.at);
        }
        Ok(Guarded::Done)
    }

    async fn file(&self, scope: &Scope, id: &str) -> Result<Option<StoredFile>> {
        let state = self.state.borrow();
        let visible = |f: &SeedFile| match scope {
            Scope::All => true,
            Scope::Account(a) => &f.partner_account_id == a,
            Scope::Team { account, members } => {
                &f.partner_account_id == account && members.contains(&f.owner_user_id)
            }
            Scope::Nothing => false,
        };
        let found = state
            .data
            .mdf
            .files
            .iter()
            .find(|f| f.id == id && visible(f));
        Ok(found.map(|f| StoredFile {
            file_name: f.file_name.clone(),
            content_type: f.content_type.clone(),
            data: trellis_api::upload::encode(&f.bytes),
        }))
    }
}
