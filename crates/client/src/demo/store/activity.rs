//! Record timelines in memory: entries are added by the writes that cause them.

use trellis_api::activity::{Activity, RecordKind};
use trellis_api::User;
use trellis_core::activity::ActivityStore;
use trellis_core::Result;

use crate::demo::DemoBackend;

impl ActivityStore for DemoBackend {
    async fn timeline(&self, kind: RecordKind, record_id: &str) -> Result<Vec<Activity>> {
        let state = self.state.borrow();
        let all = state.data.activity.iter().rev();
        Ok(all
            .filter(|a| a.kind == kind && a.record_id == record_id)
            .cloned()
            .collect())
    }

    async fn add_activity(&self, entry: &Activity) -> Result<()> {
        self.write().data.activity.push(entry.clone());
        Ok(())
    }

    async fn mentioning(&self, user_id: &str, limit: usize) -> Result<Vec<Activity>> {
        let state = self.state.borrow();
        let all = state.data.activity.iter().rev();
        Ok(all
            .filter(|a| a.mentions.iter().any(|p| p.user_id == user_id))
            .take(limit)
            .cloned()
            .collect())
    }

    async fn people(&self, account: Option<&str>) -> Result<Vec<User>> {
        let state = self.state.borrow();
        let mut people: Vec<User> = state
            .data
            .users
            .iter()
            .filter(|u| u.active)
            .filter(|u| {
                u.partner_account_id.is_none() || u.partner_account_id.as_deref() == account
            })
            .cloned()
            .collect();
        people.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(people)
    }
}
