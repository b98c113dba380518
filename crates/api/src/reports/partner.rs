//! Reports every viewer gets, over the records they may see.

use super::{
    count, currencies, human, money, percent, Attempt, ChartKind, DealRegistration, Lead,
    Opportunity, Report, ReportData, ReportKind, ReportQuery, ReportRow,
};
use crate::datetime::days_between;
use crate::training::ProgressStatus;
use crate::{wire_name, DealStatus, LeadStatus, Stage};

const STAGES: [Stage; 6] = Stage::ALL;

/// The sum of `amount` in each of `currencies`, in that order.
fn per_currency<T>(
    currencies: &[String],
    items: &[&&T],
    amount: impl Fn(&T) -> (&String, i64),
) -> Vec<i64> {
    currencies
        .iter()
        .map(|c| {
            items
                .iter()
                .map(|i| amount(i))
                .filter(|(cur, _)| *cur == c)
                .map(|(_, a)| a)
                .fold(0, crate::reports::add)
        })
        .collect()
}

pub(super) fn pipeline_by_stage(data: &ReportData, range: &ReportQuery) -> Report {
    let opps: Vec<&Opportunity> = data
        .opportunities
        .iter()
        .filter(|o| range.contains(&o.close_date))
        .collect();
    let cur = currencies(opps.iter().map(|o| o.currency.as_str()));
    let mut columns = vec![count("Opportunities")];
    columns.extend(cur.iter().map(|c| money("Amount", c)));
    let rows = STAGES
        .iter()
        .map(|stage| {
            let here: Vec<&&Opportunity> = opps.iter().filter(|o| o.stage == *stage).collect();
            let mut values = vec![here.len() as i64];
            values.extend(per_currency(&cur, &here, |o| (&o.currency, o.amount)));
            ReportRow {
                label: human(&wire_name(stage)),
                values,
            }
        })
        .collect();
    let open = opps
        .iter()
        .filter(|o| !matches!(o.stage, Stage::ClosedWon | Stage::ClosedLost))
        .count();
    Report {
        kind: ReportKind::PipelineByStage,
        title: "Pipeline by stage".into(),
        description: "Opportunities by stage, by expected close date in the range.".into(),
        headline: Some(format!("{open} open opportunities")),
        row_label: "Stage".into(),
        columns,
        rows,
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

pub(super) fn win_rate(data: &ReportData, range: &ReportQuery) -> Report {
    let closed: Vec<&Opportunity> = data
        .opportunities
        .iter()
        .filter(|o| matches!(o.stage, Stage::ClosedWon | Stage::ClosedLost))
        .filter(|o| range.contains(&o.close_date))
        .collect();
    let cur = currencies(closed.iter().map(|o| o.currency.as_str()));
    let mut columns = vec![count("Opportunities")];
    columns.extend(cur.iter().map(|c| money("Amount", c)));
    let row = |stage: Stage| {
        let here: Vec<&&Opportunity> = closed.iter().filter(|o| o.stage == stage).collect();
        let mut values = vec![here.len() as i64];
        values.extend(per_currency(&cur, &here, |o| (&o.currency, o.amount)));
        ReportRow {
            label: if stage == Stage::ClosedWon {
                "Won"
            } else {
                "Lost"
            }
            .into(),
            values,
        }
    };
    let won = closed
        .iter()
        .filter(|o| o.stage == Stage::ClosedWon)
        .count();
    Report {
        kind: ReportKind::WinRate,
        title: "Win rate".into(),
        description: "Closed opportunities won and lost, by close date in the range.".into(),
        headline: (!closed.is_empty())
            .then(|| format!("Win rate {} %", percent(won, closed.len()))),
        row_label: "Outcome".into(),
        columns,
        rows: vec![row(Stage::ClosedWon), row(Stage::ClosedLost)],
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

/// Age buckets of leads in days: label and inclusive upper bound.
const AGES: [(&str, i64); 4] = [
    ("0–7 days", 7),
    ("8–30 days", 30),
    ("31–90 days", 90),
    ("Over 90 days", i64::MAX),
];

pub(super) fn leads_by_status(data: &ReportData, range: &ReportQuery) -> Report {
    let leads: Vec<&Lead> = data
        .leads
        .iter()
        .filter(|l| range.contains(&l.created_at))
        .collect();
    let mut columns = vec![count("Leads")];
    columns.extend(AGES.iter().map(|(name, _)| count(name)));
    let statuses = LeadStatus::ALL;
    let rows = statuses
        .iter()
        .map(|s| {
            let here: Vec<&&Lead> = leads.iter().filter(|l| l.status == *s).collect();
            let mut values = vec![here.len() as i64];
            let mut lower = -1;
            for (_, upper) in AGES {
                values.push(
                    here.iter()
                        .filter(|l| {
                            let age = days_between(&l.created_at, data.today).unwrap_or(0);
                            age > lower && age <= upper
                        })
                        .count() as i64,
                );
                lower = upper;
            }
            ReportRow {
                label: human(&wire_name(s)),
                values,
            }
        })
        .collect();
    let converted = leads
        .iter()
        .filter(|l| l.status == LeadStatus::Converted)
        .count();
    Report {
        kind: ReportKind::LeadsByStatus,
        title: "Leads by status and age".into(),
        description: "Leads created in the range, by status and by age today.".into(),
        headline: (!leads.is_empty()).then(|| {
            format!(
                "{} leads, {} % converted",
                leads.len(),
                percent(converted, leads.len())
            )
        }),
        row_label: "Status".into(),
        columns,
        rows,
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

pub(super) fn deals_by_status(data: &ReportData, range: &ReportQuery) -> Report {
    let deals: Vec<&DealRegistration> = data
        .deals
        .iter()
        .filter(|d| range.contains(&d.created_at))
        .collect();
    let cur = currencies(deals.iter().map(|d| d.currency.as_str()));
    let mut columns = vec![count("Registrations")];
    columns.extend(cur.iter().map(|c| money("Estimated", c)));
    let statuses = DealStatus::ALL;
    let rows = statuses
        .iter()
        .map(|s| {
            let here: Vec<&&DealRegistration> = deals.iter().filter(|d| d.status == *s).collect();
            let mut values = vec![here.len() as i64];
            values.extend(per_currency(&cur, &here, |d| {
                (&d.currency, d.estimated_amount)
            }));
            ReportRow {
                label: human(&wire_name(s)),
                values,
            }
        })
        .collect();
    let waiting = deals
        .iter()
        .filter(|d| d.status == DealStatus::Submitted)
        .count();
    Report {
        kind: ReportKind::DealsByStatus,
        title: "Deal registrations by status".into(),
        description: "Registrations created in the range, by status.".into(),
        headline: Some(format!("{waiting} awaiting review")),
        row_label: "Status".into(),
        columns,
        rows,
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

pub(super) fn training_progress(data: &ReportData, range: &ReportQuery) -> Report {
    let attempts: Vec<&Attempt> = data
        .attempts
        .iter()
        .filter(|a| range.contains(&a.at))
        .collect();
    let rows: Vec<ReportRow> = data
        .modules
        .iter()
        .map(|m| {
            let mut tried: Vec<&str> = Vec::new();
            let mut passed: Vec<&str> = Vec::new();
            for a in attempts.iter().filter(|a| a.module_id == m.id) {
                tried.push(&a.user_id);
                if a.passed {
                    passed.push(&a.user_id);
                }
            }
            for v in [&mut tried, &mut passed] {
                v.sort_unstable();
                v.dedup();
            }
            ReportRow {
                label: m.title.clone(),
                values: vec![passed.len() as i64, (tried.len() - passed.len()) as i64],
            }
        })
        .collect();
    let own_passed = data
        .modules
        .iter()
        .filter(|m| m.progress.status == ProgressStatus::Passed)
        .count();
    Report {
        kind: ReportKind::TrainingProgress,
        title: "Training progress".into(),
        description: "People who passed each module, and who tried without passing yet, \
                      by quiz date in the range."
            .into(),
        headline: Some(if data.staff {
            let certified: usize = rows.iter().map(|r| r.values[0] as usize).sum();
            format!("{certified} passes across {} modules", data.modules.len())
        } else {
            format!("You passed {own_passed} of {} modules", data.modules.len())
        }),
        row_label: "Module".into(),
        columns: vec![count("Passed"), count("Not passed yet")],
        rows,
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}
