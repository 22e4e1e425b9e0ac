//! The fast path: inputs as (pointer, length) byte spans, tokens written into the caller's
//! buffer. One call per token, no allocation handed to the caller and nothing to free, no
//! `strlen`: what a binding needs to cross the boundary once per token.

use std::ffi::c_char;

use super::claims::{deliver_claims, zego_token_claims};
use super::generator::zego_token_generator;
use super::zego_result;
use zego::Error;

/// Borrows `len` bytes at `ptr` as UTF-8. NULL is accepted for an empty span only.
///
/// # Safety
/// `ptr` is NULL or valid for reading `len` bytes that stay unmodified for `'a`.
unsafe fn span_str<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, zego_result> {
    if len == 0 {
        return Ok("");
    }
    if ptr.is_null() {
        return Err(zego_result::NullPointer);
    }
    // SAFETY: non-NULL and readable for `len` bytes by the caller's contract.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|_| zego_result::InvalidUtf8)
}

/// Longer than any user id: stands in for a user id span too long to be read.
const TOO_LONG_USER_ID: &str = match std::str::from_utf8(&[b'x'; zego::MAX_USER_ID_LEN + 1]) {
    Ok(text) => text,
    Err(_) => "",
};

/// A span that must not be read past `limit` bytes: a longer one is not read at all, and
/// `stand_in` (which fails the same check in the core, in the core's order) takes its place.
///
/// # Safety
/// As [`span_str`], for spans within the limit.
unsafe fn limited_span<'a>(
    ptr: *const c_char,
    len: usize,
    limit: usize,
    stand_in: &'static str,
) -> Result<&'a str, zego_result> {
    if len > limit {
        return Ok(stand_in);
    }
    // SAFETY: forwarded contract.
    unsafe { span_str(ptr, len) }
}

/// A user id span: one over 64 bytes is not read (the core then reports code 3 in its order).
///
/// # Safety
/// As [`span_str`].
unsafe fn user_id_span<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, zego_result> {
    // SAFETY: forwarded contract.
    unsafe { limited_span(ptr, len, zego::MAX_USER_ID_LEN, TOO_LONG_USER_ID) }
}

/// A secret span: one over 32 bytes is not read (the core then reports code 5 in its order).
///
/// # Safety
/// As [`span_str`].
unsafe fn secret_span<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, zego_result> {
    // SAFETY: forwarded contract.
    unsafe { limited_span(ptr, len, zego::SECRET_LEN, "") }
}

/// A payload span longer than the token's 16-bit length field can hold is not read: `generate`
/// is asked to check the other inputs with an empty payload and nowhere to write (so it makes
/// nothing), and the payload's code 7 is reported only when they are all valid, as the core's
/// order has it.
///
/// # Safety
/// As [`span_str`].
unsafe fn payload_span<'a>(
    ptr: *const c_char,
    len: usize,
    check_others: impl FnOnce(&str, &mut [u8]) -> Result<usize, Error>,
) -> Result<&'a str, (zego_result, usize)> {
    if len > usize::from(u16::MAX) {
        return Err(match check_others("", &mut []) {
            Ok(_) | Err(Error::BufferTooSmall) => (zego_result::PayloadTooLarge, 0),
            Err(error) => (error.into(), 0),
        });
    }
    // SAFETY: forwarded contract.
    unsafe { span_str(ptr, len) }.map_err(|code| (code, 0))
}

/// A token span: as [`span_str`], but a span longer than any token is refused as malformed
/// before a byte of it is read.
///
/// # Safety
/// As [`span_str`].
unsafe fn token_span<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, zego_result> {
    if len > zego::MAX_TOKEN_LEN {
        return Err(zego_result::Malformed);
    }
    // SAFETY: forwarded contract.
    unsafe { span_str(ptr, len) }
}

/// Runs `write` into the caller's buffer and reports through `token_len_out`: the token's length
/// on success, the size needed on `ZEGO_RESULT_BUFFER_TOO_SMALL`, 0 on any other error.
///
/// # Safety
/// `token_buf` is NULL or valid for writing `token_buf_len` bytes; `token_len_out` is NULL or
/// valid for writing one `size_t`.
unsafe fn deliver_into(
    token_buf: *mut c_char,
    token_buf_len: usize,
    token_len_out: *mut usize,
    write: impl FnOnce(&mut [u8]) -> Result<usize, (zego_result, usize)>,
) -> i32 {
    if token_len_out.is_null() || (token_buf.is_null() && token_buf_len != 0) {
        return zego_result::NullPointer as i32;
    }
    let out: &mut [u8] = if token_buf_len == 0 {
        &mut []
    } else {
        // SAFETY: non-NULL and writable for `token_buf_len` bytes by the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(token_buf.cast::<u8>(), token_buf_len) }
    };
    let (code, len) = match write(out) {
        Ok(len) => (zego_result::Ok, len),
        Err(failure) => failure,
    };
    // SAFETY: non-NULL and writable by the caller's contract.
    unsafe { token_len_out.write(len) };
    code as i32
}

/// The code for a core error, with the size to report: [`zego::token_len_bound`] when the buffer
/// was too small, 0 otherwise. (The Java binding's JNI functions, jni.rs, report the same way.)
pub(super) fn failure(error: Error, user_id: &str, payload: &str) -> (zego_result, usize) {
    match error {
        Error::BufferTooSmall => (zego_result::BufferTooSmall, zego::token_len_bound(user_id, payload)),
        error => (error.into(), 0),
    }
}

