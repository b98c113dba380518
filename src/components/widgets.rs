//! The page components partners get, one per catalogue kind, with their typed settings read
//! through the catalogue's defaults. Used by published pages and by every builder preview.

use std::rc::Rc;

use serde_json::{Map, Value};
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::screens::on_demand;
use trellis_api::widgets::{is_image_address, prop_int, prop_text};
use trellis_api::{wire_name, ComponentKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::announcements::AnnouncementList;
use crate::components::button_link::ButtonLink;
use crate::components::chart::format_value;
use crate::components::lead_inbox::LeadInbox;
use crate::components::load::{use_load, Load};
use crate::components::markdown::Markdown;
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;

mod more;

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
    if on_demand(kind) {
        // Drawn less often: the code downloads when a page shows one.
        let props = props.props.clone();
        return crate::lazy_screen!(reserve = "9rem", widgets, |kind: ComponentKind,
                                                               props: Rc<
            Map<String, Value>,
        >| {
            more::widget(kind, &props)
        });
    }
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
        ComponentKind::Spacer => match text("style").as_str() {
            "space" => {
                html! { <div class={format!("spacer {}", text("size"))} aria-hidden="true"></div> }
            }
            _ => html! { <hr class={text("size")} /> },
        },
        // Drawn on demand, above.
        _ => Html::default(),
    }
}

/// The viewer's reports (all time), or the load state.
#[hook]
pub(crate) fn use_report(kind: String) -> (Rc<Load<Option<Report>>>, Callback<()>) {
    use_load(kind, |b, kind| async move {
        let reports = b.reports(&ReportQuery::default()).await?;
        Ok(reports.into_iter().find(|r| wire_name(&r.kind) == kind))
    })
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
