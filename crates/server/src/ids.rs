//! Random ids for new records and tokens.

use argon2::password_hash::rand_core::{OsRng, RngCore};

/// A new random id with a kind prefix (`lead_9f2c...`).
pub fn random_id(prefix: &str) -> String {
    let mut bytes = [0u8; 10];
    OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", hex(&bytes))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}
