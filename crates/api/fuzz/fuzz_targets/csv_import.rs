//! A CSV import: any bytes parse or are refused with a message; every row gets a verdict.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trellis_api::import::{check_rows, parse_csv, suggest_mapping, ImportKind};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse_csv(&text) {
        Ok(table) => {
            for kind in [
                ImportKind::Leads,
                ImportKind::Contacts,
                ImportKind::Accounts,
            ] {
                let mapping = suggest_mapping(kind, &table.headers);
                let _ = check_rows(kind, &table, &mapping);
            }
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
});
