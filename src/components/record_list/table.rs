//! The one table behind every record list: search, status filter, sorting, paging, live reloads
//! and the loading, empty and error states, over rows already drawn.

use std::rc::Rc;

use trellis_api::{Keyed, ListQuery};
use trellis_client::{ClientError, PrmBackend};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::filter::{next_sort, sort_state, Filter, Params};
use super::merge;
use super::PageFuture;
use crate::components::actions::Touched;
use crate::components::load::use_watch;
use crate::components::states::{Empty, ErrorState, Loading};
use crate::routes::Route;

enum Data {
    Loading,
    Failed(ClientError),
    Ready {
        items: Rc<Vec<Row>>,
        next: Option<String>,
        more: MoreState,
    },
}

#[derive(Clone, PartialEq)]
enum MoreState {
    Idle,
    Loading,
    Failed(ClientError),
}

/// One record as the table shows it.
#[derive(Clone)]
pub(super) struct Row {
    pub(super) id: String,
    pub(super) cells: Rc<[Html]>,
}

impl Keyed for Row {
    fn id(&self) -> &str {
        &self.id
    }
}

/// A column's heading.
pub(super) struct Header {
    pub(super) header: &'static str,
    pub(super) numeric: bool,
}

/// Fetches one page of drawn rows.
pub(super) type RowFetch = Rc<dyn Fn(Rc<dyn PrmBackend>, ListQuery) -> PageFuture<Row>>;

/// Properties of [`Table`]: [`RecordListProps`] with the records already drawn.
#[derive(Properties)]
pub(super) struct TableProps {
    pub(super) noun: &'static str,
    pub(super) singular: &'static str,
    pub(super) statuses: &'static [(&'static str, &'static str)],
    pub(super) status_label: &'static str,
    pub(super) placeholder: &'static str,
    pub(super) url_key: &'static str,
    pub(super) sortable: &'static [(&'static str, &'static str)],
    pub(super) headers: Rc<[Header]>,
    pub(super) fetch: RowFetch,
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        self.noun == other.noun
    }
}

