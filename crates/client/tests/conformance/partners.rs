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

pub async fn staff_shape_the_programs_tiers(b: &dyn PrmBackend) {
    let mut input = TierInput {
        name: "Platinum".into(),
        rank: 4,
        benefits: "25% margin".into(),
        requirements: "1,000,000 EUR closed a year".into(),
    };
    login(b, "partner@acme.test").await;
    assert_eq!(
        code(b.create_tier("prog_resell", &input).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let made = b
        .create_tier("prog_resell", &input)
        .await
        .expect("a new tier");
    let tiers = b.list_programs().await.unwrap()[0].tiers.clone();
    let names: Vec<&str> = tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Registered", "Silver", "Gold", "Platinum"]);
    assert_eq!(tiers[3].requirements, "1,000,000 EUR closed a year");
    assert!(
        !tiers[2].requirements.is_empty(),
        "seeded tiers say what they need"
    );
    let taken = TierInput {
        name: "Bronze".into(),
        rank: 2,
        ..input.clone()
    };
    assert_eq!(
        code(b.create_tier("prog_resell", &taken).await),
        ErrorCode::Conflict
    );
    let named = TierInput {
        name: "gold".into(),
        rank: 9,
        ..input.clone()
    };
    assert_eq!(
        code(b.create_tier("prog_resell", &named).await),
        ErrorCode::Conflict
    );
    let bad = TierInput {
        rank: 0,
        ..input.clone()
    };
    let err = b.create_tier("prog_resell", &bad).await.unwrap_err();
    assert_eq!(
        err.api().and_then(|e| e.field("rank")),
        Some("must be between 1 and 100")
    );
    assert_eq!(
        code(
            b.create_tier(
                "prog_nope",
                &TierInput {
                    rank: 7,
                    name: "X".into(),
                    ..input.clone()
                }
            )
            .await
        ),
        ErrorCode::NotFound
    );
    input.requirements = "800,000 EUR closed a year".into();
    let edited = b.update_tier(&made.id, &input).await.expect("edit");
    assert_eq!(
        (edited.id.as_str(), edited.requirements.as_str()),
        (made.id.as_str(), "800,000 EUR closed a year")
    );
    assert_eq!(
        code(b.update_tier("tier_nope", &input).await),
        ErrorCode::NotFound
    );
}
