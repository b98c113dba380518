//! Partner surveys: a Net Promoter Score question (0–10) with free text, and their results.

use crate::{ApiError, ErrorCode, FieldError, User, Validate, MAX_NOTES, MAX_TEXT};
use serde::{Deserialize, Serialize};

use crate::validate::Errors;

/// A survey sent to partner users.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survey {
    pub id: String,
    pub title: String,
    /// The 0–10 question, e.g. "How likely are you to recommend our partner program?".
    pub question: String,
    /// Whether answers are still taken.
    pub open: bool,
    pub created_at: String,
    /// The viewer's own answer, once given.
    pub my_answer: Option<SurveyAnswer>,
}

/// Fields of a new survey (vendor staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyInput {
    pub title: String,
    pub question: String,
}

impl Validate for SurveyInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("title", &self.title, MAX_TEXT);
        e.required("question", &self.question, MAX_TEXT);
        e.0
    }
}

/// A partner's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAnswer {
    /// 0 (not at all likely) to 10 (extremely likely).
    pub score: u32,
    #[serde(default)]
    pub comment: String,
}

impl Validate for SurveyAnswer {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        if self.score > 10 {
            e.add("score", "must be between 0 and 10");
        }
        e.max("comment", &self.comment, MAX_NOTES);
        e.0
    }
}

/// A stored answer with who gave it (what results are computed from).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResponse {
    pub survey_id: String,
    pub user_id: String,
    pub partner_account_id: Option<String>,
    pub account_name: String,
    pub score: u32,
    pub comment: String,
    pub answered_at: String,
}

/// A survey's results (vendor staff).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    pub survey_id: String,
    pub title: String,
    pub responses: u32,
    /// Scores 9–10.
    pub promoters: u32,
    /// Scores 7–8.
    pub passives: u32,
    /// Scores 0–6.
    pub detractors: u32,
    /// Percent promoters minus percent detractors, −100 to 100; `None` with no answers.
    pub nps: Option<i32>,
    /// How many answered each score, 0 to 10.
    pub distribution: Vec<u32>,
    /// Answers with a comment, newest first.
    pub comments: Vec<SurveyResponse>,
}

/// Whether `user` may give `answer` to `survey` now: partner users only, while open, valid.
pub fn check_answer(survey: &Survey, user: &User, answer: &SurveyAnswer) -> Result<(), ApiError> {
    if user.role.is_internal() {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "Only partner users answer surveys",
        ));
    }
    if !survey.open {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This survey is closed and takes no more answers",
        ));
    }
    answer.check()
}

/// The error for a second answer to the same survey.
pub fn already_answered() -> ApiError {
    ApiError::new(ErrorCode::Conflict, "You have already answered this survey")
}

/// Net Promoter Score of a set of 0–10 scores, rounded to a whole number.
pub fn nps(scores: &[u32]) -> Option<i32> {
    if scores.is_empty() {
        return None;
    }
    let n = scores.len() as f64;
    let promoters = scores.iter().filter(|s| **s >= 9).count() as f64;
    let detractors = scores.iter().filter(|s| **s <= 6).count() as f64;
    Some(((promoters - detractors) * 100.0 / n).round() as i32)
}

/// Results of one survey from its responses.
pub fn results(survey: &Survey, responses: &[SurveyResponse]) -> SurveyResults {
    let mine: Vec<&SurveyResponse> = responses
        .iter()
        .filter(|r| r.survey_id == survey.id)
        .collect();
    let scores: Vec<u32> = mine.iter().map(|r| r.score.min(10)).collect();
    let mut distribution = vec![0; 11];
    for s in &scores {
        distribution[*s as usize] += 1;
    }
    let mut comments: Vec<SurveyResponse> = mine
        .iter()
        .filter(|r| !r.comment.trim().is_empty())
        .map(|r| (*r).clone())
        .collect();
    comments.sort_by(|a, b| b.answered_at.cmp(&a.answered_at));
    SurveyResults {
        survey_id: survey.id.clone(),
        title: survey.title.clone(),
        responses: scores.len() as u32,
        promoters: scores.iter().filter(|s| **s >= 9).count() as u32,
        passives: scores.iter().filter(|s| (7..=8).contains(*s)).count() as u32,
        detractors: scores.iter().filter(|s| **s <= 6).count() as u32,
        nps: nps(&scores),
        distribution,
        comments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent() {
        assert_eq!(nps(&[]), None);
        assert_eq!(nps(&[10, 9, 8, 7, 6]), Some(20));
        assert_eq!(nps(&[0, 0, 10]), Some(-33));
        assert_eq!(nps(&[9; 4]), Some(100));
    }

    #[test]
    fn results_count_each_band_and_keep_comments() {
        let survey = Survey {
            id: "s1".into(),
            title: "Q4".into(),
            question: "Recommend?".into(),
            open: true,
            created_at: String::new(),
            my_answer: None,
        };
        let r = |survey: &str, score, comment: &str, at: &str| SurveyResponse {
            survey_id: survey.into(),
            user_id: "u".into(),
            partner_account_id: None,
            account_name: "Acme".into(),
            score,
            comment: comment.into(),
            answered_at: at.into(),
        };
        let all = [
            r("s1", 10, "Great portal", "1"),
            r("s1", 3, "", "2"),
            r("s1", 8, "Slow MDF", "3"),
            r("other", 0, "not this survey", "4"),
        ];
        let res = results(&survey, &all);
        assert_eq!(
            (res.responses, res.promoters, res.passives, res.detractors),
            (3, 1, 1, 1)
        );
        assert_eq!(res.nps, Some(0));
        assert_eq!(
            res.distribution[10] + res.distribution[3] + res.distribution[8],
            3
        );
        let comments: Vec<&str> = res.comments.iter().map(|c| c.comment.as_str()).collect();
        assert_eq!(comments, ["Slow MDF", "Great portal"]);
    }

    #[test]
    fn answers_are_scored_zero_to_ten() {
        let bad = SurveyAnswer {
            score: 11,
            comment: String::new(),
        };
        assert_eq!(bad.validate()[0].field, "score");
    }
}
