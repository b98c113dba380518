//! The page components drawn less often: shortcuts, key figures, charts and contact cards.
//! Their code is a chunk of its own (`trellis_api::screens::on_demand`), downloaded when a page
//! shows one of them.

use serde_json::{Map, Value};
use trellis_api::widgets::{prop_text, CHART_REPORTS};
use trellis_api::ComponentKind;
use yew::prelude::*;
use yew_router::prelude::*;

use super::use_report;
use crate::components::chart::Chart;
use crate::components::load::Load;
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

/// One of these components with its settings; nothing for the others.
pub fn widget(kind: ComponentKind, p: &Map<String, Value>) -> Html {
    let text = |key: &str| prop_text(kind, p, key);
    match kind {
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
        _ => Html::default(),
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
    let label = heading(&props.label, &props.report);
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
    let title = heading(&props.title, &props.report);
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

/// The heading given, or the report's name when none is.
fn heading(given: &str, report: &str) -> String {
    if !given.trim().is_empty() {
        return given.to_string();
    }
    CHART_REPORTS
        .iter()
        .find(|(k, _)| *k == report)
        .map_or(report.to_string(), |(_, n)| n.to_string())
}
