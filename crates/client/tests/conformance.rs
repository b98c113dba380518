//! The same scenarios against every PrmBackend: the REST client on a real server, and the demo backend.

use trellis_api::seed::{demo_data, DEMO_PASSWORD};
use trellis_api::*;
use trellis_client::{ClientResult, DemoBackend, HttpBackend, PrmBackend};

/// A real server on 127.0.0.1:0 with a fresh temporary database; dropped with the test.
struct Server {
    _dir: tempfile::TempDir,
    url: String,
}

async fn start_server() -> Server {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = server::Config {
        addr: "127.0.0.1:0".into(),
        db: dir.path().join("t.db").to_string_lossy().into_owned(),
        dist: dir.path().join("no-dist"),
        secure_cookies: false,
    };
    let (state, seeded) = server::prepare(&config).await.expect("database");
    assert!(seeded);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(server::serve(listener, state));
    Server { _dir: dir, url }
}

async fn login(b: &dyn PrmBackend, email: &str) -> Me {
    b.login(&LoginRequest {
        email: email.into(),
        password: DEMO_PASSWORD.into(),
    })
    .await
    .unwrap_or_else(|e| panic!("login {email}: {e}"))
}

fn code<T: std::fmt::Debug>(r: ClientResult<T>) -> ErrorCode {
    r.expect_err("expected an error")
        .code()
        .expect("a typed API error")
}

/// Every lead the logged-in user can see, following cursors.
async fn all_leads(b: &dyn PrmBackend, query: ListQuery) -> Vec<Lead> {
    let mut query = ListQuery {
        limit: Some(37),
        ..query
    };
    let mut out = Vec::new();
    loop {
        let page = b.list_leads(&query).await.expect("list");
        assert!(page.items.len() <= 37);
        out.extend(page.items);
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => return out,
        }
    }
}

fn lead_input() -> LeadInput {
    LeadInput {
        company: "Initrode AG".into(),
        contact_name: "Nina Berg".into(),
        email: "nina@initrode.example".into(),
        phone: String::new(),
        region: "EMEA".into(),
        postcode: "10115".into(),
        product_interest: "Trellis Cloud".into(),
        partner_account_id: Some("acc_bluebird".into()),
    }
}

async fn wrong_password_and_unknown_email_answer_alike(b: &dyn PrmBackend) {
    let wrong = b
        .login(&LoginRequest {
            email: "partner@acme.test".into(),
            password: "not-the-password".into(),
        })
        .await
        .expect_err("wrong password");
    let unknown = b
        .login(&LoginRequest {
            email: "nobody@acme.test".into(),
            password: DEMO_PASSWORD.into(),
        })
        .await
        .expect_err("unknown user");
    assert_eq!(wrong.code(), Some(ErrorCode::InvalidCredentials));
    assert_eq!(wrong, unknown);
    let invalid = b
        .login(&LoginRequest {
            email: "nope".into(),
            password: String::new(),
        })
        .await
        .expect_err("invalid");
    let api = invalid.api().expect("typed");
    assert_eq!(api.code, ErrorCode::Validation);
    assert!(api.field("email").is_some() && api.field("password").is_some());
}

async fn session_lifecycle(b: &dyn PrmBackend) {
    assert_eq!(code(b.me().await), ErrorCode::Unauthenticated);
    assert_eq!(
        code(b.list_leads(&ListQuery::default()).await),
        ErrorCode::Unauthenticated
    );
    let me = login(b, "PARTNER@acme.test").await;
    assert_eq!(me.user.role, Role::PartnerExecutive);
    assert_eq!(me.partner_account_name.as_deref(), Some("Acme Solutions"));
    assert_eq!(me.tier_name.as_deref(), Some("Gold"));
    assert_eq!(b.me().await.expect("me"), me);
    b.logout().await.expect("logout");
    assert_eq!(code(b.me().await), ErrorCode::Unauthenticated);
}

