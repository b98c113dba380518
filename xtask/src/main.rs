//! `cargo xtask run | test | bench`: installs what a fresh machine lacks, then builds, serves or tests Trellis.

mod bench;
mod demo_static;
mod fuzz;
mod lighthouse;
mod precompress;
mod schemathesis;
mod server;
mod split;
mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A command in the repository root with the project's tools first on PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tools::path());
    c
}

/// Runs a command to completion, echoing it; Err names the command.
pub fn run(mut c: Command) -> Result<(), String> {
    println!("xtask: $ {}", describe(&c));
    let status = c.status().map_err(|e| format!("{}: {e}", describe(&c)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(&c)))
    }
}

fn describe(c: &Command) -> String {
    let args: Vec<_> = c
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!("{} {}", c.get_program().to_string_lossy(), args.join(" "))
}

/// Test counts read from runners' summary lines.
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    /// Reads `test result: ok. 3 passed; 1 failed; ...` (cargo, wasm-bindgen-test) and `# pass 3` / `# fail 1` (node TAP).
    fn read(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let words: Vec<_> = part.split_whitespace().collect();
                if let [.., n, kind] = words.as_slice() {
                    let n: u64 = n.parse().unwrap_or(0);
                    match *kind {
                        "passed" => self.passed += n,
                        "failed" => self.failed += n,
                        _ => {}
                    }
                }
            }
        } else if let Some(n) = line.strip_prefix("# pass ") {
            self.passed += n.trim().parse().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            self.failed += n.trim().parse().unwrap_or(0);
        }
    }
}

/// Runs a test command, streaming its output and counting results.
fn run_counted(mut c: Command, counts: &mut Counts) -> Result<(), String> {
    println!("xtask: $ {}", describe(&c));
    let mut child = c
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", describe(&c)))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            counts.read(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(&c)))
    }
}

/// Builds the SPA's two bundles in release mode into `dist/` (`index.html` for partners,
/// `full.html` with the staff screens and the demo), with each file's compressed twins.
pub fn build_spa() -> Result<(), String> {
    let dist = root().join("dist");
    run(cmd("cargo", &["build", "-p", "split-link"]))?;
    run(split_build(cmd("trunk", &["build", "--release"])))?;
    split::finish(&dist)?;
    // Trunk empties its output folder and names the page index.html: the full bundle is built
    // beside it, then its page and files join the partner's.
    let full = root().join("target/spa-full");
    run(split_build(cmd(
        "trunk",
        &[
            "build",
            "full.html",
            "--release",
            "--dist",
            &full.to_string_lossy(),
        ],
    )))?;
    split::finish(&full)?;
    merge_full_bundle(&full, &dist)?;
    precompress::dir(&dist)
}

/// A Trunk build whose wasm is linked by `split-link`, so each screen is a chunk of its own.
fn split_build(mut trunk: Command) -> Command {
    let target = root().join("target");
    trunk
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER",
            target.join("debug/split-link"),
        )
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg trellis_split -C link-arg=--emit-relocs",
        )
        .env("TRELLIS_SPLIT_DIR", split::chunks_dir())
        .env("TRELLIS_SPLIT_SHARED_ORDER", split::SHARED_ORDER);
    trunk
}

fn merge_full_bundle(full: &Path, dist: &Path) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", full.display());
    for entry in std::fs::read_dir(full).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        if entry.path().is_dir() {
            // public/: the same files as the partner bundle's.
            continue;
        }
        // The names trellis_api::bundles gives the full bundle's page and screen list.
        let target = if name == "index.html" {
            dist.join("full.html")
        } else if name == split::SCREENS {
            dist.join("full.screens.json")
        } else {
            dist.join(&name)
        };
        std::fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// Where `cargo xtask run --demo-static` writes the static demo.
fn demo_static_dir() -> PathBuf {
    root().join("target/demo-static")
}

/// Builds the SPA and the static demo bundle from it.
fn build_demo_static() -> Result<(), String> {
    tools::ensure(false)?;
    build_spa()?;
    demo_static::build(&root(), &root().join("dist"), &demo_static_dir())?;
    let out = demo_static_dir();
    println!();
    println!("The static demo is in {}", out.display());
    println!("It needs no server: copy it to the root of any static file host. To try it here:");
    println!(
        "  python3 -m http.server 8000 --bind 127.0.0.1 -d {}",
        out.display()
    );
    println!("and open http://127.0.0.1:8000/ (demo data is kept in the browser's localStorage).");
    Ok(())
}

