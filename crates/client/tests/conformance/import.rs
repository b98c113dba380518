//! CSV import with a validation report, all-or-nothing or valid rows only, and exports limited to what the user sees.

use trellis_api::import::*;
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, login};

const FILE: &str = "Company,Contact,Email,Zip\nInitrode,Nina Berg,nina@initrode.example,10115\n\
                    Umbrella,Al Wesker,not-an-email,\nMassive Dynamic,Nina Sharp,nina@massive.example,02139\n";

pub async fn csv_imports_report_bad_rows_and_exports_stay_in_scope(b: &dyn PrmBackend) {
    login(b, "partner@cedar.test").await;
    let table = parse_csv(FILE).unwrap();
    let request = |mode, dry_run| ImportRequest {
        kind: ImportKind::Leads,
        csv: FILE.into(),
        mapping: suggest_mapping(ImportKind::Leads, &table.headers),
        mode,
        dry_run,
    };
    let before = all_leads(b, ListQuery::default()).await.len();
    let strict = b
        .import_csv(&request(ImportMode::AllOrNothing, false))
        .await
        .expect("report");
    assert_eq!((strict.total, strict.valid, strict.imported), (3, 2, 0));
    assert_eq!(strict.problems[0].line, 3);
    assert_eq!(strict.problems[0].errors[0].field, "email");
    assert_eq!(
        all_leads(b, ListQuery::default()).await.len(),
        before,
        "nothing written"
    );
    let dry = b
        .import_csv(&request(ImportMode::ValidRows, true))
        .await
        .unwrap();
    assert_eq!(dry.imported, 0);
    let done = b
        .import_csv(&request(ImportMode::ValidRows, false))
        .await
        .unwrap();
    assert_eq!(done.imported, 2);
    let leads = all_leads(b, ListQuery::default()).await;
    assert_eq!(leads.len(), before + 2);
    let nina = leads
        .iter()
        .find(|l| l.company == "Initrode")
        .expect("imported");
    assert_eq!(
        (nina.status, nina.partner_account_id.as_deref()),
        (LeadStatus::Accepted, Some("acc_cedar"))
    );
    let mut bad = request(ImportMode::ValidRows, false);
    bad.mapping = vec![None; 4];
    assert_eq!(code(b.import_csv(&bad).await), ErrorCode::Validation);
    bad.kind = ImportKind::Accounts;
    assert_eq!(code(b.import_csv(&bad).await), ErrorCode::Forbidden);

    let export = b.export_csv(ImportKind::Leads).await.expect("export");
    let rows = parse_csv(&export.csv).unwrap();
    assert_eq!(rows.headers[0], "id");
    assert_eq!(rows.rows.len(), leads.len());
    let account_col = rows
        .headers
        .iter()
        .position(|h| h == "partner_account_id")
        .unwrap();
    assert!(rows.rows.iter().all(|r| r[account_col] == "acc_cedar"));
    let accounts = b.export_csv(ImportKind::Accounts).await.unwrap();
    assert_eq!(
        parse_csv(&accounts.csv).unwrap().rows.len(),
        1,
        "only their own account"
    );
}
