//! The release server started on a free loopback port with its own database, for benches and the
//! contract fuzzer; killed when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::root;

/// A running server, killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:port`.
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// A minimal HTTP/1.1 request on loopback; returns the raw response.
pub fn http(addr: &str, request: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut out = String::new();
    s.read_to_string(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Starts `target/release/trellis-server` on `db` (created and seeded if new), its log on `log`.
pub fn start(db: &Path, log: Stdio) -> Result<Server, String> {
    let addr = format!("127.0.0.1:{}", free_port()?);
    let child = Command::new(root().join("target/release/trellis-server"))
        .env("TRELLIS_ADDR", &addr)
        .env("TRELLIS_DB", db)
        .env("TRELLIS_DIST", root().join("dist"))
        .env("TRELLIS_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("server: {e}"))?;
    let server = Server { child, addr };
    for _ in 0..300 {
        if http(
            &server.addr,
            "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .is_ok_and(|r| r.contains("200 OK"))
        {
            return Ok(server);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("the server did not start within 30 s".into())
}