async fn partners_see_exactly_their_scope(b: &dyn PrmBackend) {
    let data = demo_data(0);
    login(b, "partner@acme.test").await;
    let leads = all_leads(b, ListQuery::default()).await;
    let expected = data
        .leads
        .iter()
        .filter(|l| l.partner_account_id.as_deref() == Some("acc_acme"))
        .count();
    assert_eq!(leads.len(), expected);
    assert!(leads
        .iter()
        .all(|l| l.partner_account_id.as_deref() == Some("acc_acme")));
    let mut ids: Vec<_> = leads.iter().map(|l| l.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected, "pages overlap");
    assert!(
        leads.windows(2).all(|w| w[0].created_at >= w[1].created_at),
        "newest first"
    );

    let foreign = data
        .leads
        .iter()
        .find(|l| l.partner_account_id.as_deref() == Some("acc_bluebird"))
        .unwrap();
    assert_eq!(code(b.get_lead(&foreign.id).await), ErrorCode::NotFound);
    assert_eq!(
        code(b.update_lead(&foreign.id, &lead_input()).await),
        ErrorCode::NotFound
    );
    let accounts = b
        .list_accounts(&ListQuery::default())
        .await
        .expect("accounts");
    assert_eq!(
        accounts
            .items
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["acc_acme"]
    );
    assert_eq!(
        code(b.get_account("acc_bluebird").await),
        ErrorCode::NotFound
    );
    let users = b.list_users(&ListQuery::default()).await.expect("users");
    assert!(users.items.len() >= 3);
    assert!(users
        .items
        .iter()
        .all(|u| u.partner_account_id.as_deref() == Some("acc_acme")));
    b.logout().await.unwrap();

    login(b, "rep@acme.test").await;
    let own = all_leads(b, ListQuery::default()).await;
    let expected = data
        .leads
        .iter()
        .filter(|l| l.owner_user_id.as_deref() == Some("usr_acme_rep"))
        .count();
    assert!(expected > 0);
    assert_eq!(own.len(), expected);
    let users = b.list_users(&ListQuery::default()).await.expect("users");
    assert_eq!(
        users
            .items
            .iter()
            .map(|u| u.id.as_str())
            .collect::<Vec<_>>(),
        ["usr_acme_rep"]
    );
}

async fn staff_see_everything(b: &dyn PrmBackend) {
    login(b, "channel@trellis.test").await;
    assert_eq!(all_leads(b, ListQuery::default()).await.len(), 200);
    let partners = b
        .list_accounts(&ListQuery {
            status: Some("partner".into()),
            ..Default::default()
        })
        .await
        .expect("accounts");
    assert_eq!(partners.items.len(), 3);
    let programs = b.list_programs().await.expect("programs");
    let tiers: Vec<_> = programs[0].tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tiers, ["Registered", "Silver", "Gold"]);
}

