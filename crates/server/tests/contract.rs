//! The published contract (issue 13): the OpenAPI document says what the server does, and the
//! readers of bodies and query strings accept exactly what it says.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};

fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r.clone());
            }
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_in_the_document_resolves() {
    let doc = server::openapi();
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(all.len() > 100, "{} references", all.len());
    for r in all {
        let pointer = r.strip_prefix('#').expect("a local reference");
        assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
    }
    // Two types once shared the name `Column`, so layout rows pointed at report columns.
    let row = &doc["components"]["schemas"]["LayoutColumn"];
    assert!(row["properties"]["children"].is_object(), "{row}");
    assert!(doc["components"]["schemas"]["ReportColumn"]["properties"]["unit"].is_object());
}

#[test]
fn every_field_rule_lands_on_a_documented_field() {
    let doc = server::openapi();
    for (schema, fields) in trellis_api::openapi::FIELDS {
        let schema_doc = &doc["components"]["schemas"][*schema];
        let variants = match schema_doc["oneOf"].as_array() {
            Some(variants) => variants.iter().collect(),
            None => vec![schema_doc],
        };
        for (field, _) in fields.iter() {
            let found = variants.iter().any(|v| v["properties"][*field].is_object());
            assert!(found, "{schema}.{field} is not in the document");
        }
    }
    let decline = doc["components"]["schemas"]["LeadAction"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["properties"]["reason"].is_object())
        .unwrap();
    assert_eq!(decline["properties"]["reason"]["maxLength"], 200);
    let company = &doc["components"]["schemas"]["LeadInput"]["properties"]["company"];
    assert_eq!(company["maxLength"], 200);
    assert_eq!(company["minLength"], 1);
    let amount = &doc["components"]["schemas"]["DealInput"]["properties"]["estimated_amount"];
    assert_eq!(amount["maximum"], trellis_api::validate::MAX_AMOUNT);
}

#[test]
fn each_operation_documents_its_access_and_errors() {
    let doc = server::openapi();
    assert_eq!(
        doc["components"]["securitySchemes"]["session"]["in"],
        "cookie"
    );
    let mut checked = 0;
    for rule in server::policy::RULES {
        let op = &doc["paths"][rule.path][rule.method.to_lowercase()];
        let responses = op["responses"].as_object().expect(rule.path);
        let has = |s: &str| responses.contains_key(s);
        if rule.access != server::policy::Access::Anyone {
            assert!(has("401"), "{} {} lacks 401", rule.method, rule.path);
            assert_eq!(op["security"], json!([{ "session": [] }]), "{}", rule.path);
        }
        if op.get("requestBody").is_some() {
            assert!(
                has("400") && has("413") && has("422"),
                "{} {}",
                rule.method,
                rule.path
            );
        }
        if rule.path.contains('{') {
            assert!(has("404"), "{} {} lacks 404", rule.method, rule.path);
        }
        checked += 1;
    }
    assert!(checked > 80);
    let report_params = doc["paths"]["/api/reports"]["get"]["parameters"]
        .as_array()
        .unwrap();
    assert!(report_params.iter().all(|p| p["in"] == "query"));
    let lead_sorts = doc["paths"]["/api/leads"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "sort")
        .unwrap()
        .to_string();
    assert!(lead_sorts.contains("\"-company\""), "{lead_sorts}");
}

async fn lead_count(app: &TestApp, cookie: &str, q: &str) -> usize {
    let (_, _, text) = send(app, get(&format!("/api/leads?q={q}"), Some(cookie))).await;
    let page: Value = serde_json::from_str(&text).unwrap();
    page["items"].as_array().unwrap().len()
}

