//! One deal registration: its details, the review actions its status allows the viewer (with
//! the conflict check for staff), and its timeline, where the reviewer's comments are.

use trellis_api::activity::RecordKind;
use yew::prelude::*;

use crate::components::activity::Timeline;
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_live_load, Load};
use crate::components::record_page::{text, Details, RecordHeader};
use crate::components::states::{ErrorState, Loading};
use crate::format::{money, when};
use crate::pages::deals::{DealReview, DEAL_STATUSES};
use crate::routes::Route;
use crate::session::use_session;

/// Properties of [`DealPage`].
#[derive(Properties, PartialEq)]
pub struct DealProps {
    pub id: String,
}

/// A deal registration's record page.
#[component]
pub fn DealPage(props: &DealProps) -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let (deal, retry) = use_live_load(
        props.id.clone(),
        |b, id| async move { b.get_deal(&id).await },
    );
    let deal = match &*deal {
        Load::Loading => return html! { <Loading label="Loading the deal…" reserve="24rem" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(d) => d.clone(),
    };
    let contact = html! {
        <>{ deal.contact_name.clone() }{ " · " }
            <a href={format!("mailto:{}", deal.contact_email)}>{ deal.contact_email.clone() }</a></>
    };
    let mut rows = vec![
        (
            "Customer",
            html! { <>{ deal.company.clone() }{ " · " }{ deal.domain.clone() }</> },
        ),
        ("Contact", contact),
        ("Product", text(&deal.product)),
        (
            "Estimated amount",
            html! { money(deal.estimated_amount, &deal.currency) },
        ),
        ("Expected close", text(&deal.expected_close_date)),
        (
            "Notes",
            html! { <span class="pre-wrap">{ deal.notes.clone() }</span> },
        ),
        ("Registered", html! { when(&deal.created_at) }),
    ];
    if deal.notes.trim().is_empty() {
        rows.retain(|(label, _)| *label != "Notes");
    }
    if let Some(at) = &deal.submitted_at {
        rows.push(("Submitted", html! { when(at) }));
    }
    if let Some(at) = &deal.decided_at {
        rows.push(("Decided", html! { when(at) }));
    }
    if staff {
        rows.insert(
            0,
            (
                "Partner",
                html! { <AccountName id={deal.partner_account_id.clone()} none="Vendor" /> },
            ),
        );
    }
    html! {
        <ContextProvider<Directory> context={choices}>
            <div class="stack record-page">
                <RecordHeader back={Route::Deals} back_label="All deal registrations" title={deal.company.clone()}
                    subtitle={format!("Deal registration · {}", deal.product)}>
                    <DealReview deal={deal.clone()} />
                </RecordHeader>
                <div class="record-columns">
                    <Details {rows} />
                    <Timeline kind={RecordKind::Deals} id={deal.id.clone()} noun="deal registration" statuses={DEAL_STATUSES} />
                </div>
            </div>
        </ContextProvider<Directory>>
    }
}
