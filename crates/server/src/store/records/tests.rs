use super::*;

#[test]
fn cursors_round_trip_and_reject_garbage() {
    let c = encode_cursor("2026-01-01T00:00:00Z", "lead_1");
    assert_eq!(
        decode_cursor(&c).unwrap(),
        ("2026-01-01T00:00:00Z".into(), "lead_1".into())
    );
    for bad in ["zz", "abc", "41"] {
        assert!(decode_cursor(bad).is_err(), "{bad}");
    }
}
