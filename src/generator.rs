//! The reusable, thread-safe generator handle.

use std::ffi::c_char;

use super::claims::{deliver_claims, zego_token_claims};
use super::strings::{deliver_string, optional_str, required_str, token_str};
use super::verify_options::zego_verify_options;
use super::zego_result;
use zego::{Generator, VerifyOptions};

/// A generator bound to one app id and one secret, keeping the expanded AES key.
///
/// Opaque. Created by `zego_token_generator_new`, used by `zego_token_generator_generate`,
/// `zego_token_generator_decode` and `zego_token_generator_verify` (from any number of threads
/// at once: it is immutable and thread-safe), and freed exactly once by
/// `zego_token_generator_free`, after every thread is done with it. Its key material is zeroized
/// when it is freed.
pub struct zego_token_generator {
    inner: Generator,
}

impl zego_token_generator {
    /// The core generator, for the span functions (spans.rs).
    pub(super) fn inner(&self) -> &Generator {
        &self.inner
    }
}

/// Creates a generator for `app_id` and `secret` (32 ASCII bytes).
///
/// On success `*generator_out` receives a new handle that the caller frees with
/// `zego_token_generator_free`. Untouched on error.
///
/// Returns 0 or a code: 1 app id 0; 5 secret invalid; 11 NULL pointer; 12 invalid UTF-8.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_generator_new(
    app_id: u32,
    secret: *const c_char,
    generator_out: *mut *mut zego_token_generator,
) -> i32 {
    ffi_boundary! {
        if generator_out.is_null() {
            return zego_result::NullPointer as i32;
        }
        // SAFETY: `secret` is NULL or valid, per this function's contract.
        let secret = match unsafe { required_str(secret) } {
            Ok(secret) => secret,
            Err(code) => return code as i32,
        };
        match Generator::new(app_id, secret) {
            Ok(inner) => {
                let handle = Box::into_raw(Box::new(zego_token_generator { inner }));
                // SAFETY: non-NULL and writable, per this function's contract.
                unsafe { generator_out.write(handle) };
                zego_result::Ok as i32
            }
            Err(error) => zego_result::from(error) as i32,
        }
    }
}

/// Generates a token with a generator; the same rules, codes and ownership as
/// `zego_generate_token04` (app id and secret were checked when the generator was made).
/// `generator` NULL gives 11. Thread-safe: many threads may share one generator.
#[no_mangle]
pub extern "C" fn zego_token_generator_generate(
    generator: *const zego_token_generator,
    user_id: *const c_char,
    effective_time_in_seconds: i64,
    payload: *const c_char,
    token_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, and `generator` came from
        // `zego_token_generator_new` and is not yet freed, per this function's contract.
        unsafe {
            deliver_string(token_out, || {
                let generator = generator.as_ref().ok_or(zego_result::NullPointer)?;
                let user_id = required_str(user_id)?;
                let payload = optional_str(payload)?;
                Ok(generator.inner.generate(user_id, effective_time_in_seconds, payload)?)
            })
        }
    }
}

/// Decodes a token with the generator's secret and its already expanded key; the same rules,
/// codes and ownership as `zego_decode_token04_claims`. `generator` NULL gives 11. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_generator_decode(
    generator: *const zego_token_generator,
    token: *const c_char,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, and `generator` is live, per this contract.
        unsafe {
            deliver_claims(claims_out, || {
                let generator = generator.as_ref().ok_or(zego_result::NullPointer)?;
                Ok(generator.inner.decode(token_str(token)?)?)
            })
        }
    }
}

/// Verifies a token against the generator's app id and secret and `options` (NULL: the
/// defaults); the same rules, codes and ownership as `zego_verify_token04_with_options` with one
/// secret. `generator` NULL gives 11. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_generator_verify(
    generator: *const zego_token_generator,
    token: *const c_char,
    options: *const zego_verify_options,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, and the handles are live, per this contract.
        unsafe {
            deliver_claims(claims_out, || {
                let generator = generator.as_ref().ok_or(zego_result::NullPointer)?;
                let defaults = VerifyOptions::new();
                let options = options.as_ref().map_or(&defaults, zego_verify_options::options);
                Ok(generator.inner.verify(token_str(token)?, options)?)
            })
        }
    }
}

/// Frees a generator and zeroizes its key. NULL is accepted and ignored. Call exactly once per
/// generator, when no other thread is using it.
#[no_mangle]
pub extern "C" fn zego_token_generator_free(generator: *mut zego_token_generator) {
    ffi_boundary! {
        if !generator.is_null() {
            // SAFETY: came from `Box::into_raw` in `zego_token_generator_new`, freed once.
            drop(unsafe { Box::from_raw(generator) });
        }
    }
}
