use super::*;
use crate::Role;

#[test]
fn common_passwords_are_refused() {
    let mut input = UserInput {
        email: "new@acme.test".into(),
        name: "New".into(),
        role: Role::PartnerUser,
        partner_account_id: Some("acc_acme".into()),
        active: true,
        password: Some("Password123".into()),
        manager_id: None,
    };
    let field = |i: &UserInput| {
        i.validate()
            .into_iter()
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        field(&input),
        ["is one of the most common passwords: choose another"]
    );
    input.password = Some("zzzzzzzzzzzz".into());
    assert_eq!(field(&input).len(), 1, "one character repeated");
    input.password = Some("short".into());
    assert_eq!(field(&input), ["must be at least 10 characters"]);
    input.password = Some("correct horse battery".into());
    assert_eq!(field(&input), Vec::<String>::new());
}

#[test]
fn emails() {
    assert!(is_email("partner@acme.test"));
    for bad in [
        "",
        "acme.test",
        "a@b",
        "a b@c.d",
        "@c.d",
        "a@@c.d",
        "a@c..d",
    ] {
        assert!(!is_email(bad), "{bad} accepted");
    }
}

#[test]
fn dates() {
    assert!(is_iso_date("2024-02-29"));
    for bad in [
        "2023-02-29",
        "2024-13-01",
        "2024-1-01",
        "24-01-01",
        "2024-04-31",
        "",
    ] {
        assert!(!is_iso_date(bad), "{bad} accepted");
    }
}

#[test]
fn deal_input_names_each_bad_field() {
    let deal = DealInput {
        company: " ".into(),
        domain: "nodot".into(),
        contact_name: "Ann".into(),
        contact_email: "ann".into(),
        product: "X".into(),
        estimated_amount: 0,
        currency: "eur".into(),
        expected_close_date: "2024-02-30".into(),
        notes: String::new(),
        partner_account_id: None,
    };
    let fields: Vec<_> = deal.validate().into_iter().map(|f| f.field).collect();
    assert_eq!(
        fields,
        [
            "company",
            "domain",
            "contact_email",
            "estimated_amount",
            "currency",
            "expected_close_date"
        ]
    );
}

#[test]
fn required_fields_are_what_an_empty_input_lacks() {
    use super::required_fields;
    use crate::{ContactInput, DealInput, OpportunityInput};
    assert_eq!(
        required_fields::<DealInput>(),
        [
            "company",
            "domain",
            "contact_name",
            "contact_email",
            "product",
            "estimated_amount",
            "currency",
            "expected_close_date"
        ]
    );
    assert_eq!(
        required_fields::<ContactInput>(),
        ["first_name", "last_name", "email"]
    );
    assert_eq!(
        required_fields::<OpportunityInput>(),
        ["name", "account_name", "currency", "close_date"]
    );
}

#[test]
fn lists_read_naturally() {
    use super::natural_list;
    assert_eq!(natural_list(&[], "or"), "");
    assert_eq!(natural_list(&["PDF"], "or"), "PDF");
    assert_eq!(natural_list(&["PDF", "PNG"], "and"), "PDF and PNG");
    assert_eq!(
        natural_list(&["EUR", "USD", "GBP"], "or"),
        "EUR, USD or GBP"
    );
}
