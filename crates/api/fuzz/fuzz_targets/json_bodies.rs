//! Request bodies: any bytes decode into a contract type or fail cleanly, and a decoded value's
//! validation never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trellis_api::*;

fn body<T: serde::de::DeserializeOwned + Validate>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let _ = value.validate();
    }
}

fuzz_target!(|data: &[u8]| {
    body::<LeadInput>(data);
    body::<DealInput>(data);
    body::<ContactInput>(data);
    body::<UserInput>(data);
    body::<SaveDraft>(data);
    body::<MdfRequestInput>(data);
    let _ = serde_json::from_slice::<audit::AuditQuery>(data).map(|q| q.check());
});
