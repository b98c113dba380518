//! Market development funds: budgets, fund requests and claims with proof files. Budgets and
//! requests never go over their amounts: each decision is one guarded write in the store.

use trellis_api::activity::{changed, created, Activity};
use trellis_api::audit::{mdf_claim_event, mdf_request_event, NewEvent};
use trellis_api::mdf::{self, exceeds};
use trellis_api::records::kind::{new_record_fields, Record as _};
use trellis_api::seed::SeedFile;
use trellis_api::{
    ApiError, ClaimStatus, ErrorCode, FieldError, MdfAction, MdfBudget, MdfBudgetInput, MdfClaim,
    MdfClaimInput, MdfRequest, MdfRequestInput, MdfRequestStatus, Scope, StoredFile, User,
    Validate,
};

use crate::activity::new_id;
use crate::audit::AuditStore;
use crate::cx::Cx;
use crate::error::changed_meanwhile;
use crate::error::{CoreError, Result};
use crate::records::{self, RecordStore};

/// How a guarded fund write ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    Done,
    /// The budget has only this much left.
    OverBudget(i64),
    /// The record is no longer as it was read.
    Changed,
}

/// A decision on a fund request or a claim, as written.
pub struct Decision<'a, R> {
    /// The record after the decision.
    pub record: &'a R,
    /// The status it must still have.
    pub from: &'a str,
    pub actor: &'a User,
    pub event: Option<NewEvent>,
    pub at: &'a str,
    /// The record's timeline entries, written with the decision.
    pub log: &'a [Activity],
}

