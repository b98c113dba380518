//! The audit log: security- and money-relevant events, recorded alike and filtered for admins.

use trellis_api::audit::{AuditKind, AuditQuery};
use trellis_api::deal_flow::DealAction;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::records::deal_input;
use crate::{code, login};

async fn kinds(b: &dyn PrmBackend, query: AuditQuery) -> Vec<AuditKind> {
    let page = b.audit_log(&query).await.expect("audit log");
    page.items.iter().map(|e| e.kind).collect()
}

pub async fn the_audit_log_records_security_and_money_events(b: &dyn PrmBackend) {
    let wrong = LoginRequest {
        email: "nobody@nowhere.test".into(),
        password: "not-the-password".into(),
    };
    b.login(&wrong).await.expect_err("unknown user");

    let partner = login(b, "partner@acme.test").await;
    let deal = b.create_deal(&deal_input()).await.expect("deal");
    b.transition_deal(&deal.id, &DealAction::Submit)
        .await
        .expect("submit");
    assert_eq!(
        code(b.audit_log(&AuditQuery::default()).await),
        ErrorCode::Forbidden
    );
    b.logout().await.unwrap();

    let channel = login(b, "channel@trellis.test").await;
    let approve = DealAction::Approve {
        valid_days: Some(30),
        comment: None,
    };
    b.transition_deal(&deal.id, &approve)
        .await
        .expect("approve");
    let gold = PartnerChange::MoveTier {
        tier_id: "tier_gold".into(),
        reason: "Hit the targets".into(),
    };
    b.change_partnership("acc_bluebird", &gold)
        .await
        .expect("promote");
    assert_eq!(
        code(b.audit_log(&AuditQuery::default()).await),
        ErrorCode::Forbidden,
        "channel managers do not read the audit log"
    );
    b.logout().await.unwrap();

    let admin = login(b, "admin@trellis.test").await;
    let mut input = UserInput {
        email: "audited@acme.test".into(),
        name: "Audited Rep".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc_acme".into()),
        active: true,
        password: Some("correct-horse-battery".into()),
        manager_id: None,
    };
    let user = b.create_user(&input).await.expect("create user");
    input.active = false;
    input.role = Role::PartnerExecutive;
    input.password = None;
    b.update_user(&user.id, &input).await.expect("deactivate");
    let draft = b.draft().await.expect("draft");
    b.restore_version(
        1,
        &Restore {
            base_version: draft.version,
        },
    )
    .await
    .expect("restore");

    let all = b
        .audit_log(&AuditQuery::default())
        .await
        .expect("admin reads the log");
    let got: Vec<AuditKind> = all.items.iter().map(|e| e.kind).collect();
    assert_eq!(
        got,
        [
            AuditKind::VersionRestored,
            AuditKind::UserDeactivated,
            AuditKind::RoleChanged,
            AuditKind::UserCreated,
            AuditKind::Login,
            AuditKind::TierChanged,
            AuditKind::DealApproved,
            AuditKind::Login,
            AuditKind::Login,
            AuditKind::LoginFailed,
        ],
        "newest first"
    );
    let failed = all.items.last().unwrap();
    assert_eq!(failed.actor, "nobody@nowhere.test");
    assert_eq!(failed.actor_id, None);
    assert!(
        !all.items
            .iter()
            .any(|e| e.summary.contains("not-the-password")),
        "no password is ever recorded"
    );
    let approved = &all.items[6];
    assert_eq!(approved.actor_id.as_deref(), Some(channel.user.id.as_str()));
    assert_eq!(approved.subject_id.as_deref(), Some(deal.id.as_str()));
    assert_eq!(approved.partner_account_id.as_deref(), Some("acc_acme"));
    let tier = &all.items[5];
    assert!(
        tier.summary.contains("→ Gold") && tier.summary.contains("Hit the targets"),
        "{}",
        tier.summary
    );

    assert_eq!(
        kinds(
            b,
            AuditQuery {
                kind: Some(AuditKind::Login),
                ..Default::default()
            }
        )
        .await,
        [AuditKind::Login; 3]
    );
    let acme = b
        .audit_log(&AuditQuery {
            partner_account_id: Some("acc_acme".into()),
            ..Default::default()
        })
        .await
        .expect("by account");
    assert_eq!(acme.items.len(), 5, "partner login, deal, user ×3");
    assert!(acme
        .items
        .iter()
        .all(|e| e.partner_account_id.as_deref() == Some("acc_acme")));
    let by_partner = b
        .audit_log(&AuditQuery {
            actor_id: Some(partner.user.id.clone()),
            ..Default::default()
        })
        .await
        .expect("by actor");
    assert_eq!(by_partner.items.len(), 1);
    let by_admin = AuditQuery {
        actor_id: Some(admin.user.id.clone()),
        ..Default::default()
    };
    assert_eq!(kinds(b, by_admin).await.len(), 5, "login, user ×3, restore");
    let tried = AuditQuery {
        q: Some(" NOBODY@nowhere ".into()),
        ..Default::default()
    };
    assert_eq!(kinds(b, tried).await, [AuditKind::LoginFailed]);
    let wildcard = AuditQuery {
        q: Some("%".into()),
        ..Default::default()
    };
    assert!(kinds(b, wildcard).await.is_empty(), "% matches only itself");

    let first = b
        .audit_log(&AuditQuery {
            limit: Some(4),
            ..Default::default()
        })
        .await
        .expect("page 1");
    let second = b
        .audit_log(&AuditQuery {
            limit: Some(4),
            cursor: first.next_cursor.clone(),
            ..Default::default()
        })
        .await
        .expect("page 2");
    let paged: Vec<i64> = first
        .items
        .iter()
        .chain(&second.items)
        .map(|e| e.seq)
        .collect();
    let expected: Vec<i64> = all.items.iter().take(8).map(|e| e.seq).collect();
    assert_eq!(paged, expected, "pages continue without a gap or overlap");

    let today = &all.items[0].at[..10];
    let none_before = AuditQuery {
        to: Some("2000-01-01".into()),
        ..Default::default()
    };
    assert!(b.audit_log(&none_before).await.unwrap().items.is_empty());
    let only_today = AuditQuery {
        from: Some(today.into()),
        to: Some(today.into()),
        ..Default::default()
    };
    assert_eq!(b.audit_log(&only_today).await.unwrap().items.len(), 10);
    let bad = AuditQuery {
        from: Some("last week".into()),
        ..Default::default()
    };
    assert_eq!(code(b.audit_log(&bad).await), ErrorCode::Validation);
}
