//! The in-memory demo backend: the whole demo organisation in the browser, no server needed.
//!
//! It follows the same rules as the REST server (scopes, validation, initial statuses,
//! draft versions); the conformance tests run the same scenarios against both.

use std::cell::RefCell;
use std::collections::HashMap;

use async_trait::async_trait;
use serde_json::Value;
use trellis_api::datetime::timestamp;
use trellis_api::record::{self, fields};
use trellis_api::seed::{demo_data, DemoData, DEMO_PASSWORD};
use trellis_api::*;

use crate::{ClientResult, PrmBackend};

/// Seconds since the epoch, in the browser or natively.
fn now_unix() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

struct State {
    data: DemoData,
    passwords: HashMap<String, String>,
    session: Option<String>,
    draft: Site,
    draft_version: i64,
    draft_updated_at: String,
    published: PublishedSite,
    counter: u64,
}

/// A complete PRM backend in memory, seeded with the demo organisation.
pub struct DemoBackend {
    state: RefCell<State>,
}

impl Default for DemoBackend {
    fn default() -> Self {
        Self::new()
    }
}

/// Where each record kind lives in the demo data.
trait Stored: Record {
    fn table(data: &mut DemoData) -> &mut Vec<Self>;
}

macro_rules! stored {
    ($($t:ty => $field:ident),*) => {$(
        impl Stored for $t {
            fn table(data: &mut DemoData) -> &mut Vec<Self> {
                &mut data.$field
            }
        }
    )*};
}
stored!(Lead => leads, DealRegistration => deals, Opportunity => opportunities, Contact => contacts);

fn err(code: ErrorCode, message: &str) -> crate::ClientError {
    ApiError::new(code, message).into()
}

fn decode<T: serde::de::DeserializeOwned>(map: serde_json::Map<String, Value>) -> ClientResult<T> {
    serde_json::from_value(Value::Object(map))
        .map_err(|e| crate::ClientError::Decode(e.to_string()))
}

/// Offset cursors over an already filtered and sorted list.
fn paginate<T: Clone>(items: Vec<T>, query: &ListQuery) -> ClientResult<ListPage<T>> {
    let start = match &query.cursor {
        None => 0,
        Some(c) => c.parse::<usize>().map_err(|_| ApiError {
            code: ErrorCode::BadRequest,
            message: "The cursor is not one this server gave out".into(),
            field_errors: vec![FieldError::new("cursor", "is invalid")],
        })?,
    };
    let limit = query.limit() as usize;
    let end = (start + limit).min(items.len());
    Ok(ListPage {
        items: items.get(start..end).unwrap_or_default().to_vec(),
        next_cursor: (end < items.len()).then(|| end.to_string()),
    })
}

impl DemoBackend {
    /// A fresh demo organisation as of now.
    pub fn new() -> Self {
        Self::at(now_unix())
    }

    /// A fresh demo organisation as of `now` (seconds since the epoch).
    pub fn at(now: i64) -> Self {
        let data = demo_data(now);
        let passwords = data
            .users
            .iter()
            .map(|u| (u.id.clone(), DEMO_PASSWORD.to_string()))
            .collect();
        let at = timestamp(now);
        let site = data.site.clone();
        Self {
            state: RefCell::new(State {
                passwords,
                session: None,
                draft: site.clone(),
                draft_version: 1,
                draft_updated_at: at.clone(),
                published: PublishedSite {
                    version: 1,
                    site,
                    published_at: at,
                    published_by: "usr_admin".into(),
                },
                data,
                counter: 0,
            }),
        }
    }

    fn user(&self) -> ClientResult<User> {
        let state = self.state.borrow();
        state
            .session
            .as_ref()
            .and_then(|id| state.data.users.iter().find(|u| &u.id == id && u.active))
            .cloned()
            .ok_or_else(|| err(ErrorCode::Unauthenticated, "Please log in"))
    }

    fn staff(&self) -> ClientResult<User> {
        let user = self.user()?;
        if user.role.is_internal() {
            Ok(user)
        } else {
            Err(err(ErrorCode::Forbidden, "Only vendor staff may do this"))
        }
    }

