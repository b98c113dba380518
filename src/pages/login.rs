//! The login page.

use trellis_api::{ErrorCode, LoginRequest, Me, Validate};
use trellis_client::ClientError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::session::use_session;

/// Properties of [`LoginForm`].
#[derive(Properties, PartialEq)]
pub struct LoginFormProps {
    /// Called with the user after a successful login.
    pub on_login: Callback<Me>,
}

/// Email and password, checked before sending; the server's answer is shown in words.
#[component]
pub fn LoginForm(props: &LoginFormProps) -> Html {
    let backend = use_backend();
    let email = use_node_ref();
    let password = use_node_ref();
    let field_errors = use_state(Vec::<trellis_api::FieldError>::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (email, password, field_errors, error, busy) = (
            email.clone(),
            password.clone(),
            field_errors.clone(),
            error.clone(),
            busy.clone(),
        );
        let on_login = props.on_login.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let request = LoginRequest {
                email: value(&email),
                password: value(&password),
            };
            let problems = request.validate();
            error.set(None);
            field_errors.set(problems.clone());
            if !problems.is_empty() {
                return;
            }
            busy.set(true);
            let (backend, error, busy, field_errors, on_login) = (
                backend.clone(),
                error.clone(),
                busy.clone(),
                field_errors.clone(),
                on_login.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = backend.login(&request).await;
                busy.set(false);
                match result {
                    Ok(me) => on_login.emit(me),
                    Err(ClientError::Api(api)) if api.code == ErrorCode::Validation => {
                        field_errors.set(api.field_errors.clone());
                        error.set(Some(api.message));
                    }
                    Err(e) => error.set(Some(e.message())),
                }
            });
        })
    };

    let message_for = |field: &str| {
        field_errors.iter().find(|f| f.field == field).map(|f| {
            format!(
                "{} {}",
                if field == "email" {
                    "Email"
                } else {
                    "Password"
                },
                f.message
            )
        })
    };
    let field = |id: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 r: &NodeRef,
                 auto: &'static str| {
        let problem = message_for(id);
        let error_id = format!("{id}-error");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input id={id} name={id} type={kind} ref={r.clone()} autocomplete={auto}
                    aria-invalid={problem.is_some().to_string()}
                    aria-describedby={problem.as_ref().map(|_| error_id.clone())} />
                if let Some(p) = problem { <p class="field-error" id={error_id}>{ p }</p> }
            </div>
        }
    };
    html! {
        <form onsubmit={onsubmit} novalidate=true aria-label="Log in">
            if let Some(message) = &*error {
                <div class="alert error" role="alert">{ message.clone() }</div>
            }
            { field("email", "Email", "email", &email, "username") }
            { field("password", "Password", "password", &password, "current-password") }
            <button class="button" type="submit" disabled={*busy} style="width:100%">
                { if *busy { "Logging in…" } else { "Log in" } }
            </button>
        </form>
    }
}

/// The login screen, with the demo logins and the no-server demo.
#[component]
pub fn LoginPage() -> Html {
    let session = use_session();
    let on_login = session.set_me.reform(Some);
    let demo = crate::backend::use_demo();
    html! {
        <main class="login">
            <div class="card">
                <div class="brandmark"><img src="/public/logo.svg" alt="" />{ "Trellis" }</div>
                <h1>{ "Log in to your partner community" }</h1>
                <LoginForm {on_login} />
                <p class="hint">
                    { "Demo logins (password " }<code>{ "trellis-demo" }</code>{ "): " }
                    <code>{ "partner@acme.test" }</code>{ ", " }<code>{ "admin@trellis.test" }</code>{ "." }
                </p>
                if demo.mode.is_demo() {
                    <p class="hint">{ "This is the demo: it runs entirely in your browser and keeps your changes here. Log in as an administrator to design the community, or as a partner to work in it." }</p>
                } else {
                    <p class="hint"><a href="/?demo">{ "Try the demo" }</a>{ " — runs entirely in your browser, no server needed." }</p>
                }
            </div>
        </main>
    }
}
