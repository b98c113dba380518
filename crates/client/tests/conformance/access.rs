//! Who may log in and what each role sees.

use trellis_api::seed::{demo_data, DEMO_PASSWORD};
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, lead_input, login};

pub async fn wrong_password_and_unknown_email_answer_alike(b: &dyn PrmBackend) {
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

pub async fn session_lifecycle(b: &dyn PrmBackend) {
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
    assert_eq!(
        code(b.logout_everywhere().await),
        ErrorCode::Unauthenticated,
        "logging out everywhere needs a session"
    );
    login(b, "partner@acme.test").await;
    b.logout_everywhere().await.expect("logout everywhere");
    assert_eq!(code(b.me().await), ErrorCode::Unauthenticated);
}

pub async fn partners_see_exactly_their_scope(b: &dyn PrmBackend) {
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
    // Their own leads, plus the account's inbox of leads nobody has accepted yet.
    let expected = data
        .leads
        .iter()
        .filter(|l| {
            l.owner_user_id.as_deref() == Some("usr_acme_rep")
                || (l.partner_account_id.as_deref() == Some("acc_acme")
                    && l.status == LeadStatus::Assigned)
        })
        .count();
    assert!(expected > 0);
    assert_eq!(own.len(), expected);
    assert!(own
        .iter()
        .all(|l| l.partner_account_id.as_deref() == Some("acc_acme")));
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

pub async fn staff_see_everything(b: &dyn PrmBackend) {
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

pub async fn user_management_rules(b: &dyn PrmBackend) {
    let input = UserInput {
        email: "new.rep@acme.test".into(),
        name: "New Rep".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc_acme".into()),
        active: true,
        password: Some("correct-horse-battery".into()),
        manager_id: None,
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
    let shouted = UserInput {
        email: "NEW.REP@acme.test".into(),
        ..input.clone()
    };
    let taken = b.create_user(&shouted).await.expect_err("email in use");
    let api = taken.api().expect("typed error");
    assert_eq!(api.code, ErrorCode::Conflict);
    assert_eq!(api.field_errors[0].field, "email", "{api:?}");
    let onto_another = UserInput {
        email: "rep@acme.test".into(),
        password: None,
        ..input.clone()
    };
    let taken = b
        .update_user(&user.id, &onto_another)
        .await
        .expect_err("taken");
    assert_eq!(taken.api().expect("typed").field_errors[0].field, "email");
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

pub async fn partner_managers_see_their_teams_records(b: &dyn PrmBackend) {
    let data = demo_data(0);
    let team = ["usr_acme_mgr", "usr_acme_rep"];
    let in_team = |owner: &Option<String>| owner.as_deref().is_some_and(|o| team.contains(&o));
    login(b, "manager@acme.test").await;
    let leads = all_leads(b, ListQuery::default()).await;
    let expected = data
        .leads
        .iter()
        .filter(|l| l.partner_account_id.as_deref() == Some("acc_acme"))
        .filter(|l| in_team(&l.owner_user_id) || l.status == LeadStatus::Assigned)
        .count();
    assert_eq!(
        leads.len(),
        expected,
        "the team's leads and the account's inbox"
    );
    let opps = b
        .list_opportunities(&ListQuery {
            limit: Some(200),
            ..Default::default()
        })
        .await
        .unwrap()
        .items;
    assert!(!opps.is_empty());
    assert!(
        opps.iter().all(|o| in_team(&o.owner_user_id)),
        "no one else's pipeline"
    );
    let executives = data
        .opportunities
        .iter()
        .find(|o| o.owner_user_id.as_deref() == Some("usr_acme_exec"))
        .unwrap();
    assert_eq!(
        code(b.get_opportunity(&executives.id).await),
        ErrorCode::NotFound
    );
    let reps = data
        .opportunities
        .iter()
        .find(|o| o.owner_user_id.as_deref() == Some("usr_acme_rep"))
        .unwrap();
    assert!(
        b.get_opportunity(&reps.id).await.is_ok(),
        "the rep reports to them"
    );
    b.logout().await.unwrap();

    login(b, "rep@acme.test").await;
    assert!(b.get_opportunity(&reps.id).await.is_ok());
    assert_eq!(
        code(b.get_opportunity(&executives.id).await),
        ErrorCode::NotFound,
        "a rep sees only their own"
    );
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let mut input = UserInput {
        email: "team.rep@acme.test".into(),
        name: "Team Rep".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc_acme".into()),
        active: true,
        password: Some("correct-horse-battery".into()),
        manager_id: Some("usr_acme_exec".into()),
    };
    let err = b.create_user(&input).await.unwrap_err();
    assert_eq!(
        err.api().and_then(|e| e.field("manager_id")),
        Some("must be an active partner manager")
    );
    input.partner_account_id = Some("acc_bluebird".into());
    input.manager_id = Some("usr_acme_mgr".into());
    let err = b.create_user(&input).await.unwrap_err();
    assert_eq!(
        err.api().and_then(|e| e.field("manager_id")),
        Some("must work for the same partner account")
    );
    input.partner_account_id = Some("acc_acme".into());
    let made = b.create_user(&input).await.expect("a new team member");
    assert_eq!(made.manager_id.as_deref(), Some("usr_acme_mgr"));
}
