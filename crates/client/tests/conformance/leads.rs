//! Leads: the partner inbox, assignment and distribution by rule.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, login};

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
        .transition_lead(&second.id, &LeadAction::Convert { with: None })
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
        code(
            b.transition_lead(&second.id, &LeadAction::Convert { with: None })
                .await
        ),
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

pub async fn staff_distribute_leads_by_rule_with_a_deadline(b: &dyn PrmBackend) {
    use trellis_api::distribution::{Distribution, DistributionRule, MatchRule};
    let rule = |rule| Distribution {
        lead_ids: None,
        rule,
        accept_within_days: Some(2),
    };
    login(b, "partner@acme.test").await;
    assert_eq!(
        code(
            b.distribute_leads(&rule(DistributionRule::RoundRobin))
                .await
        ),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let manual = |to: &str| {
        rule(DistributionRule::Manual {
            partner_account_id: to.into(),
        })
    };
    assert_eq!(
        code(b.distribute_leads(&manual("acc_001")).await),
        ErrorCode::Validation
    );
    let mut long = rule(DistributionRule::RoundRobin);
    long.accept_within_days = Some(60);
    assert_eq!(code(b.distribute_leads(&long).await), ErrorCode::Validation);
    let mut many = rule(DistributionRule::RoundRobin);
    let over = trellis_api::distribution::MAX_LEADS + 1;
    many.lead_ids = Some((0..over).map(|i| format!("lead_{i}")).collect());
    let refused = b.distribute_leads(&many).await.expect_err("too many leads");
    let api = refused.api().expect("typed");
    assert_eq!(api.field_errors[0].field, "lead_ids", "{api:?}");
    assert!(api.field_errors[0].message.contains("1000"), "{api:?}");
    let pool = |b| async move {
        all_leads(
            b,
            ListQuery {
                status: Some("new".into()),
                ..Default::default()
            },
        )
        .await
    };
    let before = pool(b).await;
    assert!(before.len() >= 3);
    let by_product = rule(DistributionRule::ProductInterest {
        rules: vec![MatchRule {
            value: before[0].product_interest.to_uppercase(),
            partner_account_id: "acc_cedar".into(),
        }],
    });
    let result = b.distribute_leads(&by_product).await.expect("by product");
    assert!(!result.assigned.is_empty());
    assert!(result.assigned.iter().all(|(_, p)| p == "acc_cedar"));
    assert_eq!(result.assigned.len() + result.skipped.len(), before.len());
    assert!(result
        .skipped
        .iter()
        .all(|s| s.reason == "no rule matches its product interest"));
    let (first, _) = &result.assigned[0];
    let lead = b.get_lead(first).await.unwrap();
    assert_eq!(lead.status, LeadStatus::Assigned);
    assert_eq!(lead.accept_by.as_deref(), Some(result.accept_by.as_str()));

    let rest = b
        .distribute_leads(&rule(DistributionRule::TierWeighted))
        .await
        .expect("weighted");
    assert_eq!(rest.assigned.len(), result.skipped.len());
    let gold = rest
        .assigned
        .iter()
        .filter(|(_, p)| p == "acc_acme")
        .count();
    let registered = rest
        .assigned
        .iter()
        .filter(|(_, p)| p == "acc_cedar")
        .count();
    assert!(gold >= registered, "gold {gold} vs registered {registered}");
    assert!(pool(b).await.is_empty(), "the pool is empty now");
    let again = Distribution {
        lead_ids: Some(vec![first.clone(), "lead_nope".into()]),
        ..rule(DistributionRule::RoundRobin)
    };
    let none = b.distribute_leads(&again).await.unwrap();
    assert!(none.assigned.is_empty());
    let reasons: Vec<&str> = none.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons, ["does not exist", "is not in the pool"]);
}

