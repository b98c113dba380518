//! One training module: its content, FAQs, the quiz and, once passed, the certificate.

use trellis_api::training::{Certificate, TrainingModule};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load::{use_load, Load};
use crate::components::markdown::Markdown;
use crate::components::module_form::ModuleForm;
use crate::components::quiz::Quiz;
use crate::components::states::{ErrorState, Loading};
use crate::pages::not_found::NotFoundPage;
use crate::pages::training::progress_badge;
use crate::routes::Route;
use crate::session::use_session;

/// Properties of [`TrainingModulePage`].
#[derive(Properties, PartialEq)]
pub struct TrainingModulePageProps {
    pub id: String,
}

fn certificate(c: &Certificate) -> Html {
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="card certificate" aria-labelledby="certificate-heading">
            <p class="eyebrow">{ "Certificate of completion" }</p>
            <h2 id="certificate-heading">{ c.module_title.clone() }</h2>
            <p>{ "Awarded to " }<strong>{ c.user_name.clone() }</strong></p>
            <p class="muted">{ format!("Score {} % · issued {}", c.score, c.issued_on) }</p>
            <button class="button secondary no-print" type="button" onclick={print}>{ "Print certificate" }</button>
        </section>
    }
}

/// The module screen.
#[component]
pub fn TrainingModulePage(props: &TrainingModulePageProps) -> Html {
    let session = use_session();
    // Staff author modules; the partner bundle leaves the editor out (staff get the full one).
    let staff = cfg!(feature = "staff") && session.me().is_some_and(|m| m.user.role.is_internal());
    let user_id = session.me().map(|m| m.user.id.clone()).unwrap_or_default();
    let (data, retry) = use_load(props.id.clone(), |b, id: String| async move {
        let module = b.list_modules().await?.into_iter().find(|m| m.id == id);
        let cert = b
            .list_certificates()
            .await?
            .into_iter()
            .find(|c| c.module_id == id);
        Ok((module, cert))
    });
    let earned = use_state(|| None::<Certificate>);
    let editing = use_state(|| false);
    let (m, cert): (&TrainingModule, Option<Certificate>) = match &*data {
        Load::Loading => return html! { <Loading label="Loading the module…" /> },
        Load::Failed(e) => return html! { <ErrorState error={e.clone()} on_retry={retry} /> },
        Load::Ready((None, _)) => return html! { <NotFoundPage /> },
        Load::Ready((Some(m), cert)) => (
            m,
            (*earned)
                .clone()
                .or_else(|| cert.clone().filter(|c| c.user_id == user_id)),
        ),
    };
    let on_marked = {
        let earned = earned.clone();
        Callback::from(move |r: trellis_api::training::QuizResult| {
            if r.certificate.is_some() {
                earned.set(r.certificate);
            }
        })
    };
    let toggle = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(!*editing))
    };
    let saved = {
        let (editing, retry) = (editing.clone(), retry.clone());
        Callback::from(move |()| {
            editing.set(false);
            retry.emit(());
        })
    };
    html! {
        <article class="training-module">
            <p class="breadcrumb"><Link<Route> to={Route::Training}>{ "← Training" }</Link<Route>></p>
            <div class="page-header">
                <h1>{ m.title.clone() }</h1>
                { progress_badge(m) }
                if staff && !*editing {
                    <button class="button secondary" type="button" onclick={toggle.reform(|_| ())}>{ "Edit module" }</button>
                }
            </div>
            if staff && *editing {
                <ModuleForm editing={Some(m.clone())} on_saved={saved} on_cancel={toggle} />
            } else {
                <p class="muted">{ format!("{} · about {} minutes", m.summary, m.minutes) }</p>
                <Markdown source={m.body.clone()} html={AttrValue::from(m.body_html.clone())} class="card" />
                if !m.faqs.is_empty() {
                    <section class="faqs" aria-labelledby="faq-heading">
                        <h2 id="faq-heading">{ "Frequently asked questions" }</h2>
                        { for m.faqs.iter().map(|f| html! {
                            <details class="card faq"><summary>{ f.question.clone() }</summary><p>{ f.answer.clone() }</p></details>
                        }) }
                    </section>
                }
                <Quiz module={m.clone()} {on_marked} />
                if let Some(c) = &cert { { certificate(c) } }
            }
        </article>
    }
}
