//! Announcements in memory.

use trellis_api::Announcement;
use trellis_core::announcements::AnnouncementStore;
use trellis_core::Result;

use super::upsert;
use crate::demo::DemoBackend;

impl AnnouncementStore for DemoBackend {
    async fn announcements(&self) -> Result<Vec<Announcement>> {
        Ok(self.state.borrow().data.announcements.clone())
    }

    async fn announcement(&self, id: &str) -> Result<Option<Announcement>> {
        let state = self.state.borrow();
        Ok(state
            .data
            .announcements
            .iter()
            .find(|a| a.id == id)
            .cloned())
    }

    async fn put_announcement(&self, announcement: &Announcement) -> Result<()> {
        upsert(&mut self.write().data.announcements, announcement, |x| {
            x.id == announcement.id
        });
        Ok(())
    }
}
