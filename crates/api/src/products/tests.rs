use super::*;

fn product(id: &str, name: &str, active: bool) -> Product {
    Product {
        id: id.into(),
        name: name.into(),
        family: "Cloud".into(),
        list_price: 1200,
        currency: "EUR".into(),
        active,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn fields(errors: Vec<FieldError>) -> Vec<String> {
    errors.into_iter().map(|e| e.field).collect()
}

#[test]
fn a_product_needs_a_name_a_price_that_is_not_negative_and_a_currency_code() {
    assert_eq!(
        fields(ProductInput::default().validate()),
        ["name", "currency"]
    );
    let bad = ProductInput {
        name: "Edge".into(),
        family: "x".repeat(MAX_TEXT + 1),
        list_price: -1,
        currency: "eur".into(),
        active: true,
    };
    assert_eq!(fields(bad.validate()), ["family", "list_price", "currency"]);
    let good = ProductInput {
        list_price: 0,
        family: "Edge".into(),
        currency: "EUR".into(),
        ..bad
    };
    assert!(good.validate().is_empty(), "a free product is fine");
}

#[test]
fn an_input_without_active_is_active() {
    let input: ProductInput =
        serde_json::from_str(r#"{"name":"Edge","list_price":5,"currency":"EUR"}"#).unwrap();
    assert!(input.active);
    assert!(serde_json::from_str::<ProductInput>(
        r#"{"name":"Edge","list_price":5,"currency":"EUR","price":1}"#
    )
    .is_err());
}

#[test]
fn product_names_are_unique_without_regard_to_case_or_spaces() {
    let list = [product("p1", "Trellis Edge", true)];
    let err = check_unique(&list, "  trellis edge ", None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(err.field("name"), Some("is already in the catalogue"));
    assert!(
        check_unique(&list, "trellis edge", Some("p1")).is_ok(),
        "renaming itself"
    );
    assert!(check_unique(&list, "Trellis Edge Pro", None).is_ok());
}

#[test]
fn program_currencies_are_distinct_codes_and_at_least_one() {
    let of = |codes: &[&str]| ProgramCurrencies {
        currencies: codes.iter().map(|c| c.to_string()).collect(),
    };
    assert!(ProgramCurrencies::default().validate().is_empty());
    assert_eq!(fields(of(&[]).validate()), ["currencies"]);
    assert_eq!(
        fields(of(&["EUR", "usd", "EUR"]).validate()),
        ["currencies.1", "currencies.2"]
    );
    let many: Vec<String> = (0..=MAX_CURRENCIES)
        .map(|i| format!("A{}", (b'A' + i as u8) as char))
        .collect();
    let codes: Vec<&str> = many.iter().map(String::as_str).collect();
    assert!(fields(of(&codes).validate()).contains(&"currencies".to_string()));
}

#[test]
fn a_deal_picks_an_active_product_by_name_and_gets_the_catalogues_spelling() {
    let products = [
        product("p1", "Trellis Edge", true),
        product("p2", "Legacy Box", false),
    ];
    let currencies = vec!["EUR".to_string(), "USD".to_string()];
    let picks = Picklists {
        products: &products,
        currencies: &currencies,
    };
    assert_eq!(
        picks.product(" trellis edge", None).unwrap(),
        "Trellis Edge"
    );
    let err = picks.product("Legacy Box", None).unwrap_err();
    assert_eq!(
        (err.field.as_str(), err.message.as_str()),
        ("product", "must be a product from the catalogue")
    );
    assert_eq!(
        picks.product("Legacy Box", Some("Legacy Box")).unwrap(),
        "Legacy Box",
        "a record keeps a product since made inactive"
    );
    assert!(picks.product("Widgets", None).is_err());
    assert_eq!(
        picks.product("", None).unwrap(),
        "",
        "optional on opportunities"
    );
}

#[test]
fn without_an_active_product_the_product_is_free_text() {
    let products = [product("p2", "Legacy Box", false)];
    let picks = Picklists {
        products: &products,
        currencies: &[],
    };
    assert_eq!(picks.product("Widgets ", None).unwrap(), "Widgets");
}

#[test]
fn a_currency_must_be_the_programs_unless_the_record_already_had_it() {
    let currencies = vec!["EUR".to_string(), "USD".to_string(), "GBP".to_string()];
    let picks = Picklists {
        products: &[],
        currencies: &currencies,
    };
    assert!(picks.currency("USD", None).is_ok());
    let err = picks.currency("CHF", None).unwrap_err();
    assert_eq!(
        err.message,
        "must be one of the program's currencies: EUR, USD or GBP"
    );
    assert!(picks.currency("CHF", Some("CHF")).is_ok());
}

#[test]
fn the_catalogue_sorts_by_family_then_name() {
    let mut list = [
        Product {
            family: "Services".into(),
            ..product("p1", "Onboarding", true)
        },
        product("p2", "edge", true),
        product("p3", "Analytics", true),
    ];
    sort_catalogue(&mut list);
    let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Analytics", "edge", "Onboarding"]);
}
