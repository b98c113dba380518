//! Server-side sorting: every offered column, both directions, across pages, the same on every backend.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, login};

async fn all_opportunities(b: &dyn PrmBackend, sort: &str) -> Vec<Opportunity> {
    let mut query = ListQuery {
        limit: Some(9),
        sort: Some(sort.into()),
        ..Default::default()
    };
    let mut out = Vec::new();
    loop {
        let page = b.list_opportunities(&query).await.expect("list");
        out.extend(page.items);
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return out,
        }
    }
}

pub async fn lists_sort_by_any_offered_column_across_pages(b: &dyn PrmBackend) {
    login(b, "channel@trellis.test").await;
    let default = all_leads(b, ListQuery::default()).await;
    for sort in ["company", "-company", "accept_by", "-status", "region"] {
        let leads = all_leads(
            b,
            ListQuery {
                sort: Some(sort.into()),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(leads.len(), default.len(), "{sort}: every lead once");
        let mut ids: Vec<&str> = leads.iter().map(|l| l.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(
            ids.len(),
            default.len(),
            "{sort}: no lead twice across pages"
        );
        let key = |l: &Lead| -> (String, String) {
            let v = match sort.trim_start_matches('-') {
                "company" => l.company.clone(),
                "accept_by" => l.accept_by.clone().unwrap_or_default(),
                "status" => wire_name(&l.status),
                _ => l.region.clone(),
            };
            (v, l.id.clone())
        };
        let keys: Vec<_> = leads.iter().map(key).collect();
        let mut expected = keys.clone();
        expected.sort();
        if sort.starts_with('-') {
            expected.reverse();
        }
        assert_eq!(keys, expected, "{sort}: in order");
    }

    for sort in ["amount", "-amount", "-probability"] {
        let opps = all_opportunities(b, sort).await;
        let figures: Vec<(i64, String)> = opps
            .iter()
            .map(|o| {
                let n = if sort.ends_with("amount") {
                    o.amount
                } else {
                    o.probability
                };
                (n, o.id.clone())
            })
            .collect();
        let mut expected = figures.clone();
        expected.sort();
        if sort.starts_with('-') {
            expected.reverse();
        }
        assert_eq!(figures, expected, "{sort}: numbers sort as numbers");
    }

    let bad = ListQuery {
        sort: Some("password".into()),
        ..Default::default()
    };
    let err = b.list_leads(&bad).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::BadRequest));
    assert_eq!(
        err.api().and_then(|e| e.field("sort")),
        Some("is not a sortable field")
    );
    assert_eq!(
        code(
            b.list_contacts(&ListQuery {
                sort: Some("-amount".into()),
                ..Default::default()
            })
            .await
        ),
        ErrorCode::BadRequest
    );
}
