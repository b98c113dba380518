//! People and companies: roles, users, sessions, partner accounts, programs and tiers.

use serde::{Deserialize, Serialize};

use crate::{ApiError, ErrorCode, FieldError, Validate, MAX_NOTES, MAX_TEXT};

/// Who a user is in the community; decides what they may see and do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Vendor administrator: everything, including the builder.
    Admin,
    /// Vendor channel manager: manages partners and their records.
    ChannelManager,
    /// Partner executive: sees every record of their partner account.
    PartnerExecutive,
    /// Partner manager: sees their team's records (today: the whole account).
    PartnerManager,
    /// Partner user: sees only the records they own.
    PartnerUser,
}

impl Role {
    /// Every role, in order of reach.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::ChannelManager,
        Role::PartnerExecutive,
        Role::PartnerManager,
        Role::PartnerUser,
    ];

    /// True for the vendor's own staff.
    pub fn is_internal(self) -> bool {
        matches!(self, Role::Admin | Role::ChannelManager)
    }

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::ChannelManager => "Channel manager",
            Role::PartnerExecutive => "Partner executive",
            Role::PartnerManager => "Partner manager",
            Role::PartnerUser => "Partner user",
        }
    }
}

/// A person who can log in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The partner account this user works for; `None` for vendor staff.
    pub partner_account_id: Option<String>,
    /// Deactivated users cannot log in; their records stay.
    pub active: bool,
    /// The partner manager this user reports to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<String>,
    /// For a partner manager: the users who report to them (filled for the logged-in user).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
}

/// Fields an admin sets when creating or editing a user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserInput {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub partner_account_id: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Required when creating; when editing, `None` keeps the current password.
    #[serde(default)]
    pub password: Option<String>,
    /// The partner manager of the same account this user reports to.
    #[serde(default)]
    pub manager_id: Option<String>,
}

fn yes() -> bool {
    true
}

/// Refuses (409) an edit that would leave the organisation with no active administrator:
/// `before` is the user as stored, `other_active_admins` how many other active administrators exist.
pub fn check_keeps_an_admin(
    before: &User,
    input: &UserInput,
    other_active_admins: usize,
) -> Result<(), ApiError> {
    if leaves_the_admins(before, input) && other_active_admins == 0 {
        return Err(ApiError::new(ErrorCode::Conflict, LAST_ADMIN_MESSAGE));
    }
    Ok(())
}

/// Whether the edit turns an active administrator into something else (inactive or another role).
pub fn leaves_the_admins(before: &User, input: &UserInput) -> bool {
    let was_admin = before.active && before.role == Role::Admin;
    let stays_admin = input.active && input.role == Role::Admin;
    was_admin && !stays_admin
}

/// Which users a viewer sees: every user for staff, their account's for partner executives and
/// managers, else only themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserReach {
    All,
    /// The users of this partner account (none when the viewer has no account).
    Account(Option<String>),
    /// Only the user with this id.
    Only(String),
}

impl UserReach {
    /// The reach of `viewer`.
    pub fn of(viewer: &User) -> Self {
        match viewer.role {
            Role::Admin | Role::ChannelManager => UserReach::All,
            Role::PartnerExecutive | Role::PartnerManager => {
                UserReach::Account(viewer.partner_account_id.clone())
            }
            Role::PartnerUser => UserReach::Only(viewer.id.clone()),
        }
    }

    /// Whether `user` is within this reach.
    pub fn allows(&self, user: &User) -> bool {
        match self {
            UserReach::All => true,
            UserReach::Account(account) => account.is_some() && user.partner_account_id == *account,
            UserReach::Only(id) => user.id == *id,
        }
    }
}

/// 403 unless `user` is vendor staff.
pub fn staff_only(user: &User) -> Result<(), ApiError> {
    match user.role.is_internal() {
        true => Ok(()),
        false => Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only vendor staff may do this",
        )),
    }
}

/// 403 unless `user` is an administrator.
pub fn admin_only(user: &User) -> Result<(), ApiError> {
    match user.role == Role::Admin {
        true => Ok(()),
        false => Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only administrators may do this",
        )),
    }
}

/// The answer when a new or edited user's email is another user's.
pub fn email_taken() -> ApiError {
    ApiError {
        code: ErrorCode::Conflict,
        message: "Another user already has this email address".into(),
        field_errors: vec![FieldError::new("email", "is already used by another user")],
        current: None,
    }
}

