//! Findings: claim values outside the rules every generator follows, reported on decoded claims.
//!
//! Decoding never refuses a token for its values: ZEGO's own generators make tokens with a user id
//! of 65 or 200 characters (none of them checks the length) and, in one .NET version, an empty one,
//! and a developer debugging a login must be able to read them. Such values are named here instead,
//! and [`VerifyOptions::check`](crate::VerifyOptions::check) refuses them only in a legacy CBC token,
//! whose claims are not authenticated and where a broken rule is a sign of tampering.

use std::ffi::CStr;
use std::fmt;

use crate::{Claims, MAX_USER_ID_LEN};

/// One rule of token generation that a token's claims break.
///
/// Each has a stable snake_case [`name`](Finding::name) (the same in the CLI's JSON, the C ABI and
/// every binding) and a stable [`bit`](Finding::bit) (the C ABI's `ZEGO_FINDING_*` constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Finding {
    /// The app id is 0 (the official generators refuse it with code 1).
    AppIdZero,
    /// The user id is empty (the official generators refuse it with code 3, but for one .NET version).
    UserIdEmpty,
    /// The user id is longer than 64 bytes, ZEGO's server limit (most official generators do not check).
    UserIdTooLong,
    /// `expire` is not after `ctime`: the effective time was 0 or negative (official code 6).
    ExpireNotAfterCtime,
    /// `ctime` is before 1970: no generator's clock says so.
    CtimeBeforeEpoch,
    /// The nonce is outside the int32 range that every official generator draws it from.
    NonceOutOfRange,
}

impl Finding {
    /// Every finding, in bit order.
    pub const ALL: [Finding; 6] = [
        Finding::AppIdZero,
        Finding::UserIdEmpty,
        Finding::UserIdTooLong,
        Finding::ExpireNotAfterCtime,
        Finding::CtimeBeforeEpoch,
        Finding::NonceOutOfRange,
    ];

