//! The community draft and published versions in memory.

use trellis_api::{PublishedSite, Site, SiteVersion};
use trellis_core::community::{CommunityStore, StoredDraft};
use trellis_core::Result;

use crate::demo::DemoBackend;

impl CommunityStore for DemoBackend {
    async fn draft(&self) -> Result<Option<StoredDraft>> {
        let state = self.state.borrow();
        Ok(Some(StoredDraft {
            site: state.draft.clone(),
            version: state.draft_version,
            updated_at: state.draft_updated_at.clone(),
        }))
    }

    async fn latest(&self) -> Result<Option<PublishedSite>> {
        Ok(self.state.borrow().versions.last().cloned())
    }

    async fn published(&self, version: i64) -> Result<Option<PublishedSite>> {
        let state = self.state.borrow();
        Ok(state
            .versions
            .iter()
            .find(|p| p.version == version)
            .cloned())
    }

    async fn versions(&self) -> Result<Vec<SiteVersion>> {
        let state = self.state.borrow();
        let name = |id: &str| {
            let user = state.data.users.iter().find(|u| u.id == id);
            user.map(|u| u.name.clone()).unwrap_or_default()
        };
        Ok(state
            .versions
            .iter()
            .rev()
            .map(|p| SiteVersion {
                version: p.version,
                published_at: p.published_at.clone(),
                published_by_name: name(&p.published_by),
                published_by: p.published_by.clone(),
                note: p.note.clone(),
            })
            .collect())
    }

    async fn replace_draft(&self, site: &Site, base_version: i64, at: &str) -> Result<bool> {
        let mut state = self.write();
        if state.draft_version != base_version {
            return Ok(false);
        }
        state.draft = site.clone();
        state.draft_version += 1;
        state.draft_updated_at = at.into();
        Ok(true)
    }

    async fn publish_draft(
        &self,
        base_version: i64,
        at: &str,
        by: &str,
        note: &str,
    ) -> Result<Option<PublishedSite>> {
        let mut state = self.write();
        if state.draft_version != base_version {
            return Ok(None);
        }
        let published = PublishedSite {
            version: state.versions.last().map_or(1, |p| p.version + 1),
            site: state.draft.clone(),
            published_at: at.into(),
            published_by: by.into(),
            note: note.into(),
            markdown: Default::default(),
        };
        state.versions.push(published.clone());
        Ok(Some(published))
    }
}
