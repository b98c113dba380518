//! Contacts at customers and prospects.

use std::rc::Rc;

use trellis_api::{Contact, ListQuery};
use trellis_client::PrmBackend;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::csv::CsvActions;
use crate::routes::Route;
use trellis_api::import::ImportKind;

use crate::components::record_list::{Col, PageFuture, RecordList};

fn fetch(backend: Rc<dyn PrmBackend>, query: ListQuery) -> PageFuture<Contact> {
    Box::pin(async move { backend.list_contacts(&query).await })
}

/// Columns the backend sorts by.
const SORTABLE: &[(&str, &str)] = &[
    ("Name", "last_name"),
    ("Title", "title"),
    ("Company", "company"),
    ("Email", "email"),
];

fn columns() -> Vec<Col<Contact>> {
    vec![
        Col {
            header: "Name",
            cell: |c| {
                html! {
                    <Link<Route> to={Route::EditContact { id: c.id.clone() }}>
                        <strong>{ format!("{} {}", c.first_name, c.last_name) }</strong>
                    </Link<Route>>
                }
            },
            numeric: false,
        },
        Col {
            header: "Title",
            cell: |c| html! { c.title.clone() },
            numeric: false,
        },
        Col {
            header: "Company",
            cell: |c| html! { c.company.clone() },
            numeric: false,
        },
        Col {
            header: "Email",
            cell: |c| html! { <a href={format!("mailto:{}", c.email)}>{ c.email.clone() }</a> },
            numeric: false,
        },
        Col {
            header: "Phone",
            cell: |c| html! { c.phone.clone() },
            numeric: false,
        },
    ]
}

/// The contacts list.
#[component]
pub fn ContactsPage() -> Html {
    html! {
        <>
            <div class="page-header">
                <div><h1>{ "Contacts" }</h1><p>{ "People at your customers and prospects." }</p></div>
                <div class="actions">
                    <CsvActions kind={ImportKind::Contacts} />
                    <Link<Route> to={Route::NewContact} classes="button">{ "New contact" }</Link<Route>>
                </div>
            </div>
            <RecordList<Contact> sortable={SORTABLE} noun="contacts" singular="contact" placeholder="Name, email or company" fetch={fetch as fn(_, _) -> _} columns={columns as fn() -> _} />
        </>
    }
}