    /// The stable name: `app_id_zero`, `user_id_empty`, `user_id_too_long`,
    /// `expire_not_after_ctime`, `ctime_before_epoch`, `nonce_out_of_range`.
    pub fn name(self) -> &'static str {
        // The names are ASCII literals, so this conversion cannot fail.
        self.name_cstr().to_str().unwrap_or("finding")
    }

    /// The same name as [`name`](Finding::name), NUL-terminated for the C ABI.
    pub const fn name_cstr(self) -> &'static CStr {
        match self {
            Finding::AppIdZero => c"app_id_zero",
            Finding::UserIdEmpty => c"user_id_empty",
            Finding::UserIdTooLong => c"user_id_too_long",
            Finding::ExpireNotAfterCtime => c"expire_not_after_ctime",
            Finding::CtimeBeforeEpoch => c"ctime_before_epoch",
            Finding::NonceOutOfRange => c"nonce_out_of_range",
        }
    }

    /// The stable bit of this finding in a [`Findings`] set (1, 2, 4, ...).
    pub const fn bit(self) -> u32 {
        match self {
            Finding::AppIdZero => 1,
            Finding::UserIdEmpty => 1 << 1,
            Finding::UserIdTooLong => 1 << 2,
            Finding::ExpireNotAfterCtime => 1 << 3,
            Finding::CtimeBeforeEpoch => 1 << 4,
            Finding::NonceOutOfRange => 1 << 5,
        }
    }

    /// The rule broken, as a phrase: "the app id is 0", "the user id is longer than 64 bytes", ...
    pub const fn rule(self) -> &'static str {
        match self {
            Finding::AppIdZero => "the app id is 0",
            Finding::UserIdEmpty => "the user id is empty",
            Finding::UserIdTooLong => "the user id is longer than 64 bytes",
            Finding::ExpireNotAfterCtime => "the expiry is not after the creation time",
            Finding::CtimeBeforeEpoch => "the creation time is before 1970",
            Finding::NonceOutOfRange => "the nonce is not a 32-bit integer",
        }
    }

    /// The finding with this name, if there is one.
    pub fn from_name(name: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|f| f.name() == name)
    }

    fn holds_for(self, claims: &Claims) -> bool {
        match self {
            Finding::AppIdZero => claims.app_id == 0,
            Finding::UserIdEmpty => claims.user_id.is_empty(),
            Finding::UserIdTooLong => claims.user_id.len() > MAX_USER_ID_LEN,
            Finding::ExpireNotAfterCtime => claims.expire <= claims.ctime,
            Finding::CtimeBeforeEpoch => claims.ctime < 0,
            Finding::NonceOutOfRange => i32::try_from(claims.nonce).is_err(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The set of [`Finding`]s of one token's claims, from [`Claims::findings`]. Empty for every
/// token made within the rules.
///
/// ```
/// use zego_token::{Claims, Finding, Mode};
/// let claims = Claims { app_id: 1, user_id: "u".repeat(65), ctime: 10, expire: 20, nonce: 5,
///                       payload: String::new(), mode: Mode::Gcm };
/// let findings = claims.findings();
/// assert!(findings.contains(Finding::UserIdTooLong));
/// assert_eq!(findings.names(), ["user_id_too_long"]);
/// assert_eq!(findings.bits(), Finding::UserIdTooLong.bit());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Findings(u32);

impl Findings {
    /// The findings of these claims.
    pub fn of(claims: &Claims) -> Findings {
        Findings(
            Finding::ALL
                .into_iter()
                .filter(|f| f.holds_for(claims))
                .fold(0, |bits, f| bits | f.bit()),
        )
    }

    /// No finding: the claims keep every generation rule.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `finding` is in the set.
    pub const fn contains(self, finding: Finding) -> bool {
        self.0 & finding.bit() != 0
    }

    /// The set as bits (each finding's [`bit`](Finding::bit)), as the C ABI returns it.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// The findings, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Finding> {
        Finding::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// The findings' names, in bit order.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(Finding::name).collect()
    }

    /// The rules broken, joined: "the user id is empty; the nonce is not a 32-bit integer".
    pub fn rules(self) -> String {
        self.iter().map(Finding::rule).collect::<Vec<_>>().join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mode;

    fn claims() -> Claims {
        Claims {
            app_id: 1,
            user_id: "u".into(),
            ctime: 100,
            expire: 200,
            nonce: 5,
            payload: String::new(),
            mode: Mode::Gcm,
        }
    }

    #[test]
    fn claims_within_the_rules_have_no_finding() {
        assert!(claims().findings().is_empty());
        let edge = Claims {
            user_id: "u".repeat(64),
            ctime: 0,
            expire: 1,
            nonce: i64::from(i32::MIN),
            ..claims()
        };
        assert!(edge.findings().is_empty());
        assert!(Claims {
            nonce: i64::from(i32::MAX),
            ..claims()
        }
        .findings()
        .is_empty());
    }

    #[test]
    fn each_rule_broken_is_its_own_finding() {
        let cases = [
            (Claims { app_id: 0, ..claims() }, Finding::AppIdZero),
            (
                Claims {
                    user_id: String::new(),
                    ..claims()
                },
                Finding::UserIdEmpty,
            ),
            (
                Claims {
                    user_id: "u".repeat(65),
                    ..claims()
                },
                Finding::UserIdTooLong,
            ),
            (
                Claims {
                    expire: 100,
                    ..claims()
                },
                Finding::ExpireNotAfterCtime,
            ),
            (
                Claims {
                    ctime: -1,
                    expire: 10,
                    ..claims()
                },
                Finding::CtimeBeforeEpoch,
            ),
            (
                Claims {
                    nonce: 1 << 31,
                    ..claims()
                },
                Finding::NonceOutOfRange,
            ),
            (
                Claims {
                    nonce: -(1 << 31) - 1,
                    ..claims()
                },
                Finding::NonceOutOfRange,
            ),
        ];
        for (c, expected) in cases {
            assert_eq!(c.findings().iter().collect::<Vec<_>>(), [expected], "{c:?}");
        }
    }

    #[test]
    fn several_findings_come_in_bit_order_with_their_rules() {
        let c = Claims {
            app_id: 0,
            user_id: String::new(),
            expire: 50,
            ..claims()
        };
        assert_eq!(
            c.findings().names(),
            ["app_id_zero", "user_id_empty", "expire_not_after_ctime"]
        );
        assert_eq!(c.findings().bits(), 1 | 2 | 8);
        assert_eq!(
            c.findings().rules(),
            "the app id is 0; the user id is empty; the expiry is not after the creation time"
        );
    }

    #[test]
    fn names_and_bits_are_unique_and_round_trip() {
        let mut bits = 0;
        for f in Finding::ALL {
            assert_eq!(bits & f.bit(), 0, "{f}");
            bits |= f.bit();
            assert_eq!(Finding::from_name(f.name()), Some(f));
        }
        assert_eq!(Finding::from_name("nope"), None);
    }
}
