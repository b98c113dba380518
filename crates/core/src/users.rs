//! Users: who may see whom, and staff creating, editing and deactivating them.

use trellis_api::audit::{user_events, NewEvent};
use trellis_api::{
    admin_only, check_keeps_an_admin, check_manager, email_taken, leaves_the_admins, ApiError,
    FieldError, ListPage, ListQuery, Role, User, UserInput, UserReach, Validate,
};

use crate::audit::AuditStore;
use crate::cx::Cx;
use crate::error::Result;

/// A user as written by an edit, with what goes with it.
pub struct UserWrite<'a> {
    pub actor: &'a User,
    /// The user as it is after the change.
    pub user: &'a User,
    /// A new password, stored the backend's way (hashed by the server).
    pub password: Option<&'a str>,
    /// Refuse the write if it leaves no other active administrator.
    pub keep_an_admin: bool,
    /// Audit events written with the change.
    pub events: &'a [NewEvent],
    pub at: &'a str,
}

/// Where users are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait UserStore: AuditStore {
    /// One page of the users within `reach`, by name, narrowed by the query's account and search text.
    async fn users(&self, reach: &UserReach, query: &ListQuery) -> Result<ListPage<User>>;
    /// The user with `id`, whoever may see them.
    async fn user(&self, id: &str) -> Result<Option<User>>;
    /// The user with `email`, compared without case.
    async fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    /// How many active administrators there are besides user `id`.
    async fn other_active_admins(&self, id: &str) -> Result<usize>;
    /// Adds a user with their password and the write's audit events; refuses an email in use.
    async fn insert_user(&self, write: &UserWrite<'_>) -> Result<()>;
    /// Replaces a user and writes the events in the same change; a new password or a
    /// deactivation ends the user's sessions. False when `keep_an_admin` refused it.
    async fn update_user(&self, write: &UserWrite<'_>) -> Result<bool>;
}

/// One page of the users the viewer may see.
pub async fn list<S: UserStore>(cx: &Cx<'_, S>, query: &ListQuery) -> Result<ListPage<User>> {
    query.check()?;
    cx.store.users(&UserReach::of(cx.user), query).await
}

/// One user the viewer may see.
pub async fn get<S: UserStore>(cx: &Cx<'_, S>, id: &str) -> Result<User> {
    let reach = UserReach::of(cx.user);
    Ok(cx
        .store
        .user(id)
        .await?
        .filter(|u| reach.allows(u))
        .ok_or_else(|| ApiError::not_found("User"))?)
}

/// Staff manage partner users; only administrators manage staff.
fn may_manage(actor: &User, role: Role) -> Result<()> {
    if role.is_internal() {
        admin_only(actor)?;
    }
    Ok(())
}

async fn check<S: UserStore>(
    cx: &Cx<'_, S>,
    input: &UserInput,
    editing: Option<&str>,
) -> Result<()> {
    may_manage(cx.user, input.role)?;
    input.check()?;
    let manager = match &input.manager_id {
        Some(m) => cx.store.user(m).await?,
        None => None,
    };
    check_manager(input, manager.as_ref(), editing)?;
    let holder = cx.store.user_by_email(input.email.trim()).await?;
    if holder.is_some_and(|u| Some(u.id.as_str()) != editing) {
        return Err(email_taken().into());
    }
    Ok(())
}

fn written(id: String, input: &UserInput) -> User {
    User {
        id,
        email: input.email.trim().into(),
        name: input.name.trim().into(),
        role: input.role,
        partner_account_id: input.partner_account_id.clone(),
        active: input.active,
        manager_id: input.manager_id.clone(),
        team: Vec::new(),
    }
}

/// Creates a user (vendor staff; staff users by administrators only).
pub async fn create<S: UserStore>(cx: &Cx<'_, S>, input: &UserInput) -> Result<User> {
    check(cx, input, None).await?;
    let Some(password) = input.password.as_deref() else {
        return Err(ApiError::validation(vec![FieldError::new("password", "is required")]).into());
    };
    let user = written(cx.store.new_id("usr_"), input);
    let at = cx.timestamp();
    let events = user_events(None, &user, true);
    cx.store
        .insert_user(&UserWrite {
            actor: cx.user,
            user: &user,
            password: Some(password),
            keep_an_admin: false,
            events: &events,
            at: &at,
        })
        .await?;
    get(cx, &user.id).await
}

/// Edits a user; deactivating or a new password ends their sessions. The last active
/// administrator stays one.
pub async fn update<S: UserStore>(cx: &Cx<'_, S>, id: &str, input: &UserInput) -> Result<User> {
    may_manage(cx.user, input.role)?;
    input.check()?;
    let current = get(cx, id).await?;
    may_manage(cx.user, current.role)?;
    check(cx, input, Some(id)).await?;
    // Checked first for the message, then again by the store's guarded write, against concurrent edits.
    check_keeps_an_admin(&current, input, cx.store.other_active_admins(id).await?)?;
    let user = written(id.into(), input);
    let at = cx.timestamp();
    let events = user_events(Some(&current), &user, input.password.is_some());
    let saved = cx
        .store
        .update_user(&UserWrite {
            actor: cx.user,
            user: &user,
            password: input.password.as_deref(),
            keep_an_admin: leaves_the_admins(&current, input),
            events: &events,
            at: &at,
        })
        .await?;
    if !saved {
        check_keeps_an_admin(&current, input, 0)?;
    }
    get(cx, id).await
}
