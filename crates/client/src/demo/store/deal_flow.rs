//! The deal review policy in memory (deals themselves are records).

use trellis_api::deal_flow::DealReview;
use trellis_core::deal_flow::DealStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl DealStore for DemoBackend {
    async fn review_policy(&self) -> Result<DealReview> {
        Ok(self.state.borrow().data.deal_review.clone())
    }

    async fn put_review_policy(&self, policy: &DealReview) -> Result<()> {
        self.write().data.deal_review = policy.clone();
        Ok(())
    }
}
