//! The page components partners get, one per catalogue kind, with their typed settings read
//! through the catalogue's defaults. Used by published pages and by every builder preview.

use std::rc::Rc;

use serde_json::{Map, Value};
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::widgets::{is_image_address, prop_int, prop_text, CHART_REPORTS};
use trellis_api::{wire_name, ComponentKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::announcements::AnnouncementList;
use crate::components::button_link::ButtonLink;
use crate::components::chart::format_value;
use crate::components::chart::Chart;
use crate::components::lead_inbox::LeadInbox;
use crate::components::load::{use_load, Load};
use crate::components::markdown::Markdown;
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

/// Properties of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub kind: ComponentKind,
    pub props: Rc<Map<String, Value>>,
}

/// One placed component.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let (kind, p) = (props.kind, &*props.props);
    let text = |key: &str| prop_text(kind, p, key);
    let int = |key: &str| prop_int(kind, p, key);
    match kind {
        ComponentKind::Heading => match int("level") {
            1 => html! { <h1>{ text("text") }</h1> },
            3 => html! { <h3>{ text("text") }</h3> },
            _ => html! { <h2>{ text("text") }</h2> },
        },
        ComponentKind::RichText => html! { <Markdown source={text("text")} /> },
        ComponentKind::Image => {
            let src = text("src");
            if src.is_empty() || !is_image_address(&src) {
                html! { <div class="card muted">{ "No image chosen yet." }</div> }
            } else {
                html! { <img class="widget-image" src={src} alt={text("alt")} loading="lazy" /> }
            }
        }
        ComponentKind::Button => html! { <ButtonLink label={text("label")} href={text("href")} /> },
        ComponentKind::LeadInbox => html! {
            <LeadInbox title={text("title")} limit={int("limit").clamp(1, 20) as u32} />
        },
        ComponentKind::PipelineSummary => html! { <PipelineSummary title={text("title")} /> },
        ComponentKind::AnnouncementList => html! {
            <AnnouncementList title={text("title")} limit={int("limit").clamp(1, 10) as usize} />
        },
        ComponentKind::DealRegistrationForm => html! {
            <Shortcut title={text("title")} intro={text("intro")} route={Route::NewDeal} action="Register a deal" />
        },
        ComponentKind::SupportCaseForm => html! {
            <Shortcut title={text("title")} intro={text("intro")} route={Route::Support} action="Open a support case" />
        },
        ComponentKind::KpiTile => {
            html! { <KpiTile report={text("metric")} label={text("label")} /> }
        }
        ComponentKind::Chart => {
            html! { <ReportChart report={text("report")} title={text("title")} /> }
        }
        ComponentKind::TrainingProgress => {
            html! { <KpiTile report="training_progress" label={text("title")} link={Some(Route::Training)} /> }
        }
        ComponentKind::ContactCard => html! {
            <div class="card contact-card">
                <h2>{ text("heading") }</h2>
                <p><strong>{ text("name") }</strong>
                    if !text("job_title").is_empty() { <span class="muted">{ format!(" · {}", text("job_title")) }</span> }</p>
                if !text("email").is_empty() { <p><a href={format!("mailto:{}", text("email"))}>{ text("email") }</a></p> }
                if !text("phone").is_empty() { <p>{ text("phone") }</p> }
            </div>
        },
        ComponentKind::Spacer => match text("style").as_str() {
            "space" => {
                html! { <div class={format!("spacer {}", text("size"))} aria-hidden="true"></div> }
            }
            _ => html! { <hr class={text("size")} /> },
        },
    }
}

/// Properties of [`Shortcut`].
#[derive(Properties, PartialEq)]
pub struct ShortcutProps {
    pub title: String,
    pub intro: String,
    pub route: Route,
    pub action: AttrValue,
}

/// A card that leads to a workspace form.
#[component]
pub fn Shortcut(props: &ShortcutProps) -> Html {
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            if !props.intro.is_empty() { <p>{ props.intro.clone() }</p> }
            <Link<Route> to={props.route.clone()} classes="button">{ props.action.clone() }</Link<Route>>
        </div>
    }
}

