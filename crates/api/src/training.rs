//! Training: modules with markdown content, FAQs and a short quiz; passing grants a certificate.

use crate::{ApiError, Audience, FieldError, Owned, Role, Validate, MAX_NOTES, MAX_TEXT};
use serde::{Deserialize, Serialize};

use crate::validate::Errors;

/// Longest module body accepted, in characters (markdown).
pub const MAX_BODY: usize = 50_000;
/// Most quiz questions or FAQs in one module.
pub const MAX_ITEMS: usize = 20;
/// Score needed to pass when a module does not say.
pub const DEFAULT_PASS_PERCENT: u32 = 70;

/// A question partners often ask, with its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// A multiple-choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuizQuestion {
    pub prompt: String,
    pub choices: Vec<String>,
    /// Index of the right choice; only vendor staff receive it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<u32>,
}

/// Where a user stands in a module.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    #[default]
    NotStarted,
    /// Took the quiz without passing yet.
    Attempted,
    Passed,
}

/// The viewer's progress in one module.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    pub status: ProgressStatus,
    pub attempts: u32,
    /// Best score so far, in percent.
    pub best_score: Option<u32>,
}

/// A training module as the viewer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingModule {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Markdown, as authored.
    pub body: String,
    /// `body` rendered as safe HTML by the backend (`markdown::to_safe_html`); what partners see.
    #[serde(default)]
    pub body_html: String,
    pub minutes: u32,
    pub faqs: Vec<Faq>,
    pub quiz: Vec<QuizQuestion>,
    /// Score needed to pass, in percent.
    pub pass_percent: u32,
    pub audience: Audience,
    pub progress: Progress,
    pub updated_at: String,
}

/// Fields of a new or edited module (vendor staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModuleInput {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub body: String,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub faqs: Vec<Faq>,
    pub quiz: Vec<QuizQuestion>,
    #[serde(default = "default_pass")]
    pub pass_percent: u32,
    #[serde(default)]
    pub audience: Audience,
}

fn default_pass() -> u32 {
    DEFAULT_PASS_PERCENT
}

impl Validate for ModuleInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("title", &self.title, MAX_TEXT);
        e.max("summary", &self.summary, MAX_NOTES);
        e.required("body", &self.body, MAX_BODY);
        if self.minutes > 600 {
            e.add("minutes", "must be at most 600");
        }
        if !(1..=100).contains(&self.pass_percent) {
            e.add("pass_percent", "must be between 1 and 100");
        }
        if self.faqs.len() > MAX_ITEMS {
            e.add("faqs", &format!("must be at most {MAX_ITEMS}"));
        }
        for (i, f) in self.faqs.iter().enumerate() {
            e.required(&format!("faqs[{i}].question"), &f.question, MAX_TEXT);
            e.required(&format!("faqs[{i}].answer"), &f.answer, MAX_NOTES);
        }
        if self.quiz.is_empty() || self.quiz.len() > MAX_ITEMS {
            e.add(
                "quiz",
                &format!("needs between 1 and {MAX_ITEMS} questions"),
            );
        }
        for (i, q) in self.quiz.iter().enumerate() {
            let at = format!("quiz[{i}]");
            e.required(&format!("{at}.prompt"), &q.prompt, MAX_TEXT);
            if !(2..=6).contains(&q.choices.len()) {
                e.add(&format!("{at}.choices"), "needs between 2 and 6 choices");
            }
            for (j, c) in q.choices.iter().enumerate() {
                e.required(&format!("{at}.choices[{j}]"), c, MAX_TEXT);
            }
            if q.correct.is_none_or(|c| (c as usize) >= q.choices.len()) {
                e.add(&format!("{at}.correct"), "must name one of the choices");
            }
        }
        e.0
    }
}

/// A user's answers to a module's quiz, one choice index per question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuizAnswers {
    pub answers: Vec<u32>,
}

/// The marked quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuizResult {
    /// Percent of questions answered right.
    pub score: u32,
    pub passed: bool,
    /// Per question, whether the answer was right.
    pub correct: Vec<bool>,
    /// Granted now or earlier, when passed.
    pub certificate: Option<Certificate>,
    pub progress: Progress,
}

/// Proof that a user passed a module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    pub id: String,
    pub module_id: String,
    pub module_title: String,
    pub user_id: String,
    pub user_name: String,
    pub partner_account_id: Option<String>,
    /// The partner account's name (empty for staff).
    #[serde(default)]
    pub account_name: String,
    pub score: u32,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
}

/// One stored quiz attempt (what progress and reports are computed from).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub module_id: String,
    pub user_id: String,
    pub partner_account_id: Option<String>,
    pub score: u32,
    pub passed: bool,
    pub at: String,
}

impl TrainingModule {
    /// Builds a module from its input (staff), keeping answers.
    pub fn from_input(id: String, input: ModuleInput, updated_at: String) -> Self {
        TrainingModule {
            id,
            title: input.title.trim().into(),
            summary: input.summary.trim().into(),
            body: input.body,
            body_html: String::new(),
            minutes: input.minutes,
            faqs: input.faqs,
            quiz: input.quiz,
            pass_percent: input.pass_percent,
            audience: input.audience,
            progress: Progress::default(),
            updated_at,
        }
    }

    /// The module as `role` with these attempts of theirs sees it: partners never get the answers.
    pub fn for_viewer(mut self, role: Role, own_attempts: &[Attempt]) -> Self {
        if !role.is_internal() {
            for q in &mut self.quiz {
                q.correct = None;
            }
        }
        self.progress = progress(own_attempts.iter().filter(|a| a.module_id == self.id));
        self.body_html = crate::markdown::to_safe_html(&self.body);
        self
    }

    /// Marks answers against the stored (staff) copy of the module.
    pub fn mark(&self, answers: &QuizAnswers) -> Result<(u32, Vec<bool>), ApiError> {
        if answers.answers.len() != self.quiz.len() {
            return Err(ApiError::validation(vec![FieldError::new(
                "answers",
                format!("must answer all {} questions", self.quiz.len()),
            )]));
        }
        let correct: Vec<bool> = self
            .quiz
            .iter()
            .zip(&answers.answers)
            .map(|(q, a)| q.correct == Some(*a))
            .collect();
        let right = correct.iter().filter(|c| **c).count() as u32;
        Ok((right * 100 / self.quiz.len().max(1) as u32, correct))
    }
}

/// Progress from one user's attempts at one module.
pub fn progress<'a>(attempts: impl Iterator<Item = &'a Attempt>) -> Progress {
    let mut p = Progress::default();
    for a in attempts {
        p.attempts += 1;
        p.best_score = Some(p.best_score.map_or(a.score, |b| b.max(a.score)));
        p.status = if a.passed || p.status == ProgressStatus::Passed {
            ProgressStatus::Passed
        } else {
            ProgressStatus::Attempted
        };
    }
    p
}

impl Owned for Attempt {
    fn partner_account_id(&self) -> Option<&str> {
        self.partner_account_id.as_deref()
    }
    fn owner_user_id(&self) -> Option<&str> {
        Some(&self.user_id)
    }
}

impl Owned for Certificate {
    fn partner_account_id(&self) -> Option<&str> {
        self.partner_account_id.as_deref()
    }
    fn owner_user_id(&self) -> Option<&str> {
        Some(&self.user_id)
    }
}

#[cfg(test)]
mod tests;
