//! The demo organisation's market development funds: two budgets, requests and claims in every state.

use crate::datetime::{date, timestamp};
use crate::mdf::{ClaimStatus, MdfBudget, MdfClaim, MdfRequest, MdfRequestStatus};

/// A seeded uploaded file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SeedFile {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub partner_account_id: String,
    pub owner_user_id: String,
}

/// Budgets, requests, claims and their proof files.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DemoMdf {
    pub budgets: Vec<MdfBudget>,
    pub requests: Vec<MdfRequest>,
    pub claims: Vec<MdfClaim>,
    pub files: Vec<SeedFile>,
}

/// (id, budget, account, owner, activity, amount, start offset, status, reason, days ago).
type RequestRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    i64,
    MdfRequestStatus,
    Option<&'static str>,
    i64,
);

/// A small but real PDF, so seeded proofs open in a viewer.
fn receipt(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 100]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n\
         4 0 obj<</Length {}>>stream\nBT /F1 12 Tf 20 50 Td ({text}) Tj ET\nendstream endobj\n\
         5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        text.len() + 29
    )
    .into_bytes()
}

/// The demo MDF as of `now` (seconds since the epoch).
pub fn demo_mdf(now: i64) -> DemoMdf {
    let today = now / 86_400;
    let budget = |id: &str, name: &str, from: i64, to: i64, amount: i64| MdfBudget {
        id: id.into(),
        program_id: "prog_resell".into(),
        name: name.into(),
        starts_on: date(today + from),
        ends_on: date(today + to),
        amount,
        currency: "EUR".into(),
        committed: 0,
        created_at: timestamp(now + (from - 10) * 86_400),
    };
    let mut budgets = vec![
        budget("mdfb_current", "This half-year", -60, 120, 50_000),
        budget("mdfb_previous", "Previous half-year", -240, -61, 40_000),
    ];
    let rows: [RequestRow; 7] = [
        (
            "mdfr_webinar",
            "mdfb_current",
            "acc_acme",
            "usr_acme_exec",
            "Webinar series: cloud migration",
            6_000,
            -40,
            MdfRequestStatus::Approved,
            None,
            50,
        ),
        (
            "mdfr_booth",
            "mdfb_current",
            "acc_acme",
            "usr_acme_rep",
            "Trade show booth, Berlin",
            12_000,
            30,
            MdfRequestStatus::Submitted,
            None,
            3,
        ),
        (
            "mdfr_brochure",
            "mdfb_current",
            "acc_acme",
            "usr_acme_mgr",
            "Printed product brochures",
            2_500,
            -30,
            MdfRequestStatus::Approved,
            None,
            45,
        ),
        (
            "mdfr_email",
            "mdfb_current",
            "acc_bluebird",
            "usr_blue_exec",
            "Email campaign to installers",
            5_000,
            -10,
            MdfRequestStatus::Approved,
            None,
            20,
        ),
        (
            "mdfr_lunch",
            "mdfb_current",
            "acc_bluebird",
            "usr_blue_rep",
            "Partner lunch and learn",
            1_500,
            5,
            MdfRequestStatus::Rejected,
            Some("Food-only events are not eligible for MDF"),
            12,
        ),
        (
            "mdfr_ads",
            "mdfb_current",
            "acc_cedar",
            "usr_cedar_exec",
            "Search ads for the Asia launch",
            3_000,
            14,
            MdfRequestStatus::Submitted,
            None,
            2,
        ),
        (
            "mdfr_roadshow",
            "mdfb_previous",
            "acc_acme",
            "usr_acme_exec",
            "Spring roadshow",
            10_000,
            -200,
            MdfRequestStatus::Approved,
            None,
            230,
        ),
    ];
    let mut requests: Vec<MdfRequest> = rows
        .iter()
        .map(
            |&(id, b, account, owner, activity, amount, start, status, reason, ago)| {
                let at = timestamp(now - ago * 86_400);
                MdfRequest {
                    id: id.into(),
                    budget_id: b.into(),
                    activity: activity.into(),
                    description: format!("{activity}: costs for venue, content and promotion."),
                    amount,
                    currency: "EUR".into(),
                    starts_on: date(today + start),
                    ends_on: date(today + start + 7),
                    status,
                    reviewer_reason: reason.map(Into::into),
                    claimed: 0,
                    partner_account_id: Some(account.into()),
                    owner_user_id: Some(owner.into()),
                    created_at: at.clone(),
                    updated_at: at,
                }
            },
        )
        .collect();
    for r in requests
        .iter()
        .filter(|r| r.status == MdfRequestStatus::Approved)
    {
        if let Some(b) = budgets.iter_mut().find(|b| b.id == r.budget_id) {
            b.committed += r.amount;
        }
    }
    // (request, amount, status, days ago)
    let claim_rows = [
        ("mdfr_webinar", 4_000, ClaimStatus::Paid, 20),
        ("mdfr_webinar", 2_000, ClaimStatus::Submitted, 4),
        ("mdfr_brochure", 2_500, ClaimStatus::Approved, 8),
        ("mdfr_roadshow", 10_000, ClaimStatus::Paid, 150),
    ];
    let (mut claims, mut files) = (Vec::new(), Vec::new());
    for (i, &(request_id, amount, status, ago)) in claim_rows.iter().enumerate() {
        let Some(request) = requests.iter_mut().find(|r| r.id == request_id) else {
            continue;
        };
        request.claimed += amount;
        let file = SeedFile {
            id: format!("file_seed_{i}"),
            file_name: format!("invoice-{}.pdf", 1041 + i),
            content_type: "application/pdf".into(),
            bytes: receipt(&format!("Invoice {} - EUR {amount}", 1041 + i)),
            partner_account_id: request.partner_account_id.clone().unwrap_or_default(),
            owner_user_id: request.owner_user_id.clone().unwrap_or_default(),
        };
        let at = timestamp(now - ago * 86_400);
        claims.push(MdfClaim {
            id: format!("mdfc_seed_{i}"),
            request_id: request.id.clone(),
            activity: request.activity.clone(),
            amount,
            currency: "EUR".into(),
            status,
            reviewer_reason: None,
            proof_file_id: file.id.clone(),
            proof_file_name: file.file_name.clone(),
            proof_content_type: file.content_type.clone(),
            proof_size: file.bytes.len() as i64,
            partner_account_id: request.partner_account_id.clone(),
            owner_user_id: request.owner_user_id.clone(),
            created_at: at.clone(),
            updated_at: at,
        });
        files.push(file);
    }
    DemoMdf {
        budgets,
        requests,
        claims,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::sniff;

    #[test]
    fn seeded_funds_add_up_and_cover_every_state() {
        let mdf = demo_mdf(1_790_000_000);
        for b in &mdf.budgets {
            let approved: i64 = mdf
                .requests
                .iter()
                .filter(|r| r.budget_id == b.id && r.status == MdfRequestStatus::Approved)
                .map(|r| r.amount)
                .sum();
            assert_eq!(b.committed, approved);
            assert!(b.remaining() >= 0);
        }
        for r in &mdf.requests {
            assert!(r.claimed <= r.amount, "{}", r.id);
            assert!(
                r.starts_on
                    >= mdf
                        .budgets
                        .iter()
                        .find(|b| b.id == r.budget_id)
                        .unwrap()
                        .starts_on
            );
        }
        for s in [
            ClaimStatus::Submitted,
            ClaimStatus::Approved,
            ClaimStatus::Paid,
        ] {
            assert!(mdf.claims.iter().any(|c| c.status == s));
        }
        assert!(mdf
            .files
            .iter()
            .all(|f| sniff(&f.bytes) == Some("application/pdf")));
    }
}
