//! The server's clock: every timestamp the server writes comes from here.

/// Seconds since the epoch, now.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Now as a wire timestamp.
pub fn now() -> String {
    trellis_api::datetime::timestamp(now_unix())
}
