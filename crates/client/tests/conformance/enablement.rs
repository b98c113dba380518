//! Training, surveys and reports: the same rules and figures on every backend.

use trellis_api::reports::{ReportKind, ReportQuery};
use trellis_api::surveys::{SurveyAnswer, SurveyInput};
use trellis_api::training::{ModuleInput, ProgressStatus, QuizAnswers};
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::{all_leads, code, login};

pub async fn training_quizzes_grant_one_certificate(b: &dyn PrmBackend) {
    login(b, "partner@cedar.test").await;
    let modules = b.list_modules().await.expect("modules");
    let ids: Vec<&str> = modules.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["trn_onboarding", "trn_selling"],
        "security is for Silver and Gold"
    );
    assert!(modules
        .iter()
        .flat_map(|m| &m.quiz)
        .all(|q| q.correct.is_none()));
    assert_eq!(modules[0].progress.status, ProgressStatus::Passed);
    let wrong = b
        .submit_quiz(
            "trn_selling",
            &QuizAnswers {
                answers: vec![0, 0],
            },
        )
        .await
        .expect("marked");
    assert_eq!((wrong.score, wrong.passed), (0, false));
    assert!(wrong.certificate.is_none());
    assert_eq!(wrong.progress.status, ProgressStatus::Attempted);
    let short = QuizAnswers { answers: vec![1] };
    assert_eq!(
        code(b.submit_quiz("trn_selling", &short).await),
        ErrorCode::Validation
    );
    assert_eq!(
        code(
            b.submit_quiz(
                "trn_security",
                &QuizAnswers {
                    answers: vec![1, 1]
                }
            )
            .await
        ),
        ErrorCode::NotFound
    );
    let right = QuizAnswers {
        answers: vec![1, 1],
    };
    let pass = b.submit_quiz("trn_selling", &right).await.expect("pass");
    assert_eq!((pass.score, pass.passed), (100, true));
    assert_eq!(pass.correct, [true, true]);
    assert_eq!(pass.progress.attempts, 2);
    let cert = pass.certificate.expect("certificate");
    assert_eq!(
        (cert.user_name.as_str(), cert.account_name.as_str()),
        ("Cam Cedar", "Cedar IT")
    );
    let again = b.submit_quiz("trn_selling", &right).await.expect("again");
    assert_eq!(
        again.certificate.map(|c| c.id),
        Some(cert.id.clone()),
        "one certificate"
    );
    let certs = b.list_certificates().await.expect("certificates");
    let titles: Vec<&str> = certs.iter().map(|c| c.module_title.as_str()).collect();
    assert_eq!(
        titles,
        ["Selling Trellis Cloud", "Partner program essentials"]
    );
    let mut input = ModuleInput {
        title: "Pricing".into(),
        summary: String::new(),
        body: "Prices *change*.".into(),
        minutes: 5,
        faqs: vec![],
        quiz: modules[1].quiz.clone(),
        pass_percent: 70,
        audience: Audience::default(),
    };
    input.quiz[0].correct = Some(0);
    input.quiz[1].correct = Some(0);
    assert_eq!(code(b.create_module(&input).await), ErrorCode::Forbidden);
    b.logout().await.unwrap();

    login(b, "rep@acme.test").await;
    assert!(
        b.list_certificates().await.unwrap().is_empty(),
        "the rep holds none"
    );
    b.logout().await.unwrap();
    login(b, "partner@acme.test").await;
    let acme = b.list_certificates().await.unwrap();
    assert_eq!(acme.len(), 2);
    assert!(acme
        .iter()
        .all(|c| c.partner_account_id.as_deref() == Some("acc_acme")));
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let all = b.list_modules().await.unwrap();
    assert_eq!(all.len(), 3);
    assert!(all
        .iter()
        .flat_map(|m| &m.quiz)
        .all(|q| q.correct.is_some()));
    let mut bad = input.clone();
    bad.quiz[0].correct = Some(9);
    let err = b.create_module(&bad).await.unwrap_err();
    assert!(
        err.api().and_then(|e| e.field("quiz[0].correct")).is_some(),
        "{err}"
    );
    let made = b.create_module(&input).await.expect("create");
    input.title = "Pricing 2027".into();
    let edited = b.update_module(&made.id, &input).await.expect("update");
    assert_eq!(edited.title, "Pricing 2027");
    assert_eq!(b.list_modules().await.unwrap().len(), 4);
    assert_eq!(
        code(b.update_module("trn_nope", &input).await),
        ErrorCode::NotFound
    );
}

