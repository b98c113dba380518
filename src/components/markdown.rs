//! Markdown shown safely: pulldown-cmark turns it into HTML, DOMPurify (the browser-side
//! sanitiser maintained by Cure53) removes anything unsafe before it reaches the page.

use yew::prelude::*;

/// The HTML pulldown-cmark makes of `source` (tables and strikethrough on); not yet safe to show.
pub fn to_html(source: &str) -> String {
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let parser = pulldown_cmark::Parser::new_ext(source, options);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[cfg(target_arch = "wasm32")]
mod purify {
    use wasm_bindgen::prelude::*;

    // index.html loads DOMPurify as a classic script (CSP-friendly), before the app starts.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = DOMPurify, js_name = sanitize, catch)]
        pub fn sanitize(dirty: &str) -> Result<String, JsValue>;
    }
}

/// Sanitised HTML for `source`: scripts, event handlers, `javascript:` links and frames are gone.
/// Without the sanitiser loaded, the text is escaped rather than shown unchecked.
#[cfg(target_arch = "wasm32")]
pub fn to_safe_html(source: &str) -> String {
    let html = to_html(source);
    purify::sanitize(&html).unwrap_or_else(|_| {
        source
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    })
}

/// Properties of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    pub source: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

/// Rendered markdown content.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    let html = use_memo(props.source.clone(), |s| to_safe_html(s));
    html! {
        <div class={classes!("prose", props.class.clone())}>
            { Html::from_html_unchecked(AttrValue::from((*html).clone())) }
        </div>
    }
}

/// Native builds (unit tests) have no sanitiser: they show the source as plain text.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Markdown(props: &MarkdownProps) -> Html {
    html! { <div class={classes!("prose", props.class.clone())}>{ props.source.clone() }</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_html("## Title\n\n**bold** and [a link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("href=\"https://example.com\""));
        assert!(html.contains("<td>2</td>"));
    }
}
