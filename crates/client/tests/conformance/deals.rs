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
        .transition_deal(&far.id, &DealAction::Approve { valid_days: None })
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
