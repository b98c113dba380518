//! The product catalogue and the program's currencies as the forms' picklists.

use trellis_api::products::{Product, ProgramCurrencies};
use yew::prelude::*;

use crate::components::load::{use_live_load, Load};

/// What a deal or opportunity form offers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    /// The products the user may pick (partners get the active ones only).
    pub products: Vec<Product>,
    pub currencies: Vec<String>,
}

/// A picklist's choices: wire value and label.
pub type Options = Vec<(String, String)>;

impl Catalogue {
    /// The product choices, by family: `None` (type freely) while no product is active. A
    /// record's own product stays a choice after it left the catalogue.
    pub fn product_options(&self, current: &str) -> Option<Options> {
        let mut options: Options = self
            .products
            .iter()
            .filter(|p| p.active)
            .map(|p| {
                let label = if p.family.is_empty() {
                    p.name.clone()
                } else {
                    format!("{} ({})", p.name, p.family)
                };
                (p.name.clone(), label)
            })
            .collect();
        if options.is_empty() {
            return None;
        }
        if !current.is_empty() && !options.iter().any(|(v, _)| v == current) {
            options.push((
                current.to_string(),
                format!("{current} (no longer offered)"),
            ));
        }
        Some(options)
    }

    /// The currency choices, the program's default first; a record's own stays a choice.
    pub fn currency_options(&self, current: &str) -> Options {
        let mut options: Options = self
            .currencies
            .iter()
            .map(|c| (c.clone(), c.clone()))
            .collect();
        if !current.is_empty() && !self.currencies.iter().any(|c| c == current) {
            options.push((current.to_string(), current.to_string()));
        }
        options
    }

    /// The active product named `name`.
    pub fn product(&self, name: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.active && p.name == name)
    }

    /// The program's default currency.
    pub fn default_currency(&self) -> String {
        self.currencies
            .first()
            .cloned()
            .unwrap_or_else(|| ProgramCurrencies::default().currencies[0].clone())
    }
}

/// The catalogue and currencies once loaded; `None` meanwhile or if they could not be read
/// (forms then take typed values, which the backend still checks).
#[hook]
pub fn use_catalogue() -> Option<Catalogue> {
    let (data, _) = use_live_load((), |b, ()| async move {
        Ok(Catalogue {
            products: b.list_products().await?,
            currencies: b.currencies().await?.currencies,
        })
    });
    match &*data {
        Load::Ready(c) => Some(c.clone()),
        Load::Loading | Load::Failed(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use trellis_api::products::Product;

    use super::Catalogue;

    fn product(name: &str, family: &str, active: bool) -> Product {
        Product {
            id: name.into(),
            name: name.into(),
            family: family.into(),
            list_price: 100,
            currency: "EUR".into(),
            active,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn products_are_offered_while_active_and_a_records_own_stays() {
        let c = Catalogue {
            products: vec![
                product("Edge", "Cloud", true),
                product("Setup", "", true),
                product("Box", "Legacy", false),
            ],
            currencies: vec!["EUR".into()],
        };
        let labels = |o: Vec<(String, String)>| o.into_iter().map(|(_, l)| l).collect::<Vec<_>>();
        assert_eq!(
            labels(c.product_options("").unwrap()),
            ["Edge (Cloud)", "Setup"]
        );
        assert_eq!(
            labels(c.product_options("Box").unwrap()).last().unwrap(),
            "Box (no longer offered)"
        );
        assert!(c.product("Box").is_none());
        let empty = Catalogue {
            products: vec![product("Box", "Legacy", false)],
            ..c
        };
        assert_eq!(empty.product_options("anything"), None, "free text");
    }

    #[test]
    fn currencies_are_the_programs_and_the_records_own() {
        let c = Catalogue {
            products: vec![],
            currencies: vec!["USD".into(), "EUR".into()],
        };
        assert_eq!(c.default_currency(), "USD");
        let values: Vec<String> = c
            .currency_options("CHF")
            .into_iter()
            .map(|(v, _)| v)
            .collect();
        assert_eq!(values, ["USD", "EUR", "CHF"]);
        assert_eq!(Catalogue::default().default_currency(), "EUR");
    }
}
