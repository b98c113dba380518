//! What every partner-owned record kind has in common, so backends handle them generically.
//!
//! A record's serde field names double as storage column names.

use crate::{
    parse_wire, wire_name, ApiError, Contact, ContactInput, DealInput, DealRegistration,
    DealStatus, ErrorCode, FieldError, Keyed, Lead, LeadInput, LeadStatus, ListQuery, Opportunity,
    OpportunityInput, Owned, Scope, Stage, Validate,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// A partner-owned record kind (lead, deal registration, opportunity, contact).
pub trait Record: Owned + Keyed + Serialize + DeserializeOwned + Clone + 'static {
    /// The fields a user edits.
    type Input: Serialize + DeserializeOwned + Validate + Clone;
    /// The record kind in messages ("Lead").
    const NAME: &'static str;
    /// Where the kind is kept: the server's table, the demo data's list (`leads`).
    const COLLECTION: &'static str;
    /// The kind's time-driven change, applied before every read (see [`Record::settle`]).
    const DUE: Option<Due> = None;
    /// The id prefix of new records.
    const PREFIX: &'static str;
    /// The field the `status` filter applies to, if any.
    const STATUS_FIELD: Option<&'static str>;
    /// The fields the free-text search `q` looks in.
    const SEARCH_FIELDS: &'static [&'static str];
    /// The fields that name a record, joined by a space (default: the first search field).
    const TITLE_FIELDS: &'static [&'static str] = &[];

    /// Whether its `product` and `currency` fields pick from the catalogue and the program's
    /// currencies (`products::Picklists`).
    const PICKLISTS: bool = false;

    /// Whether `s` is a valid value of the status field.
    fn valid_status(s: &str) -> bool;
    /// The status a new record starts in: by a partner user, or by staff with or without a partner.
    fn initial_status(by_partner: bool, assigned: bool) -> Option<&'static str>;

    /// The fields a list may be sorted by (`ListQuery::sort`).
    const SORT_FIELDS: &'static [&'static str] = &["created_at"];

    /// Records in this status are the whole partner account's to see, not only their owner's
    /// (the lead inbox: any user of the account may accept an assigned lead).
    const ACCOUNT_WIDE_STATUS: Option<&'static str> = None;

    /// Applies the time-driven change due at `now` (a timestamp); true if it changed the record.
    fn settle(&mut self, _now: &str) -> bool {
        false
    }

    /// Whether the record's fields may still be edited (a `Conflict` says why not).
    fn check_editable(&self) -> Result<(), ApiError> {
        Ok(())
    }
}

/// Which records may have a time-driven change due: those with `status` whose `field` is before
/// now (`by_date`: before today's date). A store finds them by this; [`Record::settle`] decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub status: &'static str,
    pub field: &'static str,
    pub by_date: bool,
}

impl Due {
    /// The moment `field` is compared with: `now` itself, or its date.
    pub fn bound<'a>(&self, now: &'a str) -> &'a str {
        match self.by_date {
            true => now.get(0..10).unwrap_or(now),
            false => now,
        }
    }
}

impl Record for Lead {
    type Input = LeadInput;
    const ACCOUNT_WIDE_STATUS: Option<&'static str> = Some("assigned");
    const NAME: &'static str = "Lead";
    const COLLECTION: &'static str = "leads";
    /// Assigned leads not accepted in time return to the pool.
    const DUE: Option<Due> = Some(Due {
        status: "assigned",
        field: "accept_by",
        by_date: false,
    });
    const PREFIX: &'static str = "lead_";
    const STATUS_FIELD: Option<&'static str> = Some("status");
    const SEARCH_FIELDS: &'static [&'static str] = &["company", "contact_name", "email"];
    const SORT_FIELDS: &'static [&'static str] = &[
        "company",
        "contact_name",
        "product_interest",
        "region",
        "status",
        "accept_by",
        "created_at",
    ];

    fn valid_status(s: &str) -> bool {
        parse_wire::<LeadStatus>(s).is_some()
    }

    fn initial_status(by_partner: bool, assigned: bool) -> Option<&'static str> {
        // A partner's own lead is theirs at once; staff leads wait in the pool or for acceptance.
        Some(match (by_partner, assigned) {
            (true, _) => "accepted",
            (false, true) => "assigned",
            (false, false) => "new",
        })
    }

    fn settle(&mut self, now: &str) -> bool {
        crate::lead_flow::return_if_overdue(self, now)
    }
}

