//! Training: the modules the user may take with their progress, and certificates earned.

use trellis_api::training::{Certificate, ProgressStatus, TrainingModule};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::module_form::ModuleForm;
use crate::components::states::{Empty, ErrorState, Loading};
use crate::format::badge;
use crate::routes::Route;
use crate::session::use_session;

/// The badge of a module's progress.
pub fn progress_badge(m: &TrainingModule) -> Html {
    match (m.progress.status, m.progress.best_score) {
        (ProgressStatus::Passed, _) => badge("passed", "Passed"),
        (ProgressStatus::Attempted, Some(best)) => badge("attempted", &format!("Best {best} %")),
        _ => badge("not_started", "Not started"),
    }
}

/// "1 FAQ", "3 FAQs".
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn module_card(m: &TrainingModule) -> Html {
    let action = match m.progress.status {
        ProgressStatus::NotStarted => "Start",
        ProgressStatus::Attempted => "Continue",
        ProgressStatus::Passed => "Review",
    };
    html! {
        <li class="card module">
            <div class="module-head">
                <h2>{ m.title.clone() }</h2>
                { progress_badge(m) }
            </div>
            <p>{ m.summary.clone() }</p>
            <p class="muted small-text">{ format!("{} min · {} · {}", m.minutes, plural(m.quiz.len(), "quiz question"), plural(m.faqs.len(), "FAQ")) }</p>
            <Link<Route> to={Route::TrainingModule { id: m.id.clone() }} classes="button secondary">
                { action }<span class="visually-hidden">{ format!(": {}", m.title) }</span>
            </Link<Route>>
        </li>
    }
}

fn certificates_table(certs: &[Certificate], staff: bool) -> Html {
    if certs.is_empty() {
        return html! { <Empty message="No certificates yet: pass a module's quiz to earn one." /> };
    }
    html! {
        <div class="table-wrap">
            <table class="data">
                <thead><tr>
                    <th scope="col">{ "Module" }</th>
                    <th scope="col">{ "Person" }</th>
                    if staff { <th scope="col">{ "Partner account" }</th> }
                    <th scope="col" class="num">{ "Score" }</th>
                    <th scope="col">{ "Issued" }</th>
                </tr></thead>
                <tbody>
                    { for certs.iter().map(|c| html! {
                        <tr>
                            <td>{ c.module_title.clone() }</td>
                            <td>{ c.user_name.clone() }</td>
                            if staff { <td>{ c.account_name.clone() }</td> }
                            <td class="num">{ format!("{} %", c.score) }</td>
                            <td>{ c.issued_on.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The training screen.
#[component]
pub fn TrainingPage() -> Html {
    let session = use_session();
    // Staff author modules; the partner bundle leaves the editor out (staff get the full one).
    let staff = cfg!(feature = "staff") && session.me().is_some_and(|m| m.user.role.is_internal());
    let (data, retry) = use_load((), |b, ()| async move {
        Ok((b.list_modules().await?, b.list_certificates().await?))
    });
    let writing = use_state(|| false);
    let toggle = {
        let writing = writing.clone();
        Callback::from(move |()| writing.set(!*writing))
    };
    let saved = {
        let (writing, retry) = (writing.clone(), retry.clone());
        Callback::from(move |()| {
            writing.set(false);
            retry.emit(());
        })
    };
    let body = match &*data {
        Load::Loading => html! { <Loading label="Loading training…" /> },
        Load::Failed(e) => html! { <ErrorState error={e.clone()} on_retry={retry.clone()} /> },
        Load::Ready((modules, certs)) => {
            let passed = modules
                .iter()
                .filter(|m| m.progress.status == ProgressStatus::Passed)
                .count();
            html! {
                <>
                    if !staff && !modules.is_empty() {
                        <div class="card progress-summary">
                            <label for="training-progress">{ format!("You passed {passed} of {} modules", modules.len()) }</label>
                            <progress id="training-progress" max={modules.len().to_string()} value={passed.to_string()} />
                        </div>
                    }
                    if modules.is_empty() {
                        <Empty message="No training modules are available to you yet." />
                    } else {
                        <ul class="module-grid">{ for modules.iter().map(module_card) }</ul>
                    }
                    <h2>{ if staff { "Certificates issued" } else { "Certificates" } }</h2>
                    { certificates_table(certs, staff) }
                </>
            }
        }
    };
    html! {
        <>
            <div class="page-header">
                <h1>{ "Training" }</h1>
                if staff && !*writing {
                    <button class="button" type="button" onclick={toggle.reform(|_| ())}>{ "New module" }</button>
                }
            </div>
            if staff && *writing {
                <ModuleForm on_saved={saved} on_cancel={toggle} />
            }
            { body }
        </>
    }
}