#[tokio::test]
async fn trailing_data_after_a_json_body_is_refused() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    let one = r#"{"company":"Two","contact_name":"A","email":"a@two.example"}"#;
    for body in [
        format!(r#"{one}{{"company":"Second","contact_name":"B","email":"b@two.example"}}"#),
        format!("{one} xyz"),
        format!("{one},"),
    ] {
        let (status, _, text) = send(
            &app,
            json_req(Method::POST, "/api/leads", &body, Some(&cookie)),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {text}");
        assert!(error_body(&text)["message"]
            .as_str()
            .unwrap()
            .contains("nothing after it"));
    }
    assert_eq!(lead_count(&app, &cookie, "Two").await, 0, "nothing stored");
    let (status, _, _) = send(
        &app,
        json_req(
            Method::POST,
            "/api/leads",
            &format!("{one}\n \t"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "white space after is fine");
}

#[tokio::test]
async fn whole_numbers_written_as_decimals_are_integers() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    let body = json!({"name": "Float deal", "account_name": "Globex", "stage": "proposal",
        "amount": 1500.0, "currency": "EUR", "close_date": "2027-03-01", "probability": -0.0});
    let (status, _, text) = send(
        &app,
        json_req(
            Method::POST,
            "/api/opportunities",
            &body.to_string(),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let created: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (created["amount"].clone(), created["probability"].clone()),
        (json!(1500), json!(0))
    );
    let fraction = body.to_string().replace("1500.0", "1500.5");
    let (status, _, text) = send(
        &app,
        json_req(Method::POST, "/api/opportunities", &fraction, Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert_eq!(error_body(&text)["field_errors"][0]["field"], "amount");
}

#[tokio::test]
async fn head_answers_wherever_get_does() {
    let app = test_app(false).await;
    let cookie = login(&app, "partner@acme.test").await;
    for (path, cookie, want) in [
        ("/api/health", None, StatusCode::OK),
        ("/api/leads", Some(cookie.as_str()), StatusCode::OK),
        ("/api/leads", None, StatusCode::UNAUTHORIZED),
        ("/api/reports", Some(cookie.as_str()), StatusCode::OK),
    ] {
        let mut req = Request::builder().method(Method::HEAD).uri(path);
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let (status, _, body) = send(&app, req.body(Body::empty()).unwrap()).await;
        assert_eq!(status, want, "HEAD {path}");
        assert!(body.is_empty(), "HEAD {path} sent a body");
    }
}

#[tokio::test]
async fn empty_query_parameters_count_as_not_given() {
    let app = test_app(false).await;
    let cookie = login(&app, "admin@trellis.test").await;
    let (_, _, plain) = send(&app, get("/api/leads", Some(&cookie))).await;
    for path in [
        "/api/leads?cursor=&q=&status=&sort=&limit=&partner_account_id=",
        "/api/accounts?cursor=",
        "/api/audit?cursor=&from=&to=&kind=",
        "/api/reports?from=&to=",
    ] {
        let (status, _, text) = send(&app, get(path, Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK, "{path}: {text}");
        if path.starts_with("/api/leads") {
            assert_eq!(text, plain);
        }
    }
    for path in ["/api/leads?cursor=zz", "/api/accounts?cursor=x"] {
        let (status, _, text) = send(&app, get(path, Some(&cookie))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(error_body(&text)["field_errors"][0]["field"], "cursor");
    }
    for path in [
        "/api/leads?limit=0",
        "/api/users?limit=201",
        "/api/audit?limit=0",
    ] {
        let (status, _, text) = send(&app, get(path, Some(&cookie))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {text}");
        assert_eq!(error_body(&text)["field_errors"][0]["field"], "limit");
    }
}

/// Two tier writes racing past the rank check meet the unique index; the refusal names the fields.
#[tokio::test]
async fn a_unique_key_violation_names_the_fields() {
    use trellis_core::accounts::AccountStore;
    let app = test_app(false).await;
    let store = server::store::Db(app.db.clone(), app.memo.clone());
    let twin = trellis_api::Tier {
        id: "tier_twin".into(),
        program_id: "prog_resell".into(),
        name: "Twin".into(),
        rank: 2,
        benefits: String::new(),
        requirements: String::new(),
    };
    let refused = store.put_tier(&twin).await.expect_err("rank 2 is Silver's");
    let trellis_core::CoreError::Api(api) = refused else {
        panic!("a typed refusal, got {refused:?}");
    };
    assert_eq!(api.code, trellis_api::ErrorCode::Conflict);
    let fields: Vec<&str> = api.field_errors.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["program_id", "rank"]);
}
