//! Reading the shared test vectors in tests/vectors (described in docs/token04-format.md).

#![allow(dead_code)]

use serde_json::Value;
use zego_token::Error;

pub fn vectors(name: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The library's error for each category named in invalid-tokens.jsonl (`None` for "ok").
pub fn category(name: &str) -> Option<Error> {
    match name {
        "ok" => None,
        "malformed" => Some(Error::Malformed),
        "unsupported_version" => Some(Error::UnsupportedVersion),
        "unsupported_mode" => Some(Error::UnsupportedMode),
        "auth_failed" => Some(Error::AuthFailed),
        "bad_plaintext" => Some(Error::BadPlaintext),
        "expired" => Some(Error::Expired),
        "not_yet_valid" => Some(Error::NotYetValid),
        "app_id_mismatch" => Some(Error::AppIdMismatch),
        other => panic!("unknown category {other}"),
    }
}

pub fn str_of<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key].as_str().unwrap_or_else(|| panic!("{key} missing in {row}"))
}
