//! How the UI writes dates, times, money and statuses, in one place.

use yew::prelude::*;

/// `2026-11-27T02:16:58Z` as `2026-11-27 02:16 UTC`.
pub fn when(timestamp: &str) -> String {
    match (timestamp.get(0..10), timestamp.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => timestamp.to_string(),
    }
}

/// A status value as a coloured badge labelled from the list's filter choices.
pub fn status_badge<S: serde::Serialize>(choices: &[(&str, &str)], status: &S) -> Html {
    let wire = trellis_api::wire_name(status);
    let label = choices
        .iter()
        .find(|(w, _)| *w == wire)
        .map_or(wire.as_str(), |(_, l)| *l);
    badge(&wire, label)
}

/// A status as a coloured badge.
pub fn badge(wire: &str, label: &str) -> Html {
    html! { <span class={classes!("badge", wire.to_string())}>{ label.to_string() }</span> }
}

pub use trellis_api::mdf::money;

/// Today as `YYYY-MM-DD`, from the browser's clock (worked out once per day: lists call it per row).
pub fn today() -> String {
    thread_local! {
        static TODAY: std::cell::RefCell<(i64, String)> = const { std::cell::RefCell::new((i64::MIN, String::new())) };
    }
    let day = (js_sys::Date::now() / 86_400_000.0).floor() as i64;
    TODAY.with(|t| {
        let mut t = t.borrow_mut();
        if t.0 != day {
            *t = (day, trellis_api::datetime::date(day));
        }
        t.1.clone()
    })
}

/// "today", "1 day", "12 days": how long ago a timestamp was.
pub fn age(timestamp: &str) -> String {
    match trellis_api::datetime::days_between(timestamp, &today()) {
        Some(d) if d <= 0 => "today".into(),
        Some(1) => "1 day".into(),
        Some(d) => format!("{d} days"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{money, when};

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0, "EUR"), "0 EUR");
        assert_eq!(money(1234567, "USD"), "1,234,567 USD");
        assert_eq!(money(-1000, "GBP"), "-1,000 GBP");
        assert_eq!(money(999, "EUR"), "999 EUR");
    }

    #[test]
    fn timestamps_read_as_utc_minutes() {
        assert_eq!(when("2026-11-27T02:16:58Z"), "2026-11-27 02:16 UTC");
        assert_eq!(when("soon"), "soon");
    }
}
