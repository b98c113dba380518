use super::{available_actions, find_conflicts, transition, DealAction, DealStatus, ErrorCode};
use DealStatus::*;

fn reject() -> DealAction {
    DealAction::Reject {
        reason: "Existing opportunity".into(),
    }
}

#[test]
fn the_legal_transitions_and_only_those() {
    let statuses = [
        Draft, Submitted, Approved, Rejected, Won, Lost, Expired, Withdrawn,
    ];
    let actions = [
        (DealAction::Submit, false),
        (DealAction::Withdraw, false),
        (
            DealAction::Approve {
                valid_days: None,
                comment: None,
            },
            true,
        ),
        (reject(), true),
        (DealAction::MarkWon, false),
        (DealAction::MarkLost, true),
    ];
    let mut legal = Vec::new();
    for from in statuses {
        for (action, staff) in &actions {
            if let Ok(t) = transition(from, action, *staff) {
                legal.push((from, t.status));
            }
        }
    }
    assert_eq!(
        legal,
        [
            (Draft, Submitted),
            (Draft, Withdrawn),
            (Submitted, Withdrawn),
            (Submitted, Approved),
            (Submitted, Rejected),
            (Approved, Won),
            (Approved, Lost),
        ]
    );
}

#[test]
fn roles_are_enforced_before_state() {
    let e = transition(
        Submitted,
        &DealAction::Approve {
            valid_days: None,
            comment: None,
        },
        false,
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = transition(Draft, &DealAction::Submit, true).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = transition(Won, &DealAction::Submit, false).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        e.message,
        "A deal registration that is won cannot be submitted"
    );
}

#[test]
fn rejections_need_a_reason_and_approvals_a_sane_window() {
    let e = transition(
        Submitted,
        &DealAction::Reject {
            reason: "  ".into(),
        },
        true,
    )
    .unwrap_err();
    assert!(e.field("reason").is_some());
    let t = transition(Submitted, &reject(), true).unwrap();
    assert_eq!(t.reviewer_reason.as_deref(), Some("Existing opportunity"));
    let t = transition(
        Submitted,
        &DealAction::Approve {
            valid_days: None,
            comment: None,
        },
        true,
    )
    .unwrap();
    assert_eq!(
        t.valid_days, None,
        "the default comes from the deal's close date"
    );
    let e = transition(
        Submitted,
        &DealAction::Approve {
            valid_days: Some(0),
            comment: None,
        },
        true,
    )
    .unwrap_err();
    assert!(e.field("valid_days").is_some());
}

#[test]
fn offered_actions_follow_the_machine() {
    assert_eq!(
        available_actions(Draft, false),
        [DealAction::Submit, DealAction::Withdraw]
    );
    assert_eq!(available_actions(Draft, true), []);
    assert_eq!(available_actions(Submitted, true).len(), 2);
    assert_eq!(
        available_actions(Approved, false),
        [DealAction::MarkWon, DealAction::MarkLost]
    );
    assert_eq!(available_actions(Won, true), []);
}

#[test]
fn conflicts_match_company_and_product_within_the_window() {
    let data = crate::seed::demo_data(1_790_000_000);
    let base = data.deals[0].clone();
    let mut twin = base.clone();
    twin.id = "deal_twin".into();
    twin.status = Approved;
    twin.company = base.company.to_uppercase();
    let mut other_product = twin.clone();
    other_product.id = "deal_other".into();
    other_product.product = "Something else".into();
    let mut old = twin.clone();
    old.id = "deal_old".into();
    old.created_at = "2001-01-01T00:00:00Z".into();
    let mut withdrawn = twin.clone();
    withdrawn.id = "deal_withdrawn".into();
    withdrawn.status = Withdrawn;
    let found = find_conflicts(&base, [&base, &twin, &other_product, &old, &withdrawn], []);
    assert_eq!(
        found.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["deal_twin"]
    );
    let mut opp = data.opportunities[0].clone();
    opp.account_name = base.company.clone();
    opp.name = format!("{} – {}", base.company, base.product);
    opp.stage = crate::Stage::Proposal;
    let found = find_conflicts(&base, [], [&opp]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, "opportunity");
    opp.stage = crate::Stage::ClosedLost;
    assert!(find_conflicts(&base, [], [&opp]).is_empty());
}

