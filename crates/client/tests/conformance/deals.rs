//! Deal registration: the state machine, review and conflicts.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::records::deal_input;
use crate::{code, login};

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
        comment: None,
    };
    assert_eq!(
        code(b.transition_deal(&deal.id, &approve).await),
        ErrorCode::Forbidden
    );
    let other = b.create_deal(&deal_input()).await.expect("second");
    b.transition_deal(&other.id, &DealAction::Submit)
        .await
        .expect("submit second");
    let far = b.create_deal(&deal_input()).await.expect("far");
    b.transition_deal(&far.id, &DealAction::Submit)
        .await
        .expect("submit far");
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
    // Without a choice, the protection lasts through the expected close.
    let by_default = b
        .transition_deal(
            &far.id,
            &DealAction::Approve {
                valid_days: None,
                comment: None,
            },
        )
        .await
        .expect("approve with the default");
    let until = by_default.expires_on.clone().expect("an expiry");
    assert!(until >= by_default.expected_close_date, "{until}");
    let days = trellis_api::datetime::days_between(&by_default.updated_at, &until);
    assert_eq!(
        days.map(|d| d as u32),
        Some(trellis_api::deal_flow::default_protection_days(
            &by_default.updated_at,
            &by_default.expected_close_date
        ))
    );
    assert!(trellis_api::deal_flow::covers_close(&by_default));
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

pub async fn large_deals_need_two_approvers_and_partners_read_the_comment(b: &dyn PrmBackend) {
    use trellis_api::activity::ActivityWhat;
    use trellis_api::deal_flow::{DealAction, DealReview};
    login(b, "channel@trellis.test").await;
    let policy = DealReview {
        second_approval_above: Some(50_000),
    };
    assert_eq!(
        code(b.set_deal_review_policy(&policy).await),
        ErrorCode::Forbidden
    );
    let submitted = b
        .list_deals(&ListQuery {
            status: Some("submitted".into()),
            limit: Some(100),
            ..Default::default()
        })
        .await
        .expect("deals")
        .items;
    let big = submitted
        .iter()
        .find(|d| {
            d.estimated_amount > 50_000 && d.partner_account_id.as_deref() == Some("acc_acme")
        })
        .or_else(|| submitted.iter().find(|d| d.estimated_amount > 50_000))
        .expect("a large submitted deal")
        .clone();
    let small = submitted
        .iter()
        .find(|d| d.estimated_amount <= 50_000)
        .expect("a small submitted deal")
        .clone();

    login(b, "admin@trellis.test").await;
    let bad = b
        .set_deal_review_policy(&DealReview {
            second_approval_above: Some(0),
        })
        .await
        .expect_err("zero");
    assert!(bad
        .api()
        .and_then(|e| e.field("second_approval_above"))
        .is_some());
    assert_eq!(
        b.set_deal_review_policy(&policy).await.expect("policy"),
        policy
    );

    login(b, "channel@trellis.test").await;
    assert_eq!(b.deal_review_policy().await.expect("policy"), policy);
    let approve = |comment: Option<&str>| DealAction::Approve {
        valid_days: None,
        comment: comment.map(str::to_string),
    };
    let first = b
        .transition_deal(
            &big.id,
            &approve(Some("Looks right; needs a second pair of eyes.")),
        )
        .await
        .expect("first approval");
    assert_eq!(first.status, DealStatus::Submitted, "waits for the second");
    assert_eq!(first.first_approver_name.as_deref(), Some("Casey Channel"));
    assert_eq!(
        code(b.transition_deal(&big.id, &approve(None)).await),
        ErrorCode::Conflict,
        "not twice by the same reviewer"
    );
    let one = b
        .transition_deal(&small.id, &approve(None))
        .await
        .expect("a small deal needs one");
    assert_eq!(one.status, DealStatus::Approved);

    login(b, "admin@trellis.test").await;
    let done = b
        .transition_deal(
            &big.id,
            &approve(Some("Approved: protected through the close.")),
        )
        .await
        .expect("second approval");
    assert_eq!(done.status, DealStatus::Approved);
    assert!(done.expires_on.is_some());

    let partner = match big.partner_account_id.as_deref() {
        Some("acc_acme") => "partner@acme.test",
        Some("acc_bluebird") => "partner@bluebird.test",
        _ => "partner@cedar.test",
    };
    login(b, partner).await;
    let timeline = b.activity("deals", &big.id).await.expect("timeline");
    let comments: Vec<&str> = timeline
        .iter()
        .filter(|a| a.what == ActivityWhat::Comment)
        .filter_map(|a| a.body.as_deref())
        .collect();
    assert!(
        comments.contains(&"Approved: protected through the close."),
        "{comments:?}"
    );
    assert!(comments.contains(&"Looks right; needs a second pair of eyes."));
}
