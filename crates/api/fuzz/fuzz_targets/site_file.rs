//! A `trellis.site` file: any bytes give a typed answer, and an accepted site passes the save rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trellis_api::site_rules::import_site;
use trellis_api::Validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match import_site(&text) {
        Ok(site) => assert!(site.validate().is_empty()),
        Err(e) => assert!(!e.message.is_empty()),
    }
});