impl Record for DealRegistration {
    type Input = DealInput;
    const NAME: &'static str = "Deal registration";
    const COLLECTION: &'static str = "deals";
    const PICKLISTS: bool = true;
    /// Approved registrations expire the day after their protection ends.
    const DUE: Option<Due> = Some(Due {
        status: "approved",
        field: "expires_on",
        by_date: true,
    });
    const PREFIX: &'static str = "deal_";
    const STATUS_FIELD: Option<&'static str> = Some("status");
    const SEARCH_FIELDS: &'static [&'static str] =
        &["company", "domain", "contact_name", "product"];
    const SORT_FIELDS: &'static [&'static str] = &[
        "company",
        "product",
        "estimated_amount",
        "expected_close_date",
        "status",
        "expires_on",
        "created_at",
    ];

    fn valid_status(s: &str) -> bool {
        parse_wire::<DealStatus>(s).is_some()
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        Some("draft")
    }

    fn settle(&mut self, now: &str) -> bool {
        crate::deal_flow::expire_if_due(self, now)
    }

    fn check_editable(&self) -> Result<(), ApiError> {
        if self.status == DealStatus::Draft {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "Only draft deal registrations can be edited; this one is {}",
                    wire_name(&self.status)
                ),
            ))
        }
    }
}

impl Record for Opportunity {
    type Input = OpportunityInput;
    const NAME: &'static str = "Opportunity";
    const COLLECTION: &'static str = "opportunities";
    const PREFIX: &'static str = "opp_";
    const PICKLISTS: bool = true;
    const STATUS_FIELD: Option<&'static str> = Some("stage");
    const SEARCH_FIELDS: &'static [&'static str] =
        &["name", "account_name", "product", "next_step"];
    const SORT_FIELDS: &'static [&'static str] = &[
        "name",
        "account_name",
        "stage",
        "amount",
        "probability",
        "close_date",
        "created_at",
    ];

    fn valid_status(s: &str) -> bool {
        parse_wire::<Stage>(s).is_some()
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        None
    }
}

impl Record for Contact {
    type Input = ContactInput;
    const NAME: &'static str = "Contact";
    const COLLECTION: &'static str = "contacts";
    const PREFIX: &'static str = "con_";
    const STATUS_FIELD: Option<&'static str> = None;
    const SEARCH_FIELDS: &'static [&'static str] = &["first_name", "last_name", "email", "company"];
    const TITLE_FIELDS: &'static [&'static str] = &["first_name", "last_name"];
    const SORT_FIELDS: &'static [&'static str] = &[
        "last_name",
        "first_name",
        "company",
        "email",
        "title",
        "created_at",
    ];

    fn valid_status(_: &str) -> bool {
        false
    }

    fn initial_status(_: bool, _: bool) -> Option<&'static str> {
        None
    }
}

