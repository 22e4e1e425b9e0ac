//! docs/server.openapi.json against the code: its paths, request and response fields, error
//! reasons and policy rules are the ones the server has, and every path answers.

use crate::api_error::REASONS;
use crate::policy::RULES;
use crate::routes::PATHS;
use crate::token_request::{REQUEST_FIELDS, RESPONSE_FIELDS};
use serde_json::Value;
use std::collections::BTreeSet;

fn openapi() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/server.openapi.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_string).collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_openapi_paths_are_the_servers() {
    assert_eq!(keys(&openapi()["paths"]), set(PATHS.iter().copied()));
}

#[test]
fn the_openapi_request_and_response_fields_are_the_servers() {
    let schemas = &openapi()["components"]["schemas"];
    assert_eq!(
        keys(&schemas["TokenRequest"]["properties"]),
        set(REQUEST_FIELDS.iter().copied())
    );
    assert_eq!(schemas["TokenRequest"]["additionalProperties"], false);
    assert_eq!(
        keys(&schemas["TokenResponse"]["properties"]),
        set(RESPONSE_FIELDS.iter().copied())
    );
    assert_eq!(
        strings(&schemas["TokenResponse"]["required"]),
        set(RESPONSE_FIELDS.iter().copied())
    );
}

#[test]
fn the_openapi_reasons_and_rules_are_the_servers() {
    let error = &openapi()["components"]["schemas"]["Error"]["properties"]["error"]["properties"];
    assert_eq!(strings(&error["reason"]["enum"]), set(REASONS.iter().copied()));
    assert_eq!(strings(&error["rule"]["enum"]), set(RULES.iter().copied()));
}

#[test]
fn every_status_the_token_route_gives_is_documented() {
    let documented = keys(&openapi()["paths"]["/v1/token"]["post"]["responses"]);
    for status in [
        "200", "400", "401", "403", "404", "405", "408", "413", "415", "429", "500", "503",
    ] {
        assert!(documented.contains(status), "{status} is not documented");
    }
}

#[tokio::test]
async fn every_documented_path_answers() {
    use crate::config::Config;
    use crate::metrics::Metrics;
    use crate::routes::{router, AppState};
    use crate::runtime::Runtime;
    use axum::extract::ConnectInfo;
    use std::sync::Arc;
    use tower::ServiceExt;

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret"), "0123456789abcdef0123456789abcdef").unwrap();
    std::fs::write(dir.path().join("key"), "k".repeat(40)).unwrap();
    let config = format!(
        "app_id = 1\nsecret_files = [\"{0}/secret\"]\n[auth]\nmode = \"api-key\"\n[auth.api_key]\nkey_files = [\"{0}/key\"]\n",
        dir.path().display()
    );
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    let config = Config::load(&dir.path().join("config.toml")).unwrap();
    let metrics = Arc::new(Metrics::new());
    let runtime = Runtime::build(config, &metrics, None).await.unwrap();
    let state = Arc::new(AppState {
        runtime: arc_swap::ArcSwap::from_pointee(runtime),
        metrics,
        draining: std::sync::atomic::AtomicBool::new(false),
    });
    let app = router(state, true);
    for path in PATHS {
        let method = if *path == "/v1/token" { "POST" } else { "GET" };
        let mut request = axum::http::Request::builder()
            .method(method)
            .uri(*path)
            .body(axum::body::Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 1))));
        let response = app.clone().oneshot(request).await.unwrap();
        assert_ne!(response.status(), 404, "{path}");
    }
}