pub async fn partner_users_work_their_account_inbox(b: &dyn PrmBackend) {
    use trellis_api::lead_flow::LeadAction;
    login(b, "rep@acme.test").await;
    let inbox = all_leads(
        b,
        ListQuery {
            status: Some("assigned".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(
        !inbox.is_empty(),
        "the account's unaccepted leads are every user's to take"
    );
    assert!(inbox
        .iter()
        .all(|l| l.partner_account_id.as_deref() == Some("acc_acme") && l.owner_user_id.is_none()));
    let lead = &inbox[0];
    let edit = LeadInput {
        company: "Renamed".into(),
        contact_name: lead.contact_name.clone(),
        email: lead.email.clone(),
        phone: String::new(),
        region: String::new(),
        postcode: String::new(),
        product_interest: String::new(),
        partner_account_id: None,
    };
    assert_eq!(
        code(b.update_lead(&lead.id, &edit).await),
        ErrorCode::Forbidden
    );
    let taken = b
        .transition_lead(&lead.id, &LeadAction::Accept)
        .await
        .expect("a partner user accepts");
    assert_eq!(taken.lead.owner_user_id.as_deref(), Some("usr_acme_rep"));
    assert_eq!(
        b.update_lead(&lead.id, &edit)
            .await
            .expect("now theirs")
            .company,
        "Renamed"
    );
    let others = all_leads(
        b,
        ListQuery {
            status: Some("accepted".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(
        others
            .iter()
            .all(|l| l.owner_user_id.as_deref() == Some("usr_acme_rep")),
        "accepted leads of colleagues stay private"
    );
}

pub async fn partners_convert_leads_through_the_dialogs_mapping(b: &dyn PrmBackend) {
    use trellis_api::lead_flow::{default_conversion, LeadAction};
    let me = login(b, "partner@acme.test").await;
    let waiting = all_leads(
        b,
        ListQuery {
            status: Some("assigned".into()),
            ..Default::default()
        },
    )
    .await;
    let (first, second) = (&waiting[0], &waiting[1]);
    for lead in [first, second] {
        b.transition_lead(&lead.id, &LeadAction::Accept)
            .await
            .expect("accept");
    }
    let convert = |id: &str, with| {
        let action = LeadAction::Convert {
            with: Some(Box::new(with)),
        };
        let id = id.to_string();
        async move { b.transition_lead(&id, &action).await }
    };
    let mut mapping = default_conversion(first, 20_000);
    mapping.account_name = "  ".into();
    mapping.opportunity.amount = -5;
    let refused = convert(&first.id, mapping.clone())
        .await
        .expect_err("invalid");
    let api = refused.api().expect("typed");
    assert!(api.field("account_name").is_some(), "{api:?}");
    assert!(api.field("opportunity.amount").is_some(), "{api:?}");
    assert_eq!(
        b.get_lead(&first.id).await.expect("lead").status,
        LeadStatus::Accepted,
        "nothing written"
    );

    mapping.account_name = "Globex Holding".into();
    mapping.opportunity.amount = 50_000;
    mapping.opportunity.stage = Stage::Qualification;
    mapping.opportunity.probability = Stage::Qualification.default_probability();
    mapping.contact.as_mut().expect("a new contact").title = "CTO".into();
    let done = convert(&first.id, mapping).await.expect("convert");
    let (opp, contact) = (
        done.opportunity.expect("opp"),
        done.contact.expect("contact"),
    );
    assert_eq!(
        (opp.account_name.as_str(), opp.amount),
        ("Globex Holding", 50_000)
    );
    assert_eq!((opp.stage, opp.probability), (Stage::Qualification, 25));
    assert_eq!(
        (contact.company.as_str(), contact.title.as_str()),
        ("Globex Holding", "CTO")
    );
    assert_eq!(
        done.lead.converted_opportunity_id.as_deref(),
        Some(opp.id.as_str())
    );
    assert_eq!(
        done.lead.converted_contact_id.as_deref(),
        Some(contact.id.as_str())
    );

    let data = trellis_api::seed::demo_data(0);
    let foreign = data
        .contacts
        .iter()
        .find(|c| c.partner_account_id.as_deref() == Some("acc_bluebird"))
        .expect("a contact of Bluebird's");
    let mut linking = default_conversion(second, 20_000);
    linking.contact_id = Some(foreign.id.clone());
    let refused = convert(&second.id, linking.clone())
        .await
        .expect_err("foreign");
    assert!(refused.api().and_then(|e| e.field("contact_id")).is_some());
    let before = contacts(b).await;
    let mine = before
        .iter()
        .find(|c| c.owner_user_id.as_deref() == Some(me.user.id.as_str()))
        .expect("a contact of Pat's");
    linking.contact_id = Some(mine.id.clone());
    let done = convert(&second.id, linking)
        .await
        .expect("convert with a contact");
    assert_eq!(
        done.contact.as_ref().map(|c| c.id.as_str()),
        Some(mine.id.as_str())
    );
    assert_eq!(
        done.lead.converted_contact_id.as_deref(),
        Some(mine.id.as_str())
    );
    let after = contacts(b).await;
    assert_eq!(
        after.len(),
        before.len(),
        "an existing contact is linked, none created"
    );
}

async fn contacts(b: &dyn PrmBackend) -> Vec<Contact> {
    let query = ListQuery {
        limit: Some(200),
        ..Default::default()
    };
    b.list_contacts(&query).await.expect("contacts").items
}
