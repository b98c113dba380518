//! Which characters show something: required text must have one.

/// Characters that show nothing, as inclusive ranges: white space, controls, soft hyphen,
/// zero-width and direction marks, invisible operators and the byte-order mark.
pub const INVISIBLE: &[(char, char)] = &[
    ('\u{0}', '\u{20}'),
    ('\u{7f}', '\u{a0}'),
    ('\u{ad}', '\u{ad}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{180e}', '\u{180e}'),
    ('\u{2000}', '\u{200f}'),
    ('\u{2028}', '\u{202f}'),
    ('\u{205f}', '\u{206f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];

/// Whether `c` shows something on screen (see [`INVISIBLE`]).
pub fn is_visible(c: char) -> bool {
    !INVISIBLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether `s` has at least one visible character.
pub fn has_visible(s: &str) -> bool {
    s.chars().any(is_visible)
}

/// The JSON Schema pattern of text with at least one visible character: the same set as [`is_visible`].
pub fn visible_pattern() -> String {
    let ranges: String = INVISIBLE
        .iter()
        .map(|&(lo, hi)| format!("\\u{:04x}-\\u{:04x}", lo as u32, hi as u32))
        .collect();
    format!("[^{ranges}]")
}