    fn admin(&self) -> ClientResult<User> {
        let user = self.user()?;
        if user.role == Role::Admin {
            Ok(user)
        } else {
            Err(err(ErrorCode::Forbidden, "Only administrators may do this"))
        }
    }

    fn next_id(&self, prefix: &str) -> String {
        let mut state = self.state.borrow_mut();
        state.counter += 1;
        format!("{prefix}demo{:06}", state.counter)
    }

    fn me_of(&self, user: User) -> Me {
        let state = self.state.borrow();
        let account = state
            .data
            .accounts
            .iter()
            .find(|a| Some(&a.id) == user.partner_account_id.as_ref());
        let tier_name = account.and_then(|a| a.tier_id.as_ref()).and_then(|t| {
            state
                .data
                .programs
                .iter()
                .flat_map(|p| &p.tiers)
                .find(|x| &x.id == t)
                .map(|x| x.name.clone())
        });
        Me {
            partner_account_name: account.map(|a| a.name.clone()),
            tier_name,
            user,
        }
    }

    fn list_records<R: Stored>(&self, query: &ListQuery) -> ClientResult<ListPage<R>> {
        let scope = Scope::of(&self.user()?);
        if let Some(s) = query.status.as_deref().filter(|s| !s.is_empty()) {
            if R::STATUS_FIELD.is_none() || !R::valid_status(s) {
                return Err(record::bad_status_filter(s).into());
            }
        }
        let mut state = self.state.borrow_mut();
        let mut items: Vec<R> = R::table(&mut state.data)
            .iter()
            .filter(|r| scope.allows(*r) && record::matches(*r, query))
            .cloned()
            .collect();
        let key = |r: &R| {
            let f = fields(r);
            let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            (text("created_at"), text("id"))
        };
        items.sort_by_key(|r| std::cmp::Reverse(key(r)));
        paginate(items, query)
    }

    fn get_record<R: Stored>(&self, id: &str) -> ClientResult<R> {
        let scope = Scope::of(&self.user()?);
        let mut state = self.state.borrow_mut();
        R::table(&mut state.data)
            .iter()
            .find(|r| fields(*r).get("id").and_then(Value::as_str) == Some(id) && scope.allows(*r))
            .cloned()
            .ok_or_else(|| ApiError::not_found(R::NAME).into())
    }

    fn target_account(&self, user: &User, chosen: Option<String>) -> ClientResult<Option<String>> {
        if !user.role.is_internal() {
            return Ok(user.partner_account_id.clone());
        }
        let Some(id) = chosen else { return Ok(None) };
        let state = self.state.borrow();
        if state
            .data
            .accounts
            .iter()
            .any(|a| a.id == id && a.is_partner)
        {
            Ok(Some(id))
        } else {
            Err(ApiError::validation(vec![FieldError::new(
                "partner_account_id",
                "is not a partner account",
            )])
            .into())
        }
    }

    fn create_record<R: Stored>(&self, input: &R::Input) -> ClientResult<R> {
        let user = self.user()?;
        input.check()?;
        let account = self.target_account(&user, record::chosen_partner::<R>(input))?;
        if account.is_none() && !user.role.is_internal() {
            return Err(err(
                ErrorCode::Forbidden,
                "Your user has no partner account",
            ));
        }
        let mut map = record::editable_fields::<R>(input);
        let at = timestamp(now_unix());
        map.insert("id".into(), self.next_id(R::PREFIX).into());
        if let Some(status) = R::initial_status(!user.role.is_internal(), account.is_some()) {
            map.insert(R::STATUS_FIELD.unwrap_or("status").into(), status.into());
        }
        let owner = (!user.role.is_internal()).then(|| user.id.clone());
        map.insert("partner_account_id".into(), account.into());
        map.insert("owner_user_id".into(), owner.into());
        map.insert("created_at".into(), at.clone().into());
        map.insert("updated_at".into(), at.into());
        // Kinds with more fields than their input (a deal's reviewer reason) start them empty.
        for extra in ["reviewer_reason", "expires_on"] {
            map.entry(extra).or_insert(Value::Null);
        }
        let record: R = decode(map)?;
        R::table(&mut self.state.borrow_mut().data).push(record.clone());
        Ok(record)
    }

