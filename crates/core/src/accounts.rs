//! Accounts, as far as other features need them: whose tier a user sees.

use trellis_api::{Account, User};

use crate::cx::Store;
use crate::error::Result;

/// Where accounts are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait AccountStore: Store {
    /// The account with `id`, whoever may see it.
    async fn account(&self, id: &str) -> Result<Option<Account>>;
}

/// The tier of the user's partner account; `None` for vendor staff and accounts without one.
pub async fn tier_of<S: AccountStore>(store: &S, user: &User) -> Result<Option<String>> {
    Ok(match &user.partner_account_id {
        Some(id) => store.account(id).await?.and_then(|a| a.tier_id),
        None => None,
    })
}
