//! Support cases with message threads, and the channel team's contact channels.

use trellis_api::activity::{changed, created, Activity};
use trellis_api::records::kind::{new_record_fields, Record as _};
use trellis_api::seed::SeedFile;
use trellis_api::support::after_message;
use trellis_api::{
    ApiError, CaseInput, CaseMessage, CaseStatus, ErrorCode, MessageInput, Scope, SupportCase,
    SupportChannels, Validate,
};

use crate::activity::new_id;
use crate::cx::Cx;
use crate::error::{CoreError, Result};
use crate::records::{self, RecordStore};

/// Where messages and channels are kept (cases themselves are records).
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait SupportStore: RecordStore {
    /// The contact channels.
    async fn channels(&self) -> Result<SupportChannels>;
    /// Replaces the contact channels.
    async fn put_channels(&self, channels: &SupportChannels) -> Result<()>;
    /// A case's messages, oldest first.
    async fn messages(&self, case_id: &str) -> Result<Vec<CaseMessage>>;
    /// Adds a case and, in the same write, its attachment stored at `at` and its timeline
    /// entries `log`.
    async fn insert_case(
        &self,
        case: &SupportCase,
        file: Option<&SeedFile>,
        at: &str,
        log: &[Activity],
    ) -> Result<()>;
    /// Adds a message and moves its case to `status`, updated at the message's time, with the
    /// case's timeline entries `log`, together.
    async fn add_message(
        &self,
        message: &CaseMessage,
        status: CaseStatus,
        log: &[Activity],
    ) -> Result<()>;
}

/// Opens a case, with an optional attachment (partner users).
pub async fn create_case<S: SupportStore>(
    cx: &Cx<'_, S>,
    input: &CaseInput,
) -> Result<SupportCase> {
    let user = cx.user;
    let Some(account) = user.partner_account_id.clone() else {
        return Err(
            ApiError::new(ErrorCode::Forbidden, "Cases are opened by partner users").into(),
        );
    };
    input.check()?;
    let attachment = input
        .attachment
        .as_ref()
        .map(|u| u.check("attachment"))
        .transpose()?;
    let at = cx.timestamp();
    let id = cx.store.new_id(SupportCase::PREFIX);
    let mut map = new_record_fields::<SupportCase>(
        input,
        id.clone(),
        Some(account.clone()),
        Some(user.id.clone()),
        true,
        &at,
    );
    map.remove("attachment");
    let file = attachment.map(|f| SeedFile {
        id: cx.store.new_id("file_"),
        file_name: f.file_name,
        content_type: f.content_type.into(),
        bytes: f.bytes,
        partner_account_id: account,
        owner_user_id: user.id.clone(),
    });
    if let Some(f) = &file {
        map.insert("attachment_file_id".into(), f.id.clone().into());
        map.insert("attachment_name".into(), f.file_name.clone().into());
    }
    let case: SupportCase = serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| CoreError::Store(format!("case does not decode: {e}")))?;
    let log = [created(new_id(cx.store), &case, Some(user), &at)];
    cx.store
        .insert_case(&case, file.as_ref(), &at, &log)
        .await?;
    Ok(cx
        .store
        .find(&Scope::All, &id)
        .await?
        .ok_or_else(|| ApiError::not_found(SupportCase::NAME))?)
}

/// A case's messages, oldest first.
pub async fn messages<S: SupportStore>(cx: &Cx<'_, S>, id: &str) -> Result<Vec<CaseMessage>> {
    records::get::<SupportCase, S>(cx, id).await?;
    cx.store.messages(id).await
}

/// Replies to a case, optionally changing its status; answers with the case as it is now.
pub async fn post_message<S: SupportStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &MessageInput,
) -> Result<SupportCase> {
    let case: SupportCase = records::get(cx, id).await?;
    input.check()?;
    let staff = cx.user.role.is_internal();
    let next = after_message(case.status, staff, input.status)?;
    let message = CaseMessage {
        id: cx.store.new_id("msg_"),
        case_id: id.into(),
        author_name: cx.user.name.clone(),
        from_staff: staff,
        body: input.body.trim().into(),
        created_at: cx.timestamp(),
    };
    let moved = SupportCase {
        status: next,
        ..case.clone()
    };
    let log = changed(
        new_id(cx.store),
        &case,
        &moved,
        Some(cx.user),
        &message.created_at,
    );
    cx.store.add_message(&message, next, log.as_slice()).await?;
    records::get(cx, id).await
}

/// How partners reach the channel team.
pub async fn channels<S: SupportStore>(cx: &Cx<'_, S>) -> Result<SupportChannels> {
    cx.store.channels().await
}

/// Changes the contact channels (vendor staff).
pub async fn set_channels<S: SupportStore>(
    cx: &Cx<'_, S>,
    input: &SupportChannels,
) -> Result<SupportChannels> {
    input.check()?;
    cx.store.put_channels(input).await?;
    Ok(input.clone())
}
