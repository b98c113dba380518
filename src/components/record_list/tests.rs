use super::filter::{next_sort, sort_state, Filter, Params};
use super::merge::keep_shown;

#[derive(Clone, Debug, PartialEq)]
struct Row(&'static str, u8);

impl trellis_api::Keyed for Row {
    fn id(&self) -> &str {
        self.0
    }
}

#[test]
fn a_reload_keeps_the_rows_that_left_the_filter_where_they_were() {
    let shown = [Row("a", 1), Row("b", 1), Row("c", 1)];
    let fresh = vec![Row("new", 1), Row("a", 2), Row("c", 2)];
    let all = |_: &str| true;
    assert_eq!(
        keep_shown(&shown, fresh.clone(), true, all),
        [Row("new", 1), Row("b", 1), Row("a", 2), Row("c", 2)],
        "new rows and fresh data come in; b, acted on and no longer listed, keeps its place"
    );
    assert_eq!(
        keep_shown(&shown, fresh.clone(), true, |id| id == "a"),
        fresh,
        "b, changed elsewhere, leaves"
    );
    assert_eq!(keep_shown(&shown, Vec::new(), true, all), shown);
    let page = vec![Row("new", 1), Row("a", 2), Row("b", 2)];
    assert_eq!(
        keep_shown(&shown, page.clone(), false, all),
        page,
        "c may only have moved to the next page, behind the new row"
    );
    assert_eq!(
        keep_shown(&shown, vec![Row("a", 2), Row("c", 2)], false, all),
        [Row("a", 2), Row("b", 1), Row("c", 2)]
    );
}

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
