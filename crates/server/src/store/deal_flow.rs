//! The deal review policy's storage: one program setting.

use trellis_api::deal_flow::DealReview;
use trellis_core::deal_flow::DealStore;
use trellis_core::Result as CoreResult;

use crate::store::{settings, Db};

impl DealStore for Db {
    async fn review_policy(&self) -> CoreResult<DealReview> {
        Ok(settings::get(&self.0, "deal_review").await?)
    }

    async fn put_review_policy(&self, policy: &DealReview) -> CoreResult<()> {
        Ok(settings::put(&self.0, "deal_review", policy).await?)
    }
}
