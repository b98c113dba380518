//! The community site: the published version partners see, the draft administrators edit,
//! publishing, the version history and rollback.

use trellis_api::audit::{published_event, restored_event};
use trellis_api::{
    ApiError, Draft, ErrorCode, Publish, PublishedSite, Restore, SaveDraft, Site, SiteVersion,
    Validate, NOTHING_TO_PUBLISH,
};

use crate::accounts::{tier_of, AccountStore};
use crate::audit::AuditStore;
use crate::cx::Cx;
use crate::error::Result;

/// The answer to a save, publish or restore on a draft someone else changed meanwhile.
pub const STALE_DRAFT: &str =
    "The draft was changed by someone else since you loaded it; reload it or keep your copy";

/// The draft as stored: the site and its version.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDraft {
    pub site: Site,
    pub version: i64,
    pub updated_at: String,
}

/// Where the draft and the published versions are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait CommunityStore: AccountStore + AuditStore {
    /// The draft.
    async fn draft(&self) -> Result<Option<StoredDraft>>;
    /// The newest published version.
    async fn latest(&self) -> Result<Option<PublishedSite>>;
    /// One published version.
    async fn published(&self, version: i64) -> Result<Option<PublishedSite>>;
    /// The history, newest first, with the publishers' names.
    async fn versions(&self) -> Result<Vec<SiteVersion>>;
    /// Replaces the draft with `site` (next version, updated `at`) if it is still at
    /// `base_version`; false if it is not.
    async fn replace_draft(&self, site: &Site, base_version: i64, at: &str) -> Result<bool>;
    /// Publishes the draft exactly as it is at `base_version` as the next version; `None` if
    /// the draft is no longer at `base_version`.
    async fn publish_draft(
        &self,
        base_version: i64,
        at: &str,
        by: &str,
        note: &str,
    ) -> Result<Option<PublishedSite>>;
}

/// The published site, as the user's tier and role see it.
pub async fn published<S: CommunityStore>(cx: &Cx<'_, S>) -> Result<PublishedSite> {
    Ok(viewed(cx).await?.with_rendered_markdown())
}

/// [`published`] without its rich texts rendered: for what only needs the layout (the page's
/// preloads), at no markdown cost.
pub async fn viewed<S: CommunityStore>(cx: &Cx<'_, S>) -> Result<PublishedSite> {
    let mut published = cx
        .store
        .latest()
        .await?
        .ok_or_else(|| ApiError::not_found("Published community"))?;
    let tier = tier_of(cx.store, cx.user).await?;
    published.site = published.site.for_viewer(tier.as_deref(), cx.user.role);
    Ok(published)
}

/// The draft, and whether it differs from what partners see (administrators).
pub async fn draft<S: CommunityStore>(cx: &Cx<'_, S>) -> Result<Draft> {
    let stored = cx
        .store
        .draft()
        .await?
        .ok_or_else(|| ApiError::not_found("Community draft"))?;
    let latest = cx.store.latest().await?;
    Ok(Draft {
        has_unpublished_changes: latest.is_none_or(|p| p.site != stored.site),
        site: stored.site,
        version: stored.version,
        updated_at: stored.updated_at,
    })
}

/// 409 carrying the current draft, so the caller can compare and choose.
async fn stale<S: CommunityStore>(cx: &Cx<'_, S>) -> Result<ApiError> {
    Ok(ApiError::conflict_with(STALE_DRAFT, &draft(cx).await?))
}

async fn write<S: CommunityStore>(cx: &Cx<'_, S>, site: &Site, base_version: i64) -> Result<Draft> {
    if !cx
        .store
        .replace_draft(site, base_version, &cx.timestamp())
        .await?
    {
        return Err(stale(cx).await?.into());
    }
    draft(cx).await
}

/// Saves the draft; 409 if someone saved since `base_version`.
pub async fn save_draft<S: CommunityStore>(cx: &Cx<'_, S>, body: &SaveDraft) -> Result<Draft> {
    body.check()?;
    write(cx, &body.site, body.base_version).await
}

/// Publishes the draft as it was at `base_version`: a new immutable version partners see.
pub async fn publish<S: CommunityStore>(cx: &Cx<'_, S>, body: &Publish) -> Result<PublishedSite> {
    body.check()?;
    let current = draft(cx).await?;
    if current.version != body.base_version {
        return Err(stale(cx).await?.into());
    }
    if !current.has_unpublished_changes {
        return Err(ApiError::new(ErrorCode::Conflict, NOTHING_TO_PUBLISH).into());
    }
    current.site.publish_check()?;
    let at = cx.timestamp();
    let note = body.note.trim();
    let Some(site) = cx
        .store
        .publish_draft(body.base_version, &at, &cx.user.id, note)
        .await?
    else {
        return Err(stale(cx).await?.into());
    };
    let event = published_event(site.version, &site.note);
    cx.store.record(Some(cx.user), "", event, &at).await?;
    Ok(site.with_rendered_markdown())
}

/// The version history, newest first.
pub async fn versions<S: CommunityStore>(cx: &Cx<'_, S>) -> Result<Vec<SiteVersion>> {
    cx.store.versions().await
}

/// One published version, whole (for preview).
pub async fn version<S: CommunityStore>(cx: &Cx<'_, S>, version: i64) -> Result<PublishedSite> {
    Ok(cx
        .store
        .published(version)
        .await?
        .ok_or_else(|| ApiError::not_found("Version"))?
        .with_rendered_markdown())
}

/// Makes a published version the draft again (rollback); partners see it after the next publish.
pub async fn restore<S: CommunityStore>(
    cx: &Cx<'_, S>,
    number: i64,
    body: &Restore,
) -> Result<Draft> {
    let found = version(cx, number).await?;
    let draft = write(cx, &found.site, body.base_version).await?;
    let event = restored_event(found.version);
    cx.store
        .record(Some(cx.user), "", event, &cx.timestamp())
        .await?;
    Ok(draft)
}