/// Generates a token with a generator, as `zego_token_generator_generate` does (same rules and
/// codes), from text spans into the caller's buffer: one call, nothing to free.
///
/// - `user_id`, `payload`: UTF-8 text as (pointer, length), not NUL-terminated (a NUL inside is
///   an ordinary character), read for the call only. NULL is allowed with length 0 (an empty
///   user id is code 3; an empty payload makes a basic token).
/// - `token_buf`: where the token is written, as ASCII without a terminating NUL; NULL is allowed
///   with `token_buf_len` 0, to ask for the size.
/// - `token_len_out` (required): receives the token's length on success; on code 13
///   (`ZEGO_RESULT_BUFFER_TOO_SMALL`) the buffer size that this user id and payload need (a
///   buffer of that size always succeeds, and it is never more than
///   `ZEGO_MAX_GENERATED_TOKEN_LEN`; `zego_token04_max_len` gives a bound from lengths alone); 0 on
///   any other error. Nothing is written to `token_buf` on error.
/// - Each length is checked against its limit before a byte of its span is read (a user id over
///   64 bytes is code 3, a payload over 65,535 bytes code 7, without reading them); `token_buf`
///   must not overlap the inputs.
///
/// Returns 0 or a code: 3, 6, 7, 11, 12, 13, 40 as for `zego_token_generator_generate`.
/// Input errors (a payload too large once escaped included) are reported before the buffer's
/// size. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_generator_generate_into(
    generator: *const zego_token_generator,
    user_id: *const c_char,
    user_id_len: usize,
    effective_time_in_seconds: i64,
    payload: *const c_char,
    payload_len: usize,
    token_buf: *mut c_char,
    token_buf_len: usize,
    token_len_out: *mut usize,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid for their lengths, and `generator` is live,
        // per this function's contract.
        unsafe {
            deliver_into(token_buf, token_buf_len, token_len_out, |out| {
                let generator = generator.as_ref().ok_or((zego_result::NullPointer, 0))?;
                let user_id = user_id_span(user_id, user_id_len).map_err(|code| (code, 0))?;
                let payload = payload_span(payload, payload_len, |payload, out| {
                    generator.inner().generate_into(user_id, effective_time_in_seconds, payload, out)
                })?;
                generator
                    .inner()
                    .generate_into(user_id, effective_time_in_seconds, payload, out)
                    .map_err(|error| failure(error, user_id, payload))
            })
        }
    }
}

/// Generates a token in one call, as `zego_generate_token04` does (same rules, codes and order),
/// from byte spans into the caller's buffer, as `zego_token_generator_generate_into` does.
/// `secret` is a span of 32 ASCII bytes.
///
/// Returns 0 or a code: 1, 3, 5, 6, 7, 11, 12, 13, 40. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_generate_token04_into(
    app_id: u32,
    user_id: *const c_char,
    user_id_len: usize,
    secret: *const c_char,
    secret_len: usize,
    effective_time_in_seconds: i64,
    payload: *const c_char,
    payload_len: usize,
    token_buf: *mut c_char,
    token_buf_len: usize,
    token_len_out: *mut usize,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid for their lengths, per this function's contract.
        unsafe {
            deliver_into(token_buf, token_buf_len, token_len_out, |out| {
                let user_id = user_id_span(user_id, user_id_len).map_err(|code| (code, 0))?;
                let secret = secret_span(secret, secret_len).map_err(|code| (code, 0))?;
                let payload = payload_span(payload, payload_len, |payload, out| {
                    zego::generate_into(app_id, user_id, secret, effective_time_in_seconds, payload, out)
                })?;
                zego::generate_into(app_id, user_id, secret, effective_time_in_seconds, payload, out)
                    .map_err(|error| failure(error, user_id, payload))
            })
        }
    }
}

/// The buffer size that holds a token for any user id of `user_id_len` bytes and any payload of
/// `payload_len` bytes, whatever their content (each byte counted at JSON's widest escape). For
/// sizing a buffer once, up front: 64 and 0 give 750; 64 and 1,024 give 8,942. Never more than
/// `ZEGO_MAX_GENERATED_TOKEN_LEN`, the longest token there can be. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token04_max_len(user_id_len: usize, payload_len: usize) -> usize {
    zego::max_token_len(user_id_len, payload_len)
}

/// Decodes a token given as a byte span (no NUL needed), as `zego_decode_token04_claims` does
/// (same rules, codes and ownership of `*claims_out`). `secret` is a span of 32 ASCII bytes.
/// A span longer than `ZEGO_MAX_TOKEN_LEN` is code 20 without being read. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_decode_token04_bytes(
    token: *const c_char,
    token_len: usize,
    secret: *const c_char,
    secret_len: usize,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid for their lengths, per this function's contract.
        unsafe {
            deliver_claims(claims_out, || {
                let token = token_span(token, token_len)?;
                let secret = secret_span(secret, secret_len)?;
                Ok(zego::decode(token, secret)?)
            })
        }
    }
}

/// Decodes a token given as a byte span with a generator's secret and kept key, as
/// `zego_token_generator_decode` does (same rules, codes and ownership of `*claims_out`).
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_generator_decode_bytes(
    generator: *const zego_token_generator,
    token: *const c_char,
    token_len: usize,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid for their lengths, and `generator` is live.
        unsafe {
            deliver_claims(claims_out, || {
                let generator = generator.as_ref().ok_or(zego_result::NullPointer)?;
                Ok(generator.inner().decode(token_span(token, token_len)?)?)
            })
        }
    }
}
