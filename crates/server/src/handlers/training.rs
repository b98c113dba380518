//! Training modules, quiz attempts and certificates: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::training::{Certificate, ModuleInput, QuizAnswers, QuizResult, TrainingModule};
use trellis_api::ApiError;
use trellis_core::{training, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// The training modules the user may take, with their progress (staff see every module with answers).
#[utoipa::path(get, path = endpoints::LIST_MODULES.path, operation_id = endpoints::LIST_MODULES.name, tag = "training",
    responses((status = 200, body = Vec<TrainingModule>), (status = 401, body = ApiError)))]
pub async fn list_modules(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<TrainingModule>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(training::modules_for(&cx).await?))
}

/// One training module.
#[utoipa::path(get, path = endpoints::GET_MODULE.path, operation_id = endpoints::GET_MODULE.name, tag = "training", params(("id" = String, Path)),
    responses((status = 200, body = TrainingModule), (status = 404, body = ApiError)))]
pub async fn get_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<TrainingModule>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(training::get(&cx, &id).await?))
}

/// Write a training module (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_MODULE.path, operation_id = endpoints::CREATE_MODULE.name, tag = "training", request_body = ModuleInput,
    responses((status = 201, body = TrainingModule), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<ModuleInput>,
) -> Result<(StatusCode, Json<TrainingModule>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(training::create(&cx, &input).await?),
    ))
}

/// Edit a training module (vendor staff); earlier attempts and certificates stay.
#[utoipa::path(put, path = endpoints::UPDATE_MODULE.path, operation_id = endpoints::UPDATE_MODULE.name, tag = "training", request_body = ModuleInput,
    params(("id" = String, Path)),
    responses((status = 200, body = TrainingModule), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update_module(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ModuleInput>,
) -> Result<Json<TrainingModule>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(training::update(&cx, &id, &input).await?))
}

/// Hand in a quiz: marked on the server; passing grants a certificate (once per module).
#[utoipa::path(post, path = endpoints::SUBMIT_QUIZ.path, operation_id = endpoints::SUBMIT_QUIZ.name, tag = "training", request_body = QuizAnswers,
    params(("id" = String, Path)),
    responses((status = 200, body = QuizResult), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn submit_quiz(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(answers): ApiJson<QuizAnswers>,
) -> Result<Json<QuizResult>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(training::submit(&cx, &id, &answers).await?))
}

/// Certificates the user may see: their own; their account's for partner executives and managers; all for staff.
#[utoipa::path(get, path = endpoints::LIST_CERTIFICATES.path, operation_id = endpoints::LIST_CERTIFICATES.name, tag = "training",
    responses((status = 200, body = Vec<Certificate>), (status = 401, body = ApiError)))]
pub async fn list_certificates(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Certificate>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(training::certificates(&cx).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_modules, create_module))
        .routes(routes!(get_module, update_module))
        .routes(routes!(submit_quiz))
        .routes(routes!(list_certificates))
}
