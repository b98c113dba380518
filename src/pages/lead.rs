//! One lead: its details, the actions its status allows the viewer, what its conversion
//! created, and its timeline.

use trellis_api::activity::RecordKind;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::activity::Timeline;
use crate::components::directory::{use_directory, AccountName, Directory};
use crate::components::load::{use_live_load, Load};
use crate::components::record_page::{text, Details, RecordHeader};
use crate::components::states::{ErrorState, Loading};
use crate::format::when;
use crate::pages::leads::{LeadWork, LEAD_STATUSES};
use crate::routes::Route;
use crate::session::use_session;

/// Properties of [`LeadPage`].
#[derive(Properties, PartialEq)]
pub struct LeadProps {
    pub id: String,
}

/// A lead's record page.
#[component]
pub fn LeadPage(props: &LeadProps) -> Html {
    let session = use_session();
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let choices = use_directory(staff);
    let (lead, retry) = use_live_load(
        props.id.clone(),
        |b, id| async move { b.get_lead(&id).await },
    );
    let lead = match &*lead {
        Load::Loading => return html! { <Loading label="Loading the lead…" reserve="24rem" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(l) => l.clone(),
    };
    let email = html! { <a href={format!("mailto:{}", lead.email)}>{ lead.email.clone() }</a> };
    let mut rows = vec![
        ("Contact", text(&lead.contact_name)),
        ("Email", email),
        ("Phone", text(&lead.phone)),
        ("Product interest", text(&lead.product_interest)),
        (
            "Region",
            text(&format!("{} {}", lead.region, lead.postcode)),
        ),
        ("Received", html! { when(&lead.created_at) }),
    ];
    if staff {
        rows.insert(
            0,
            (
                "Partner",
                html! { <AccountName id={lead.partner_account_id.clone()} none="Pool" /> },
            ),
        );
    }
    let related = match (&lead.converted_opportunity_id, &lead.converted_contact_id) {
        (None, None) => Html::default(),
        (opportunity, contact) => html! {
            <section class="card" aria-label="Created by the conversion">
                <h2>{ "Created by the conversion" }</h2>
                <ul class="related">
                    if let Some(id) = opportunity {
                        <li><Link<Route> to={Route::EditOpportunity { id: id.clone() }}>{ "The opportunity" }</Link<Route>></li>
                    }
                    if let Some(id) = contact {
                        <li><Link<Route> to={Route::EditContact { id: id.clone() }}>{ format!("The contact: {}", lead.contact_name) }</Link<Route>></li>
                    }
                </ul>
            </section>
        },
    };
    html! {
        <ContextProvider<Directory> context={choices}>
            <div class="stack record-page">
                <RecordHeader back={Route::Leads} back_label="All leads" title={lead.company.clone()}
                    subtitle={format!("Lead from {}", lead.contact_name)}>
                    <LeadWork lead={lead.clone()} />
                </RecordHeader>
                <div class="record-columns">
                    <div class="stack">
                        <Details {rows} />
                        { related }
                    </div>
                    <Timeline kind={RecordKind::Leads} id={lead.id.clone()} noun="lead" statuses={LEAD_STATUSES} />
                </div>
            </div>
        </ContextProvider<Directory>>
    }
}
