//! Users in memory; passwords are kept as typed (the demo holds no secrets).

use trellis_api::{email_taken, ListPage, ListQuery, Role, User, UserReach};
use trellis_core::users::{UserStore, UserWrite};
use trellis_core::Result;

use crate::demo::{paginate, DemoBackend};

impl UserStore for DemoBackend {
    async fn users(&self, reach: &UserReach, query: &ListQuery) -> Result<ListPage<User>> {
        let q = query.q.as_deref().unwrap_or("").trim().to_lowercase();
        let state = self.state.borrow();
        let mut items: Vec<User> = state
            .data
            .users
            .iter()
            .filter(|u| reach.allows(u))
            .filter(|u| {
                query.partner_account_id.is_none()
                    || u.partner_account_id == query.partner_account_id
            })
            .filter(|u| {
                q.is_empty()
                    || u.name.to_lowercase().contains(&q)
                    || u.email.to_lowercase().contains(&q)
            })
            .cloned()
            .collect();
        items.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(paginate(items, query)?)
    }

    async fn user(&self, id: &str) -> Result<Option<User>> {
        let state = self.state.borrow();
        Ok(state.data.users.iter().find(|u| u.id == id).cloned())
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let state = self.state.borrow();
        let found = state
            .data
            .users
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(email));
        Ok(found.cloned())
    }

    async fn other_active_admins(&self, id: &str) -> Result<usize> {
        let state = self.state.borrow();
        let admins = state.data.users.iter();
        Ok(admins
            .filter(|u| u.id != id && u.active && u.role == Role::Admin)
            .count())
    }

    async fn insert_user(&self, w: &UserWrite<'_>) -> Result<()> {
        {
            let mut state = self.write();
            if state
                .data
                .users
                .iter()
                .any(|u| u.email.eq_ignore_ascii_case(&w.user.email))
            {
                return Err(email_taken().into());
            }
            if let Some(p) = w.password {
                state.passwords.insert(w.user.id.clone(), p.to_string());
            }
            state.data.users.push(w.user.clone());
        }
        for event in w.events {
            self.push_event(Some(w.actor), "", event.clone(), w.at);
        }
        Ok(())
    }

    async fn update_user(&self, w: &UserWrite<'_>) -> Result<bool> {
        {
            let mut state = self.write();
            let others = state
                .data
                .users
                .iter()
                .filter(|u| u.id != w.user.id && u.active && u.role == Role::Admin)
                .count();
            if w.keep_an_admin && others == 0 {
                return Ok(false);
            }
            let Some(slot) = state.data.users.iter_mut().find(|u| u.id == w.user.id) else {
                return Ok(false);
            };
            *slot = w.user.clone();
            if let Some(p) = w.password {
                state.passwords.insert(w.user.id.clone(), p.to_string());
            }
        }
        for event in w.events {
            self.push_event(Some(w.actor), "", event.clone(), w.at);
        }
        Ok(true)
    }
}