async fn filters_and_search(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let accepted = all_leads(
        b,
        ListQuery {
            status: Some("accepted".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(!accepted.is_empty());
    assert!(accepted.iter().all(|l| l.status == LeadStatus::Accepted));
    let found = all_leads(
        b,
        ListQuery {
            q: Some("globex".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|l| format!("{} {} {}", l.company, l.contact_name, l.email)
            .to_lowercase()
            .contains("globex")));
    let bad = b
        .list_leads(&ListQuery {
            status: Some("bogus".into()),
            ..Default::default()
        })
        .await
        .expect_err("bad status");
    assert_eq!(
        bad.api().and_then(|e| e.field("status")),
        Some("is not a valid status")
    );
    let bad = b
        .list_leads(&ListQuery {
            cursor: Some("zz".into()),
            ..Default::default()
        })
        .await
        .expect_err("bad cursor");
    assert_eq!(bad.code(), Some(ErrorCode::BadRequest));
    let none = all_leads(
        b,
        ListQuery {
            q: Some("%".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(none.is_empty(), "% is matched literally");
}

async fn partner_creates_and_edits_own_records(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    let bad = b
        .create_lead(&LeadInput {
            email: "not-an-email".into(),
            ..lead_input()
        })
        .await
        .expect_err("invalid");
    let api = bad.api().expect("typed");
    assert_eq!(api.code, ErrorCode::Validation);
    assert!(api.field("email").is_some());

    let lead = b.create_lead(&lead_input()).await.expect("create");
    assert_eq!(lead.status, LeadStatus::Accepted);
    assert_eq!(
        lead.partner_account_id.as_deref(),
        Some("acc_acme"),
        "a partner cannot file for another account"
    );
    assert_eq!(lead.owner_user_id.as_deref(), Some("usr_acme_exec"));
    assert_eq!(b.get_lead(&lead.id).await.expect("get"), lead);
    let edited = b
        .update_lead(
            &lead.id,
            &LeadInput {
                company: "Initrode Group".into(),
                ..lead_input()
            },
        )
        .await
        .expect("update");
    assert_eq!(edited.company, "Initrode Group");
    assert_eq!(edited.created_at, lead.created_at);

    let deal = b
        .create_deal(&DealInput {
            company: "Initrode".into(),
            domain: "initrode.example".into(),
            contact_name: "Nina Berg".into(),
            contact_email: "nina@initrode.example".into(),
            product: "Trellis Cloud".into(),
            estimated_amount: 42_000,
            currency: "EUR".into(),
            expected_close_date: "2027-03-31".into(),
            notes: String::new(),
            partner_account_id: None,
        })
        .await
        .expect("deal");
    assert_eq!(deal.status, DealStatus::Draft);
    assert_eq!(deal.reviewer_reason, None);

    let contact = b
        .create_contact(&ContactInput {
            first_name: "Nina".into(),
            last_name: "Berg".into(),
            email: "nina@initrode.example".into(),
            phone: String::new(),
            title: "CIO".into(),
            company: "Initrode".into(),
            partner_account_id: None,
        })
        .await
        .expect("contact");
    let found = b
        .list_contacts(&ListQuery {
            q: Some("berg".into()),
            ..Default::default()
        })
        .await
        .expect("search");
    assert!(found.items.iter().any(|c| c.id == contact.id));

    let opp = b
        .create_opportunity(&OpportunityInput {
            name: "Initrode rollout".into(),
            account_name: "Initrode".into(),
            stage: Stage::Proposal,
            amount: 12_000,
            currency: "EUR".into(),
            close_date: "2027-01-15".into(),
            probability: 150,
            next_step: String::new(),
            partner_account_id: None,
        })
        .await
        .expect_err("probability out of range");
    assert!(opp.api().and_then(|e| e.field("probability")).is_some());
}

async fn staff_assign_leads_to_partner_accounts_only(b: &dyn PrmBackend) {
    login(b, "admin@trellis.test").await;
    let lead = b.create_lead(&lead_input()).await.expect("create");
    assert_eq!(lead.status, LeadStatus::Assigned);
    assert_eq!(lead.partner_account_id.as_deref(), Some("acc_bluebird"));
    let pool = b
        .create_lead(&LeadInput {
            partner_account_id: None,
            ..lead_input()
        })
        .await
        .expect("pool");
    assert_eq!(pool.status, LeadStatus::New);
    let bad = b
        .create_lead(&LeadInput {
            partner_account_id: Some("acc_001".into()),
            ..lead_input()
        })
        .await
        .expect_err("customer account");
    assert!(bad
        .api()
        .and_then(|e| e.field("partner_account_id"))
        .is_some());
}

async fn draft_saves_are_versioned(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    assert_eq!(code(b.draft().await), ErrorCode::Forbidden);
    let site = b.community().await.expect("community").site;
    assert_eq!(site.tabs.first().map(|t| t.label.as_str()), Some("Home"));
    b.logout().await.unwrap();

    login(b, "admin@trellis.test").await;
    let draft = b.draft().await.expect("draft");
    assert!(!draft.has_unpublished_changes);
    let mut site = draft.site.clone();
    site.tabs[1].label = "My leads".into();
    let saved = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: site.clone(),
        })
        .await
        .expect("save");
    assert_eq!(saved.version, draft.version + 1);
    assert!(saved.has_unpublished_changes);
    assert_eq!(saved.site, site);
    let stale = b
        .save_draft(&SaveDraft {
            base_version: draft.version,
            site: draft.site.clone(),
        })
        .await;
    assert_eq!(code(stale), ErrorCode::Conflict);
    assert_eq!(
        b.draft().await.expect("draft").site,
        site,
        "the stale save changed nothing"
    );
    site.tabs[0].label = " ".into();
    let invalid = b
        .save_draft(&SaveDraft {
            base_version: saved.version,
            site,
        })
        .await
        .expect_err("invalid");
    assert!(invalid
        .api()
        .and_then(|e| e.field("site.tabs[0].label"))
        .is_some());
    let published = b.community().await.expect("published");
    assert_eq!(
        published.site.tabs[1].label, "Leads",
        "partners keep seeing the published version"
    );
}

async fn user_management_rules(b: &dyn PrmBackend) {
    let input = UserInput {
        email: "new.rep@acme.test".into(),
        name: "New Rep".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc_acme".into()),
        active: true,
        password: Some("correct-horse-battery".into()),
    };
    login(b, "partner@acme.test").await;
    assert_eq!(code(b.create_user(&input).await), ErrorCode::Forbidden);
    b.logout().await.unwrap();
    login(b, "channel@trellis.test").await;
    let admin = UserInput {
        role: Role::Admin,
        partner_account_id: None,
        ..input.clone()
    };
    assert_eq!(
        code(b.create_user(&admin).await),
        ErrorCode::Forbidden,
        "only admins create staff"
    );
    let user = b.create_user(&input).await.expect("create");
    assert_eq!(code(b.create_user(&input).await), ErrorCode::Conflict);
    b.update_user(
        &user.id,
        &UserInput {
            active: false,
            password: None,
            ..input.clone()
        },
    )
    .await
    .expect("deactivate");
    b.logout().await.unwrap();
    let login = b
        .login(&LoginRequest {
            email: input.email.clone(),
            password: "correct-horse-battery".into(),
        })
        .await;
    assert_eq!(
        code(login),
        ErrorCode::InvalidCredentials,
        "deactivated users cannot log in"
    );
}

macro_rules! conformance {
    ($($scenario:ident),* $(,)?) => {
        mod http_backend {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let server = super::start_server().await;
                    let backend = super::HttpBackend::new(server.url.clone());
                    super::$scenario(&backend).await;
                }
            )*
        }
        mod demo_backend {
            $(
                #[tokio::test]
                async fn $scenario() {
                    super::$scenario(&super::DemoBackend::new()).await;
                }
            )*
        }
    };
}

conformance!(
    wrong_password_and_unknown_email_answer_alike,
    session_lifecycle,
    partners_see_exactly_their_scope,
    staff_see_everything,
    filters_and_search,
    partner_creates_and_edits_own_records,
    staff_assign_leads_to_partner_accounts_only,
    draft_saves_are_versioned,
    user_management_rules,
);
