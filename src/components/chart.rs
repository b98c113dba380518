//! Accessible SVG charts: a titled, described image of one column of a report, with its data table.

use trellis_api::reports::{ChartKind, Column, Report, Unit};
use yew::prelude::*;

use crate::format::money;

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 44.0;
/// Average width of an axis label character at 11 px, in viewBox units.
const CHAR_WIDTH: f64 = 5.8;

/// Round axis steps covering `min..=max` (always including zero), about four or five of them.
pub fn ticks(min: i64, max: i64) -> Vec<i64> {
    let lo = min.min(0);
    let hi = max.max(0).max(lo + 1);
    let span = (hi - lo).max(1) as f64;
    let raw = span / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor()).max(1.0);
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude) as i64;
    let first = (lo as f64 / step as f64).floor() as i64 * step;
    let mut out = Vec::new();
    let mut at = first;
    loop {
        out.push(at);
        if at >= hi {
            return out;
        }
        at += step;
    }
}

/// Where value `v` sits on the vertical axis spanning `ticks`.
fn y_of(v: i64, ticks: &[i64]) -> f64 {
    let (lo, hi) = (ticks[0] as f64, *ticks.last().unwrap_or(&1) as f64);
    let plot = HEIGHT - TOP - BOTTOM;
    TOP + plot * (1.0 - (v as f64 - lo) / (hi - lo).max(1.0))
}

/// A bar's rectangle: x, y, width, height.
pub fn bars(values: &[i64], ticks: &[i64]) -> Vec<(f64, f64, f64, f64)> {
    let slot = (WIDTH - LEFT - RIGHT) / values.len().max(1) as f64;
    let width = (slot * 0.7).min(64.0);
    let zero = y_of(0, ticks);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = LEFT + slot * i as f64 + (slot - width) / 2.0;
            let y = y_of(*v, ticks);
            (x, y.min(zero), width, (y - zero).abs())
        })
        .collect()
}

/// A value as its column shows it.
pub fn format_value(v: i64, column: &Column) -> String {
    match column.unit {
        Unit::Money => money(v, column.currency.as_deref().unwrap_or("")),
        Unit::Percent => format!("{v} %"),
        Unit::Days => format!("{v} d"),
        Unit::Count | Unit::Score => v.to_string(),
    }
}

/// A category label in at most two lines of `width` characters, cut with an ellipsis.
pub fn wrap_label(label: &str, width: usize) -> Vec<String> {
    let width = width.max(3);
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        let fits = lines
            .last()
            .is_some_and(|l| l.chars().count() + 1 + word.chars().count() <= width);
        // The second line takes everything left; it is cut below.
        let join = fits || lines.len() == 2;
        match lines.last_mut() {
            Some(line) if join => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    for line in &mut lines {
        if line.chars().count() > width {
            *line = line.chars().take(width - 1).collect::<String>() + "…";
        }
    }
    lines
}

/// Short tick label ("12k" for 12,000).
fn short(v: i64) -> String {
    match v.unsigned_abs() {
        0..1_000 => v.to_string(),
        1_000..1_000_000 => format!("{}k", v / 1_000),
        _ => format!("{}M", v / 1_000_000),
    }
}

/// Properties of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub report: Report,
    /// The column drawn.
    pub column: usize,
    /// Unique among the page's charts (for `aria-labelledby`).
    pub id: AttrValue,
}

