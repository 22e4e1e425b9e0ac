//! The legacy CBC format is read but not trusted: its claims can be rewritten by whoever holds a
//! token (AES-CBC has no integrity check, and flipping a bit of the IV flips the same bit of the
//! first plaintext block). `require_gcm` refuses the format; decode reads a forged token and reports
//! its findings, and verify refuses a legacy token whose claims break a generation rule.

mod common;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::{str_of, vectors};
use zego_token::{decode, verify, Error, Mode, VerifyOptions};

/// An official Go CBC token for app 1234567890 and its secret. Go writes compact JSON with
/// app_id first, so its first plaintext block is `{"app_id":123456`.
fn official_cbc_token() -> (String, String) {
    let row = vectors("official-tokens.jsonl")
        .into_iter()
        .find(|r| str_of(r, "generator") == "go-cbc" && r["claims"]["app_id"] == 1_234_567_890)
        .expect("an official go-cbc token for app 1234567890");
    (str_of(&row, "token").to_owned(), str_of(&row, "secret").to_owned())
}

/// Rewrites the first plaintext block from `was` to `now` by changing only the IV, as anyone
/// holding the token can.
fn rewrite_first_block(token: &str, was: &[u8; 16], now: &[u8; 16]) -> String {
    let mut bytes = STANDARD.decode(&token[2..]).unwrap();
    assert_eq!(u16::from_be_bytes([bytes[8], bytes[9]]), 16, "a 16-byte CBC IV");
    for i in 0..16 {
        bytes[10 + i] ^= was[i] ^ now[i];
    }
    format!("04{}", STANDARD.encode(bytes))
}

#[test]
fn an_altered_iv_changes_a_legacy_tokens_app_id_undetected() {
    let (token, secret) = official_cbc_token();
    let forged = rewrite_first_block(&token, b"{\"app_id\":123456", b"{\"app_id\":323456");
    let claims = decode(&forged, &secret).unwrap();
    assert_eq!((claims.app_id, claims.mode), (3_234_567_890, Mode::LegacyCbc));
}

#[test]
fn require_gcm_refuses_a_legacy_token_forged_or_not() {
    let (token, secret) = official_cbc_token();
    let forged = rewrite_first_block(&token, b"{\"app_id\":123456", b"{\"app_id\":323456");
    let options = VerifyOptions::new().at(0).leeway(i64::MAX).require_gcm();
    assert_eq!(
        verify(&token, &secret, 1_234_567_890, &options).unwrap_err(),
        Error::UnsupportedMode
    );
    assert_eq!(
        verify(&forged, &secret, 3_234_567_890, &options).unwrap_err(),
        Error::UnsupportedMode
    );
}

#[test]
fn without_require_gcm_a_legacy_token_still_verifies() {
    let (token, secret) = official_cbc_token();
    let options = VerifyOptions::new().at(0).leeway(i64::MAX);
    assert_eq!(
        verify(&token, &secret, 1_234_567_890, &options).unwrap().mode,
        Mode::LegacyCbc
    );
}

#[test]
fn a_legacy_token_forged_to_app_id_zero_decodes_with_its_finding() {
    let (token, secret) = official_cbc_token();
    // `{"app_id":0,"a":7890,"user_id":...` is valid JSON with an extra key.
    let forged = rewrite_first_block(&token, b"{\"app_id\":123456", b"{\"app_id\":0,\"a\":");
    let claims = decode(&forged, &secret).unwrap();
    assert_eq!(claims.app_id, 0);
    assert_eq!(claims.findings().names(), ["app_id_zero"]);
}

#[test]
fn a_legacy_token_forged_to_app_id_zero_fails_verification_as_bad_plaintext() {
    let (token, secret) = official_cbc_token();
    let forged = rewrite_first_block(&token, b"{\"app_id\":123456", b"{\"app_id\":0,\"a\":");
    let options = VerifyOptions::new().at(0).leeway(i64::MAX);
    assert_eq!(verify(&forged, &secret, 0, &options).unwrap_err(), Error::BadPlaintext);
}
