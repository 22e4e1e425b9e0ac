//! JWT mode against a test identity provider on 127.0.0.1: who gets a token, and every way of not
//! getting one, each with its status and reason.

mod common;

use common::*;
use serde_json::{json, Value};

async fn provider() -> Idp {
    let k = keys();
    Idp::start(vec![k.rsa.jwk.clone(), k.ec.jwk.clone(), k.ed.jwk.clone()]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_is_for_the_jwts_subject_with_each_algorithm() {
    let idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    for key in [&keys().rsa, &keys().ec, &keys().ed] {
        let jwt = sign(key, &claims(&format!("user-{:?}", key.alg)));
        let (status, body) = ask(&server, Some(&jwt), json!({})).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            decoded(body["token"].as_str().unwrap()).user_id,
            format!("user-{:?}", key.alg)
        );
        assert_eq!(body["user_id"], format!("user-{:?}", key.alg));
        assert_eq!(body["app_id"], APP_ID);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_token_carries_the_room_and_privileges_asked_for() {
    let idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let jwt = sign(&keys().ec, &claims("alice"));
    let (status, body) = ask(
        &server,
        Some(&jwt),
        json!({"room_id": "room-1", "privileges": ["login", "publish"], "stream_ids": ["s1"], "ttl": 120}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let claims = decoded(body["token"].as_str().unwrap());
    assert_eq!(claims.user_id, "alice");
    assert_eq!(claims.expire - claims.ctime, 120);
    assert_eq!(body["expire"], claims.expire);
    let payload: Value = serde_json::from_str(&claims.payload).unwrap();
    assert_eq!(payload["room_id"], "room-1");
    assert_eq!(payload["privilege"], json!({"1": 1, "2": 1}));
    assert_eq!(payload["stream_id_list"], json!(["s1"]));
    let expires_at = body["expires_at"].as_str().unwrap();
    assert!(expires_at.ends_with('Z') && expires_at.len() == 20, "{expires_at}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_authentication_failure_gets_its_status_and_reason() {
    let idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let k = keys();
    let mut expired = claims("u");
    expired["exp"] = json!(now() - 60);
    let mut early = claims("u");
    early["nbf"] = json!(now() + 600);
    let mut wrong_iss = claims("u");
    wrong_iss["iss"] = json!("https://evil.test");
    let mut wrong_aud = claims("u");
    wrong_aud["aud"] = json!("another-app");
    let mut no_exp = claims("u");
    no_exp.as_object_mut().unwrap().remove("exp");
    let mut no_sub = claims("u");
    no_sub.as_object_mut().unwrap().remove("sub");
    let cases: Vec<(&str, Option<String>, u16, &str)> = vec![
        ("no Authorization header", None, 401, "missing_credentials"),
        ("not a JWT", Some("not-a-jwt".into()), 401, "malformed_jwt"),
        (
            "signed by another key under a known kid",
            Some(sign(&k.impostor, &claims("u"))),
            401,
            "bad_signature",
        ),
        ("wrong issuer", Some(sign(&k.ec, &wrong_iss)), 401, "wrong_issuer"),
        ("wrong audience", Some(sign(&k.ec, &wrong_aud)), 401, "wrong_audience"),
        ("expired", Some(sign(&k.ec, &expired)), 401, "expired"),
        ("not yet valid", Some(sign(&k.ec, &early)), 401, "not_yet_valid"),
        ("no exp", Some(sign(&k.ec, &no_exp)), 401, "missing_claim"),
        ("no sub", Some(sign(&k.ec, &no_sub)), 401, "missing_claim"),
        (
            "alg none",
            Some(forged(&json!({"alg": "none", "typ": "JWT"}), &claims("u"), None)),
            401,
            "algorithm_not_allowed",
        ),
        (
            "HS256 signed with the provider's public key",
            Some(forged(
                &json!({"alg": "HS256", "kid": "rsa-1"}),
                &claims("u"),
                Some(k.rsa.public_pem.as_bytes()),
            )),
            401,
            "algorithm_not_allowed",
        ),
        ("unknown kid", Some(sign(&k.rotated, &claims("u"))), 401, "unknown_key"),
        (
            "a subject too long for a ZEGO user id",
            Some(sign(&k.ec, &claims(&"x".repeat(65)))),
            403,
            "user_id_invalid",
        ),
    ];
    for (case, jwt, status, reason) in cases {
        let (got, body) = ask(&server, jwt.as_deref(), json!({})).await;
        assert_eq!(
            (got, body["error"]["reason"].as_str().unwrap_or("")),
            (status, reason),
            "{case}: {body}"
        );
        assert!(!body["error"]["message"].as_str().unwrap().is_empty(), "{case}");
    }
    let (_, body) = ask(&server, Some(&sign(&k.ec, &claims(&"x".repeat(65)))), json!({})).await;
    assert_eq!(body["error"]["code"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_id_is_never_taken_from_the_caller_in_jwt_mode() {
    let idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let (status, body) = ask(
        &server,
        Some(&sign(&keys().ec, &claims("alice"))),
        json!({"user_id": "admin"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["reason"].as_str()),
        (400, Some("user_id_not_accepted"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_id_claim_is_configurable() {
    let idp = provider().await;
    let config =
        jwt_config(&idp.url(), "").replace("leeway_seconds = 5", "leeway_seconds = 5\nuser_id_claim = \"uid\"");
    let server = Server::start(&config);
    let mut with_uid = claims("subject-is-ignored");
    with_uid["uid"] = json!("u-42");
    let (status, body) = ask(&server, Some(&sign(&keys().ec, &with_uid)), json!({})).await;
    assert_eq!((status, body["user_id"].as_str()), (200, Some("u-42")), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_published_after_start_are_fetched_on_their_first_kid() {
    let idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let jwt = sign(&keys().rotated, &claims("u"));
    assert_eq!(ask(&server, Some(&jwt), json!({})).await.0, 401);
    idp.publish(keys().rotated.jwk.clone());
    // The floor (1 s here) keeps unknown kids from fetching more often than that.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (status, body) = ask(&server, Some(&jwt), json!({})).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_kids_cannot_make_the_server_hammer_the_provider() {
    let idp = provider().await;
    let server = Server::start(
        &jwt_config(&idp.url(), "").replace("jwks_min_refresh_seconds = 1", "jwks_min_refresh_seconds = 60"),
    );
    let before = idp.fetches.load(std::sync::atomic::Ordering::SeqCst);
    for _ in 0..20 {
        assert_eq!(
            ask(&server, Some(&sign(&keys().rotated, &claims("u"))), json!({}))
                .await
                .0,
            401
        );
    }
    let after = idp.fetches.load(std::sync::atomic::Ordering::SeqCst);
    assert!(after - before <= 1, "{} fetches for 20 unknown kids", after - before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_provider_down_at_start_the_server_is_not_ready_until_it_answers() {
    let mut idp = provider().await;
    idp.stop().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    let ready = client().get(server.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    let (status, body) = ask(&server, Some(&sign(&keys().ec, &claims("u"))), json!({})).await;
    assert_eq!(
        (status, body["error"]["reason"].as_str()),
        (503, Some("keys_unavailable"))
    );
    assert_eq!(client().get(server.url("/healthz")).send().await.unwrap().status(), 200);
    idp.restart().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while client().get(server.url("/readyz")).send().await.unwrap().status() != 200 {
        assert!(
            std::time::Instant::now() < deadline,
            "not ready after the provider came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        ask(&server, Some(&sign(&keys().ec, &claims("u"))), json!({})).await.0,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_provider_down_after_start_cached_keys_keep_working() {
    let mut idp = provider().await;
    let server = Server::start(&jwt_config(&idp.url(), ""));
    assert_eq!(
        ask(&server, Some(&sign(&keys().rsa, &claims("u"))), json!({})).await.0,
        200
    );
    idp.stop().await;
    for key in [&keys().rsa, &keys().ec, &keys().ed] {
        assert_eq!(ask(&server, Some(&sign(key, &claims("u"))), json!({})).await.0, 200);
    }
    // An unknown kid tries the provider, fails, and is refused; the cache survives.
    assert_eq!(
        ask(&server, Some(&sign(&keys().rotated, &claims("u"))), json!({}))
            .await
            .0,
        401
    );
    assert_eq!(
        ask(&server, Some(&sign(&keys().ec, &claims("u"))), json!({})).await.0,
        200
    );
    assert_eq!(client().get(server.url("/readyz")).send().await.unwrap().status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_from_a_local_jwks_file_or_pem_files_verify_too() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let jwks = dir.path().join("jwks.json");
    std::fs::write(&jwks, json!({"keys": [k.ec.jwk]}).to_string()).unwrap();
    let pem = dir.path().join("ed.pem");
    std::fs::write(&pem, &k.ed.public_pem).unwrap();
    let from_file = jwt_config_with_key_file("jwks_file", &jwks, "");
    let server = Server::start(&from_file);
    assert_eq!(ask(&server, Some(&sign(&k.ec, &claims("u"))), json!({})).await.0, 200);
    assert_eq!(ask(&server, Some(&sign(&k.ed, &claims("u"))), json!({})).await.0, 401);
    let from_pem = jwt_config_with_key_file("pem_files", &pem, "");
    let server = Server::start(&from_pem);
    assert_eq!(ask(&server, Some(&sign(&k.ed, &claims("u"))), json!({})).await.0, 200);
    assert_eq!(ask(&server, Some(&sign(&k.ec, &claims("u"))), json!({})).await.0, 401);
}