#[test]
fn actions_have_a_stable_wire_form() {
    let json = serde_json::to_string(&DealAction::Approve {
        valid_days: Some(30),
        comment: None,
    })
    .unwrap();
    assert_eq!(json, r#"{"action":"approve","valid_days":30}"#);
    let back: DealAction = serde_json::from_str(r#"{"action":"mark_won"}"#).unwrap();
    assert_eq!(back, DealAction::MarkWon);
}

#[test]
fn an_expired_protection_ends_the_day_after_and_marks_the_change() {
    use crate::Record;
    let mut deal = crate::seed::demo_data(0)
        .deals
        .into_iter()
        .find(|d| d.status == Approved)
        .expect("an approved deal");
    deal.expires_on = Some("2027-03-01".into());
    let before = deal.clone();
    assert!(
        !deal.settle("2027-03-01T23:59:59Z"),
        "still protected on its last day"
    );
    assert_eq!(deal, before);
    assert!(deal.settle("2027-03-02T00:00:00Z"));
    assert_eq!(deal.status, Expired);
    assert_eq!(deal.updated_at, "2027-03-02T00:00:00Z");
    let due = crate::DealRegistration::DUE.expect("deals expire");
    assert_eq!(due.bound("2027-03-02T00:00:00Z"), "2027-03-02");
}

#[test]
fn default_protection_covers_the_expected_close() {
    use super::{default_protection_days, CLOSE_GRACE_DAYS, DEFAULT_VALID_DAYS, MAX_VALID_DAYS};
    let today = "2026-12-01";
    assert_eq!(
        default_protection_days(today, "2027-01-15"),
        DEFAULT_VALID_DAYS
    );
    // 2027-03-11 is 100 days away: through the close, plus the grace.
    assert_eq!(
        default_protection_days(today, "2027-03-11"),
        (100 + CLOSE_GRACE_DAYS) as u32
    );
    assert_eq!(
        default_protection_days(today, "2030-01-01"),
        MAX_VALID_DAYS as u32
    );
    assert_eq!(
        default_protection_days(today, "2020-01-01"),
        DEFAULT_VALID_DAYS
    );
    assert_eq!(
        default_protection_days(today, "not a date"),
        DEFAULT_VALID_DAYS
    );
}

#[test]
fn a_protection_ending_before_the_expected_close_is_flagged() {
    use super::covers_close;
    let mut deal = crate::seed::demo_data(1_796_083_200).deals[0].clone();
    deal.expected_close_date = "2027-03-11".into();
    deal.expires_on = Some("2027-03-01".into());
    assert!(!covers_close(&deal), "the case from the issue");
    deal.expires_on = Some("2027-03-11".into());
    assert!(covers_close(&deal), "through the close day itself");
    deal.expires_on = None;
    assert!(covers_close(&deal), "not approved: nothing to flag");
}

#[test]
fn large_deals_need_a_second_approver_who_is_someone_else() {
    use super::review::{approval_step, ApprovalStep, DealReview};
    use crate::Validate;
    let mut deal = crate::seed::demo_data(0).deals.swap_remove(0);
    deal.estimated_amount = 80_000;
    let none = DealReview::default();
    assert_eq!(
        approval_step(&deal, &none, "usr_channel").unwrap(),
        ApprovalStep::Final
    );
    let policy = DealReview {
        second_approval_above: Some(50_000),
    };
    assert_eq!(
        approval_step(&deal, &policy, "usr_channel").unwrap(),
        ApprovalStep::First
    );
    deal.first_approver_id = Some("usr_channel".into());
    let same = approval_step(&deal, &policy, "usr_channel").unwrap_err();
    assert_eq!(same.code, ErrorCode::Conflict);
    assert_eq!(
        approval_step(&deal, &policy, "usr_admin").unwrap(),
        ApprovalStep::Final
    );
    deal.estimated_amount = 50_000;
    deal.first_approver_id = None;
    assert_eq!(
        approval_step(&deal, &policy, "usr_channel").unwrap(),
        ApprovalStep::Final,
        "at the limit one approval is enough"
    );
    assert!(
        DealReview {
            second_approval_above: Some(0)
        }
        .validate()
        .len()
            == 1
    );
    assert!(policy.validate().is_empty() && none.validate().is_empty());
}
