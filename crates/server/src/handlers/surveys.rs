//! Partner surveys: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::surveys::{Survey, SurveyAnswer, SurveyInput, SurveyResults};
use trellis_api::ApiError;
use trellis_core::{surveys, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// Surveys, newest first, each with the user's own answer if given.
#[utoipa::path(get, path = endpoints::LIST_SURVEYS.path, operation_id = endpoints::LIST_SURVEYS.name, tag = "surveys",
    responses((status = 200, body = Vec<Survey>), (status = 401, body = ApiError)))]
pub async fn list_surveys(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Survey>>> {
    let store = state.store();
    Ok(Json(
        surveys::list(&Cx::new(&store, &user, now_unix())).await?,
    ))
}

/// Ask partners a new question (vendor staff); it is open at once.
#[utoipa::path(post, path = endpoints::CREATE_SURVEY.path, operation_id = endpoints::CREATE_SURVEY.name, tag = "surveys", request_body = SurveyInput,
    responses((status = 201, body = Survey), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_survey(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<SurveyInput>,
) -> Result<(StatusCode, Json<Survey>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(surveys::create(&cx, &input).await?),
    ))
}

/// Stop taking answers (vendor staff).
#[utoipa::path(post, path = endpoints::CLOSE_SURVEY.path, operation_id = endpoints::CLOSE_SURVEY.name, tag = "surveys", params(("id" = String, Path)),
    responses((status = 200, body = Survey), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn close_survey(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Survey>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(surveys::close(&cx, &id).await?))
}

/// Answer a survey (partner users, once each, while it is open).
#[utoipa::path(post, path = endpoints::ANSWER_SURVEY.path, operation_id = endpoints::ANSWER_SURVEY.name, tag = "surveys", request_body = SurveyAnswer,
    params(("id" = String, Path)),
    responses((status = 200, body = Survey), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn answer_survey(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(answer): ApiJson<SurveyAnswer>,
) -> Result<Json<Survey>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(surveys::answer(&cx, &id, &answer).await?))
}

/// A survey's NPS, score distribution and comments (vendor staff).
#[utoipa::path(get, path = endpoints::SURVEY_RESULTS.path, operation_id = endpoints::SURVEY_RESULTS.name, tag = "surveys", params(("id" = String, Path)),
    responses((status = 200, body = SurveyResults), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn survey_results(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<SurveyResults>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(surveys::survey_results(&cx, &id).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_surveys, create_survey))
        .routes(routes!(close_survey))
        .routes(routes!(answer_survey))
        .routes(routes!(survey_results))
}
