//! `cargo xtask run --demo-static`: the built SPA's full bundle as a static site that runs the in-browser demo
//! with no server. The page carries `<meta name="trellis-backend" content="demo">`; each fixed
//! route gets its own copy of the page so plain static hosts can reload deep links.

use std::fs;
use std::path::Path;

/// The marker the app reads to run as the static demo.
const MARKER: &str = r#"<meta name="trellis-backend" content="demo" />"#;

/// Every route of `src/routes.rs` without parameters, without its leading slash (`builder/theme`).
pub fn fixed_routes(routes_rs: &str) -> Vec<String> {
    routes_rs
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[at(\"")?.strip_suffix("\")]"))
        .filter(|p| !p.contains(':') && *p != "/" && *p != "/404")
        .map(|p| p.trim_start_matches('/').to_string())
        .collect()
}

/// The page with the demo marker in its head.
pub fn mark(index_html: &str) -> Result<String, String> {
    let head = index_html
        .find("<head>")
        .ok_or("dist/full.html has no <head>")?
        + "<head>".len();
    Ok(format!(
        "{}\n    {MARKER}{}",
        &index_html[..head],
        &index_html[head..]
    ))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        let twin = entry
            .path()
            .extension()
            .is_some_and(|x| x == "br" || x == "gz");
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if twin {
            // The server's precompressed twins: a host serving index.html.br would give the
            // server's page, not the demo's.
            continue;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// Writes the static demo bundle from `dist` into `out` (replacing it).
pub fn build(root: &Path, dist: &Path, out: &Path) -> Result<(), String> {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    copy_dir(dist, out)?;
    // The demo runs the full bundle: its page is every route's page here.
    let index = fs::read_to_string(dist.join("full.html")).map_err(|e| e.to_string())?;
    let page = mark(&index)?;
    let routes = fs::read_to_string(root.join("src/routes.rs")).map_err(|e| e.to_string())?;
    fs::write(out.join("index.html"), &page).map_err(|e| e.to_string())?;
    // Hosts that serve 404.html for unknown paths (GitHub Pages, Netlify) then open the app too.
    fs::write(out.join("404.html"), &page).map_err(|e| e.to_string())?;
    for route in fixed_routes(&routes) {
        let dir = out.join(&route);
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        fs::write(dir.join("index.html"), &page).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_routes_come_from_the_route_enum() {
        let routes = "    #[at(\"/\")]\n    Home,\n    #[at(\"/builder/theme\")]\n    ThemeStudio,\n    #[at(\"/pages/:id\")]\n    Page { id: String },\n";
        assert_eq!(fixed_routes(routes), ["builder/theme"]);
        let real = fixed_routes(include_str!("../../src/routes.rs"));
        assert!(real.contains(&"builder".to_string()) && real.contains(&"leads".to_string()));
        assert!(!real.iter().any(|r| r.contains(':')));
    }

    #[test]
    fn the_marker_goes_in_the_head() {
        let page = mark("<html><head><title>T</title></head></html>").unwrap();
        assert!(page.starts_with(
            "<html><head>\n    <meta name=\"trellis-backend\" content=\"demo\" /><title>"
        ));
        assert!(mark("<html></html>").is_err());
    }
}