/// One column of a report drawn as bars or a line, described for screen readers.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let r = &props.report;
    let Some(column) = r.columns.get(props.column) else {
        return Html::default();
    };
    let values: Vec<i64> = r
        .rows
        .iter()
        .map(|row| row.values.get(props.column).copied().unwrap_or(0))
        .collect();
    if values.is_empty() {
        return html! { <p class="muted">{ "Nothing to show for this period." }</p> };
    }
    let t = ticks(
        values.iter().copied().min().unwrap_or(0),
        values.iter().copied().max().unwrap_or(0),
    );
    let kind = if r.chart == ChartKind::Line {
        "Line"
    } else {
        "Bar"
    };
    let summary: Vec<String> = r
        .rows
        .iter()
        .zip(&values)
        .map(|(row, v)| format!("{} {}", row.label, format_value(*v, column)))
        .collect();
    let (title_id, desc_id) = (format!("{}-title", props.id), format!("{}-desc", props.id));
    let slot = (WIDTH - LEFT - RIGHT) / values.len() as f64;
    // Label every n-th category, the smallest n whose two-line labels fit uncut.
    let fits = |every: usize| {
        let chars = ((slot * every as f64 - 4.0) / CHAR_WIDTH) as usize;
        r.rows.iter().all(|row| {
            !wrap_label(&row.label, chars)
                .iter()
                .any(|l| l.ends_with('…'))
        })
    };
    let label_every = (1..values.len())
        .find(|n| fits(*n))
        .unwrap_or(values.len().max(1));
    let chars = ((slot * label_every as f64 - 4.0) / CHAR_WIDTH) as usize;
    let boxes = bars(&values, &t);
    let marks = if r.chart == ChartKind::Line {
        let points: Vec<(f64, f64)> = boxes
            .iter()
            .zip(&values)
            .map(|((x, _, w, _), v)| (x + w / 2.0, y_of(*v, &t)))
            .collect();
        let path: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        html! {
            <g class="series">
                <polyline points={path.join(" ")} fill="none" />
                { for points.iter().zip(&summary).map(|((x, y), s)| html! {
                    <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4"><title>{ s.clone() }</title></circle>
                }) }
            </g>
        }
    } else {
        html! {
            <g class="series">
                { for boxes.iter().zip(&summary).map(|((x, y, w, h), s)| html! {
                    <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")}
                        height={format!("{:.1}", h.max(1.0))} rx="3"><title>{ s.clone() }</title></rect>
                }) }
            </g>
        }
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ format!("{kind} chart: {}, {}", r.title, column.name) }</title>
            <desc id={desc_id}>{ summary.join("; ") }</desc>
            <g class="grid" aria-hidden="true">
                { for t.iter().map(|v| {
                    let y = y_of(*v, &t);
                    html! {
                        <>
                            <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                                y1={format!("{y:.1}")} y2={format!("{y:.1}")} class={(*v == 0).then_some("zero")} />
                            <text x={(LEFT - 8.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ short(*v) }</text>
                        </>
                    }
                }) }
                { for r.rows.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, row)| {
                    let x = LEFT + slot * (i as f64 + 0.5);
                    html! {
                        <text x={format!("{x:.1}")} y={(HEIGHT - BOTTOM + 16.0).to_string()} text-anchor="middle">
                            { for wrap_label(&row.label, chars).into_iter().enumerate().map(|(n, line)| html! {
                                <tspan x={format!("{x:.1}")} dy={if n == 0 { "0" } else { "13" }}>{ line }</tspan>
                            }) }
                        </text>
                    }
                }) }
            </g>
            { marks }
        </svg>
    }
}

/// Properties of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub report: Report,
}

/// The report's figures as a table (the chart's text alternative).
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let r = &props.report;
    html! {
        <div class="table-wrap">
            <table class="data">
                <caption class="visually-hidden">{ r.title.clone() }</caption>
                <thead><tr>
                    <th scope="col">{ r.row_label.clone() }</th>
                    { for r.columns.iter().map(|c| html! { <th scope="col" class="num">{ c.name.clone() }</th> }) }
                </tr></thead>
                <tbody>
                    { for r.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.label.clone() }</th>
                            { for row.values.iter().zip(&r.columns).map(|(v, c)| html! {
                                <td class="num">{ format_value(*v, c) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_zero_and_the_extremes() {
        assert_eq!(ticks(0, 0), [0, 1]);
        assert_eq!(ticks(3, 17), [0, 5, 10, 15, 20]);
        assert_eq!(ticks(0, 123_456), [0, 50_000, 100_000, 150_000]);
        assert_eq!(ticks(-33, 67), [-50, 0, 50, 100]);
    }

    #[test]
    fn bars_grow_from_the_zero_line_both_ways() {
        let t = ticks(-10, 10);
        let b = bars(&[10, -10, 0], &t);
        let zero = y_of(0, &t);
        assert!(
            (b[0].1 + b[0].3 - zero).abs() < 1e-9,
            "positive bar ends on zero"
        );
        assert!((b[1].1 - zero).abs() < 1e-9, "negative bar starts on zero");
        assert!((b[0].3 - b[1].3).abs() < 1e-9);
        assert_eq!(b[2].3, 0.0);
        assert!(b[0].0 < b[1].0 && b[1].0 < b[2].0);
    }

    #[test]
    fn labels_wrap_onto_two_lines_and_cut_the_rest() {
        assert_eq!(
            wrap_label("Bluebird Distribution", 12),
            ["Bluebird", "Distribution"]
        );
        assert_eq!(wrap_label("Won", 12), ["Won"]);
        assert_eq!(
            wrap_label("Partner satisfaction Q4 extra words", 12),
            ["Partner", "satisfactio…"]
        );
        assert_eq!(wrap_label("Supercalifragilistic", 8), ["Superca…"]);
    }

    #[test]
    fn values_format_by_unit() {
        let c = |unit, currency: Option<&str>| Column {
            name: String::new(),
            unit,
            currency: currency.map(Into::into),
        };
        assert_eq!(
            format_value(1_250_000, &c(Unit::Money, Some("EUR"))),
            "1,250,000 EUR"
        );
        assert_eq!(format_value(67, &c(Unit::Percent, None)), "67 %");
        assert_eq!(format_value(-12, &c(Unit::Score, None)), "-12");
        assert_eq!(short(12_500), "12k");
    }
}