/// Why the last active administrator cannot be deactivated or demoted.
pub const LAST_ADMIN_MESSAGE: &str = "This is the last active administrator: make another user an administrator before deactivating or demoting this one";

/// Checks who a user reports to: a partner user may report to an active partner manager of the
/// same account (`manager` is that user as stored, `None` if there is no such user).
pub fn check_manager(
    input: &UserInput,
    manager: Option<&User>,
    editing: Option<&str>,
) -> Result<(), ApiError> {
    let Some(wanted) = &input.manager_id else {
        return Ok(());
    };
    let problem = match manager {
        _ if input.role != Role::PartnerUser => Some("is only for partner users"),
        _ if editing == Some(wanted.as_str()) => Some("cannot be the user themself"),
        None => Some("is not a user"),
        Some(m) if m.role != Role::PartnerManager || !m.active => {
            Some("must be an active partner manager")
        }
        Some(m) if m.partner_account_id != input.partner_account_id => {
            Some("must work for the same partner account")
        }
        Some(_) => None,
    };
    match problem {
        Some(p) => Err(crate::ApiError::validation(vec![crate::FieldError::new(
            "manager_id",
            p,
        )])),
        None => Ok(()),
    }
}

/// The body of `POST /api/auth/login`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// The logged-in user, with their partner account's name and tier for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user: User,
    pub partner_account_name: Option<String>,
    pub tier_name: Option<String>,
}

/// `GET /api/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// How a partner sells for the vendor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerType {
    Reseller,
    Distributor,
    Referral,
    Technology,
}

/// A company: a customer or prospect, or (with `is_partner`) a partner account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: String,
    pub name: String,
    /// Web domain, used to spot duplicate companies (`acme.example`).
    pub domain: String,
    pub region: String,
    pub is_partner: bool,
    pub partner_type: Option<PartnerType>,
    /// The partner program tier; `None` for non-partners.
    pub tier_id: Option<String>,
    pub created_at: String,
}

/// Fields set when creating or editing an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountInput {
    pub name: String,
    pub domain: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub is_partner: bool,
    #[serde(default)]
    pub partner_type: Option<PartnerType>,
    #[serde(default)]
    pub tier_id: Option<String>,
}

/// A partner program, such as "Reseller Program", with its ranked tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerProgram {
    pub id: String,
    pub name: String,
    pub tiers: Vec<Tier>,
}

/// A level of a partner program (Registered, Silver, Gold); higher rank is better.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tier {
    pub id: String,
    pub program_id: String,
    pub name: String,
    pub rank: i64,
    pub benefits: String,
    /// What a partner must achieve to reach the tier.
    #[serde(default)]
    pub requirements: String,
}

/// Fields of a new or edited tier (vendor staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierInput {
    pub name: String,
    /// Position in the program, 1 (entry) upwards; unique within a program.
    pub rank: i64,
    #[serde(default)]
    pub benefits: String,
    #[serde(default)]
    pub requirements: String,
}

impl Validate for TierInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = crate::validate::Errors::default();
        e.required("name", &self.name, MAX_TEXT);
        if !(1..=100).contains(&self.rank) {
            e.add("rank", "must be between 1 and 100");
        }
        e.max("benefits", &self.benefits, MAX_NOTES);
        e.max("requirements", &self.requirements, MAX_NOTES);
        e.0
    }
}

impl Tier {
    /// The tier `input` describes, in `program_id`.
    pub fn from_input(id: String, program_id: String, input: &TierInput) -> Tier {
        Tier {
            id,
            program_id,
            name: input.name.trim().into(),
            rank: input.rank,
            benefits: input.benefits.trim().into(),
            requirements: input.requirements.trim().into(),
        }
    }
}

/// 409 unless the tier's rank and name are free in its program (`others` are the program's other tiers).
pub fn check_tier_unique(tier: &Tier, others: &[Tier]) -> Result<(), ApiError> {
    let clash = others.iter().filter(|t| t.id != tier.id).find_map(|t| {
        if t.rank == tier.rank {
            Some(format!("{} already has rank {}", t.name, t.rank))
        } else if t.name.eq_ignore_ascii_case(&tier.name) {
            Some(format!("There is already a tier called {}", t.name))
        } else {
            None
        }
    });
    match clash {
        Some(m) => Err(ApiError::new(ErrorCode::Conflict, m)),
        None => Ok(()),
    }
}
