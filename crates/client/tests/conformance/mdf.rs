//! Market development funds: requests against budgets, claims with proof, and who may see what.

use trellis_api::upload::encode;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{code, login};

fn request(budget: &MdfBudget, activity: &str, amount: i64) -> MdfRequestInput {
    MdfRequestInput {
        budget_id: budget.id.clone(),
        activity: activity.into(),
        description: "Booth, flyers and a webinar".into(),
        amount,
        starts_on: budget.starts_on.clone(),
        ends_on: budget.ends_on.clone(),
    }
}

fn claim(request: &MdfRequest, amount: i64, bytes: &[u8]) -> MdfClaimInput {
    MdfClaimInput {
        request_id: request.id.clone(),
        amount,
        proof: Upload {
            file_name: "C:\\invoices\\inv-7.pdf".into(),
            data: encode(bytes),
        },
    }
}

async fn current_budget(b: &dyn PrmBackend) -> MdfBudget {
    b.list_mdf_budgets()
        .await
        .expect("budgets")
        .into_iter()
        .find(|x| x.id == "mdfb_current")
        .expect("the current budget is visible")
}

pub async fn partners_request_funds_and_claim_them(b: &dyn PrmBackend) {
    login(b, "partner@bluebird.test").await;
    let budget = current_budget(b).await;
    let over = b
        .create_mdf_request(&request(&budget, "Roadshow", budget.remaining() + 1))
        .await
        .expect_err("over budget");
    assert!(over.api().and_then(|e| e.field("amount")).is_some());
    let asked = b
        .create_mdf_request(&request(&budget, "Roadshow", 4_000))
        .await
        .expect("request");
    assert_eq!(asked.status, MdfRequestStatus::Submitted);
    assert_eq!(asked.currency, budget.currency);
    let approve = MdfAction::Approve;
    assert_eq!(
        code(b.transition_mdf_request(&asked.id, &approve).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(b.create_mdf_claim(&claim(&asked, 100, b"%PDF-1.4")).await),
        ErrorCode::Conflict,
        "no claims before approval"
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    assert_eq!(
        code(b.create_mdf_request(&request(&budget, "Staff", 10)).await),
        ErrorCode::Forbidden
    );
    let approved = b
        .transition_mdf_request(&asked.id, &approve)
        .await
        .expect("approve");
    assert_eq!(approved.status, MdfRequestStatus::Approved);
    let after = current_budget(b).await;
    assert_eq!(after.committed, budget.committed + 4_000);
    assert_eq!(
        code(b.transition_mdf_request(&asked.id, &approve).await),
        ErrorCode::Conflict
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    let html = b
        .create_mdf_claim(&claim(&approved, 100, b"<script>alert(1)</script>"))
        .await
        .expect_err("not a pdf");
    assert!(html.api().and_then(|e| e.field("proof")).is_some());
    let filed = b
        .create_mdf_claim(&claim(&approved, 3_000, b"%PDF-1.4 invoice"))
        .await
        .expect("claim");
    assert_eq!(
        (filed.status, filed.proof_file_name.as_str()),
        (ClaimStatus::Submitted, "inv-7.pdf")
    );
    // Each opens on its own page, the owner's to read.
    assert_eq!(b.get_mdf_claim(&filed.id).await.expect("claim"), filed);
    assert_eq!(
        b.get_mdf_request(&approved.id).await.expect("request").id,
        approved.id
    );
    let too_much = b
        .create_mdf_claim(&claim(&approved, 1_001, b"%PDF-1.4"))
        .await
        .expect_err("over the request");
    assert_eq!(
        too_much.api().and_then(|e| e.field("amount")),
        Some("exceeds the 1,000 EUR left")
    );
    let file = b.get_file(&filed.proof_file_id).await.expect("own proof");
    assert_eq!(file.content_type, "application/pdf");
    assert_eq!(file.data, encode(b"%PDF-1.4 invoice"));
    b.logout().await.unwrap();

    login(b, "partner@cedar.test").await;
    assert_eq!(
        code(b.get_file(&filed.proof_file_id).await),
        ErrorCode::NotFound
    );
    assert_eq!(code(b.get_mdf_claim(&filed.id).await), ErrorCode::NotFound);
    assert_eq!(
        code(b.get_mdf_request(&approved.id).await),
        ErrorCode::NotFound
    );
    let seen = b.list_mdf_claims(&ListQuery::default()).await.unwrap();
    assert!(seen
        .items
        .iter()
        .all(|c| c.partner_account_id.as_deref() == Some("acc_cedar")));
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let reject = MdfAction::Reject {
        reason: "Invoice is unreadable".into(),
    };
    let rejected = b
        .transition_mdf_claim(&filed.id, &reject)
        .await
        .expect("reject");
    assert_eq!(
        rejected.reviewer_reason.as_deref(),
        Some("Invoice is unreadable")
    );
    b.logout().await.unwrap();

    login(b, "partner@bluebird.test").await;
    let again = b
        .create_mdf_claim(&claim(&approved, 4_000, b"\x89PNG\r\n\x1a\nrest"))
        .await
        .expect("a rejected claim frees its amount");
    b.logout().await.unwrap();
    login(b, "channel@trellis.test").await;
    b.transition_mdf_claim(&again.id, &MdfAction::Approve)
        .await
        .expect("approve claim");
    let paid = b
        .transition_mdf_claim(&again.id, &MdfAction::MarkPaid)
        .await
        .expect("pay");
    assert_eq!(paid.status, ClaimStatus::Paid);
}

pub async fn budgets_are_never_overspent(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let mut input = MdfBudgetInput {
        program_id: "prog_resell".into(),
        name: "Launch fund".into(),
        starts_on: "2020-01-01".into(),
        ends_on: "2999-12-31".into(),
        amount: 1_000,
        currency: "USD".into(),
    };
    let budget = b.create_mdf_budget(&input).await.expect("budget");
    input.program_id = "prog_nope".into();
    assert_eq!(
        code(b.create_mdf_budget(&input).await),
        ErrorCode::Validation
    );
    b.logout().await.unwrap();

    login(b, "partner@acme.test").await;
    let first = b
        .create_mdf_request(&request(&budget, "Ads", 600))
        .await
        .expect("first");
    let second = b
        .create_mdf_request(&request(&budget, "Flyers", 600))
        .await
        .expect("second: requests do not commit funds");
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let (x, y) = tokio::join!(
        b.transition_mdf_request(&first.id, &MdfAction::Approve),
        b.transition_mdf_request(&second.id, &MdfAction::Approve)
    );
    assert_eq!(
        [x.is_ok(), y.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "exactly one approval fits"
    );
    let loser = if x.is_ok() { y } else { x };
    assert_eq!(code(loser), ErrorCode::Validation);
    let after = b
        .list_mdf_budgets()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == budget.id)
        .unwrap();
    assert_eq!((after.committed, after.remaining()), (600, 400));
}
