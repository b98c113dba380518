//! One report on the dashboard: headline, chart (pick the column), data table and CSV download.

use trellis_api::reports::{to_csv, Report};
use trellis_api::upload::encode;
use trellis_api::{wire_name, StoredFile};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::chart::{Chart, DataTable};
use crate::components::files::save_file;

/// Properties of [`ReportCard`].
#[derive(Properties, PartialEq)]
pub struct ReportCardProps {
    pub report: Report,
    /// Part of the CSV file name ("2026-01-01-to-2026-11-27").
    pub period: AttrValue,
}

/// A report as a card.
#[component]
pub fn ReportCard(props: &ReportCardProps) -> Html {
    let r = &props.report;
    let column = use_state(|| r.chart_column as usize);
    let error = use_state(|| None::<String>);
    let key = wire_name(&r.kind).replace('_', "-");
    let heading = format!("report-{key}");
    let pick = {
        let column = column.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                column.set(s.value().parse().unwrap_or(0));
            }
        })
    };
    let download = {
        let (report, period, error) = (r.clone(), props.period.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let file = StoredFile {
                file_name: format!(
                    "trellis-{}-{period}.csv",
                    wire_name(&report.kind).replace('_', "-")
                ),
                content_type: "text/csv".into(),
                data: encode(to_csv(&report).as_bytes()),
            };
            error.set(save_file(&file).err());
        })
    };
    let select_id = format!("{key}-column");
    html! {
        <section class="card report" aria-labelledby={heading.clone()}>
            <header>
                <h3 id={heading}>{ r.title.clone() }</h3>
                if let Some(h) = &r.headline {
                    <p class="headline">{ h.clone() }</p>
                }
                <p class="muted">{ r.description.clone() }</p>
            </header>
            if r.columns.len() > 1 {
                <div class="chart-column">
                    <label for={select_id.clone()}>{ "Chart shows" }</label>
                    <select id={select_id} onchange={pick}>
                        { for r.columns.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={i == *column}>{ c.name.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            <Chart report={r.clone()} column={*column} id={format!("chart-{key}")} />
            <details>
                <summary>{ "Data table" }</summary>
                <DataTable report={r.clone()} />
            </details>
            <div class="actions">
                <button class="button secondary" type="button" onclick={download}
                    aria-label={format!("Download {} as CSV", r.title)}>{ "Download CSV" }</button>
            </div>
            if let Some(e) = &*error {
                <p class="alert error" role="alert">{ e.clone() }</p>
            }
        </section>
    }
}
