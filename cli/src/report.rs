//! What the commands print: claims JSON, verdicts and the sentences that explain them.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::Value;
use zego_token::{Claims, Error, Mode};

use crate::exit::token_exit_code;

/// What a legacy token's claims are worth, said wherever one is shown.
pub const LEGACY_WARNING: &str =
    "legacy CBC token: this format is not authenticated, so its claims may have been altered (verify --require-gcm refuses it)";

/// What verify was asked to expect, for the sentences that explain a mismatch.
pub struct Expected<'a> {
    pub app_id: u32,
    pub user_id: Option<&'a str>,
}

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

pub fn valid_sentence(claims: &Claims, now: i64, secret_index: usize, secret_count: usize) -> String {
    let mut sentence = format!(
        "valid: made for user {:?} of app id {}, expires {} at {}",
        claims.user_id,
        claims.app_id,
        relative(claims.expire - now),
        timestamp(claims.expire)
    );
    if secret_count > 1 {
        sentence.push_str(&format!(" (secret #{} matched)", secret_index + 1));
    }
    if claims.mode == Mode::LegacyCbc {
        sentence.push_str(" (legacy CBC format: not authenticated)");
    }
    sentence
}

/// One sentence for each reason a token is refused, the same in decode and verify. Verify passes
/// the claims, the time and what it expected, for the reasons that need them.
pub fn failure_sentence(error: Error, verified: Option<(&Claims, i64, &Expected<'_>)>) -> String {
    match (error, verified) {
        (Error::Expired, Some((c, now, _))) => {
            format!("expired {} at {}", relative(c.expire - now), timestamp(c.expire))
        }
        (Error::NotYetValid, Some((c, now, _))) => format!(
            "not yet valid: it was made at {}, {} ahead of now (is a clock wrong? --leeway tolerates skew)",
            timestamp(c.ctime),
            amount((c.ctime - now).unsigned_abs())
        ),
        (Error::AppIdMismatch, Some((c, _, expected))) => {
            format!("made for app id {} but {} was expected", c.app_id, expected.app_id)
        }
        (Error::UserIdMismatch, Some((c, _, expected))) => format!(
            "made for user id {:?} but {:?} was expected",
            c.user_id,
            expected.user_id.unwrap_or_default()
        ),
        (Error::UnsupportedMode, Some((c, _, _))) if c.mode == Mode::LegacyCbc => {
            "a legacy CBC token, refused by --require-gcm: that format is not authenticated".into()
        }
        (Error::AuthFailed, _) => "wrong secret or the token was altered".into(),
        (Error::Malformed, _) => {
            "not a token: it is empty, truncated, too long, not base64, or its lengths do not add up".into()
        }
        (Error::UnsupportedVersion, _) => "not a Token04: it does not start with \"04\"".into(),
        (Error::UnsupportedMode, _) => {
            "the token's encryption mode is unknown (only AES-GCM and legacy CBC exist)".into()
        }
        (Error::BadPlaintext, _) => "the token decrypts, but its content is not claims a generator makes".into(),
        (error, _) => error.to_string(),
    }
}

/// "in 59 minutes" / "12 minutes ago" for a number of seconds from now.
fn relative(seconds_from_now: i64) -> String {
    let amount = amount(seconds_from_now.unsigned_abs());
    if seconds_from_now >= 0 {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

fn amount(seconds: u64) -> String {
    let (n, unit) = match seconds {
        0..=119 => (seconds, "second"),
        120..=7_199 => (seconds / 60, "minute"),
        7_200..=172_799 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// RFC 3339 in UTC, or the raw number when it is outside what a calendar date can show.
fn timestamp(unix: i64) -> String {
    u64::try_from(unix)
        .ok()
        .and_then(|secs| UNIX_EPOCH.checked_add(Duration::from_secs(secs)))
        .filter(|t| *t < UNIX_EPOCH + Duration::from_secs(253_402_300_799))
        .map(|t| humantime::format_rfc3339_seconds(t).to_string())
        .unwrap_or_else(|| format!("unix time {unix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_naturally() {
        assert_eq!(relative(-720), "12 minutes ago");
        assert_eq!(relative(3540), "in 59 minutes");
        assert_eq!(relative(1), "in 1 second");
        assert_eq!(relative(-86_400 * 3), "3 days ago");
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(timestamp(1_795_773_600), "2026-11-27T10:00:00Z");
        assert_eq!(timestamp(-5), "unix time -5");
    }
}
