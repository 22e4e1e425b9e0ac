//! The stable result codes of the C ABI.

use zego::Error;

/// Result codes of every `zego_` function. 0 is success.
///
/// The numbers are stable and are never reused or renumbered; a retired code stays listed here
/// as a comment. 1, 3, 5 and 6 are the official zego_server_assistant plug-in's codes.
/// Unlisted numbers (2, 4, ...) are unused. Functions return these values as `int32_t`.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum zego_result {
    /// Success.
    Ok = 0,
    /// The app id is 0. (Official code 1.)
    InvalidAppId = 1,
    /// The user id is empty or longer than 64 bytes. (Official code 3.)
    InvalidUserId = 3,
    /// The secret is not exactly 32 ASCII bytes. (Official code 5.)
    InvalidSecret = 5,
    /// The effective time is <= 0, or the expiry would overflow. (Official code 6.)
    InvalidEffectiveTime = 6,
    /// The plaintext would not fit the token's 16-bit length field.
    PayloadTooLarge = 7,
    /// The room id is empty or longer than 128 bytes.
    InvalidRoomId = 8,
    /// A stream id is empty or longer than 256 bytes.
    InvalidStreamId = 9,
    /// An argument is out of range (for example a negative leeway).
    InvalidArgument = 10,
    /// A required pointer is NULL.
    NullPointer = 11,
    /// A string is not valid UTF-8.
    InvalidUtf8 = 12,
    /// The caller's output buffer is too small; the size needed was written to the length
    /// out-parameter and nothing else was written. (The `_into` functions only.)
    BufferTooSmall = 13,
    /// The token is malformed (empty, not base64, lengths that run past the end, trailing bytes).
    Malformed = 20,
    /// The token does not start with "04".
    UnsupportedVersion = 21,
    /// The token's mode byte is not 1 (AES-GCM).
    UnsupportedMode = 22,
    /// Wrong secret, or the token was altered.
    AuthFailed = 23,
    /// The token decrypts but is not the expected JSON claims.
    BadPlaintext = 24,
    /// The token has expired (now >= expire + leeway).
    Expired = 30,
    /// The token was made in the future (ctime > now + leeway).
    NotYetValid = 31,
    /// The token was made for another app id.
    AppIdMismatch = 32,
    /// The token was made for another user id.
    UserIdMismatch = 33,
    /// The operating system's random number generator failed.
    RandomUnavailable = 40,
    /// A bug: the library panicked. The panic was caught; nothing was written.
    Panic = 41,
}

impl From<Error> for zego_result {
    fn from(error: Error) -> zego_result {
        match error {
            Error::InvalidAppId => zego_result::InvalidAppId,
            Error::InvalidUserId => zego_result::InvalidUserId,
            Error::InvalidSecret => zego_result::InvalidSecret,
            Error::InvalidEffectiveTime => zego_result::InvalidEffectiveTime,
            Error::PayloadTooLarge => zego_result::PayloadTooLarge,
            Error::InvalidRoomId => zego_result::InvalidRoomId,
            Error::InvalidStreamId => zego_result::InvalidStreamId,
            Error::InvalidArgument => zego_result::InvalidArgument,
            Error::BufferTooSmall => zego_result::BufferTooSmall,
            Error::Malformed => zego_result::Malformed,
            Error::UnsupportedVersion => zego_result::UnsupportedVersion,
            Error::UnsupportedMode => zego_result::UnsupportedMode,
            Error::AuthFailed => zego_result::AuthFailed,
            Error::BadPlaintext => zego_result::BadPlaintext,
            Error::Expired => zego_result::Expired,
            Error::NotYetValid => zego_result::NotYetValid,
            Error::AppIdMismatch => zego_result::AppIdMismatch,
            Error::UserIdMismatch => zego_result::UserIdMismatch,
            Error::RandomUnavailable => zego_result::RandomUnavailable,
            // `Error` is #[non_exhaustive]. This crate pins the core's exact version and the test
            // below fails for any variant missing above, so this arm is a bug, reported as one.
            _ => zego_result::Panic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_error_keeps_its_code_across_the_abi() {
        for e in Error::ALL {
            assert_eq!(zego_result::from(e) as i32, e.code(), "{e:?}");
        }
    }
}
