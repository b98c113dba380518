//! Partner accounts: joining the program, tier moves with reasons, leaving, and the history of it all.

use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{code, login};

pub async fn partnership_changes_are_recorded_with_reasons(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    let history = b.tier_history("acc_acme").await.expect("own history");
    assert_eq!(history.len(), 2, "joined, then promoted to gold");
    assert_eq!(history[0].to_tier_id.as_deref(), Some("tier_gold"));
    assert_eq!(
        code(b.tier_history("acc_bluebird").await),
        ErrorCode::NotFound
    );
    let up = PartnerChange::MoveTier {
        tier_id: "tier_gold".into(),
        reason: "Please".into(),
    };
    assert_eq!(
        code(b.change_partnership("acc_bluebird", &up).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let customer = b
        .create_account(&AccountInput {
            name: "Initech".into(),
            domain: "initech.example".into(),
            region: "EMEA".into(),
            is_partner: false,
            partner_type: None,
            tier_id: None,
        })
        .await
        .expect("customer");
    assert!(b.tier_history(&customer.id).await.unwrap().is_empty());
    let joined = b
        .change_partnership(
            &customer.id,
            &PartnerChange::Join {
                partner_type: PartnerType::Referral,
                tier_id: "tier_registered".into(),
                reason: "Signed the referral agreement".into(),
            },
        )
        .await
        .expect("join");
    assert!(joined.is_partner);
    let silver = PartnerChange::MoveTier {
        tier_id: "tier_silver".into(),
        reason: "First three deals closed".into(),
    };
    let moved = b
        .change_partnership(&customer.id, &silver)
        .await
        .expect("move");
    assert_eq!(moved.tier_id.as_deref(), Some("tier_silver"));
    assert_eq!(
        code(b.change_partnership(&customer.id, &silver).await),
        ErrorCode::Conflict
    );
    let bogus = PartnerChange::MoveTier {
        tier_id: "tier_platinum".into(),
        reason: "x".into(),
    };
    assert_eq!(
        code(b.change_partnership(&customer.id, &bogus).await),
        ErrorCode::Validation
    );
    let mut edit = AccountInput {
        name: "Initech Ltd".into(),
        domain: "initech.example".into(),
        region: "EMEA".into(),
        is_partner: true,
        partner_type: Some(PartnerType::Referral),
        tier_id: Some("tier_gold".into()),
    };
    assert_eq!(
        code(b.update_account(&customer.id, &edit).await),
        ErrorCode::Validation,
        "an edit cannot skip the tier history"
    );
    edit.tier_id = Some("tier_silver".into());
    assert_eq!(
        b.update_account(&customer.id, &edit).await.unwrap().name,
        "Initech Ltd"
    );
    let left = b
        .change_partnership(
            &customer.id,
            &PartnerChange::Leave {
                reason: "Agreement ended".into(),
            },
        )
        .await
        .expect("leave");
    assert!(!left.is_partner && left.tier_id.is_none());
    let history = b.tier_history(&customer.id).await.unwrap();
    let reasons: Vec<&str> = history.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Agreement ended",
            "First three deals closed",
            "Signed the referral agreement"
        ]
    );
    assert_eq!(history[1].from_tier_id.as_deref(), Some("tier_registered"));
    assert_eq!(history[1].changed_by, "Casey Channel");
}
