use super::{
    check_claim, check_request, claim_actions, claim_transition, request_actions,
    request_transition, ClaimStatus, ErrorCode, MdfAction, MdfBudget, MdfClaimInput, MdfRequest,
    MdfRequestInput, MdfRequestStatus, Upload, Validate,
};

fn budget(amount: i64, committed: i64) -> MdfBudget {
    MdfBudget {
        id: "b".into(),
        program_id: "p".into(),
        name: "H2".into(),
        starts_on: "2026-07-01".into(),
        ends_on: "2026-12-31".into(),
        amount,
        currency: "EUR".into(),
        committed,
        created_at: "2026-06-01T00:00:00Z".into(),
    }
}

fn input(amount: i64, starts_on: &str) -> MdfRequestInput {
    MdfRequestInput {
        budget_id: "b".into(),
        activity: "Webinar".into(),
        description: String::new(),
        amount,
        starts_on: starts_on.into(),
        ends_on: "2026-09-30".into(),
    }
}

#[test]
fn requests_must_fit_the_open_budget_and_its_period() {
    let b = budget(10_000, 7_000);
    assert!(check_request(&b, &input(3_000, "2026-09-01"), "2026-08-01").is_ok());
    let over = check_request(&b, &input(3_001, "2026-09-01"), "2026-08-01").unwrap_err();
    assert_eq!(over.field("amount"), Some("exceeds the 3,000 EUR left"));
    let early = check_request(&b, &input(10, "2026-06-30"), "2026-08-01").unwrap_err();
    assert!(early.field("starts_on").is_some());
    let closed = check_request(&b, &input(10, "2026-09-01"), "2027-01-01").unwrap_err();
    assert_eq!(
        closed.field("budget_id"),
        Some("has closed; choose an open budget")
    );
    let backwards = input(10, "2026-10-01").validate();
    assert_eq!(backwards[0].field, "ends_on");
}

#[test]
fn request_and_claim_machines() {
    use ClaimStatus as C;
    use MdfRequestStatus as R;
    let reject = MdfAction::Reject {
        reason: "No".into(),
    };
    assert_eq!(
        request_transition(R::Submitted, &MdfAction::Approve, true).unwrap(),
        (R::Approved, None)
    );
    assert_eq!(
        request_transition(R::Submitted, &reject, true).unwrap(),
        (R::Rejected, Some("No".into()))
    );
    assert_eq!(
        request_transition(R::Approved, &reject, true)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        request_transition(R::Submitted, &MdfAction::Approve, false)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    let blank = MdfAction::Reject { reason: " ".into() };
    assert_eq!(
        claim_transition(C::Submitted, &blank, true)
            .unwrap_err()
            .field("reason"),
        Some("is required")
    );
    assert_eq!(
        claim_transition(C::Approved, &MdfAction::MarkPaid, true)
            .unwrap()
            .0,
        C::Paid
    );
    assert!(claim_transition(C::Submitted, &MdfAction::MarkPaid, true).is_err());
    assert!(claim_transition(C::Paid, &MdfAction::Approve, true).is_err());
    assert_eq!(claim_actions(C::Approved, true), vec![MdfAction::MarkPaid]);
    assert_eq!(request_actions(R::Submitted, true).len(), 2);
    assert!(request_actions(R::Submitted, false).is_empty());
}

#[test]
fn claims_stay_within_the_approved_amount() {
    let mut request = MdfRequest {
        id: "r".into(),
        budget_id: "b".into(),
        activity: "Webinar".into(),
        description: String::new(),
        amount: 5_000,
        currency: "EUR".into(),
        starts_on: "2026-09-01".into(),
        ends_on: "2026-09-30".into(),
        status: MdfRequestStatus::Submitted,
        reviewer_reason: None,
        claimed: 4_000,
        partner_account_id: None,
        owner_user_id: None,
        created_at: String::new(),
        updated_at: String::new(),
    };
    let claim = |amount| MdfClaimInput {
        request_id: "r".into(),
        amount,
        proof: Upload {
            file_name: "i.pdf".into(),
            data: "JVBERi0=".into(),
        },
    };
    assert_eq!(
        check_claim(&request, &claim(100)).unwrap_err().code,
        ErrorCode::Conflict
    );
    request.status = MdfRequestStatus::Approved;
    assert!(check_claim(&request, &claim(1_000)).is_ok());
    assert_eq!(
        check_claim(&request, &claim(1_001))
            .unwrap_err()
            .field("amount"),
        Some("exceeds the 1,000 EUR left")
    );
}
