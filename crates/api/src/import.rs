//! CSV import and export of leads, contacts and accounts: parsing, column mapping and a report per row.
//!
//! The browser uses these functions for the preview; the backend runs them again before writing.

use crate::{AccountInput, ApiError, ContactInput, FieldError, LeadInput, Validate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The most rows one import takes.
pub const MAX_IMPORT_ROWS: usize = 5000;

/// What a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Leads,
    Contacts,
    Accounts,
}

/// Import the valid rows and skip the others, or import nothing unless every row is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    ValidRows,
    AllOrNothing,
}

/// `POST /api/import`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRequest {
    pub kind: ImportKind,
    /// The file's text.
    pub csv: String,
    /// For each CSV column, the field it fills (`None` to ignore the column).
    pub mapping: Vec<Option<String>>,
    pub mode: ImportMode,
    /// Check and report only; write nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// One row's problems; `line` counts the header as line 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowProblem {
    pub line: usize,
    pub errors: Vec<FieldError>,
}

/// What an import found and did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub total: usize,
    pub valid: usize,
    pub imported: usize,
    pub problems: Vec<RowProblem>,
}

/// A CSV export (`GET /api/export/{kind}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CsvExport {
    pub file_name: String,
    pub csv: String,
}

/// A parsed CSV file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CsvTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A row's line number and its input, or its field errors.
pub type CheckedRow = (usize, Result<ImportRow, Vec<FieldError>>);

/// One valid row, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportRow {
    Lead(LeadInput),
    Contact(ContactInput),
    Account(AccountInput),
}

impl ImportKind {
    /// The fields a column can fill: (field, label, required).
    pub fn fields(self) -> &'static [(&'static str, &'static str, bool)] {
        match self {
            ImportKind::Leads => &[
                ("company", "Company", true),
                ("contact_name", "Contact name", true),
                ("email", "Email", true),
                ("phone", "Phone", false),
                ("region", "Region", false),
                ("postcode", "Postcode", false),
                ("product_interest", "Product interest", false),
            ],
            ImportKind::Contacts => &[
                ("first_name", "First name", true),
                ("last_name", "Last name", true),
                ("email", "Email", true),
                ("phone", "Phone", false),
                ("title", "Job title", false),
                ("company", "Company", false),
            ],
            ImportKind::Accounts => &[
                ("name", "Name", true),
                ("domain", "Web domain", true),
                ("region", "Region", false),
            ],
        }
    }

    /// The plural noun ("leads").
    pub fn noun(self) -> &'static str {
        match self {
            ImportKind::Leads => "leads",
            ImportKind::Contacts => "contacts",
            ImportKind::Accounts => "accounts",
        }
    }
}

fn bad(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::validation(vec![FieldError::new(field, message)])
}

/// Parses CSV text with a header row; ragged rows and oversize files are refused with the line.
pub fn parse_csv(text: &str) -> Result<CsvTable, ApiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad("csv", format!("could not be read: {e}")))?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(bad("csv", "has no header row"));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            bad(
                "csv",
                format!(
                    "line {line} does not have {} columns like the header",
                    headers.len()
                ),
            )
        })?;
        if rows.len() == MAX_IMPORT_ROWS {
            return Err(bad(
                "csv",
                format!("has more than {MAX_IMPORT_ROWS} rows; split the file"),
            ));
        }
        if record.iter().any(|f| !f.is_empty()) {
            rows.push(record.iter().map(str::to_string).collect());
        }
    }
    if rows.is_empty() {
        return Err(bad("csv", "has no rows under the header"));
    }
    Ok(CsvTable { headers, rows })
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// The field each column most likely fills, by its header ("E-mail" → email, "Zip" → postcode).
pub fn suggest_mapping(kind: ImportKind, headers: &[String]) -> Vec<Option<String>> {
    let synonyms: &[(&str, &str)] = &[
        ("mail", "email"),
        ("emailaddress", "email"),
        ("zip", "postcode"),
        ("zipcode", "postcode"),
        ("postalcode", "postcode"),
        ("contact", "contact_name"),
        ("name", "name"),
        ("firstname", "first_name"),
        ("lastname", "last_name"),
        ("surname", "last_name"),
        ("product", "product_interest"),
        ("website", "domain"),
        ("organisation", "company"),
        ("organization", "company"),
        ("telephone", "phone"),
    ];
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h = normalise(h);
            let field = kind
                .fields()
                .iter()
                .find(|(f, label, _)| normalise(f) == h || normalise(label) == h)
                .map(|(f, _, _)| *f)
                .or_else(|| {
                    synonyms
                        .iter()
                        .find(|(s, f)| *s == h && kind.fields().iter().any(|(k, _, _)| k == f))
                        .map(|(_, f)| *f)
                })
                .filter(|f| !taken.contains(f));
            taken.extend(field);
            field.map(str::to_string)
        })
        .collect()
}

