//! Survey pieces: the 0–10 answer form partners fill in, and the results staff read.

use trellis_api::reports::{ChartKind, Column, Report, ReportKind, ReportRow, Unit};
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyResults};
use trellis_api::Validate;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::chart::Chart;
use crate::components::load::{use_load, Load};

/// Properties of [`SurveyAnswerForm`].
#[derive(Properties, PartialEq)]
pub struct SurveyAnswerFormProps {
    pub survey: Survey,
    pub on_answered: Callback<Survey>,
}

/// The NPS question as a 0–10 radio scale, with an optional comment.
#[component]
pub fn SurveyAnswerForm(props: &SurveyAnswerFormProps) -> Html {
    let backend = use_backend();
    let score = use_state(|| None::<u32>);
    let comment = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let s = &props.survey;
    let onsubmit = {
        let (score, comment, error, busy) =
            (score.clone(), comment.clone(), error.clone(), busy.clone());
        let (id, on_answered) = (s.id.clone(), props.on_answered.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(value) = *score else {
                error.set(Some("Choose a score from 0 to 10.".into()));
                return;
            };
            let answer = SurveyAnswer {
                score: value,
                comment: (*comment).clone(),
            };
            if let Err(e) = answer.check() {
                error.set(Some(e.message));
                return;
            }
            busy.set(true);
            let (backend, id, error, busy, on_answered) = (
                backend.clone(),
                id.clone(),
                error.clone(),
                busy.clone(),
                on_answered.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match backend.answer_survey(&id, &answer).await {
                    Ok(s) => on_answered.emit(s),
                    Err(e) => error.set(Some(e.message())),
                }
                busy.set(false);
            });
        })
    };
    let name = format!("score-{}", s.id);
    let comment_id = format!("comment-{}", s.id);
    html! {
        <form class="survey-form" {onsubmit}>
            <fieldset class="nps-scale">
                <legend>{ s.question.clone() }</legend>
                <div class="scale">
                    { for (0..=10u32).map(|n| {
                        let score = score.clone();
                        html! {
                            <label class={classes!("step", (*score == Some(n)).then_some("chosen"))}>
                                <input type="radio" name={name.clone()} value={n.to_string()} checked={*score == Some(n)}
                                    onchange={Callback::from(move |_| score.set(Some(n)))} />
                                <span>{ n }</span>
                            </label>
                        }
                    }) }
                </div>
                <div class="scale-ends" aria-hidden="true"><span>{ "Not at all likely" }</span><span>{ "Extremely likely" }</span></div>
            </fieldset>
            <label for={comment_id.clone()}>{ "What is the main reason for your score? (optional)" }</label>
            <textarea id={comment_id} rows="3" value={(*comment).clone()}
                oninput={{ let comment = comment.clone(); Callback::from(move |e: InputEvent| {
                    if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() { comment.set(t.value()); }
                }) }} />
            if let Some(e) = &*error { <p class="alert error" role="alert">{ e.clone() }</p> }
            <div class="actions">
                <button class="button" type="submit" disabled={*busy}>{ if *busy { "Sending…" } else { "Send answer" } }</button>
            </div>
        </form>
    }
}

/// The score distribution as a report, so it draws with the dashboard's chart.
pub fn distribution_report(r: &SurveyResults) -> Report {
    Report {
        kind: ReportKind::Nps,
        title: format!("{}: answers by score", r.title),
        description: String::new(),
        headline: None,
        row_label: "Score".into(),
        columns: vec![Column {
            name: "Answers".into(),
            unit: Unit::Count,
            currency: None,
        }],
        rows: r
            .distribution
            .iter()
            .enumerate()
            .map(|(score, n)| ReportRow {
                label: score.to_string(),
                values: vec![i64::from(*n)],
            })
            .collect(),
        chart: ChartKind::Bar,
        chart_column: 0,
    }
}

/// Properties of [`SurveyResultsView`].
#[derive(Properties, PartialEq)]
pub struct SurveyResultsViewProps {
    pub results: SurveyResults,
}

/// NPS, the three bands, the distribution and the comments.
#[component]
pub fn SurveyResultsView(props: &SurveyResultsViewProps) -> Html {
    let r = &props.results;
    html! {
        <div class="survey-results">
            <dl class="kpis">
                <div><dt>{ "NPS" }</dt><dd class="big">{ r.nps.map_or("–".to_string(), |n| n.to_string()) }</dd></div>
                <div><dt>{ "Answers" }</dt><dd>{ r.responses }</dd></div>
                <div><dt>{ "Promoters (9–10)" }</dt><dd>{ r.promoters }</dd></div>
                <div><dt>{ "Passives (7–8)" }</dt><dd>{ r.passives }</dd></div>
                <div><dt>{ "Detractors (0–6)" }</dt><dd>{ r.detractors }</dd></div>
            </dl>
            if r.responses > 0 {
                <Chart report={distribution_report(r)} column={0} id={format!("dist-{}", r.survey_id)} />
            }
            if !r.comments.is_empty() {
                <h4>{ "Comments" }</h4>
                <ul class="comments">
                    { for r.comments.iter().map(|c| html! {
                        <li>
                            <blockquote>{ c.comment.clone() }</blockquote>
                            <p class="muted small-text">{ format!("{} · scored {} · {}", c.account_name, c.score, &c.answered_at[..10.min(c.answered_at.len())]) }</p>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The first open survey the partner has not answered, as a card on their home page.
#[component]
pub fn SurveyPrompt() -> Html {
    let (data, _) = use_load((), |b, ()| async move { b.list_surveys().await });
    let answered = use_state(|| None::<Survey>);
    if let Some(s) = &*answered {
        return html! {
            <section class="card survey-prompt" aria-label="Survey">
                <p class="alert success" role="status">{ format!("Thank you for answering “{}”.", s.title) }</p>
            </section>
        };
    }
    let Load::Ready(list) = &*data else {
        return Html::default();
    };
    let Some(open) = list.iter().find(|s| s.open && s.my_answer.is_none()) else {
        return Html::default();
    };
    let on_answered = Callback::from(move |s: Survey| answered.set(Some(s)));
    html! {
        <section class="card survey-prompt" aria-labelledby="survey-prompt-heading">
            <h2 id="survey-prompt-heading">{ format!("{}: a minute of your time", open.title) }</h2>
            <SurveyAnswerForm survey={open.clone()} {on_answered} />
        </section>
    }
}
