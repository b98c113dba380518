//! The demo backend's generic record store: list, get, create and update any partner-owned kind
//! with the same scope, filters, paging and validation as the server.

use serde_json::Value;
use trellis_api::datetime::timestamp;
use trellis_api::record::{self, fields};
use trellis_api::*;

use super::{apply_due, decode, err, now_unix, paginate, DemoBackend, Stored};
use crate::ClientResult;

impl DemoBackend {
    pub(super) fn list_records<R: Stored>(&self, query: &ListQuery) -> ClientResult<ListPage<R>> {
        let scope = Scope::of(&self.user()?);
        let sort = record::sort_of::<R>(query)?;
        if let Some(s) = query.status.as_deref().filter(|s| !s.is_empty()) {
            if R::STATUS_FIELD.is_none() || !R::valid_status(s) {
                return Err(record::bad_status_filter(s).into());
            }
        }
        let mut state = self.write();
        apply_due::<R>(&mut state.data);
        let mut items: Vec<R> = R::table(&mut state.data)
            .iter()
            .filter(|r| record::visible(&scope, *r) && record::matches(*r, query))
            .cloned()
            .collect();
        record::sort_records(&mut items, sort);
        Ok(paginate(items, query)?)
    }

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

    pub(super) fn create_record<R: Stored>(&self, input: &R::Input) -> ClientResult<R> {
        let user = self.user()?;
        input.check()?;
        let account = self.target_account(&user, record::chosen_partner::<R>(input))?;
        if account.is_none() && !user.role.is_internal() {
            return Err(err(
                ErrorCode::Forbidden,
                "Your user has no partner account",
            ));
        }
        let owner = (!user.role.is_internal()).then(|| user.id.clone());
        let map = record::new_record_fields::<R>(
            input,
            self.next_id(R::PREFIX),
            account,
            owner,
            !user.role.is_internal(),
            &timestamp(now_unix()),
        );
        let record: R = decode(map)?;
        R::table(&mut self.write().data).push(record.clone());
        Ok(record)
    }

    pub(super) fn update_record<R: Stored>(&self, id: &str, input: &R::Input) -> ClientResult<R> {
        let user = self.user()?;
        input.check()?;
        let current: R = self.get_record(id)?;
        if !Scope::of(&user).allows(&current) {
            return Err(err(
                ErrorCode::Forbidden,
                "Accept it first; only its owner can edit it",
            ));
        }
        current.check_editable()?;
        let mut map = fields(&current);
        map.extend(record::editable_fields::<R>(input));
        if user.role.is_internal() {
            let account = self.target_account(&user, record::chosen_partner::<R>(input))?;
            map.insert("partner_account_id".into(), account.into());
        }
        map.insert("updated_at".into(), timestamp(now_unix()).into());
        let updated: R = decode(map)?;
        let mut state = self.write();
        let table = R::table(&mut state.data);
        if let Some(slot) = table
            .iter_mut()
            .find(|r| fields(*r).get("id").and_then(Value::as_str) == Some(id))
        {
            *slot = updated.clone();
        }
        Ok(updated)
    }
}
