//! Verification: a decoded token checked against an app id, a clock and a leeway.

use crate::{clock, decode, Claims, Error, Mode, Secret};

/// What [`verify`] checks beyond the token's integrity. The default uses the system clock, no
/// leeway and any user id.
///
/// Time rules are JWT's: a token is expired when `now >= expire + leeway`, and not yet valid when
/// `ctime > now + leeway`.
///
/// ```
/// use zego_token::VerifyOptions;
/// let options = VerifyOptions::new().at(1_800_000_000).leeway(30).user_id("alice");
/// assert_eq!(options.leeway_seconds, 30);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// The current time in unix seconds; `None` reads the system clock.
    pub now: Option<i64>,
    /// Clock skew tolerated in both directions, in seconds; must not be negative.
    pub leeway_seconds: i64,
    /// When set, the token must have been made for this user id.
    pub user_id: Option<String>,
    /// When set, a legacy CBC token is refused with [`Error::UnsupportedMode`]: that format has
    /// no integrity protection, so whoever holds one can change the leading bytes of its claims.
    pub require_gcm: bool,
}

impl VerifyOptions {
    /// System clock, no leeway, any user id.
    pub fn new() -> VerifyOptions {
        VerifyOptions::default()
    }

    /// Checks against this time (unix seconds) instead of the system clock.
    pub fn at(mut self, now: i64) -> VerifyOptions {
        self.now = Some(now);
        self
    }

    /// Tolerates this much clock skew, in seconds.
    pub fn leeway(mut self, seconds: i64) -> VerifyOptions {
        self.leeway_seconds = seconds;
        self
    }

    /// Requires the token to have been made for this user id.
    pub fn user_id(mut self, user_id: impl Into<String>) -> VerifyOptions {
        self.user_id = Some(user_id.into());
        self
    }

    /// Refuses legacy CBC tokens, which are not authenticated: accept only the current GCM format.
    pub fn require_gcm(mut self) -> VerifyOptions {
        self.require_gcm = true;
        self
    }

    /// Checks decoded claims: the format, then (legacy CBC only) the generation rules, then app id,
    /// then user id, then expiry, then not-before.
    ///
    /// A legacy CBC token is not authenticated: whoever holds one can change the leading bytes of
    /// its claims, and claims that break a generation rule ([`Claims::findings`]) are the usual
    /// trace of that, so they are refused with [`Error::BadPlaintext`]. A GCM token is authenticated:
    /// it verifies whatever its findings, which stay on the claims for the caller to read.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a negative leeway; [`Error::UnsupportedMode`] for a legacy
    /// token when [`require_gcm`](VerifyOptions::require_gcm) is set; [`Error::BadPlaintext`] for a
    /// legacy token with findings; [`Error::AppIdMismatch`],
    /// [`Error::UserIdMismatch`], [`Error::Expired`], [`Error::NotYetValid`].
    pub fn check(&self, claims: &Claims, app_id: u32) -> Result<(), Error> {
        if self.leeway_seconds < 0 {
            return Err(Error::InvalidArgument);
        }
        if self.require_gcm && claims.mode != Mode::Gcm {
            return Err(Error::UnsupportedMode);
        }
        if claims.mode == Mode::LegacyCbc && !claims.findings().is_empty() {
            return Err(Error::BadPlaintext);
        }
        if claims.app_id != app_id {
            return Err(Error::AppIdMismatch);
        }
        if self.user_id.as_deref().is_some_and(|u| u != claims.user_id) {
            return Err(Error::UserIdMismatch);
        }
        // In i128 so that no clock, leeway or claim value can overflow.
        let now = i128::from(self.now.unwrap_or_else(clock::unix_now));
        let leeway = i128::from(self.leeway_seconds);
        if now >= i128::from(claims.expire) + leeway {
            return Err(Error::Expired);
        }
        if i128::from(claims.ctime) > now + leeway {
            return Err(Error::NotYetValid);
        }
        Ok(())
    }
}

/// Decodes a token and checks that it was made for `app_id` and is valid at the options' time.
///
/// ```
/// use zego_token::{verify, Error, VerifyOptions};
/// let secret = "0123456789abcdef0123456789abcdef";
/// let token = zego_token::generate(1, "alice", secret, 60, "")?;
/// assert!(verify(&token, secret, 1, &VerifyOptions::new()).is_ok());
/// assert_eq!(verify(&token, secret, 2, &VerifyOptions::new()), Err(Error::AppIdMismatch));
/// let later = VerifyOptions::new().at(i64::MAX);
/// assert_eq!(verify(&token, secret, 1, &later), Err(Error::Expired));
/// # Ok::<(), zego_token::Error>(())
/// ```
///
/// # Errors
/// Every error of [`decode`](crate::decode) and of [`VerifyOptions::check`].
pub fn verify(token: &str, secret: &str, app_id: u32, options: &VerifyOptions) -> Result<Claims, Error> {
    let claims = decode(token, secret)?;
    options.check(&claims, app_id)?;
    Ok(claims)
}

/// Like [`verify`], trying each of several secrets (key rotation); returns the claims and the
/// index of the secret that matched.
///
/// ```
/// use zego_token::{verify_with_any, VerifyOptions};
/// let old = "0123456789abcdef0123456789abcdef";
/// let new = "fedcba9876543210fedcba9876543210";
/// let token = zego_token::generate(1, "alice", old, 60, "")?;
/// let (claims, index) = verify_with_any(&token, &[new, old], 1, &VerifyOptions::new())?;
/// assert_eq!((claims.user_id.as_str(), index), ("alice", 1));
/// # Ok::<(), zego_token::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for an empty list, [`Error::InvalidSecret`] if any secret is
/// invalid, [`Error::AuthFailed`] when none matches; otherwise as [`verify`].
pub fn verify_with_any<S: AsRef<str>>(
    token: &str,
    secrets: &[S],
    app_id: u32,
    options: &VerifyOptions,
) -> Result<(Claims, usize), Error> {
    let (claims, index) = decode_with_any(token, secrets)?;
    options.check(&claims, app_id)?;
    Ok((claims, index))
}

