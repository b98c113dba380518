//! What the published OpenAPI document states about each input field, from the same constants
//! the `Validate` rules check, so the document and the checks cannot drift apart. The server
//! writes these into its document; schemathesis in `cargo xtask test` proves they agree.

use serde_json::{json, Value};

use crate::community::MAX_PUBLISH_NOTE;
use crate::training::{MAX_BODY, MAX_ITEMS};
use crate::validate::{visible_pattern, MAX_AMOUNT, MAX_NOTES, MAX_TEXT};

/// The rule of one field, as JSON Schema.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// Text with a visible character, at most this many characters.
    Required(usize),
    /// Text of at most this many characters.
    Text(usize),
    /// An email address.
    Email,
    /// An optional email address: empty, or an address.
    EmailOrEmpty,
    /// An optional web link: empty, or `http(s)://` with no spaces.
    LinkOrEmpty,
    /// A date as `YYYY-MM-DD`.
    Date,
    /// A three-letter ISO 4217 code.
    Currency,
    /// A web domain: it has a dot.
    Domain,
    /// A whole number in this inclusive range.
    Range(i64, i64),
    /// A list of at most this many items.
    Items(usize),
    /// One to this many distinct three-letter ISO 4217 codes.
    CurrencyList(usize),
    /// A new password: at least 10 characters.
    Password,
    /// Anything but empty.
    NonEmpty,
}

impl Rule {
    /// The JSON Schema keywords of this rule.
    pub fn schema(self) -> Value {
        match self {
            Rule::Required(max) => {
                json!({"minLength": 1, "maxLength": max, "pattern": visible_pattern()})
            }
            Rule::Text(max) => json!({ "maxLength": max }),
            Rule::Email => json!({"format": "email", "maxLength": 254}),
            Rule::EmailOrEmpty => {
                json!({"anyOf": [{"const": ""}, {"format": "email", "maxLength": 254}]})
            }
            Rule::LinkOrEmpty => json!({"maxLength": MAX_TEXT, "pattern": "^(https?://[^\\s]*)?$"}),
            Rule::Date => json!({ "format": "date" }),
            Rule::Currency => json!({ "pattern": "^[A-Z]{3}$" }),
            Rule::Domain => json!({"maxLength": MAX_TEXT, "pattern": "\\."}),
            Rule::Range(lo, hi) => json!({"minimum": lo, "maximum": hi}),
            Rule::Items(max) => json!({ "maxItems": max }),
            Rule::CurrencyList(max) => json!({
                "minItems": 1,
                "maxItems": max,
                "uniqueItems": true,
                "items": {"type": "string", "pattern": "^[A-Z]{3}$"},
            }),
            Rule::Password => json!({ "minLength": 10 }),
            Rule::NonEmpty => json!({ "minLength": 1 }),
        }
    }
}

use Rule::*;

/// Query parameters, by name, wherever they appear: one rule for every list's page size.
pub const QUERY: &[(&str, Rule)] = &[
    ("limit", Range(1, crate::ListQuery::MAX_LIMIT as i64)),
    ("q", Text(MAX_TEXT)),
    ("from", Date),
    ("to", Date),
];

/// The largest MDF amount.
const MDF: Rule = Range(1, crate::mdf::MAX_AMOUNT);

