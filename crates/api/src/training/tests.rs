use super::{
    progress, Attempt, Audience, ModuleInput, ProgressStatus, QuizAnswers, QuizQuestion, Role,
    TrainingModule, Validate,
};

fn input() -> ModuleInput {
    ModuleInput {
        title: "Selling Trellis Cloud".into(),
        summary: "Positioning".into(),
        body: "# Why\n\nBecause.".into(),
        minutes: 15,
        faqs: vec![],
        quiz: vec![
            QuizQuestion {
                prompt: "Best customer?".into(),
                choices: vec!["SME".into(), "Nobody".into()],
                correct: Some(0),
            },
            QuizQuestion {
                prompt: "Price?".into(),
                choices: vec!["Free".into(), "Costly".into(), "Unknown".into()],
                correct: Some(0),
            },
        ],
        pass_percent: 70,
        audience: Audience::default(),
    }
}

fn attempt(score: u32, passed: bool) -> Attempt {
    Attempt {
        module_id: "m1".into(),
        user_id: "u1".into(),
        partner_account_id: None,
        score,
        passed,
        at: "2026-11-01T00:00:00Z".into(),
    }
}

#[test]
fn a_module_needs_a_quiz_whose_answers_are_among_the_choices() {
    assert!(input().validate().is_empty());
    let mut bad = input();
    bad.quiz[1].correct = Some(3);
    bad.quiz[0].choices = vec!["only one".into()];
    bad.pass_percent = 0;
    let fields: Vec<String> = bad.validate().into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        ["pass_percent", "quiz[0].choices", "quiz[1].correct"]
    );
    bad.quiz.clear();
    assert!(bad.validate().iter().any(|e| e.field == "quiz"));
}

#[test]
fn partners_never_receive_the_answers_but_staff_do() {
    let m = TrainingModule::from_input("m1".into(), input(), String::new());
    let partner = m.clone().for_viewer(Role::PartnerUser, &[]);
    assert!(partner.quiz.iter().all(|q| q.correct.is_none()));
    let json = serde_json::to_string(&partner).unwrap();
    assert!(!json.contains("correct"), "{json}");
    let staff = m.for_viewer(Role::ChannelManager, &[]);
    assert_eq!(staff.quiz[0].correct, Some(0));
}

#[test]
fn every_viewer_gets_the_body_rendered() {
    let mut m = TrainingModule::from_input("m1".into(), input(), String::new());
    m.body = "## Start\n\n<script>x()</script>".into();
    assert!(m.body_html.is_empty());
    let shown = m.for_viewer(Role::PartnerUser, &[]);
    assert_eq!(
        shown.body_html,
        "<h2>Start</h2>\n&lt;script&gt;x()&lt;/script&gt;"
    );
}

#[test]
fn marking_counts_right_answers_and_needs_every_answer() {
    let m = TrainingModule::from_input("m1".into(), input(), String::new());
    assert_eq!(
        m.mark(&QuizAnswers {
            answers: vec![0, 1]
        })
        .unwrap(),
        (50, vec![true, false])
    );
    assert_eq!(
        m.mark(&QuizAnswers {
            answers: vec![0, 0]
        })
        .unwrap()
        .0,
        100
    );
    let err = m.mark(&QuizAnswers { answers: vec![0] }).unwrap_err();
    assert_eq!(err.field("answers"), Some("must answer all 2 questions"));
}

#[test]
fn progress_keeps_the_best_score_and_stays_passed() {
    assert_eq!(progress([].iter()).status, ProgressStatus::NotStarted);
    let p = progress([attempt(50, false)].iter());
    assert_eq!(
        (p.status, p.attempts, p.best_score),
        (ProgressStatus::Attempted, 1, Some(50))
    );
    let p = progress([attempt(100, true), attempt(0, false)].iter());
    assert_eq!(
        (p.status, p.attempts, p.best_score),
        (ProgressStatus::Passed, 2, Some(100))
    );
}
