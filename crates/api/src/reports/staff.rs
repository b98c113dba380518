//! Program-wide reports for vendor staff.

use super::{
    count, currencies, money, percent, unit, ChartKind, Column, Lead, Opportunity, Report,
    ReportData, ReportKind, ReportQuery, ReportRow, Survey, SurveyResponse, TierChange, Unit,
};
use crate::{DealStatus, LeadStatus, Stage};
use std::collections::BTreeMap;

use crate::datetime::days_between;
use crate::surveys;

/// Most months a growth report shows.
const MAX_MONTHS: usize = 36;

/// `YYYY-MM` months from `from` to `to` inclusive (at most the last [`MAX_MONTHS`]).
pub(crate) fn months(from: &str, to: &str) -> Vec<String> {
    let parse = |s: &str| -> Option<(i32, i32)> {
        Some((s.get(0..4)?.parse().ok()?, s.get(5..7)?.parse().ok()?))
    };
    let (Some(mut at), Some(end)) = (parse(from), parse(to)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while at <= end {
        out.push(format!("{:04}-{:02}", at.0, at.1));
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    let skip = out.len().saturating_sub(MAX_MONTHS);
    out.split_off(skip)
}

pub(super) fn partner_growth(data: &ReportData, range: &ReportQuery) -> Report {
    let to = range.to.clone().unwrap_or_else(|| data.today.to_string());
    let from = range.from.clone().unwrap_or_else(|| {
        // A year by default: the first day of the month eleven months back.
        let (y, m): (i32, i32) = (
            to[0..4].parse().unwrap_or(1970),
            to[5..7].parse().unwrap_or(1),
        );
        let back = y * 12 + (m - 1) - 11;
        format!("{:04}-{:02}-01", back / 12, back % 12 + 1)
    });
    let now = data.accounts.iter().filter(|a| a.is_partner).count() as i64;
    let joined = |c: &TierChange| c.from_tier_id.is_none() && c.to_tier_id.is_some();
    let left = |c: &TierChange| c.from_tier_id.is_some() && c.to_tier_id.is_none();
    let rows: Vec<ReportRow> = months(&from, &to)
        .into_iter()
        .map(|month| {
            let in_month = |c: &&TierChange| c.changed_at.get(..7) == Some(month.as_str());
            let after = |c: &&TierChange| c.changed_at.get(..7).is_some_and(|m| m > &*month);
            let j = data
                .tier_changes
                .iter()
                .filter(in_month)
                .filter(|c| joined(c));
            let l = data
                .tier_changes
                .iter()
                .filter(in_month)
                .filter(|c| left(c));
            let (j, l) = (j.count() as i64, l.count() as i64);
            let later_joins = data.tier_changes.iter().filter(after).filter(|c| joined(c));
            let later_leaves = data.tier_changes.iter().filter(after).filter(|c| left(c));
            let at_end = now - later_joins.count() as i64 + later_leaves.count() as i64;
            ReportRow {
                label: month,
                values: vec![at_end, j, l],
            }
        })
        .collect();
    Report {
        kind: ReportKind::PartnerGrowth,
        title: "Partner growth".into(),
        description: "Partner accounts at each month's end, with joins and departures \
                      (the last twelve months unless a range is set)."
            .into(),
        headline: Some(format!("{now} partners today")),
        row_label: "Month".into(),
        columns: vec![count("Partners"), count("Joined"), count("Left")],
        rows,
        chart: ChartKind::Line,
        chart_column: 0,
    }
}

/// Open pipeline and won revenue grouped by partner account or by tier.
pub(super) fn pipeline_by(data: &ReportData, range: &ReportQuery, kind: ReportKind) -> Report {
    let by_tier = kind == ReportKind::PipelineByTier;
    let account = |id: &Option<String>| data.accounts.iter().find(|a| Some(&a.id) == id.as_ref());
    let group = |o: &Opportunity| -> (i64, String) {
        let acc = account(&o.partner_account_id);
        if by_tier {
            let tier = acc.and_then(|a| {
                data.tiers
                    .iter()
                    .find(|t| Some(&t.id) == a.tier_id.as_ref())
            });
            tier.map_or((i64::MAX, "No tier".into()), |t| (t.rank, t.name.clone()))
        } else {
            (
                0,
                acc.map_or("Direct (no partner)".into(), |a| a.name.clone()),
            )
        }
    };
    let opps: Vec<&Opportunity> = data
        .opportunities
        .iter()
        .filter(|o| o.stage != Stage::ClosedLost && range.contains(&o.close_date))
        .collect();
    let cur = currencies(opps.iter().map(|o| o.currency.as_str()));
    let mut columns: Vec<Column> = cur.iter().map(|c| money("Open pipeline", c)).collect();
    columns.extend(cur.iter().map(|c| money("Won revenue", c)));
    let mut groups: BTreeMap<(i64, String), Vec<i64>> = BTreeMap::new();
    for o in &opps {
        let values = groups
            .entry(group(o))
            .or_insert_with(|| vec![0; columns.len()]);
        let i = cur.iter().position(|c| *c == o.currency).unwrap_or(0);
        let won = o.stage == Stage::ClosedWon;
        let at = if won { cur.len() + i } else { i };
        values[at] = crate::reports::add(values[at], o.amount);
    }
    let (title, what) = if by_tier {
        ("Pipeline and revenue by tier", "Tier")
    } else {
        ("Pipeline and revenue by partner", "Partner")
    };
    Report {
        kind,
        title: title.into(),
        description: "Open and won opportunities by expected close date in the range.".into(),
        headline: Some(format!(
            "{} {}",
            groups.len(),
            if by_tier { "tiers" } else { "partners" }
        )),
        row_label: what.into(),
        columns,
        rows: groups
            .into_iter()
            .map(|((_, label), values)| ReportRow { label, values })
            .collect(),
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

pub(super) fn top_partners(data: &ReportData, range: &ReportQuery) -> Report {
    let mut rows: Vec<ReportRow> = data
        .accounts
        .iter()
        .filter(|a| a.is_partner)
        .map(|a| {
            let mine = |id: &Option<String>| id.as_deref() == Some(a.id.as_str());
            let won = data.opportunities.iter().filter(|o| {
                mine(&o.partner_account_id)
                    && o.stage == Stage::ClosedWon
                    && range.contains(&o.close_date)
            });
            let deals = data.deals.iter().filter(|d| {
                mine(&d.partner_account_id)
                    && matches!(d.status, DealStatus::Approved | DealStatus::Won)
                    && range.contains(&d.created_at)
            });
            let converted = data.leads.iter().filter(|l| {
                mine(&l.partner_account_id)
                    && l.status == LeadStatus::Converted
                    && range.contains(&l.created_at)
            });
            ReportRow {
                label: a.name.clone(),
                values: vec![
                    won.count() as i64,
                    deals.count() as i64,
                    converted.count() as i64,
                ],
            }
        })
        .collect();
    rows.sort_by(|a, b| b.values.cmp(&a.values).then(a.label.cmp(&b.label)));
    rows.truncate(10);
    Report {
        kind: ReportKind::TopPartners,
        title: "Top partners".into(),
        description: "The ten partners with the most won opportunities in the range, \
                      then approved or won registrations, then converted leads."
            .into(),
        headline: rows
            .first()
            .filter(|r| r.values.iter().any(|v| *v > 0))
            .map(|r| format!("Top: {}", r.label)),
        row_label: "Partner".into(),
        columns: vec![
            count("Won opportunities"),
            count("Registrations approved or won"),
            count("Leads converted"),
        ],
        rows,
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

pub(super) fn approval_times(data: &ReportData, range: &ReportQuery) -> Report {
    let mut by_month: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    let mut all = Vec::new();
    for d in data.deals {
        let (Some(sub), Some(dec)) = (&d.submitted_at, &d.decided_at) else {
            continue;
        };
        if !range.contains(dec) {
            continue;
        }
        let days = days_between(sub, dec).unwrap_or(0).max(0);
        all.push(days);
        by_month
            .entry(dec.get(..7).unwrap_or_default().to_string())
            .or_default()
            .push(days);
    }
    all.sort_unstable();
    let rows = by_month
        .into_iter()
        .map(|(label, days)| {
            let avg = (days.iter().sum::<i64>() as f64 / days.len() as f64).round() as i64;
            ReportRow {
                label,
                values: vec![days.len() as i64, avg, *days.iter().max().unwrap_or(&0)],
            }
        })
        .collect();
    Report {
        kind: ReportKind::ApprovalTimes,
        title: "Deal registration approval times".into(),
        description: "Days from submission to approval or rejection, by decision date \
                      in the range."
            .into(),
        headline: all
            .get(all.len() / 2)
            .map(|m| format!("Median {m} days to decide")),
        row_label: "Month".into(),
        columns: vec![
            count("Decisions"),
            unit("Average days", Unit::Days),
            unit("Slowest", Unit::Days),
        ],
        rows,
        chart: ChartKind::Bar,
        chart_column: 1,
    }
}

pub(super) fn lead_acceptance(data: &ReportData, range: &ReportQuery) -> Report {
    let (mut accepted_all, mut decided_all) = (0, 0);
    let rows = data
        .accounts
        .iter()
        .filter(|a| a.is_partner)
        .map(|a| {
            let leads: Vec<&Lead> = data
                .leads
                .iter()
                .filter(|l| l.partner_account_id.as_deref() == Some(a.id.as_str()))
                .filter(|l| range.contains(&l.created_at))
                .collect();
            let n = |s: &[LeadStatus]| leads.iter().filter(|l| s.contains(&l.status)).count();
            let waiting = n(&[LeadStatus::Assigned]);
            let accepted = n(&[LeadStatus::Accepted, LeadStatus::Converted]);
            let declined = n(&[LeadStatus::Declined]);
            accepted_all += accepted;
            decided_all += accepted + declined;
            ReportRow {
                label: a.name.clone(),
                values: vec![
                    waiting as i64,
                    accepted as i64,
                    declined as i64,
                    percent(accepted, accepted + declined),
                ],
            }
        })
        .collect();
    Report {
        kind: ReportKind::LeadAcceptance,
        title: "Lead acceptance rate".into(),
        description: "Leads given to each partner, created in the range: accepted \
                      (or converted) against declined."
            .into(),
        headline: (decided_all > 0)
            .then(|| format!("{} % accepted", percent(accepted_all, decided_all))),
        row_label: "Partner".into(),
        columns: vec![
            count("Waiting"),
            count("Accepted"),
            count("Declined"),
            unit("Acceptance", Unit::Percent),
        ],
        rows,
        chart: ChartKind::Bar,
        chart_column: 3,
    }
}

pub(super) fn nps(data: &ReportData, range: &ReportQuery) -> Report {
    let answered: Vec<SurveyResponse> = data
        .responses
        .iter()
        .filter(|r| range.contains(&r.answered_at))
        .cloned()
        .collect();
    let mut headline = None;
    let mut oldest_first: Vec<&Survey> = data.surveys.iter().collect();
    oldest_first.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    let rows = oldest_first
        .into_iter()
        .map(|s| {
            let r = surveys::results(s, &answered);
            if let Some(score) = r.nps {
                headline = Some(format!("NPS {score} ({})", s.title));
            }
            ReportRow {
                label: s.title.clone(),
                values: vec![
                    i64::from(r.responses),
                    i64::from(r.promoters),
                    i64::from(r.passives),
                    i64::from(r.detractors),
                    i64::from(r.nps.unwrap_or(0)),
                ],
            }
        })
        .collect();
    Report {
        kind: ReportKind::Nps,
        title: "Partner satisfaction (NPS)".into(),
        description: "Net Promoter Score of each survey, from answers given in the range.".into(),
        headline,
        row_label: "Survey".into(),
        columns: vec![
            count("Responses"),
            count("Promoters"),
            count("Passives"),
            count("Detractors"),
            unit("NPS", Unit::Score),
        ],
        rows,
        chart: ChartKind::Bar,
        chart_column: 4,
    }
}
