//! A record's activity timeline: every change with who, when and from → to, and comments that
//! mention the people who may read the record.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::records::kind::{fields, title};
use crate::validate::Errors;
use crate::{ApiError, FieldError, Record, User, Validate, MAX_NOTES};

/// The kinds of record that keep a timeline, by their collection (`leads`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Leads,
    Deals,
    Opportunities,
    Contacts,
    MdfRequests,
    MdfClaims,
    Cases,
}

impl RecordKind {
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Leads,
        RecordKind::Deals,
        RecordKind::Opportunities,
        RecordKind::Contacts,
        RecordKind::MdfRequests,
        RecordKind::MdfClaims,
        RecordKind::Cases,
    ];

    /// The kind's collection, as `Record::COLLECTION` names it.
    pub fn collection(self) -> &'static str {
        match self {
            RecordKind::Leads => "leads",
            RecordKind::Deals => "deals",
            RecordKind::Opportunities => "opportunities",
            RecordKind::Contacts => "contacts",
            RecordKind::MdfRequests => "mdf_requests",
            RecordKind::MdfClaims => "mdf_claims",
            RecordKind::Cases => "cases",
        }
    }

    /// The kind with this collection name; not found for any other (never a 500).
    pub fn parse(collection: &str) -> Result<RecordKind, ApiError> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.collection() == collection)
            .ok_or_else(|| ApiError::not_found("Record"))
    }
}

/// What an entry on a timeline records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityWhat {
    Created,
    Changed,
    Comment,
}

/// One field's change: its contract name and its value before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub from: Value,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub to: Value,
}

/// Someone named in a comment, or who may be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub user_id: String,
    pub name: String,
    /// Vendor staff (the channel team), not a partner's colleague.
    #[serde(default)]
    pub staff: bool,
}

impl Person {
    /// The person a user is.
    pub fn of(user: &User) -> Person {
        Person {
            user_id: user.id.clone(),
            name: user.name.clone(),
            staff: user.role.is_internal(),
        }
    }
}

/// One entry on a record's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    pub id: String,
    pub kind: RecordKind,
    pub record_id: String,
    /// The record's title when this happened (a lead's company, a contact's name).
    pub record_title: String,
    /// The record's partner account then.
    pub partner_account_id: Option<String>,
    pub at: String,
    /// Who did it; none when Trellis did (a lead back to the pool, a protection expiring).
    pub actor_user_id: Option<String>,
    pub actor_name: String,
    pub what: ActivityWhat,
    /// For `changed`: each field that changed, in the record's field order.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    /// For `comment`: the text as written.
    #[serde(default)]
    pub body: Option<String>,
    /// For `comment`: whom it names.
    #[serde(default)]
    pub mentions: Vec<Person>,
}

/// A new comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentInput {
    /// Plain text; `@Full Name` mentions someone who may read the record.
    pub body: String,
}

impl Validate for CommentInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("body", &self.body, MAX_NOTES);
        e.0
    }
}

/// The prefix of timeline entry ids.
pub const ID_PREFIX: &str = "act_";

/// The name a timeline gives Trellis itself, for the changes nobody made by hand.
pub const TRELLIS: &str = "Trellis";

/// Fields whose changes a timeline does not show: bookkeeping that moves with every write, and
/// links a record page shows as related records.
pub const UNTRACKED: &[&str] = &[
    "first_approver_name",
    "first_approved_at",
    "converted_opportunity_id",
    "converted_contact_id",
    "id",
    "created_at",
    "updated_at",
    "submitted_at",
    "decided_at",
];

/// Fields that hold a user's id; a timeline shows their names instead.
pub const USER_FIELDS: &[&str] = &["owner_user_id", "first_approver_id"];

/// Fields that hold a partner account's id; a timeline shows its name instead.
pub const ACCOUNT_FIELDS: &[&str] = &["partner_account_id"];

