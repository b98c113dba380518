//! The demo organisation's training modules, quiz attempts, certificates, and partner surveys.

use crate::datetime::timestamp;
use crate::surveys::{Survey, SurveyResponse};
use crate::training::{Attempt, Certificate, Faq, QuizQuestion, TrainingModule};
use crate::Audience;

/// Training content and who has taken it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DemoTraining {
    pub modules: Vec<TrainingModule>,
    pub attempts: Vec<Attempt>,
    pub certificates: Vec<Certificate>,
}

/// Surveys and their answers.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DemoSurveys {
    pub surveys: Vec<Survey>,
    pub responses: Vec<SurveyResponse>,
}

fn q(prompt: &str, choices: &[&str], correct: u32) -> QuizQuestion {
    QuizQuestion {
        prompt: prompt.into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        correct: Some(correct),
    }
}

fn faq(question: &str, answer: &str) -> Faq {
    Faq {
        question: question.into(),
        answer: answer.into(),
    }
}

const ONBOARDING: &str = "\
## Welcome to the partner program

This module explains how **deal registration**, lead acceptance and market development \
funds work, so your team gets paid for the pipeline it builds.

### Register early

1. Register the deal as soon as the customer has a budget and a date.
2. Wait for approval: the channel team answers within *two working days*.
3. An approval protects the deal for **90 days**.

### Accept leads quickly

Leads you do not accept before their deadline go back to the pool. Declining with a reason \
helps the channel team route the next one better.

> Tip: the lead inbox shows each lead's age and deadline.

