use super::filter::{next_sort, sort_state, Filter, Params};

#[test]
fn column_sort_cycles_ascending_descending_default() {
    assert_eq!(next_sort("", "company"), "company");
    assert_eq!(next_sort("company", "company"), "-company");
    assert_eq!(next_sort("-company", "company"), "");
    assert_eq!(next_sort("-amount", "company"), "company");
    assert_eq!(sort_state("-company", "company"), "descending");
    assert_eq!(sort_state("amount", "company"), "none");
}

#[test]
fn lists_keep_their_own_url_parameters() {
    let mut params = Params::new();
    params.insert("q".into(), "acme".into());
    params.insert("claims_status".into(), "paid".into());
    assert_eq!(Filter::from_params(&params, "").q, "acme");
    let claims = Filter::from_params(&params, "claims_");
    assert_eq!((claims.q.as_str(), claims.status.as_str()), ("", "paid"));
    let next = Filter {
        q: "webinar".into(),
        status: String::new(),
        sort: "-amount".into(),
    }
    .into_params(params, "claims_");
    assert_eq!(next.get("claims_sort").map(String::as_str), Some("-amount"));
    assert_eq!(next.get("q").map(String::as_str), Some("acme"));
    assert_eq!(next.get("claims_q").map(String::as_str), Some("webinar"));
    assert!(!next.contains_key("claims_status"));
}
