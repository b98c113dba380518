//! Creating, editing, filtering records and saving the community draft.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, lead_input, login};

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

pub async fn draft_saves_are_versioned(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    assert_eq!(code(b.draft().await), ErrorCode::Forbidden);
    let site = b.community().await.expect("community").site;
    assert_eq!(site.tabs.first().map(|t| t.label.as_str()), Some("Home"));
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    assert!(!draft.has_unpublished_changes);
    let mut site = draft.site.clone();
    site.tabs[1].label = "My leads".into();
    let saved = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: site.clone(),
        })
        .await
        .expect("save");
    assert_eq!(saved.version, draft.version + 1);
    assert!(saved.has_unpublished_changes);
    assert_eq!(saved.site, site);
    let stale = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: draft.site.clone(),
        })
        .await;
    assert_eq!(code(stale), ErrorCode::Conflict);
    assert_eq!(
        b.draft().await.expect("draft").site,
        site,
        "the stale save changed nothing"
    );
    site.tabs[0].label = " ".into();
    let invalid = b
        .save_draft(&SaveDraft {
            base_version: saved.version,
            site,
        })
        .await
        .expect_err("invalid");
    assert!(invalid
        .api()
        .and_then(|e| e.field("site.tabs[0].label"))
        .is_some());
    let published = b.community().await.expect("published");
    assert_eq!(
        published.site.tabs[1].label, "Leads",
        "partners keep seeing the published version"
    );
}

