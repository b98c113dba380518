//! Accounts, partner programs and tiers, and partnership changes with their history.

use trellis_api::audit::{tier_event, NewEvent};
use trellis_api::partnership::{apply, check_edit, created_as_partner, PartnerChange, TierChange};
use trellis_api::{
    check_tier_unique, Account, AccountInput, ApiError, FieldError, ListPage, ListQuery,
    PartnerProgram, Tier, TierInput, User, Validate,
};

use crate::audit::AuditStore;
use crate::cx::{Cx, Store};
use crate::error::Result;

/// A partnership change as written: the account before and after, its history entry and event.
pub struct PartnershipWrite<'a> {
    pub before: &'a Account,
    pub after: &'a Account,
    pub entry: &'a TierChange,
    pub actor: &'a User,
    pub event: NewEvent,
    pub at: &'a str,
}

/// Where accounts and programs are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait AccountStore: Store {
    /// The account with `id`, whoever may see it.
    async fn account(&self, id: &str) -> Result<Option<Account>>;
    /// One page of accounts by name: only `only` when set, partners or customers by the query's
    /// status, narrowed by its search text over names and domains.
    async fn accounts(&self, only: Option<&str>, query: &ListQuery) -> Result<ListPage<Account>>;
    /// Every account, by name.
    async fn all_accounts(&self) -> Result<Vec<Account>>;
    /// Adds an account, with its first history entry when it starts as a partner.
    async fn insert_account(&self, account: &Account, entry: Option<&TierChange>) -> Result<()>;
    /// Replaces an account's details.
    async fn put_account(&self, account: &Account) -> Result<()>;
    /// Writes a partnership change, its history entry and its event together, if the account is
    /// still as `before`; false if someone changed it meanwhile.
    async fn change_partnership(&self, write: &PartnershipWrite<'_>) -> Result<bool>;
    /// Every account's history, oldest first.
    async fn all_tier_changes(&self) -> Result<Vec<TierChange>>;
    /// An account's history, newest first.
    async fn tier_history(&self, account_id: &str) -> Result<Vec<TierChange>>;
    /// Every program with its tiers, lowest rank first.
    async fn programs(&self) -> Result<Vec<PartnerProgram>>;
    /// Adds or replaces a tier.
    async fn put_tier(&self, tier: &Tier) -> Result<()>;
}

/// The tier of the user's partner account; `None` for vendor staff and accounts without one.
pub async fn tier_of<S: AccountStore>(store: &S, user: &User) -> Result<Option<String>> {
    Ok(match &user.partner_account_id {
        Some(id) => store.account(id).await?.and_then(|a| a.tier_id),
        None => None,
    })
}

/// Every tier of every program.
pub async fn all_tiers<S: AccountStore>(store: &S) -> Result<Vec<Tier>> {
    Ok(store
        .programs()
        .await?
        .into_iter()
        .flat_map(|p| p.tiers)
        .collect())
}

/// Accounts: every one for vendor staff, their own for partners.
pub async fn list<S: AccountStore>(cx: &Cx<'_, S>, query: &ListQuery) -> Result<ListPage<Account>> {
    query.check()?;
    let user = cx.user;
    let only = match user.role.is_internal() {
        true => None,
        // A partner without an account sees none.
        false => Some(user.partner_account_id.as_deref().unwrap_or("")),
    };
    cx.store.accounts(only, query).await
}

/// One account, if the user may see it.
pub async fn get<S: AccountStore>(cx: &Cx<'_, S>, id: &str) -> Result<Account> {
    let user = cx.user;
    let visible = user.role.is_internal() || user.partner_account_id.as_deref() == Some(id);
    Ok(cx
        .store
        .account(id)
        .await?
        .filter(|_| visible)
        .ok_or_else(|| ApiError::not_found("Account"))?)
}

/// 422 naming `tier_id` unless `tier` is a tier of some program.
pub async fn check_tier_id<S: AccountStore>(store: &S, tier: &str) -> Result<()> {
    let programs = store.programs().await?;
    if programs.iter().flat_map(|p| &p.tiers).any(|t| t.id == tier) {
        return Ok(());
    }
    Err(ApiError::validation(vec![FieldError::new(
        "tier_id",
        "is not a tier of any program",
    )])
    .into())
}

async fn check<S: AccountStore>(cx: &Cx<'_, S>, input: &AccountInput) -> Result<()> {
    input.check()?;
    match &input.tier_id {
        Some(tier) => check_tier_id(cx.store, tier).await,
        None => Ok(()),
    }
}

