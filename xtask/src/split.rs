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

/// The screens whose shared code comes in a chunk of its own, the partners' most used first: the
/// leads list loads only the code it shares with other screens, not all of it.
pub const SHARED_ORDER: &str = "leads,deals,opportunities,contacts,support";

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
        let wasm = std::fs::read(&path).map_err(|e| io(&path, e))?;
        let wasm =
            without_custom_sections(&wasm).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&target, wasm).map_err(|e| io(&target, e))?;
    }
    let target = dist.join(&loader_name);
    std::fs::write(&target, loader).map_err(|e| io(&target, e))?;
    let listed = from.join("screens.txt");
    let listed = std::fs::read_to_string(&listed).map_err(|e| io(&listed, e))?;
    let target = dist.join(SCREENS);
    std::fs::write(&target, screens_json(&listed, hash)).map_err(|e| io(&target, e))
}

/// The bundle's list of each on-demand screen's files, read by the server to preload a screen
/// with its page (`trellis_api::bundles::PARTNER_SCREENS`; the full bundle's is renamed).
pub const SCREENS: &str = "index.screens.json";

/// `split-link`'s `screens.txt` (`name file…` lines) as JSON with the files' served paths.
fn screens_json(listed: &str, hash: &str) -> String {
    let screens: Vec<String> = listed
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let files: Vec<String> = words.map(|f| format!("\"/{f}-{hash}.wasm\"")).collect();
            Some(format!("\"{name}\":[{}]", files.join(",")))
        })
        .collect();
    format!("{{{}}}\n", screens.join(","))
}

/// The module without its custom sections: the splitter copies the function names into every
/// chunk (about 40 % of a chunk's brotli size), and browsers read none of them.
fn without_custom_sections(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let header = wasm
        .get(..8)
        .filter(|h| h.starts_with(b"\0asm"))
        .ok_or("not a wasm module")?;
    let mut out = header.to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, len) = leb128(&wasm[at + 1..]).ok_or("a section size is cut off")?;
        let end = (at + 1 + len)
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .ok_or("a section runs past the end")?;
        if id != 0 {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    Ok(out)
}

/// An unsigned LEB128 number (at most 32 bits) and how many bytes it took.
fn leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    for (i, &b) in bytes.iter().take(5).enumerate() {
        value |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{screens_json, split_hash, without_custom_sections};

    #[test]
    fn screens_list_their_hashed_files() {
        let listed = "case chunk_1 split_case\nleads chunk_1 split_leads\n\n";
        assert_eq!(
            screens_json(listed, "ab12"),
            "{\"case\":[\"/chunk_1-ab12.wasm\",\"/split_case-ab12.wasm\"],\
             \"leads\":[\"/chunk_1-ab12.wasm\",\"/split_leads-ab12.wasm\"]}\n"
        );
    }

    #[test]
    fn chunks_lose_their_custom_sections_and_keep_the_rest() {
        let header = b"\0asm\x01\0\0\0";
        // A type section (one `() -> ()`), a "name" custom section with a two-byte size, a memory section.
        let types = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00];
        let mut names = vec![0x00, 0x86, 0x01, 0x04];
        names.extend_from_slice(b"name");
        names.resize(3 + 0x86, 0xaa);
        let memory = [0x05, 0x03, 0x01, 0x00, 0x01];
        let module = [&header[..], &types, &names, &memory].concat();
        let kept = [&header[..], &types, &memory].concat();
        assert_eq!(without_custom_sections(&module), Ok(kept));
        assert!(without_custom_sections(&module[..module.len() - 2]).is_err());
        assert!(without_custom_sections(b"not wasm").is_err());
    }

    #[test]
    fn the_loader_hash_is_read_from_the_main_js_import() {
        let js = "import * as __wbg_star0 from './split-259934a95764c128.js';";
        assert_eq!(split_hash(js), Some("259934a95764c128"));
        assert_eq!(split_hash("import './split-xyz.js'"), None);
        assert_eq!(split_hash("no import"), None);
    }
}