/// Every row as a valid input or its field errors, after checking the mapping itself.
pub fn check_rows(
    kind: ImportKind,
    table: &CsvTable,
    mapping: &[Option<String>],
) -> Result<Vec<CheckedRow>, ApiError> {
    if mapping.len() != table.headers.len() {
        return Err(bad(
            "mapping",
            "must name a field (or none) for every column",
        ));
    }
    let mut used: Vec<&str> = Vec::new();
    for field in mapping.iter().flatten() {
        if !kind.fields().iter().any(|(f, _, _)| f == field) {
            return Err(bad(
                "mapping",
                format!("'{field}' is not a field of {}", kind.noun()),
            ));
        }
        if used.contains(&field.as_str()) {
            return Err(bad(
                "mapping",
                format!("'{field}' is chosen for two columns"),
            ));
        }
        used.push(field);
    }
    for (field, label, required) in kind.fields() {
        if *required && !used.contains(field) {
            return Err(bad("mapping", format!("no column is chosen for {label}")));
        }
    }
    Ok(table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| (i + 2, row_input(kind, row, mapping)))
        .collect())
}

fn row_input(
    kind: ImportKind,
    row: &[String],
    mapping: &[Option<String>],
) -> Result<ImportRow, Vec<FieldError>> {
    let mut map: Map<String, Value> = kind
        .fields()
        .iter()
        .map(|(f, _, _)| (f.to_string(), Value::from("")))
        .collect();
    for (value, field) in row.iter().zip(mapping) {
        if let Some(field) = field {
            map.insert(field.clone(), Value::from(value.trim()));
        }
    }
    let decode_error = |e: serde_json::Error| vec![FieldError::new("row", e.to_string())];
    let value = Value::Object(map);
    let (row, errors) = match kind {
        ImportKind::Leads => {
            let input: LeadInput = serde_json::from_value(value).map_err(decode_error)?;
            let errors = input.validate();
            (ImportRow::Lead(input), errors)
        }
        ImportKind::Contacts => {
            let input: ContactInput = serde_json::from_value(value).map_err(decode_error)?;
            let errors = input.validate();
            (ImportRow::Contact(input), errors)
        }
        ImportKind::Accounts => {
            let input: AccountInput = serde_json::from_value(value).map_err(decode_error)?;
            let errors = input.validate();
            (ImportRow::Account(input), errors)
        }
    };
    if errors.is_empty() {
        Ok(row)
    } else {
        Err(errors)
    }
}

/// The report of checked rows, before anything is written.
pub fn report(checked: &[CheckedRow]) -> ImportReport {
    let problems: Vec<RowProblem> = checked
        .iter()
        .filter_map(|(line, r)| {
            r.as_ref().err().map(|errors| RowProblem {
                line: *line,
                errors: errors.clone(),
            })
        })
        .collect();
    ImportReport {
        total: checked.len(),
        valid: checked.len() - problems.len(),
        imported: 0,
        problems,
    }
}

/// Records as CSV: the given columns of each record's JSON fields, with a header row.
pub fn to_csv<T: Serialize>(columns: &[&str], records: &[T]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(columns);
    for r in records {
        let map = crate::records::kind::fields(r);
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match map.get(*c) {
                Some(Value::String(s)) => neutralise(s),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Spreadsheets run cells starting with `=`, `+`, `-` or `@` as formulas: prefix those with `'`.
fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The columns exported for each kind.
pub fn export_columns(kind: ImportKind) -> &'static [&'static str] {
    match kind {
        ImportKind::Leads => &[
            "id",
            "company",
            "contact_name",
            "email",
            "phone",
            "region",
            "postcode",
            "product_interest",
            "status",
            "partner_account_id",
            "created_at",
        ],
        ImportKind::Contacts => &[
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "title",
            "company",
            "created_at",
        ],
        ImportKind::Accounts => &[
            "id",
            "name",
            "domain",
            "region",
            "is_partner",
            "partner_type",
            "tier_id",
            "created_at",
        ],
    }
}

#[cfg(test)]
mod tests;
