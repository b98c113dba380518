//! `cargo fuzz` targets of the contract's parsers (`crates/api/fuzz/`), each run for a bounded
//! time on stable Rust (no sanitizer: the code under test is safe Rust, a panic is the failure).

use crate::{cmd, root, run};

/// The targets, as named in `crates/api/fuzz/Cargo.toml`.
pub const TARGETS: [&str; 4] = ["site_file", "theme_file", "csv_import", "json_bodies"];

/// Seconds per target: `TRELLIS_FUZZ_SECONDS`, default 30.
fn seconds() -> u64 {
    std::env::var("TRELLIS_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

/// `Done 1322259 runs in 11 second(s)` → 1322259.
pub fn runs_of(log: &str) -> Option<u64> {
    log.lines()
        .rev()
        .filter_map(|l| l.strip_prefix("Done "))
        .find_map(|l| l.split_whitespace().next()?.parse().ok())
}

fn fuzz(args: &[&str]) -> std::process::Command {
    let dir = root().join("crates/api/fuzz");
    let mut all = vec!["fuzz"];
    all.extend_from_slice(args);
    let mut c = cmd("cargo", &all);
    c.arg("--sanitizer")
        .arg("none")
        .arg("--fuzz-dir")
        .arg(&dir)
        // Instrumented builds must not evict the main build's artifacts.
        .env("CARGO_TARGET_DIR", root().join("target/fuzz"));
    c
}

/// Builds every target, then fuzzes each; returns (target, runs) per target.
pub fn run_all() -> Result<Vec<(&'static str, u64)>, String> {
    run(fuzz(&["build"]))?;
    let mut done = Vec::new();
    for target in TARGETS {
        let corpus = root().join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let seeds = root().join("crates/api/fuzz/seeds").join(target);
        let mut c = fuzz(&["run"]);
        c.arg(target)
            .arg(&corpus)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={}", seconds()))
            .arg("-timeout=10")
            .arg("-rss_limit_mb=2048")
            .arg("-print_final_stats=0");
        println!("xtask: fuzzing {target} for {} s", seconds());
        let out = c
            .output()
            .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
        let log = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "fuzz target {target} failed ({}); the input is under crates/api/fuzz/artifacts/{target}/:\n{}",
                out.status,
                tail.join("\n")
            ));
        }
        let runs = runs_of(&log).unwrap_or(0);
        println!("xtask: fuzz {target}: {runs} inputs, no failure");
        done.push((target, runs));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_number_of_runs() {
        let log = "#1000 pulse\nDone 1322259 runs in 11 second(s)\n";
        assert_eq!(super::runs_of(log), Some(1_322_259));
        assert_eq!(super::runs_of("crash"), None);
    }
}
