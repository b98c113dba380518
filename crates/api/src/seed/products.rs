//! The demo catalogue: the products the demo's deals and leads name.

use crate::datetime::timestamp;
use crate::products::Product;

use super::names::PRODUCTS;

/// Each demo product with its family and list price in euros; one retired product besides.
pub fn demo_products(now: i64) -> Vec<Product> {
    let at = timestamp(now - 200 * 86_400);
    let families = ["Cloud", "Cloud", "Cloud", "Services", "Services"];
    let prices = [24_000, 9_500, 15_000, 4_800, 7_500];
    let mut list: Vec<Product> = PRODUCTS
        .iter()
        .zip(families.iter().zip(prices))
        .enumerate()
        .map(|(i, (name, (family, price)))| Product {
            id: format!("prod_{}", i + 1),
            name: (*name).into(),
            family: (*family).into(),
            list_price: price,
            currency: "EUR".into(),
            active: true,
            created_at: at.clone(),
            updated_at: at.clone(),
        })
        .collect();
    list.push(Product {
        id: "prod_legacy".into(),
        name: "Trellis On-Premises".into(),
        family: "Legacy".into(),
        list_price: 30_000,
        currency: "EUR".into(),
        active: false,
        created_at: at.clone(),
        updated_at: at,
    });
    list
}
