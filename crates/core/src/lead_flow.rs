//! The lead inbox: assign, accept, decline (with a reason) and convert, which creates an
//! opportunity and a contact in the same write.

use trellis_api::activity::{changed, created, Activity};
use trellis_api::lead_flow::{apply, conversion, LeadAction, LeadOutcome};
use trellis_api::records::kind::{new_record_fields, Record as _};
use trellis_api::{wire_name, ApiError, Contact, Lead, Opportunity, Scope};

use crate::activity::new_id;
use crate::cx::Cx;
use crate::error::changed_meanwhile;
use crate::error::Result;
use crate::records::{self, decode, target_account, Kind, RecordStore};

/// Where a conversion is written.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait LeadStore: RecordStore {
    /// Replaces the lead if its status is still `from` and adds the opportunity, the contact and
    /// the timeline entries `log`, all together; false if someone changed the lead meanwhile.
    async fn convert(
        &self,
        lead: &Lead,
        from: &str,
        opportunity: &Opportunity,
        contact: &Contact,
        log: &[Activity],
    ) -> Result<bool>;
}

/// Accepts, declines, assigns or converts a lead.
pub async fn transition<S: LeadStore>(
    cx: &Cx<'_, S>,
    id: &str,
    action: &LeadAction,
) -> Result<LeadOutcome> {
    let lead: Lead = records::get(cx, id).await?;
    let mut next = apply(&lead, action, cx.user, cx.now)?;
    if let LeadAction::Assign { partner_account_id } = action {
        target_account(cx, cx.user, Some(partner_account_id.clone())).await?;
    }
    let at = cx.timestamp();
    next.updated_at = at.clone();
    let from = wire_name(&lead.status);
    let (mut opportunity, mut contact) = (None, None);
    let mut log: Vec<Activity> = changed(new_id(cx.store), &lead, &next, Some(cx.user), &at)
        .into_iter()
        .collect();
    let saved = if *action == LeadAction::Convert {
        let (opp, con) = conversion(&lead, cx.now.div_euclid(86_400));
        let (account, owner) = (lead.partner_account_id.clone(), next.owner_user_id.clone());
        let opp_id = cx.store.new_id(Opportunity::PREFIX);
        let o: Opportunity = decode(new_record_fields::<Opportunity>(
            &opp,
            opp_id,
            account.clone(),
            owner.clone(),
            true,
            &at,
        ))?;
        let con_id = cx.store.new_id(Contact::PREFIX);
        let c: Contact = decode(new_record_fields::<Contact>(
            &con, con_id, account, owner, true, &at,
        ))?;
        next.converted_opportunity_id = Some(o.id.clone());
        next.converted_contact_id = Some(c.id.clone());
        log = changed(new_id(cx.store), &lead, &next, Some(cx.user), &at)
            .into_iter()
            .collect();
        log.push(created(new_id(cx.store), &o, Some(cx.user), &at));
        log.push(created(new_id(cx.store), &c, Some(cx.user), &at));
        let saved = cx.store.convert(&next, &from, &o, &c, &log).await?;
        (opportunity, contact) = (Some(o), Some(c));
        saved
    } else {
        cx.store.replace_if(&next, &from, &log).await?
    };
    if !saved {
        return Err(changed_meanwhile("lead"));
    }
    Ok(LeadOutcome {
        lead: read_back(cx, &next.id).await?,
        opportunity: match opportunity {
            Some(o) => Some(read_back(cx, &o.id).await?),
            None => None,
        },
        contact: match contact {
            Some(c) => Some(read_back(cx, &c.id).await?),
            None => None,
        },
    })
}

async fn read_back<R: Kind, S: RecordStore>(cx: &Cx<'_, S>, id: &str) -> Result<R> {
    let found = cx.store.find(&Scope::All, id).await?;
    Ok(found.ok_or_else(|| ApiError::not_found(R::NAME))?)
}
