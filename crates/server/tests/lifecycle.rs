//! The real binary's life: a log line per request with its id and no secrets; a graceful stop
//! that finishes the request in flight and closes the database cleanly; settings checked at start.

mod common;

use std::io::{Read, Write};
use std::time::Duration;

use common::start_binary;

fn terminate(child: &std::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits up to 15 s for the process to end.
fn wait_exit(child: &mut std::process::Child) -> std::process::ExitStatus {
    for _ in 0..300 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    panic!("the server did not stop within 15 s of SIGTERM");
}

#[test]
fn a_stopped_server_finishes_the_request_in_flight_and_closes_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stop.db");
    let (mut child, base) = start_binary(&db, "info");
    let addr = base.trim_start_matches("http://").to_string();
    let body = br#"{"email": "partner@acme.test", "password": "trellis-demo"}"#;
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "POST /api/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nx-request-id: stop-test-1\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    // Half the body now: the request is in flight when the stop comes.
    stream.write_all(&body[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    terminate(&child);
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body[10..]).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.200}");
    assert!(answer
        .to_ascii_lowercase()
        .contains("x-request-id: stop-test-1"));
    let status = wait_exit(&mut child);
    assert!(status.success(), "a graceful stop exits 0: {status:?}");
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "no new connections after the stop"
    );
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    let finished = log.find("id=stop-test-1").expect("the request's line");
    let closed = log
        .find("stopped: database closed")
        .unwrap_or_else(|| panic!("the database was not closed: {log}"));
    assert!(finished < closed, "the request finished before the close");
    let (integrity, sessions) = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool = server::db::open(&db.to_string_lossy()).await.unwrap();
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&pool)
            .await
            .unwrap();
        let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
        (integrity, sessions)
    });
    assert_eq!(integrity, "ok");
    assert_eq!(sessions, 1, "the acknowledged login is stored");
    let line = log
        .lines()
        .find(|l| l.contains("id=stop-test-1"))
        .unwrap_or_else(|| panic!("no line for the request: {log}"));
    assert!(
        line.contains("path=/api/auth/login") && line.contains("status=200"),
        "{line}"
    );
    assert!(!log.contains("trellis-demo"), "a password reached the log");
    let cookie = answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: trellis_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie");
    assert!(!log.contains(cookie), "a session token reached the log");
}

#[test]
fn bad_settings_stop_the_start_with_every_problem_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trellis.toml");
    std::fs::write(&file, "session_hours = 0\nport = 80\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trellis-server"))
        .args(["--config", &file.to_string_lossy()])
        .env("TRELLIS_ADDR", "nowhere")
        .env("TRELLIS_DB", dir.path().join("never.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TRELLIS_ADDR: must be host:port"), "{err}");
    assert!(
        err.contains("session_hours: must be a whole number of hours"),
        "{err}"
    );
    assert!(err.contains("port: is not a setting"), "{err}");
    assert!(!dir.path().join("never.db").exists(), "nothing was started");
}
