//! The demo's synchronous record reads for the workflows not yet in the core: one record, every
//! visible record, and the partner account a write goes to.

use serde_json::Value;
use trellis_api::record::{self, fields};
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

    pub(super) fn get_record<R: Stored>(&self, id: &str) -> ClientResult<R> {
        let scope = Scope::of(&self.user()?);
        let mut state = self.write();
        apply_due::<R>(&mut state.data);
        R::table(&mut state.data)
            .iter()
            .find(|r| {
                fields(*r).get("id").and_then(Value::as_str) == Some(id)
                    && record::visible(&scope, *r)
            })
            .cloned()
            .ok_or_else(|| ApiError::not_found(R::NAME).into())
    }

    pub(super) fn target_account(
        &self,
        user: &User,
        chosen: Option<String>,
    ) -> ClientResult<Option<String>> {
        if !user.role.is_internal() {
            return Ok(user.partner_account_id.clone());
        }
        let Some(id) = chosen else { return Ok(None) };
        let state = self.state.borrow();
        if state
            .data
            .accounts
            .iter()
            .any(|a| a.id == id && a.is_partner)
        {
            Ok(Some(id))
        } else {
            Err(ApiError::validation(vec![FieldError::new(
                "partner_account_id",
                "is not a partner account",
            )])
            .into())
        }
    }
}
