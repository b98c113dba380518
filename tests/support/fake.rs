//! The browser tests' backend: the demo backend with scripted leads answers and a login counter.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use async_trait::async_trait;
use trellis_api::endpoints::{self, Endpoint};
use trellis_api::{Lead, ListPage};
use trellis_client::{ClientResult, DemoBackend, PrmBackend, Reply, Request};

use crate::tick;

/// The demo backend, with scripted answers for the leads list and a count of login calls.
#[derive(Default)]
pub struct Fake {
    pub demo: DemoBackend,
    pub leads: RefCell<VecDeque<ClientResult<ListPage<Lead>>>>,
    /// While false, leads requests wait (to observe the loading state).
    pub open: Rc<Cell<bool>>,
    pub logins: Cell<u32>,
}

impl Fake {
    /// The demo backend underneath, for the typed calls that set a test up.
    pub fn demo(&self) -> &dyn PrmBackend {
        &self.demo
    }
}

#[async_trait(?Send)]
impl PrmBackend for Fake {
    async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>) -> ClientResult<Reply> {
        if *endpoint == endpoints::LOGIN {
            self.logins.set(self.logins.get() + 1);
        }
        if *endpoint == endpoints::LIST_LEADS {
            while !self.open.get() {
                tick().await;
            }
            let scripted = self.leads.borrow_mut().pop_front();
            if let Some(answer) = scripted {
                return answer.map(Reply::of);
            }
        }
        self.demo.send(endpoint, request).await
    }
}