See the [partner program guide](https://example.com/partner-guide) for the full rules.
";

const SELLING: &str = "\
## Selling Trellis Cloud

| Customer size | Best edition |
|---|---|
| Up to 50 people | Essentials |
| 50–500 people | Business |
| Over 500 people | Enterprise |

### Three questions to ask

- How do you manage partners today (spreadsheets, email, a portal)?
- Who approves a partner's deal registration?
- How do you measure partner performance?

`Business` includes the pipeline board and MDF; `Essentials` does not.
";

const SECURITY: &str = "\
## Security conversations

Customers ask where data lives and who can see it. Trellis keeps every partner's records \
apart: a reseller never sees another reseller's leads or deals.

### Answering a questionnaire

- Data is stored in the customer's own database.
- Passwords are hashed with *argon2id*.
- Every change of money or tier is recorded with who and when.
";

/// Three modules, with some users part way and some certified, as of `now`.
pub fn demo_training(now: i64) -> DemoTraining {
    let day = 86_400;
    let module =
        |id: &str, title: &str, summary: &str, body: &str, minutes, faqs, quiz, audience| {
            TrainingModule {
                id: id.into(),
                title: title.into(),
                summary: summary.into(),
                body: body.into(),
                body_html: String::new(),
                minutes,
                faqs,
                quiz,
                pass_percent: 70,
                audience,
                progress: Default::default(),
                updated_at: timestamp(now - 60 * day),
            }
        };
    let modules = vec![
        module(
            "trn_onboarding",
            "Partner program essentials",
            "Deal registration, lead acceptance and funds in fifteen minutes.",
            ONBOARDING,
            15,
            vec![
                faq(
                    "How long does an approval protect a deal?",
                    "90 days from approval, unless the channel team sets another period.",
                ),
                faq(
                    "What happens to a lead I ignore?",
                    "It returns to the pool after its acceptance deadline.",
                ),
            ],
            vec![
                q(
                    "How long does an approved registration protect a deal by default?",
                    &["30 days", "90 days", "One year"],
                    1,
                ),
                q(
                    "What happens to a lead not accepted before its deadline?",
                    &[
                        "It is deleted",
                        "It returns to the pool",
                        "It is accepted for you",
                    ],
                    1,
                ),
                q(
                    "When should you register a deal?",
                    &[
                        "After it closes",
                        "When the customer has a budget and a date",
                        "Never",
                    ],
                    1,
                ),
            ],
            Audience::default(),
        ),
        module(
            "trn_selling",
            "Selling Trellis Cloud",
            "Editions, discovery questions and positioning.",
            SELLING,
            20,
            vec![faq(
                "Which edition includes MDF?",
                "Business and Enterprise.",
            )],
            vec![
                q(
                    "Which edition fits a 200-person company?",
                    &["Essentials", "Business", "Enterprise"],
                    1,
                ),
                q(
                    "Does Essentials include the pipeline board?",
                    &["Yes", "No"],
                    1,
                ),
            ],
            Audience::default(),
        ),
        module(
            "trn_security",
            "Security conversations",
            "Answer customers' security questions with confidence (Silver and Gold).",
            SECURITY,
            10,
            vec![],
            vec![
                q(
                    "Can one reseller see another reseller's deals?",
                    &["Yes", "No"],
                    1,
                ),
                q(
                    "How are passwords stored?",
                    &[
                        "In plain text",
                        "Hashed with argon2id",
                        "Encrypted with a shared key",
                    ],
                    1,
                ),
            ],
            Audience {
                tiers: vec!["tier_silver".into(), "tier_gold".into()],
                roles: vec![],
            },
        ),
    ];
    let attempt = |module: &str, user: &str, account: &str, score, days_ago: i64| Attempt {
        module_id: module.into(),
        user_id: user.into(),
        partner_account_id: Some(account.into()),
        score,
        passed: score >= 70,
        at: timestamp(now - days_ago * day),
    };
    let attempts = vec![
        attempt("trn_onboarding", "usr_acme_exec", "acc_acme", 100, 50),
        attempt("trn_selling", "usr_acme_exec", "acc_acme", 50, 40),
        attempt("trn_selling", "usr_acme_exec", "acc_acme", 100, 39),
        attempt("trn_onboarding", "usr_acme_rep", "acc_acme", 33, 12),
        attempt("trn_onboarding", "usr_blue_exec", "acc_bluebird", 67, 20),
        attempt("trn_onboarding", "usr_blue_exec", "acc_bluebird", 100, 19),
        attempt("trn_onboarding", "usr_cedar_exec", "acc_cedar", 100, 5),
    ];
    let names = [
        ("usr_acme_exec", "Pat Partner"),
        ("usr_blue_exec", "Blair Bluebird"),
        ("usr_cedar_exec", "Cam Cedar"),
    ];
    let certificates = attempts
        .iter()
        .filter(|a| a.passed)
        .enumerate()
        .map(|(i, a)| Certificate {
            id: format!("cert_{:03}", i + 1),
            module_id: a.module_id.clone(),
            module_title: modules
                .iter()
                .find(|m| m.id == a.module_id)
                .map(|m| m.title.clone())
                .unwrap_or_default(),
            user_id: a.user_id.clone(),
            user_name: names
                .iter()
                .find(|(id, _)| *id == a.user_id)
                .map(|(_, n)| n.to_string())
                .unwrap_or_default(),
            partner_account_id: a.partner_account_id.clone(),
            account_name: match a.partner_account_id.as_deref() {
                Some("acc_acme") => "Acme Solutions",
                Some("acc_bluebird") => "Bluebird Distribution",
                Some("acc_cedar") => "Cedar IT",
                _ => "",
            }
            .into(),
            score: a.score,
            issued_on: a.at[..10].to_string(),
        })
        .collect();
    DemoTraining {
        modules,
        attempts,
        certificates,
    }
}

/// Last quarter's closed survey with answers, and this quarter's open one.
pub fn demo_surveys(now: i64) -> DemoSurveys {
    let day = 86_400;
    let survey = |id: &str, title: &str, open, days_ago: i64| Survey {
        id: id.into(),
        title: title.into(),
        question: "How likely are you to recommend our partner program to a peer?".into(),
        open,
        created_at: timestamp(now - days_ago * day),
        my_answer: None,
    };
    let answer = |survey: &str,
                  user: &str,
                  account: &str,
                  name: &str,
                  score,
                  comment: &str,
                  days_ago: i64| {
        SurveyResponse {
            survey_id: survey.into(),
            user_id: user.into(),
            partner_account_id: Some(account.into()),
            account_name: name.into(),
            score,
            comment: comment.into(),
            answered_at: timestamp(now - days_ago * day),
        }
    };
    DemoSurveys {
        surveys: vec![
            survey("srv_q3", "Partner satisfaction Q3", false, 100),
            survey("srv_q4", "Partner satisfaction Q4", true, 10),
        ],
        responses: vec![
            answer(
                "srv_q3",
                "usr_acme_exec",
                "acc_acme",
                "Acme Solutions",
                9,
                "Deal approvals are fast.",
                95,
            ),
            answer(
                "srv_q3",
                "usr_blue_exec",
                "acc_bluebird",
                "Bluebird Distribution",
                6,
                "MDF claims take too long to be paid.",
                94,
            ),
            answer(
                "srv_q3",
                "usr_cedar_exec",
                "acc_cedar",
                "Cedar IT",
                8,
                "",
                90,
            ),
            answer(
                "srv_q4",
                "usr_acme_mgr",
                "acc_acme",
                "Acme Solutions",
                10,
                "The new portal is much easier.",
                6,
            ),
            answer(
                "srv_q4",
                "usr_blue_rep",
                "acc_bluebird",
                "Bluebird Distribution",
                7,
                "",
                3,
            ),
        ],
    }
}