    fn update_record<R: Stored>(&self, id: &str, input: &R::Input) -> ClientResult<R> {
        let user = self.user()?;
        input.check()?;
        let current: R = self.get_record(id)?;
        let mut map = fields(&current);
        map.extend(record::editable_fields::<R>(input));
        if user.role.is_internal() {
            let account = self.target_account(&user, record::chosen_partner::<R>(input))?;
            map.insert("partner_account_id".into(), account.into());
        }
        map.insert("updated_at".into(), timestamp(now_unix()).into());
        let updated: R = decode(map)?;
        let mut state = self.state.borrow_mut();
        let table = R::table(&mut state.data);
        if let Some(slot) = table
            .iter_mut()
            .find(|r| fields(*r).get("id").and_then(Value::as_str) == Some(id))
        {
            *slot = updated.clone();
        }
        Ok(updated)
    }

    fn users_visible_to(&self, viewer: &User) -> Vec<User> {
        self.state
            .borrow()
            .data
            .users
            .iter()
            .filter(|u| match viewer.role {
                Role::Admin | Role::ChannelManager => true,
                Role::PartnerExecutive | Role::PartnerManager => {
                    u.partner_account_id.is_some()
                        && u.partner_account_id == viewer.partner_account_id
                }
                Role::PartnerUser => u.id == viewer.id,
            })
            .cloned()
            .collect()
    }

    fn may_manage(&self, input: &UserInput) -> ClientResult<User> {
        let actor = self.staff()?;
        if input.role.is_internal() {
            self.admin()?;
        }
        input.check()?;
        Ok(actor)
    }

    fn check_account(&self, input: &AccountInput) -> ClientResult<()> {
        input.check()?;
        if let Some(tier) = &input.tier_id {
            let state = self.state.borrow();
            if !state
                .data
                .programs
                .iter()
                .flat_map(|p| &p.tiers)
                .any(|t| &t.id == tier)
            {
                return Err(ApiError::validation(vec![FieldError::new(
                    "tier_id",
                    "is not a tier of any program",
                )])
                .into());
            }
        }
        Ok(())
    }

    fn draft_now(&self) -> Draft {
        let state = self.state.borrow();
        Draft {
            has_unpublished_changes: state.published.site != state.draft,
            site: state.draft.clone(),
            version: state.draft_version,
            updated_at: state.draft_updated_at.clone(),
        }
    }
}

fn by_name<T>(items: &mut [T], name: impl Fn(&T) -> (String, String)) {
    items.sort_by_key(|x| name(x));
}

#[async_trait(?Send)]
impl PrmBackend for DemoBackend {
    async fn health(&self) -> ClientResult<Health> {
        Ok(Health {
            status: "ok".into(),
            version: "demo".into(),
        })
    }

    async fn login(&self, request: &LoginRequest) -> ClientResult<Me> {
        request.check()?;
        let user = {
            let state = self.state.borrow();
            state
                .data
                .users
                .iter()
                .find(|u| {
                    u.active
                        && u.email.eq_ignore_ascii_case(request.email.trim())
                        && state.passwords.get(&u.id) == Some(&request.password)
                })
                .cloned()
        };
        let user =
            user.ok_or_else(|| err(ErrorCode::InvalidCredentials, "Wrong email or password"))?;
        self.state.borrow_mut().session = Some(user.id.clone());
        Ok(self.me_of(user))
    }

    async fn logout(&self) -> ClientResult<()> {
        self.state.borrow_mut().session = None;
        Ok(())
    }

    async fn me(&self) -> ClientResult<Me> {
        let user = self.user()?;
        Ok(self.me_of(user))
    }

