//! Login throttling. After a few failed logins for one account, or many from one address, each
//! further failure doubles the wait before the next attempt is even checked (capped at 15
//! minutes). Unknown emails count like real ones, so the answers never tell which accounts exist.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures an account may have before it waits.
pub const ACCOUNT_FREE: u32 = 5;
/// Failures one address may have before it waits (offices share addresses).
pub const ADDRESS_FREE: u32 = 20;
/// The longest wait.
pub const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// Entries kept before old ones are dropped.
const MAX_ENTRIES: usize = 50_000;

#[derive(Clone, Copy, Debug)]
struct Entry {
    failures: u32,
    until: Instant,
    last: Instant,
}

/// Failed-login counts per account and per address, in memory.
#[derive(Debug, Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
}

/// The keys one login attempt counts against: the account (by email) and the address.
pub fn keys(email: &str, addr: Option<IpAddr>) -> Vec<(String, u32)> {
    let mut keys = vec![(
        format!("account:{}", email.trim().to_lowercase()),
        ACCOUNT_FREE,
    )];
    if let Some(addr) = addr {
        keys.push((format!("address:{addr}"), ADDRESS_FREE));
    }
    keys
}

/// The wait after `failures` failures when `free` are allowed.
pub fn wait_after(failures: u32, free: u32) -> Duration {
    match failures.checked_sub(free) {
        None => Duration::ZERO,
        Some(over) => Duration::from_secs(1u64 << over.min(10)).min(MAX_WAIT),
    }
}

impl Throttle {
    /// How long until every key may try again (zero when none waits).
    pub fn wait(&self, keys: &[(String, u32)], now: Instant) -> Duration {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        keys.iter()
            .filter_map(|(k, _)| entries.get(k))
            .map(|e| e.until.saturating_duration_since(now))
            .max()
            .unwrap_or(Duration::ZERO)
    }

    /// Counts a failure against every key.
    pub fn failed(&self, keys: &[(String, u32)], now: Instant) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() > MAX_ENTRIES {
            entries.retain(|_, e| now.saturating_duration_since(e.last) < MAX_WAIT);
        }
        for (key, free) in keys {
            let entry = entries.entry(key.clone()).or_insert(Entry {
                failures: 0,
                until: now,
                last: now,
            });
            entry.failures += 1;
            entry.last = now;
            entry.until = now + wait_after(entry.failures, *free);
        }
    }

    /// A successful login clears the account's count (not the address's).
    pub fn succeeded(&self, keys: &[(String, u32)]) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((account, _)) = keys.first() {
            entries.remove(account);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_failures_and_are_capped() {
        assert_eq!(wait_after(5, 5), Duration::ZERO + Duration::from_secs(1));
        assert_eq!(wait_after(4, 5), Duration::ZERO);
        assert_eq!(wait_after(7, 5), Duration::from_secs(4));
        assert_eq!(wait_after(40, 5), MAX_WAIT);
    }

    #[test]
    fn accounts_and_addresses_are_counted_apart() {
        let t = Throttle::default();
        let now = Instant::now();
        let addr: IpAddr = "10.0.0.7".parse().unwrap();
        let alice = keys("Alice@Example.test ", Some(addr));
        for _ in 0..ACCOUNT_FREE - 1 {
            t.failed(&alice, now);
        }
        assert_eq!(t.wait(&alice, now), Duration::ZERO);
        t.failed(&alice, now);
        assert_eq!(t.wait(&alice, now), Duration::from_secs(1));
        assert_eq!(
            t.wait(&keys("alice@example.test", None), now),
            Duration::from_secs(1)
        );
        let bob = keys("bob@example.test", Some(addr));
        assert_eq!(
            t.wait(&bob, now),
            Duration::ZERO,
            "the address has failures left"
        );
        t.succeeded(&alice);
        assert_eq!(t.wait(&alice, now), Duration::ZERO);
    }
}
