//! Workflows on records: the lead inbox (accept, decline, convert) and deal registration review.

use axum::extract::{Path, State};
use axum::Json;
use trellis_api::datetime::date;
use trellis_api::deal_flow::{find_conflicts, transition, DealAction, DealConflict};
use trellis_api::distribution::{
    candidates, distribute, Distribution, DistributionResult, Skipped,
};
use trellis_api::lead_flow::accept_deadline;
use trellis_api::lead_flow::{self, LeadAction, LeadOutcome};
use trellis_api::record::new_record_fields;
use trellis_api::*;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::CurrentUser;
use crate::clock::{now, now_unix};
use crate::error::{ApiJson, Result};
use crate::ids::random_id;
use crate::store::records;
use crate::AppState;

/// Submit, withdraw, approve, reject, or mark won/lost; illegal moves are a typed 409.
#[utoipa::path(post, path = "/api/deals/{id}/transition", tag = "deals", request_body = DealAction,
    params(("id" = String, Path, description = "Deal registration id")),
    responses((status = 200, body = DealRegistration), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_deal(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<DealAction>,
) -> Result<Json<DealRegistration>> {
    let scope = Scope::of(&user);
    let deal: DealRegistration = records::get(&state.db, &scope, &id).await?;
    let next = transition(deal.status, &action, user.role.is_internal())?;
    let expires_on = next
        .valid_days
        .map(|d| date(now_unix() / 86_400 + i64::from(d)));
    // Guarded by the status it was read in, so two reviewers cannot both decide.
    let changed = sqlx::query(
        "UPDATE deals SET status = ?, reviewer_reason = COALESCE(?, reviewer_reason),
             expires_on = COALESCE(?, expires_on), submitted_at = COALESCE(?, submitted_at),
             decided_at = COALESCE(?, decided_at), updated_at = ?
         WHERE id = ? AND status = ?",
    )
    .bind(wire_name(&next.status))
    .bind(next.reviewer_reason)
    .bind(expires_on)
    .bind(next.submitted.then(now))
    .bind(next.decided.then(now))
    .bind(now())
    .bind(&id)
    .bind(wire_name(&deal.status))
    .execute(&state.db)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(changed_meanwhile("deal registration"));
    }
    let deal: DealRegistration = records::get(&state.db, &scope, &id).await?;
    if let Some(event) = trellis_api::audit::deal_event(&deal) {
        crate::store::audit::record(&state.db, Some(&user), "", event).await?;
    }
    Ok(Json(deal))
}

fn changed_meanwhile(what: &str) -> crate::error::Error {
    ApiError::new(
        ErrorCode::Conflict,
        format!("Someone else changed this {what} meanwhile; reload it"),
    )
    .into()
}

/// Accept, decline (with a reason) or convert a lead; converting creates an opportunity and a contact.
#[utoipa::path(post, path = "/api/leads/{id}/transition", tag = "leads", request_body = LeadAction,
    params(("id" = String, Path, description = "Lead id")),
    responses((status = 200, body = LeadOutcome), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn transition_lead(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<String>,
    ApiJson(action): ApiJson<LeadAction>,
) -> Result<Json<LeadOutcome>> {
    let scope = Scope::of(&user);
    let lead: Lead = records::get(&state.db, &scope, &id).await?;
    let next = lead_flow::apply(&lead, &action, &user, now_unix())?;
    if let LeadAction::Assign { partner_account_id } = &action {
        records::check_partner_account(&state.db, partner_account_id).await?;
    }
    let at = now();
    let mut tx = state.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE leads SET status = ?, decline_reason = ?, accept_by = ?, partner_account_id = ?,
             owner_user_id = ?, updated_at = ? WHERE id = ? AND status = ?",
    )
    .bind(wire_name(&next.status))
    .bind(&next.decline_reason)
    .bind(&next.accept_by)
    .bind(&next.partner_account_id)
    .bind(&next.owner_user_id)
    .bind(&at)
    .bind(&id)
    .bind(wire_name(&lead.status))
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(changed_meanwhile("lead"));
    }
    let owner = next.owner_user_id.clone();
    let mut created = (None, None);
    if action == LeadAction::Convert {
        let (opportunity, contact) = lead_flow::conversion(&lead, now_unix() / 86_400);
        let account = lead.partner_account_id.clone();
        let opp_id = random_id(Opportunity::PREFIX);
        let columns = new_record_fields::<Opportunity>(
            &opportunity,
            opp_id.clone(),
            account.clone(),
            owner.clone(),
            true,
            &at,
        );
        records::insert(&mut *tx, "opportunities", columns).await?;
        let contact_id = random_id(Contact::PREFIX);
        let columns =
            new_record_fields::<Contact>(&contact, contact_id.clone(), account, owner, true, &at);
        records::insert(&mut *tx, "contacts", columns).await?;
        created = (Some(opp_id), Some(contact_id));
    }
    tx.commit().await?;
    let opportunity = match created.0 {
        Some(oid) => Some(records::get(&state.db, &Scope::All, &oid).await?),
        None => None,
    };
    let contact = match created.1 {
        Some(cid) => Some(records::get(&state.db, &Scope::All, &cid).await?),
        None => None,
    };
    Ok(Json(LeadOutcome {
        lead: records::get(&state.db, &Scope::All, &id).await?,
        opportunity,
        contact,
    }))
}

