//! An import written in one transaction.

use trellis_api::records::kind::fields;
use trellis_api::{Account, Contact, Lead, Record};
use trellis_core::import::ImportStore;
use trellis_core::Result as CoreResult;

use crate::error::Error;
use crate::store::accounts::insert_account_row;
use crate::store::activity::write_log;
use crate::store::records::insert;
use crate::store::Db;
use trellis_api::activity::Activity;

impl ImportStore for Db {
    async fn import(
        &self,
        leads: &[Lead],
        contacts: &[Contact],
        accounts: &[Account],
        log: &[Activity],
    ) -> CoreResult<()> {
        let write = async {
            let mut tx = self.0.begin().await?;
            for lead in leads {
                insert(&mut *tx, "leads", fields(lead)).await?;
            }
            for contact in contacts {
                insert(&mut *tx, "contacts", fields(contact)).await?;
            }
            for a in accounts {
                insert_account_row(&mut *tx, a).await?;
            }
            write_log(&mut tx, log).await?;
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        let done = write.await;
        self.1.wrote(Lead::COLLECTION);
        Ok(done?)
    }
}