/// The viewer's reports (all time), or the load state.
#[hook]
fn use_report(kind: String) -> (Rc<Load<Option<Report>>>, Callback<()>) {
    use_load(kind, |b, kind| async move {
        let reports = b.reports(&ReportQuery::default()).await?;
        Ok(reports.into_iter().find(|r| wire_name(&r.kind) == kind))
    })
}

fn report_name(kind: &str) -> String {
    CHART_REPORTS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind.to_string(), |(_, n)| n.to_string())
}

/// Properties of [`KpiTile`].
#[derive(Properties, PartialEq)]
pub struct KpiTileProps {
    pub report: String,
    /// Shown above the figure; empty means the report's name.
    pub label: String,
    #[prop_or_default]
    pub link: Option<Route>,
}

/// One key figure: the headline of a report.
#[component]
pub fn KpiTile(props: &KpiTileProps) -> Html {
    let (state, retry) = use_report(props.report.clone());
    let label = if props.label.trim().is_empty() {
        report_name(&props.report)
    } else {
        props.label.clone()
    };
    let figure = match &*state {
        Load::Loading => html! { <Loading label="Loading…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(r) => html! {
            <p class="kpi-figure">{ r.as_ref().and_then(|r| r.headline.clone()).unwrap_or_else(|| "Nothing yet".into()) }</p>
        },
    };
    html! {
        <div class="card kpi-tile">
            <h2>{ label }</h2>
            { figure }
            if let Some(route) = &props.link { <Link<Route> to={route.clone()}>{ "Open" }</Link<Route>> }
        </div>
    }
}

/// Properties of [`ReportChart`].
#[derive(Properties, PartialEq)]
pub struct ReportChartProps {
    pub report: String,
    pub title: String,
}

/// A report drawn as its chart.
#[component]
pub fn ReportChart(props: &ReportChartProps) -> Html {
    let (state, retry) = use_report(props.report.clone());
    let title = if props.title.trim().is_empty() {
        report_name(&props.report)
    } else {
        props.title.clone()
    };
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading chart…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(None) => html! { <p class="muted">{ "This report is not available." }</p> },
        Load::Ready(Some(r)) => html! {
            <Chart report={r.clone()} column={r.chart_column as usize} id={format!("widget-{}", props.report)} />
        },
    };
    html! {
        <div class="card">
            <h2>{ title }</h2>
            { body }
            <Link<Route> to={Route::Dashboards}>{ "All reports" }</Link<Route>>
        </div>
    }
}

/// Properties of [`PipelineSummary`].
#[derive(Properties, PartialEq)]
pub struct PipelineSummaryProps {
    pub title: String,
}

/// Open opportunities by stage: how many, and their value in each currency (never added across
/// currencies), over every opportunity the viewer can see.
#[component]
pub fn PipelineSummary(props: &PipelineSummaryProps) -> Html {
    let (state, retry) = use_report("pipeline_by_stage".to_string());
    let body = match &*state {
        Load::Loading => html! { <Loading label="Loading pipeline…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready(None) => html! { <p class="muted">{ "No pipeline yet." }</p> },
        Load::Ready(Some(r)) => html! {
            <div class="kpis">
                { for r.rows.iter().filter(|row| !row.label.starts_with("Closed")).map(|row| html! {
                    <div class="kpi"><span class="muted">{ row.label.clone() }</span>
                        <strong>{ row.values.first().copied().unwrap_or(0) }</strong>
                        { for r.columns.iter().zip(&row.values).skip(1).filter(|(_, v)| **v != 0).map(|(c, v)| html! {
                            <span>{ format_value(*v, c) }</span>
                        }) }
                    </div>
                }) }
            </div>
        },
    };
    html! {
        <div class="card">
            <h2>{ props.title.clone() }</h2>
            { body }
            <Link<Route> to={Route::Opportunities}>{ "All opportunities" }</Link<Route>>
        </div>
    }
}