/// Hand pooled (or chosen) leads to partner accounts by a rule, with an acceptance deadline (vendor staff).
#[utoipa::path(post, path = "/api/leads/distribute", tag = "leads", request_body = Distribution,
    responses((status = 200, body = DistributionResult), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn distribute_leads(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Distribution>,
) -> Result<Json<DistributionResult>> {
    let days = body.days()?;
    for partner in body.named_partners() {
        records::check_partner_account(&state.db, partner).await?;
    }
    records::apply_due::<Lead>(&state.db).await?;
    let mut skipped = Vec::new();
    let mut leads: Vec<Lead> = match &body.lead_ids {
        None => records::find_where(&state.db, "status = 'new'", &[]).await?,
        Some(ids) if ids.len() > ListQuery::MAX_LIMIT as usize * 10 => {
            return Err(ApiError::validation(vec![FieldError::new(
                "lead_ids",
                "at most 1000 leads at a time",
            )])
            .into())
        }
        Some(ids) => {
            let mut found = Vec::new();
            for id in ids {
                match records::find_where::<Lead>(&state.db, "id = ?", &[id])
                    .await?
                    .pop()
                {
                    Some(lead) => found.push(lead),
                    None => skipped.push(Skipped {
                        lead_id: id.clone(),
                        reason: "does not exist".into(),
                    }),
                }
            }
            found
        }
    };
    leads.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    let ranks: Vec<(String, i64)> = sqlx::query_as("SELECT id, rank FROM tiers")
        .fetch_all(&state.db)
        .await?;
    let accounts = sqlx::query("SELECT * FROM accounts WHERE is_partner = 1")
        .fetch_all(&state.db)
        .await?
        .iter()
        .map(crate::store::accounts::account_from_row)
        .collect::<Result<Vec<_>>>()?;
    let partners = candidates(&accounts, |tier| {
        ranks
            .iter()
            .find(|(id, _)| id == tier)
            .map_or(1, |(_, r)| *r)
    });
    let (planned, mut not_placed) = distribute(&leads, &partners, &body.rule);
    skipped.append(&mut not_placed);
    let (at, accept_by) = (now(), accept_deadline(now_unix(), days));
    let mut assigned = Vec::new();
    let mut tx = state.db.begin().await?;
    for (lead_id, partner) in planned {
        let done = sqlx::query(
            "UPDATE leads SET status = 'assigned', partner_account_id = ?, owner_user_id = NULL,
                 decline_reason = NULL, accept_by = ?, updated_at = ?
             WHERE id = ? AND status IN ('new', 'declined')",
        )
        .bind(&partner)
        .bind(&accept_by)
        .bind(&at)
        .bind(&lead_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            assigned.push((lead_id, partner));
        } else {
            skipped.push(Skipped {
                lead_id,
                reason: "changed meanwhile".into(),
            });
        }
    }
    tx.commit().await?;
    Ok(Json(DistributionResult {
        assigned,
        skipped,
        accept_by,
    }))
}

/// Other registrations and open opportunities that look like the same deal (vendor staff).
#[utoipa::path(get, path = "/api/deals/{id}/conflicts", tag = "deals",
    params(("id" = String, Path, description = "Deal registration id")),
    responses((status = 200, body = Vec<DealConflict>), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn deal_conflicts(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<DealConflict>>> {
    let deal: DealRegistration = records::get(&state.db, &Scope::All, &id).await?;
    // SQL narrows to the same company; the shared rule decides the rest.
    let deals: Vec<DealRegistration> = records::find_where(
        &state.db,
        "lower(trim(domain)) = lower(trim(?)) OR lower(trim(company)) = lower(trim(?))",
        &[&deal.domain, &deal.company],
    )
    .await?;
    let opportunities: Vec<Opportunity> = records::find_where(
        &state.db,
        "lower(trim(account_name)) = lower(trim(?))",
        &[&deal.company],
    )
    .await?;
    let mut conflicts = find_conflicts(&deal, &deals, &opportunities);
    for c in &mut conflicts {
        c.partner_name = sqlx::query_scalar("SELECT name FROM accounts WHERE id = ?")
            .bind(&c.partner_account_id)
            .fetch_optional(&state.db)
            .await?;
    }
    Ok(Json(conflicts))
}

/// The routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(transition_deal))
        .routes(routes!(deal_conflicts))
        .routes(routes!(transition_lead))
        .routes(routes!(distribute_leads))
}
