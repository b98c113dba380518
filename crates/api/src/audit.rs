//! The audit log: security- and money-relevant events, written by both backends alike and read
//! by administrators with filters.

use serde::{Deserialize, Serialize};

use crate::{FieldError, User};

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Login,
    LoginFailed,
    LogoutEverywhere,
    UserCreated,
    RoleChanged,
    UserDeactivated,
    UserReactivated,
    PasswordSet,
    TierChanged,
    DealApproved,
    DealRejected,
    MdfRequestApproved,
    MdfRequestRejected,
    MdfClaimApproved,
    MdfClaimRejected,
    MdfClaimPaid,
    SitePublished,
    VersionRestored,
}

impl AuditKind {
    /// Every kind, in the order the filter lists them.
    pub const ALL: [AuditKind; 18] = [
        AuditKind::Login,
        AuditKind::LoginFailed,
        AuditKind::LogoutEverywhere,
        AuditKind::UserCreated,
        AuditKind::RoleChanged,
        AuditKind::UserDeactivated,
        AuditKind::UserReactivated,
        AuditKind::PasswordSet,
        AuditKind::TierChanged,
        AuditKind::DealApproved,
        AuditKind::DealRejected,
        AuditKind::MdfRequestApproved,
        AuditKind::MdfRequestRejected,
        AuditKind::MdfClaimApproved,
        AuditKind::MdfClaimRejected,
        AuditKind::MdfClaimPaid,
        AuditKind::SitePublished,
        AuditKind::VersionRestored,
    ];

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            AuditKind::Login => "Logged in",
            AuditKind::LoginFailed => "Failed login",
            AuditKind::LogoutEverywhere => "Logged out everywhere",
            AuditKind::UserCreated => "User created",
            AuditKind::RoleChanged => "Role changed",
            AuditKind::UserDeactivated => "User deactivated",
            AuditKind::UserReactivated => "User reactivated",
            AuditKind::PasswordSet => "Password set",
            AuditKind::TierChanged => "Tier changed",
            AuditKind::DealApproved => "Deal approved",
            AuditKind::DealRejected => "Deal rejected",
            AuditKind::MdfRequestApproved => "MDF request approved",
            AuditKind::MdfRequestRejected => "MDF request rejected",
            AuditKind::MdfClaimApproved => "MDF claim approved",
            AuditKind::MdfClaimRejected => "MDF claim rejected",
            AuditKind::MdfClaimPaid => "MDF claim paid",
            AuditKind::SitePublished => "Community published",
            AuditKind::VersionRestored => "Version restored",
        }
    }

    /// The wire name (`deal_approved`).
    pub fn wire(self) -> String {
        crate::records::wire_name(&self)
    }
}

/// One recorded event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// Increases with every event; newest first in lists.
    pub seq: i64,
    /// RFC 3339 UTC.
    pub at: String,
    pub kind: AuditKind,
    /// Who did it; `None` for a failed login.
    pub actor_id: Option<String>,
    /// The actor's name, or the email a failed login tried.
    pub actor: String,
    /// The partner account the event concerns, if any.
    pub partner_account_id: Option<String>,
    /// The record the event concerns (user, account, deal, request, claim or site version).
    pub subject_id: Option<String>,
    /// One line for people: "Bluebird Systems: Silver → Gold".
    pub summary: String,
}

/// A new event before the backend numbers and times it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvent {
    pub kind: AuditKind,
    pub partner_account_id: Option<String>,
    pub subject_id: Option<String>,
    pub summary: String,
}

impl NewEvent {
    /// An event about `subject`.
    pub fn new(
        kind: AuditKind,
        partner_account_id: Option<&str>,
        subject_id: Option<&str>,
        summary: impl Into<String>,
    ) -> NewEvent {
        NewEvent {
            kind,
            partner_account_id: partner_account_id.map(str::to_string),
            subject_id: subject_id.map(str::to_string),
            summary: summary.into(),
        }
    }
}

