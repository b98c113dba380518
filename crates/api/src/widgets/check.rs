//! Checking component settings against their specs (UI, demo backend and server alike).

use serde_json::{Map, Value};

use super::{prop_text, spec, PropKind, PropSpec};
use crate::validate::MAX_NOTES;
use crate::{ComponentKind, FieldError};

/// Whether `href` is a link the renderer will follow: an in-app path or an http(s) address.
pub fn is_safe_link(href: &str) -> bool {
    (href.starts_with('/') && !href.starts_with("//"))
        || href.starts_with("https://")
        || href.starts_with("http://")
}

/// Whether `src` is empty or an image address the renderer will load: https or a path here.
pub fn is_image_address(src: &str) -> bool {
    src.is_empty()
        || src.starts_with("https://")
        || (src.starts_with('/') && !src.starts_with("//"))
}

/// Why one value does not fit its spec, if it does not.
pub fn check_value(spec: &PropSpec, value: &Value) -> Option<String> {
    match (spec.kind, value) {
        (PropKind::Text { max, required }, Value::String(s)) => {
            if required && s.trim().is_empty() {
                Some("is required".into())
            } else if s.chars().count() > max {
                Some(format!("must be at most {max} characters"))
            } else {
                None
            }
        }
        (PropKind::Markdown, Value::String(s)) => (s.chars().count() > MAX_NOTES)
            .then(|| format!("must be at most {MAX_NOTES} characters")),
        (PropKind::Link, Value::String(s)) => (!is_safe_link(s))
            .then(|| "must be a path in the community (/deals/new) or an http(s) address".into()),
        (PropKind::ImageUrl, Value::String(s)) => {
            (!is_image_address(s)).then(|| "must be an https address or a path on this site".into())
        }
        (PropKind::Int { min, max }, v) => match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => None,
            _ => Some(format!("must be a whole number from {min} to {max}")),
        },
        (PropKind::Choice(options), Value::String(s)) if options.iter().any(|(v, _)| v == s) => {
            None
        }
        (PropKind::Choice(options), _) => Some(format!(
            "must be one of {}",
            options
                .iter()
                .map(|(v, _)| *v)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (_, _) => Some("must be text".into()),
    }
}

/// Every invalid setting of a component, with paths under `at` (`…props.level`).
pub fn check_props(kind: ComponentKind, props: &Map<String, Value>, at: &str) -> Vec<FieldError> {
    let info = kind.info();
    let mut errors = Vec::new();
    for (key, value) in props {
        let field = format!("{at}.{key}");
        match spec(kind, key) {
            None => errors.push(FieldError::new(
                field,
                format!("is not a setting of {}", info.label),
            )),
            Some(spec) => {
                if let Some(message) = check_value(spec, value) {
                    errors.push(FieldError::new(field, message));
                }
            }
        }
    }
    // An image must say what it shows, for screen-reader users.
    if kind == ComponentKind::Image
        && !prop_text(kind, props, "src").is_empty()
        && prop_text(kind, props, "alt").trim().is_empty()
    {
        errors.push(FieldError::new(
            format!("{at}.alt"),
            "is required when an image is set: describe what it shows",
        ));
    }
    errors
}
