//! One fund request or one claim: its details, the decisions its status allows the viewer,
//! and its timeline.

use trellis_api::activity::RecordKind;
use yew::prelude::*;

use crate::components::activity::Timeline;
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_live_load, Load};
use crate::components::record_page::{text, Details, RecordHeader};
use crate::components::states::{ErrorState, Loading};
use crate::format::{money, when};
use crate::pages::funds::{
    ClaimReview, ProofLink, RequestReview, CLAIM_STATUSES, REQUEST_STATUSES,
};
use crate::routes::Route;
use crate::session::use_session;

/// Properties of [`FundRequestPage`] and [`FundClaimPage`].
#[derive(Properties, PartialEq)]
pub struct FundProps {
    pub id: String,
}

/// A fund request's record page.
#[component]
pub fn FundRequestPage(props: &FundProps) -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let (request, retry) = use_live_load(props.id.clone(), |b, id| async move {
        b.get_mdf_request(&id).await
    });
    let r = match &*request {
        Load::Loading => {
            return html! { <Loading label="Loading the fund request…" reserve="24rem" /> }
        }
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(r) => r.clone(),
    };
    let mut rows = vec![
        ("Activity", text(&r.activity)),
        (
            "Description",
            html! { <span class="pre-wrap">{ r.description.clone() }</span> },
        ),
        ("Amount", html! { money(r.amount, &r.currency) }),
        ("Claimed", html! { money(r.claimed, &r.currency) }),
        (
            "Runs",
            html! { format!("{} to {}", r.starts_on, r.ends_on) },
        ),
        ("Requested", html! { when(&r.created_at) }),
    ];
    if staff {
        rows.insert(
            0,
            (
                "Partner",
                html! { <AccountName id={r.partner_account_id.clone()} none="Vendor" /> },
            ),
        );
    }
    html! {
        <ContextProvider<Directory> context={choices}>
            <div class="stack record-page">
                <RecordHeader back={Route::Funds} back_label="Marketing funds" title={r.activity.clone()}
                    subtitle={AttrValue::from("Fund request")}>
                    <RequestReview request={r.clone()} />
                </RecordHeader>
                <div class="record-columns">
                    <Details {rows} />
                    <Timeline kind={RecordKind::MdfRequests} id={r.id.clone()} noun="fund request" statuses={REQUEST_STATUSES} />
                </div>
            </div>
        </ContextProvider<Directory>>
    }
}

/// A claim's record page.
#[component]
pub fn FundClaimPage(props: &FundProps) -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let (claim, retry) = use_live_load(props.id.clone(), |b, id| async move {
        b.get_mdf_claim(&id).await
    });
    let c = match &*claim {
        Load::Loading => return html! { <Loading label="Loading the claim…" reserve="24rem" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(c) => c.clone(),
    };
    let mut rows = vec![
        ("Amount", html! { money(c.amount, &c.currency) }),
        ("Proof", html! { <ProofLink claim={c.clone()} /> }),
        ("Filed", html! { when(&c.created_at) }),
    ];
    if staff {
        rows.insert(
            0,
            (
                "Partner",
                html! { <AccountName id={c.partner_account_id.clone()} none="Vendor" /> },
            ),
        );
    }
    html! {
        <ContextProvider<Directory> context={choices}>
            <div class="stack record-page">
                <RecordHeader back={Route::Funds} back_label="Marketing funds" title={c.activity.clone()}
                    subtitle={AttrValue::from("Claim")}>
                    <ClaimReview claim={c.clone()} />
                </RecordHeader>
                <div class="record-columns">
                    <Details {rows} />
                    <Timeline kind={RecordKind::MdfClaims} id={c.id.clone()} noun="claim" statuses={CLAIM_STATUSES} />
                </div>
            </div>
        </ContextProvider<Directory>>
    }
}
