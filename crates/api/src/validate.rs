//! Field validation shared by the UI (before sending), the server and the demo backend.
use crate::{
    AccountInput, ApiError, ContactInput, DealInput, FieldError, LeadInput, LoginRequest,
    OpportunityInput, UserInput,
};

mod visible;
pub use visible::{has_visible, is_visible, visible_pattern, INVISIBLE};

/// Longest text field accepted, in characters.
pub const MAX_TEXT: usize = 200;
/// Longest free-text note accepted, in characters.
pub const MAX_NOTES: usize = 5000;
/// The largest deal or opportunity amount, in whole currency units (MDF has its own, smaller one).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// A value that can check its own fields.
pub trait Validate {
    /// Every invalid field; empty when the value is valid.
    fn validate(&self) -> Vec<FieldError>;

    /// `Ok` when valid, else the typed validation error.
    fn check(&self) -> Result<(), ApiError> {
        let errors = self.validate();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(errors))
        }
    }
}

/// What a field error says when a value that must be there is missing.
pub const REQUIRED: &str = "is required";

/// The fields an empty input of this type lacks: the ones its form marks as required.
pub fn required_fields<T: Validate + Default>() -> Vec<String> {
    T::default()
        .validate()
        .into_iter()
        .filter(|e| e.message == REQUIRED)
        .map(|e| e.field)
        .collect()
}

/// Collects field errors with small helpers.
#[derive(Default)]
pub(crate) struct Errors(pub(crate) Vec<FieldError>);

impl Errors {
    pub(crate) fn required(&mut self, field: &str, value: &str, max: usize) {
        if !has_visible(value) {
            self.add(field, REQUIRED);
        } else {
            self.max(field, value, max);
        }
    }

    pub(crate) fn max(&mut self, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.add(field, &format!("must be at most {max} characters"));
        }
    }

    fn email(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, REQUIRED);
        } else if !is_email(value) {
            self.add(field, "must be an email address like name@example.com");
        }
    }

    pub(crate) fn date(&mut self, field: &str, value: &str) {
        // A browser's date field gives a whole date or nothing: nothing is "required".
        if value.trim().is_empty() {
            self.add(field, REQUIRED);
        } else if !is_iso_date(value) {
            self.add(field, "must be a date as YYYY-MM-DD");
        }
    }

    pub(crate) fn currency(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, REQUIRED);
        } else if !(value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase())) {
            self.add(field, "must be a three-letter currency code such as EUR");
        }
    }

    pub(crate) fn add(&mut self, field: &str, message: &str) {
        self.0.push(FieldError::new(field, message));
    }
}

/// `a`, `a or b`, `a, b or c` (with `last` as the final joining word).
pub fn natural_list(items: &[&str], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && s.len() <= 254
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

impl Validate for LoginRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.email("email", &self.email);
        if self.password.is_empty() {
            e.add("password", "is required");
        }
        e.0
    }
}

impl Validate for LeadInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("company", &self.company, MAX_TEXT);
        e.required("contact_name", &self.contact_name, MAX_TEXT);
        e.email("email", &self.email);
        for (f, v) in [
            ("phone", &self.phone),
            ("region", &self.region),
            ("postcode", &self.postcode),
            ("product_interest", &self.product_interest),
        ] {
            e.max(f, v, MAX_TEXT);
        }
        e.0
    }
}

impl Validate for DealInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("company", &self.company, MAX_TEXT);
        e.required("domain", &self.domain, MAX_TEXT);
        if !self.domain.trim().is_empty() && !self.domain.contains('.') {
            e.add("domain", "must be a web domain such as example.com");
        }
        e.required("contact_name", &self.contact_name, MAX_TEXT);
        e.email("contact_email", &self.contact_email);
        e.required("product", &self.product, MAX_TEXT);
        if self.estimated_amount == 0 {
            e.add("estimated_amount", REQUIRED);
        } else if self.estimated_amount < 0 {
            e.add("estimated_amount", "must be greater than zero");
        } else if self.estimated_amount > MAX_AMOUNT {
            e.add("estimated_amount", "is too large");
        }
        e.currency("currency", &self.currency);
        e.date("expected_close_date", &self.expected_close_date);
        e.max("notes", &self.notes, MAX_NOTES);
        e.0
    }
}

impl Validate for OpportunityInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("name", &self.name, MAX_TEXT);
        e.required("account_name", &self.account_name, MAX_TEXT);
        if self.amount < 0 {
            e.add("amount", "must not be negative");
        } else if self.amount > MAX_AMOUNT {
            e.add("amount", "is too large");
        }
        e.currency("currency", &self.currency);
        e.date("close_date", &self.close_date);
        if !(0..=100).contains(&self.probability) {
            e.add("probability", "must be between 0 and 100");
        }
        e.max("next_step", &self.next_step, MAX_TEXT);
        e.0
    }
}

impl Validate for ContactInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("first_name", &self.first_name, MAX_TEXT);
        e.required("last_name", &self.last_name, MAX_TEXT);
        e.email("email", &self.email);
        for (f, v) in [
            ("phone", &self.phone),
            ("title", &self.title),
            ("company", &self.company),
        ] {
            e.max(f, v, MAX_TEXT);
        }
        e.0
    }
}

impl Validate for AccountInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("name", &self.name, MAX_TEXT);
        e.required("domain", &self.domain, MAX_TEXT);
        e.max("region", &self.region, MAX_TEXT);
        if self.is_partner && self.partner_type.is_none() {
            e.add("partner_type", "is required for a partner account");
        }
        if !self.is_partner && self.tier_id.is_some() {
            e.add("tier_id", "only partner accounts have a tier");
        }
        e.0
    }
}

impl Validate for UserInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.email("email", &self.email);
        e.required("name", &self.name, MAX_TEXT);
        match (self.role.is_internal(), &self.partner_account_id) {
            (true, Some(_)) => e.add("partner_account_id", "vendor staff have no partner account"),
            (false, None) => e.add("partner_account_id", "is required for a partner role"),
            _ => {}
        }
        if let Some(p) = &self.password {
            if p.chars().count() < 10 {
                e.add("password", "must be at least 10 characters");
            } else if is_common_password(p) {
                e.add(
                    "password",
                    "is one of the most common passwords: choose another",
                );
            }
        }
        e.0
    }
}

/// Passwords of 10 or more characters that top the breached-password lists (lowercase).
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "password123",
    "password12",
    "password1234",
    "password!1",
    "passw0rd123",
    "qwertyuiop",
    "qwerty12345",
    "qwerty123456",
    "asdfghjkl1",
    "zaq12wsxcde",
    "iloveyou12",
    "iloveyou123",
    "welcome123",
    "welcome1234",
    "letmein123",
    "administrator",
    "admin12345",
    "admin123456",
    "changeme123",
    "abcdefghij",
    "abc1234567",
    "football123",
    "baseball123",
    "sunshine123",
    "princess123",
    "monkey12345",
    "dragon12345",
    "trustno1234",
    "superman123",
    "starwars123",
    "michael1234",
    "1111111111",
    "0000000000",
    "9876543210",
    "aaaaaaaaaa",
];

/// Whether `password` is one of the commonest passwords (ignoring case and surrounding spaces).
pub fn is_common_password(password: &str) -> bool {
    let p = password.trim().to_lowercase();
    COMMON_PASSWORDS.contains(&p.as_str()) || p.chars().all(|c| p.starts_with(c))
}

#[cfg(test)]
mod tests;
