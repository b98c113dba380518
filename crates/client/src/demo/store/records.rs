//! The partner-owned records in memory, any kind, by the contract's collection names.

use std::any::Any;

use serde_json::Value;
use trellis_api::activity::{self, Activity};
use trellis_api::datetime::timestamp;
use trellis_api::records::kind::{self, fields};
use trellis_api::seed::DemoData;
use trellis_api::{ListPage, ListQuery, Record, Scope};
use trellis_core::records::{Kind, RecordStore};
use trellis_core::{CoreError, Result};

use crate::demo::{now_unix, paginate, DemoBackend};

/// The demo data's list of `R`, found by the kind's collection name.
fn table<R: Record>(data: &mut DemoData) -> Result<&mut Vec<R>> {
    let list: &mut dyn Any = match R::COLLECTION {
        "leads" => &mut data.leads,
        "deals" => &mut data.deals,
        "opportunities" => &mut data.opportunities,
        "contacts" => &mut data.contacts,
        "mdf_requests" => &mut data.mdf.requests,
        "mdf_claims" => &mut data.mdf.claims,
        "cases" => &mut data.support.cases,
        other => return Err(CoreError::Store(format!("the demo keeps no {other}"))),
    };
    list.downcast_mut::<Vec<R>>()
        .ok_or_else(|| CoreError::Store(format!("{} is not kept as {}", R::COLLECTION, R::NAME)))
}

/// (created_at, id): the order "oldest first" means, for any kind.
fn created_of<R: Record>(record: &R) -> (String, String) {
    let f = fields(record);
    let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    (text("created_at"), text("id"))
}

fn id_of<R: Record>(record: &R) -> Option<String> {
    fields(record)
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
}

impl DemoBackend {
    /// The kind's records with their due time-driven changes applied, as `Record::settle` decides.
    fn settled<R: Kind>(&self) -> Result<Vec<R>> {
        let now = timestamp(now_unix());
        let mut state = self.write();
        let mut log = Vec::new();
        let list = table::<R>(&mut state.data)?;
        for r in list.iter_mut() {
            let before = r.clone();
            if r.settle(&now) {
                log.extend(activity::changed(String::new(), &before, r, None, &now));
            }
        }
        let list = list.clone();
        for mut entry in log {
            entry.id = state.next_id(activity::ID_PREFIX);
            state.data.activity.push(entry);
        }
        Ok(list)
    }
}

impl RecordStore for DemoBackend {
    async fn page<R: Kind>(&self, scope: &Scope, query: &ListQuery) -> Result<ListPage<R>> {
        let sort = kind::sort_of::<R>(query)?;
        let mut items: Vec<R> = self
            .settled::<R>()?
            .into_iter()
            .filter(|r| kind::visible(scope, r) && kind::matches(r, query))
            .collect();
        kind::sort_records(&mut items, sort);
        Ok(paginate(items, query)?)
    }

    async fn find<R: Kind>(&self, scope: &Scope, id: &str) -> Result<Option<R>> {
        let all = self.settled::<R>()?;
        Ok(all
            .into_iter()
            .find(|r| id_of(r).as_deref() == Some(id) && kind::visible(scope, r)))
    }

    async fn all<R: Kind>(&self, scope: &Scope) -> Result<Vec<R>> {
        let mut items: Vec<R> = self.settled::<R>()?;
        items.retain(|r| kind::visible(scope, r));
        items.sort_by_key(|r| std::cmp::Reverse(created_of(r)));
        Ok(items)
    }

    async fn with_status<R: Kind>(&self, status: &str) -> Result<Vec<R>> {
        let field = R::STATUS_FIELD.unwrap_or("status");
        let mut items: Vec<R> = self.settled::<R>()?;
        items.retain(|r| fields(r).get(field).and_then(Value::as_str) == Some(status));
        items.sort_by_key(created_of);
        Ok(items)
    }

    async fn insert<R: Kind>(&self, record: &R, log: &[Activity]) -> Result<()> {
        let mut state = self.write();
        table::<R>(&mut state.data)?.push(record.clone());
        state.data.activity.extend_from_slice(log);
        Ok(())
    }

    async fn replace_if<R: Kind>(&self, record: &R, from: &str, log: &[Activity]) -> Result<bool> {
        let (id, field) = (id_of(record), R::STATUS_FIELD.unwrap_or("status"));
        let mut state = self.write();
        let list = table::<R>(&mut state.data)?;
        let current = |r: &R| fields(r).get(field).and_then(Value::as_str) == Some(from);
        match list.iter_mut().find(|r| id_of(*r) == id && current(r)) {
            Some(slot) => {
                *slot = record.clone();
                state.data.activity.extend_from_slice(log);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    async fn replace<R: Kind>(&self, record: &R, scope: &Scope, log: &[Activity]) -> Result<()> {
        let id = id_of(record);
        let mut state = self.write();
        let list = table::<R>(&mut state.data)?;
        if let Some(slot) = list
            .iter_mut()
            .find(|r| id_of(*r) == id && scope.allows(*r))
        {
            *slot = record.clone();
            state.data.activity.extend_from_slice(log);
        }
        Ok(())
    }
}
