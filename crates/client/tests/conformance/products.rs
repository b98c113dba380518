//! The product catalogue and the program's currencies, and how deals and opportunities pick from them.

use trellis_api::products::{ProductInput, ProgramCurrencies};
use trellis_api::*;
use trellis_client::PrmBackend;

use crate::records::deal_input;
use crate::{code, login};

fn field(r: trellis_client::ClientResult<impl std::fmt::Debug>, name: &str) -> String {
    let e = r.expect_err("expected an error");
    e.api()
        .and_then(|a| a.field(name))
        .unwrap_or_else(|| panic!("no error on {name}: {e:?}"))
        .to_string()
}

fn mobile() -> ProductInput {
    ProductInput {
        name: "Trellis Mobile".into(),
        family: "Cloud".into(),
        list_price: 3_000,
        currency: "EUR".into(),
        active: true,
    }
}

fn opportunity(product: &str) -> OpportunityInput {
    OpportunityInput {
        name: "Initrode rollout".into(),
        account_name: "Initrode".into(),
        product: product.into(),
        stage: Stage::Proposal,
        amount: 12_000,
        currency: "EUR".into(),
        close_date: "2027-01-15".into(),
        probability: 50,
        next_step: String::new(),
        partner_account_id: None,
    }
}

pub async fn deals_and_opportunities_pick_from_the_catalogue_and_the_programs_currencies(
    b: &dyn PrmBackend,
) {
    login(b, "partner@acme.test").await;
    let offered = b
        .list_products()
        .await
        .expect("partners read the catalogue");
    assert!(!offered.is_empty() && offered.iter().all(|p| p.active));
    assert_eq!(
        code(b.create_product(&mobile()).await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        b.currencies().await.expect("currencies").currencies,
        ["EUR", "USD", "GBP"]
    );

    login(b, "channel@trellis.test").await;
    let all = b.list_products().await.expect("staff list");
    assert!(all.len() > offered.len(), "staff also see retired products");
    let taken = ProductInput {
        name: format!(" {} ", offered[0].name.to_uppercase()),
        ..mobile()
    };
    let e = b.create_product(&taken).await.expect_err("duplicate name");
    assert_eq!(e.code(), Some(ErrorCode::Conflict));
    assert_eq!(
        e.api().and_then(|a| a.field("name")),
        Some("is already in the catalogue")
    );
    let swiss = ProductInput {
        currency: "CHF".into(),
        ..mobile()
    };
    assert_eq!(
        field(b.create_product(&swiss).await, "currency"),
        "must be one of the program's currencies: EUR, USD or GBP"
    );
    let negative = ProductInput {
        list_price: -5,
        ..mobile()
    };
    assert!(!field(b.create_product(&negative).await, "list_price").is_empty());
    let product = b.create_product(&mobile()).await.expect("create");
    assert_eq!(
        (product.name.as_str(), product.list_price, product.active),
        ("Trellis Mobile", 3_000, true)
    );
    let everything = ProgramCurrencies {
        currencies: ["EUR", "USD", "GBP", "CHF"].map(String::from).to_vec(),
    };
    assert_eq!(
        code(b.set_currencies(&everything).await),
        ErrorCode::Forbidden
    );

    login(b, "admin@trellis.test").await;
    let twice = ProgramCurrencies {
        currencies: vec!["EUR".into(), "EUR".into()],
    };
    assert_eq!(
        field(b.set_currencies(&twice).await, "currencies.1"),
        "is listed twice"
    );
    b.set_currencies(&everything)
        .await
        .expect("admin sets currencies");

    login(b, "partner@acme.test").await;
    let deal = b
        .create_deal(&DealInput {
            product: "trellis mobile".into(),
            currency: "CHF".into(),
            ..deal_input()
        })
        .await
        .expect("a catalogue product in a program currency");
    assert_eq!(
        (deal.product.as_str(), deal.currency.as_str()),
        ("Trellis Mobile", "CHF")
    );
    let unknown = DealInput {
        product: "Widgets".into(),
        currency: "JPY".into(),
        ..deal_input()
    };
    let e = b
        .create_deal(&unknown)
        .await
        .expect_err("not in the picklists");
    assert_eq!(
        e.api().and_then(|a| a.field("product")),
        Some("must be a product from the catalogue")
    );
    assert!(e.api().and_then(|a| a.field("currency")).is_some());

    login(b, "channel@trellis.test").await;
    let retired = b
        .update_product(
            &product.id,
            &ProductInput {
                active: false,
                ..mobile()
            },
        )
        .await
        .expect("stop offering");
    assert!(!retired.active);

    login(b, "partner@acme.test").await;
    assert!(b
        .list_products()
        .await
        .unwrap()
        .iter()
        .all(|p| p.id != product.id));
    let kept = b
        .update_deal(
            &deal.id,
            &DealInput {
                product: "Trellis Mobile".into(),
                currency: "CHF".into(),
                estimated_amount: 9_000,
                ..deal_input()
            },
        )
        .await
        .expect("a draft keeps the product it had");
    assert_eq!(kept.estimated_amount, 9_000);
    let again = DealInput {
        product: "Trellis Mobile".into(),
        ..deal_input()
    };
    assert!(!field(b.create_deal(&again).await, "product").is_empty());

    let opp = b
        .create_opportunity(&opportunity(&offered[0].name.to_lowercase()))
        .await
        .expect("opportunity with a product");
    assert_eq!(opp.product, offered[0].name);
    let none = b
        .create_opportunity(&opportunity(""))
        .await
        .expect("no product");
    assert_eq!(none.product, "");
    assert!(!field(
        b.create_opportunity(&opportunity("Widgets")).await,
        "product"
    )
    .is_empty());
}
