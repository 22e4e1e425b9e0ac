//! One-shot generate, decode and verify.

use std::ffi::c_char;

use super::strings::{deliver_string, optional_str, required_str, token_str};
use super::zego_result;
use zego::{Claims, VerifyOptions};

/// Generates a Token04 in the current format (AES-256-GCM, 12-byte nonce from the OS CSPRNG).
///
/// - `user_id`, `secret`: required NUL-terminated UTF-8; `secret` must be 32 ASCII bytes.
/// - `payload`: NULL means "" (a basic token); for a privilege token, the JSON from
///   `zego_rtc_room_payload`.
/// - `token_out`: on success receives a new NUL-terminated token that the caller frees with
///   `zego_string_free`. Untouched on error.
///
/// Returns 0 or a code: 1 app id 0; 3 user id empty or over 64 bytes; 5 secret invalid;
/// 6 effective time <= 0 or overflowing; 7 payload too large; 11 NULL pointer; 12 invalid UTF-8;
/// 40 OS randomness failed. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_generate_token04(
    app_id: u32,
    user_id: *const c_char,
    secret: *const c_char,
    effective_time_in_seconds: i64,
    payload: *const c_char,
    token_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_string(token_out, || {
                let user_id = required_str(user_id)?;
                let secret = required_str(secret)?;
                let payload = optional_str(payload)?;
                Ok(zego::generate(app_id, user_id, secret, effective_time_in_seconds, payload)?)
            })
        }
    }
}

/// Decodes a token (current GCM or legacy CBC format) with its secret, without checking time or
/// app id.
///
/// On success `*claims_json_out` receives new JSON that the caller frees with `zego_string_free`:
/// `{"app_id":1,"user_id":"u","ctime":..,"expire":..,"nonce":..,"payload":"..","mode":"gcm"}`
/// (`"mode":"cbc"` for a legacy token). Untouched on error.
///
/// Returns 0 or a code: 5 secret invalid; 11 NULL pointer; 12 invalid UTF-8; 20 malformed;
/// 21 not version "04"; 22 unknown mode byte; 23 wrong secret or altered; 24 bad plaintext.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zego_decode_token04(
    token: *const c_char,
    secret: *const c_char,
    claims_json_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_string(claims_json_out, || Ok(decoded(token, secret)?.to_json()))
        }
    }
}

/// Decodes a token and checks that it was made for `app_id` and is valid at `now_unix`
/// (0 means the system clock), tolerating `leeway_seconds` (>= 0) of clock skew:
/// expired when now >= expire + leeway, not yet valid when ctime > now + leeway.
///
/// On success `*claims_json_out` receives the claims JSON (see `zego_decode_token04`), freed by
/// the caller with `zego_string_free`. Untouched on error.
///
/// Returns 0, any code of `zego_decode_token04`, or: 10 negative leeway; 30 expired;
/// 31 not yet valid; 32 app id mismatch. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_verify_token04(
    token: *const c_char,
    secret: *const c_char,
    app_id: u32,
    now_unix: i64,
    leeway_seconds: i64,
    claims_json_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_string(claims_json_out, || {
                Ok(verified(token, secret, app_id, now_unix, leeway_seconds)?.to_json())
            })
        }
    }
}

/// The decode behind `zego_decode_token04` and `zego_decode_token04_claims`.
///
/// # Safety
/// `token` and `secret` are NULL or valid NUL-terminated strings for the duration of the call.
pub(super) unsafe fn decoded(token: *const c_char, secret: *const c_char) -> Result<Claims, zego_result> {
    // SAFETY: forwarded contract.
    let (token, secret) = unsafe { (token_str(token)?, required_str(secret)?) };
    Ok(zego::decode(token, secret)?)
}

/// The verification behind `zego_verify_token04` and `zego_verify_token04_claims`: `now_unix` 0
/// means the system clock.
///
/// # Safety
/// `token` and `secret` are NULL or valid NUL-terminated strings for the duration of the call.
pub(super) unsafe fn verified(
    token: *const c_char,
    secret: *const c_char,
    app_id: u32,
    now_unix: i64,
    leeway_seconds: i64,
) -> Result<Claims, zego_result> {
    // SAFETY: forwarded contract.
    let (token, secret) = unsafe { (token_str(token)?, required_str(secret)?) };
    let mut options = VerifyOptions::new().leeway(leeway_seconds);
    if now_unix != 0 {
        options = options.at(now_unix);
    }
    Ok(zego::verify(token, secret, app_id, &options)?)
}
