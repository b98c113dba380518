//! Installs, idempotently, every tool the build and tests need; never downloads a prebuilt binary itself.

use std::path::PathBuf;
use std::process::Command;

use crate::{cmd, root, run};

/// The trunk release that builds with rustc 1.95 (0.22 needs newer).
const TRUNK: &str = "0.21.14";
/// cargo-fuzz, run on stable with `--sanitizer none`.
const CARGO_FUZZ: &str = "0.13.2";

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// PATH with the project's npm tools and cargo's bin first.
pub fn path() -> String {
    let mut parts = vec![
        root()
            .join("node_modules/.bin")
            .to_string_lossy()
            .into_owned(),
        cargo_bin().to_string_lossy().into_owned(),
    ];
    parts.extend(std::env::var("PATH").ok());
    parts.join(":")
}

/// The first line a tool prints for `--version`, if it runs.
fn version(program: &str) -> Option<String> {
    let out = cmd(program, &["--version"]).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    })
}

/// The version of a package in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

fn ensure_wasm_target() -> Result<(), String> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// `cargo install` without the tools' own fat-LTO release settings: they halve the build time
/// on a two-core machine and do not matter for build tools.
pub fn cargo_install(args: &[&str]) -> Result<(), String> {
    let mut c = cmd("cargo", &["install"]);
    c.args(args)
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    run(c)
}

fn trunk_missing() -> bool {
    version("trunk").is_none_or(|v| v != format!("trunk {TRUNK}"))
}

fn install_trunk() -> Result<(), String> {
    cargo_install(&["--locked", &format!("trunk@{TRUNK}")])
}

fn wasm_bindgen_missing(wanted: &str) -> bool {
    let ok = |p: &str| version(p).is_some_and(|v| v.ends_with(wanted));
    !(ok("wasm-bindgen") && ok("wasm-bindgen-test-runner"))
}

fn install_wasm_bindgen(wanted: &str) -> Result<(), String> {
    // Without --locked: with it, this version's dependency resolution fails.
    cargo_install(&["--force", &format!("wasm-bindgen-cli@{wanted}")])
}

fn ensure_npm() -> Result<(), String> {
    let stamp = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let fresh = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let up_to_date = match (fresh(&stamp), fresh(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if up_to_date && root().join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
        return Ok(());
    }
    println!("xtask: installing Debian's chromium and chromium-driver for the browser tests");
    run(cmd("apt-get", &["update"]))?;
    let mut c = cmd(
        "apt-get",
        &[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ],
    );
    c.env("DEBIAN_FRONTEND", "noninteractive");
    run(c)
}

/// Installs what is missing: the build tools, and for tests the browser too.
pub fn ensure(for_tests: bool) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_npm()?;
    let wanted = locked_version("wasm-bindgen")?;
    // Both compile for minutes; side by side they share the link and single-threaded phases.
    std::thread::scope(|s| {
        let trunk = s.spawn(|| {
            if trunk_missing() {
                install_trunk()
            } else {
                Ok(())
            }
        });
        let bindgen = if wasm_bindgen_missing(&wanted) {
            install_wasm_bindgen(&wanted)
        } else {
            Ok(())
        };
        trunk
            .join()
            .unwrap_or_else(|_| Err("trunk install panicked".into()))
            .and(bindgen)
    })?;
    if for_tests {
        ensure_chromium()?;
        if version("cargo-fuzz").is_none_or(|v| !v.ends_with(CARGO_FUZZ)) {
            cargo_install(&["--locked", &format!("cargo-fuzz@{CARGO_FUZZ}")])?;
        }
    }
    let opt = version("wasm-opt").unwrap_or_default();
    if !opt.contains("version_132") {
        return Err(format!(
            "wasm-opt from npm's binaryen@132 is not on PATH (found '{opt}')"
        ));
    }
    Ok(())
}
