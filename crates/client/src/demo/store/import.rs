//! An import in memory: everything was built before this one write.

use trellis_api::activity::Activity;
use trellis_api::{Account, Contact, Lead};
use trellis_core::import::ImportStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl ImportStore for DemoBackend {
    async fn import(
        &self,
        leads: &[Lead],
        contacts: &[Contact],
        accounts: &[Account],
        log: &[Activity],
    ) -> Result<()> {
        let mut state = self.write();
        state.data.activity.extend_from_slice(log);
        state.data.leads.extend_from_slice(leads);
        state.data.contacts.extend_from_slice(contacts);
        state.data.accounts.extend_from_slice(accounts);
        Ok(())
    }
}
