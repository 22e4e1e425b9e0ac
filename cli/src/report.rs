//! What the commands print: claims JSON, verdicts and the sentences that explain them.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::Value;
use zego_token::{Claims, Error, Mode};

use crate::exit::token_exit_code;

/// What a legacy token's claims are worth, said wherever one is shown.
pub const LEGACY_WARNING: &str =
    "legacy CBC token: this format is not authenticated, so its claims may have been altered (verify --require-gcm refuses it)";

pub use zego_token::verdict::{failure_sentence, valid_sentence, Expected};

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The claims as printed, in the token's own order; the payload is also shown parsed when it is
/// a JSON object or array.
#[derive(Serialize)]
pub struct ClaimsOut<'a> {
    app_id: u32,
    user_id: &'a str,
    ctime: i64,
    expire: i64,
    nonce: i64,
    payload: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload_json: Option<Value>,
    mode: &'static str,
    /// False for a legacy CBC token, whose claims are not protected against alteration.
    authenticated: bool,
    /// The names of the values that break a generation rule (empty for a token made within them).
    findings: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret_index: Option<usize>,
}

impl<'a> ClaimsOut<'a> {
    /// `secret_index` is shown only when several secrets were tried.
    pub fn new(claims: &'a Claims, secret_index: usize, secret_count: usize) -> ClaimsOut<'a> {
        let payload_json = serde_json::from_str::<Value>(&claims.payload)
            .ok()
            .filter(|v| v.is_object() || v.is_array());
        ClaimsOut {
            app_id: claims.app_id,
            user_id: &claims.user_id,
            ctime: claims.ctime,
            expire: claims.expire,
            nonce: claims.nonce,
            payload: &claims.payload,
            payload_json,
            mode: claims.mode.as_str(),
            authenticated: claims.mode == Mode::Gcm,
            findings: claims.findings().names(),
            secret_index: (secret_count > 1).then_some(secret_index),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `verify --json`'s output.
#[derive(Serialize)]
pub struct VerdictOut<'a> {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    /// The library's error code, as in the C ABI and every binding.
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<i32>,
    /// The command's exit status.
    exit_status: u8,
    message: &'a str,
    now: i64,
    expected_app_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<ClaimsOut<'a>>,
}

impl<'a> VerdictOut<'a> {
    pub fn new(
        failure: Option<Error>,
        message: &'a str,
        claims: Option<ClaimsOut<'a>>,
        now: i64,
        expected: &Expected<'_>,
    ) -> VerdictOut<'a> {
        VerdictOut {
            valid: failure.is_none(),
            reason: failure.map(reason),
            error_code: failure.map(Error::code),
            exit_status: failure.map_or(0, token_exit_code),
            message,
            now,
            expected_app_id: expected.app_id,
            claims,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A stable machine-readable name for each reason, as in the test vectors.
pub fn reason(error: Error) -> &'static str {
    match error {
        Error::Malformed => "malformed",
        Error::UnsupportedVersion => "unsupported_version",
        Error::UnsupportedMode => "unsupported_mode",
        Error::AuthFailed => "auth_failed",
        Error::BadPlaintext => "bad_plaintext",
        Error::Expired => "expired",
        Error::NotYetValid => "not_yet_valid",
        Error::AppIdMismatch => "app_id_mismatch",
        Error::UserIdMismatch => "user_id_mismatch",
        _ => "invalid_input",
    }
}
