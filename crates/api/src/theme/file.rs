//! The theme file: `{"format":"trellis.theme","format_version":1,"theme":{…}}`.

use serde::{Deserialize, Serialize};

use super::ThemeTokens;
use crate::{file_format, ApiError, FieldError};

/// The `format` of a theme file.
pub const THEME_FORMAT: &str = "trellis.theme";
/// The newest `format_version` of a theme file this build reads and writes.
pub const THEME_FORMAT_VERSION: u32 = 1;

/// A theme as a file: `{"format":"trellis.theme","format_version":1,"theme":{…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThemeFile {
    pub format: String,
    pub format_version: u32,
    pub theme: ThemeTokens,
}

/// The file of a theme, as pretty-printed JSON.
pub fn export_theme(theme: &ThemeTokens) -> String {
    serde_json::to_string_pretty(&ThemeFile {
        format: THEME_FORMAT.into(),
        format_version: THEME_FORMAT_VERSION,
        theme: theme.clone(),
    })
    .unwrap_or_default()
}

/// Read a theme file: every problem is a validation error naming where it is
/// (`theme.light.brand`); nothing is returned unless the whole theme is valid.
pub fn import_theme(text: &str) -> Result<ThemeTokens, ApiError> {
    let body = file_format::open(text, THEME_FORMAT, THEME_FORMAT_VERSION, "theme")?;
    let theme: ThemeTokens = file_format::typed(body, "theme")?;
    let errors: Vec<_> = crate::Validate::validate(&theme)
        .into_iter()
        .map(|f| FieldError::new(format!("theme.{}", f.field), f.message))
        .collect();
    if errors.is_empty() {
        Ok(theme)
    } else {
        Err(ApiError::validation(errors))
    }
}
