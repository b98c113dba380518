//! Dashboards and reports, computed from the records a viewer may see.
//!
//! Both backends load the viewer's visible records and call [`build`], so a report can never
//! show more than the lists do, and the REST and demo backends agree figure for figure.

mod partner;
mod staff;

use crate::{validate, Account, DealRegistration, FieldError, Lead, Opportunity, Tier, TierChange};
use serde::{Deserialize, Serialize};

use crate::surveys::{Survey, SurveyResponse};
use crate::training::{Attempt, TrainingModule};

/// Every report a dashboard can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    PipelineByStage,
    WinRate,
    LeadsByStatus,
    DealsByStatus,
    TrainingProgress,
    PartnerGrowth,
    PipelineByPartner,
    PipelineByTier,
    TopPartners,
    ApprovalTimes,
    LeadAcceptance,
    Nps,
}

/// What a column's numbers mean, for formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    /// Whole units of the column's currency.
    Money,
    Percent,
    Days,
    /// A Net Promoter Score, −100 to 100.
    Score,
}

/// How the report is best drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Bar,
    Line,
}

/// One numeric column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportColumn))]
pub struct Column {
    pub name: String,
    pub unit: Unit,
    /// The currency of a money column.
    pub currency: Option<String>,
}

/// One labelled row of figures, in column order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRow {
    pub label: String,
    pub values: Vec<i64>,
}

/// A report: a table that is also drawn as a chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub kind: ReportKind,
    pub title: String,
    /// What is counted and which date the range applies to.
    pub description: String,
    /// The one figure to read first ("Win rate 43 %").
    pub headline: Option<String>,
    /// Header of the label column.
    pub row_label: String,
    pub columns: Vec<Column>,
    pub rows: Vec<ReportRow>,
    pub chart: ChartKind,
    /// The column drawn by default.
    pub chart_column: u32,
}

/// A report total: amounts are bounded (`validate::MAX_AMOUNT`), and a sum of more of them
/// than fit in an `i64` stops at its maximum instead of wrapping negative.
pub fn add(total: i64, amount: i64) -> i64 {
    total.saturating_add(amount)
}

/// A date range, both ends inclusive, as `YYYY-MM-DD`; an open end is unbounded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl crate::Validate for ReportQuery {
    /// A bad end, or a `to` before `from`.
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for (field, v) in [("from", &self.from), ("to", &self.to)] {
            if v.as_deref().is_some_and(|d| !validate::is_iso_date(d)) {
                errors.push(FieldError::new(field, "must be a date as YYYY-MM-DD"));
            }
        }
        if let (Some(f), Some(t)) = (&self.from, &self.to) {
            if errors.is_empty() && t < f {
                errors.push(FieldError::new("to", "must not be before the start date"));
            }
        }
        errors
    }
}

impl ReportQuery {
    /// Whether a timestamp or date (its first ten characters) falls in the range.
    pub fn contains(&self, at: &str) -> bool {
        let day = at.get(..10).unwrap_or(at);
        self.from.as_deref().is_none_or(|f| day >= f) && self.to.as_deref().is_none_or(|t| day <= t)
    }
}

/// Everything the viewer may see that reports are computed from.
#[derive(Clone, Copy)]
pub struct ReportData<'a> {
    /// Vendor staff get the program-wide reports too.
    pub staff: bool,
    /// `YYYY-MM-DD`.
    pub today: &'a str,
    pub leads: &'a [Lead],
    pub deals: &'a [DealRegistration],
    pub opportunities: &'a [Opportunity],
    pub accounts: &'a [Account],
    pub tiers: &'a [Tier],
    pub tier_changes: &'a [TierChange],
    pub modules: &'a [TrainingModule],
    pub attempts: &'a [Attempt],
    pub surveys: &'a [Survey],
    pub responses: &'a [SurveyResponse],
}

/// The viewer's dashboard: the partner reports, and for staff the program reports after them.
pub fn build(data: &ReportData, range: &ReportQuery) -> Vec<Report> {
    let mut out = vec![
        partner::pipeline_by_stage(data, range),
        partner::win_rate(data, range),
        partner::leads_by_status(data, range),
        partner::deals_by_status(data, range),
        partner::training_progress(data, range),
    ];
    if data.staff {
        out.extend([
            staff::partner_growth(data, range),
            staff::pipeline_by(data, range, ReportKind::PipelineByPartner),
            staff::pipeline_by(data, range, ReportKind::PipelineByTier),
            staff::top_partners(data, range),
            staff::approval_times(data, range),
            staff::lead_acceptance(data, range),
            staff::nps(data, range),
        ]);
    }
    out
}

/// A report as CSV: the label column, then every column with its unit.
pub fn to_csv(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![report.row_label.clone()];
    header.extend(report.columns.iter().map(|c| c.name.clone()));
    let _ = w.write_record(&header);
    for row in &report.rows {
        let mut record = vec![row.label.clone()];
        record.extend(row.values.iter().map(i64::to_string));
        let _ = w.write_record(&record);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// "closed_won" → "Closed won".
pub(crate) fn human(wire: &str) -> String {
    let s = wire.replace('_', " ");
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The currencies present, sorted, for one money column each.
pub(crate) fn currencies<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = codes.map(str::to_string).collect();
    out.sort();
    out.dedup();
    out
}

pub(crate) fn count(name: &str) -> Column {
    Column {
        name: name.into(),
        unit: Unit::Count,
        currency: None,
    }
}

pub(crate) fn unit(name: &str, unit: Unit) -> Column {
    Column {
        name: name.into(),
        unit,
        currency: None,
    }
}

pub(crate) fn money(prefix: &str, currency: &str) -> Column {
    Column {
        name: format!("{prefix} ({currency})"),
        unit: Unit::Money,
        currency: Some(currency.into()),
    }
}

/// `part` of `whole` in whole percent (0 when there is no whole).
pub(crate) fn percent(part: usize, whole: usize) -> i64 {
    if whole == 0 {
        0
    } else {
        ((part as f64) * 100.0 / whole as f64).round() as i64
    }
}

#[cfg(test)]
mod tests;