/// Creates an account (vendor staff); a partner account's history starts with it.
pub async fn create<S: AccountStore>(cx: &Cx<'_, S>, input: &AccountInput) -> Result<Account> {
    check(cx, input).await?;
    let at = cx.timestamp();
    let account = Account {
        id: cx.store.new_id("acc_"),
        name: input.name.trim().into(),
        domain: input.domain.trim().into(),
        region: input.region.clone(),
        is_partner: input.is_partner,
        partner_type: input.partner_type,
        tier_id: input.tier_id.clone(),
        created_at: at.clone(),
    };
    let entry = input
        .is_partner
        .then(|| created_as_partner(&account.id, input, &cx.user.name, &at));
    cx.store.insert_account(&account, entry.as_ref()).await?;
    get(cx, &account.id).await
}

/// Edits an account's details; partnership and tier change only through [`change_partnership`].
pub async fn update<S: AccountStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &AccountInput,
) -> Result<Account> {
    check(cx, input).await?;
    let mut account = get(cx, id).await?;
    check_edit(&account, input)?;
    account.name = input.name.trim().into();
    account.domain = input.domain.trim().into();
    account.region = input.region.clone();
    account.partner_type = input.partner_type;
    cx.store.put_account(&account).await?;
    get(cx, id).await
}

/// Makes an account a partner, moves it between tiers, or ends its partnership, with a reason
/// (vendor staff); the history and the audit log record it in the same write.
pub async fn change_partnership<S: AccountStore + AuditStore>(
    cx: &Cx<'_, S>,
    id: &str,
    change: &PartnerChange,
) -> Result<Account> {
    let before = get(cx, id).await?;
    let after = apply(&before, change)?;
    if let Some(tier) = change.tier_id() {
        check_tier_id(cx.store, tier).await?;
    }
    let at = cx.timestamp();
    let entry = TierChange {
        id: cx.store.new_id("tch_"),
        account_id: id.into(),
        from_tier_id: before.tier_id.clone(),
        to_tier_id: after.tier_id.clone(),
        reason: change.reason().trim().to_string(),
        changed_by: cx.user.name.clone(),
        changed_at: at.clone(),
    };
    let tiers = crate::accounts::all_tiers(cx.store).await?;
    let tier_name = |t: &str| {
        let tier = tiers.iter().find(|x| x.id == t);
        tier.map_or(t.to_string(), |x| x.name.clone())
    };
    let write = PartnershipWrite {
        before: &before,
        after: &after,
        entry: &entry,
        actor: cx.user,
        event: tier_event(&entry, &before.name, tier_name),
        at: &at,
    };
    if !cx.store.change_partnership(&write).await? {
        return Err(crate::error::changed_meanwhile("account"));
    }
    get(cx, id).await
}

/// An account's tier history, newest first (vendor staff, or the partner's own users).
pub async fn tier_history<S: AccountStore>(cx: &Cx<'_, S>, id: &str) -> Result<Vec<TierChange>> {
    get(cx, id).await?;
    cx.store.tier_history(id).await
}

/// Partner programs with their tiers, lowest rank first.
pub async fn programs<S: AccountStore>(cx: &Cx<'_, S>) -> Result<Vec<PartnerProgram>> {
    cx.store.programs().await
}

async fn put_tier<S: AccountStore>(cx: &Cx<'_, S>, tier: Tier) -> Result<Tier> {
    let programs = cx.store.programs().await?;
    let program = programs
        .iter()
        .find(|p| p.id == tier.program_id)
        .ok_or_else(|| ApiError::not_found("Program"))?;
    check_tier_unique(&tier, &program.tiers)?;
    cx.store.put_tier(&tier).await?;
    Ok(tier)
}

/// Adds a tier to a program (vendor staff).
pub async fn create_tier<S: AccountStore>(
    cx: &Cx<'_, S>,
    program_id: &str,
    input: &TierInput,
) -> Result<Tier> {
    input.check()?;
    let tier = Tier::from_input(cx.store.new_id("tier_"), program_id.into(), input);
    put_tier(cx, tier).await
}

/// Renames a tier, moves its rank, or changes its benefits and requirements (vendor staff).
pub async fn update_tier<S: AccountStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &TierInput,
) -> Result<Tier> {
    input.check()?;
    let programs = cx.store.programs().await?;
    let current = programs
        .iter()
        .flat_map(|p| &p.tiers)
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found("Tier"))?;
    let tier = Tier::from_input(id.into(), current.program_id.clone(), input);
    put_tier(cx, tier).await
}
