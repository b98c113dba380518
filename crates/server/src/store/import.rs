//! An import written in one transaction.

use trellis_api::record::fields;
use trellis_api::{wire_name, Account, Contact, Lead};
use trellis_core::import::ImportStore;
use trellis_core::Result as CoreResult;

use crate::error::Error;
use crate::store::records::insert;
use crate::store::Db;

impl ImportStore for Db {
    async fn import(
        &self,
        leads: &[Lead],
        contacts: &[Contact],
        accounts: &[Account],
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
                sqlx::query(
                    "INSERT INTO accounts (id, name, domain, region, is_partner, partner_type, tier_id, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(&a.id)
                .bind(&a.name)
                .bind(&a.domain)
                .bind(&a.region)
                .bind(a.is_partner)
                .bind(a.partner_type.map(|t| wire_name(&t)))
                .bind(&a.tier_id)
                .bind(&a.created_at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<(), Error>(())
        };
        Ok(write.await?)
    }
}