    async fn list_accounts(&self, query: &ListQuery) -> ClientResult<ListPage<Account>> {
        let user = self.user()?;
        let q = query.q.as_deref().unwrap_or("").trim().to_lowercase();
        let mut items: Vec<Account> = self
            .state
            .borrow()
            .data
            .accounts
            .iter()
            .filter(|a| user.role.is_internal() || user.partner_account_id.as_ref() == Some(&a.id))
            .filter(|a| match query.status.as_deref() {
                Some("partner") => a.is_partner,
                Some("customer") => !a.is_partner,
                _ => true,
            })
            .filter(|a| {
                q.is_empty()
                    || a.name.to_lowercase().contains(&q)
                    || a.domain.to_lowercase().contains(&q)
            })
            .cloned()
            .collect();
        by_name(&mut items, |a| (a.name.clone(), a.id.clone()));
        paginate(items, query)
    }

    async fn get_account(&self, id: &str) -> ClientResult<Account> {
        let user = self.user()?;
        let visible = user.role.is_internal() || user.partner_account_id.as_deref() == Some(id);
        self.state
            .borrow()
            .data
            .accounts
            .iter()
            .find(|a| a.id == id && visible)
            .cloned()
            .ok_or_else(|| ApiError::not_found("Account").into())
    }

    async fn create_account(&self, input: &AccountInput) -> ClientResult<Account> {
        self.staff()?;
        self.check_account(input)?;
        let account = Account {
            id: self.next_id("acc_"),
            name: input.name.trim().into(),
            domain: input.domain.trim().into(),
            region: input.region.clone(),
            is_partner: input.is_partner,
            partner_type: input.partner_type,
            tier_id: input.tier_id.clone(),
            created_at: timestamp(now_unix()),
        };
        self.state.borrow_mut().data.accounts.push(account.clone());
        Ok(account)
    }

