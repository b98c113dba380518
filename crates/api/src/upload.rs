//! Uploaded files (claim proofs, case attachments): sent as base64 in JSON, checked by their bytes.

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::{ApiError, FieldError};

/// The largest file accepted, in bytes (2 MiB).
pub const MAX_UPLOAD_BYTES: usize = 2 << 20;

/// The file types accepted, as (MIME type, what a person calls it).
pub const ACCEPTED_TYPES: &[(&str, &str)] = &[
    ("application/pdf", "PDF"),
    ("image/png", "PNG image"),
    ("image/jpeg", "JPEG image"),
];

/// A file as the browser sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Upload {
    pub file_name: String,
    /// Standard base64 of the file's bytes.
    pub data: String,
}

/// A checked upload: its bytes, the type its bytes show and a safe file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedUpload {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The type a file's first bytes show, if it is one we accept; the name's extension is not trusted.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// The last path component of a name, without control characters, at most 100 characters.
pub fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(100)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "file".into()
    } else {
        clean
    }
}

impl Upload {
    /// Decodes and checks the file; errors name `field`.
    pub fn check(&self, field: &str) -> Result<CheckedUpload, ApiError> {
        let bad = |m: String| ApiError::validation(vec![FieldError::new(field, m)]);
        // Base64 is 4/3 of the bytes: refuse oversize files before decoding them.
        if self.data.len() > MAX_UPLOAD_BYTES / 3 * 4 + 4 {
            return Err(bad(too_big()));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(self.data.trim())
            .map_err(|_| bad("is not a readable file".into()))?;
        if bytes.is_empty() {
            return Err(bad("is empty".into()));
        }
        if bytes.len() > MAX_UPLOAD_BYTES {
            return Err(bad(too_big()));
        }
        let content_type = sniff(&bytes).ok_or_else(|| {
            let kinds: Vec<&str> = ACCEPTED_TYPES.iter().map(|(_, k)| *k).collect();
            bad(format!("must be a {}", kinds.join(", a ")))
        })?;
        Ok(CheckedUpload {
            file_name: safe_file_name(&self.file_name),
            content_type,
            bytes,
        })
    }
}

fn too_big() -> String {
    format!("must be at most {} MiB", MAX_UPLOAD_BYTES >> 20)
}

/// Base64 of some bytes (the browser encodes a picked file with this).
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The bytes of base64 text, if it is base64.
pub fn decode(data: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(data).ok()
}

/// A file size as people read it ("820 B", "14 KB", "1.8 MB").
pub fn human_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", (b + 512) / 1024),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            file_name: name.into(),
            data: encode(bytes),
        }
    }

    #[test]
    fn accepts_by_content_not_by_name() {
        let pdf = upload("invoice.exe", b"%PDF-1.7 rest");
        let ok = pdf.check("proof").unwrap();
        assert_eq!(ok.content_type, "application/pdf");
        assert_eq!(ok.file_name, "invoice.exe");
        let html = upload("invoice.pdf", b"<script>alert(1)</script>");
        let e = html.check("proof").unwrap_err();
        assert_eq!(
            e.field("proof"),
            Some("must be a PDF, a PNG image, a JPEG image")
        );
    }

    #[test]
    fn refuses_empty_garbled_and_oversize_files() {
        assert_eq!(
            upload("a.pdf", b"").check("f").unwrap_err().field("f"),
            Some("is empty")
        );
        let garbled = Upload {
            file_name: "a.pdf".into(),
            data: "%%%".into(),
        };
        assert_eq!(
            garbled.check("f").unwrap_err().field("f"),
            Some("is not a readable file")
        );
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_UPLOAD_BYTES + 1, b'x');
        assert_eq!(
            upload("a.pdf", &big).check("f").unwrap_err().field("f"),
            Some("must be at most 2 MiB")
        );
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(820), "820 B");
        assert_eq!(human_size(14_000), "14 KB");
        assert_eq!(human_size(1_900_000), "1.8 MB");
        assert_eq!(decode(&encode(b"abc")), Some(b"abc".to_vec()));
    }

    #[test]
    fn file_names_lose_paths_and_controls() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\x\\receipt.pdf"), "receipt.pdf");
        assert_eq!(safe_file_name("a\"b\n.pdf"), "ab.pdf");
        assert_eq!(safe_file_name(".."), "file");
        assert_eq!(safe_file_name(""), "file");
    }
}
