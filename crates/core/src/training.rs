//! Training modules, quiz attempts and certificates.

use trellis_api::training::{
    progress, Attempt, Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule,
};
use trellis_api::{ApiError, Scope, Validate};

use crate::accounts::{tier_of, AccountStore};
use crate::cx::Cx;
use crate::error::Result;

/// Where modules, attempts and certificates are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait TrainingStore: AccountStore {
    /// Every module, in the order they were written, without progress.
    async fn modules(&self) -> Result<Vec<TrainingModule>>;
    /// Adds or replaces a module (a replaced module keeps when it was first written).
    async fn put_module(&self, module: &TrainingModule) -> Result<()>;
    /// The attempts within `scope`, oldest first.
    async fn attempts(&self, scope: &Scope) -> Result<Vec<Attempt>>;
    /// The certificates within `scope`, newest first, with module, user and account names.
    async fn certificates(&self, scope: &Scope) -> Result<Vec<Certificate>>;
    /// Records an attempt and, in the same write, its certificate unless the user already
    /// holds one for the module.
    async fn add_attempt(&self, attempt: &Attempt, certificate: Option<&Certificate>)
        -> Result<()>;
}

/// The modules the user may take, with their own progress (staff see every module with answers).
pub async fn modules_for<S: TrainingStore>(cx: &Cx<'_, S>) -> Result<Vec<TrainingModule>> {
    let tier = tier_of(cx.store, cx.user).await?;
    let mine: Vec<Attempt> = own_attempts(cx).await?;
    Ok(cx
        .store
        .modules()
        .await?
        .into_iter()
        .filter(|m| m.audience.includes(tier.as_deref(), cx.user.role))
        .map(|m| m.for_viewer(cx.user.role, &mine))
        .collect())
}

async fn own_attempts<S: TrainingStore>(cx: &Cx<'_, S>) -> Result<Vec<Attempt>> {
    let scope = Scope::of(cx.user);
    let all = cx.store.attempts(&scope).await?;
    Ok(all
        .into_iter()
        .filter(|a| a.user_id == cx.user.id)
        .collect())
}

/// A module the user may take, as stored (answers included).
async fn stored<S: TrainingStore>(cx: &Cx<'_, S>, id: &str) -> Result<TrainingModule> {
    let tier = tier_of(cx.store, cx.user).await?;
    Ok(cx
        .store
        .modules()
        .await?
        .into_iter()
        .find(|m| m.id == id && m.audience.includes(tier.as_deref(), cx.user.role))
        .ok_or_else(|| ApiError::not_found("Training module"))?)
}

/// One module the user may take, with their progress.
pub async fn get<S: TrainingStore>(cx: &Cx<'_, S>, id: &str) -> Result<TrainingModule> {
    Ok(modules_for(cx)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| ApiError::not_found("Training module"))?)
}

/// Writes a new module (vendor staff).
pub async fn create<S: TrainingStore>(
    cx: &Cx<'_, S>,
    input: &ModuleInput,
) -> Result<TrainingModule> {
    input.check()?;
    let id = cx.store.new_id("trn_");
    let module = TrainingModule::from_input(id, input.clone(), cx.timestamp());
    cx.store.put_module(&module).await?;
    Ok(module.for_viewer(cx.user.role, &[]))
}

/// Edits a module (vendor staff); earlier attempts and certificates stay.
pub async fn update<S: TrainingStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &ModuleInput,
) -> Result<TrainingModule> {
    input.check()?;
    stored(cx, id).await?;
    let module = TrainingModule::from_input(id.into(), input.clone(), cx.timestamp());
    cx.store.put_module(&module).await?;
    Ok(module.for_viewer(cx.user.role, &[]))
}

/// Hands in a quiz: marked here; passing grants a certificate (once per module).
pub async fn submit<S: TrainingStore>(
    cx: &Cx<'_, S>,
    id: &str,
    answers: &QuizAnswers,
) -> Result<QuizResult> {
    let module = stored(cx, id).await?;
    let (score, correct) = module.mark(answers)?;
    let passed = score >= module.pass_percent;
    let user = cx.user;
    let attempt = Attempt {
        module_id: id.into(),
        user_id: user.id.clone(),
        partner_account_id: user.partner_account_id.clone(),
        score,
        passed,
        at: cx.timestamp(),
    };
    let certificate = match passed {
        true => Some(Certificate {
            id: cx.store.new_id("cert_"),
            module_id: id.into(),
            module_title: module.title.clone(),
            user_id: user.id.clone(),
            user_name: user.name.clone(),
            partner_account_id: user.partner_account_id.clone(),
            account_name: account_name(cx).await?,
            score,
            issued_on: cx.today(),
        }),
        false => None,
    };
    cx.store.add_attempt(&attempt, certificate.as_ref()).await?;
    let mine = own_attempts(cx).await?;
    let held = certificates(cx).await?;
    Ok(QuizResult {
        score,
        passed,
        correct,
        certificate: held
            .into_iter()
            .find(|c| c.module_id == id && c.user_id == user.id),
        progress: progress(mine.iter().filter(|a| a.module_id == id)),
    })
}

async fn account_name<S: TrainingStore>(cx: &Cx<'_, S>) -> Result<String> {
    Ok(match &cx.user.partner_account_id {
        Some(id) => cx.store.account(id).await?.map(|a| a.name),
        None => None,
    }
    .unwrap_or_default())
}

/// Certificates the user may see: their own; their account's for partner executives and
/// managers; all for staff.
pub async fn certificates<S: TrainingStore>(cx: &Cx<'_, S>) -> Result<Vec<Certificate>> {
    cx.store.certificates(&Scope::of(cx.user)).await
}
