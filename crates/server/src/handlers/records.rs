//! REST handlers for the partner-owned records, generated once per record kind: extract, run the
//! core's step, respond.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use trellis_api::endpoints;
use trellis_api::{
    ApiError, Contact, ContactInput, DealInput, DealRegistration, Lead, LeadInput, ListPage,
    ListQuery, Opportunity, OpportunityInput,
};
use trellis_core::{records, Cx};

use crate::auth::CurrentUser;
use crate::clock::now_unix;
use crate::error::{ApiJson, ApiQuery, Result};
use crate::AppState;

macro_rules! record_handlers {
    ($module:ident, $record:ident, $input:ident, $tag:tt,
     $list:ident, $get:ident, $create:ident, $update:ident) => {
        /// Handlers for one record kind.
        pub mod $module {
            use super::{
                endpoints, now_unix, records, routes, ApiError, ApiJson, ApiQuery, AppState,
                CurrentUser, Cx, Json, ListPage, ListQuery, OpenApiRouter, Path, Result, State,
                StatusCode, $input, $record,
            };

            /// List the records the user may see, newest first.
            #[utoipa::path(get, path = endpoints::$list.path, operation_id = endpoints::$list.name, tag = $tag, params(ListQuery),
                responses((status = 200, body = ListPage<$record>), (status = 400, body = ApiError),
                          (status = 401, body = ApiError)))]
            pub async fn list(
                State(state): State<AppState>,
                CurrentUser(user): CurrentUser,
                ApiQuery(query): ApiQuery<ListQuery>,
            ) -> Result<Json<ListPage<$record>>> {
                let store = state.store();
                let cx = Cx::new(&store, &user, now_unix());
                Ok(Json(records::list::<$record, _>(&cx, &query).await?))
            }

            /// One record; 404 if it does not exist or is not the user's to see.
            #[utoipa::path(get, path = endpoints::$get.path, operation_id = endpoints::$get.name, tag = $tag, params(("id" = String, Path, description = "Record id")),
                responses((status = 200, body = $record), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
            pub async fn get(
                State(state): State<AppState>,
                CurrentUser(user): CurrentUser,
                Path(id): Path<String>,
            ) -> Result<Json<$record>> {
                let store = state.store();
                let cx = Cx::new(&store, &user, now_unix());
                Ok(Json(records::get::<$record, _>(&cx, &id).await?))
            }

            /// Create a record owned by the user's partner account.
            #[utoipa::path(post, path = endpoints::$create.path, operation_id = endpoints::$create.name, tag = $tag, request_body = $input,
                responses((status = 201, body = $record), (status = 400, body = ApiError),
                          (status = 401, body = ApiError),
                          (status = 409, body = ApiError, description = "A record with these details already exists"),
                          (status = 422, body = ApiError)))]
            pub async fn create(
                State(state): State<AppState>,
                CurrentUser(user): CurrentUser,
                ApiJson(input): ApiJson<$input>,
            ) -> Result<(StatusCode, Json<$record>)> {
                let store = state.store();
                let cx = Cx::new(&store, &user, now_unix());
                let record = records::create::<$record, _>(&cx, &input).await?;
                Ok((StatusCode::CREATED, Json(record)))
            }

            /// Replace the editable fields of a record.
            #[utoipa::path(put, path = endpoints::$update.path, operation_id = endpoints::$update.name, tag = $tag, request_body = $input,
                params(("id" = String, Path, description = "Record id")),
                responses((status = 200, body = $record), (status = 400, body = ApiError),
                          (status = 401, body = ApiError), (status = 404, body = ApiError),
                          (status = 409, body = ApiError, description = "The record may no longer be edited (a deal past its draft), or it would duplicate another"),
                          (status = 422, body = ApiError)))]
            pub async fn update(
                State(state): State<AppState>,
                CurrentUser(user): CurrentUser,
                Path(id): Path<String>,
                ApiJson(input): ApiJson<$input>,
            ) -> Result<Json<$record>> {
                let store = state.store();
                let cx = Cx::new(&store, &user, now_unix());
                Ok(Json(records::update::<$record, _>(&cx, &id, &input).await?))
            }

            /// The routes of this record kind.
            pub fn router() -> OpenApiRouter<AppState> {
                OpenApiRouter::new()
                    .routes(routes!(list, create))
                    .routes(routes!(get, update))
            }
        }
    };
}

record_handlers!(
    leads,
    Lead,
    LeadInput,
    "leads",
    LIST_LEADS,
    GET_LEAD,
    CREATE_LEAD,
    UPDATE_LEAD
);
record_handlers!(
    deals,
    DealRegistration,
    DealInput,
    "deals",
    LIST_DEALS,
    GET_DEAL,
    CREATE_DEAL,
    UPDATE_DEAL
);
record_handlers!(
    opportunities,
    Opportunity,
    OpportunityInput,
    "opportunities",
    LIST_OPPORTUNITIES,
    GET_OPPORTUNITY,
    CREATE_OPPORTUNITY,
    UPDATE_OPPORTUNITY
);
record_handlers!(
    contacts,
    Contact,
    ContactInput,
    "contacts",
    LIST_CONTACTS,
    GET_CONTACT,
    CREATE_CONTACT,
    UPDATE_CONTACT
);
