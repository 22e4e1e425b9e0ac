//! Verification options as a handle, and the verify call that takes them with a list of secrets.
//!
//! The options grow without changing a signature: each is one setter, and a caller that sets
//! nothing gets the defaults (system clock, no leeway, any user id, both formats).

use std::ffi::c_char;

use super::claims::{deliver_claims, zego_token_claims};
use super::strings::{required_str, token_str};
use super::zego_result;
use zego::VerifyOptions;

/// What a verification checks beyond the token's integrity and app id.
///
/// Opaque and mutable. Made by `zego_verify_options_new`, changed by the `zego_verify_options_set_*`
/// functions, read by `zego_verify_token04_with_options`, and freed exactly once by
/// `zego_verify_options_free`. Not thread-safe while being changed; once set up it may be read by
/// any number of verifying threads at once.
pub struct zego_verify_options {
    inner: VerifyOptions,
}

impl zego_verify_options {
    /// The options as the core reads them.
    pub(crate) fn options(&self) -> &VerifyOptions {
        &self.inner
    }
}

/// Creates options with the defaults: the system clock, no leeway, any user id, both formats.
///
/// On success `*options_out` receives a new handle that the caller frees with
/// `zego_verify_options_free`. Returns 0, or 11 when `options_out` is NULL.
#[no_mangle]
pub extern "C" fn zego_verify_options_new(options_out: *mut *mut zego_verify_options) -> i32 {
    ffi_boundary! {
        if options_out.is_null() {
            return zego_result::NullPointer as i32;
        }
        let handle = Box::into_raw(Box::new(zego_verify_options { inner: VerifyOptions::new() }));
        // SAFETY: non-NULL and writable, per this function's contract.
        unsafe { options_out.write(handle) };
        zego_result::Ok as i32
    }
}

/// Frees options. NULL is accepted and ignored. Call exactly once per handle.
#[no_mangle]
pub extern "C" fn zego_verify_options_free(options: *mut zego_verify_options) {
    ffi_boundary! {
        if !options.is_null() {
            // SAFETY: `options` came from `zego_verify_options_new` and is freed once.
            drop(unsafe { Box::from_raw(options) });
        }
    }
}

/// Runs `change` on the options behind `options`.
///
/// # Safety
/// `options` is NULL or a live handle that no other thread uses during the call.
unsafe fn change(
    options: *mut zego_verify_options,
    change: impl FnOnce(&mut VerifyOptions) -> Result<(), zego_result>,
) -> i32 {
    // SAFETY: forwarded contract.
    match unsafe { options.as_mut() } {
        None => zego_result::NullPointer as i32,
        Some(options) => match change(&mut options.inner) {
            Ok(()) => zego_result::Ok as i32,
            Err(code) => code as i32,
        },
    }
}

/// Checks at this time, in unix seconds, instead of the system clock (any value, 0 included).
/// Returns 0, or 11 when `options` is NULL.
#[no_mangle]
pub extern "C" fn zego_verify_options_set_now(options: *mut zego_verify_options, now_unix: i64) -> i32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { change(options, |o| { o.now = Some(now_unix); Ok(()) }) }
    }
}

/// Checks at the system clock's time again (the default). Returns 0, or 11 when `options` is NULL.
#[no_mangle]
pub extern "C" fn zego_verify_options_use_system_clock(options: *mut zego_verify_options) -> i32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { change(options, |o| { o.now = None; Ok(()) }) }
    }
}

/// Tolerates `leeway_seconds` of clock skew in both directions: expired when
/// now >= expire + leeway, not yet valid when ctime > now + leeway.
/// Returns 0; 10 for a negative leeway (the options are unchanged); 11 when `options` is NULL.
#[no_mangle]
pub extern "C" fn zego_verify_options_set_leeway(options: *mut zego_verify_options, leeway_seconds: i64) -> i32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe {
            change(options, |o| {
                if leeway_seconds < 0 {
                    return Err(zego_result::InvalidArgument);
                }
                o.leeway_seconds = leeway_seconds;
                Ok(())
            })
        }
    }
}

/// Requires the token to have been made for `user_id` (NUL-terminated UTF-8, copied); NULL
/// accepts any user id again. A mismatch verifies as code 33.
/// Returns 0; 11 when `options` is NULL; 12 for invalid UTF-8 (the options are unchanged).
#[no_mangle]
pub extern "C" fn zego_verify_options_set_user_id(options: *mut zego_verify_options, user_id: *const c_char) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            change(options, |o| {
                o.user_id = if user_id.is_null() { None } else { Some(required_str(user_id)?.to_owned()) };
                Ok(())
            })
        }
    }
}

/// With `require_gcm` non-zero, a legacy CBC token is refused with code 22: that format has no
/// integrity protection, so whoever holds such a token can rewrite the start of its claims.
/// 0 accepts both formats again (the default). Returns 0, or 11 when `options` is NULL.
#[no_mangle]
pub extern "C" fn zego_verify_options_set_require_gcm(options: *mut zego_verify_options, require_gcm: i32) -> i32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { change(options, |o| { o.require_gcm = require_gcm != 0; Ok(()) }) }
    }
}

/// Verifies a token against one or more secrets (key rotation: tried in order) and `options`.
///
/// - `secrets`, `secret_count`: an array of 1 or more NUL-terminated secrets (32 ASCII bytes
///   each). A count of 0 is code 10; a count over 64 is code 10 before the array is read.
/// - `options`: NULL means the defaults (see `zego_verify_options_new`).
/// - `claims_out`: on success receives a new claims handle, freed by the caller with
///   `zego_token_claims_free`. Untouched on error.
/// - `secret_index_out`: NULL, or receives on success the index of the secret that opened the
///   token.
///
/// Returns 0, any code of `zego_verify_token04`, or: 22 also for a legacy token when the options
/// require GCM; 23 when no secret opens the token; 33 user id mismatch. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_verify_token04_with_options(
    token: *const c_char,
    secrets: *const *const c_char,
    secret_count: usize,
    app_id: u32,
    options: *const zego_verify_options,
    claims_out: *mut *mut zego_token_claims,
    secret_index_out: *mut usize,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, and `secrets` holds `secret_count` pointers,
        // per this function's contract.
        unsafe {
            let mut index = 0;
            let rc = deliver_claims(claims_out, || {
                let token = token_str(token)?;
                if secret_count == 0 || secret_count > MAX_SECRETS {
                    return Err(zego_result::InvalidArgument);
                }
                if secrets.is_null() {
                    return Err(zego_result::NullPointer);
                }
                let secrets = std::slice::from_raw_parts(secrets, secret_count)
                    .iter()
                    .map(|&s| required_str(s))
                    .collect::<Result<Vec<_>, _>>()?;
                let defaults = VerifyOptions::new();
                let options = options.as_ref().map_or(&defaults, |o| &o.inner);
                let (claims, matched) = zego::verify_with_any(token, &secrets, app_id, options)?;
                index = matched;
                Ok(claims)
            });
            if rc == zego_result::Ok as i32 && !secret_index_out.is_null() {
                secret_index_out.write(index);
            }
            rc
        }
    }
}

/// The most secrets one verification tries (`ZEGO_MAX_SECRETS` in the header).
const MAX_SECRETS: usize = super::ZEGO_MAX_SECRETS as usize;