    async fn update_account(&self, id: &str, input: &AccountInput) -> ClientResult<Account> {
        self.staff()?;
        self.check_account(input)?;
        let mut state = self.state.borrow_mut();
        let account = state
            .data
            .accounts
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| ApiError::not_found("Account"))?;
        account.name = input.name.trim().into();
        account.domain = input.domain.trim().into();
        account.region = input.region.clone();
        account.is_partner = input.is_partner;
        account.partner_type = input.partner_type;
        account.tier_id = input.tier_id.clone();
        Ok(account.clone())
    }

    async fn list_programs(&self) -> ClientResult<Vec<PartnerProgram>> {
        self.user()?;
        Ok(self.state.borrow().data.programs.clone())
    }

    async fn list_users(&self, query: &ListQuery) -> ClientResult<ListPage<User>> {
        let viewer = self.user()?;
        let q = query.q.as_deref().unwrap_or("").trim().to_lowercase();
        let mut items: Vec<User> = self
            .users_visible_to(&viewer)
            .into_iter()
            .filter(|u| {
                query.partner_account_id.is_none()
                    || u.partner_account_id == query.partner_account_id
            })
            .filter(|u| {
                q.is_empty()
                    || u.name.to_lowercase().contains(&q)
                    || u.email.to_lowercase().contains(&q)
            })
            .collect();
        by_name(&mut items, |u| (u.name.clone(), u.id.clone()));
        paginate(items, query)
    }

    async fn get_user(&self, id: &str) -> ClientResult<User> {
        let viewer = self.user()?;
        self.users_visible_to(&viewer)
            .into_iter()
            .find(|u| u.id == id)
            .ok_or_else(|| ApiError::not_found("User").into())
    }

    async fn create_user(&self, input: &UserInput) -> ClientResult<User> {
        self.may_manage(input)?;
        let Some(password) = input.password.clone() else {
            return Err(
                ApiError::validation(vec![FieldError::new("password", "is required")]).into(),
            );
        };
        if self
            .state
            .borrow()
            .data
            .users
            .iter()
            .any(|u| u.email.eq_ignore_ascii_case(input.email.trim()))
        {
            return Err(err(
                ErrorCode::Conflict,
                "A record with these details already exists",
            ));
        }
        let user = User {
            id: self.next_id("usr_"),
            email: input.email.trim().into(),
            name: input.name.trim().into(),
            role: input.role,
            partner_account_id: input.partner_account_id.clone(),
            active: input.active,
        };
        let mut state = self.state.borrow_mut();
        state.passwords.insert(user.id.clone(), password);
        state.data.users.push(user.clone());
        Ok(user)
    }

    async fn update_user(&self, id: &str, input: &UserInput) -> ClientResult<User> {
        self.may_manage(input)?;
        let current = self.get_user(id).await?;
        if current.role.is_internal() {
            self.admin()?;
        }
        let mut state = self.state.borrow_mut();
        if let Some(p) = &input.password {
            state.passwords.insert(id.to_string(), p.clone());
        }
        let user = state
            .data
            .users
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or_else(|| ApiError::not_found("User"))?;
        user.email = input.email.trim().into();
        user.name = input.name.trim().into();
        user.role = input.role;
        user.partner_account_id = input.partner_account_id.clone();
        user.active = input.active;
        Ok(user.clone())
    }

    async fn list_leads(&self, query: &ListQuery) -> ClientResult<ListPage<Lead>> {
        self.list_records(query)
    }
    async fn get_lead(&self, id: &str) -> ClientResult<Lead> {
        self.get_record(id)
    }
    async fn create_lead(&self, input: &LeadInput) -> ClientResult<Lead> {
        self.create_record(input)
    }
    async fn update_lead(&self, id: &str, input: &LeadInput) -> ClientResult<Lead> {
        self.update_record(id, input)
    }

    async fn list_deals(&self, query: &ListQuery) -> ClientResult<ListPage<DealRegistration>> {
        self.list_records(query)
    }
    async fn get_deal(&self, id: &str) -> ClientResult<DealRegistration> {
        self.get_record(id)
    }
    async fn create_deal(&self, input: &DealInput) -> ClientResult<DealRegistration> {
        self.create_record(input)
    }
    async fn update_deal(&self, id: &str, input: &DealInput) -> ClientResult<DealRegistration> {
        self.update_record(id, input)
    }

    async fn list_opportunities(&self, query: &ListQuery) -> ClientResult<ListPage<Opportunity>> {
        self.list_records(query)
    }
    async fn get_opportunity(&self, id: &str) -> ClientResult<Opportunity> {
        self.get_record(id)
    }
    async fn create_opportunity(&self, input: &OpportunityInput) -> ClientResult<Opportunity> {
        self.create_record(input)
    }
    async fn update_opportunity(
        &self,
        id: &str,
        input: &OpportunityInput,
    ) -> ClientResult<Opportunity> {
        self.update_record(id, input)
    }

    async fn list_contacts(&self, query: &ListQuery) -> ClientResult<ListPage<Contact>> {
        self.list_records(query)
    }
    async fn get_contact(&self, id: &str) -> ClientResult<Contact> {
        self.get_record(id)
    }
    async fn create_contact(&self, input: &ContactInput) -> ClientResult<Contact> {
        self.create_record(input)
    }
    async fn update_contact(&self, id: &str, input: &ContactInput) -> ClientResult<Contact> {
        self.update_record(id, input)
    }

    async fn community(&self) -> ClientResult<PublishedSite> {
        let user = self.user()?;
        let tier = user.partner_account_id.as_ref().and_then(|a| {
            let state = self.state.borrow();
            state
                .data
                .accounts
                .iter()
                .find(|x| &x.id == a)
                .and_then(|x| x.tier_id.clone())
        });
        let mut published = self.state.borrow().published.clone();
        published.site = published.site.for_viewer(tier.as_deref(), user.role);
        Ok(published)
    }

    async fn draft(&self) -> ClientResult<Draft> {
        self.admin()?;
        Ok(self.draft_now())
    }

    async fn save_draft(&self, body: &SaveDraft) -> ClientResult<Draft> {
        self.admin()?;
        body.check()?;
        {
            let mut state = self.state.borrow_mut();
            if state.draft_version != body.base_version {
                return Err(err(
                    ErrorCode::Conflict,
                    "The draft was changed by someone else since you loaded it; reload it or keep your copy",
                ));
            }
            state.draft = body.site.clone();
            state.draft_version += 1;
            state.draft_updated_at = timestamp(now_unix());
        }
        Ok(self.draft_now())
    }
}