/// Every input schema's field rules, by schema name and field.
pub const FIELDS: &[(&str, &[(&str, Rule)])] = &[
    ("LoginRequest", &[("email", Email), ("password", NonEmpty)]),
    (
        "LeadInput",
        &[
            ("company", Required(MAX_TEXT)),
            ("contact_name", Required(MAX_TEXT)),
            ("email", Email),
            ("phone", Text(MAX_TEXT)),
            ("region", Text(MAX_TEXT)),
            ("postcode", Text(MAX_TEXT)),
            ("product_interest", Text(MAX_TEXT)),
        ],
    ),
    (
        "DealInput",
        &[
            ("company", Required(MAX_TEXT)),
            ("domain", Domain),
            ("contact_name", Required(MAX_TEXT)),
            ("contact_email", Email),
            ("product", Required(MAX_TEXT)),
            ("estimated_amount", Range(1, MAX_AMOUNT)),
            ("currency", Currency),
            ("expected_close_date", Date),
            ("notes", Text(MAX_NOTES)),
        ],
    ),
    (
        "OpportunityInput",
        &[
            ("name", Required(MAX_TEXT)),
            ("account_name", Required(MAX_TEXT)),
            ("amount", Range(0, MAX_AMOUNT)),
            ("currency", Currency),
            ("close_date", Date),
            ("probability", Range(0, 100)),
            ("next_step", Text(MAX_TEXT)),
        ],
    ),
    (
        "ContactInput",
        &[
            ("first_name", Required(MAX_TEXT)),
            ("last_name", Required(MAX_TEXT)),
            ("email", Email),
            ("phone", Text(MAX_TEXT)),
            ("title", Text(MAX_TEXT)),
            ("company", Text(MAX_TEXT)),
        ],
    ),
    (
        "AccountInput",
        &[
            ("name", Required(MAX_TEXT)),
            ("domain", Required(MAX_TEXT)),
            ("region", Text(MAX_TEXT)),
        ],
    ),
    (
        "UserInput",
        &[
            ("email", Email),
            ("name", Required(MAX_TEXT)),
            ("password", Password),
        ],
    ),
    (
        "TierInput",
        &[
            ("name", Required(MAX_TEXT)),
            ("rank", Range(1, 100)),
            ("benefits", Text(MAX_NOTES)),
            ("requirements", Text(MAX_NOTES)),
        ],
    ),
    (
        "AnnouncementInput",
        &[
            ("title", Required(MAX_TEXT)),
            ("body", Required(MAX_NOTES)),
            ("publish_on", Date),
        ],
    ),
    (
        "CaseInput",
        &[
            ("subject", Required(MAX_TEXT)),
            ("description", Required(MAX_NOTES)),
        ],
    ),
    ("MessageInput", &[("body", Required(MAX_NOTES))]),
    ("CommentInput", &[("body", Required(MAX_NOTES))]),
    (
        "ProductInput",
        &[
            ("name", Required(MAX_TEXT)),
            ("family", Text(MAX_TEXT)),
            ("list_price", Range(0, MAX_AMOUNT)),
            ("currency", Currency),
        ],
    ),
    (
        "ProgramCurrencies",
        &[("currencies", CurrencyList(crate::products::MAX_CURRENCIES))],
    ),
    (
        "DealReview",
        &[("second_approval_above", Range(1, MAX_AMOUNT))],
    ),
    (
        "SupportChannels",
        &[
            ("email", EmailOrEmpty),
            ("chat_url", LinkOrEmpty),
            ("video_url", LinkOrEmpty),
            ("hours", Text(MAX_TEXT)),
        ],
    ),
    (
        "MdfBudgetInput",
        &[
            ("program_id", Required(MAX_TEXT)),
            ("name", Required(MAX_TEXT)),
            ("starts_on", Date),
            ("ends_on", Date),
            ("amount", MDF),
            ("currency", Currency),
        ],
    ),
    (
        "MdfRequestInput",
        &[
            ("budget_id", Required(MAX_TEXT)),
            ("activity", Required(MAX_TEXT)),
            ("description", Text(MAX_NOTES)),
            ("amount", MDF),
            ("starts_on", Date),
            ("ends_on", Date),
        ],
    ),
    (
        "MdfClaimInput",
        &[("request_id", Required(MAX_TEXT)), ("amount", MDF)],
    ),
    (
        "ModuleInput",
        &[
            ("title", Required(MAX_TEXT)),
            ("summary", Text(MAX_NOTES)),
            ("body", Required(MAX_BODY)),
            ("minutes", Range(0, 600)),
            ("pass_percent", Range(1, 100)),
            ("faqs", Items(MAX_ITEMS)),
        ],
    ),
    (
        "SurveyInput",
        &[
            ("title", Required(MAX_TEXT)),
            ("question", Required(MAX_TEXT)),
        ],
    ),
    (
        "SurveyAnswer",
        &[("score", Range(0, 10)), ("comment", Text(MAX_NOTES))],
    ),
    ("Publish", &[("note", Text(MAX_PUBLISH_NOTE))]),
    // The actions are tagged unions: a rule applies to every variant with the field.
    ("LeadAction", &[("reason", Required(MAX_TEXT))]),
    (
        "DealAction",
        &[
            ("reason", Required(MAX_NOTES)),
            ("valid_days", Range(1, crate::deal_flow::MAX_VALID_DAYS)),
        ],
    ),
    ("MdfAction", &[("reason", Required(MAX_NOTES))]),
    ("PartnerChange", &[("reason", Required(MAX_NOTES))]),
    (
        "Distribution",
        &[(
            "accept_within_days",
            Range(1, crate::distribution::MAX_ACCEPT_DAYS),
        )],
    ),
    (
        "ThemeTokens",
        &[
            ("name", Required(crate::theme::MAX_NAME)),
            ("base_px", token(0)),
            ("scale_permille", token(1)),
            ("heading_weight", token(2)),
            ("radius_px", token(3)),
        ],
    ),
];

const fn token(i: usize) -> Rule {
    let (_, lo, hi) = crate::theme::TOKEN_RANGES[i];
    Range(lo, hi)
}

/// What one list endpoint's `status` and `sort` parameters accept.
#[derive(Clone, Copy, Debug)]
pub struct ListParams {
    pub path: &'static str,
    /// The record field the `status` filter matches, if the list has one.
    pub status_field: Option<&'static str>,
    /// The fields `sort` takes, each also as `-field`.
    pub sort_fields: &'static [&'static str],
}

fn list_of<R: crate::Record>(path: &'static str) -> ListParams {
    ListParams {
        path,
        status_field: R::STATUS_FIELD,
        sort_fields: R::SORT_FIELDS,
    }
}

/// Every list of partner-owned records.
pub fn lists() -> Vec<ListParams> {
    use crate::endpoints::{
        LIST_CASES, LIST_CONTACTS, LIST_DEALS, LIST_LEADS, LIST_MDF_CLAIMS, LIST_MDF_REQUESTS,
        LIST_OPPORTUNITIES,
    };
    vec![
        list_of::<crate::Lead>(LIST_LEADS.path),
        list_of::<crate::DealRegistration>(LIST_DEALS.path),
        list_of::<crate::Opportunity>(LIST_OPPORTUNITIES.path),
        list_of::<crate::Contact>(LIST_CONTACTS.path),
        list_of::<crate::mdf::MdfRequest>(LIST_MDF_REQUESTS.path),
        list_of::<crate::mdf::MdfClaim>(LIST_MDF_CLAIMS.path),
        list_of::<crate::support::SupportCase>(LIST_CASES.path),
    ]
}
