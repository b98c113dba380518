//! The partner-owned records (leads, deals, opportunities, contacts, fund requests and claims,
//! cases): list, read, create and edit any kind with the same scope, checks and ownership.

use serde_json::Value;
use trellis_api::activity::{changed, created, Activity, ID_PREFIX};
use trellis_api::records::kind::{
    self, bad_status_filter, chosen_partner, editable_fields, fields, new_record_fields,
};
use trellis_api::{
    ApiError, ErrorCode, FieldError, ListPage, ListQuery, Record, Scope, User, Validate,
};

use crate::accounts::AccountStore;
use crate::cx::Cx;
use crate::error::{CoreError, Result};
use crate::products::{self, ProductStore};

/// A record kind any store can hold: the contract's `Record`, movable across await points.
pub trait Kind: Record + Send + Sync + Unpin {}

impl<R: Record + Send + Sync + Unpin> Kind for R {}

/// Where records are kept. Every read first applies the kind's due time-driven changes
/// (`Record::DUE`, `Record::settle`).
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait RecordStore: AccountStore + ProductStore {
    /// One page within `scope` by the query's status, search text, account and sort (all
    /// already checked), with the store's own cursors.
    async fn page<R: Kind>(&self, scope: &Scope, query: &ListQuery) -> Result<ListPage<R>>;
    /// The record with `id` if visible in `scope`.
    async fn find<R: Kind>(&self, scope: &Scope, id: &str) -> Result<Option<R>>;
    /// Every record within `scope`, newest first.
    async fn all<R: Kind>(&self, scope: &Scope) -> Result<Vec<R>>;
    /// Every record whose status is `status`, oldest first.
    async fn with_status<R: Kind>(&self, status: &str) -> Result<Vec<R>>;
    /// Adds a record and, in the same write, its timeline entries `log`.
    async fn insert<R: Kind>(&self, record: &R, log: &[Activity]) -> Result<()>;
    /// Replaces a record if its status is still `from`, with its timeline entries `log`; false
    /// (and nothing written) if someone changed it meanwhile.
    async fn replace_if<R: Kind>(&self, record: &R, from: &str, log: &[Activity]) -> Result<bool>;
    /// Replaces a record, if it is still within `scope`, with its timeline entries `log`.
    async fn replace<R: Kind>(&self, record: &R, scope: &Scope, log: &[Activity]) -> Result<()>;
}

/// A record built from its fields as JSON (the contract's field names).
pub fn decode<R: Kind>(map: serde_json::Map<String, Value>) -> Result<R> {
    serde_json::from_value(Value::Object(map))
        .map_err(|e| CoreError::Store(format!("{} does not decode: {e}", R::NAME)))
}

/// One page of the records the user may see.
pub async fn list<R: Kind, S: RecordStore>(
    cx: &Cx<'_, S>,
    query: &ListQuery,
) -> Result<ListPage<R>> {
    query.check()?;
    kind::sort_of::<R>(query)?;
    if let Some(s) = query.status.as_deref().filter(|s| !s.is_empty()) {
        if R::STATUS_FIELD.is_none() || !R::valid_status(s) {
            return Err(bad_status_filter(s).into());
        }
    }
    cx.store.page(&Scope::of(cx.user), query).await
}

/// One record; not found unless the user may see it (never reveal that it exists).
pub async fn get<R: Kind, S: RecordStore>(cx: &Cx<'_, S>, id: &str) -> Result<R> {
    Ok(cx
        .store
        .find(&Scope::of(cx.user), id)
        .await?
        .ok_or_else(|| ApiError::not_found(R::NAME))?)
}

/// The partner account a write goes to: the user's own, or for vendor staff the one they chose.
pub async fn target_account<S: RecordStore>(
    cx: &Cx<'_, S>,
    user: &User,
    chosen: Option<String>,
) -> Result<Option<String>> {
    if !user.role.is_internal() {
        return Ok(user.partner_account_id.clone());
    }
    let Some(id) = chosen else { return Ok(None) };
    match cx.store.account(&id).await? {
        Some(a) if a.is_partner => Ok(Some(id)),
        _ => Err(ApiError::validation(vec![FieldError::new(
            "partner_account_id",
            "is not a partner account",
        )])
        .into()),
    }
}

/// Creates a record owned as the user may own it.
pub async fn create<R: Kind, S: RecordStore>(cx: &Cx<'_, S>, input: &R::Input) -> Result<R> {
    input.check()?;
    let user = cx.user;
    let account = target_account(cx, user, chosen_partner::<R>(input)).await?;
    let staff = user.role.is_internal();
    if account.is_none() && !staff {
        return Err(ApiError::new(ErrorCode::Forbidden, "Your user has no partner account").into());
    }
    let owner = (!staff).then(|| user.id.clone());
    let id = cx.store.new_id(R::PREFIX);
    let mut map =
        new_record_fields::<R>(input, id.clone(), account, owner, !staff, &cx.timestamp());
    if R::PICKLISTS {
        products::pick(cx.store, &mut map, None).await?;
    }
    let record: R = decode(map)?;
    let log = [created(
        cx.store.new_id(ID_PREFIX),
        &record,
        Some(user),
        &cx.timestamp(),
    )];
    cx.store.insert(&record, &log).await?;
    Ok(cx
        .store
        .find(&Scope::All, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(R::NAME))?)
}

/// Replaces the editable fields of a record the user may change.
pub async fn update<R: Kind, S: RecordStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &R::Input,
) -> Result<R> {
    input.check()?;
    let user = cx.user;
    let scope = Scope::of(user);
    let current: R = get(cx, id).await?;
    if !scope.allows(&current) {
        // Seen through the account's inbox, but not (yet) this user's to change.
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "Accept it first; only its owner can edit it",
        )
        .into());
    }
    current.check_editable()?;
    let mut map = fields(&current);
    map.extend(editable_fields::<R>(input));
    if R::PICKLISTS {
        products::pick(cx.store, &mut map, Some(&fields(&current))).await?;
    }
    if user.role.is_internal() {
        let account = target_account(cx, user, chosen_partner::<R>(input)).await?;
        map.insert("partner_account_id".into(), account.into());
    }
    map.insert("updated_at".into(), cx.timestamp().into());
    let updated: R = decode(map)?;
    let log = changed(
        cx.store.new_id(ID_PREFIX),
        &current,
        &updated,
        Some(user),
        &cx.timestamp(),
    );
    cx.store.replace(&updated, &scope, log.as_slice()).await?;
    get(cx, id).await
}
