//! How a timeline entry reads: field names as labels, values as words, mentions marked.

use serde_json::Value;
use trellis_api::activity::{Activity, ActivityWhat, Person, ACCOUNT_FIELDS};
use trellis_api::mdf::money;

use crate::format::when;

/// Fields whose numbers are money.
const MONEY_FIELDS: &[&str] = &["amount", "estimated_amount", "claimed"];

/// "expected_close_date" as "Expected close date"; people and partners by their role.
pub fn field_label(field: &str) -> String {
    if field == "owner_user_id" {
        return "Owner".into();
    }
    if ACCOUNT_FIELDS.contains(&field) {
        return "Partner".into();
    }
    let words = field.trim_end_matches("_id").replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A value as words: a status by its label, money grouped, nothing as "none".
pub fn value_text(field: &str, value: &Value, statuses: &[(&str, &str)]) -> String {
    match value {
        Value::Null => "none".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => match (n.as_i64(), MONEY_FIELDS.contains(&field)) {
            (Some(n), true) => money(n, "").trim_end().to_string(),
            _ => n.to_string(),
        },
        Value::String(s) if s.is_empty() => "none".into(),
        Value::String(s) if is_timestamp(s) => when(s),
        Value::String(s) => match statuses.iter().find(|(wire, _)| wire == s) {
            Some((_, label)) if matches!(field, "status" | "stage") => label.to_string(),
            _ => s.clone(),
        },
        other => other.to_string(),
    }
}

/// `2026-12-06T04:21:37Z`, as the contract writes moments.
fn is_timestamp(s: &str) -> bool {
    s.len() == 20 && s.as_bytes()[10] == b'T' && s.ends_with('Z')
}

/// What the entry did, after the actor's name ("created this lead", "changed 2 fields").
pub fn summary(entry: &Activity, noun: &str) -> String {
    match entry.what {
        ActivityWhat::Created => format!("created this {noun}"),
        ActivityWhat::Comment => "commented".into(),
        ActivityWhat::Changed => match entry.changes.as_slice() {
            [one] => format!("changed {}", field_label(&one.field).to_lowercase()),
            many => format!("changed {} fields", many.len()),
        },
    }
}

/// A comment's text cut into plain runs and `@mentions` (true), so mentions can be marked.
pub fn segments(body: &str, mentions: &[Person]) -> Vec<(String, bool)> {
    let lower = body.to_lowercase();
    // Positions are found in the lowercased text: only use them where lowercasing kept lengths.
    if lower.len() != body.len() {
        return vec![(body.to_string(), false)];
    }
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for person in mentions {
        let needle = format!("@{}", person.name.to_lowercase());
        for (at, _) in lower.match_indices(&needle) {
            marks.push((at, at + needle.len()));
        }
    }
    marks.sort();
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end) in marks {
        if start < from {
            continue;
        }
        if start > from {
            out.push((body[from..start].to_string(), false));
        }
        out.push((body[start..end].to_string(), true));
        from = end;
    }
    if from < body.len() {
        out.push((body[from..].to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use trellis_api::activity::Person;

    use super::{field_label, segments, value_text};

    #[test]
    fn fields_read_as_labels_and_values_as_words() {
        assert_eq!(field_label("expected_close_date"), "Expected close date");
        assert_eq!(field_label("owner_user_id"), "Owner");
        assert_eq!(field_label("partner_account_id"), "Partner");
        assert_eq!(field_label("budget_id"), "Budget");
        assert_eq!(field_label("first_approver_id"), "First approver");
        let statuses = [("assigned", "Waiting for acceptance")];
        assert_eq!(
            value_text("status", &json!("assigned"), &statuses),
            "Waiting for acceptance"
        );
        assert_eq!(
            value_text("company", &json!("assigned"), &statuses),
            "assigned"
        );
        assert_eq!(value_text("amount", &json!(1234567), &[]), "1,234,567");
        assert_eq!(value_text("probability", &json!(25), &[]), "25");
        assert_eq!(value_text("reviewer_reason", &json!(null), &[]), "none");
        assert_eq!(value_text("next_step", &json!(""), &[]), "none");
        assert_eq!(
            value_text("accept_by", &json!("2026-12-06T04:21:37Z"), &[]),
            "2026-12-06 04:21 UTC"
        );
        assert_eq!(
            value_text("close_date", &json!("2027-03-01"), &[]),
            "2027-03-01"
        );
    }

    #[test]
    fn mentions_are_marked_where_they_stand() {
        let casey = Person {
            user_id: "u1".into(),
            name: "Casey Channel".into(),
            staff: true,
        };
        let cut = segments(
            "Hi @casey channel, see @Casey Channel.",
            std::slice::from_ref(&casey),
        );
        let marked: Vec<&str> = cut.iter().filter(|s| s.1).map(|s| s.0.as_str()).collect();
        assert_eq!(marked, ["@casey channel", "@Casey Channel"]);
        assert_eq!(
            cut.iter().map(|s| s.0.as_str()).collect::<String>(),
            "Hi @casey channel, see @Casey Channel."
        );
        assert_eq!(
            segments("plain", std::slice::from_ref(&casey)),
            [("plain".to_string(), false)]
        );
        assert_eq!(
            segments("İ @Casey Channel", &[casey]).len(),
            1,
            "kept whole"
        );
    }
}
