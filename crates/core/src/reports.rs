//! The dashboard: reports computed from exactly the records the user may see.

use trellis_api::reports::{build, Report, ReportData, ReportQuery};
use trellis_api::{DealRegistration, Lead, Opportunity, Scope, Validate};

use crate::cx::Cx;
use crate::error::Result;
use crate::records::RecordStore;
use crate::surveys::SurveyStore;
use crate::training::{self, TrainingStore};

/// Every report for the user's dashboard over a date range: partner reports for everyone,
/// program reports for vendor staff.
pub async fn list<S: RecordStore + TrainingStore + SurveyStore>(
    cx: &Cx<'_, S>,
    range: &ReportQuery,
) -> Result<Vec<Report>> {
    range.check()?;
    let scope = Scope::of(cx.user);
    let staff = cx.user.role.is_internal();
    let leads: Vec<Lead> = cx.store.all(&scope).await?;
    let deals: Vec<DealRegistration> = cx.store.all(&scope).await?;
    let opportunities: Vec<Opportunity> = cx.store.all(&scope).await?;
    let modules = training::modules_for(cx).await?;
    let attempts = cx.store.attempts(&scope).await?;
    // Program-wide figures are for staff only; partners' stay empty.
    let (mut accounts, mut tiers, mut tier_changes) = (Vec::new(), Vec::new(), Vec::new());
    let (mut surveys, mut responses) = (Vec::new(), Vec::new());
    if staff {
        accounts = cx.store.all_accounts().await?;
        tiers = crate::accounts::all_tiers(cx.store).await?;
        tier_changes = cx.store.all_tier_changes().await?;
        surveys = cx.store.surveys().await?;
        responses = cx.store.responses().await?;
    }
    let today = cx.today();
    let data = ReportData {
        staff,
        today: &today,
        leads: &leads,
        deals: &deals,
        opportunities: &opportunities,
        accounts: &accounts,
        tiers: &tiers,
        tier_changes: &tier_changes,
        modules: &modules,
        attempts: &attempts,
        surveys: &surveys,
        responses: &responses,
    };
    Ok(build(&data, range))
}
