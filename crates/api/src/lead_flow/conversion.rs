//! A lead's conversion as the convert dialog maps it: the customer account, a new or existing
//! contact, and the opportunity.

use serde::{Deserialize, Serialize};

use crate::validate::{has_visible, REQUIRED};
use crate::{ContactInput, FieldError, Lead, OpportunityInput, Validate, MAX_TEXT};

/// How an accepted lead becomes business.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversion {
    /// The customer account, by name: one the partner already works with, or a new one. It
    /// names the opportunity's account and the new contact's company.
    pub account_name: String,
    /// An existing contact of the partner's to link, instead of a new one.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// The new contact, when no existing one is linked.
    #[serde(default)]
    pub contact: Option<ContactInput>,
    pub opportunity: OpportunityInput,
}

impl Conversion {
    /// The opportunity and the new contact (if any) as they are written: under the account.
    pub fn parts(&self) -> (OpportunityInput, Option<ContactInput>) {
        let account = self.account_name.trim().to_string();
        let opportunity = OpportunityInput {
            account_name: account.clone(),
            ..self.opportunity.clone()
        };
        let contact = match &self.contact_id {
            Some(_) => None,
            None => self.contact.clone().map(|c| ContactInput {
                company: account.clone(),
                ..c
            }),
        };
        (opportunity, contact)
    }
}

fn nested(part: &str, errors: Vec<FieldError>) -> impl Iterator<Item = FieldError> + '_ {
    errors
        .into_iter()
        .map(move |e| FieldError::new(format!("{part}.{}", e.field), e.message))
}

impl Validate for Conversion {
    /// Nested fields are named by their part: `opportunity.amount`, `contact.email`.
    fn validate(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if !has_visible(&self.account_name) {
            out.push(FieldError::new("account_name", REQUIRED));
        } else if self.account_name.chars().count() > MAX_TEXT {
            let message = format!("must be at most {MAX_TEXT} characters");
            out.push(FieldError::new("account_name", message));
        }
        let (opportunity, contact) = self.parts();
        // The account is asked once, above: not again as the opportunity's.
        let own = opportunity
            .validate()
            .into_iter()
            .filter(|e| e.field != "account_name");
        out.extend(nested("opportunity", own.collect()));
        match (&self.contact_id, contact) {
            (Some(id), _) if id.trim().is_empty() => {
                out.push(FieldError::new("contact_id", "is not one of your contacts"))
            }
            (Some(_), _) => {}
            (None, Some(c)) => out.extend(nested("contact", c.validate())),
            (None, None) => out.push(FieldError::new(
                "contact",
                "choose an existing contact or fill in a new one",
            )),
        }
        out
    }
}

/// The conversion the dialog starts from: the lead's company as the account, a new contact and
/// an opportunity from the lead, closing in 90 days from `today_days` (days since 1970).
pub fn default_conversion(lead: &Lead, today_days: i64) -> Conversion {
    let (opportunity, contact) = super::conversion(lead, today_days);
    Conversion {
        account_name: lead.company.clone(),
        contact_id: None,
        contact: Some(contact),
        opportunity,
    }
}

#[cfg(test)]
mod tests {
    use super::default_conversion;
    use crate::seed::demo_data;
    use crate::{Stage, Validate, REQUIRED};

    #[test]
    fn a_conversion_names_its_parts_by_the_account_and_checks_each() {
        let lead = demo_data(0).leads.swap_remove(0);
        let mut c = default_conversion(&lead, 20_000);
        assert!(c.validate().is_empty(), "{:?}", c.validate());
        assert_eq!(c.opportunity.stage, Stage::Prospecting);
        c.account_name = "Globex Holding".into();
        let (opportunity, contact) = c.parts();
        assert_eq!(opportunity.account_name, "Globex Holding");
        assert_eq!(contact.unwrap().company, "Globex Holding");
        c.account_name = " ".into();
        c.opportunity.probability = 140;
        c.contact.as_mut().unwrap().email = "not-an-email".into();
        let fields: Vec<(String, String)> = c
            .validate()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect();
        assert!(
            fields.contains(&("account_name".into(), REQUIRED.into())),
            "{fields:?}"
        );
        assert!(
            fields.iter().any(|(f, _)| f == "opportunity.probability"),
            "{fields:?}"
        );
        assert!(
            fields.iter().any(|(f, _)| f == "contact.email"),
            "{fields:?}"
        );
        c.account_name = "Globex".into();
        c.contact = None;
        assert_eq!(c.validate().last().unwrap().field, "contact");
        c.contact_id = Some("con_1".into());
        assert!(
            c.parts().1.is_none(),
            "an existing contact is linked, none created"
        );
        assert!(c.validate().iter().all(|e| !e.field.starts_with("contact")));
    }
}
