//! What the server remembers between requests instead of asking the database again: signed-in
//! sessions, and when a kind of record can next fall due. Both are dropped by every write that
//! could change them, so they never answer differently from the database. This holds while this
//! process is the database's only writer; code that writes around it calls [`Memo::forget`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use trellis_api::User;

/// The most sessions remembered; past it the memory starts over (each is asked again once).
const MAX_SESSIONS: usize = 10_000;

/// A session as last read from the database.
#[derive(Clone)]
pub struct Session {
    pub user: User,
    pub expires_at: String,
    pub seen_at: String,
}

/// See the module documentation.
#[derive(Default)]
pub struct Memo {
    /// Bumped by every write to users or sessions; a remembered session is good only in its own.
    people: AtomicU64,
    sessions: Mutex<HashMap<String, (u64, Session)>>,
    /// Per table: how many writes it has had, and what the last due check found.
    tables: Mutex<HashMap<&'static str, Table>>,
}

#[derive(Default)]
struct Table {
    writes: u64,
    /// `Some(next)` once checked: no record may fall due before `next` (`None`: none pending).
    checked: Option<Option<String>>,
}

/// A due check's ticket: the table's write count when it began.
pub struct DueCheck {
    table: &'static str,
    writes: u64,
}

impl Memo {
    /// The session whose token hashes to `hash`, if remembered and nothing changed since.
    pub fn session(&self, hash: &str) -> Option<Session> {
        let people = self.people.load(Ordering::Acquire);
        let sessions = self.sessions.lock().ok()?;
        let (at, session) = sessions.get(hash)?;
        (*at == people).then(|| session.clone())
    }

    /// Remembers a session read at `people` (from [`Memo::people`] before the read).
    pub fn keep_session(&self, hash: &str, people: u64, session: Session) {
        let Ok(mut sessions) = self.sessions.lock() else {
            return;
        };
        if self.people.load(Ordering::Acquire) != people {
            return;
        }
        if sessions.len() >= MAX_SESSIONS {
            sessions.clear();
        }
        sessions.insert(hash.to_string(), (people, session));
    }

    /// The count of writes to users and sessions so far.
    pub fn people(&self) -> u64 {
        self.people.load(Ordering::Acquire)
    }

    /// Call after (never before) a committed write to users or sessions.
    pub fn people_changed(&self) {
        self.people.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.clear();
        }
    }

    /// Whether a record of `table` may be due at `bound` (the contract's `Due::bound`): `None`
    /// when surely not, else the ticket to report the check's outcome with.
    pub fn may_be_due(&self, table: &'static str, bound: &str) -> Option<DueCheck> {
        let Ok(mut tables) = self.tables.lock() else {
            return Some(DueCheck { table, writes: 0 });
        };
        let entry = tables.entry(table).or_default();
        match &entry.checked {
            Some(None) => None,
            Some(Some(next)) if next.as_str() >= bound => None,
            _ => Some(DueCheck {
                table,
                writes: entry.writes,
            }),
        }
    }

    /// Records a due check's outcome: the earliest pending due value after settling.
    pub fn checked(&self, check: DueCheck, next: Option<String>) {
        if let Ok(mut tables) = self.tables.lock() {
            let entry = tables.entry(check.table).or_default();
            // A write since the check began may have added an earlier one: check again next time.
            if entry.writes == check.writes {
                entry.checked = Some(next);
            }
        }
    }

    /// Call after (never before) a committed write to `table`.
    pub fn wrote(&self, table: &'static str) {
        if let Ok(mut tables) = self.tables.lock() {
            let entry = tables.entry(table).or_default();
            entry.writes += 1;
            entry.checked = None;
        }
    }

    /// Forgets everything, for after the database was written around this server.
    pub fn forget(&self) {
        self.people_changed();
        if let Ok(mut tables) = self.tables.lock() {
            for entry in tables.values_mut() {
                entry.writes += 1;
                entry.checked = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Memo, Session};
    use trellis_api::{Role, User};

    fn session() -> Session {
        Session {
            user: User {
                id: "usr_1".into(),
                email: "a@example.test".into(),
                name: "A".into(),
                role: Role::PartnerUser,
                partner_account_id: None,
                active: true,
                manager_id: None,
                team: Vec::new(),
            },
            expires_at: "2999-01-01T00:00:00Z".into(),
            seen_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_session_is_remembered_until_people_change() {
        let memo = Memo::default();
        let people = memo.people();
        memo.keep_session("h", people, session());
        assert!(memo.session("h").is_some());
        memo.people_changed();
        assert!(memo.session("h").is_none(), "a write forgets it");
        memo.keep_session("h", people, session());
        assert!(
            memo.session("h").is_none(),
            "a read from before the write is not kept"
        );
    }

    #[test]
    fn a_due_check_is_skipped_until_the_next_due_value_or_a_write() {
        let memo = Memo::default();
        let check = memo.may_be_due("leads", "2026-01-01T00:00:00Z").unwrap();
        memo.checked(check, Some("2026-01-02T00:00:00Z".into()));
        assert!(memo.may_be_due("leads", "2026-01-01T12:00:00Z").is_none());
        assert!(memo.may_be_due("leads", "2026-01-02T00:00:01Z").is_some());
        memo.wrote("leads");
        assert!(memo.may_be_due("leads", "2026-01-01T12:00:00Z").is_some());
        let check = memo.may_be_due("deals", "2026-01-01").unwrap();
        memo.wrote("deals");
        memo.checked(check, None);
        assert!(
            memo.may_be_due("deals", "2026-01-01").is_some(),
            "a check overtaken by a write is not kept"
        );
        let check = memo.may_be_due("deals", "2026-01-01").unwrap();
        memo.checked(check, None);
        assert!(memo.may_be_due("deals", "2999-01-01").is_none());
        memo.forget();
        assert!(memo.may_be_due("deals", "2026-01-01").is_some());
    }
}
