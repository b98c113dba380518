//! The contract fuzzer: schemathesis (PyPI, pinned in `tests/schemathesis/requirements.txt`,
//! installed idempotently in a venv) runs every check against the release server's own OpenAPI
//! document, on a fresh database per caller: anonymous, an administrator and a partner.

use std::fs::File;
use std::path::PathBuf;
use std::process::Stdio;

use crate::server;
use crate::{cmd, root, run};

/// The schemathesis release the requirements pin.
const VERSION: &str = "4.32.5";

fn dir() -> PathBuf {
    root().join("target/schemathesis")
}

fn bin() -> PathBuf {
    dir().join("venv/bin/schemathesis")
}

/// Creates the venv and installs the pinned packages unless that exact version is there.
pub fn ensure() -> Result<(), String> {
    let installed = cmd(&bin().to_string_lossy(), &["--version"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim().ends_with(VERSION));
    if installed {
        return Ok(());
    }
    let venv = dir().join("venv");
    let _ = std::fs::remove_dir_all(&venv);
    run(cmd("python3", &["-m", "venv", &venv.to_string_lossy()]))?;
    run(cmd(
        &venv.join("bin/pip").to_string_lossy(),
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            "tests/schemathesis/requirements.txt",
        ],
    ))
}

/// One caller the document is fuzzed as.
struct Caller {
    name: &'static str,
    email: Option<&'static str>,
}

const CALLERS: [Caller; 3] = [
    Caller {
        name: "anonymous",
        email: None,
    },
    Caller {
        name: "admin",
        email: Some("admin@trellis.test"),
    },
    Caller {
        name: "partner",
        email: Some("partner@acme.test"),
    },
];

/// Test cases per operation and phase: `TRELLIS_SCHEMATHESIS_EXAMPLES`, default 40.
fn examples() -> String {
    std::env::var("TRELLIS_SCHEMATHESIS_EXAMPLES").unwrap_or_else(|_| "40".into())
}

/// The summary's `Test cases:` line and the line after it (`5421 generated, 5421 passed`) → 5421.
pub fn cases_of(output: &str) -> Option<u64> {
    let mut lines = output
        .lines()
        .skip_while(|l| !l.trim().starts_with("Test cases:"));
    let label = lines
        .next()?
        .trim()
        .trim_start_matches("Test cases:")
        .trim();
    let counts = if label.is_empty() {
        lines.next()?.trim()
    } else {
        label
    };
    counts.split_whitespace().next()?.parse().ok()
}

/// Builds the release server and fuzzes the API as each caller; returns (caller, test cases)
/// per caller, or the first failure.
pub fn run_all() -> Result<Vec<(&'static str, u64)>, String> {
    ensure()?;
    run(cmd(
        "cargo",
        &["build", "--release", "-p", "trellis-server"],
    ))?;
    let mut done = Vec::new();
    for caller in CALLERS {
        let out = dir().join(caller.name);
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let log = File::create(out.join("server.log")).map_err(|e| e.to_string())?;
        let server = server::start(&out.join("trellis.db"), Stdio::from(log))?;
        let url = format!("http://{}", server.addr);
        let mut c = cmd(
            &bin().to_string_lossy(),
            &[
                "--config-file",
                &root()
                    .join("tests/schemathesis/schemathesis.toml")
                    .to_string_lossy(),
                "run",
                &format!("{url}/api/openapi.json"),
                "--checks",
                "all",
                "--max-examples",
                &examples(),
                // A fixed seed and no example database: the same cases on every machine.
                "--seed",
                "20261201",
                "--generation-database",
                "none",
                // One worker: Hypothesis's caches are not thread-safe, and two workers made
                // generation fail at random ("Inconsistent results" in CI on POST /api/training).
                "--workers",
                "1",
                // A request that hangs fails its case instead of the whole run.
                "--request-timeout",
                "20",
                "--no-color",
                "--report",
                "junit",
                "--report-dir",
                &out.to_string_lossy(),
            ],
        );
        if caller.email.is_some() {
            // Logging in is fuzzed anonymously: here its failed attempts would throttle the session's own login.
            c.args(["--exclude-path", "/api/auth/login"]);
        }
        // schemathesis keeps a crash cache in its working directory: not in the repository.
        c.current_dir(&out)
            .env("SCHEMATHESIS_HOOKS", "hooks")
            .env("PYTHONPATH", root().join("tests/schemathesis"))
            .env("TRELLIS_FUZZ_URL", &url)
            .env("TRELLIS_FUZZ_EMAIL", caller.email.unwrap_or(""))
            .env("TRELLIS_FUZZ_PASSWORD", "trellis-demo");
        println!("xtask: schemathesis as {} against {url}", caller.name);
        let started = std::time::Instant::now();
        let output = c
            .output()
            .map_err(|e| format!("schemathesis as {}: {e}", caller.name))?;
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        std::fs::write(out.join("output.txt"), &text).map_err(|e| e.to_string())?;
        drop(server);
        if !output.status.success() {
            return Err(format!(
                "schemathesis as {} failed ({}); report in {}:\n{text}",
                caller.name,
                output.status,
                out.display()
            ));
        }
        let cases = cases_of(&text).ok_or_else(|| {
            format!(
                "schemathesis as {}: no test case count in its output:\n{text}",
                caller.name
            )
        })?;
        println!(
            "xtask: schemathesis as {}: {cases} test cases in {:.0?}, no failure",
            caller.name,
            started.elapsed()
        );
        done.push((caller.name, cases));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_number_of_test_cases() {
        let out = "Summary\nTest cases:\n  5421 generated, 5421 passed, 134 skipped\n\nSeed: 1\n";
        assert_eq!(super::cases_of(out), Some(5_421));
        assert_eq!(
            super::cases_of("Test cases: 12 generated, 12 passed"),
            Some(12)
        );
        assert_eq!(super::cases_of("crash"), None);
    }
}
