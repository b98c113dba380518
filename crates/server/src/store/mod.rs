//! SQLite storage: rows in and out, guarded writes, scopes as SQL.

pub mod accounts;
pub mod activity;
pub mod announcements;
pub mod audit;
pub mod community;
pub mod deal_flow;
pub mod import;
pub mod lead_flow;
pub mod list;
pub mod mdf;
pub mod memo;
pub mod products;
pub mod records;
pub mod row;
pub mod settings;
pub mod support;
pub mod surveys;
pub mod training;
pub mod users;

/// The SQLite database as the core's store, with what the server remembers of it.
#[derive(Clone)]
pub struct Db(pub sqlx::SqlitePool, pub std::sync::Arc<memo::Memo>);

impl trellis_core::cx::Store for Db {
    fn new_id(&self, prefix: &str) -> String {
        crate::ids::random_id(prefix)
    }
}
