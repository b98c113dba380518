//! Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) on a partner's first
//! screens, for `cargo xtask bench`. Installed on first use under `target/lighthouse`.

use std::path::{Path, PathBuf};

use crate::{cmd, root, run};

/// The Lighthouse release the figures were taken with (12.x).
const VERSION: &str = "12.8.2";

/// The CLI, installed under `target/lighthouse` if it is not there yet.
fn ensure() -> Result<PathBuf, String> {
    let prefix = root().join("target/lighthouse");
    let bin = prefix.join("node_modules/.bin/lighthouse");
    let installed = prefix.join("node_modules/lighthouse/package.json");
    let current = std::fs::read_to_string(&installed)
        .is_ok_and(|p| p.contains(&format!("\"version\": \"{VERSION}\"")));
    if !current {
        run(cmd(
            "npm",
            &[
                "install",
                "--prefix",
                &prefix.to_string_lossy(),
                &format!("lighthouse@{VERSION}"),
                "--no-audit",
                "--no-fund",
            ],
        ))?;
    }
    Ok(bin)
}

/// Performance score, LCP (s), CLS, TBT (ms) and bytes transferred (KiB) from a JSON report.
fn figures(report: &Path) -> Result<String, String> {
    let script = "const r=JSON.parse(require('fs').readFileSync(process.argv[1]));\
        const a=k=>r.audits[k].numericValue;\
        console.log([Math.round(r.categories.performance.score*100),\
        (a('largest-contentful-paint')/1000).toFixed(1)+' s',a('cumulative-layout-shift').toFixed(3),\
        Math.round(a('total-blocking-time'))+' ms',(a('total-byte-weight')/1024).toFixed(0)+' KiB'].join(' | '))";
    let out = cmd("node", &["-e", script, &report.to_string_lossy()])
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "unreadable Lighthouse report {}: {}",
            report.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Prints one row per screen: the partner's home and leads list (signed in by `cookie`) and the
/// login page.
pub fn rows(addr: &str, cookie: &str, dir: &Path) -> Result<(), String> {
    let bin = ensure()?;
    let signed_in = format!("{{\"Cookie\":\"{cookie}\"}}");
    println!(
        "\n| Lighthouse 12, mobile | performance | LCP | CLS | TBT | transferred |\n|---|---|---|---|---|---|"
    );
    for (name, path, headers) in [
        ("partner home", "/", Some(signed_in.as_str())),
        ("leads list (partner)", "/leads", Some(signed_in.as_str())),
        ("login page", "/login", None),
    ] {
        let report = dir.join(format!("lighthouse{}.json", path.replace('/', "-")));
        let url = format!("http://{addr}{path}");
        let output = format!("--output-path={}", report.display());
        let mut args = vec![
            url.as_str(),
            "--quiet",
            "--output=json",
            output.as_str(),
            "--only-categories=performance",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run",
        ];
        let extra = headers.map(|h| format!("--extra-headers={h}"));
        args.extend(extra.as_deref());
        // Not echoed like other commands: the line would carry the session cookie into the table.
        let out = cmd(&bin.to_string_lossy(), &args)
            .env("CHROME_PATH", "/usr/bin/chromium")
            .output()
            .map_err(|e| format!("lighthouse: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "lighthouse failed on {path}: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        println!("| {name} | {} |", figures(&report)?);
    }
    Ok(())
}
