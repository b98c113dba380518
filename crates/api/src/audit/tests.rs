//! Paging, filters and the events of a user change.

use super::{page, user_events, AuditEvent, AuditKind, AuditQuery, User};
use crate::{Role, Validate};

fn event(seq: i64, at: &str, kind: AuditKind) -> AuditEvent {
    AuditEvent {
        seq,
        at: at.into(),
        kind,
        actor_id: Some(if seq % 2 == 0 { "a" } else { "b" }.into()),
        actor: "x".into(),
        partner_account_id: None,
        subject_id: None,
        summary: String::new(),
    }
}

#[test]
fn pages_are_newest_first_filtered_and_continue_from_their_cursor() {
    let events: Vec<_> = (1..=7)
        .map(|i| event(i, &format!("2026-11-0{i}T10:00:00Z"), AuditKind::Login))
        .collect();
    let q = AuditQuery {
        limit: Some(2),
        from: Some("2026-11-02".into()),
        to: Some("2026-11-06".into()),
        ..Default::default()
    };
    let first = page(&events, &q);
    assert_eq!(
        first.items.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [6, 5]
    );
    let next = AuditQuery {
        cursor: first.next_cursor,
        ..q
    };
    let second = page(&events, &next);
    assert_eq!(
        second.items.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [4, 3]
    );
    let by_actor = AuditQuery {
        actor_id: Some("a".into()),
        ..Default::default()
    };
    assert!(page(&events, &by_actor)
        .items
        .iter()
        .all(|e| e.seq % 2 == 0));
}

#[test]
fn bad_filters_are_named() {
    let q = AuditQuery {
        from: Some("yesterday".into()),
        cursor: Some("zz".into()),
        limit: Some(0),
        ..Default::default()
    };
    let fields: Vec<_> = q
        .check()
        .unwrap_err()
        .field_errors
        .into_iter()
        .map(|f| f.field)
        .collect();
    assert_eq!(fields, ["from", "limit", "cursor"]);
}

#[test]
fn a_user_change_records_role_activation_and_password() {
    let before = User {
        id: "u".into(),
        email: "e@x.test".into(),
        name: "Eve".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc".into()),
        active: true,
        manager_id: None,
        team: Vec::new(),
    };
    let after = User {
        role: Role::PartnerManager,
        active: false,
        ..before.clone()
    };
    let kinds: Vec<_> = user_events(Some(&before), &after, true)
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            AuditKind::RoleChanged,
            AuditKind::UserDeactivated,
            AuditKind::PasswordSet
        ]
    );
    assert!(user_events(Some(&before), &before, false).is_empty());
    assert_eq!(
        user_events(None, &before, true)[0].kind,
        AuditKind::UserCreated
    );
}
