//! The product catalogue and the program's currencies: extract, run the core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use trellis_api::endpoints;
use trellis_api::products::{Product, ProductInput, ProgramCurrencies};
use trellis_api::ApiError;
use trellis_core::{products, Cx};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, Result};
use crate::AppState;

/// The product catalogue: every product for staff, the offered ones for partners.
#[utoipa::path(get, path = endpoints::LIST_PRODUCTS.path, operation_id = endpoints::LIST_PRODUCTS.name, tag = "products",
    responses((status = 200, body = Vec<Product>), (status = 401, body = ApiError)))]
pub async fn list_products(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<Product>>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(products::list(&cx).await?))
}

/// Add a product to the catalogue (vendor staff).
#[utoipa::path(post, path = endpoints::CREATE_PRODUCT.path, operation_id = endpoints::CREATE_PRODUCT.name, tag = "products", request_body = ProductInput,
    responses((status = 201, body = Product), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn create_product(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(input): ApiJson<ProductInput>,
) -> Result<(StatusCode, Json<Product>)> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok((
        StatusCode::CREATED,
        Json(products::create(&cx, &input).await?),
    ))
}

/// Edit a product, or stop or resume offering it (vendor staff).
#[utoipa::path(put, path = endpoints::UPDATE_PRODUCT.path, operation_id = endpoints::UPDATE_PRODUCT.name, tag = "products", request_body = ProductInput,
    params(("id" = String, Path)),
    responses((status = 200, body = Product), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update_product(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ProductInput>,
) -> Result<Json<Product>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(products::update(&cx, &id, &input).await?))
}

/// The currencies deals, opportunities and products may be in, the default first.
#[utoipa::path(get, path = endpoints::CURRENCIES.path, operation_id = endpoints::CURRENCIES.name, tag = "products",
    responses((status = 200, body = ProgramCurrencies), (status = 401, body = ApiError)))]
pub async fn currencies(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<ProgramCurrencies>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(products::currencies(&cx).await?))
}

/// Change the program's currencies (administrators).
#[utoipa::path(put, path = endpoints::SET_CURRENCIES.path, operation_id = endpoints::SET_CURRENCIES.name, tag = "products", request_body = ProgramCurrencies,
    responses((status = 200, body = ProgramCurrencies), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn set_currencies(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(wanted): ApiJson<ProgramCurrencies>,
) -> Result<Json<ProgramCurrencies>> {
    let store = state.store();
    let cx = Cx::new(&store, &user, now_unix());
    Ok(Json(products::set_currencies(&cx, &wanted).await?))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_products, create_product))
        .routes(routes!(update_product))
        .routes(routes!(currencies, set_currencies))
}
