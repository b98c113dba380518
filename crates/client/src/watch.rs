//! What changed: [`Watched`] tells every subscriber, after each successful write, the collection
//! its endpoint belongs to (`Endpoint::collection`); [`Reading`] notes which collections a view's
//! loads read, so the view can load again when one of them changes.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use async_trait::async_trait;
use trellis_api::endpoints::{Endpoint, ACTIVITY};

use crate::{ClientResult, PrmBackend, Reply, Request};

type Listener = Rc<dyn Fn(&'static str)>;

/// The subscribers to writes.
#[derive(Default)]
pub struct Revisions {
    next: Cell<u64>,
    listeners: RefCell<Vec<(u64, Listener)>>,
}

impl Revisions {
    /// Calls `listener` with the collection of every successful write, until the subscription drops.
    pub fn subscribe(self: &Rc<Self>, listener: impl Fn(&'static str) + 'static) -> Subscription {
        let id = self.next.get();
        self.next.set(id + 1);
        self.listeners.borrow_mut().push((id, Rc::new(listener)));
        Subscription {
            revisions: Rc::downgrade(self),
            id,
        }
    }

    /// Tells every subscriber that `collection` changed.
    pub fn changed(&self, collection: &'static str) {
        // Listeners may subscribe or leave while being told: tell a copy of the list.
        let listeners: Vec<Listener> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, l)| l.clone())
            .collect();
        for listener in listeners {
            listener(collection);
        }
    }
}

/// A subscription to [`Revisions`]; dropping it ends it.
pub struct Subscription {
    revisions: Weak<Revisions>,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(revisions) = self.revisions.upgrade() {
            if let Ok(mut listeners) = revisions.listeners.try_borrow_mut() {
                listeners.retain(|(id, _)| *id != self.id);
            }
        }
    }
}

/// A backend that reports its successful writes to [`Revisions`].
pub struct Watched {
    inner: Rc<dyn PrmBackend>,
    revisions: Rc<Revisions>,
}

impl Watched {
    /// Watches `inner`.
    pub fn new(inner: Rc<dyn PrmBackend>) -> Self {
        Self {
            inner,
            revisions: Rc::default(),
        }
    }

    /// Where the writes are told.
    pub fn revisions(&self) -> Rc<Revisions> {
        self.revisions.clone()
    }
}

#[async_trait(?Send)]
impl PrmBackend for Watched {
    async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>) -> ClientResult<Reply> {
        let reply = self.inner.send(endpoint, request).await?;
        if endpoint.writes() {
            self.revisions.changed(endpoint.collection());
            // Every write to a record adds to its timeline, so timelines read again after any.
            if endpoint.collection() != ACTIVITY.collection() {
                self.revisions.changed(ACTIVITY.collection());
            }
        }
        Ok(reply)
    }
}

/// A backend that notes the collections read through it.
pub struct Reading {
    inner: Rc<dyn PrmBackend>,
    read: RefCell<Vec<&'static str>>,
}

impl Reading {
    /// Reads through `inner`.
    pub fn new(inner: Rc<dyn PrmBackend>) -> Self {
        Self {
            inner,
            read: RefCell::default(),
        }
    }

    /// Whether anything of `collection` was read through this backend.
    pub fn has_read(&self, collection: &str) -> bool {
        self.read.borrow().contains(&collection)
    }
}

#[async_trait(?Send)]
impl PrmBackend for Reading {
    async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>) -> ClientResult<Reply> {
        if !endpoint.writes() && !self.has_read(endpoint.collection()) {
            self.read.borrow_mut().push(endpoint.collection());
        }
        self.inner.send(endpoint, request).await
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use trellis_api::{ListQuery, LoginRequest};

    use super::{Reading, Watched};
    use crate::{DemoBackend, PrmBackend};

    #[tokio::test]
    async fn writes_are_told_by_collection_and_reads_are_noted() {
        let demo: Rc<dyn PrmBackend> = Rc::new(DemoBackend::new());
        let watched = Rc::new(Watched::new(demo));
        let told = Rc::new(RefCell::new(Vec::new()));
        let subscription = {
            let told = told.clone();
            watched
                .revisions()
                .subscribe(move |c| told.borrow_mut().push(c))
        };
        let login = LoginRequest {
            email: "partner@acme.test".into(),
            password: trellis_api::seed::DEMO_PASSWORD.into(),
        };
        let client: &dyn PrmBackend = &*watched;
        client.login(&login).await.unwrap();
        let reading = Reading::new(watched.clone());
        let read: &dyn PrmBackend = &reading;
        read.list_leads(&ListQuery::default()).await.unwrap();
        assert!(reading.has_read("leads") && !reading.has_read("deals"));
        assert!(client.close_survey("srv_none").await.is_err(), "staff only");
        assert_eq!(
            *told.borrow(),
            ["auth", "activity"],
            "a refused write changes nothing"
        );
        drop(subscription);
        client.logout().await.unwrap();
        assert_eq!(
            *told.borrow(),
            ["auth", "activity"],
            "a dropped subscription hears nothing"
        );
    }
}
