//! The demo backend's CSV import and export, with the same shared checks as the server.

use trellis_api::datetime::timestamp;
use trellis_api::import::*;
use trellis_api::record::new_record_fields;
use trellis_api::*;

use super::{apply_due, decode, err, now_unix, DemoBackend, Stored};
use crate::ClientResult;

impl DemoBackend {
    pub(super) fn import_now(&self, request: &ImportRequest) -> ClientResult<ImportReport> {
        let user = self.user()?;
        let staff = user.role.is_internal();
        if request.kind == ImportKind::Accounts && !staff {
            return Err(err(ErrorCode::Forbidden, "Only vendor staff may do this"));
        }
        let table = parse_csv(&request.csv)?;
        let checked = check_rows(request.kind, &table, &request.mapping)?;
        let mut report = report(&checked);
        if request.dry_run
            || (request.mode == ImportMode::AllOrNothing && !report.problems.is_empty())
        {
            return Ok(report);
        }
        let (account, owner) = if staff {
            (None, None)
        } else {
            (user.partner_account_id.clone(), Some(user.id.clone()))
        };
        let at = timestamp(now_unix());
        let mut created = (Vec::new(), Vec::new(), Vec::new());
        for (_, row) in checked {
            match row {
                Ok(ImportRow::Lead(input)) => {
                    created.0.push(decode::<Lead>(new_record_fields::<Lead>(
                        &input,
                        self.next_id(Lead::PREFIX),
                        account.clone(),
                        owner.clone(),
                        !staff,
                        &at,
                    ))?)
                }
                Ok(ImportRow::Contact(input)) => {
                    created
                        .1
                        .push(decode::<Contact>(new_record_fields::<Contact>(
                            &input,
                            self.next_id(Contact::PREFIX),
                            account.clone(),
                            owner.clone(),
                            !staff,
                            &at,
                        ))?)
                }
                Ok(ImportRow::Account(input)) => created.2.push(Account {
                    id: self.next_id("acc_"),
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
        // Everything is built before anything is stored: one failure above leaves the data as it was.
        let mut state = self.write();
        state.data.leads.extend(created.0);
        state.data.contacts.extend(created.1);
        state.data.accounts.extend(created.2);
        Ok(report)
    }

    fn visible<R: Stored>(&self) -> ClientResult<Vec<R>> {
        let scope = Scope::of(&self.user()?);
        let mut state = self.write();
        apply_due::<R>(&mut state.data);
        let mut items: Vec<R> = R::table(&mut state.data)
            .iter()
            .filter(|r| trellis_api::record::visible(&scope, *r))
            .cloned()
            .collect();
        items.reverse();
        Ok(items)
    }

    pub(super) fn export_now(&self, kind: ImportKind) -> ClientResult<CsvExport> {
        let user = self.user()?;
        let columns = export_columns(kind);
        let csv = match kind {
            ImportKind::Leads => to_csv(columns, &self.visible::<Lead>()?),
            ImportKind::Contacts => to_csv(columns, &self.visible::<Contact>()?),
            ImportKind::Accounts => {
                let state = self.state.borrow();
                let mut accounts: Vec<&Account> = state
                    .data
                    .accounts
                    .iter()
                    .filter(|a| {
                        user.role.is_internal() || user.partner_account_id.as_ref() == Some(&a.id)
                    })
                    .collect();
                accounts.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
                to_csv(columns, &accounts)
            }
        };
        let today = timestamp(now_unix());
        Ok(CsvExport {
            file_name: format!("trellis-{}-{}.csv", kind.noun(), &today[..10]),
            csv,
        })
    }
}
