//! The wasm linker of the SPA's release builds (`cargo xtask` points Cargo at it).
//!
//! It links with the toolchain's rust-lld. When the link keeps relocations (`--emit-relocs`,
//! asked for only by the split builds), it then splits the module at its `wasm_split` points:
//! the main module replaces the linked file (Trunk runs wasm-bindgen on it), and the chunks
//! and their loader go to `$TRELLIS_SPLIT_DIR/<hash>/`, where `cargo xtask` picks them up
//! once Trunk is done (ARCHITECTURE.md, "Bundles").

use std::ffi::OsString;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// What the loader imports the main module by until `cargo xtask` names Trunk's file.
const MAIN_PLACEHOLDER: &str = "./__trellis_main__.js";
/// Where each split point's files are listed (read by `xtask/src/split.rs`).
const SCREENS_FILE: &str = "screens.txt";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match link(&args).and_then(|()| split(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("split-link: {e}");
            ExitCode::FAILURE
        }
    }
}

fn link(args: &[OsString]) -> Result<(), String> {
    let mut lld = Command::new(rust_lld()?);
    if args.first().is_none_or(|a| a != "-flavor") {
        lld.args(["-flavor", "wasm"]);
    }
    let status = lld
        .args(args)
        .status()
        .map_err(|e| format!("rust-lld: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("rust-lld failed ({status})"))
    }
}

/// The toolchain's own rust-lld (the linker rustc uses for wasm when none is set).
fn rust_lld() -> Result<PathBuf, String> {
    let out = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc --print sysroot: {e}"))?;
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let bin = Path::new(&sysroot).join("lib/rustlib");
    let host = std::fs::read_dir(&bin)
        .map_err(|e| format!("{}: {e}", bin.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("bin/rust-lld"))
        .find(|lld| lld.exists());
    host.ok_or_else(|| format!("no rust-lld under {}", bin.display()))
}

fn split(args: &[OsString]) -> Result<(), String> {
    if !args.iter().any(|a| a == "--emit-relocs") {
        return Ok(());
    }
    let out = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .ok_or("no -o in the link command")?;
    let input = std::fs::read(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    // The chunks' names carry this hash and are cached for good: it must change whenever their
    // content can, so it covers the splitter (this very program) and its settings too.
    let splitter = std::env::current_exe()
        .and_then(std::fs::read)
        .map_err(|e| format!("split-link's own file: {e}"))?;
    let order = std::env::var("TRELLIS_SPLIT_SHARED_ORDER").unwrap_or_default();
    let hash = content_hash(&[&input, &splitter, order.as_bytes()]);
    let base = std::env::var_os("TRELLIS_SPLIT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| out.with_extension("split"));
    let dir = base.join(&hash);
    // A relink of the same module (after the splitter changed) must not keep older chunks.
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("{}: {e}", dir.display()))
        }
        _ => {}
    }
    let link_name = format!("./split-{hash}.js");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = &dir;
    opts.main_out_path = &out;
    opts.link_name = &link_name;
    opts.main_module = MAIN_PLACEHOLDER;
    opts.target.web();
    // The splits whose shared code is a chunk of its own, most used first (`cargo xtask` sets it).
    let order: Vec<String> = order
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    opts.shared_chunk_order = &order;
    let split =
        wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm-split: {e:#}"))?;
    rename_table_export(&out)?;
    write_screens(&dir, &split.prefetch_map)?;
    eprintln!(
        "split-link: {} split into {} chunks in {}",
        out.display(),
        split.split_modules.len(),
        dir.display()
    );
    Ok(())
}

/// The main module's table under a name wasm-bindgen keeps: it drops the exports lld makes,
/// `__indirect_function_table` among them, and the chunks need the table. Same length, so the
/// export section's size is unchanged; `cargo xtask` points the loader at the new name.
fn rename_table_export(main: &Path) -> Result<(), String> {
    const FROM: &[u8] = b"\x19__indirect_function_table\x01";
    const TO: &[u8] = b"\x19__trellis_function_table_\x01";
    let mut wasm = std::fs::read(main).map_err(|e| format!("{}: {e}", main.display()))?;
    let at = wasm
        .windows(FROM.len())
        .position(|w| w == FROM)
        .ok_or("the split main module exports no function table")?;
    wasm[at..at + TO.len()].copy_from_slice(TO);
    std::fs::write(main, wasm).map_err(|e| format!("{}: {e}", main.display()))
}

/// `screens.txt` in the split's folder: a line per split point, its name then the files (without
/// `.wasm`) its loader fetches, for `cargo xtask` to list beside the page for preloading.
fn write_screens(
    dir: &Path,
    prefetch: &std::collections::HashMap<String, Vec<String>>,
) -> Result<(), String> {
    let mut lines: Vec<String> = prefetch
        .iter()
        .map(|(split, files)| format!("{split} {}\n", files.join(" ")))
        .collect();
    lines.sort();
    let path = dir.join(SCREENS_FILE);
    std::fs::write(&path, lines.concat()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Sixteen hex digits that change whenever any of the parts does (names the chunks for caching).
fn content_hash(parts: &[&[u8]]) -> String {
    let mut h = DefaultHasher::new();
    for part in parts {
        h.write(part);
    }
    format!("{:016x}", h.finish())
}
