//! The demo backend's community site: draft, publish, version history and rollback, with the
//! same rules and conflict answers as the server.

use trellis_api::datetime::timestamp;
use trellis_api::*;

use super::{err, now_unix, DemoBackend};
use crate::ClientResult;

const STALE: &str =
    "The draft was changed by someone else since you loaded it; reload it or keep your copy";

impl DemoBackend {
    pub(super) fn draft_now(&self) -> Draft {
        let state = self.state.borrow();
        Draft {
            has_unpublished_changes: state.versions.last().is_none_or(|p| p.site != state.draft),
            site: state.draft.clone(),
            version: state.draft_version,
            updated_at: state.draft_updated_at.clone(),
        }
    }

    /// 409 with the current draft unless the draft is still at `base_version`.
    fn check_base(&self, base_version: i64) -> ClientResult<()> {
        if self.state.borrow().draft_version == base_version {
            Ok(())
        } else {
            Err(ApiError::conflict_with(STALE, &self.draft_now()).into())
        }
    }

    fn replace_draft(&self, site: Site) -> Draft {
        {
            let mut state = self.write();
            state.draft = site;
            state.draft_version += 1;
            state.draft_updated_at = timestamp(now_unix());
        }
        self.draft_now()
    }

    pub(super) fn community_now(&self) -> ClientResult<PublishedSite> {
        let user = self.user()?;
        let tier = self.tier_of(&user);
        let mut published = self
            .state
            .borrow()
            .versions
            .last()
            .cloned()
            .ok_or_else(|| ApiError::not_found("Published community"))?;
        published.site = published.site.for_viewer(tier.as_deref(), user.role);
        Ok(published)
    }

    pub(super) fn save_draft_now(&self, body: &SaveDraft) -> ClientResult<Draft> {
        self.admin()?;
        body.check()?;
        self.check_base(body.base_version)?;
        Ok(self.replace_draft(body.site.clone()))
    }

    pub(super) fn publish_now(&self, body: &Publish) -> ClientResult<PublishedSite> {
        let admin = self.admin()?;
        body.check()?;
        self.check_base(body.base_version)?;
        let mut state = self.write();
        if state.versions.last().is_some_and(|p| p.site == state.draft) {
            return Err(err(ErrorCode::Conflict, NOTHING_TO_PUBLISH));
        }
        state.draft.publish_check()?;
        let published = PublishedSite {
            version: state.versions.last().map_or(1, |p| p.version + 1),
            site: state.draft.clone(),
            published_at: timestamp(now_unix()),
            published_by: admin.id,
            note: body.note.trim().to_string(),
        };
        state.versions.push(published.clone());
        Ok(published)
    }

    pub(super) fn versions_now(&self) -> ClientResult<Vec<SiteVersion>> {
        self.admin()?;
        let state = self.state.borrow();
        Ok(state
            .versions
            .iter()
            .rev()
            .map(|p| SiteVersion {
                version: p.version,
                published_at: p.published_at.clone(),
                published_by_name: state
                    .data
                    .users
                    .iter()
                    .find(|u| u.id == p.published_by)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                published_by: p.published_by.clone(),
                note: p.note.clone(),
            })
            .collect())
    }

    pub(super) fn version_now(&self, version: i64) -> ClientResult<PublishedSite> {
        self.admin()?;
        self.state
            .borrow()
            .versions
            .iter()
            .find(|p| p.version == version)
            .cloned()
            .ok_or_else(|| ApiError::not_found("Version").into())
    }

    pub(super) fn restore_now(&self, version: i64, body: &Restore) -> ClientResult<Draft> {
        let site = self.version_now(version)?.site;
        self.check_base(body.base_version)?;
        Ok(self.replace_draft(site))
    }
}
