//! The demo's synchronous record reads for the workflows not yet in the core: one record, every
//! visible record, and the partner account a write goes to.

use trellis_api::record;
use trellis_api::*;

use super::{apply_due, DemoBackend, Stored};
use crate::ClientResult;

impl DemoBackend {
    /// Every record of `R` the user may see, unpaged (reports).
    pub(super) fn all_visible<R: Stored>(&self) -> ClientResult<Vec<R>> {
        let scope = Scope::of(&self.user()?);
        let mut state = self.write();
        apply_due::<R>(&mut state.data);
        Ok(R::table(&mut state.data)
            .iter()
            .filter(|r| record::visible(&scope, *r))
            .cloned()
            .collect())
    }
}
