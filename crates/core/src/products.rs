//! The product catalogue and the program's currencies: staff keep them, deals and opportunities
//! pick from them.

use serde_json::{Map, Value};
use trellis_api::products::{
    check_unique, sort_catalogue, Picklists, Product, ProductInput, ProgramCurrencies,
};
use trellis_api::{admin_only, staff_only, ApiError, FieldError, Validate};

use crate::cx::{Cx, Store};
use crate::error::Result;

/// Where the catalogue and the currencies are kept.
#[allow(async_fn_in_trait)] // Each backend's futures are as Send as its store; callers are concrete.
pub trait ProductStore: Store {
    /// Every product, in no particular order.
    async fn products(&self) -> Result<Vec<Product>>;
    /// Adds or replaces a product.
    async fn put_product(&self, product: &Product) -> Result<()>;
    /// The program's currencies.
    async fn currencies(&self) -> Result<ProgramCurrencies>;
    /// Replaces the program's currencies.
    async fn put_currencies(&self, currencies: &ProgramCurrencies) -> Result<()>;
}

/// The catalogue by family and name: every product for staff, the active ones for partners.
pub async fn list<S: ProductStore>(cx: &Cx<'_, S>) -> Result<Vec<Product>> {
    let staff = cx.user.role.is_internal();
    let mut list: Vec<Product> = cx
        .store
        .products()
        .await?
        .into_iter()
        .filter(|p| staff || p.active)
        .collect();
    sort_catalogue(&mut list);
    Ok(list)
}

/// Adds a product (vendor staff).
pub async fn create<S: ProductStore>(cx: &Cx<'_, S>, input: &ProductInput) -> Result<Product> {
    staff_only(cx.user)?;
    checked(cx, input, None).await?;
    let at = cx.timestamp();
    let mut product = Product {
        id: cx.store.new_id("prod_"),
        name: String::new(),
        family: String::new(),
        list_price: 0,
        currency: String::new(),
        active: true,
        created_at: at.clone(),
        updated_at: at,
    };
    fill(&mut product, input);
    cx.store.put_product(&product).await?;
    Ok(product)
}

/// Edits a product, or takes it off (or back on) the picklists (vendor staff).
pub async fn update<S: ProductStore>(
    cx: &Cx<'_, S>,
    id: &str,
    input: &ProductInput,
) -> Result<Product> {
    staff_only(cx.user)?;
    let all = checked(cx, input, Some(id)).await?;
    let mut product = all
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::not_found("Product"))?;
    fill(&mut product, input);
    product.updated_at = cx.timestamp();
    cx.store.put_product(&product).await?;
    Ok(product)
}

/// The input checked on its own and against the catalogue and currencies; the catalogue.
async fn checked<S: ProductStore>(
    cx: &Cx<'_, S>,
    input: &ProductInput,
    id: Option<&str>,
) -> Result<Vec<Product>> {
    input.check()?;
    let all = cx.store.products().await?;
    let currencies = cx.store.currencies().await?.currencies;
    let kept = id.and_then(|id| all.iter().find(|p| p.id == id).map(|p| p.currency.as_str()));
    let picks = Picklists {
        products: &[],
        currencies: &currencies,
    };
    picks
        .currency(&input.currency, kept)
        .map_err(|e| ApiError::validation(vec![e]))?;
    check_unique(&all, &input.name, id)?;
    Ok(all)
}

fn fill(product: &mut Product, input: &ProductInput) {
    product.name = input.name.trim().into();
    product.family = input.family.trim().into();
    product.list_price = input.list_price;
    product.currency = input.currency.clone();
    product.active = input.active;
}

/// The program's currencies (anyone signed in: every form offers them).
pub async fn currencies<S: ProductStore>(cx: &Cx<'_, S>) -> Result<ProgramCurrencies> {
    cx.store.currencies().await
}

/// Changes the program's currencies (administrators); records keep the currency they have.
pub async fn set_currencies<S: ProductStore>(
    cx: &Cx<'_, S>,
    currencies: &ProgramCurrencies,
) -> Result<ProgramCurrencies> {
    admin_only(cx.user)?;
    currencies.check()?;
    cx.store.put_currencies(currencies).await?;
    Ok(currencies.clone())
}

/// Holds a deal's or opportunity's fields (`product`, `currency`) to the picklists, writing the
/// catalogue's spelling of the product; `before` is the record's fields when it is edited.
pub async fn pick<S: ProductStore>(
    store: &S,
    map: &mut Map<String, Value>,
    before: Option<&Map<String, Value>>,
) -> Result<()> {
    let errors = picked(store, map, before).await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors).into())
    }
}

/// [`pick`], giving the field errors instead of failing on them.
pub async fn picked<S: ProductStore>(
    store: &S,
    map: &mut Map<String, Value>,
    before: Option<&Map<String, Value>>,
) -> Result<Vec<FieldError>> {
    let text = |m: &Map<String, Value>, f: &str| m.get(f).and_then(Value::as_str).map(String::from);
    let kept = |f: &str| before.and_then(|b| text(b, f));
    let products = store.products().await?;
    let currencies = store.currencies().await?.currencies;
    let picks = Picklists {
        products: &products,
        currencies: &currencies,
    };
    let mut errors: Vec<FieldError> = Vec::new();
    if let Some(product) = text(map, "product") {
        match picks.product(&product, kept("product").as_deref()) {
            Ok(name) => {
                map.insert("product".into(), name.into());
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(currency) = text(map, "currency") {
        if let Err(e) = picks.currency(&currency, kept("currency").as_deref()) {
            errors.push(e);
        }
    }
    Ok(errors)
}