pub async fn surveys_take_one_answer_per_partner_user(b: &dyn PrmBackend) {
    login(b, "rep@acme.test").await;
    let surveys = b.list_surveys().await.expect("surveys");
    assert_eq!(surveys[0].id, "srv_q4");
    assert!(surveys[0].open && surveys[0].my_answer.is_none());
    let bad = SurveyAnswer {
        score: 11,
        comment: String::new(),
    };
    assert_eq!(
        code(b.answer_survey("srv_q4", &bad).await),
        ErrorCode::Validation
    );
    let answer = SurveyAnswer {
        score: 9,
        comment: "Great lead quality".into(),
    };
    let done = b.answer_survey("srv_q4", &answer).await.expect("answer");
    assert_eq!(done.my_answer, Some(answer.clone()));
    assert_eq!(
        code(b.answer_survey("srv_q4", &answer).await),
        ErrorCode::Conflict
    );
    assert_eq!(
        code(b.answer_survey("srv_q3", &answer).await),
        ErrorCode::Conflict
    );
    assert_eq!(code(b.survey_results("srv_q4").await), ErrorCode::Forbidden);
    let input = SurveyInput {
        title: "Q1".into(),
        question: "Recommend us?".into(),
    };
    assert_eq!(code(b.create_survey(&input).await), ErrorCode::Forbidden);
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    assert_eq!(
        code(b.answer_survey("srv_q4", &answer).await),
        ErrorCode::Forbidden
    );
    let r = b.survey_results("srv_q4").await.expect("results");
    assert_eq!(
        (r.responses, r.promoters, r.passives, r.detractors),
        (3, 2, 1, 0)
    );
    assert_eq!(r.nps, Some(67));
    assert_eq!(r.comments[0].comment, "Great lead quality");
    assert_eq!(r.comments[0].account_name, "Acme Solutions");
    let made = b.create_survey(&input).await.expect("create");
    assert!(made.open);
    assert!(!b.close_survey(&made.id).await.expect("close").open);
    assert_eq!(
        code(b.survey_results("srv_nope").await),
        ErrorCode::NotFound
    );
}

fn total(reports: &[reports::Report], kind: ReportKind) -> i64 {
    let r = reports.iter().find(|r| r.kind == kind).expect("report");
    r.rows.iter().map(|row| row.values[0]).sum()
}

pub async fn reports_count_only_what_the_viewer_sees(b: &dyn PrmBackend) {
    let all_time = ReportQuery::default();
    login(b, "rep@bluebird.test").await;
    let mine = b.reports(&all_time).await.expect("reports");
    assert_eq!(mine.len(), 5, "no program reports for partners");
    let leads = all_leads(b, ListQuery::default()).await;
    assert_eq!(total(&mine, ReportKind::LeadsByStatus), leads.len() as i64);
    let deals = b
        .list_deals(&ListQuery {
            limit: Some(200),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        total(&mine, ReportKind::DealsByStatus),
        deals.items.len() as i64
    );
    let future = ReportQuery {
        from: Some("2999-01-01".into()),
        to: None,
    };
    let none = b.reports(&future).await.unwrap();
    assert_eq!(total(&none, ReportKind::LeadsByStatus), 0);
    let backwards = ReportQuery {
        from: Some("2026-02-01".into()),
        to: Some("2026-01-01".into()),
    };
    assert_eq!(code(b.reports(&backwards).await), ErrorCode::Validation);
    b.logout().await.unwrap();

    login(b, "channel@trellis.test").await;
    let staff = b.reports(&all_time).await.unwrap();
    assert_eq!(staff.len(), 12);
    let everyone = all_leads(b, ListQuery::default()).await;
    assert_eq!(
        total(&staff, ReportKind::LeadsByStatus),
        everyone.len() as i64
    );
    assert!(total(&staff, ReportKind::LeadsByStatus) > leads.len() as i64);
    let nps = staff.iter().find(|r| r.kind == ReportKind::Nps).unwrap();
    assert_eq!(
        nps.headline.as_deref(),
        Some("NPS 50 (Partner satisfaction Q4)")
    );
    let approvals = staff
        .iter()
        .find(|r| r.kind == ReportKind::ApprovalTimes)
        .unwrap();
    assert!(approvals.rows.iter().map(|r| r.values[0]).sum::<i64>() > 0);
}
