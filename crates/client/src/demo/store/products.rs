//! The product catalogue and the program's currencies in memory.

use trellis_api::products::{Product, ProgramCurrencies};
use trellis_core::products::ProductStore;
use trellis_core::Result;

use super::upsert;
use crate::demo::DemoBackend;

impl ProductStore for DemoBackend {
    async fn products(&self) -> Result<Vec<Product>> {
        Ok(self.state.borrow().data.products.clone())
    }

    async fn put_product(&self, product: &Product) -> Result<()> {
        let mut state = self.write();
        upsert(&mut state.data.products, product, |x| x.id == product.id);
        Ok(())
    }

    async fn currencies(&self) -> Result<ProgramCurrencies> {
        Ok(self.state.borrow().data.currencies.clone())
    }

    async fn put_currencies(&self, currencies: &ProgramCurrencies) -> Result<()> {
        self.write().data.currencies = currencies.clone();
        Ok(())
    }
}
