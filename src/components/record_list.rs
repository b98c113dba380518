//! A searchable, filterable, paged table of records, used by every workspace list.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use trellis_api::{Keyed, ListPage, ListQuery};
use trellis_client::{ClientResult, PrmBackend};
use yew::prelude::*;

/// A future for one page of records.
pub type PageFuture<T> = Pin<Box<dyn Future<Output = ClientResult<ListPage<T>>>>>;
/// Fetches one page of records from a backend.
pub type Fetch<T> = fn(Rc<dyn PrmBackend>, ListQuery) -> PageFuture<T>;

/// One column of the table.
pub struct Col<T> {
    pub header: &'static str,
    pub cell: fn(&T) -> Html,
    /// Right-aligned, tabular figures.
    pub numeric: bool,
}

/// Properties of [`RecordList`].
#[derive(Properties)]
pub struct RecordListProps<T: 'static> {
    /// Plural noun for messages and labels ("leads"); also the list's identity.
    pub noun: &'static str,
    pub fetch: Fetch<T>,
    pub columns: fn() -> Vec<Col<T>>,
    /// Status filter choices as (wire value, label); no filter when empty.
    #[prop_or_default]
    pub statuses: &'static [(&'static str, &'static str)],
    /// The noun for exactly one record ("lead"); the plural otherwise.
    pub singular: &'static str,
    /// The label of the status filter ("Status", "Stage").
    #[prop_or("Status")]
    pub status_label: &'static str,
    /// What the search box looks in.
    #[prop_or("Company, name or email")]
    pub placeholder: &'static str,
    /// Prefix of this list's URL parameters, so several lists on one page keep apart filters.
    #[prop_or("")]
    pub url_key: &'static str,
    /// Columns the backend can sort by, as (header, field).
    #[prop_or_default]
    pub sortable: &'static [(&'static str, &'static str)],
}

impl<T> PartialEq for RecordListProps<T> {
    fn eq(&self, other: &Self) -> bool {
        self.noun == other.noun
    }
}
mod filter;
mod merge;
mod table;

use table::{Header, Row, RowFetch, Table};

/// The list of `T`: fetches pages of `T`, then hands the table rows already drawn, so the table
/// itself is one component whatever the record kind (one copy in the wasm, not one per kind).
#[component]
pub fn RecordList<T: Keyed + Clone + 'static>(props: &RecordListProps<T>) -> Html {
    let (fetch, columns) = (props.fetch, props.columns);
    let rows = use_memo(props.noun, move |_| -> RowFetch {
        Rc::new(move |backend, query| {
            let page = fetch(backend, query);
            Box::pin(async move {
                let page = page.await?;
                let columns = columns();
                let items = page.items.iter().map(|record| Row {
                    id: record.id().to_string(),
                    cells: columns.iter().map(|c| (c.cell)(record)).collect(),
                });
                Ok(ListPage {
                    items: items.collect(),
                    next_cursor: page.next_cursor,
                })
            })
        })
    });
    let headers: Rc<[Header]> = columns()
        .iter()
        .map(|c| Header {
            header: c.header,
            numeric: c.numeric,
        })
        .collect();
    html! {
        <Table noun={props.noun} singular={props.singular} statuses={props.statuses}
            status_label={props.status_label} placeholder={props.placeholder} url_key={props.url_key}
            sortable={props.sortable} {headers} fetch={(*rows).clone()} />
    }
}

#[cfg(test)]
mod tests;
