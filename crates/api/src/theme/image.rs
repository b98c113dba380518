//! The logo and favicon of a theme: small images kept inside the theme as base64, checked by
//! their bytes (the declared type and the file name are not trusted).

use serde::{Deserialize, Serialize};

use crate::upload::{decode, encode};

/// The largest logo, in bytes (200 KB).
pub const MAX_LOGO_BYTES: usize = 200 * 1024;
/// The largest favicon, in bytes (64 KB).
pub const MAX_FAVICON_BYTES: usize = 64 * 1024;

/// Which image of a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageSlot {
    Logo,
    Favicon,
}

impl ImageSlot {
    /// The token's field name (`logo`, `favicon`).
    pub fn field(self) -> &'static str {
        match self {
            ImageSlot::Logo => "logo",
            ImageSlot::Favicon => "favicon",
        }
    }

    /// Largest accepted size in bytes.
    pub fn max_bytes(self) -> usize {
        match self {
            ImageSlot::Logo => MAX_LOGO_BYTES,
            ImageSlot::Favicon => MAX_FAVICON_BYTES,
        }
    }

    /// Accepted types as (MIME type, what a person calls it). No SVG: it can carry script.
    pub fn types(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ImageSlot::Logo => &[
                ("image/png", "PNG"),
                ("image/jpeg", "JPEG"),
                ("image/webp", "WebP"),
            ],
            ImageSlot::Favicon => &[("image/png", "PNG"), ("image/x-icon", "ICO")],
        }
    }

    /// The `accept` attribute of the file picker.
    pub fn accept(self) -> String {
        let types: Vec<&str> = self.types().iter().map(|(t, _)| *t).collect();
        types.join(",")
    }

    /// What is wrong with these bytes for this slot, if anything.
    fn problem(self, bytes: &[u8]) -> Option<String> {
        let kinds: Vec<&str> = self.types().iter().map(|(_, k)| *k).collect();
        if bytes.is_empty() {
            return Some("is empty".into());
        }
        if bytes.len() > self.max_bytes() {
            return Some(format!("must be at most {} KB", self.max_bytes() / 1024));
        }
        match sniff_image(bytes) {
            Some(t) if self.types().iter().any(|(x, _)| *x == t) => None,
            _ => Some(format!("must be a {} image", kinds.join(" or "))),
        }
    }

    /// Checks picked file bytes and keeps them as a theme image.
    pub fn accept_bytes(self, bytes: &[u8]) -> Result<ThemeImage, String> {
        if let Some(problem) = self.problem(bytes) {
            return Err(problem);
        }
        Ok(ThemeImage {
            media_type: sniff_image(bytes).unwrap_or_default().into(),
            data: encode(bytes),
        })
    }
}

/// A logo or favicon: its type and the standard base64 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeImage {
    pub media_type: String,
    pub data: String,
}

impl ThemeImage {
    /// A `data:` URL for `<img src>` and `<link rel=icon>`.
    pub fn data_url(&self) -> String {
        format!("data:{};base64,{}", self.media_type, self.data)
    }

    /// What is wrong with a stored image for this slot, if anything.
    pub fn problem(&self, slot: ImageSlot) -> Option<String> {
        // Refuse oversize text before decoding it (base64 is 4/3 of the bytes).
        if self.data.len() > slot.max_bytes() / 3 * 4 + 4 {
            return Some(format!("must be at most {} KB", slot.max_bytes() / 1024));
        }
        let Some(bytes) = decode(self.data.trim()) else {
            return Some("is not a readable image".into());
        };
        if let Some(problem) = slot.problem(&bytes) {
            return Some(problem);
        }
        (sniff_image(&bytes) != Some(self.media_type.as_str())).then(|| {
            format!(
                "is {}, not {}",
                sniff_image(&bytes).unwrap_or("?"),
                self.media_type
            )
        })
    }
}

/// The image type a file's first bytes show, if it is one a theme can use.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(&[0, 0, 1, 0]) {
        Some("image/x-icon")
    } else {
        None
    }
}
