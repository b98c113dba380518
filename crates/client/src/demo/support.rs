//! The demo backend's support desk: cases and replies under the same shared rules as the server.

use trellis_api::datetime::timestamp;
use trellis_api::record::new_record_fields;
use trellis_api::seed::{DemoData, SeedFile};
use trellis_api::support::after_message;
use trellis_api::*;

use super::{decode, err, now_unix, DemoBackend, Stored};
use crate::ClientResult;

impl Stored for SupportCase {
    fn table(data: &mut DemoData) -> &mut Vec<Self> {
        &mut data.support.cases
    }
}

impl DemoBackend {
    pub(super) fn create_case_now(&self, input: &CaseInput) -> ClientResult<SupportCase> {
        let user = self.user()?;
        let account = user
            .partner_account_id
            .clone()
            .ok_or_else(|| err(ErrorCode::Forbidden, "Cases are opened by partner users"))?;
        input.check()?;
        let attachment = input
            .attachment
            .as_ref()
            .map(|u| u.check("attachment"))
            .transpose()?;
        let at = timestamp(now_unix());
        let mut columns = new_record_fields::<SupportCase>(
            input,
            self.next_id(SupportCase::PREFIX),
            Some(account.clone()),
            Some(user.id.clone()),
            true,
            &at,
        );
        columns.remove("attachment");
        let file = attachment.map(|f| SeedFile {
            id: self.next_id("file_"),
            file_name: f.file_name,
            content_type: f.content_type.into(),
            bytes: f.bytes,
            partner_account_id: account,
            owner_user_id: user.id.clone(),
        });
        if let Some(f) = &file {
            columns.insert("attachment_file_id".into(), f.id.clone().into());
            columns.insert("attachment_name".into(), f.file_name.clone().into());
        }
        let case: SupportCase = decode(columns)?;
        let mut state = self.write();
        state.data.mdf.files.extend(file);
        state.data.support.cases.push(case.clone());
        Ok(case)
    }

    pub(super) fn post_message_now(
        &self,
        id: &str,
        input: &MessageInput,
    ) -> ClientResult<SupportCase> {
        let user = self.user()?;
        let case: SupportCase = self.get_record(id)?;
        input.check()?;
        let staff = user.role.is_internal();
        let next = after_message(case.status, staff, input.status)?;
        let at = timestamp(now_unix());
        let message = CaseMessage {
            id: self.next_id("msg_"),
            case_id: id.into(),
            author_name: user.name,
            from_staff: staff,
            body: input.body.trim().into(),
            created_at: at.clone(),
        };
        let mut state = self.write();
        state.data.support.messages.push(message);
        let slot = state
            .data
            .support
            .cases
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| ApiError::not_found(SupportCase::NAME))?;
        slot.status = next;
        slot.updated_at = at;
        Ok(slot.clone())
    }
}
