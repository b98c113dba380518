//! Record timelines: every change with who and from → to, comments mentioning readers.

use serde_json::json;
use trellis_api::activity::{ActivityWhat, CommentInput, RecordKind};
use trellis_api::deal_flow::DealAction;
use trellis_api::lead_flow::LeadAction;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, login};

pub async fn timelines_record_changes_and_comments_mention_readers(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    let waiting = all_leads(
        b,
        ListQuery {
            status: Some("assigned".into()),
            ..Default::default()
        },
    )
    .await;
    let lead = &waiting[0];
    let seeded = b.activity("leads", &lead.id).await.expect("timeline");
    b.transition_lead(&lead.id, &LeadAction::Accept)
        .await
        .expect("accept");
    let converted = b
        .transition_lead(&lead.id, &LeadAction::Convert { with: None })
        .await
        .expect("convert");
    let timeline = b.activity("leads", &lead.id).await.expect("timeline");
    assert_eq!(timeline.len(), seeded.len() + 2, "{timeline:#?}");
    let (newest, accepted) = (&timeline[0], &timeline[1]);
    assert_eq!(newest.what, ActivityWhat::Changed);
    assert_eq!(newest.actor_name, "Pat Partner");
    let status = newest.changes.iter().find(|c| c.field == "status").unwrap();
    assert_eq!(
        (&status.from, &status.to),
        (&json!("accepted"), &json!("converted"))
    );
    let owner = accepted
        .changes
        .iter()
        .find(|c| c.field == "owner_user_id")
        .expect("the new owner");
    assert_eq!(owner.to, json!("Pat Partner"), "people by name, not by id");
    assert!(accepted.changes.iter().all(|c| c.field != "updated_at"));

    let opp = converted.opportunity.expect("an opportunity");
    let created = b
        .activity("opportunities", &opp.id)
        .await
        .expect("timeline");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].what, ActivityWhat::Created);
    assert_eq!(created[0].kind, RecordKind::Opportunities);
    assert_eq!(created[0].record_title, opp.name);

    let people = b
        .mentionable("opportunities", &opp.id)
        .await
        .expect("people");
    assert!(people.iter().any(|p| p.name == "Casey Channel" && p.staff));
    assert!(
        people.iter().all(|p| p.user_id != "usr_acme_exec"),
        "not oneself"
    );
    let blank = b
        .comment("opportunities", &opp.id, &CommentInput { body: " ".into() })
        .await
        .expect_err("blank");
    assert!(blank.api().and_then(|e| e.field("body")).is_some());
    let said = b
        .comment(
            "opportunities",
            &opp.id,
            &CommentInput {
                body: "@casey channel can you check the pricing? @Nobody Here".into(),
            },
        )
        .await
        .expect("comment");
    assert_eq!(said.what, ActivityWhat::Comment);
    let named: Vec<&str> = said.mentions.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(named, ["Casey Channel"]);
    let input = OpportunityInput {
        name: opp.name.clone(),
        account_name: opp.account_name.clone(),
        product: opp.product.clone(),
        stage: opp.stage,
        amount: 12_000,
        currency: opp.currency.clone(),
        close_date: "2031-01-15".into(),
        probability: opp.probability,
        next_step: "Send the quote".into(),
        partner_account_id: None,
    };
    b.update_opportunity(&opp.id, &input).await.expect("edit");
    let timeline = b
        .activity("opportunities", &opp.id)
        .await
        .expect("timeline");
    assert_eq!(timeline.len(), 3);
    assert_eq!(timeline[1], said, "a comment reads back as written");
    let fields: Vec<&str> = timeline[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert!(
        fields.contains(&"amount") && fields.contains(&"next_step"),
        "{fields:?}"
    );
    assert_eq!(
        code(b.activity("users", "usr_admin").await),
        ErrorCode::NotFound
    );
    assert_eq!(
        code(b.activity("leads", "lead_does_not_exist").await),
        ErrorCode::NotFound
    );
    let deal = b
        .list_deals(&ListQuery {
            status: Some("submitted".into()),
            ..Default::default()
        })
        .await
        .expect("deals")
        .items
        .into_iter()
        .next()
        .expect("a submitted deal");

    login(b, "channel@trellis.test").await;
    let mentions = b.mentions().await.expect("mentions");
    let mine = mentions
        .iter()
        .find(|m| m.id == said.id)
        .expect("the mention");
    assert_eq!(
        (mine.kind, mine.record_id.as_str()),
        (RecordKind::Opportunities, opp.id.as_str())
    );
    b.transition_deal(
        &deal.id,
        &DealAction::Approve {
            valid_days: None,
            comment: None,
        },
    )
    .await
    .expect("approve");
    let timeline = b.activity("deals", &deal.id).await.expect("timeline");
    assert_eq!(timeline[0].actor_name, "Casey Channel");
    let status = timeline[0]
        .changes
        .iter()
        .find(|c| c.field == "status")
        .unwrap();
    assert_eq!(
        (&status.from, &status.to),
        (&json!("submitted"), &json!("approved"))
    );

    login(b, "partner@bluebird.test").await;
    assert_eq!(
        code(b.activity("opportunities", &opp.id).await),
        ErrorCode::NotFound
    );
    assert!(b.mentions().await.expect("mentions").is_empty());
}
