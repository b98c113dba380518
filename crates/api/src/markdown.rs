//! Markdown as partners see it: rendered by the backend (or the builder's preview) into HTML
//! that is safe by construction, so the partner bundle carries neither a parser nor a sanitiser.
//!
//! Safe by construction: raw HTML in the source is shown as text (escaped), and links and images
//! keep only `http`, `https`, `mailto` and `tel` addresses or relative ones; pulldown-cmark
//! escapes every text and attribute it writes.

use std::collections::BTreeMap;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::widgets::prop_text;
use crate::{ComponentKind, PublishedSite, Site};

/// Schemes a link may use; an address with any other scheme loses its link (its text stays).
const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];
/// Schemes an image may load from.
const IMAGE_SCHEMES: [&str; 2] = ["http", "https"];

/// Safe HTML for `source` (tables and strikethrough on, raw HTML escaped, unsafe links dropped).
pub fn to_safe_html(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    // Links cannot nest in CommonMark, nor images in images' alt text that matter here, so one
    // flag per kind says whether the matching end tag is to be dropped with its start.
    let (mut skip_link, mut skip_image) = (false, false);
    let events = Parser::new_ext(source, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { ref dest_url, .. }) if !allowed(dest_url, &LINK_SCHEMES) => {
            skip_link = true;
            None
        }
        Event::End(TagEnd::Link) if skip_link => {
            skip_link = false;
            None
        }
        Event::Start(Tag::Image { ref dest_url, .. }) if !allowed(dest_url, &IMAGE_SCHEMES) => {
            skip_image = true;
            None
        }
        Event::End(TagEnd::Image) if skip_image => {
            skip_image = false;
            None
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Every rich text of `site` rendered, keyed by its markdown (as a widget reads it, defaults
/// included).
pub fn rendered_rich_texts(site: &Site) -> BTreeMap<String, String> {
    site.pages
        .iter()
        .flat_map(|p| &p.root)
        .flat_map(|n| n.components())
        .filter(|(kind, _)| *kind == ComponentKind::RichText)
        .map(|(kind, props)| prop_text(kind, props, "text"))
        .map(|source| {
            let html = to_safe_html(&source);
            (source, html)
        })
        .collect()
}

impl PublishedSite {
    /// The site with `markdown` filled in, as every backend answers it.
    pub fn with_rendered_markdown(mut self) -> Self {
        self.markdown = rendered_rich_texts(&self.site);
        self
    }
}

/// Whether `address` is relative or uses one of `schemes`. Browsers ignore ASCII whitespace and
/// control characters inside a scheme ("java\tscript:"), so those are dropped before comparing.
fn allowed(address: &CowStr<'_>, schemes: &[&str]) -> bool {
    let end = address.find([':', '/', '?', '#']);
    match end {
        Some(i) if address[i..].starts_with(':') => {
            let scheme: String = address[..i]
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            schemes.contains(&scheme.as_str())
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html(
            "## Title\n\n**bold** ~~old~~ and [a link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        );
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("<del>old</del>"));
        assert!(html.contains("<a href=\"https://example.com\">a link</a>"));
        assert!(html.contains("<td>2</td>"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> <b>there</b>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn unsafe_links_keep_their_text_only() {
        for address in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java%09script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
        ] {
            let html = to_safe_html(&format!("[click]({address}) and <{address}>"));
            assert!(!html.contains("<a"), "{address}: {html}");
            assert!(html.contains("click"), "{address}: {html}");
        }
        let tab = to_safe_html("[click](<java\tscript:alert(1)>)");
        assert!(!tab.contains("<a"), "{tab}");
    }

    #[test]
    fn safe_addresses_stay_links() {
        for address in [
            "https://acme.test/a?b=c#d",
            "http://acme.test",
            "mailto:sales@acme.test",
            "tel:+3212345",
            "/training/t1",
            "#section",
            "guide.pdf",
            "../up?x=a:b",
        ] {
            let html = to_safe_html(&format!("[go]({address})"));
            assert!(html.contains("<a href="), "{address}: {html}");
        }
    }

    #[test]
    fn images_load_only_over_http() {
        let ok = to_safe_html("![logo](https://acme.test/logo.png)");
        assert!(
            ok.contains("<img src=\"https://acme.test/logo.png\" alt=\"logo\""),
            "{ok}"
        );
        let bad = to_safe_html("![logo](javascript:alert(1)) ![x](data:image/svg+xml,<svg/>)");
        assert!(!bad.contains("<img"), "{bad}");
        assert!(bad.contains("logo"), "{bad}");
    }

    #[test]
    fn a_published_site_carries_every_rich_text_rendered() {
        let site: Site = serde_json::from_value(serde_json::json!({
            "name": "Acme", "tabs": [], "theme_id": "trellis",
            "pages": [{"id": "home", "title": "Home", "root": [
                {"type": "section", "id": "s", "children": [
                    {"type": "row", "id": "r", "columns": [{"id": "c", "children": [
                        {"type": "component", "id": "t1", "component": "rich_text",
                         "props": {"text": "**Deep** <b>x</b>"}}]}]},
                    {"type": "component", "id": "h", "component": "heading",
                     "props": {"text": "Not markdown"}}]},
                {"type": "component", "id": "t2", "component": "rich_text"}]}]
        }))
        .unwrap();
        let published = PublishedSite {
            version: 1,
            site,
            published_at: String::new(),
            published_by: String::new(),
            note: String::new(),
            markdown: BTreeMap::new(),
        }
        .with_rendered_markdown();
        let default = "Write something for your partners.";
        assert_eq!(
            published.markdown.keys().collect::<Vec<_>>(),
            ["**Deep** <b>x</b>", default]
        );
        assert_eq!(
            published.markdown["**Deep** <b>x</b>"],
            "<p><strong>Deep</strong> &lt;b&gt;x&lt;/b&gt;</p>\n"
        );
        assert_eq!(published.markdown[default], format!("<p>{default}</p>\n"));
    }
}
