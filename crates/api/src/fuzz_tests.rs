//! Bad input never panics: random and mutated site files, theme files and CSV files always
//! come back as a typed answer, and whatever is accepted passes the same rules as a save.

use proptest::prelude::*;

use crate::import::{check_rows, parse_csv, suggest_mapping, ImportKind};
use crate::site_rules::{export_site, import_site};
use crate::theme::presets::default_theme;
use crate::theme::{export_theme, import_theme};
use crate::{templates, Validate};

/// A valid file with some bytes changed, some cut, or some repeated.
fn mutated(valid: String) -> impl Strategy<Value = String> {
    let len = valid.len();
    (
        proptest::collection::vec((0..len, any::<u8>()), 0..8),
        0..=len,
        0..3usize,
    )
        .prop_map(move |(flips, cut, repeat)| {
            let mut bytes = valid.clone().into_bytes();
            for (at, b) in flips {
                bytes[at] = b;
            }
            bytes.truncate(cut.max(1));
            let once = bytes.clone();
            for _ in 0..repeat {
                bytes.extend_from_slice(&once);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn site_files_never_panic(text in mutated(export_site(&templates::partner_central(), "2026-11-27T00:00:00Z"))) {
        match import_site(&text) {
            Ok(site) => prop_assert!(site.validate().is_empty()),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn theme_files_never_panic(text in mutated(export_theme(&default_theme()))) {
        match import_theme(&text) {
            Ok(theme) => prop_assert!(theme.validate().is_empty()),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn any_text_is_a_typed_answer(text in ".{0,400}") {
        prop_assert!(import_site(&text).is_err() || text.contains("trellis.site"));
        prop_assert!(import_theme(&text).is_err() || text.contains("trellis.theme"));
    }

    #[test]
    fn csv_files_never_panic(text in "([a-z\",;\\n\\r =+@-]{0,12}){0,40}") {
        if let Ok(table) = parse_csv(&text) {
            for kind in [ImportKind::Leads, ImportKind::Contacts, ImportKind::Accounts] {
                let mapping = suggest_mapping(kind, &table.headers);
                let _ = check_rows(kind, &table, &mapping);
            }
        }
    }
}
