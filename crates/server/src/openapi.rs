//! The published OpenAPI document: utoipa's, completed from the declarations that decide what
//! really happens: each endpoint's access rule (`policy::RULES`) gives its security and its 401
//! and 403 answers, its shape (body, query, path) the 400, 404, 413 and 422 the extractors and
//! checks give, and the contract's field rules (`trellis_api::openapi::FIELDS`) the lengths,
//! ranges and formats.

use serde_json::{json, Value};
use trellis_api::openapi::{lists, FIELDS, QUERY};

use crate::auth::SESSION_COOKIE;
use crate::policy::{rule_for, Access};

/// Why each error status is given, in the order statuses are listed.
const REASONS: [(&str, &str); 7] = [
    (
        "400",
        "The body, a parameter or the query string could not be read",
    ),
    ("401", "No valid session: log in first"),
    ("403", "The signed-in user's role may not do this"),
    ("404", "No such record, or not visible to this user"),
    ("413", "The request body is larger than the server accepts"),
    (
        "422",
        "One or more fields are invalid; `field_errors` names them",
    ),
    ("409", "The change conflicts with the current state"),
];

/// Completes `doc` (utoipa's document as JSON).
pub fn complete(mut doc: Value) -> Value {
    doc["components"]["securitySchemes"] = json!({
        "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": SESSION_COOKIE,
            "description": "The session cookie `POST /api/auth/login` sets",
        }
    });
    list_parameters(&mut doc);
    each_operation(&mut doc, |path, method, op| {
        access_and_errors(path, method, op);
        query_parameters(op);
    });
    add_links(&mut doc);
    field_rules(&mut doc);
    doc
}

/// Calls `f` with (path, method, operation) for every operation.
fn each_operation(doc: &mut Value, mut f: impl FnMut(&str, &str, &mut Value)) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        for (method, op) in item.as_object_mut().into_iter().flatten() {
            f(path, method, op);
        }
    }
}

/// Each list's `sort` and `status` as enums of what that list accepts; no `status` where the
/// record kind has none.
fn list_parameters(doc: &mut Value) {
    for list in lists() {
        let statuses = status_values(doc, list.path, list.status_field);
        let pointer = format!("/paths/{}/get/parameters", list.path.replace('/', "~1"));
        let Some(params) = doc.pointer_mut(&pointer).and_then(Value::as_array_mut) else {
            continue;
        };
        params.retain(|p| p["name"] != "status" || statuses.is_some());
        for p in params.iter_mut() {
            if p["name"] == "sort" {
                let sorts: Vec<String> = list
                    .sort_fields
                    .iter()
                    .flat_map(|f| [f.to_string(), format!("-{f}")])
                    .collect();
                p["schema"] = json!({ "type": "string", "enum": sorts });
            } else if p["name"] == "status" {
                p["schema"] = json!({ "type": "string", "enum": statuses });
            }
        }
    }
}

/// The contract's field rules on the input schemas (on each variant of a tagged union).
fn field_rules(doc: &mut Value) {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for (name, fields) in FIELDS {
        let Some(schema) = schemas.get_mut(*name) else {
            continue;
        };
        let variants = match schema.get_mut("oneOf").and_then(Value::as_array_mut) {
            Some(variants) => variants.iter_mut().collect(),
            None => vec![schema],
        };
        for variant in variants {
            let Some(props) = variant.get_mut("properties").and_then(Value::as_object_mut) else {
                continue;
            };
            for (field, rule) in fields.iter() {
                if let Some(prop) = props.get_mut(*field) {
                    extend(prop, rule.schema());
                }
            }
        }
    }
}

/// Adds the keywords of `extra` (an object) to `schema` (an object).
fn extend(schema: &mut Value, extra: Value) {
    if let (Some(schema), Value::Object(extra)) = (schema.as_object_mut(), extra) {
        schema.extend(extra);
    }
}

