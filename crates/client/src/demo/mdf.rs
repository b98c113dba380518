//! The demo backend's market development funds: the same shared rules as the server, in memory.

use trellis_api::datetime::{date, timestamp};
use trellis_api::mdf::{self, exceeds};
use trellis_api::record;
use trellis_api::seed::{DemoData, SeedFile};
use trellis_api::*;

use super::{decode, err, now_unix, DemoBackend, Stored};
use crate::ClientResult;

impl Stored for MdfRequest {
    fn table(data: &mut DemoData) -> &mut Vec<Self> {
        &mut data.mdf.requests
    }
}

impl Stored for MdfClaim {
    fn table(data: &mut DemoData) -> &mut Vec<Self> {
        &mut data.mdf.claims
    }
}

fn partners_only(user: &User) -> ClientResult<String> {
    user.partner_account_id.clone().ok_or_else(|| {
        err(
            ErrorCode::Forbidden,
            "Only partner users request funds and file claims",
        )
    })
}

fn invalid(field: &str, message: impl Into<String>) -> crate::ClientError {
    ApiError::validation(vec![FieldError::new(field, message)]).into()
}

impl DemoBackend {
    pub(super) fn budgets_now(&self) -> ClientResult<Vec<MdfBudget>> {
        let user = self.user()?;
        let state = self.state.borrow();
        let program = user.partner_account_id.as_ref().and_then(|a| {
            let tier = state
                .data
                .accounts
                .iter()
                .find(|x| &x.id == a)?
                .tier_id
                .clone()?;
            state
                .data
                .programs
                .iter()
                .find(|p| p.tiers.iter().any(|t| t.id == tier))
                .map(|p| p.id.clone())
        });
        let mut budgets: Vec<MdfBudget> = state
            .data
            .mdf
            .budgets
            .iter()
            .filter(|b| user.role.is_internal() || program.as_ref() == Some(&b.program_id))
            .cloned()
            .collect();
        budgets.sort_by(|a, b| (&b.starts_on, &a.name).cmp(&(&a.starts_on, &b.name)));
        Ok(budgets)
    }

    pub(super) fn create_budget_now(&self, input: &MdfBudgetInput) -> ClientResult<MdfBudget> {
        self.staff()?;
        input.check()?;
        if !self
            .state
            .borrow()
            .data
            .programs
            .iter()
            .any(|p| p.id == input.program_id)
        {
            return Err(invalid("program_id", "is not a partner program"));
        }
        let budget = MdfBudget {
            id: self.next_id("mdfb_"),
            program_id: input.program_id.clone(),
            name: input.name.trim().into(),
            starts_on: input.starts_on.clone(),
            ends_on: input.ends_on.clone(),
            amount: input.amount,
            currency: input.currency.clone(),
            committed: 0,
            created_at: timestamp(now_unix()),
        };
        self.write().data.mdf.budgets.push(budget.clone());
        Ok(budget)
    }

    pub(super) fn create_request_now(&self, input: &MdfRequestInput) -> ClientResult<MdfRequest> {
        let user = self.user()?;
        let account = partners_only(&user)?;
        input.check()?;
        let budget = self
            .budgets_now()?
            .into_iter()
            .find(|b| b.id == input.budget_id)
            .ok_or_else(|| invalid("budget_id", "is not a budget of your program"))?;
        let now = now_unix();
        mdf::check_request(&budget, input, &date(now / 86_400))?;
        let mut columns = record::new_record_fields::<MdfRequest>(
            input,
            self.next_id(MdfRequest::PREFIX),
            Some(account),
            Some(user.id),
            true,
            &timestamp(now),
        );
        columns.insert("currency".into(), budget.currency.into());
        columns.insert("claimed".into(), 0.into());
        let request: MdfRequest = decode(columns)?;
        self.write().data.mdf.requests.push(request.clone());
        Ok(request)
    }

