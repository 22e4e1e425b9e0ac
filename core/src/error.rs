//! The one error type of the library and its stable numeric codes.

use std::ffi::CStr;
use std::fmt;

/// Everything that can go wrong when generating, decoding or verifying a Token04.
///
/// Every variant has a stable numeric [`code`](Error::code), the same number in the C ABI and in
/// every language binding. Codes 1, 3, 5 and 6 mean what they mean in ZEGO's official
/// zego_server_assistant plug-in, so error handling written for it keeps working.
///
/// No variant carries input data: an error can be logged without leaking a secret or a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The app id is 0. (Official code 1.)
    InvalidAppId,
    /// The user id is empty or longer than 64 bytes. (Official code 3.)
    InvalidUserId,
    /// The server secret is not exactly 32 ASCII bytes. (Official code 5.)
    InvalidSecret,
    /// The effective time is 0 or negative, or ctime + effective time overflows. (Official code 6.)
    InvalidEffectiveTime,
    /// The plaintext would not fit the token's 16-bit length field.
    PayloadTooLarge,
    /// The RTC room id is empty or longer than 128 bytes.
    InvalidRoomId,
    /// A stream id is empty or longer than 256 bytes.
    InvalidStreamId,
    /// An argument is out of its documented range (for example a negative leeway).
    InvalidArgument,
    /// The caller's output buffer is smaller than the token needs
    /// ([`Generator::generate_into`](crate::Generator::generate_into); the size it needs is
    /// [`token_len_bound`](crate::token_len_bound)). Nothing was written.
    BufferTooSmall,
    /// The token is not a Token04: empty, too short, not base64, or its lengths do not add up.
    Malformed,
    /// The token does not start with the version prefix "04".
    UnsupportedVersion,
    /// The token's mode byte is not 1 (AES-GCM), or the token is in the legacy CBC format and
    /// the verification required the current one ([`VerifyOptions::require_gcm`](crate::VerifyOptions::require_gcm)).
    UnsupportedMode,
    /// The token was made with another secret, or it was altered.
    AuthFailed,
    /// The token decrypts, but its content is not the expected JSON claims (six keys, once each,
    /// of the right types); or, in verification only, a legacy CBC token's claims break a
    /// generation rule ([`Claims::findings`](crate::Claims::findings)), a sign of tampering in that
    /// unauthenticated format.
    BadPlaintext,
    /// The token has expired (now >= expire + leeway).
    Expired,
    /// The token was made in the future (ctime > now + leeway).
    NotYetValid,
    /// The token was made for another app id.
    AppIdMismatch,
    /// The token was made for another user id.
    UserIdMismatch,
    /// The operating system's random number generator failed.
    RandomUnavailable,
}

impl Error {
    /// Every variant, in code order. Useful for tables and exhaustive tests.
    pub const ALL: [Error; 19] = [
        Error::InvalidAppId,
        Error::InvalidUserId,
        Error::InvalidSecret,
        Error::InvalidEffectiveTime,
        Error::PayloadTooLarge,
        Error::InvalidRoomId,
        Error::InvalidStreamId,
        Error::InvalidArgument,
        Error::BufferTooSmall,
        Error::Malformed,
        Error::UnsupportedVersion,
        Error::UnsupportedMode,
        Error::AuthFailed,
        Error::BadPlaintext,
        Error::Expired,
        Error::NotYetValid,
        Error::AppIdMismatch,
        Error::UserIdMismatch,
        Error::RandomUnavailable,
    ];

    /// The stable numeric code. Never renumbered; see the table in README.md.
    pub const fn code(self) -> i32 {
        match self {
            Error::InvalidAppId => 1,
            Error::InvalidUserId => 3,
            Error::InvalidSecret => 5,
            Error::InvalidEffectiveTime => 6,
            Error::PayloadTooLarge => 7,
            Error::InvalidRoomId => 8,
            Error::InvalidStreamId => 9,
            Error::InvalidArgument => 10,
            Error::BufferTooSmall => 13,
            Error::Malformed => 20,
            Error::UnsupportedVersion => 21,
            Error::UnsupportedMode => 22,
            Error::AuthFailed => 23,
            Error::BadPlaintext => 24,
            Error::Expired => 30,
            Error::NotYetValid => 31,
            Error::AppIdMismatch => 32,
            Error::UserIdMismatch => 33,
            Error::RandomUnavailable => 40,
        }
    }

    /// The error for a numeric code, if the code belongs to this type.
    pub fn from_code(code: i32) -> Option<Error> {
        Error::ALL.iter().copied().find(|e| e.code() == code)
    }

    /// A short English sentence. It never contains input data.
    pub fn message(self) -> &'static str {
        // The texts are ASCII literals, so this conversion cannot fail.
        self.message_cstr().to_str().unwrap_or("error")
    }

    /// The same sentence as [`message`](Error::message), NUL-terminated for the C ABI.
    pub fn message_cstr(self) -> &'static CStr {
        match self {
            Error::InvalidAppId => c"app id is invalid: it must not be 0",
            Error::InvalidUserId => c"user id is invalid: it must not be empty or longer than 64 bytes",
            Error::InvalidSecret => c"secret is invalid: it must be exactly 32 ASCII bytes",
            Error::InvalidEffectiveTime => {
                c"effective time is invalid: it must be greater than 0 and must not overflow"
            }
            Error::PayloadTooLarge => c"payload is too large: the token's 16-bit length field cannot hold it",
            Error::InvalidRoomId => c"room id is invalid: it must not be empty or longer than 128 bytes",
            Error::InvalidStreamId => c"stream id is invalid: it must not be empty or longer than 256 bytes",
            Error::InvalidArgument => c"an argument is out of its allowed range",
            Error::BufferTooSmall => c"the output buffer is too small for the token",
            Error::Malformed => c"token is malformed",
            Error::UnsupportedVersion => c"token version is not supported: expected \"04\"",
            Error::UnsupportedMode => c"token encryption mode is not supported",
            Error::AuthFailed => c"wrong secret or the token was altered",
            Error::BadPlaintext => c"token content is not the expected claims",
            Error::Expired => c"token has expired",
            Error::NotYetValid => c"token is not yet valid: it was made in the future",
            Error::AppIdMismatch => c"token was made for another app id",
            Error::UserIdMismatch => c"token was made for another user id",
            Error::RandomUnavailable => c"the operating system's random number generator failed",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_codes_keep_their_numbers() {
        assert_eq!(Error::InvalidAppId.code(), 1);
        assert_eq!(Error::InvalidUserId.code(), 3);
        assert_eq!(Error::InvalidSecret.code(), 5);
        assert_eq!(Error::InvalidEffectiveTime.code(), 6);
    }

    #[test]
    fn every_code_is_unique_nonzero_and_round_trips() {
        let mut seen = std::collections::HashSet::new();
        for e in Error::ALL {
            assert_ne!(e.code(), 0);
            assert!(seen.insert(e.code()), "duplicate code {}", e.code());
            assert_eq!(Error::from_code(e.code()), Some(e));
        }
        assert_eq!(Error::from_code(0), None);
        assert_eq!(Error::from_code(9999), None);
    }

    #[test]
    fn display_is_the_message() {
        for e in Error::ALL {
            assert_eq!(e.to_string(), e.message());
            assert!(!e.message().is_empty());
        }
    }
}