/// Decodes with the first of several secrets that opens the token; returns the claims and the
/// index of that secret.
///
/// # Errors
/// As [`verify_with_any`], without the app id and time checks.
pub fn decode_with_any<S: AsRef<str>>(token: &str, secrets: &[S]) -> Result<(Claims, usize), Error> {
    if secrets.is_empty() {
        return Err(Error::InvalidArgument);
    }
    let secrets = secrets
        .iter()
        .map(|s| Secret::new(s.as_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    for (index, secret) in secrets.iter().enumerate() {
        match decode::decode_with(token, secret, None) {
            Err(Error::AuthFailed) => continue,
            other => return other.map(|claims| (claims, index)),
        }
    }
    Err(Error::AuthFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(ctime: i64, expire: i64) -> Claims {
        Claims {
            app_id: 1,
            user_id: "u".into(),
            ctime,
            expire,
            nonce: 0,
            payload: String::new(),
            mode: Mode::Gcm,
        }
    }

    #[test]
    fn valid_from_ctime_until_one_second_before_expire() {
        let c = claims(100, 200);
        assert_eq!(VerifyOptions::new().at(100).check(&c, 1), Ok(()));
        assert_eq!(VerifyOptions::new().at(199).check(&c, 1), Ok(()));
    }

    #[test]
    fn expired_at_the_expire_second_itself() {
        assert_eq!(
            VerifyOptions::new().at(200).check(&claims(100, 200), 1),
            Err(Error::Expired)
        );
    }

    #[test]
    fn leeway_extends_both_ends() {
        let c = claims(100, 200);
        assert_eq!(VerifyOptions::new().at(209).leeway(10).check(&c, 1), Ok(()));
        assert_eq!(
            VerifyOptions::new().at(210).leeway(10).check(&c, 1),
            Err(Error::Expired)
        );
        assert_eq!(VerifyOptions::new().at(90).leeway(10).check(&c, 1), Ok(()));
        assert_eq!(
            VerifyOptions::new().at(89).leeway(10).check(&c, 1),
            Err(Error::NotYetValid)
        );
    }

    #[test]
    fn negative_leeway_is_an_invalid_argument() {
        assert_eq!(
            VerifyOptions::new().at(150).leeway(-1).check(&claims(100, 200), 1),
            Err(Error::InvalidArgument)
        );
    }

    #[test]
    fn other_app_id_and_user_id_are_mismatches() {
        let c = claims(100, 200);
        assert_eq!(VerifyOptions::new().at(150).check(&c, 2), Err(Error::AppIdMismatch));
        assert_eq!(
            VerifyOptions::new().at(150).user_id("v").check(&c, 1),
            Err(Error::UserIdMismatch)
        );
        assert_eq!(VerifyOptions::new().at(150).user_id("u").check(&c, 1), Ok(()));
    }

    #[test]
    fn require_gcm_refuses_a_legacy_token_and_accepts_a_current_one() {
        let legacy = Claims {
            mode: Mode::LegacyCbc,
            ..claims(100, 200)
        };
        assert_eq!(VerifyOptions::new().at(150).check(&legacy, 1), Ok(()));
        assert_eq!(
            VerifyOptions::new().at(150).require_gcm().check(&legacy, 1),
            Err(Error::UnsupportedMode)
        );
        assert_eq!(
            VerifyOptions::new().at(150).require_gcm().check(&claims(100, 200), 1),
            Ok(())
        );
    }

    #[test]
    fn a_legacy_token_breaking_a_generation_rule_is_refused_as_bad_plaintext() {
        let long_user = Claims {
            mode: Mode::LegacyCbc,
            user_id: "u".repeat(65),
            ..claims(100, 200)
        };
        assert_eq!(
            VerifyOptions::new().at(150).check(&long_user, 1),
            Err(Error::BadPlaintext)
        );
        let app_zero = Claims {
            mode: Mode::LegacyCbc,
            app_id: 0,
            ..claims(100, 200)
        };
        assert_eq!(
            VerifyOptions::new().at(150).check(&app_zero, 1),
            Err(Error::BadPlaintext)
        );
    }

    #[test]
    fn a_current_token_breaking_a_generation_rule_verifies() {
        let long_user = Claims {
            user_id: "u".repeat(200),
            ..claims(100, 200)
        };
        assert_eq!(VerifyOptions::new().at(150).check(&long_user, 1), Ok(()));
        let empty_user = Claims {
            user_id: String::new(),
            ..claims(100, 200)
        };
        assert_eq!(VerifyOptions::new().at(150).check(&empty_user, 1), Ok(()));
    }

    #[test]
    fn extreme_times_do_not_overflow() {
        let c = claims(i64::MIN, i64::MAX);
        assert_eq!(VerifyOptions::new().at(i64::MAX).leeway(i64::MAX).check(&c, 1), Ok(()));
        assert_eq!(
            VerifyOptions::new().at(i64::MIN).check(&claims(i64::MAX, i64::MAX), 1),
            Err(Error::NotYetValid)
        );
    }

    #[test]
    fn key_rotation_needs_at_least_one_valid_secret() {
        let none: [&str; 0] = [];
        assert_eq!(decode_with_any("04AAAA", &none).unwrap_err(), Error::InvalidArgument);
        assert_eq!(decode_with_any("04AAAA", &["short"]).unwrap_err(), Error::InvalidSecret);
    }
}