    pub(super) fn transition_request_now(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfRequest> {
        let user = self.user()?;
        let request: MdfRequest = self.get_record(id)?;
        let (next, reason) =
            mdf::request_transition(request.status, action, user.role.is_internal())?;
        let mut state = self.write();
        let data = &mut state.data.mdf;
        if next == MdfRequestStatus::Approved {
            let budget = data
                .budgets
                .iter_mut()
                .find(|b| b.id == request.budget_id)
                .ok_or_else(|| ApiError::not_found("Budget"))?;
            if request.amount > budget.remaining() {
                return Err(invalid(
                    "amount",
                    exceeds(budget.remaining(), &budget.currency),
                ));
            }
            budget.committed += request.amount;
        }
        let slot = data
            .requests
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or_else(|| ApiError::not_found(MdfRequest::NAME))?;
        slot.status = next;
        slot.reviewer_reason = reason;
        slot.updated_at = timestamp(now_unix());
        Ok(slot.clone())
    }

    pub(super) fn create_claim_now(&self, input: &MdfClaimInput) -> ClientResult<MdfClaim> {
        let user = self.user()?;
        let account = partners_only(&user)?;
        input.check()?;
        let proof = input.proof.check("proof")?;
        let request: MdfRequest = self
            .get_record(&input.request_id)
            .map_err(|_| invalid("request_id", "is not one of your fund requests"))?;
        mdf::check_claim(&request, input)?;
        let at = timestamp(now_unix());
        let file = SeedFile {
            id: self.next_id("file_"),
            file_name: proof.file_name,
            content_type: proof.content_type.into(),
            bytes: proof.bytes,
            partner_account_id: account.clone(),
            owner_user_id: user.id.clone(),
        };
        let claim = MdfClaim {
            id: self.next_id(MdfClaim::PREFIX),
            request_id: request.id.clone(),
            activity: request.activity,
            amount: input.amount,
            currency: request.currency,
            status: ClaimStatus::Submitted,
            reviewer_reason: None,
            proof_file_id: file.id.clone(),
            proof_file_name: file.file_name.clone(),
            proof_content_type: file.content_type.clone(),
            proof_size: file.bytes.len() as i64,
            partner_account_id: Some(account),
            owner_user_id: Some(user.id),
            created_at: at.clone(),
            updated_at: at,
        };
        let mut state = self.write();
        let data = &mut state.data.mdf;
        if let Some(r) = data.requests.iter_mut().find(|r| r.id == request.id) {
            r.claimed += input.amount;
        }
        data.files.push(file);
        data.claims.push(claim.clone());
        Ok(claim)
    }

    pub(super) fn transition_claim_now(
        &self,
        id: &str,
        action: &MdfAction,
    ) -> ClientResult<MdfClaim> {
        let user = self.user()?;
        let claim: MdfClaim = self.get_record(id)?;
        let (next, reason) = mdf::claim_transition(claim.status, action, user.role.is_internal())?;
        let mut state = self.write();
        let data = &mut state.data.mdf;
        if next == ClaimStatus::Rejected {
            if let Some(r) = data.requests.iter_mut().find(|r| r.id == claim.request_id) {
                r.claimed -= claim.amount;
            }
        }
        let slot = data
            .claims
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| ApiError::not_found(MdfClaim::NAME))?;
        slot.status = next;
        if reason.is_some() {
            slot.reviewer_reason = reason;
        }
        slot.updated_at = timestamp(now_unix());
        Ok(slot.clone())
    }

    pub(super) fn file_now(&self, id: &str) -> ClientResult<StoredFile> {
        let scope = Scope::of(&self.user()?);
        let state = self.state.borrow();
        let visible = |f: &SeedFile| match &scope {
            Scope::All => true,
            Scope::Account(a) => &f.partner_account_id == a,
            Scope::Team { account, members } => {
                &f.partner_account_id == account && members.contains(&f.owner_user_id)
            }
            Scope::Nothing => false,
        };
        state
            .data
            .mdf
            .files
            .iter()
            .find(|f| f.id == id && visible(f))
            .map(|f| StoredFile {
                file_name: f.file_name.clone(),
                content_type: f.content_type.clone(),
                data: trellis_api::upload::encode(&f.bytes),
            })
            .ok_or_else(|| ApiError::not_found("File").into())
    }
}
