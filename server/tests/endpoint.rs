//! The endpoint's behaviour in api-key and none modes, its policy refusals, limits, CORS, metrics,
//! logs, configuration checks, reloads and TLS: each through the real binary on 127.0.0.1.

mod common;

use common::*;
use serde_json::{json, Value};
use std::process::Command;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_key_caller_names_the_user() {
    let server = Server::start(&api_key_config(""));
    let (status, body) = ask(&server, Some(API_KEY), json!({"user_id": "bob"})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(decoded(body["token"].as_str().unwrap()).user_id, "bob");
    let (status, body) = ask(&server, Some(API_KEY), json!({})).await;
    assert_eq!(
        (status, body["error"]["reason"].as_str()),
        (400, Some("user_id_required"))
    );
    let (status, body) = ask(
        &server,
        Some("not-the-key-0123456789abcdef0123456789"),
        json!({"user_id": "bob"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["reason"].as_str()),
        (401, Some("invalid_api_key"))
    );
    let (status, body) = ask(&server, Some(API_KEY), json!({"user_id": "x".repeat(65)})).await;
    assert_eq!(
        (status, body["error"]["reason"].as_str(), body["error"]["code"].as_i64()),
        (400, Some("user_id_invalid"), Some(3))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_policy_refusal_names_its_rule() {
    let policy = r#"
[policy]
default_ttl = 600
max_ttl = 3600
rooms = { prefix = "game-" }
publish = "never"
stream_ids = { list = ["main"] }
"#;
    let server = Server::start(&api_key_config(policy));
    let cases = [
        (json!({"user_id": "u", "ttl": 3601}), "policy.max_ttl"),
        (json!({"user_id": "u", "room_id": "lobby"}), "policy.rooms"),
        (
            json!({"user_id": "u", "room_id": "game-1", "privileges": ["login", "publish"]}),
            "policy.publish",
        ),
        (
            json!({"user_id": "u", "room_id": "game-1", "stream_ids": ["other"]}),
            "policy.stream_ids",
        ),
    ];
    for (request, rule) in cases {
        let (status, body) = ask(&server, Some(API_KEY), request.clone()).await;
        assert_eq!(
            (status, body["error"]["reason"].as_str(), body["error"]["rule"].as_str()),
            (403, Some("policy_refused"), Some(rule)),
            "{request}"
        );
    }
    let (status, body) = ask(
        &server,
        Some(API_KEY),
        json!({"user_id": "u", "room_id": "game-1", "stream_ids": ["main"]}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let claims = decoded(body["token"].as_str().unwrap());
    assert_eq!(claims.expire - claims.ctime, 600);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_rules_read_the_jwt() {
    let idp = Idp::start(vec![keys().ec.jwk.clone()]).await;
    let policy = r#"
[policy]
rooms = { claim = "rooms" }
publish = { claim = "role", value = "host" }
"#;
    let server = Server::start(&jwt_config(&idp.url(), policy));
    let mut host = claims("h");
    host["rooms"] = json!(["r1", "r2"]);
    host["role"] = json!("host");
    let mut guest = claims("g");
    guest["rooms"] = json!("r1");
    let publish = json!({"room_id": "r1", "privileges": ["login", "publish"]});
    assert_eq!(
        ask(&server, Some(&sign(&keys().ec, &host)), publish.clone()).await.0,
        200
    );
    let (status, body) = ask(&server, Some(&sign(&keys().ec, &guest)), publish).await;
    assert_eq!((status, body["error"]["rule"].as_str()), (403, Some("policy.publish")));
    assert_eq!(
        ask(&server, Some(&sign(&keys().ec, &guest)), json!({"room_id": "r1"}))
            .await
            .0,
        200
    );
    let (status, body) = ask(&server, Some(&sign(&keys().ec, &guest)), json!({"room_id": "r2"})).await;
    assert_eq!((status, body["error"]["rule"].as_str()), (403, Some("policy.rooms")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_bodies_get_413_415_and_400() {
    let server = Server::start(&api_key_config("[limits]\nmax_body_bytes = 256\n"));
    let post = || client().post(server.url("/v1/token")).bearer_auth(API_KEY);
    let big = post()
        .header("content-type", "application/json")
        .body(format!("{{\"user_id\":\"{}\"}}", "x".repeat(300)));
    let cases = [
        (big, 413, "body_too_large"),
        (
            post().header("content-type", "text/plain").body("{\"user_id\":\"u\"}"),
            415,
            "unsupported_media_type",
        ),
        (
            post().header("content-type", "application/json").body("{\"user_id\":"),
            400,
            "invalid_json",
        ),
        (
            post()
                .header("content-type", "application/json")
                .body("{\"user\":\"u\"}"),
            400,
            "invalid_request",
        ),
        (
            post()
                .header("content-type", "application/json")
                .body("{\"user_id\":\"u\",\"ttl\":\"long\"}"),
            400,
            "invalid_request",
        ),
        (
            post()
                .header("content-type", "application/json")
                .body("{\"user_id\":\"u\",\"privileges\":[\"login\"]}"),
            400,
            "room_id_required",
        ),
    ];
    for (request, status, reason) in cases {
        let response = request.send().await.unwrap();
        let got = response.status().as_u16();
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            (got, body["error"]["reason"].as_str()),
            (status, Some(reason)),
            "{body}"
        );
    }
    let response = client().get(server.url("/v1/token")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    let response = client().get(server.url("/nowhere")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.json::<Value>().await.unwrap()["error"]["reason"], "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_over_the_limit_gets_429_with_retry_after() {
    let server = Server::start(&api_key_config(
        "[limits]\nper_user_per_minute = 2\nper_user_burst = 2\n",
    ));
    for _ in 0..2 {
        assert_eq!(ask(&server, Some(API_KEY), json!({"user_id": "busy"})).await.0, 200);
    }
    let response = client()
        .post(server.url("/v1/token"))
        .bearer_auth(API_KEY)
        .json(&json!({"user_id": "busy"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["reason"],
        "rate_limited"
    );
    assert_eq!(ask(&server, Some(API_KEY), json!({"user_id": "calm"})).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_over_the_limit_gets_429_before_authentication() {
    let server = Server::start(&api_key_config(
        "[limits]\nper_address_per_minute = 1\nper_address_burst = 3\n",
    ));
    for _ in 0..3 {
        assert_eq!(
            ask(
                &server,
                Some("wrong-key-0123456789abcdef0123456789ab"),
                json!({"user_id": "u"})
            )
            .await
            .0,
            401
        );
    }
    assert_eq!(ask(&server, Some(API_KEY), json!({"user_id": "u"})).await.0, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_answers_the_allowed_origin_only() {
    let server = Server::start(&api_key_config(
        "[cors]\nallowed_origins = [\"https://app.example.com\"]\n",
    ));
    let preflight = |origin: &str| {
        client()
            .request(reqwest::Method::OPTIONS, server.url("/v1/token"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type")
            .send()
    };
    let allowed = preflight("https://app.example.com").await.unwrap();
    assert!(allowed.status().is_success());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let methods = allowed.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_ascii_uppercase();
    assert!(methods.contains("POST"), "{methods}");
    let refused = preflight("https://evil.example.com").await.unwrap();
    assert!(refused.headers().get("access-control-allow-origin").is_none());
    let response = client()
        .post(server.url("/v1/token"))
        .header("origin", "https://app.example.com")
        .bearer_auth(API_KEY)
        .json(&json!({"user_id": "u"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_tokens_and_failures() {
    let server = Server::start(&api_key_config(
        "[limits]\nper_user_per_minute = 1\nper_user_burst = 1\n",
    ));
    ask(&server, Some(API_KEY), json!({"user_id": "m", "room_id": "r"})).await;
    ask(&server, Some(API_KEY), json!({"user_id": "m"})).await;
    ask(
        &server,
        Some("bad-key-0123456789abcdef0123456789abcd"),
        json!({"user_id": "m"}),
    )
    .await;
    let text = metrics(&server).await;
    for line in [
        "zego_token_server_tokens_issued_total{kind=\"room\"} 1",
        "zego_token_server_requests_total{outcome=\"ok\",route=\"/v1/token\"} 1",
        "zego_token_server_requests_total{outcome=\"rate_limited\",route=\"/v1/token\"} 1",
        "zego_token_server_auth_failures_total{reason=\"invalid_api_key\"} 1",
        "zego_token_server_rate_limited_total{scope=\"user\"} 1",
        "zego_token_server_request_duration_seconds_count{route=\"/v1/token\"} 3",
    ] {
        assert!(text.contains(line), "no {line:?} in\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_live_on_an_address_of_their_own() {
    let server = Server::start(&api_key_config("[metrics]\nlisten = \"127.0.0.1:0\"\n"));
    assert_eq!(client().get(server.url("/metrics")).send().await.unwrap().status(), 404);
    let event = server.wait_for_log("metrics listening", 0);
    let address = event["address"].as_str().unwrap();
    let text = client()
        .get(format!("http://{address}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("zego_token_server_in_flight_requests"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_have_a_line_per_request_and_never_a_token_secret_or_jwt() {
    let idp = Idp::start(vec![keys().ec.jwk.clone()]).await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let jwt = sign(&keys().ec, &claims("logged-user"));
    let response = client()
        .post(server.url("/v1/token"))
        .bearer_auth(&jwt)
        .header("x-request-id", "req-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "req-42");
    let body: Value = response.json().await.unwrap();
    let token = body["token"].as_str().unwrap().to_string();
    let line = server.wait_for_log("request", 0);
    assert_eq!(line["request_id"], "req-42");
    assert_eq!(line["user_id"], "logged-user");
    assert_eq!(line["status"], 200);
    assert_eq!(line["route"], "/v1/token");
    let log = server.log_text();
    let signature = jwt.rsplit('.').next().unwrap();
    assert!(
        !log.contains(&token[4..40]) && !log.contains(signature) && !log.contains(SECRET),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_applies_a_good_config_and_keeps_running_on_a_broken_one() {
    let server = Server::start(&api_key_config(""));
    assert_eq!(
        ask(&server, Some(API_KEY), json!({"user_id": "u", "room_id": "r"}))
            .await
            .0,
        200
    );
    server.rewrite_config(&api_key_config("[policy]\nroom_tokens = false\n"));
    server.reload(RELOADED);
    let (status, body) = ask(&server, Some(API_KEY), json!({"user_id": "u", "room_id": "r"})).await;
    assert_eq!(
        (status, body["error"]["rule"].as_str()),
        (403, Some("policy.room_tokens"))
    );
    std::fs::write(server.dir.path().join("secret"), "short\n").unwrap();
    let failed = server.reload(RELOAD_FAILED);
    assert!(failed["error"].as_str().unwrap().contains("secret"), "{failed}");
    assert!(!failed.to_string().contains("short"), "{failed}");
    assert_eq!(ask(&server, Some(API_KEY), json!({"user_id": "u"})).await.0, 200);
    let text = metrics(&server).await;
    assert!(
        text.contains("zego_token_server_config_reloads_total{result=\"error\"} 1"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_secret_file_signs_after_a_reload() {
    let server = Server::start(&api_key_config(""));
    let other = "fedcba9876543210fedcba9876543210";
    std::fs::write(server.dir.path().join("secret2"), other).unwrap();
    server.rewrite_config(&api_key_config("").replace("[\"{dir}/secret\"]", "[\"{dir}/secret2\", \"{dir}/secret\"]"));
    server.reload(RELOADED);
    let (_, body) = ask(&server, Some(API_KEY), json!({"user_id": "u"})).await;
    assert_eq!(
        zego_token::decode(body["token"].as_str().unwrap(), other)
            .unwrap()
            .user_id,
        "u"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_serves_the_certificate_and_a_reload_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let write_cert = |name: &str| {
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
        std::fs::write(dir.path().join("cert.pem"), cert.cert.pem()).unwrap();
        std::fs::write(dir.path().join("key.pem"), cert.key_pair.serialize_pem()).unwrap();
        let _ = name;
        reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap()
    };
    let first = write_cert("first");
    let tls = format!(
        "[tls]\ncert_file = \"{0}/cert.pem\"\nkey_file = \"{0}/key.pem\"\n",
        dir.path().display()
    );
    let server = Server::start(&api_key_config(&tls));
    assert_eq!(server.scheme, "https");
    let trusting = |cert: reqwest::Certificate| {
        reqwest::Client::builder()
            .tls_built_in_root_certs(false)
            .add_root_certificate(cert)
            .build()
            .unwrap()
    };
    let health = server.url("/healthz");
    assert!(trusting(first.clone())
        .get(&health)
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    let second = write_cert("second");
    server.reload(RELOADED);
    assert!(trusting(second)
        .get(&health)
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    assert!(
        trusting(first).get(&health).send().await.is_err(),
        "the old certificate is still served"
    );
}

fn check_config(config: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    write_secrets(dir.path());
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config.replace("{dir}", &dir.path().display().to_string())).unwrap();
    let out = Command::new(binary())
        .arg("--check-config")
        .arg(&path)
        .env_remove("ZEGO_APP_ID")
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn check_config_accepts_a_usable_config_and_names_what_is_wrong_otherwise() {
    let (ok, out) = check_config(&api_key_config(""));
    assert!(ok, "{out}");
    let (ok, out) = check_config(&api_key_config("").replace("{dir}/secret\"", "{dir}/missing\""));
    assert!(!ok && out.contains("missing"), "{out}");
    let (ok, out) = check_config(&api_key_config("[policy]\nmax_ttl = 0\n"));
    assert!(!ok && out.contains("max_ttl"), "{out}");
    let none = "listen = \"0.0.0.0:8080\"\napp_id = 1\nsecret_files = [\"{dir}/secret\"]\n[auth]\nmode = \"none\"\n";
    let (ok, out) = check_config(none);
    assert!(!ok && out.contains("loopback"), "{out}");
}

#[test]
fn a_secret_is_never_taken_from_the_command_line() {
    let out = Command::new(binary()).arg("--secret").arg(SECRET).output().unwrap();
    assert!(!out.status.success());
    let help = Command::new(binary()).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(!help.contains("--secret") && help.contains("--check-config"), "{help}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mode_none_serves_loopback_and_says_it_is_for_development() {
    let config = format!(
        "listen = \"127.0.0.1:0\"\napp_id = {APP_ID}\nsecret_files = [\"{{dir}}/secret\"]\n[auth]\nmode = \"none\"\n"
    );
    let server = Server::start(&config);
    assert_eq!(ask(&server, None, json!({"user_id": "dev"})).await.0, 200);
    assert!(server.log_text().contains("development only"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_server_cleanly() {
    let server = Server::start(&api_key_config(""));
    assert_eq!(ask(&server, Some(API_KEY), json!({"user_id": "u"})).await.0, 200);
    let status = tokio::task::spawn_blocking(move || server.stop()).await.unwrap();
    assert!(status.success(), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_forwarded_for_is_believed_only_from_a_trusted_proxy() {
    let limits = "[limits]\nper_address_per_minute = 1\nper_address_burst = 1\n";
    let with_xff = |server: &Server, address: &str| {
        client()
            .post(server.url("/v1/token"))
            .bearer_auth(API_KEY)
            .header("x-forwarded-for", address)
            .json(&json!({"user_id": "u"}))
            .send()
    };
    // 127.0.0.1 is the trusted proxy: each forwarded client has its own limit.
    let behind_proxy = Server::start(&api_key_config(&format!(
        "{limits}[proxy]\ntrusted = [\"127.0.0.1/32\"]\n"
    )));
    assert_eq!(with_xff(&behind_proxy, "198.51.100.1").await.unwrap().status(), 200);
    assert_eq!(with_xff(&behind_proxy, "198.51.100.2").await.unwrap().status(), 200);
    assert_eq!(with_xff(&behind_proxy, "198.51.100.1").await.unwrap().status(), 429);
    // Without a trusted proxy, the header is the client's own claim: ignored.
    let direct = Server::start(&api_key_config(limits));
    assert_eq!(with_xff(&direct, "198.51.100.1").await.unwrap().status(), 200);
    assert_eq!(with_xff(&direct, "198.51.100.2").await.unwrap().status(), 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_reads_a_rotated_jwks_file() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, json!({"keys": [k.ec.jwk]}).to_string()).unwrap();
    let config = jwt_config_with_key_file("jwks_file", &jwks, "");
    let server = Server::start(&config);
    let rotated = sign(&k.rotated, &claims("u"));
    assert_eq!(ask(&server, Some(&rotated), json!({})).await.0, 401);
    std::fs::write(&jwks, json!({"keys": [k.ec.jwk, k.rotated.jwk]}).to_string()).unwrap();
    server.reload(RELOADED);
    assert_eq!(ask(&server, Some(&rotated), json!({})).await.0, 200);
}
