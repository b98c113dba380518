//! Rules the API fuzzer found missing (issue 13), on every backend: the last administrator stays,
//! amounts have a maximum and totals never wrap, required text needs a visible character, and a
//! page size outside 1 to 200 is refused.

use trellis_api::reports::{ReportKind, ReportQuery};
use trellis_api::validate::MAX_AMOUNT;

use super::*;

fn me_as_input(me: &User) -> UserInput {
    UserInput {
        email: me.email.clone(),
        name: me.name.clone(),
        role: me.role,
        partner_account_id: me.partner_account_id.clone(),
        active: me.active,
        password: None,
        manager_id: me.manager_id.clone(),
    }
}

pub async fn the_last_active_administrator_stays_one(b: &dyn PrmBackend) {
    let me = login(b, "admin@trellis.test").await.user;
    for change in [
        UserInput {
            active: false,
            ..me_as_input(&me)
        },
        UserInput {
            role: Role::ChannelManager,
            ..me_as_input(&me)
        },
    ] {
        let refused = b.update_user(&me.id, &change).await.expect_err("refused");
        assert_eq!(refused.code(), Some(ErrorCode::Conflict));
        assert!(
            refused.message().contains("last active administrator"),
            "{refused}"
        );
    }
    assert!(b.me().await.is_ok(), "still signed in");
    let second = UserInput {
        email: "second.admin@trellis.test".into(),
        name: "Second Admin".into(),
        role: Role::Admin,
        partner_account_id: None,
        active: true,
        password: Some("a-long-enough-password".into()),
        manager_id: None,
    };
    b.create_user(&second).await.expect("second administrator");
    let demoted = b
        .update_user(
            &me.id,
            &UserInput {
                role: Role::ChannelManager,
                ..me_as_input(&me)
            },
        )
        .await
        .expect("another administrator remains");
    assert_eq!(demoted.role, Role::ChannelManager);
}

fn opportunity(amount: i64) -> OpportunityInput {
    OpportunityInput {
        name: "Max deal".into(),
        account_name: "Globex".into(),
        product: String::new(),
        stage: Stage::Proposal,
        amount,
        currency: "EUR".into(),
        close_date: "2027-03-01".into(),
        probability: 50,
        next_step: String::new(),
        partner_account_id: None,
    }
}

pub async fn amounts_have_a_maximum_and_totals_never_wrap(b: &dyn PrmBackend) {
    login(b, "partner@cedar.test").await;
    for too_large in [MAX_AMOUNT + 1, i64::MAX] {
        let refused = b.create_opportunity(&opportunity(too_large)).await;
        assert_eq!(code(refused), ErrorCode::Validation, "{too_large}");
    }
    let before = proposal_total(b).await;
    b.create_opportunity(&opportunity(MAX_AMOUNT))
        .await
        .unwrap();
    b.create_opportunity(&opportunity(MAX_AMOUNT))
        .await
        .unwrap();
    assert_eq!(proposal_total(b).await, before + 2 * MAX_AMOUNT);
}

/// The EUR total of the Proposal row of the pipeline report, all time.
async fn proposal_total(b: &dyn PrmBackend) -> i64 {
    let reports = b.reports(&ReportQuery::default()).await.expect("reports");
    let pipeline = reports
        .iter()
        .find(|r| r.kind == ReportKind::PipelineByStage)
        .expect("pipeline report");
    let eur = pipeline
        .columns
        .iter()
        .position(|c| c.currency.as_deref() == Some("EUR"));
    let row = pipeline
        .rows
        .iter()
        .find(|r| r.label == "Proposal")
        .expect("proposal row");
    eur.map_or(0, |i| row.values[i])
}

pub async fn required_text_needs_a_visible_character(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    for invisible in ["\u{0}", "\u{200b}\u{feff}", "\u{85}\u{a0}", "  \t\n"] {
        let input = LeadInput {
            company: invisible.into(),
            ..lead_input()
        };
        let refused = b.create_lead(&input).await.expect_err("refused");
        assert_eq!(refused.code(), Some(ErrorCode::Validation), "{invisible:?}");
        let api = refused.api().expect("typed");
        assert_eq!(api.field_errors[0].field, "company");
    }
    let visible = LeadInput {
        company: "\u{200b}Ünïcode GmbH".into(),
        ..lead_input()
    };
    b.create_lead(&visible)
        .await
        .expect("a visible character is enough");
}

pub async fn page_sizes_outside_the_range_are_refused(b: &dyn PrmBackend) {
    login(b, "partner@acme.test").await;
    for limit in [0, ListQuery::MAX_LIMIT + 1] {
        let query = ListQuery {
            limit: Some(limit),
            ..Default::default()
        };
        let refused = b.list_leads(&query).await.expect_err("refused");
        assert_eq!(refused.code(), Some(ErrorCode::Validation), "{limit}");
        assert_eq!(refused.api().unwrap().field_errors[0].field, "limit");
    }
    let full = ListQuery {
        limit: Some(ListQuery::MAX_LIMIT),
        ..Default::default()
    };
    assert!(b.list_leads(&full).await.is_ok());
}
