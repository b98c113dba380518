//! Dashboards: the user's reports over a date range kept in the URL.

use serde::{Deserialize, Serialize};
use trellis_api::datetime::date;
use trellis_api::reports::{Report, ReportQuery};
use trellis_api::validate::is_iso_date;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::report_card::ReportCard;
use crate::components::states::{ErrorState, Loading};
use crate::routes::Route;
use crate::session::use_session;

/// The range as the URL keeps it; both empty means all time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Range {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to: String,
}

impl Range {
    fn query(&self) -> ReportQuery {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        ReportQuery {
            from: opt(&self.from),
            to: opt(&self.to),
        }
    }
}

/// How many reports every viewer gets before the staff-only ones.
const PARTNER_REPORTS: usize = 5;

fn days_ago(n: i64) -> String {
    date((js_sys::Date::now() / 86_400_000.0).floor() as i64 - n)
}

/// The quick choices: label and days back (`None` for all time).
const PRESETS: [(&str, Option<i64>); 4] = [
    ("Last 30 days", Some(30)),
    ("Last 90 days", Some(90)),
    ("Last 12 months", Some(365)),
    ("All time", None),
];

/// The dashboards screen.
#[component]
pub fn DashboardsPage() -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let location = use_location();
    let range: Range = location
        .as_ref()
        .and_then(|l| l.query::<Range>().ok())
        .unwrap_or_default();
    let (data, retry) = use_load(range.clone(), |b, r: Range| async move {
        b.reports(&r.query()).await
    });
    let draft = use_state(|| range.clone());
    {
        let draft = draft.clone();
        use_effect_with(range.clone(), move |r| draft.set(r.clone()));
    }
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |r: Range| {
            if let Some(n) = &navigator {
                let _ = n.replace_with_query(&Route::Dashboards, &r);
            }
        })
    };
    let problem = (!draft.from.is_empty() && !is_iso_date(&draft.from))
        || (!draft.to.is_empty() && !is_iso_date(&draft.to))
        || (!draft.from.is_empty() && !draft.to.is_empty() && draft.to < draft.from);
    let onsubmit = {
        let (draft, go) = (draft.clone(), go.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            go.emit((*draft).clone());
        })
    };
    let edit = |which: &'static str| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*draft).clone();
                match which {
                    "from" => next.from = i.value(),
                    _ => next.to = i.value(),
                }
                draft.set(next);
            }
        })
    };
    let staff = session.me().is_some_and(|m| m.user.role.is_internal());
    let period = match (&range.from[..], &range.to[..]) {
        ("", "") => "all-time".to_string(),
        (f, "") => format!("from-{f}"),
        ("", t) => format!("to-{t}"),
        (f, t) => format!("{f}-to-{t}"),
    };
    let body = match &*data {
        Load::Loading => html! { <Loading label="Working out your reports…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
        Load::Ready(reports) => {
            // Partner reports come first; staff get the program's after them.
            let (mine, program) = reports.split_at(PARTNER_REPORTS.min(reports.len()));
            let grid = |list: &[Report]| {
                html! {
                    <div class="report-grid">
                        { for list.iter().map(|r| html! {
                            <ReportCard key={trellis_api::wire_name(&r.kind)} report={r.clone()} period={period.clone()} />
                        }) }
                    </div>
                }
            };
            html! {
                <>
                    <h2>{ if staff { "Pipeline and activity, all partners" } else { "Your pipeline and activity" } }</h2>
                    { grid(mine) }
                    if !program.is_empty() {
                        <h2>{ "Partner program" }</h2>
                        { grid(program) }
                    }
                </>
            }
        }
    };
    html! {
        <>
            <div class="page-header">
                <h1>{ "Dashboards" }</h1>
                <Link<Route> to={Route::Surveys} classes="button secondary">{ "Partner surveys" }</Link<Route>>
            </div>
            <form class="card range-filter" role="search" aria-label="Report period" {onsubmit}>
                <div class="segmented presets" role="group" aria-label="Quick periods">
                    { for PRESETS.iter().map(|(label, days)| {
                        let target = Range { from: days.map(days_ago).unwrap_or_default(), to: String::new() };
                        let pressed = target == range;
                        let go = go.clone();
                        html! {
                            <button type="button" class="button secondary" aria-pressed={pressed.to_string()}
                                onclick={Callback::from(move |_| go.emit(target.clone()))}>{ *label }</button>
                        }
                    }) }
                </div>
                <label>{ "From" }<input type="date" name="from" value={draft.from.clone()} oninput={edit("from")} /></label>
                <label>{ "To" }<input type="date" name="to" value={draft.to.clone()} oninput={edit("to")} /></label>
                <button class="button" type="submit" disabled={problem}>{ "Apply" }</button>
                if problem {
                    <p class="field-error" role="alert">{ "Choose a start date on or before the end date." }</p>
                }
            </form>
            { body }
        </>
    }
}
