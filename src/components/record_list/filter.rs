//! A list's search, status filter and order, as kept in the page's URL.

use trellis_api::ListQuery;

/// Filters and search applied to the list; kept in the page's URL so reloads and links keep them.
#[derive(Clone, Default, PartialEq)]
pub(super) struct Filter {
    pub(super) q: String,
    pub(super) status: String,
    /// `field` or `-field`; empty for the default order (newest first).
    pub(super) sort: String,
}

/// The page's URL parameters.
pub(super) type Params = std::collections::BTreeMap<String, String>;

impl Filter {
    pub(super) fn from_params(params: &Params, key: &str) -> Filter {
        let get = |name: &str| {
            params
                .get(&format!("{key}{name}"))
                .cloned()
                .unwrap_or_default()
        };
        Filter {
            q: get("q"),
            status: get("status"),
            sort: get("sort"),
        }
    }

    /// `params` with this list's filter written in (empty values dropped).
    pub(super) fn into_params(self, mut params: Params, key: &str) -> Params {
        for (name, value) in [("q", self.q), ("status", self.status), ("sort", self.sort)] {
            let name = format!("{key}{name}");
            if value.is_empty() {
                params.remove(&name);
            } else {
                params.insert(name, value);
            }
        }
        params
    }

    pub(super) fn query(&self, cursor: Option<String>) -> ListQuery {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        ListQuery {
            q: some(&self.q),
            status: some(&self.status),
            sort: some(&self.sort),
            cursor,
            ..Default::default()
        }
    }
}

/// The order after clicking a column: ascending, then descending, then back to the default.
pub(super) fn next_sort(current: &str, field: &str) -> String {
    if current == field {
        format!("-{field}")
    } else if current.strip_prefix('-') == Some(field) {
        String::new()
    } else {
        field.to_string()
    }
}

/// The `aria-sort` of a column.
pub(super) fn sort_state(current: &str, field: &str) -> &'static str {
    if current == field {
        "ascending"
    } else if current.strip_prefix('-') == Some(field) {
        "descending"
    } else {
        "none"
    }
}
