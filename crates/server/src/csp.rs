//! The Content-Security-Policy of every response. Scripts come only from this origin, plus the
//! one inline module Trunk writes to start the app, allowed by its SHA-256 hash (never by
//! `'unsafe-inline'`). Styles allow inline because stylist injects `<style>` elements and the
//! theme sets custom properties in `style` attributes; styles cannot run script.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` sources for every inline `<script>` of a page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body = &rest[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &body[close..];
    }
    hashes
}

/// The policy, with the given inline script hashes.
pub fn policy(script_hashes: &[String]) -> String {
    let scripts = script_hashes.join(" ");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
    .replace("  ", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let page = r#"<script src="/a.js"></script><script type="module">alert(1)</script>"#;
        let hashes = inline_script_hashes(page);
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes,
            ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
        );
        let csp = policy(&hashes);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2"));
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
        assert_eq!(
            inline_script_hashes("<script>unclosed"),
            Vec::<String>::new()
        );
    }
}
