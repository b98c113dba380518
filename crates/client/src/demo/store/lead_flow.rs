//! A lead's conversion in memory.

use trellis_api::activity::Activity;
use trellis_api::{Contact, Lead, Opportunity};
use trellis_core::lead_flow::LeadStore;
use trellis_core::records::RecordStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl LeadStore for DemoBackend {
    async fn convert(
        &self,
        lead: &Lead,
        from: &str,
        opportunity: &Opportunity,
        contact: Option<&Contact>,
        log: &[Activity],
    ) -> Result<bool> {
        // Memory cannot fail between the writes, so the guard alone keeps them together.
        if !self.replace_if(lead, from, log).await? {
            return Ok(false);
        }
        let mut state = self.write();
        state.data.opportunities.push(opportunity.clone());
        state.data.contacts.extend(contact.cloned());
        Ok(true)
    }
}