/// Where budgets, decisions and proof files are kept (requests and claims are records).
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait MdfStore: RecordStore + AuditStore {
    /// Budgets, newest period first: of `program` only when set.
    async fn budgets(&self, program: Option<&str>) -> Result<Vec<MdfBudget>>;
    /// Adds a budget.
    async fn insert_budget(&self, budget: &MdfBudget) -> Result<()>;
    /// Decides a request; approving commits its amount against its budget in the same write,
    /// refused when the budget has not that much left.
    async fn decide_request(&self, decision: &Decision<'_, MdfRequest>) -> Result<Guarded>;
    /// Files a claim with its proof, adding its amount to the request's claimed amount in the
    /// same write (with the claim's timeline entries `log`) if the request is still approved
    /// and has that much unclaimed.
    async fn file_claim(
        &self,
        claim: &MdfClaim,
        proof: &SeedFile,
        log: &[Activity],
    ) -> Result<Guarded>;
    /// Decides a claim; rejecting releases its amount on the request in the same write.
    async fn decide_claim(&self, decision: &Decision<'_, MdfClaim>) -> Result<Guarded>;
    /// A stored file within `scope`.
    async fn file(&self, scope: &Scope, id: &str) -> Result<Option<StoredFile>>;
}

fn partners_only(user: &User) -> Result<String> {
    user.partner_account_id.clone().ok_or_else(|| {
        ApiError::new(
            ErrorCode::Forbidden,
            "Only partner users request funds and file claims",
        )
        .into()
    })
}

fn invalid(field: &str, message: impl Into<String>) -> CoreError {
    ApiError::validation(vec![FieldError::new(field, message)]).into()
}

/// The program of the user's partner account, by its tier.
async fn program_of<S: MdfStore>(cx: &Cx<'_, S>) -> Result<Option<String>> {
    let Some(tier) = crate::accounts::tier_of(cx.store, cx.user).await? else {
        return Ok(None);
    };
    let programs = cx.store.programs().await?;
    let program = programs
        .into_iter()
        .find(|p| p.tiers.iter().any(|t| t.id == tier));
    Ok(program.map(|p| p.id))
}

/// Budgets: every one for vendor staff, those of their own program for partners.
pub async fn budgets<S: MdfStore>(cx: &Cx<'_, S>) -> Result<Vec<MdfBudget>> {
    if cx.user.role.is_internal() {
        return cx.store.budgets(None).await;
    }
    match program_of(cx).await? {
        Some(program) => cx.store.budgets(Some(&program)).await,
        None => Ok(Vec::new()),
    }
}

/// Sets aside a budget for a program and period (vendor staff).
pub async fn create_budget<S: MdfStore>(
    cx: &Cx<'_, S>,
    input: &MdfBudgetInput,
) -> Result<MdfBudget> {
    input.check()?;
    let programs = cx.store.programs().await?;
    if !programs.iter().any(|p| p.id == input.program_id) {
        return Err(invalid("program_id", "is not a partner program"));
    }
    let budget = MdfBudget {
        id: cx.store.new_id("mdfb_"),
        program_id: input.program_id.clone(),
        name: input.name.trim().into(),
        starts_on: input.starts_on.clone(),
        ends_on: input.ends_on.clone(),
        amount: input.amount,
        currency: input.currency.clone(),
        committed: 0,
        created_at: cx.timestamp(),
    };
    cx.store.insert_budget(&budget).await?;
    Ok(budget)
}

/// Asks for funds from one of the program's open budgets (partners).
pub async fn create_request<S: MdfStore>(
    cx: &Cx<'_, S>,
    input: &MdfRequestInput,
) -> Result<MdfRequest> {
    let account = partners_only(cx.user)?;
    input.check()?;
    let budget = budgets(cx)
        .await?
        .into_iter()
        .find(|b| b.id == input.budget_id)
        .ok_or_else(|| invalid("budget_id", "is not a budget of your program"))?;
    mdf::check_request(&budget, input, &cx.today())?;
    let id = cx.store.new_id(MdfRequest::PREFIX);
    let mut map = new_record_fields::<MdfRequest>(
        input,
        id.clone(),
        Some(account),
        Some(cx.user.id.clone()),
        true,
        &cx.timestamp(),
    );
    map.insert("currency".into(), budget.currency.into());
    map.insert("claimed".into(), 0.into());
    let request: MdfRequest = serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| CoreError::Store(format!("fund request does not decode: {e}")))?;
    let log = [created(
        new_id(cx.store),
        &request,
        Some(cx.user),
        &request.created_at,
    )];
    cx.store.insert(&request, &log).await?;
    Ok(cx
        .store
        .find(&Scope::All, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(MdfRequest::NAME))?)
}

/// Approves (committing the amount against the budget) or rejects a fund request (vendor staff).
pub async fn transition_request<S: MdfStore>(
    cx: &Cx<'_, S>,
    id: &str,
    action: &MdfAction,
) -> Result<MdfRequest> {
    let request: MdfRequest = records::get(cx, id).await?;
    let staff = cx.user.role.is_internal();
    let (next, reason) = mdf::request_transition(request.status, action, staff)?;
    let at = cx.timestamp();
    let decided = MdfRequest {
        status: next,
        reviewer_reason: reason,
        updated_at: at.clone(),
        ..request.clone()
    };
    let from = trellis_api::wire_name(&MdfRequestStatus::Submitted);
    let log = changed(new_id(cx.store), &request, &decided, Some(cx.user), &at);
    let decision = Decision {
        record: &decided,
        from: &from,
        actor: cx.user,
        event: mdf_request_event(&decided),
        at: &at,
        log: log.as_slice(),
    };
    match cx.store.decide_request(&decision).await? {
        Guarded::Done => records::get(cx, id).await,
        Guarded::OverBudget(left) => Err(invalid("amount", exceeds(left, &request.currency))),
        Guarded::Changed => Err(changed_meanwhile("fund request")),
    }
}

/// Files a claim with proof against an approved fund request (partners).
pub async fn create_claim<S: MdfStore>(cx: &Cx<'_, S>, input: &MdfClaimInput) -> Result<MdfClaim> {
    let account = partners_only(cx.user)?;
    input.check()?;
    let proof = input.proof.check("proof")?;
    let request: MdfRequest = records::get(cx, &input.request_id)
        .await
        .map_err(|_| invalid("request_id", "is not one of your fund requests"))?;
    mdf::check_claim(&request, input)?;
    let at = cx.timestamp();
    let file = SeedFile {
        id: cx.store.new_id("file_"),
        file_name: proof.file_name,
        content_type: proof.content_type.into(),
        bytes: proof.bytes,
        partner_account_id: account.clone(),
        owner_user_id: cx.user.id.clone(),
    };
    let claim = MdfClaim {
        id: cx.store.new_id(MdfClaim::PREFIX),
        request_id: request.id,
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
        owner_user_id: Some(cx.user.id.clone()),
        created_at: at.clone(),
        updated_at: at,
    };
    let log = [created(
        new_id(cx.store),
        &claim,
        Some(cx.user),
        &claim.created_at,
    )];
    match cx.store.file_claim(&claim, &file, &log).await? {
        Guarded::Done => Ok(claim),
        Guarded::OverBudget(_) | Guarded::Changed => Err(changed_meanwhile("fund request")),
    }
}

/// Approves, rejects (releasing the claimed amount) or marks a claim paid (vendor staff).
pub async fn transition_claim<S: MdfStore>(
    cx: &Cx<'_, S>,
    id: &str,
    action: &MdfAction,
) -> Result<MdfClaim> {
    let claim: MdfClaim = records::get(cx, id).await?;
    let staff = cx.user.role.is_internal();
    let (next, reason) = mdf::claim_transition(claim.status, action, staff)?;
    let at = cx.timestamp();
    let decided = MdfClaim {
        status: next,
        reviewer_reason: reason.or(claim.reviewer_reason.clone()),
        updated_at: at.clone(),
        ..claim.clone()
    };
    let from = trellis_api::wire_name(&claim.status);
    let log = changed(new_id(cx.store), &claim, &decided, Some(cx.user), &at);
    let decision = Decision {
        record: &decided,
        from: &from,
        actor: cx.user,
        event: mdf_claim_event(&decided),
        at: &at,
        log: log.as_slice(),
    };
    match cx.store.decide_claim(&decision).await? {
        Guarded::Done => records::get(cx, id).await,
        Guarded::OverBudget(_) | Guarded::Changed => Err(changed_meanwhile("claim")),
    }
}

/// A stored file, if the user may see the record it belongs to.
pub async fn file<S: MdfStore>(cx: &Cx<'_, S>, id: &str) -> Result<StoredFile> {
    Ok(cx
        .store
        .file(&Scope::of(cx.user), id)
        .await?
        .ok_or_else(|| ApiError::not_found("File"))?)
}
