//! Conformance with the shared vectors: every official token decodes to its recorded claims, and
//! every crafted invalid token gives its category's error.

mod common;

use common::{category, str_of, vectors};
use zego_token::{decode, verify, Mode, VerifyOptions};

#[test]
fn every_official_token_decodes_to_its_recorded_claims() {
    let rows = vectors("official-tokens.jsonl");
    assert_eq!(rows.len(), 576);
    for row in &rows {
        let claims = decode(str_of(row, "token"), str_of(row, "secret"))
            .unwrap_or_else(|e| panic!("{} token failed: {e}", str_of(row, "generator")));
        let expected = &row["claims"];
        assert_eq!(u64::from(claims.app_id), expected["app_id"].as_u64().unwrap());
        assert_eq!(claims.user_id, str_of(expected, "user_id"));
        assert_eq!(claims.ctime, expected["ctime"].as_i64().unwrap());
        assert_eq!(claims.expire, expected["expire"].as_i64().unwrap());
        assert_eq!(claims.nonce, expected["nonce"].as_i64().unwrap());
        assert_eq!(claims.payload, str_of(expected, "payload"));
        let mode = match str_of(row, "format") {
            "gcm" => Mode::Gcm,
            "cbc" => Mode::LegacyCbc,
            other => panic!("unknown format {other}"),
        };
        assert_eq!(claims.mode, mode);
    }
}

#[test]
fn every_official_generator_is_covered() {
    let rows = vectors("official-tokens.jsonl");
    for generator in ["go-gcm", "php-gcm", "go-cbc", "python-cbc"] {
        assert!(rows.iter().any(|r| str_of(r, "generator") == generator), "{generator}");
    }
}

#[test]
fn every_invalid_token_gives_its_category() {
    let rows = vectors("invalid-tokens.jsonl");
    assert_eq!(rows.len(), 30);
    for row in &rows {
        let (token, secret) = (str_of(row, "token"), str_of(row, "secret"));
        let result = match str_of(row, "check") {
            "decode" => decode(token, secret).map(|_| ()),
            "verify" => {
                let options = VerifyOptions::new()
                    .at(row["now"].as_i64().unwrap())
                    .leeway(row["leeway_seconds"].as_i64().unwrap());
                verify(token, secret, row["app_id"].as_u64().unwrap() as u32, &options).map(|_| ())
            }
            other => panic!("unknown check {other}"),
        };
        assert_eq!(result.err(), category(str_of(row, "expect")), "{}", str_of(row, "name"));
    }
}

#[test]
fn every_verify_case_gives_its_code_and_secret_index() {
    let rows = vectors("verify-cases.jsonl");
    assert!(rows.len() >= 16);
    for row in &rows {
        let secrets: Vec<&str> = row["secrets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        // A case without "now" checks at the system clock.
        let mut options = zego_token::VerifyOptions::new().leeway(row["leeway_seconds"].as_i64().unwrap());
        if let Some(now) = row.get("now") {
            options = options.at(now.as_i64().unwrap());
        }
        if let Some(user_id) = row["user_id"].as_str() {
            options = options.user_id(user_id);
        }
        if row["require_gcm"].as_bool().unwrap() {
            options = options.require_gcm();
        }
        let app_id = u32::try_from(row["app_id"].as_u64().unwrap()).unwrap();
        let outcome = zego_token::verify_with_any(str_of(row, "token"), &secrets, app_id, &options);
        let name = str_of(row, "name");
        match row["expect_code"].as_i64().unwrap() {
            0 => assert_eq!(
                outcome.map(|(_, i)| i as u64).ok(),
                row["secret_index"].as_u64(),
                "{name}"
            ),
            code => assert_eq!(outcome.map_err(|e| i64::from(e.code())).err(), Some(code), "{name}"),
        }
    }
}

#[test]
fn every_token_breaking_a_generation_rule_decodes_with_its_findings() {
    let rows = vectors("finding-tokens.jsonl");
    assert_eq!(rows.len(), 6);
    for row in &rows {
        let name = str_of(row, "name");
        let claims = decode(str_of(row, "token"), str_of(row, "secret")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &row["claims"];
        assert_eq!(claims.user_id, str_of(expected, "user_id"), "{name}");
        assert_eq!(claims.nonce, expected["nonce"].as_i64().unwrap(), "{name}");
        assert_eq!(claims.mode.as_str(), str_of(row, "format"), "{name}");
        let findings: Vec<&str> = row["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert_eq!(claims.findings().names(), findings, "{name}");
    }
}

#[test]
fn tokens_breaking_a_generation_rule_verify_when_current_and_fail_as_bad_plaintext_when_legacy() {
    for row in &vectors("finding-tokens.jsonl") {
        let name = str_of(row, "name");
        let options = VerifyOptions::new().at(row["now"].as_i64().unwrap());
        let app_id = u32::try_from(row["app_id"].as_u64().unwrap()).unwrap();
        let outcome = verify(str_of(row, "token"), str_of(row, "secret"), app_id, &options);
        match row["verify_code"].as_i64().unwrap() {
            0 => assert_eq!(outcome.unwrap().findings().names().len(), 1, "{name}"),
            code => assert_eq!(outcome.map_err(|e| i64::from(e.code())).err(), Some(code), "{name}"),
        }
    }
}
