//! Record timelines: reading one within the record's reach, commenting with mentions, and the
//! comments that mention the viewer. The entries for changes are written by each write's store
//! method, in the same transaction as the change.

use serde_json::Value;
use trellis_api::activity::{
    comment, About, Activity, CommentInput, Person, RecordKind, ACCOUNT_FIELDS, ID_PREFIX,
    USER_FIELDS,
};
use trellis_api::records::kind::visible;
use trellis_api::{
    Contact, DealRegistration, Lead, MdfClaim, MdfRequest, Opportunity, Scope, SupportCase, User,
    Validate,
};

use crate::cx::{Cx, Store};
use crate::error::Result;
use crate::records::{self, Kind, RecordStore};
use crate::users::UserStore;

/// How many mentions the viewer's list shows.
pub const MENTIONS_SHOWN: usize = 20;

/// Where timelines are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait ActivityStore: RecordStore + UserStore {
    /// A record's entries, newest first.
    async fn timeline(&self, kind: RecordKind, record_id: &str) -> Result<Vec<Activity>>;
    /// Adds one entry (a comment; changes are written with the change itself).
    async fn add_activity(&self, entry: &Activity) -> Result<()>;
    /// Entries that mention `user_id`, newest first, at most `limit`.
    async fn mentioning(&self, user_id: &str, limit: usize) -> Result<Vec<Activity>>;
    /// The active vendor staff and the active users of `account`.
    async fn people(&self, account: Option<&str>) -> Result<Vec<User>>;
}

/// A new entry id from the store.
pub fn new_id(store: &impl Store) -> String {
    store.new_id(ID_PREFIX)
}

/// The record a timeline is about, as the viewer may see it, and who else may read it.
struct Subject {
    about: About,
    readers: Vec<Person>,
}

/// Everyone who may read `record`: whom a comment on it may mention.
pub async fn readers<R: Kind, S: ActivityStore>(store: &S, record: &R) -> Result<Vec<Person>> {
    let people = store.people(record.partner_account_id()).await?;
    Ok(people
        .iter()
        .filter(|u| visible(&Scope::of(u), record))
        .map(Person::of)
        .collect())
}

async fn subject_of<R: Kind, S: ActivityStore>(
    cx: &Cx<'_, S>,
    id: &str,
    with_readers: bool,
) -> Result<Subject> {
    let record: R = records::get(cx, id).await?;
    let readers = match with_readers {
        true => readers(cx.store, &record).await?,
        false => Vec::new(),
    };
    Ok(Subject {
        about: About::of(&record),
        readers,
    })
}

/// The record, if the viewer may see it (not found otherwise: never reveal that it exists).
async fn subject<S: ActivityStore>(
    cx: &Cx<'_, S>,
    kind: RecordKind,
    id: &str,
    with_readers: bool,
) -> Result<Subject> {
    match kind {
        RecordKind::Leads => subject_of::<Lead, S>(cx, id, with_readers).await,
        RecordKind::Deals => subject_of::<DealRegistration, S>(cx, id, with_readers).await,
        RecordKind::Opportunities => subject_of::<Opportunity, S>(cx, id, with_readers).await,
        RecordKind::Contacts => subject_of::<Contact, S>(cx, id, with_readers).await,
        RecordKind::MdfRequests => subject_of::<MdfRequest, S>(cx, id, with_readers).await,
        RecordKind::MdfClaims => subject_of::<MdfClaim, S>(cx, id, with_readers).await,
        RecordKind::Cases => subject_of::<SupportCase, S>(cx, id, with_readers).await,
    }
}

/// Shows people and partner accounts in changes by name rather than by id.
async fn name_references<S: ActivityStore>(cx: &Cx<'_, S>, entries: &mut [Activity]) -> Result<()> {
    for change in entries.iter_mut().flat_map(|e| e.changes.iter_mut()) {
        let users = USER_FIELDS.contains(&change.field.as_str());
        let accounts = ACCOUNT_FIELDS.contains(&change.field.as_str());
        if !users && !accounts {
            continue;
        }
        for value in [&mut change.from, &mut change.to] {
            let Some(id) = value.as_str().map(str::to_string) else {
                continue;
            };
            let name = if users {
                cx.store.user(&id).await?.map(|u| u.name)
            } else {
                cx.store.account(&id).await?.map(|a| a.name)
            };
            if let Some(name) = name {
                *value = Value::String(name);
            }
        }
    }
    Ok(())
}

/// A record's timeline, newest first; not found unless the viewer may see the record.
pub async fn timeline<S: ActivityStore>(
    cx: &Cx<'_, S>,
    kind: &str,
    id: &str,
) -> Result<Vec<Activity>> {
    let kind = RecordKind::parse(kind)?;
    subject(cx, kind, id, false).await?;
    let mut entries = cx.store.timeline(kind, id).await?;
    name_references(cx, &mut entries).await?;
    Ok(entries)
}

/// Who the viewer may mention on a record: everyone else who may read it.
pub async fn mentionable<S: ActivityStore>(
    cx: &Cx<'_, S>,
    kind: &str,
    id: &str,
) -> Result<Vec<Person>> {
    let kind = RecordKind::parse(kind)?;
    let mut people = subject(cx, kind, id, true).await?.readers;
    people.retain(|p| p.user_id != cx.user.id);
    people.sort_by(|a, b| (!a.staff, &a.name).cmp(&(!b.staff, &b.name)));
    Ok(people)
}

/// Adds the viewer's comment to a record's timeline, with its mentions of people who may read it.
pub async fn add_comment<S: ActivityStore>(
    cx: &Cx<'_, S>,
    kind: &str,
    id: &str,
    input: &CommentInput,
) -> Result<Activity> {
    input.check()?;
    let kind = RecordKind::parse(kind)?;
    let subject = subject(cx, kind, id, true).await?;
    let entry = comment(
        new_id(cx.store),
        &subject.about,
        cx.user,
        &cx.timestamp(),
        &input.body,
        &subject.readers,
    );
    cx.store.add_activity(&entry).await?;
    Ok(entry)
}

/// The latest comments that mention the viewer, on records the viewer may still see.
pub async fn mentions<S: ActivityStore>(cx: &Cx<'_, S>) -> Result<Vec<Activity>> {
    let found = cx.store.mentioning(&cx.user.id, MENTIONS_SHOWN * 2).await?;
    let mut shown = Vec::new();
    for entry in found {
        if shown.len() == MENTIONS_SHOWN {
            break;
        }
        match subject(cx, entry.kind, &entry.record_id, false).await {
            Ok(_) => shown.push(entry),
            Err(crate::CoreError::Api(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(shown)
}
