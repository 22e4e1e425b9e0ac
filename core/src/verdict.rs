//! A verification's outcome in one English sentence, the same wherever it is shown: the command
//! line tool's `verify` and `decode`, and the Token Inspector web page (through the WebAssembly
//! build).

use crate::{decode_with_any, Claims, Error, Mode, VerifyOptions};

/// Verifies as [`verify_with_any`](crate::verify_with_any) does, but keeps the claims when the
/// token could be read and only the check failed, for the sentence that says why. `app_id` `None`
/// checks against the token's own app id (time, user id and format only).
///
/// # Errors
/// The error, with the claims when the token could be decoded.
pub fn check<S: AsRef<str>>(
    token: &str,
    secrets: &[S],
    app_id: Option<u32>,
    options: &VerifyOptions,
) -> Result<(Claims, usize), (Error, Option<Claims>)> {
    let (claims, index) = decode_with_any(token, secrets).map_err(|e| (e, None))?;
    match options.check(&claims, app_id.unwrap_or(claims.app_id)) {
        Ok(()) => Ok((claims, index)),
        Err(e) => Err((e, Some(claims))),
    }
}

/// What a verification was asked to expect, for the sentences that explain a mismatch.
#[derive(Clone, Copy, Debug)]
pub struct Expected<'a> {
    /// The app id the token had to be made for.
    pub app_id: u32,
    /// The user id it had to be made for, if one was asked for.
    pub user_id: Option<&'a str>,
}

/// The sentence for a valid token: who it is for and when it expires, `secret_index` (of
/// `secret_count` tried) when several secrets were tried, and a warning for the legacy format.
///
/// ```
/// # let secret = "0123456789abcdef0123456789abcdef";
/// let token = zego_token::generate(1, "alice", secret, 3600, "")?;
/// let claims = zego_token::decode(&token, secret)?;
/// let sentence = zego_token::verdict::valid_sentence(&claims, claims.ctime, 0, 1);
/// assert!(sentence.starts_with("valid: made for user \"alice\" of app id 1, expires in 60 minutes at "));
/// # Ok::<(), zego_token::Error>(())
/// ```
pub fn valid_sentence(claims: &Claims, now: i64, secret_index: usize, secret_count: usize) -> String {
    let mut sentence = format!(
        "valid: made for user {:?} of app id {}, expires {} at {}",
        claims.user_id,
        claims.app_id,
        relative(seconds_between(now, claims.expire)),
        timestamp(claims.expire)
    );
    if secret_count > 1 {
        sentence.push_str(&format!(" (secret #{} matched)", secret_index + 1));
    }
    if claims.mode == Mode::LegacyCbc {
        sentence.push_str(" (legacy CBC format: not authenticated)");
    }
    let findings = claims.findings();
    if !findings.is_empty() {
        sentence.push_str(&format!(" (breaks a generation rule: {})", findings.rules()));
    }
    sentence
}

/// One sentence for each reason a token is refused. A verification passes the claims, the time
/// and what it expected, for the reasons that need them; a decode passes `None`.
pub fn failure_sentence(error: Error, verified: Option<(&Claims, i64, &Expected<'_>)>) -> String {
    match (error, verified) {
        (Error::Expired, Some((c, now, _))) => {
            format!(
                "expired {} at {}",
                relative(seconds_between(now, c.expire)),
                timestamp(c.expire)
            )
        }
        (Error::NotYetValid, Some((c, now, _))) => format!(
            "not yet valid: it was made at {}, {} ahead of now (is a clock wrong? --leeway tolerates skew)",
            timestamp(c.ctime),
            amount(seconds_between(now, c.ctime).unsigned_abs())
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
        (Error::BadPlaintext, Some((c, _, _))) if c.mode == Mode::LegacyCbc && !c.findings().is_empty() => format!(
            "a legacy CBC token whose claims break a generation rule ({}): that format is not authenticated, so the \
             token was probably altered",
            c.findings().rules()
        ),
        (Error::BadPlaintext, _) => "the token decrypts, but its content is not the six claims of a token".into(),
        (error, _) => error.to_string(),
    }
}

/// `to - from` in seconds, in i128: any two i64 times subtract without overflow.
fn seconds_between(from: i64, to: i64) -> i128 {
    i128::from(to) - i128::from(from)
}

/// "in 59 minutes" / "12 minutes ago" for a number of seconds from now.
fn relative(seconds_from_now: i128) -> String {
    let amount = amount(seconds_from_now.unsigned_abs());
    if seconds_from_now >= 0 {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

fn amount(seconds: u128) -> String {
    let (n, unit) = match seconds {
        0..=119 => (seconds, "second"),
        120..=7_199 => (seconds / 60, "minute"),
        7_200..=172_799 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// RFC 3339 in UTC ("2026-11-27T10:00:00Z"), or "unix time N" outside the years 1970 to 9999.
pub fn timestamp(unix: i64) -> String {
    if !(0..=253_402_300_799).contains(&unix) {
        return format!("unix time {unix}");
    }
    let (days, secs) = (unix / 86_400, unix % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
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
    fn sentences_at_the_extremes_of_time_neither_overflow_nor_flip_direction() {
        let c = Claims {
            app_id: 1,
            user_id: "u".into(),
            ctime: 1_795_349_584,
            expire: 1_795_353_184,
            nonce: 0,
            payload: String::new(),
            mode: Mode::Gcm,
        };
        // 292 billion years in the future: "in", never "ago".
        let far_past_now = -9_223_372_035_058_197_000;
        assert!(valid_sentence(&c, far_past_now, 0, 1).contains("expires in 106751991167286 days at"));
        assert!(valid_sentence(&c, i64::MIN, 0, 1).contains("expires in 106751991188080 days at"));
        let expected = Expected {
            app_id: 1,
            user_id: None,
        };
        let s = failure_sentence(Error::Expired, Some((&c, i64::MAX, &expected)));
        assert!(s.starts_with("expired 106751991146521 days ago"), "{s}");
        let s = failure_sentence(Error::NotYetValid, Some((&c, i64::MIN, &expected)));
        assert!(s.contains("106751991188080 days ahead of now"), "{s}");
    }

    #[test]
    fn a_refused_legacy_token_names_the_rule_it_breaks() {
        let c = Claims {
            app_id: 1,
            user_id: String::new(),
            ctime: 10,
            expire: 20,
            nonce: 0,
            payload: String::new(),
            mode: Mode::LegacyCbc,
        };
        let expected = Expected {
            app_id: 1,
            user_id: None,
        };
        let s = failure_sentence(Error::BadPlaintext, Some((&c, 15, &expected)));
        assert!(
            s.starts_with("a legacy CBC token whose claims break a generation rule (the user id is empty)"),
            "{s}"
        );
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(timestamp(1_795_773_600), "2026-11-27T10:00:00Z");
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(timestamp(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(timestamp(-5), "unix time -5");
        assert_eq!(timestamp(253_402_300_800), "unix time 253402300800");
    }

    #[test]
    fn every_day_of_four_centuries_matches_the_std_calendar_walk() {
        // Walk day by day from 1970 and compare with a plain month-length calendar.
        let (mut y, mut m, mut d) = (1970i64, 1i64, 1i64);
        for days in 0..146_097 {
            assert_eq!(civil_from_days(days), (y, m, d), "day {days}");
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize];
            d += 1;
            if d > len {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }
}
