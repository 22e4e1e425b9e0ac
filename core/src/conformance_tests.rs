//! Byte-for-byte conformance with the official Go generator, through the test-only door of
//! fixed clock and nonces (`Generator::seal`). Production draws both nonces from the CSPRNG.

use serde_json::Value;

use crate::json_string::JsonString;
use crate::Generator;

const VECTORS: &str = include_str!("../../tests/vectors/gcm-deterministic.jsonl");

fn rows() -> impl Iterator<Item = Value> {
    VECTORS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
}

fn gcm_nonce(row: &Value) -> [u8; 12] {
    let hex = row["gcm_nonce_hex"].as_str().unwrap();
    let mut out = [0u8; 12];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

#[test]
fn every_deterministic_vector_is_reproduced_byte_for_byte() {
    let mut count = 0;
    for row in rows() {
        let generator =
            Generator::new(row["app_id"].as_u64().unwrap() as u32, row["secret"].as_str().unwrap()).unwrap();
        let token = generator
            .seal_token(
                row["user_id"].as_str().unwrap(),
                row["ctime"].as_i64().unwrap(),
                row["expire"].as_i64().unwrap(),
                row["nonce"].as_i64().unwrap() as i32,
                &gcm_nonce(&row),
                row["payload"].as_str().unwrap(),
            )
            .unwrap();
        assert_eq!(token, row["token"].as_str().unwrap(), "plaintext {}", row["plaintext"]);
        count += 1;
    }
    assert_eq!(count, 72);
}

#[test]
fn every_deterministic_plaintext_is_written_exactly() {
    for row in rows() {
        let mut out = Vec::new();
        crate::plaintext::write_claims(
            &mut out,
            row["app_id"].as_u64().unwrap() as u32,
            &JsonString::new(row["user_id"].as_str().unwrap()),
            row["ctime"].as_i64().unwrap(),
            row["expire"].as_i64().unwrap(),
            row["nonce"].as_i64().unwrap(),
            &JsonString::new(row["payload"].as_str().unwrap()),
        );
        assert_eq!(String::from_utf8(out).unwrap(), row["plaintext"].as_str().unwrap());
    }
}
