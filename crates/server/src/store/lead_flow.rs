//! A lead's conversion written in one transaction.

use trellis_api::records::kind::fields;
use trellis_api::{Contact, Lead, Opportunity, Record};
use trellis_core::lead_flow::LeadStore;
use trellis_core::Result as CoreResult;

use crate::error::Error;
use crate::store::activity::write_log;
use crate::store::records::{insert, replace_if};
use crate::store::Db;
use trellis_api::activity::Activity;

impl LeadStore for Db {
    async fn convert(
        &self,
        lead: &Lead,
        from: &str,
        opportunity: &Opportunity,
        contact: Option<&Contact>,
        log: &[Activity],
    ) -> CoreResult<bool> {
        let write = async {
            let mut tx = self.0.begin().await?;
            if !replace_if(&mut *tx, lead, from).await? {
                return Ok(false);
            }
            insert(&mut *tx, "opportunities", fields(opportunity)).await?;
            if let Some(contact) = contact {
                insert(&mut *tx, "contacts", fields(contact)).await?;
            }
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<bool, Error>(true)
        };
        let done = write.await;
        self.1.wrote(Lead::COLLECTION);
        Ok(done?)
    }
}
