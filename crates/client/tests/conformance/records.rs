//! Creating, editing and filtering records.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, lead_input, login};

pub async fn filters_and_search(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let accepted = all_leads(
        b,
        ListQuery {
            status: Some("accepted".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(!accepted.is_empty());
    assert!(accepted.iter().all(|l| l.status == LeadStatus::Accepted));
    let found = all_leads(
        b,
        ListQuery {
            q: Some("globex".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|l| format!("{} {} {}", l.company, l.contact_name, l.email)
            .to_lowercase()
            .contains("globex")));
    let bad = b
        .list_leads(&ListQuery {
            status: Some("bogus".into()),
            ..Default::default()
        })
        .await
        .expect_err("bad status");
    assert_eq!(
        bad.api().and_then(|e| e.field("status")),
        Some("is not a valid status")
    );
    let bad = b
        .list_leads(&ListQuery {
            cursor: Some("zz".into()),
            ..Default::default()
        })
        .await
        .expect_err("bad cursor");
    assert_eq!(bad.code(), Some(ErrorCode::BadRequest));
    let none = all_leads(
        b,
        ListQuery {
            q: Some("%".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(none.is_empty(), "% is matched literally");
}

pub async fn partner_creates_and_edits_own_records(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    let bad = b
        .create_lead(&LeadInput {
            email: "not-an-email".into(),
            ..lead_input()
        })
        .await
        .expect_err("invalid");
    let api = bad.api().expect("typed");
    assert_eq!(api.code, ErrorCode::Validation);
    assert!(api.field("email").is_some());

    let lead = b.create_lead(&lead_input()).await.expect("create");
    assert_eq!(lead.status, LeadStatus::Accepted);
    assert_eq!(
        lead.partner_account_id.as_deref(),
        Some("acc_acme"),
        "a partner cannot file for another account"
    );
    assert_eq!(lead.owner_user_id.as_deref(), Some("usr_acme_exec"));
    assert_eq!(b.get_lead(&lead.id).await.expect("get"), lead);
    let edited = b
        .update_lead(
            &lead.id,
            &LeadInput {
                company: "Initrode Group".into(),
                ..lead_input()
            },
        )
        .await
        .expect("update");
    assert_eq!(edited.company, "Initrode Group");
    assert_eq!(edited.created_at, lead.created_at);

    let deal = b.create_deal(&deal_input()).await.expect("deal");
    assert_eq!(deal.status, DealStatus::Draft);
    assert_eq!(deal.reviewer_reason, None);

    let contact = b
        .create_contact(&ContactInput {
            first_name: "Nina".into(),
            last_name: "Berg".into(),
            email: "nina@initrode.example".into(),
            phone: String::new(),
            title: "CIO".into(),
            company: "Initrode".into(),
            partner_account_id: None,
        })
        .await
        .expect("contact");
    let found = b
        .list_contacts(&ListQuery {
            q: Some("berg".into()),
            ..Default::default()
        })
        .await
        .expect("search");
    assert!(found.items.iter().any(|c| c.id == contact.id));

    let opp = b
        .create_opportunity(&OpportunityInput {
            name: "Initrode rollout".into(),
            account_name: "Initrode".into(),
            product: "Trellis Edge".into(),
            stage: Stage::Proposal,
            amount: 12_000,
            currency: "EUR".into(),
            close_date: "2027-01-15".into(),
            probability: 150,
            next_step: String::new(),
            partner_account_id: None,
        })
        .await
        .expect_err("probability out of range");
    assert!(opp.api().and_then(|e| e.field("probability")).is_some());
}

pub async fn staff_assign_leads_to_partner_accounts_only(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let lead = b.create_lead(&lead_input()).await.expect("create");
    assert_eq!(lead.status, LeadStatus::Assigned);
    assert_eq!(lead.partner_account_id.as_deref(), Some("acc_bluebird"));
    let pool = b
        .create_lead(&LeadInput {
            partner_account_id: None,
            ..lead_input()
        })
        .await
        .expect("pool");
    assert_eq!(pool.status, LeadStatus::New);
    let bad = b
        .create_lead(&LeadInput {
            partner_account_id: Some("acc_001".into()),
            ..lead_input()
        })
        .await
        .expect_err("customer account");
    assert!(bad
        .api()
        .and_then(|e| e.field("partner_account_id"))
        .is_some());
}

pub fn deal_input() -> DealInput {
    DealInput {
        company: "Initrode".into(),
        domain: "initrode.example".into(),
        contact_name: "Nina Berg".into(),
        contact_email: "nina@initrode.example".into(),
        product: "Trellis Cloud".into(),
        estimated_amount: 42_000,
        currency: "EUR".into(),
        expected_close_date: "2027-03-31".into(),
        notes: String::new(),
        partner_account_id: None,
    }
}
