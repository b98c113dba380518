//! A `trellis.theme` file: any bytes give a typed answer, and an accepted theme passes the rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trellis_api::theme::import_theme;
use trellis_api::Validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match import_theme(&text) {
        Ok(theme) => assert!(theme.validate().is_empty()),
        Err(e) => assert!(!e.message.is_empty()),
    }
});