/// The table with search, status filter, loading/empty/error states and "Load more".
#[component]
pub(super) fn Table(props: &TableProps) -> Html {
    // Live: an action that changes these records loads the list again, as far as it was shown.
    let (backend, changes) = use_watch();
    let location = use_location();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let params: Params = location
        .and_then(|l| l.query::<Params>().ok())
        .unwrap_or_default();
    let key = props.url_key;
    let filter = use_state(|| Filter::from_params(&params, key));
    // Apply a filter and write it to the URL (replacing, so Back leaves the list).
    let set_filter = {
        let filter = filter.clone();
        Callback::from(move |next: Filter| {
            if let (Some(n), Some(r)) = (&navigator, &route) {
                let _ = n.replace_with_query(r, &next.clone().into_params(params.clone(), key));
            }
            filter.set(next);
        })
    };
    let attempt = use_state(|| 0u32);
    let data = use_state(|| Rc::new(Data::Loading));
    let generation = use_mut_ref(|| 0u64);
    let asked = use_mut_ref(|| None::<(Filter, u32)>);
    let touched = use_memo((), |()| Touched::default());
    let search_ref = use_node_ref();

    {
        let (data, backend, fetch, generation, touched) = (
            data.clone(),
            backend.clone(),
            props.fetch.clone(),
            generation.clone(),
            touched.clone(),
        );
        use_effect_with(
            ((*filter).clone(), *attempt, changes),
            move |(filter, attempt, _)| {
                *generation.borrow_mut() += 1;
                let mine = *generation.borrow();
                let mut query = filter.query(None);
                let asking = Some((filter.clone(), *attempt));
                let mut shown = None;
                if *asked.borrow() == asking {
                    // Only the records changed: keep the rows until the new answer, and load as
                    // many as were shown.
                    if let Data::Ready { items, .. } = &**data {
                        let count = u32::try_from(items.len()).unwrap_or(ListQuery::MAX_LIMIT);
                        query.limit =
                            Some(count.clamp(ListQuery::DEFAULT_LIMIT, ListQuery::MAX_LIMIT));
                        shown = Some(items.clone());
                    }
                } else {
                    data.set(Rc::new(Data::Loading));
                    *asked.borrow_mut() = asking;
                    touched.clear();
                }
                let future = fetch(backend, query);
                wasm_bindgen_futures::spawn_local(async move {
                    let result = future.await;
                    if *generation.borrow() != mine {
                        return;
                    }
                    data.set(Rc::new(match (result, shown) {
                        (Ok(page), shown) => Data::Ready {
                            items: Rc::new(match shown {
                                Some(shown) => merge::keep_shown(
                                    &shown,
                                    page.items,
                                    page.next_cursor.is_none(),
                                    |id| touched.has(id),
                                ),
                                None => page.items,
                            }),
                            next: page.next_cursor,
                            more: MoreState::Idle,
                        },
                        // A background load that fails leaves the rows as they were.
                        (Err(_), Some(_)) => return,
                        (Err(e), None) => Data::Failed(e),
                    }));
                });
            },
        );
    }

    let load_more = {
        let (data, filter, fetch) = (data.clone(), filter.clone(), props.fetch.clone());
        Callback::from(move |_: MouseEvent| {
            let Data::Ready {
                items,
                next: Some(cursor),
                ..
            } = &**data
            else {
                return;
            };
            let (items, cursor) = (items.clone(), cursor.clone());
            let mine = *generation.borrow();
            data.set(Rc::new(Data::Ready {
                items: items.clone(),
                next: Some(cursor.clone()),
                more: MoreState::Loading,
            }));
            let future = fetch(backend.clone(), filter.query(Some(cursor.clone())));
            let (data, generation) = (data.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() != mine {
                    return;
                }
                data.set(Rc::new(match result {
                    Ok(page) => {
                        let mut all = (*items).clone();
                        all.extend(page.items);
                        Data::Ready {
                            items: Rc::new(all),
                            next: page.next_cursor,
                            more: MoreState::Idle,
                        }
                    }
                    Err(e) => Data::Ready {
                        items,
                        next: Some(cursor),
                        more: MoreState::Failed(e),
                    },
                }));
            });
        })
    };

    let on_search = {
        let (filter, search_ref, set_filter) =
            (filter.clone(), search_ref.clone(), set_filter.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                set_filter.emit(Filter {
                    q: input.value(),
                    ..(*filter).clone()
                });
            }
        })
    };
    let on_status = {
        let (filter, set_filter) = (filter.clone(), set_filter.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                set_filter.emit(Filter {
                    status: select.value(),
                    ..(*filter).clone()
                });
            }
        })
    };
    let on_sort = {
        let filter = filter.clone();
        Callback::from(move |field: &'static str| {
            set_filter.emit(Filter {
                sort: next_sort(&filter.sort, field),
                ..(*filter).clone()
            });
        })
    };
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    let noun = props.noun;

    let body = match &**data {
        Data::Loading => html! { <Loading label={format!("Loading {noun}…")} /> },
        Data::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry} /> },
        Data::Ready { items, .. } if items.is_empty() => {
            let filtered = !filter.q.trim().is_empty() || !filter.status.is_empty();
            let message = if filtered {
                format!("No {noun} match these filters.")
            } else {
                format!("No {noun} yet.")
            };
            html! { <Empty {message} /> }
        }
        Data::Ready { items, next, more } => html! {
            <>
                <p class="muted" role="status" aria-live="polite">
                    { format!("Showing {} {}{}", items.len(), if items.len() == 1 { props.singular } else { noun },
                        if next.is_some() { " (more available)" } else { "" }) }
                </p>
                <div class="table-wrap card" style="padding:0">
                    <table class="records" aria-label={noun}>
                        <thead><tr>
                            { for props.headers.iter().map(|c| {
                                let field = props.sortable.iter().find(|(h, _)| *h == c.header).map(|(_, f)| *f);
                                match field {
                                    Some(field) => {
                                        let state = sort_state(&filter.sort, field);
                                        let on_sort = on_sort.clone();
                                        let arrow = match state { "ascending" => "▲", "descending" => "▼", _ => "↕" };
                                        html! {
                                            <th scope="col" aria-sort={state} class={classes!(c.numeric.then_some("num"))}>
                                                <button type="button" class="sort" onclick={Callback::from(move |_| on_sort.emit(field))}>
                                                    { c.header }<span aria-hidden="true" class="arrow">{ arrow }</span>
                                                </button>
                                            </th>
                                        }
                                    }
                                    None => html! { <th scope="col">{ c.header }</th> },
                                }
                            }) }
                        </tr></thead>
                        <tbody>
                            { for items.iter().map(|row| html! {
                                <tr>
                                    { for props.headers.iter().zip(row.cells.iter()).map(|(c, cell)| html! {
                                        <td class={c.numeric.then_some("num")} data-label={c.header}><div>{ cell.clone() }</div></td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if let MoreState::Failed(error) = more {
                    <div class="alert error" role="alert">{ error.message() }</div>
                }
                if next.is_some() {
                    <div class="more">
                        <button class="button secondary" type="button" onclick={load_more}
                            disabled={*more == MoreState::Loading}>
                            { if *more == MoreState::Loading { "Loading…" } else { "Load more" } }
                        </button>
                    </div>
                }
            </>
        },
    };

    let search_id = format!("search-{noun}");
    let status_id = format!("status-{noun}");
    html! {
        <ContextProvider<Touched> context={(*touched).clone()}>
        <section aria-label={format!("{noun} list")}>
            <form class="toolbar" role="search" onsubmit={on_search}>
                <label for={search_id.clone()} class="muted">{ format!("Search {noun}") }</label>
                <input id={search_id} type="search" ref={search_ref} placeholder={props.placeholder} value={filter.q.clone()} />
                <button class="button secondary" type="submit">{ "Search" }</button>
                if !props.statuses.is_empty() {
                    <label for={status_id.clone()} class="muted">{ props.status_label }</label>
                    <select id={status_id} onchange={on_status}>
                        <option value="" selected={filter.status.is_empty()}>{ "All" }</option>
                        { for props.statuses.iter().map(|(value, label)| html! {
                            <option value={*value} selected={filter.status == *value}>{ *label }</option>
                        }) }
                    </select>
                }
            </form>
            { body }
        </section>
        </ContextProvider<Touched>>
    }
}
