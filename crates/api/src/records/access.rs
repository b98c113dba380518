//! Who owns a listed record and who may see it: ids, owner fields and the access scope.

use crate::{Contact, DealRegistration, Lead, Opportunity, Role, User};

/// A listed record's id (what a list keeps rows apart by).
pub trait Keyed {
    fn id(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
keyed!(crate::accounts::Account, crate::accounts::User);

/// Access to the owner fields every partner-owned record has.
pub trait Owned {
    fn partner_account_id(&self) -> Option<&str>;
    fn owner_user_id(&self) -> Option<&str>;
}

/// `Owned` (and `Keyed`) for partner-owned record types.
macro_rules! owned {
    ($($t:ty),*) => {
        keyed!($($t),*);
        $(impl Owned for $t {
            fn partner_account_id(&self) -> Option<&str> {
                self.partner_account_id.as_deref()
            }
            fn owner_user_id(&self) -> Option<&str> {
                self.owner_user_id.as_deref()
            }
        })*
    };
}
owned!(
    Lead,
    DealRegistration,
    Opportunity,
    Contact,
    crate::mdf::MdfRequest,
    crate::mdf::MdfClaim,
    crate::support::SupportCase
);

/// What a user may see of partner-owned records: the one rule, shared by every backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Vendor staff: everything.
    All,
    /// Records of one partner account.
    Account(String),
    /// Records of one partner account owned by one of `members`: a partner user's own
    /// (just them), a partner manager's team's (them and whoever reports to them).
    Team {
        account: String,
        members: Vec<String>,
    },
    /// Nothing (a partner user with no account: a data error, fail closed).
    Nothing,
}

impl Scope {
    /// The scope of `user`.
    pub fn of(user: &User) -> Scope {
        match (user.role, &user.partner_account_id) {
            (r, _) if r.is_internal() => Scope::All,
            (Role::PartnerUser | Role::PartnerManager, Some(account)) => Scope::Team {
                account: account.clone(),
                members: std::iter::once(user.id.clone())
                    .chain(user.team.iter().cloned())
                    .collect(),
            },
            (_, Some(account)) => Scope::Account(account.clone()),
            (_, None) => Scope::Nothing,
        }
    }

    /// Whether a record is visible in this scope.
    pub fn allows(&self, record: &impl Owned) -> bool {
        match self {
            Scope::All => true,
            Scope::Account(a) => record.partner_account_id() == Some(a),
            Scope::Team { account, members } => {
                record.partner_account_id() == Some(account)
                    && record
                        .owner_user_id()
                        .is_some_and(|o| members.iter().any(|m| m == o))
            }
            Scope::Nothing => false,
        }
    }
}
