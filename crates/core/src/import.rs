//! CSV import (checked row by row, written all together) and CSV export of what the user may see.

use trellis_api::activity::{created, Activity};
use trellis_api::import::{
    check_rows, export_columns, parse_csv, report, to_csv, CsvExport, ImportKind, ImportMode,
    ImportReport, ImportRequest, ImportRow,
};
use trellis_api::records::kind::{new_record_fields, Record as _};
use trellis_api::{staff_only, Account, Contact, Lead, Scope};

use crate::activity::new_id;
use crate::cx::Cx;
use crate::error::Result;
use crate::records::{decode, RecordStore};

/// Where an import is written.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait ImportStore: RecordStore {
    /// Adds every imported record, with their timeline entries `log`, in one write: all of
    /// them or, on failure, none.
    async fn import(
        &self,
        leads: &[Lead],
        contacts: &[Contact],
        accounts: &[Account],
        log: &[Activity],
    ) -> Result<()>;
}

/// Checks a CSV file against a column mapping and imports its rows: the valid ones, or all or none.
pub async fn import<S: ImportStore>(
    cx: &Cx<'_, S>,
    request: &ImportRequest,
) -> Result<ImportReport> {
    let user = cx.user;
    if request.kind == ImportKind::Accounts {
        staff_only(user)?;
    }
    let table = parse_csv(&request.csv)?;
    let checked = check_rows(request.kind, &table, &request.mapping)?;
    let mut report = report(&checked);
    let blocked = request.mode == ImportMode::AllOrNothing && !report.problems.is_empty();
    if request.dry_run || blocked {
        return Ok(report);
    }
    let staff = user.role.is_internal();
    let (account, owner) = match staff {
        true => (None, None),
        false => (user.partner_account_id.clone(), Some(user.id.clone())),
    };
    let at = cx.timestamp();
    let (mut leads, mut contacts, mut accounts) = (Vec::new(), Vec::new(), Vec::new());
    for (_, row) in checked {
        match row {
            Ok(ImportRow::Lead(input)) => leads.push(decode::<Lead>(new_record_fields::<Lead>(
                &input,
                cx.store.new_id(Lead::PREFIX),
                account.clone(),
                owner.clone(),
                !staff,
                &at,
            ))?),
            Ok(ImportRow::Contact(input)) => {
                contacts.push(decode::<Contact>(new_record_fields::<Contact>(
                    &input,
                    cx.store.new_id(Contact::PREFIX),
                    account.clone(),
                    owner.clone(),
                    !staff,
                    &at,
                ))?)
            }
            Ok(ImportRow::Account(input)) => accounts.push(Account {
                id: cx.store.new_id("acc_"),
                name: input.name.trim().into(),
                domain: input.domain.trim().into(),
                region: input.region.trim().into(),
                is_partner: false,
                partner_type: None,
                tier_id: None,
                created_at: at.clone(),
            }),
            Err(_) => continue,
        }
        report.imported += 1;
    }
    let mut log: Vec<Activity> = Vec::with_capacity(leads.len() + contacts.len());
    for lead in &leads {
        log.push(created(new_id(cx.store), lead, Some(user), &at));
    }
    for contact in &contacts {
        log.push(created(new_id(cx.store), contact, Some(user), &at));
    }
    cx.store.import(&leads, &contacts, &accounts, &log).await?;
    Ok(report)
}

/// Every lead, contact or account the user may see, as CSV.
pub async fn export<S: RecordStore>(cx: &Cx<'_, S>, kind: ImportKind) -> Result<CsvExport> {
    let user = cx.user;
    let scope = Scope::of(user);
    let columns = export_columns(kind);
    let csv = match kind {
        ImportKind::Leads => to_csv(columns, &cx.store.all::<Lead>(&scope).await?),
        ImportKind::Contacts => to_csv(columns, &cx.store.all::<Contact>(&scope).await?),
        ImportKind::Accounts => {
            let mut accounts = cx.store.all_accounts().await?;
            if !user.role.is_internal() {
                accounts.retain(|a| user.partner_account_id.as_ref() == Some(&a.id));
            }
            to_csv(columns, &accounts)
        }
    };
    Ok(CsvExport {
        file_name: format!("trellis-{}-{}.csv", kind.noun(), cx.today()),
        csv,
    })
}
