//! The product catalogue's storage, and the program's currencies as one setting.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;
use trellis_api::products::{Product, ProgramCurrencies};
use trellis_core::products::ProductStore;
use trellis_core::Result as CoreResult;

use crate::error::{Error, Result};
use crate::store::{settings, Db};

/// Stores a product (insert or replace), in a transaction or on the pool.
pub async fn store<'c, X: sqlx::SqliteExecutor<'c>>(db: X, p: &Product) -> Result<()> {
    sqlx::query(
        "INSERT INTO products (id, name, family, list_price, currency, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, family = excluded.family,
           list_price = excluded.list_price, currency = excluded.currency,
           active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(&p.id)
    .bind(&p.name)
    .bind(&p.family)
    .bind(p.list_price)
    .bind(&p.currency)
    .bind(p.active)
    .bind(&p.created_at)
    .bind(&p.updated_at)
    .execute(db)
    .await?;
    Ok(())
}

fn from_row(row: &SqliteRow) -> Result<Product> {
    Ok(Product {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        family: row.try_get("family")?,
        list_price: row.try_get("list_price")?,
        currency: row.try_get("currency")?,
        active: row.try_get("active")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl ProductStore for Db {
    async fn products(&self) -> CoreResult<Vec<Product>> {
        let rows = sqlx::query("SELECT * FROM products")
            .fetch_all(&self.0)
            .await
            .map_err(Error::from)?;
        Ok(rows.iter().map(from_row).collect::<Result<_>>()?)
    }

    async fn put_product(&self, product: &Product) -> CoreResult<()> {
        Ok(store(&self.0, product).await?)
    }

    async fn currencies(&self) -> CoreResult<ProgramCurrencies> {
        Ok(settings::get(&self.0, "currencies").await?)
    }

    async fn put_currencies(&self, currencies: &ProgramCurrencies) -> CoreResult<()> {
        Ok(settings::put(&self.0, "currencies", currencies).await?)
    }
}
