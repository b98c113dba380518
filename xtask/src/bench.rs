//! `cargo xtask bench`: bundle sizes, and server throughput measured with oha on loopback.

use std::path::Path;
use std::process::Stdio;

use crate::server::{self, http};
use crate::{build_spa, cmd, root, tools};

const OHA: &str = "1.16.0";

/// Raw, gzip and brotli sizes of a file, computed by node's zlib (always installed alongside npm).
fn sizes(file: &Path) -> Result<(u64, u64, u64), String> {
    let script = "const z=require('zlib'),f=require('fs').readFileSync(process.argv[1]);\
        console.log(f.length,z.gzipSync(f,{level:9}).length,\
        z.brotliCompressSync(f,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)";
    let out = cmd("node", &["-e", script, &file.to_string_lossy()])
        .output()
        .map_err(|e| format!("node: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let n: Vec<u64> = text
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match n.as_slice() {
        [a, b, c] => Ok((*a, *b, *c)),
        _ => Err(format!("could not measure {}", file.display())),
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn session_cookie(addr: &str) -> Result<String, String> {
    let body = r#"{"email":"partner@acme.test","password":"trellis-demo"}"#;
    let response = http(
        addr,
        &format!(
            "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )?;
    response
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .and_then(|c| c.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| "login failed".to_string())
}

/// Requests/second and p99 latency (ms) from oha's JSON output, with `connections` at once.
fn load(url: &str, cookie: Option<&str>, connections: &str) -> Result<(f64, f64, u64), String> {
    let mut args = vec![
        "-z",
        "10s",
        "-c",
        connections,
        "--no-tui",
        "--output-format",
        "json",
        url,
    ];
    let header;
    if let Some(c) = cookie {
        header = format!("Cookie: {c}");
        args.extend(["-H", header.as_str()]);
    }
    let out = cmd("oha", &args)
        .output()
        .map_err(|e| format!("oha: {e}"))?;
    let json = String::from_utf8_lossy(&out.stdout);
    // Keys repeat across sections (rps percentiles also have a p99): look after a section's name.
    let number_after = |section: &str, key: &str| -> Option<f64> {
        let start = json.find(&format!("\"{section}\""))?;
        let at = start + json[start..].find(&format!("\"{key}\""))?;
        let rest = json[at..].split_once(':')?.1.trim_start();
        rest.split([',', '}']).next()?.trim().parse().ok()
    };
    let rps = number_after("summary", "requestsPerSec").ok_or("oha printed no requestsPerSec")?;
    let p99 =
        number_after("latencyPercentiles", "p99").ok_or("oha printed no latency p99")? * 1000.0;
    let ok = number_after("statusCodeDistribution", "200").unwrap_or(0.0) as u64;
    Ok((rps, p99, ok))
}

/// The `{"key": number, …}` object after `"name"` in oha's JSON, as pairs.
fn distribution(json: &str, name: &str) -> Vec<(String, f64)> {
    let Some(start) = json.find(&format!("\"{name}\"")) else {
        return Vec::new();
    };
    let rest = &json[start..];
    let (Some(open), Some(close)) = (rest.find('{'), rest.find('}')) else {
        return Vec::new();
    };
    rest[open + 1..close]
        .split(',')
        .filter_map(|pair| {
            let (k, v) = pair.split_once(':')?;
            Some((
                k.trim().trim_matches('"').to_string(),
                v.trim().parse().ok()?,
            ))
        })
        .collect()
}

/// One side of the mixed load: requests sent, those not answered 2xx, and p99 in ms.
fn load_side(json: &str) -> (u64, u64, f64) {
    let codes = distribution(json, "statusCodeDistribution");
    // Requests still in flight when the duration ends are oha's cut-off, not failures.
    let failed: f64 = distribution(json, "errorDistribution")
        .iter()
        .filter(|(e, _)| e != "aborted due to deadline")
        .map(|(_, n)| n)
        .sum();
    let sent: f64 = codes.iter().map(|(_, n)| n).sum::<f64>() + failed;
    let ok: f64 = codes
        .iter()
        .filter(|(c, _)| c.starts_with('2'))
        .map(|(_, n)| n)
        .sum();
    let p99 = json
        .find("\"latencyPercentiles\"")
        .and_then(|at| json[at..].find("\"p99\"").map(|p| at + p))
        .and_then(|at| json[at..].split_once(':'))
        .and_then(|(_, rest)| {
            rest.trim_start()
                .split([',', '}'])
                .next()?
                .trim()
                .parse::<f64>()
                .ok()
        })
        .unwrap_or(f64::NAN)
        * 1000.0;
    (sent as u64, (sent - ok) as u64, p99)
}

/// Reads and writes together for `seconds` at fixed rates (loopback only): 80 % lead lists,
/// 20 % new contacts, as partners use the workspace. Prints one row with errors and p99s.
fn mixed_load(addr: &str, cookie: &str, seconds: u32) -> Result<(), String> {
    let duration = format!("{seconds}s");
    let header = format!("Cookie: {cookie}");
    let read_url = format!("http://{addr}/api/leads?limit=50");
    let write_url = format!("http://{addr}/api/contacts");
    let body =
        r#"{"first_name":"Load","last_name":"Test","email":"load@example.test","company":"Bench"}"#;
    let common = [
        "-z",
        duration.as_str(),
        "-c",
        "16",
        "--no-tui",
        "--output-format",
        "json",
        "-H",
        header.as_str(),
    ];
    let mut reads: Vec<&str> = common.to_vec();
    reads.extend(["-q", "800", read_url.as_str()]);
    let mut writes: Vec<&str> = common.to_vec();
    writes.extend([
        "-q",
        "200",
        "-m",
        "POST",
        "-H",
        "Content-Type: application/json",
        "-d",
        body,
        write_url.as_str(),
    ]);
    let spawn = |args: &[&str]| {
        cmd("oha", args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("oha: {e}"))
    };
    let (r, w) = (spawn(&reads)?, spawn(&writes)?);
    let output = |c: std::process::Child| -> Result<String, String> {
        let out = c.wait_with_output().map_err(|e| format!("oha: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (r, w) = (load_side(&output(r)?), load_side(&output(w)?));
    let rate = (r.0 + w.0) as f64 / f64::from(seconds);
    println!("\n| mixed load ({seconds} s, loopback) | requests/s | errors | p99 reads | p99 writes |\n|---|---|---|---|---|");
    println!(
        "| 800/s lead lists + 200/s new contacts | {rate:.0} | {} of {} | {:.1} ms | {:.1} ms |",
        r.1 + w.1,
        r.0 + w.0,
        r.2,
        w.2
    );
    if r.1 + w.1 > 0 {
        return Err(format!("the mixed load had {} errors", r.1 + w.1));
    }
    Ok(())
}

/// The files a built page loads before the app starts: its stylesheets, scripts and wasm.
fn first_load(html: &str) -> Vec<String> {
    let mut files = Vec::new();
    for quote in ['"', '\''] {
        for part in html.split(quote).skip(1).step_by(2) {
            let Some(file) = part.strip_prefix('/') else {
                continue;
            };
            let asset = [".wasm", ".js", ".css"].iter().any(|x| file.ends_with(x));
            if asset && !file.contains(['/', ' ']) && !files.iter().any(|f| f == file) {
                files.push(file.to_string());
            }
        }
    }
    files
}

/// Prints the size and throughput table.
pub fn run() -> Result<(), String> {
    tools::ensure(false)?;
    if !tools::path()
        .split(':')
        .any(|p| Path::new(p).join("oha").exists())
    {
        crate::run(cmd(
            "cargo",
            &["install", "--locked", &format!("oha@{OHA}")],
        ))?;
    }
    build_spa()?;
    crate::run(cmd(
        "cargo",
        &["build", "--release", "-p", "trellis-server"],
    ))?;

    println!("\n| bundle | file | raw | gzip | brotli |\n|---|---|---|---|---|");
    let dist = root().join("dist");
    for (bundle, page) in [("partner", "index.html"), ("full", "full.html")] {
        let html = std::fs::read_to_string(dist.join(page)).map_err(|e| format!("{page}: {e}"))?;
        let mut total = sizes(&dist.join(page))?;
        for file in std::iter::once(page.to_string()).chain(first_load(&html)) {
            let each = sizes(&dist.join(&file))?;
            if file != page {
                total = (total.0 + each.0, total.1 + each.1, total.2 + each.2);
            }
            println!(
                "| {bundle} | {file} | {} | {} | {} |",
                kb(each.0),
                kb(each.1),
                kb(each.2)
            );
        }
        let (raw, gz, br) = total;
        println!(
            "| **{bundle}: first load** | page, wasm, JS, CSS | {} | {} | **{}** |",
            kb(raw),
            kb(gz),
            kb(br)
        );
    }

    let dir = std::env::temp_dir().join(format!("trellis-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let server = server::start(&dir.join("bench.db"), Stdio::inherit())?;
    let addr = server.addr.clone();
    let cookie = session_cookie(&addr)?;
    println!("\n| endpoint (10 s each) | connections | requests/s | p99 | 200 responses |\n|---|---|---|---|---|");
    for (name, path, auth, connections) in [
        ("GET /api/health", "/api/health", None, "16"),
        (
            "GET /api/leads?limit=50 (partner)",
            "/api/leads?limit=50",
            Some(cookie.as_str()),
            "16",
        ),
        (
            "GET /api/leads?limit=50&status=accepted (partner, filtered)",
            "/api/leads?limit=50&status=accepted",
            Some(cookie.as_str()),
            "64",
        ),
    ] {
        let (rps, p99, ok) = load(&format!("http://{addr}{path}"), auth, connections)?;
        println!("| {name} | {connections} | {rps:.0} | {p99:.1} ms | {ok} |");
    }
    let seconds = std::env::var("TRELLIS_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    // Before the mixed load adds its contacts: the partner's screens as the seed has them.
    crate::lighthouse::rows(&addr, &cookie, &dir)?;
    mixed_load(&addr, &cookie, seconds)?;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    browser_benches()
}

/// The in-browser benchmarks (`tests/bench.rs`), release build, headless Chromium; prints their figures.
fn browser_benches() -> Result<(), String> {
    let mut t = crate::browser_test(
        &["--release", "--test", "bench", "--", "--nocapture"],
        "300",
    );
    let out = t.output().map_err(|e| format!("browser benches: {e}"))?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("browser benches failed:\n{text}"));
    }
    println!("\n| browser benchmark (median of runs) |\n|---|");
    for line in text.lines().filter_map(|l| l.trim().strip_prefix("BENCH ")) {
        println!("| {line} |");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::first_load;
    #[test]
    fn a_pages_first_load_is_its_stylesheets_scripts_and_wasm() {
        let html = r#"<link rel="stylesheet" href="/main-1.css"/><link rel="icon" href="/public/favicon.svg" />
<script src="/purify.min-2.js"></script><script type="module">
import init, * as bindings from '/trellis-3.js';
const wasm = await init({ module_or_path: '/trellis-3_bg.wasm' });</script>
<link rel="modulepreload" href="/trellis-3.js">"#;
        assert_eq!(
            first_load(html),
            [
                "main-1.css",
                "purify.min-2.js",
                "trellis-3.js",
                "trellis-3_bg.wasm"
            ]
        );
    }

    #[test]
    fn oha_json_becomes_sent_failed_and_p99() {
        let json = r#"{"latencyPercentiles": {"p50": 0.002, "p99": 0.0125},
            "statusCodeDistribution": {"201": 150, "500": 2},
            "errorDistribution": {"aborted due to deadline": 2, "connection refused": 1}}"#;
        let (sent, failed, p99) = super::load_side(json);
        assert_eq!((sent, failed), (153, 3));
        assert!((p99 - 12.5).abs() < 1e-9);
    }
}
