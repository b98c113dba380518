//! Markdown shown safely: pulldown-cmark turns it into HTML, ammonia removes anything unsafe.

use yew::prelude::*;

/// Sanitised HTML for `source`: scripts, event handlers, `javascript:` links and unknown tags are gone.
pub fn to_safe_html(source: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let parser = pulldown_cmark::Parser::new_ext(source, options);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&html)
        .to_string()
}

/// Properties of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub source: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

/// Rendered markdown content.
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    let html = use_memo(props.source.clone(), |s| to_safe_html(s));
    html! {
        <div class={classes!("prose", props.class.clone())}>
            { Html::from_html_unchecked(AttrValue::from((*html).clone())) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("## Title\n\n**bold** and [a link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("href=\"https://example.com\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(html.contains("<td>2</td>"));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))\n\n<iframe src=\"https://evil.example\"></iframe>",
        );
        for bad in ["<script", "alert(1)", "onerror", "javascript:", "<iframe"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }
}