fn run_app() -> Result<(), String> {
    tools::ensure(false)?;
    build_spa()?;
    run(cmd(
        "cargo",
        &["build", "--release", "-p", "trellis-server"],
    ))?;
    let addr = std::env::var("TRELLIS_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let db = std::env::var("TRELLIS_DB").unwrap_or_else(|_| "./data/trellis.db".into());
    println!();
    println!("Trellis is starting on http://{addr} (database {db})");
    println!("Demo logins, password `trellis-demo`:");
    println!("  admin@trellis.test      administrator (builder, admin)");
    println!("  channel@trellis.test    channel manager");
    println!("  partner@acme.test       Acme Solutions (Gold), partner executive");
    println!("  manager@acme.test       Acme Solutions, partner manager");
    println!("  rep@acme.test           Acme Solutions, partner user");
    println!("  partner@bluebird.test   Bluebird Distribution (Silver)");
    println!("  partner@cedar.test      Cedar IT (Registered)");
    println!("No server needed: open http://{addr}/?demo for the in-browser demo.");
    println!();
    let mut c = cmd(
        &root()
            .join("target/release/trellis-server")
            .to_string_lossy(),
        &[],
    );
    c.env("TRELLIS_ADDR", &addr)
        .env("TRELLIS_DB", &db)
        .env("TRELLIS_DIST", root().join("dist"));
    run(c)
}

fn run_tests() -> Result<Counts, (String, Counts)> {
    let mut counts = Counts::default();
    let mut step = |name: &str, f: &mut dyn FnMut(&mut Counts) -> Result<(), String>| {
        let start = Instant::now();
        println!("\nxtask: == {name} ==");
        let result = f(&mut counts);
        println!("xtask: {name}: {:.0?}", start.elapsed());
        result.map_err(|e| (e, counts))
    };
    step("install tools", &mut |_| {
        tools::ensure(true).and_then(|()| schemathesis::ensure())
    })?;
    step("format", &mut |_| {
        run(cmd("cargo", &["fmt", "--all", "--check"]))
    })?;
    step("clippy (native)", &mut |_| {
        run(cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    step("clippy (wasm)", &mut |_| {
        // The full bundle with its tests, then the partner bundle (no staff screens, no demo).
        for build in [
            &["--all-targets"][..],
            &["--no-default-features", "--lib", "--bins"],
        ] {
            let mut args = vec![
                "clippy",
                "-p",
                "trellis",
                "--target",
                "wasm32-unknown-unknown",
            ];
            args.extend(build);
            args.extend(["--", "-D", "warnings"]);
            run(cmd("cargo", &args))?;
        }
        Ok(())
    })?;
    step("native tests", &mut |c| {
        run_counted(cmd("cargo", &["test", "--workspace"]), c)
    })?;
    step("fuzzing", &mut |c| {
        let done = fuzz::run_all()?;
        let total: u64 = done.iter().map(|(_, runs)| runs).sum();
        println!(
            "xtask: {total} fuzz inputs over {} targets, no failure",
            done.len()
        );
        c.passed += done.len() as u64;
        Ok(())
    })?;
    step("contract fuzzing (schemathesis)", &mut |c| {
        let done = schemathesis::run_all()?;
        let total: u64 = done.iter().map(|(_, cases)| cases).sum();
        println!(
            "xtask: schemathesis: {total} test cases as {} callers, no failure",
            done.len()
        );
        c.passed += done.len() as u64;
        Ok(())
    })?;
    step("browser tests", &mut |c| {
        run_counted(browser_test(&["--lib", "--test", "browser"], "120"), c)
    })?;
    step("end-to-end tests", &mut |c| {
        build_spa()?;
        demo_static::build(&root(), &root().join("dist"), &demo_static_dir())?;
        run(cmd("cargo", &["build", "-p", "trellis-server"]))?;
        let mut t = cmd("node", &["--test", "--test-reporter=tap", "tests/e2e/"]);
        t.env(
            "TRELLIS_SERVER_BIN",
            root().join("target/debug/trellis-server"),
        )
        .env("TRELLIS_DIST", root().join("dist"))
        .env("TRELLIS_DEMO_STATIC", demo_static_dir())
        .env("TRELLIS_SCREENSHOTS", root().join("target/screenshots"));
        run_counted(t, c)
    })?;
    Ok(counts)
}

/// `cargo test` of the SPA crate in headless Chromium, with extra arguments and a timeout in seconds.
pub fn browser_test(args: &[&str], timeout: &str) -> Command {
    let mut all = vec![
        "test",
        "-p",
        "trellis",
        "--target",
        "wasm32-unknown-unknown",
    ];
    all.extend_from_slice(args);
    let mut t = cmd("cargo", &all);
    t.env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", timeout);
    t
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let started = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("run") if args.get(1).map(String::as_str) == Some("--demo-static") => {
            build_demo_static()
        }
        Some("run") => run_app(),
        // The app's bundles and the static demo, as the end-to-end tests use them (to run one
        // test file by hand).
        Some("build") => tools::ensure(false)
            .and_then(|()| build_spa())
            .and_then(|()| demo_static::build(&root(), &root().join("dist"), &demo_static_dir())),
        Some("bench") => bench::run(),
        Some("install") => tools::ensure(true).and_then(|()| schemathesis::ensure()),
        Some("fuzz") => fuzz::run_all().map(|_| ()),
        Some("schemathesis") => schemathesis::run_all().map(|_| ()),
        Some("test") => match run_tests() {
            Ok(counts) => {
                println!("\nxtask: all steps passed in {:.0?}", started.elapsed());
                println!("{} passed, {} failed", counts.passed, counts.failed);
                Ok(())
            }
            Err((e, counts)) => {
                println!("\nxtask: FAILED after {:.0?}: {e}", started.elapsed());
                println!("{} passed, {} failed", counts.passed, counts.failed);
                Err(e)
            }
        },
        _ => Err(
            "usage: cargo xtask run [--demo-static] | build | test | bench | fuzz | schemathesis | install"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn reads_cargo_and_tap_summaries() {
        let mut c = Counts::default();
        c.read("test result: ok. 18 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.05s");
        c.read("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        c.read("# pass 4");
        c.read("# fail 1");
        c.read("running 3 tests");
        assert_eq!((c.passed, c.failed), (25, 3));
    }
}