fn deal_input() -> DealInput {
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

pub async fn deal_registrations_follow_their_state_machine(b: &dyn PrmBackend) {
    use trellis_api::deal_flow::DealAction;
    login(b, "partner@acme.test").await;
    let deal = b.create_deal(&deal_input()).await.expect("create");
    let deal = b
        .update_deal(
            &deal.id,
            &DealInput {
                estimated_amount: 50_000,
                ..deal_input()
            },
        )
        .await
        .expect("drafts are editable");
    assert_eq!(deal.estimated_amount, 50_000);
    let submitted = b
        .transition_deal(&deal.id, &DealAction::Submit)
        .await
        .expect("submit");
    assert_eq!(submitted.status, DealStatus::Submitted);
    assert_eq!(
        code(b.update_deal(&deal.id, &deal_input()).await),
        ErrorCode::Conflict
    );
    let approve = DealAction::Approve {
        valid_days: Some(30),
    };
    assert_eq!(
        code(b.transition_deal(&deal.id, &approve).await),
        ErrorCode::Forbidden
    );
    let other = b.create_deal(&deal_input()).await.expect("second");
    b.transition_deal(&other.id, &DealAction::Submit)
        .await
        .expect("submit second");
    let third = b.create_deal(&deal_input()).await.expect("third");
    let withdrawn = b
        .transition_deal(&third.id, &DealAction::Withdraw)
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.status, DealStatus::Withdrawn);
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let approved = b
        .transition_deal(&deal.id, &approve)
        .await
        .expect("approve");
    assert_eq!(approved.status, DealStatus::Approved);
    let expires = approved
        .expires_on
        .clone()
        .expect("an approval sets an expiry");
    let days = trellis_api::datetime::days_between(&approved.updated_at, &expires);
    assert_eq!(days, Some(30));
    assert_eq!(
        code(b.transition_deal(&deal.id, &approve).await),
        ErrorCode::Conflict
    );
    let no_reason = b
        .transition_deal(&other.id, &DealAction::Reject { reason: " ".into() })
        .await
        .expect_err("reason required");
    assert!(no_reason.api().and_then(|e| e.field("reason")).is_some());
    let rejected = b
        .transition_deal(
            &other.id,
            &DealAction::Reject {
                reason: "Already registered by another partner".into(),
            },
        )
        .await
        .expect("reject");
    assert_eq!(rejected.status, DealStatus::Rejected);
    assert_eq!(
        rejected.reviewer_reason.as_deref(),
        Some("Already registered by another partner")
    );
    b.logout().await.unwrap();

    login(b, "partner@acme.test").await;
    let won = b
        .transition_deal(&deal.id, &DealAction::MarkWon)
        .await
        .expect("won");
    assert_eq!(won.status, DealStatus::Won);
    let again = b
        .transition_deal(&deal.id, &DealAction::Submit)
        .await
        .expect_err("won is final");
    assert_eq!(
        again.api().map(|e| e.message.as_str()),
        Some("A deal registration that is won cannot be submitted")
    );
    assert_eq!(
        code(b.transition_deal(&other.id, &DealAction::Withdraw).await),
        ErrorCode::Conflict
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    assert_eq!(
        code(b.transition_deal(&deal.id, &DealAction::MarkLost).await),
        ErrorCode::NotFound
    );
}

pub async fn partners_work_their_lead_inbox(b: &dyn PrmBackend) {
    use trellis_api::lead_flow::LeadAction;
    login(b, "partner@acme.test").await;
    let waiting = all_leads(
        b,
        ListQuery {
            status: Some("assigned".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(waiting.len() >= 2);
    let (first, second) = (&waiting[0], &waiting[1]);
    let blank = b
        .transition_lead(&first.id, &LeadAction::Decline { reason: "".into() })
        .await
        .expect_err("reason");
    assert!(blank.api().and_then(|e| e.field("reason")).is_some());
    let declined = b
        .transition_lead(
            &first.id,
            &LeadAction::Decline {
                reason: "Outside our territory".into(),
            },
        )
        .await
        .expect("decline");
    assert_eq!(declined.lead.status, LeadStatus::Declined);
    assert_eq!(
        declined.lead.decline_reason.as_deref(),
        Some("Outside our territory")
    );
    assert_eq!(
        code(b.transition_lead(&first.id, &LeadAction::Accept).await),
        ErrorCode::Conflict
    );

    let accepted = b
        .transition_lead(&second.id, &LeadAction::Accept)
        .await
        .expect("accept");
    assert_eq!(accepted.lead.status, LeadStatus::Accepted);
    assert_eq!(
        accepted.lead.owner_user_id.as_deref(),
        Some("usr_acme_exec")
    );
    assert_eq!(accepted.opportunity, None);
    let converted = b
        .transition_lead(&second.id, &LeadAction::Convert)
        .await
        .expect("convert");
    assert_eq!(converted.lead.status, LeadStatus::Converted);
    let opp = converted.opportunity.expect("an opportunity");
    let contact = converted.contact.expect("a contact");
    assert_eq!(opp.account_name, second.company);
    assert_eq!(opp.stage, Stage::Prospecting);
    assert_eq!(opp.partner_account_id.as_deref(), Some("acc_acme"));
    assert_eq!(contact.email, second.email);
    assert_eq!(b.get_opportunity(&opp.id).await.expect("persisted"), opp);
    assert_eq!(
        b.get_contact(&contact.id).await.expect("persisted"),
        contact
    );
    assert_eq!(
        code(b.transition_lead(&second.id, &LeadAction::Convert).await),
        ErrorCode::Conflict
    );
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let third = &waiting[2.min(waiting.len() - 1)];
    assert_eq!(
        code(b.transition_lead(&third.id, &LeadAction::Accept).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();
    login(b, "partner@bluebird.test").await;
    assert_eq!(
        code(b.transition_lead(&third.id, &LeadAction::Accept).await),
        ErrorCode::NotFound
    );
}

pub async fn reviewers_see_conflicting_registrations(b: &dyn PrmBackend) {
    use trellis_api::deal_flow::DealAction;
    let input = DealInput {
        company: "Zenith Mining".into(),
        domain: "zenith.example".into(),
        ..deal_input()
    };
    login(b, "partner@acme.test").await;
    let first = b.create_deal(&input).await.expect("acme deal");
    b.transition_deal(&first.id, &DealAction::Submit)
        .await
        .expect("submit");
    assert_eq!(
        code(b.deal_conflicts(&first.id).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();
    login(b, "partner@bluebird.test").await;
    let second = b
        .create_deal(&DealInput {
            company: "ZENITH MINING ".into(),
            ..input.clone()
        })
        .await
        .expect("bluebird deal");
    b.transition_deal(&second.id, &DealAction::Submit)
        .await
        .expect("submit");
    let unrelated = b
        .create_deal(&DealInput {
            product: "Onboarding Services".into(),
            ..input.clone()
        })
        .await
        .expect("other product");
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let conflicts = b.deal_conflicts(&second.id).await.expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].id, first.id);
    assert_eq!(conflicts[0].kind, "deal");
    assert_eq!(conflicts[0].partner_name.as_deref(), Some("Acme Solutions"));
    assert!(b
        .deal_conflicts(&unrelated.id)
        .await
        .expect("none")
        .is_empty());
}

pub async fn staff_distribute_pool_leads_to_partners(b: &dyn PrmBackend) {
    use trellis_api::lead_flow::LeadAction;
    let assign = |to: &str| LeadAction::Assign {
        partner_account_id: to.into(),
    };
    login(b, "admin@trellis.test").await;
    let pool = all_leads(
        b,
        ListQuery {
            status: Some("new".into()),
            ..Default::default()
        },
    )
    .await;
    let lead = pool.first().expect("the demo pool has leads");
    let bad = b
        .transition_lead(&lead.id, &assign("acc_001"))
        .await
        .expect_err("customer account");
    assert!(bad
        .api()
        .and_then(|e| e.field("partner_account_id"))
        .is_some());
    assert_eq!(
        b.get_lead(&lead.id).await.expect("unchanged").status,
        LeadStatus::New
    );
    let assigned = b
        .transition_lead(&lead.id, &assign("acc_bluebird"))
        .await
        .expect("assign");
    assert_eq!(assigned.lead.status, LeadStatus::Assigned);
    assert_eq!(
        assigned.lead.partner_account_id.as_deref(),
        Some("acc_bluebird")
    );
    assert_eq!(
        code(b.transition_lead(&lead.id, &assign("acc_cedar")).await),
        ErrorCode::Conflict
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    assert_eq!(
        code(
            b.transition_lead(&pool[1].id, &assign("acc_bluebird"))
                .await
        ),
        ErrorCode::NotFound
    );
    let declined = b
        .transition_lead(
            &lead.id,
            &LeadAction::Decline {
                reason: "No capacity".into(),
            },
        )
        .await
        .expect("decline");
    assert_eq!(declined.lead.decline_reason.as_deref(), Some("No capacity"));
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let again = b
        .transition_lead(&lead.id, &assign("acc_cedar"))
        .await
        .expect("reassign");
    assert_eq!(again.lead.partner_account_id.as_deref(), Some("acc_cedar"));
    assert_eq!(again.lead.decline_reason, None);
    b.logout().await.unwrap();
    login(b, "partner@cedar.test").await;
    let accepted = b
        .transition_lead(&lead.id, &LeadAction::Accept)
        .await
        .expect("cedar accepts");
    assert_eq!(
        accepted.lead.owner_user_id.as_deref(),
        Some("usr_cedar_exec")
    );
}