/// OpenAPI links from each `POST` that creates a record (201) to the operations on
/// `{collection}/{id}` and below, fed with the new record's id: how a client, or the fuzzer's
/// stateful phase, gets from creating a record to working with it.
fn add_links(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object() else {
        return;
    };
    let mut links: Vec<(String, String, Value)> = Vec::new();
    for (collection, item) in paths {
        if item.pointer("/post/responses/201").is_none() {
            continue;
        }
        let prefix = format!("{collection}/{{id}}");
        for (path, target) in paths {
            if !(path == &prefix || path.starts_with(&format!("{prefix}/"))) {
                continue;
            }
            for (method, op) in target.as_object().into_iter().flatten() {
                let Some(id) = op["operationId"].as_str() else {
                    continue;
                };
                let link = json!({
                    "operationId": id,
                    "parameters": { "id": "$response.body#/id" },
                    "description": format!("{} {path} on the record just created", method.to_uppercase()),
                });
                links.push((collection.clone(), id.to_string(), link));
            }
        }
    }
    for (collection, name, link) in links {
        let pointer = format!(
            "/paths/{}/post/responses/201",
            collection.replace('/', "~1")
        );
        if let Some(created) = doc.pointer_mut(&pointer).and_then(Value::as_object_mut) {
            let all = created.entry("links").or_insert_with(|| json!({}));
            all[name] = link;
        }
    }
}

/// The wire names of a list's status filter: the enum of its items' `field`.
fn status_values(doc: &Value, path: &str, field: Option<&str>) -> Option<Value> {
    let field = field?;
    let page = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"]["$ref"]
        .as_str()?;
    let item = resolve(doc, page)?["properties"]["items"]["items"]["$ref"].as_str()?;
    let status = resolve(doc, item)?["properties"][field]["$ref"].as_str()?;
    resolve(doc, status)?.get("enum").cloned()
}

fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// Query parameters get their contract rule (`QUERY`), and say what `ApiQuery` does with an
/// empty value (`?cursor=`): it counts as not given.
fn query_parameters(op: &mut Value) {
    let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
        return;
    };
    for p in params.iter_mut().filter(|p| p["in"] == "query") {
        if let Some((_, rule)) = QUERY.iter().find(|(name, _)| p["name"] == *name) {
            extend(&mut p["schema"], rule.schema());
        }
        let schema = p["schema"].take();
        p["schema"] = json!({ "anyOf": [{ "type": "string", "maxLength": 0 }, schema] });
    }
}

/// The operation's security, from its access rule, and every error status its rule, its
/// extractors and its checks can give, with the typed error body.
fn access_and_errors(path: &str, method: &str, op: &mut Value) {
    let Ok(m) = method.to_uppercase().parse() else {
        return;
    };
    let access = rule_for(&m, path).map_or(Access::SignedIn, |r| r.access);
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let has_query = params.iter().any(|p| p["in"] == "query");
    let has_path = params.iter().any(|p| p["in"] == "path");
    let has_body = op.get("requestBody").is_some();
    let mut statuses = Vec::new();
    if has_body || has_query {
        statuses.extend(["400", "422"]);
    }
    if access != Access::Anyone {
        statuses.push("401");
        op["security"] = json!([{ "session": [] }]);
    }
    if matches!(access, Access::Staff | Access::Admin) {
        statuses.push("403");
    }
    if has_path {
        statuses.push("404");
    }
    if has_body {
        statuses.push("413");
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    for status in statuses {
        responses
            .entry(status)
            .or_insert_with(|| error_response(status));
    }
    for (status, answer) in responses.iter_mut() {
        if status.starts_with('4') && answer.get("description").is_some_and(|d| d == "") {
            answer["description"] = json!(reason(status));
        }
    }
}

fn reason(status: &str) -> &'static str {
    REASONS
        .iter()
        .find(|(s, _)| *s == status)
        .map_or("The request was refused", |(_, r)| r)
}

fn error_response(status: &str) -> Value {
    json!({
        "description": reason(status),
        "content": {
            "application/json": { "schema": { "$ref": "#/components/schemas/ApiError" } }
        },
    })
}