/// The events a user change makes: creation, role change, (de)activation, password set.
pub fn user_events(before: Option<&User>, after: &User, password_set: bool) -> Vec<NewEvent> {
    let account = after.partner_account_id.as_deref();
    let who = format!("{} <{}>", after.name, after.email);
    let event = |kind, summary: String| NewEvent::new(kind, account, Some(&after.id), summary);
    let mut out = Vec::new();
    match before {
        None => out.push(event(
            AuditKind::UserCreated,
            format!("{who} as {}", after.role.label()),
        )),
        Some(b) => {
            if b.role != after.role {
                out.push(event(
                    AuditKind::RoleChanged,
                    format!("{who}: {} → {}", b.role.label(), after.role.label()),
                ));
            }
            if b.active && !after.active {
                out.push(event(AuditKind::UserDeactivated, who.clone()));
            }
            if !b.active && after.active {
                out.push(event(AuditKind::UserReactivated, who.clone()));
            }
            if password_set {
                out.push(event(AuditKind::PasswordSet, who));
            }
        }
    }
    out
}

/// The event of a deal decision, if the deal now stands approved or rejected.
pub fn deal_event(deal: &crate::DealRegistration) -> Option<NewEvent> {
    let kind = match deal.status {
        crate::DealStatus::Approved => AuditKind::DealApproved,
        crate::DealStatus::Rejected => AuditKind::DealRejected,
        _ => return None,
    };
    let reason = deal
        .reviewer_reason
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    Some(NewEvent::new(
        kind,
        deal.partner_account_id.as_deref(),
        Some(&deal.id),
        format!(
            "{}, {}{reason}",
            deal.company,
            crate::mdf::money(deal.estimated_amount, &deal.currency)
        ),
    ))
}

/// The event of a fund-request decision.
pub fn mdf_request_event(request: &crate::MdfRequest) -> Option<NewEvent> {
    let kind = match request.status {
        crate::MdfRequestStatus::Approved => AuditKind::MdfRequestApproved,
        crate::MdfRequestStatus::Rejected => AuditKind::MdfRequestRejected,
        crate::MdfRequestStatus::Submitted => return None,
    };
    Some(NewEvent::new(
        kind,
        request.partner_account_id.as_deref(),
        Some(&request.id),
        format!(
            "{}, {}",
            request.activity,
            crate::mdf::money(request.amount, &request.currency)
        ),
    ))
}

/// The event of a claim decision or payment.
pub fn mdf_claim_event(claim: &crate::MdfClaim) -> Option<NewEvent> {
    let kind = match claim.status {
        crate::ClaimStatus::Approved => AuditKind::MdfClaimApproved,
        crate::ClaimStatus::Rejected => AuditKind::MdfClaimRejected,
        crate::ClaimStatus::Paid => AuditKind::MdfClaimPaid,
        crate::ClaimStatus::Submitted => return None,
    };
    Some(NewEvent::new(
        kind,
        claim.partner_account_id.as_deref(),
        Some(&claim.id),
        format!(
            "{}, {}",
            claim.activity,
            crate::mdf::money(claim.amount, &claim.currency)
        ),
    ))
}

/// The event of a partnership or tier change; `tier_name` names a tier id.
pub fn tier_event(
    change: &crate::partnership::TierChange,
    account_name: &str,
    tier_name: impl Fn(&str) -> String,
) -> NewEvent {
    let name = |t: &Option<String>| t.as_deref().map_or("no tier".to_string(), &tier_name);
    NewEvent::new(
        AuditKind::TierChanged,
        Some(&change.account_id),
        Some(&change.account_id),
        format!(
            "{account_name}: {} → {} ({})",
            name(&change.from_tier_id),
            name(&change.to_tier_id),
            change.reason
        ),
    )
}

/// The event of a publish.
pub fn published_event(version: i64, note: &str) -> NewEvent {
    let note = match note.trim() {
        "" => String::new(),
        n => format!(": {n}"),
    };
    NewEvent::new(
        AuditKind::SitePublished,
        None,
        Some(&version.to_string()),
        format!("Version {version}{note}"),
    )
}