/// A serializable value as a JSON object (empty if it is not an object).
pub fn fields<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// What names a record in a list or a timeline (a lead's company, a contact's full name).
pub fn title<R: Record>(record: &R) -> String {
    let map = fields(record);
    let names = match R::TITLE_FIELDS {
        [] => &R::SEARCH_FIELDS[..R::SEARCH_FIELDS.len().min(1)],
        some => some,
    };
    names
        .iter()
        .filter_map(|f| map.get(*f).and_then(Value::as_str))
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The partner account an input asks for (vendor staff only may choose one).
pub fn chosen_partner<R: Record>(input: &R::Input) -> Option<String> {
    fields(input)
        .get("partner_account_id")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The input's editable fields, without the owner fields that come from the session.
pub fn editable_fields<R: Record>(input: &R::Input) -> Map<String, Value> {
    let mut map = fields(input);
    map.remove("partner_account_id");
    map
}

/// The fields of a new record: the input's, plus id, initial status, owner fields and timestamps.
pub fn new_record_fields<R: Record>(
    input: &R::Input,
    id: String,
    account: Option<String>,
    owner: Option<String>,
    by_partner: bool,
    at: &str,
) -> Map<String, Value> {
    let mut map = editable_fields::<R>(input);
    if let Some(status) = R::initial_status(by_partner, account.is_some()) {
        map.insert(R::STATUS_FIELD.unwrap_or("status").into(), status.into());
    }
    map.insert("id".into(), id.into());
    map.insert("partner_account_id".into(), account.into());
    map.insert("owner_user_id".into(), owner.into());
    map.insert("created_at".into(), at.into());
    map.insert("updated_at".into(), at.into());
    map
}

/// Whether `scope` may see `record`, counting the kind's account-wide status.
pub fn visible<R: Record>(scope: &Scope, record: &R) -> bool {
    if scope.allows(record) {
        return true;
    }
    match (scope, R::ACCOUNT_WIDE_STATUS, R::STATUS_FIELD) {
        (Scope::Team { account, .. }, Some(shared), Some(field)) => {
            record.partner_account_id() == Some(account.as_str())
                && fields(record).get(field).and_then(Value::as_str) == Some(shared)
        }
        _ => false,
    }
}

/// The error for a `status` filter the record kind does not have.
pub fn bad_status_filter(status: &str) -> ApiError {
    ApiError {
        code: ErrorCode::BadRequest,
        message: format!("Unknown status filter '{status}'"),
        field_errors: vec![FieldError::new("status", "is not a valid status")],
        current: None,
    }
}

/// Fields compared as numbers when sorting; the rest compare as text, a missing value as "".
pub const NUMERIC_FIELDS: &[&str] = &["estimated_amount", "amount", "probability"];

/// Sortable fields that may be missing (they sort as "").
pub const NULLABLE_FIELDS: &[&str] = &["accept_by", "expires_on"];

/// The order of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub field: &'static str,
    pub descending: bool,
}

impl Sort {
    /// Whether the field compares as a number.
    pub fn numeric(&self) -> bool {
        NUMERIC_FIELDS.contains(&self.field)
    }

    /// Whether the field may be missing.
    pub fn nullable(&self) -> bool {
        NULLABLE_FIELDS.contains(&self.field)
    }
}

/// The order a query asks for (`sort=field` or `sort=-field`); newest first when absent.
pub fn sort_of<R: Record>(query: &ListQuery) -> Result<Sort, ApiError> {
    let Some(asked) = query.sort.as_deref().filter(|s| !s.is_empty()) else {
        return Ok(Sort {
            field: "created_at",
            descending: true,
        });
    };
    let (name, descending) = match asked.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (asked, false),
    };
    R::SORT_FIELDS
        .iter()
        .find(|f| **f == name)
        .map(|field| Sort { field, descending })
        .ok_or_else(|| ApiError {
            code: ErrorCode::BadRequest,
            message: format!(
                "{} lists sort by {}, not '{name}'",
                R::NAME,
                R::SORT_FIELDS.join(", ")
            ),
            field_errors: vec![FieldError::new("sort", "is not a sortable field")],
            current: None,
        })
}

/// Orders records as `sort` says, ties by id in the same direction (for in-memory backends;
/// the same order SQLite gives with `COALESCE(field, '')` and binary text comparison).
pub fn sort_records<R: Record>(items: &mut [R], sort: Sort) {
    let key = |r: &R| {
        let f = fields(r);
        let id = f
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let value = f.get(sort.field).cloned().unwrap_or(Value::Null);
        (value, id)
    };
    items.sort_by(|a, b| {
        let ((va, ia), (vb, ib)) = (key(a), key(b));
        let order = match (va.as_i64(), vb.as_i64()) {
            (Some(x), Some(y)) if sort.numeric() => x.cmp(&y),
            _ => va.as_str().unwrap_or("").cmp(vb.as_str().unwrap_or("")),
        }
        .then(ia.cmp(&ib));
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// Whether a record matches a list query's status and search filters (for in-memory backends).
pub fn matches<R: Record>(record: &R, query: &ListQuery) -> bool {
    let map = fields(record);
    let text = |k: &str| {
        map.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_lowercase()
    };
    let status_ok = match (
        query.status.as_deref().filter(|s| !s.is_empty()),
        R::STATUS_FIELD,
    ) {
        (Some(s), Some(field)) => text(field) == s,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let search_ok = match query.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(q) => {
            let q = q.to_lowercase();
            R::SEARCH_FIELDS.iter().any(|f| text(f).contains(&q))
        }
        None => true,
    };
    let account_ok = query
        .partner_account_id
        .as_deref()
        .is_none_or(|a| record.partner_account_id() == Some(a));
    status_ok && search_ok && account_ok
}
