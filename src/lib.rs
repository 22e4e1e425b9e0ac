//! # zego-token-ffi
//!
//! The C ABI of zego-token, declared in `include/zego_token.h` (generated from this crate by
//! cbindgen) and built as `libzego_token` (shared and static). The token logic is the pure Rust
//! crate `zego-token` (imported here as `zego`); this crate only converts, checks and owns.
//!
//! This is the only crate with `#[no_mangle]` functions and, with the core's fork guard, the only
//! place with `unsafe` code. Its rules:
//!
//! - Every function returns 0 (`ZEGO_RESULT_OK`) or a stable non-zero code from
//!   [`zego_result`]; [`zego_error_message`](info::zego_error_message) turns a code into text.
//! - Input strings are borrowed, NUL-terminated UTF-8, for the duration of the call only.
//!   NULL for a required string is `ZEGO_RESULT_NULL_POINTER`; invalid UTF-8 is
//!   `ZEGO_RESULT_INVALID_UTF8`.
//! - Output pointers are written only on success. A string the library returns is owned by the
//!   caller and released exactly once with [`zego_string_free`](strings::zego_string_free),
//!   never with `free()`. Handles (a generator, decoded claims) are released with their own
//!   `_free` function; the strings a claims handle's accessors return belong to the handle.
//! - No panic crosses the boundary: each body runs under `catch_unwind`, and a panic becomes
//!   `ZEGO_RESULT_PANIC` (or the documented fallback of functions that return no code).
//! - Every function is thread-safe. There is no global "last error" and no global mutable state.
#![allow(non_camel_case_types)]
// The exported functions are called from C, where `unsafe` does not exist; as in rustls-ffi, each
// one checks its pointers for NULL and documents the rest of its contract instead.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

#[macro_use]
mod boundary;
mod claims;
mod finding;
mod generator;
mod info;
mod jni;
mod payload;
mod result;
mod spans;
mod strings;
mod token;
mod verify_options;

pub use claims::{
    zego_decode_token04_claims, zego_token_claims, zego_token_claims_app_id, zego_token_claims_ctime,
    zego_token_claims_expire, zego_token_claims_fields, zego_token_claims_findings, zego_token_claims_free,
    zego_token_claims_mode, zego_token_claims_nonce, zego_token_claims_payload, zego_token_claims_to_json,
    zego_token_claims_user_id, zego_token_claims_view, zego_verify_token04_claims,
};
pub use finding::{
    zego_finding_name, ZEGO_FINDING_APP_ID_ZERO, ZEGO_FINDING_CTIME_BEFORE_EPOCH, ZEGO_FINDING_EXPIRE_NOT_AFTER_CTIME,
    ZEGO_FINDING_NONCE_OUT_OF_RANGE, ZEGO_FINDING_USER_ID_EMPTY, ZEGO_FINDING_USER_ID_TOO_LONG,
};
pub use generator::{
    zego_token_generator, zego_token_generator_decode, zego_token_generator_free, zego_token_generator_generate,
    zego_token_generator_new, zego_token_generator_verify,
};
pub use info::{zego_error_message, zego_token_abi_version, zego_token_version};
pub use payload::zego_rtc_room_payload;
pub use result::zego_result;
pub use spans::{
    zego_decode_token04_bytes, zego_generate_token04_into, zego_token04_max_len, zego_token_generator_decode_bytes,
    zego_token_generator_generate_into,
};
pub use strings::zego_string_free;
pub use token::{zego_decode_token04, zego_generate_token04, zego_verify_token04};
pub use verify_options::{
    zego_verify_options, zego_verify_options_free, zego_verify_options_new, zego_verify_options_set_leeway,
    zego_verify_options_set_now, zego_verify_options_set_require_gcm, zego_verify_options_set_user_id,
    zego_verify_options_use_system_clock, zego_verify_token04_with_options,
};

/// The version of this C ABI. It changes only when a signature or a meaning changes in a way
/// that breaks existing callers; bindings compare it with their own constant at load time.
pub const ZEGO_TOKEN_ABI_VERSION: u32 = 1;

/// Length of a ServerSecret in bytes.
pub const ZEGO_SECRET_LEN: u32 = 32;
/// The longest text that can be a token, in bytes (without the NUL). A longer token argument is
/// refused as malformed (code 20) after reading at most this many bytes and one more.
pub const ZEGO_MAX_TOKEN_LEN: u32 = 174_782;
/// The longest token a generator can make, in bytes: a buffer of this size holds any token, and
/// no size the library reports (`zego_token04_max_len`, code 13's size needed) is larger.
pub const ZEGO_MAX_GENERATED_TOKEN_LEN: u32 = 87_418;
/// The longest user id, in bytes.
pub const ZEGO_MAX_USER_ID_LEN: u32 = 64;
/// The longest RTC room id, in bytes.
pub const ZEGO_MAX_ROOM_ID_LEN: u32 = 128;
/// The longest stream id, in bytes.
pub const ZEGO_MAX_STREAM_ID_LEN: u32 = 256;
/// The most stream ids an RTC room payload can hold and still fit in a token.
pub const ZEGO_MAX_STREAM_ID_COUNT: u32 = 16_383;
/// The most secrets `zego_verify_token04_with_options` tries (key rotation).
pub const ZEGO_MAX_SECRETS: u32 = 64;
/// Privilege key of the RTC room payload: may log in.
pub const ZEGO_PRIVILEGE_KEY_LOGIN: u32 = 1;
/// Privilege key of the RTC room payload: may publish streams.
pub const ZEGO_PRIVILEGE_KEY_PUBLISH: u32 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_constants_equal_the_core_constants() {
        assert_eq!(ZEGO_SECRET_LEN as usize, zego::SECRET_LEN);
        assert_eq!(ZEGO_MAX_USER_ID_LEN as usize, zego::MAX_USER_ID_LEN);
        assert_eq!(ZEGO_MAX_TOKEN_LEN as usize, zego::MAX_TOKEN_LEN);
        assert_eq!(ZEGO_MAX_GENERATED_TOKEN_LEN as usize, zego::MAX_GENERATED_TOKEN_LEN);
        assert_eq!(ZEGO_MAX_STREAM_ID_COUNT as usize, zego::MAX_STREAM_ID_COUNT);
        assert_eq!(ZEGO_MAX_ROOM_ID_LEN as usize, zego::MAX_ROOM_ID_LEN);
        assert_eq!(ZEGO_MAX_STREAM_ID_LEN as usize, zego::MAX_STREAM_ID_LEN);
        assert_eq!(ZEGO_PRIVILEGE_KEY_LOGIN, zego::PRIVILEGE_KEY_LOGIN);
        assert_eq!(ZEGO_PRIVILEGE_KEY_PUBLISH, zego::PRIVILEGE_KEY_PUBLISH);
    }
}
