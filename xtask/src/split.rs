//! Puts the wasm chunks that `split-link` cut from a bundle beside Trunk's output.
//!
//! The main module's JS imports `./split-<hash>.js`; that loader and its chunks wait in
//! `target/wasm-split/<hash>/`. They are copied into the bundle's folder with the hash in every
//! name (so the server caches them forever), and the loader learns the main JS's name.

use std::path::{Path, PathBuf};

use crate::root;

/// Where `split-link` leaves each split's loader and chunks.
pub fn chunks_dir() -> PathBuf {
    root().join("target/wasm-split")
}

/// Copies the split of the bundle built into `dist` next to it; a bundle built unsplit is left alone.
pub fn finish(dist: &Path) -> Result<(), String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    for entry in std::fs::read_dir(dist).map_err(|e| io(dist, e))? {
        let path = entry.map_err(|e| io(dist, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("trellis-") && name.ends_with(".js")) {
            continue;
        }
        let js = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        if let Some(hash) = split_hash(&js) {
            copy_split(&chunks_dir().join(hash), hash, name, dist)?;
        }
    }
    Ok(())
}

/// The hash in the main JS's `./split-<16 hex>.js` import, if it has one.
fn split_hash(js: &str) -> Option<&str> {
    js.match_indices("./split-").find_map(|(i, _)| {
        let hash = js.get(i + 8..i + 24)?;
        let ext = js.get(i + 24..i + 27)?;
        (ext == ".js" && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
    })
}

fn copy_split(from: &Path, hash: &str, main_js: &str, dist: &Path) -> Result<(), String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let loader_name = format!("split-{hash}.js");
    let loader_path = from.join(&loader_name);
    let mut loader = std::fs::read_to_string(&loader_path).map_err(|e| {
        format!(
            "{}: {e} (the split of this build is missing: remove target/wasm32-unknown-unknown/wasm-release and build again)",
            loader_path.display()
        )
    })?;
    loader = loader
        .replace("./__trellis_main__.js", &format!("./{main_js}"))
        // split-link renamed the main module's table export so wasm-bindgen keeps it.
        .replacen(
            "const { __indirect_function_table,",
            "const { __trellis_function_table_: __indirect_function_table,",
            1,
        );
    for entry in std::fs::read_dir(from).map_err(|e| io(from, e))? {
        let path = entry.map_err(|e| io(from, e))?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".wasm"))
        else {
            continue;
        };
        let hashed = format!("{stem}-{hash}.wasm");
        loader = loader.replace(&format!("\"./{stem}.wasm\""), &format!("\"./{hashed}\""));
        let target = dist.join(&hashed);
        std::fs::copy(&path, &target).map_err(|e| io(&target, e))?;
    }
    let target = dist.join(&loader_name);
    std::fs::write(&target, loader).map_err(|e| io(&target, e))
}

#[cfg(test)]
mod tests {
    use super::split_hash;

    #[test]
    fn the_loader_hash_is_read_from_the_main_js_import() {
        let js = "import * as __wbg_star0 from './split-259934a95764c128.js';";
        assert_eq!(split_hash(js), Some("259934a95764c128"));
        assert_eq!(split_hash("import './split-xyz.js'"), None);
        assert_eq!(split_hash("no import"), None);
    }
}