/// The record an entry is about, as it is at that moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct About {
    pub kind: RecordKind,
    pub record_id: String,
    pub record_title: String,
    pub partner_account_id: Option<String>,
}

impl About {
    /// What an entry says about `record`.
    pub fn of<R: Record>(record: &R) -> About {
        About {
            kind: RecordKind::ALL
                .into_iter()
                .find(|k| k.collection() == R::COLLECTION)
                .unwrap_or(RecordKind::Leads),
            record_id: record.id().to_string(),
            record_title: title(record),
            partner_account_id: record.partner_account_id().map(str::to_string),
        }
    }

    fn entry(&self, id: String, actor: Option<&User>, at: &str) -> Activity {
        Activity {
            id,
            kind: self.kind,
            record_id: self.record_id.clone(),
            record_title: self.record_title.clone(),
            partner_account_id: self.partner_account_id.clone(),
            at: at.to_string(),
            actor_user_id: actor.map(|u| u.id.clone()),
            actor_name: actor.map_or(TRELLIS.to_string(), |u| u.name.clone()),
            what: ActivityWhat::Created,
            changes: Vec::new(),
            body: None,
            mentions: Vec::new(),
        }
    }
}

/// The entry for a new record.
pub fn created<R: Record>(id: String, record: &R, actor: Option<&User>, at: &str) -> Activity {
    About::of(record).entry(id, actor, at)
}

/// What changed between two states of a record, tracked fields only, in the record's order.
pub fn changes_between<R: Record>(before: &R, after: &R) -> Vec<FieldChange> {
    let (old, new) = (fields(before), fields(after));
    new.iter()
        .filter(|(k, _)| !UNTRACKED.contains(&k.as_str()))
        .filter_map(|(k, to)| {
            let from = old.get(k).cloned().unwrap_or(Value::Null);
            (from != *to).then(|| FieldChange {
                field: k.clone(),
                from,
                to: to.clone(),
            })
        })
        .collect()
}

/// The entry for a change; none when no tracked field changed.
pub fn changed<R: Record>(
    id: String,
    before: &R,
    after: &R,
    actor: Option<&User>,
    at: &str,
) -> Option<Activity> {
    let changes = changes_between(before, after);
    (!changes.is_empty()).then(|| Activity {
        what: ActivityWhat::Changed,
        changes,
        ..About::of(after).entry(id, actor, at)
    })
}

/// The entry for a comment by `actor`, with the mentions its text makes of `people`.
pub fn comment(
    id: String,
    about: &About,
    actor: &User,
    at: &str,
    body: &str,
    people: &[Person],
) -> Activity {
    Activity {
        what: ActivityWhat::Comment,
        body: Some(body.trim().to_string()),
        mentions: mentions_in(body, people)
            .into_iter()
            .filter(|p| p.user_id != actor.id)
            .collect(),
        ..about.entry(id, Some(actor), at)
    }
}

/// The people `text` mentions as `@Full Name` (any case), each once, in order of first mention.
/// A mention starts the text or follows a space or punctuation, and ends where the name does
/// (at the end, a space or punctuation); the longest name wins, so `@Ann Lee` is not `@Ann`.
pub fn mentions_in(text: &str, people: &[Person]) -> Vec<Person> {
    let mut by_length: Vec<&Person> = people.iter().filter(|p| !p.name.is_empty()).collect();
    by_length.sort_by_key(|p| std::cmp::Reverse(p.name.chars().count()));
    let lower = text.to_lowercase();
    let mut found: Vec<Person> = Vec::new();
    // Lowercasing may change byte lengths: match on the lowered text only.
    for (at, _) in lower.match_indices('@') {
        let before = lower[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let rest = &lower[at + 1..];
        let hit = by_length.iter().find(|p| {
            let name = p.name.to_lowercase();
            rest.starts_with(&name)
                && !rest[name.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric())
        });
        if let Some(p) = hit {
            if !found.iter().any(|f| f.user_id == p.user_id) {
                found.push((*p).clone());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
