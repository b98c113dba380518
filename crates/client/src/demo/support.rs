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

impl DemoBackend {
    pub(super) fn announcements_now(&self) -> ClientResult<Vec<Announcement>> {
        let user = self.user()?;
        let state = self.state.borrow();
        let tier = user.partner_account_id.as_ref().and_then(|a| {
            state
                .data
                .accounts
                .iter()
                .find(|x| &x.id == a)
                .and_then(|x| x.tier_id.clone())
        });
        let today = timestamp(now_unix());
        let mut list: Vec<Announcement> = state
            .data
            .announcements
            .iter()
            .filter(|a| a.visible_to(tier.as_deref(), user.role, &today[..10]))
            .cloned()
            .collect();
        trellis_api::announcements::sort_newest(&mut list);
        Ok(list)
    }

    pub(super) fn save_announcement_now(
        &self,
        id: Option<&str>,
        input: &AnnouncementInput,
    ) -> ClientResult<Announcement> {
        let user = self.staff()?;
        input.check()?;
        let at = timestamp(now_unix());
        let new_id = self.next_id("ann_");
        let mut state = self.write();
        let list = &mut state.data.announcements;
        let slot = match id {
            Some(id) => list
                .iter_mut()
                .find(|a| a.id == id)
                .ok_or_else(|| ApiError::not_found("Announcement"))?,
            None => {
                list.push(Announcement {
                    id: new_id,
                    title: String::new(),
                    body: String::new(),
                    audience: Audience::default(),
                    publish_on: String::new(),
                    author_name: user.name,
                    created_at: at.clone(),
                    updated_at: at.clone(),
                });
                list.last_mut()
                    .ok_or_else(|| ApiError::not_found("Announcement"))?
            }
        };
        slot.title = input.title.trim().into();
        slot.body = input.body.trim().into();
        slot.audience = input.audience.clone();
        slot.publish_on = input.publish_on.clone();
        slot.updated_at = at;
        Ok(slot.clone())
    }
}
