//! Announcements: written by the channel team, shown to the partners in their audience once published.

use trellis_api::announcements::sort_newest;
use trellis_api::{Announcement, AnnouncementInput, ApiError, Validate};

use crate::accounts::{tier_of, AccountStore};
use crate::cx::Cx;
use crate::error::Result;

/// Where announcements are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait AnnouncementStore: AccountStore {
    /// Every announcement, in no particular order.
    async fn announcements(&self) -> Result<Vec<Announcement>>;
    /// The announcement with `id`.
    async fn announcement(&self, id: &str) -> Result<Option<Announcement>>;
    /// Adds or replaces an announcement.
    async fn put_announcement(&self, announcement: &Announcement) -> Result<()>;
}

/// The announcements the user sees, newest first: every one for staff (scheduled too),
/// published ones in their audience for partners.
pub async fn list<S: AnnouncementStore>(cx: &Cx<'_, S>) -> Result<Vec<Announcement>> {
    let tier = tier_of(cx.store, cx.user).await?;
    let today = cx.today();
    let mut list: Vec<Announcement> = cx
        .store
        .announcements()
        .await?
        .into_iter()
        .filter(|a| a.visible_to(tier.as_deref(), cx.user.role, &today))
        .collect();
    sort_newest(&mut list);
    Ok(list)
}

/// Writes a new announcement (vendor staff).
pub async fn create<S: AnnouncementStore>(
    cx: &Cx<'_, S>,
    input: &AnnouncementInput,
) -> Result<Announcement> {
    input.check()?;
    let at = cx.timestamp();
    let mut a = Announcement {
        id: cx.store.new_id("ann_"),
        title: String::new(),
        body: String::new(),
        audience: Default::default(),
        publish_on: String::new(),
        author_name: cx.user.name.clone(),
        created_at: at.clone(),
        updated_at: at,
    };
    fill(&mut a, input);
    cx.store.put_announcement(&a).await?;
    Ok(a)
}

/// Edits an announcement (vendor staff).
pub async fn update<S: AnnouncementStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &AnnouncementInput,
) -> Result<Announcement> {
    input.check()?;
    let mut a = cx
        .store
        .announcement(id)
        .await?
        .ok_or_else(|| ApiError::not_found("Announcement"))?;
    fill(&mut a, input);
    a.updated_at = cx.timestamp();
    cx.store.put_announcement(&a).await?;
    Ok(a)
}

fn fill(a: &mut Announcement, input: &AnnouncementInput) {
    a.title = input.title.trim().into();
    a.body = input.body.trim().into();
    a.audience = input.audience.clone();
    a.publish_on = input.publish_on.clone();
}