/// The event of a rollback to `version`.
pub fn restored_event(version: i64) -> NewEvent {
    NewEvent::new(
        AuditKind::VersionRestored,
        None,
        Some(&version.to_string()),
        format!("Version {version} restored as the draft"),
    )
}

/// The event of a login (`user` set) or a failed one.
pub fn login_event(user: Option<&User>, tried: &str) -> NewEvent {
    match user {
        Some(u) => NewEvent::new(
            AuditKind::Login,
            u.partner_account_id.as_deref(),
            Some(&u.id),
            format!("{} <{}>", u.name, u.email),
        ),
        None => NewEvent::new(
            AuditKind::LoginFailed,
            None,
            None,
            format!("Wrong email or password for {}", tried.trim()),
        ),
    }
}

/// Filters of the audit log; every one optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct AuditQuery {
    pub kind: Option<AuditKind>,
    /// Events done by this user id.
    pub actor_id: Option<String>,
    /// Events about this partner account.
    pub partner_account_id: Option<String>,
    /// Text in the actor or the summary, any case (finds failed logins by the email tried).
    pub q: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only events older than this `seq` (the previous page's `next_cursor`).
    pub cursor: Option<String>,
    /// Page size, 1 to 200 (default 50); outside that range the request is refused.
    pub limit: Option<u32>,
}

impl crate::Validate for AuditQuery {
    /// Each bad filter.
    fn validate(&self) -> Vec<FieldError> {
        let period = crate::reports::ReportQuery {
            from: self.from.clone(),
            to: self.to.clone(),
        };
        let mut errors = period.validate();
        // The page size and search follow the same rule as every other list.
        let list = crate::ListQuery {
            limit: self.limit,
            q: self.q.clone(),
            ..Default::default()
        };
        errors.extend(list.validate());
        if self.before().is_err() {
            errors.push(FieldError::new("cursor", "is not a cursor this list gave"));
        }
        errors
    }
}

impl AuditQuery {
    /// The search text, trimmed and lower-cased; `None` when blank.
    pub fn text(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase)
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        crate::ListQuery {
            limit: self.limit,
            ..Default::default()
        }
        .limit() as usize
    }

    /// The `seq` the page starts below, if any.
    pub fn before(&self) -> Result<Option<i64>, std::num::ParseIntError> {
        self.cursor.as_deref().map(str::parse::<i64>).transpose()
    }

    /// Whether `event` passes every filter (the cursor included).
    pub fn matches(&self, event: &AuditEvent) -> bool {
        let day = event.at.get(..10).unwrap_or(&event.at);
        self.kind.is_none_or(|k| k == event.kind)
            && self
                .actor_id
                .as_ref()
                .is_none_or(|a| event.actor_id.as_ref() == Some(a))
            && self
                .partner_account_id
                .as_ref()
                .is_none_or(|a| event.partner_account_id.as_ref() == Some(a))
            && self.text().is_none_or(|q| {
                event.actor.to_lowercase().contains(&q) || event.summary.to_lowercase().contains(&q)
            })
            && self.from.as_deref().is_none_or(|f| day >= f)
            && self.to.as_deref().is_none_or(|t| day <= t)
            && self.before().ok().flatten().is_none_or(|b| event.seq < b)
    }
}

/// One page of `events` (any order) for `query`, newest first.
pub fn page(events: &[AuditEvent], query: &AuditQuery) -> crate::ListPage<AuditEvent> {
    let mut items: Vec<AuditEvent> = events
        .iter()
        .filter(|e| query.matches(e))
        .cloned()
        .collect();
    items.sort_by_key(|e| std::cmp::Reverse(e.seq));
    let size = query.page_size();
    let next_cursor = (items.len() > size).then(|| items[size - 1].seq.to_string());
    items.truncate(size);
    crate::ListPage { items, next_cursor }
}

#[cfg(test)]
mod tests;
