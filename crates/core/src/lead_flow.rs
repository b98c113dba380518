//! The lead inbox: assign, accept, decline (with a reason) and convert, which creates an
//! opportunity and a contact (or links an existing one) in the same write.

use trellis_api::activity::{changed, created, Activity};
use trellis_api::lead_flow::{apply, default_conversion, Conversion, LeadAction, LeadOutcome};
use trellis_api::records::kind::{new_record_fields, Record as _};
use trellis_api::{wire_name, ApiError, Contact, FieldError, Lead, Opportunity, Scope, Validate};

use crate::activity::new_id;
use crate::cx::Cx;
use crate::error::changed_meanwhile;
use crate::error::Result;
use crate::products;
use crate::records::{self, decode, target_account, Kind, RecordStore};

/// Where a conversion is written.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait LeadStore: RecordStore {
    /// Replaces the lead if its status is still `from` and adds the opportunity, the new
    /// contact (none when an existing one is linked) and the timeline entries `log`, all
    /// together; false if someone changed the lead meanwhile.
    async fn convert(
        &self,
        lead: &Lead,
        from: &str,
        opportunity: &Opportunity,
        contact: Option<&Contact>,
        log: &[Activity],
    ) -> Result<bool>;
}

/// The records a conversion writes: the opportunity and the new contact, if any.
struct Converted {
    opportunity: Opportunity,
    contact: Option<Contact>,
}

/// Builds what `conversion` creates for `lead`, linking the lead to it in `next`.
async fn convert<S: LeadStore>(
    cx: &Cx<'_, S>,
    lead: &Lead,
    next: &mut Lead,
    conversion: &Conversion,
    asked: bool,
) -> Result<Converted> {
    conversion.check()?;
    let at = cx.timestamp();
    let (account, owner) = (lead.partner_account_id.clone(), next.owner_user_id.clone());
    let (opp, new_contact) = conversion.parts();
    let mut fields = new_record_fields::<Opportunity>(
        &opp,
        cx.store.new_id(Opportunity::PREFIX),
        account.clone(),
        owner.clone(),
        true,
        &at,
    );
    let errors = products::picked(cx.store, &mut fields, None).await?;
    if asked && !errors.is_empty() {
        let nested = errors
            .into_iter()
            .map(|e| FieldError::new(format!("opportunity.{}", e.field), e.message))
            .collect();
        return Err(ApiError::validation(nested).into());
    }
    // The one-click conversion leaves out what the picklists do not know.
    for e in errors {
        let fallback = match e.field.as_str() {
            "currency" => cx.store.currencies().await?.currencies.first().cloned(),
            _ => None,
        };
        fields.insert(e.field, fallback.unwrap_or_default().into());
    }
    let opportunity: Opportunity = decode(fields)?;
    let contact = match (&conversion.contact_id, new_contact) {
        (Some(id), _) => {
            // Only a contact the user may change: their own, in their account.
            let scope = Scope::of(cx.user);
            let linked = cx.store.find::<Contact>(&scope, id).await?;
            if !linked.is_some_and(|c| scope.allows(&c)) {
                let e = FieldError::new("contact_id", "is not one of your contacts");
                return Err(ApiError::validation(vec![e]).into());
            }
            next.converted_contact_id = Some(id.clone());
            None
        }
        (None, Some(input)) => {
            let c: Contact = decode(new_record_fields::<Contact>(
                &input,
                cx.store.new_id(Contact::PREFIX),
                account,
                owner,
                true,
                &at,
            ))?;
            next.converted_contact_id = Some(c.id.clone());
            Some(c)
        }
        (None, None) => None,
    };
    next.converted_opportunity_id = Some(opportunity.id.clone());
    Ok(Converted {
        opportunity,
        contact,
    })
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
    let converted = match action {
        LeadAction::Convert { with } => {
            let conversion = match with {
                Some(c) => (**c).clone(),
                None => default_conversion(&lead, cx.now.div_euclid(86_400)),
            };
            Some(convert(cx, &lead, &mut next, &conversion, with.is_some()).await?)
        }
        _ => None,
    };
    let mut log: Vec<Activity> = changed(new_id(cx.store), &lead, &next, Some(cx.user), &at)
        .into_iter()
        .collect();
    let saved = match &converted {
        Some(made) => {
            log.push(created(
                new_id(cx.store),
                &made.opportunity,
                Some(cx.user),
                &at,
            ));
            if let Some(c) = &made.contact {
                log.push(created(new_id(cx.store), c, Some(cx.user), &at));
            }
            let contact = made.contact.as_ref();
            cx.store
                .convert(&next, &from, &made.opportunity, contact, &log)
                .await?
        }
        None => cx.store.replace_if(&next, &from, &log).await?,
    };
    if !saved {
        return Err(changed_meanwhile("lead"));
    }
    let opportunity = next.converted_opportunity_id.as_deref();
    let contact = next.converted_contact_id.as_deref();
    Ok(LeadOutcome {
        lead: read_back(cx, &next.id).await?,
        opportunity: match opportunity.filter(|_| converted.is_some()) {
            Some(id) => Some(read_back(cx, id).await?),
            None => None,
        },
        contact: match contact.filter(|_| converted.is_some()) {
            Some(id) => Some(read_back(cx, id).await?),
            None => None,
        },
    })
}

async fn read_back<R: Kind, S: RecordStore>(cx: &Cx<'_, S>, id: &str) -> Result<R> {
    let found = cx.store.find(&Scope::All, id).await?;
    Ok(found.ok_or_else(|| ApiError::not_found(R::NAME))?)
}
