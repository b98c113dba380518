//! Accounts in memory.

use trellis_api::Account;
use trellis_core::accounts::AccountStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl AccountStore for DemoBackend {
    async fn account(&self, id: &str) -> Result<Option<Account>> {
        let state = self.state.borrow();
        Ok(state.data.accounts.iter().find(|a| a.id == id).cloned())
    }
}
