//! The product catalogue and the program's currencies: what deals and opportunities pick from.

use serde::{Deserialize, Serialize};

use crate::validate::MAX_AMOUNT;
use crate::validate::{natural_list, Errors};
use crate::{ApiError, ErrorCode, FieldError, Validate, MAX_TEXT};

/// Most currencies a program may list.
pub const MAX_CURRENCIES: usize = 12;

/// A product partners register deals for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    pub id: String,
    pub name: String,
    /// The product line it belongs to (`Cloud`, `Services`); may be empty.
    pub family: String,
    /// The list price in whole units of `currency`.
    pub list_price: i64,
    /// ISO 4217 code, one of the program's currencies.
    pub currency: String,
    /// Inactive products stay on the records that name them but are no longer offered.
    pub active: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields of a new or edited product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductInput {
    pub name: String,
    #[serde(default)]
    pub family: String,
    pub list_price: i64,
    pub currency: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

impl Default for ProductInput {
    fn default() -> Self {
        ProductInput {
            name: String::new(),
            family: String::new(),
            list_price: 0,
            currency: String::new(),
            active: true,
        }
    }
}

impl Validate for ProductInput {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        e.required("name", &self.name, MAX_TEXT);
        e.max("family", &self.family, MAX_TEXT);
        if self.list_price < 0 {
            e.add("list_price", "must not be negative");
        } else if self.list_price > MAX_AMOUNT {
            e.add("list_price", "is too large");
        }
        e.currency("currency", &self.currency);
        e.0
    }
}

/// The currencies deals, opportunities and products may be in, the first being the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramCurrencies {
    pub currencies: Vec<String>,
}

impl Default for ProgramCurrencies {
    fn default() -> Self {
        ProgramCurrencies {
            currencies: ["EUR", "USD", "GBP"].map(String::from).to_vec(),
        }
    }
}

impl Validate for ProgramCurrencies {
    fn validate(&self) -> Vec<FieldError> {
        let mut e = Errors::default();
        if self.currencies.is_empty() {
            e.add("currencies", "must list at least one currency");
        } else if self.currencies.len() > MAX_CURRENCIES {
            e.add(
                "currencies",
                &format!("may list at most {MAX_CURRENCIES} currencies"),
            );
        }
        for (i, code) in self.currencies.iter().enumerate() {
            let field = format!("currencies.{i}");
            e.currency(&field, code);
            if self.currencies[..i].contains(code) {
                e.add(&field, "is listed twice");
            }
        }
        e.0
    }
}

/// Whether a new or renamed product's name is already another product's (names are compared
/// without case or surrounding spaces): a `Conflict` naming the field.
pub fn check_unique(
    products: &[Product],
    name: &str,
    except_id: Option<&str>,
) -> Result<(), ApiError> {
    let taken = products
        .iter()
        .any(|p| Some(p.id.as_str()) != except_id && same_name(&p.name, name));
    if taken {
        Err(ApiError {
            field_errors: vec![FieldError::new("name", "is already in the catalogue")],
            ..ApiError::new(
                ErrorCode::Conflict,
                "A product with this name is already in the catalogue",
            )
        })
    } else {
        Ok(())
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Products by family, then name.
pub fn sort_catalogue(products: &mut [Product]) {
    products.sort_by(|a, b| {
        (a.family.to_lowercase(), a.name.to_lowercase(), &a.id).cmp(&(
            b.family.to_lowercase(),
            b.name.to_lowercase(),
            &b.id,
        ))
    });
}

/// What a deal or opportunity may pick: the catalogue and the program's currencies.
pub struct Picklists<'a> {
    pub products: &'a [Product],
    pub currencies: &'a [String],
}

impl Picklists<'_> {
    /// The catalogue's spelling of `value`, picked by name without regard to case. Free text
    /// while the catalogue has no active product; an empty value and the value a record already
    /// had (`kept`, for a product since made inactive) always pass.
    pub fn product(&self, value: &str, kept: Option<&str>) -> Result<String, FieldError> {
        let value = value.trim();
        let mut active = self.products.iter().filter(|p| p.active).peekable();
        if value.is_empty() || kept.is_some_and(|k| k == value) || active.peek().is_none() {
            return Ok(value.to_string());
        }
        active
            .find(|p| same_name(&p.name, value))
            .map(|p| p.name.clone())
            .ok_or_else(|| FieldError::new("product", "must be a product from the catalogue"))
    }

    /// Whether `value` is one of the program's currencies (or the one the record had).
    pub fn currency(&self, value: &str, kept: Option<&str>) -> Result<(), FieldError> {
        if kept == Some(value) || self.currencies.iter().any(|c| c == value) {
            return Ok(());
        }
        let names: Vec<&str> = self.currencies.iter().map(String::as_str).collect();
        Err(FieldError::new(
            "currency",
            format!(
                "must be one of the program's currencies: {}",
                natural_list(&names, "or")
            ),
        ))
    }
}

#[cfg(test)]
mod tests;
