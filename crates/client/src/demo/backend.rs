//! The demo backend's `PrmBackend` implementation: each call is admitted by its endpoint's
//! declaration, then runs the core's step over the memory store. One line per endpoint.

use async_trait::async_trait;
use trellis_api::endpoints::{self, Access, Endpoint};
use trellis_api::{
    Contact, DealRegistration, ErrorCode, Health, Lead, LoginRequest, MdfClaim, MdfRequest, Me,
    Opportunity, SupportCase, Validate,
};
use trellis_core::{
    accounts, activity, announcements, community, deal_flow, distribution, import, lead_flow, mdf,
    products, records, reports, support, surveys, training, users,
};

use super::{err, DemoBackend};
use crate::{ClientResult, PrmBackend, Reply, Request};

#[async_trait(?Send)]
impl PrmBackend for DemoBackend {
    async fn send(&self, endpoint: &'static Endpoint, r: Request<'_>) -> ClientResult<Reply> {
        if endpoint.access == Access::Anyone {
            return self.session_call(endpoint, &r);
        }
        let user = self.allowed(endpoint)?;
        let cx = self.cx(&user);
        Ok(match *endpoint {
            endpoints::ME => Reply::of(self.me_of(user.clone())),
            endpoints::LOGOUT_EVERYWHERE => {
                self.logout_everywhere_now(&user);
                Reply::of(())
            }
            endpoints::AUDIT_LOG => Reply::of(self.audit_log_now(r.query()?)?),
            endpoints::LIST_ACCOUNTS => Reply::of(accounts::list(&cx, r.query()?).await?),
            endpoints::GET_ACCOUNT => Reply::of(accounts::get(&cx, r.id(0)?).await?),
            endpoints::CREATE_ACCOUNT => Reply::of(accounts::create(&cx, r.body()?).await?),
            endpoints::UPDATE_ACCOUNT => {
                Reply::of(accounts::update(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::CHANGE_PARTNERSHIP => {
                Reply::of(accounts::change_partnership(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::TIER_HISTORY => Reply::of(accounts::tier_history(&cx, r.id(0)?).await?),
            endpoints::LIST_PROGRAMS => Reply::of(accounts::programs(&cx).await?),
            endpoints::CREATE_TIER => {
                Reply::of(accounts::create_tier(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::UPDATE_TIER => {
                Reply::of(accounts::update_tier(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_USERS => Reply::of(users::list(&cx, r.query()?).await?),
            endpoints::GET_USER => Reply::of(users::get(&cx, r.id(0)?).await?),
            endpoints::CREATE_USER => Reply::of(users::create(&cx, r.body()?).await?),
            endpoints::UPDATE_USER => Reply::of(users::update(&cx, r.id(0)?, r.body()?).await?),
            endpoints::LIST_LEADS => Reply::of(records::list::<Lead, _>(&cx, r.query()?).await?),
            endpoints::GET_LEAD => Reply::of(records::get::<Lead, _>(&cx, r.id(0)?).await?),
            endpoints::CREATE_LEAD => Reply::of(records::create::<Lead, _>(&cx, r.body()?).await?),
            endpoints::UPDATE_LEAD => {
                Reply::of(records::update::<Lead, _>(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::TRANSITION_LEAD => {
                Reply::of(lead_flow::transition(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::DISTRIBUTE_LEADS => Reply::of(distribution::run(&cx, r.body()?).await?),
            endpoints::LIST_DEALS => {
                Reply::of(records::list::<DealRegistration, _>(&cx, r.query()?).await?)
            }
            endpoints::GET_DEAL => {
                Reply::of(records::get::<DealRegistration, _>(&cx, r.id(0)?).await?)
            }
            endpoints::CREATE_DEAL => {
                Reply::of(records::create::<DealRegistration, _>(&cx, r.body()?).await?)
            }
            endpoints::UPDATE_DEAL => {
                Reply::of(records::update::<DealRegistration, _>(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::DEAL_CONFLICTS => Reply::of(deal_flow::conflicts(&cx, r.id(0)?).await?),
            endpoints::TRANSITION_DEAL => {
                Reply::of(deal_flow::transition(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_OPPORTUNITIES => {
                Reply::of(records::list::<Opportunity, _>(&cx, r.query()?).await?)
            }
            endpoints::GET_OPPORTUNITY => {
                Reply::of(records::get::<Opportunity, _>(&cx, r.id(0)?).await?)
            }
            endpoints::CREATE_OPPORTUNITY => {
                Reply::of(records::create::<Opportunity, _>(&cx, r.body()?).await?)
            }
            endpoints::UPDATE_OPPORTUNITY => {
                Reply::of(records::update::<Opportunity, _>(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_CONTACTS => {
                Reply::of(records::list::<Contact, _>(&cx, r.query()?).await?)
            }
            endpoints::GET_CONTACT => Reply::of(records::get::<Contact, _>(&cx, r.id(0)?).await?),
            endpoints::CREATE_CONTACT => {
                Reply::of(records::create::<Contact, _>(&cx, r.body()?).await?)
            }
            endpoints::UPDATE_CONTACT => {
                Reply::of(records::update::<Contact, _>(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_MDF_BUDGETS => Reply::of(mdf::budgets(&cx).await?),
            endpoints::CREATE_MDF_BUDGET => Reply::of(mdf::create_budget(&cx, r.body()?).await?),
            endpoints::LIST_MDF_REQUESTS => {
                Reply::of(records::list::<MdfRequest, _>(&cx, r.query()?).await?)
            }
            endpoints::CREATE_MDF_REQUEST => Reply::of(mdf::create_request(&cx, r.body()?).await?),
            endpoints::GET_MDF_REQUEST => {
                Reply::of(records::get::<MdfRequest, _>(&cx, r.id(0)?).await?)
            }
            endpoints::TRANSITION_MDF_REQUEST => {
                Reply::of(mdf::transition_request(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_MDF_CLAIMS => {
                Reply::of(records::list::<MdfClaim, _>(&cx, r.query()?).await?)
            }
            endpoints::CREATE_MDF_CLAIM => Reply::of(mdf::create_claim(&cx, r.body()?).await?),
            endpoints::GET_MDF_CLAIM => {
                Reply::of(records::get::<MdfClaim, _>(&cx, r.id(0)?).await?)
            }
            endpoints::TRANSITION_MDF_CLAIM => {
                Reply::of(mdf::transition_claim(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::GET_FILE => Reply::of(mdf::file(&cx, r.id(0)?).await?),
            endpoints::IMPORT_CSV => Reply::of(import::import(&cx, r.body()?).await?),
            endpoints::EXPORT_CSV => Reply::of(import::export(&cx, *r.param(0)?).await?),
            endpoints::LIST_CASES => {
                Reply::of(records::list::<SupportCase, _>(&cx, r.query()?).await?)
            }
            endpoints::GET_CASE => Reply::of(records::get::<SupportCase, _>(&cx, r.id(0)?).await?),
            endpoints::CREATE_CASE => Reply::of(support::create_case(&cx, r.body()?).await?),
            endpoints::CASE_MESSAGES => Reply::of(support::messages(&cx, r.id(0)?).await?),
            endpoints::POST_CASE_MESSAGE => {
                Reply::of(support::post_message(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::SUPPORT_CHANNELS => Reply::of(support::channels(&cx).await?),
            endpoints::SET_SUPPORT_CHANNELS => {
                Reply::of(support::set_channels(&cx, r.body()?).await?)
            }
            endpoints::LIST_ANNOUNCEMENTS => Reply::of(announcements::list(&cx).await?),
            endpoints::CREATE_ANNOUNCEMENT => {
                Reply::of(announcements::create(&cx, r.body()?).await?)
            }
            endpoints::UPDATE_ANNOUNCEMENT => {
                Reply::of(announcements::update(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::LIST_MODULES => Reply::of(training::modules_for(&cx).await?),
            endpoints::CREATE_MODULE => Reply::of(training::create(&cx, r.body()?).await?),
            endpoints::UPDATE_MODULE => {
                Reply::of(training::update(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::SUBMIT_QUIZ => Reply::of(training::submit(&cx, r.id(0)?, r.body()?).await?),
            endpoints::LIST_CERTIFICATES => Reply::of(training::certificates(&cx).await?),
            endpoints::LIST_SURVEYS => Reply::of(surveys::list(&cx).await?),
            endpoints::CREATE_SURVEY => Reply::of(surveys::create(&cx, r.body()?).await?),
            endpoints::CLOSE_SURVEY => Reply::of(surveys::close(&cx, r.id(0)?).await?),
            endpoints::ANSWER_SURVEY => Reply::of(surveys::answer(&cx, r.id(0)?, r.body()?).await?),
            endpoints::SURVEY_RESULTS => Reply::of(surveys::survey_results(&cx, r.id(0)?).await?),
            endpoints::REPORTS => Reply::of(reports::list(&cx, r.query()?).await?),
            endpoints::ACTIVITY => Reply::of(activity::timeline(&cx, r.id(0)?, r.id(1)?).await?),
            endpoints::COMMENT => {
                Reply::of(activity::add_comment(&cx, r.id(0)?, r.id(1)?, r.body()?).await?)
            }
            endpoints::MENTIONABLE => {
                Reply::of(activity::mentionable(&cx, r.id(0)?, r.id(1)?).await?)
            }
            endpoints::MENTIONS => Reply::of(activity::mentions(&cx).await?),
            endpoints::DEAL_REVIEW_POLICY => Reply::of(deal_flow::review_policy(&cx).await?),
            endpoints::SET_DEAL_REVIEW_POLICY => {
                Reply::of(deal_flow::set_review_policy(&cx, r.body()?).await?)
            }
            endpoints::LIST_PRODUCTS => Reply::of(products::list(&cx).await?),
            endpoints::CREATE_PRODUCT => Reply::of(products::create(&cx, r.body()?).await?),
            endpoints::UPDATE_PRODUCT => {
                Reply::of(products::update(&cx, r.id(0)?, r.body()?).await?)
            }
            endpoints::CURRENCIES => Reply::of(products::currencies(&cx).await?),
            endpoints::SET_CURRENCIES => Reply::of(products::set_currencies(&cx, r.body()?).await?),
            endpoints::COMMUNITY => Reply::of(community::published(&cx).await?),
            endpoints::DRAFT => Reply::of(community::draft(&cx).await?),
            endpoints::SAVE_DRAFT => Reply::of(community::save_draft(&cx, r.body()?).await?),
            endpoints::PUBLISH => Reply::of(community::publish(&cx, r.body()?).await?),
            endpoints::SITE_VERSIONS => Reply::of(community::versions(&cx).await?),
            endpoints::SITE_VERSION => Reply::of(community::version(&cx, *r.param(0)?).await?),
            endpoints::RESTORE_VERSION => {
                Reply::of(community::restore(&cx, *r.param(0)?, r.body()?).await?)
            }
            _ => return Err(err(ErrorCode::NotFound, "No such API endpoint")),
        })
    }
}

impl DemoBackend {
    /// The calls anyone may make: health, login and logout.
    fn session_call(&self, endpoint: &Endpoint, r: &Request<'_>) -> ClientResult<Reply> {
        match *endpoint {
            endpoints::HEALTH => Ok(Reply::of(Health {
                status: "ok".into(),
                version: "demo".into(),
            })),
            endpoints::LOGIN => Ok(Reply::of(self.login_now(r.body()?)?)),
            endpoints::LOGOUT => {
                self.write().session = None;
                Ok(Reply::of(()))
            }
            _ => Err(err(ErrorCode::NotFound, "No such API endpoint")),
        }
    }

    fn login_now(&self, request: &LoginRequest) -> ClientResult<Me> {
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
        let Some(user) = user else {
            let event = trellis_api::audit::login_event(None, &request.email);
            self.audit_as(None, &request.email, Some(event));
            return Err(err(
                ErrorCode::InvalidCredentials,
                "Wrong email or password",
            ));
        };
        self.write().session = Some(user.id.clone());
        self.audit("", Some(trellis_api::audit::login_event(Some(&user), "")));
        Ok(self.me_of(user))
    }

    /// The demo has one session: ending "every" session is ending it.
    fn logout_everywhere_now(&self, user: &trellis_api::User) {
        self.audit(
            "",
            Some(trellis_api::audit::NewEvent::new(
                trellis_api::audit::AuditKind::LogoutEverywhere,
                user.partner_account_id.as_deref(),
                Some(&user.id),
                format!("{} <{}>", user.name, user.email),
            )),
        );
        self.write().session = None;
    }
}
