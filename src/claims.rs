//! Decoded claims as a handle with typed accessors, for callers without a JSON parser (C, C++11,
//! Java 8 through JNA, .NET Standard 2.0), so that no binding has to read the claims JSON by hand.

use std::ffi::c_char;
use std::ptr;

use super::strings::deliver_string;
use super::token::{decoded, verified};
use super::zego_result;
use zego::{Claims, Mode};

/// What a token says: app id, user id, times, nonce, payload and format.
///
/// Opaque and immutable. Made by `zego_decode_token04_claims` or `zego_verify_token04_claims`,
/// read with the `zego_token_claims_*` accessors (from any number of threads at once), and freed
/// exactly once by `zego_token_claims_free`. The strings its accessors return belong to it and
/// stay valid until it is freed.
pub struct zego_token_claims {
    claims: Claims,
    /// The user id's bytes followed by a NUL, so that it can be handed out as a C string.
    user_id: Box<[u8]>,
    /// The payload's bytes followed by a NUL.
    payload: Box<[u8]>,
}

impl zego_token_claims {
    fn new(claims: Claims) -> zego_token_claims {
        zego_token_claims {
            user_id: nul_terminated(&claims.user_id),
            payload: nul_terminated(&claims.payload),
            claims,
        }
    }
}

fn nul_terminated(text: &str) -> Box<[u8]> {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(0);
    bytes.into_boxed_slice()
}

/// Checks `out`, runs `make` and, on success, hands the caller a new claims handle through `out`.
///
/// # Safety
/// `out` is NULL or valid for writing one pointer.
pub(super) unsafe fn deliver_claims(
    out: *mut *mut zego_token_claims,
    make: impl FnOnce() -> Result<Claims, zego_result>,
) -> i32 {
    if out.is_null() {
        return zego_result::NullPointer as i32;
    }
    match make() {
        Ok(claims) => {
            let handle = Box::into_raw(Box::new(zego_token_claims::new(claims)));
            // SAFETY: non-NULL and writable by the caller's contract.
            unsafe { out.write(handle) };
            zego_result::Ok as i32
        }
        Err(code) => code as i32,
    }
}

/// Decodes a token as `zego_decode_token04` does (same rules and codes), but hands out a claims
/// handle instead of JSON.
///
/// On success `*claims_out` receives a new handle that the caller frees with
/// `zego_token_claims_free`. Untouched on error. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_decode_token04_claims(
    token: *const c_char,
    secret: *const c_char,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_claims(claims_out, || decoded(token, secret))
        }
    }
}

/// Verifies a token as `zego_verify_token04` does (same rules and codes), but hands out a claims
/// handle instead of JSON.
///
/// On success `*claims_out` receives a new handle that the caller frees with
/// `zego_token_claims_free`. Untouched on error. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_verify_token04_claims(
    token: *const c_char,
    secret: *const c_char,
    app_id: u32,
    now_unix: i64,
    leeway_seconds: i64,
    claims_out: *mut *mut zego_token_claims,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_claims(claims_out, || verified(token, secret, app_id, now_unix, leeway_seconds))
        }
    }
}

/// Borrows the handle behind a pointer.
///
/// # Safety
/// `claims` is NULL or came from this library and is not yet freed.
unsafe fn borrow<'a>(claims: *const zego_token_claims) -> Option<&'a zego_token_claims> {
    // SAFETY: forwarded contract.
    unsafe { claims.as_ref() }
}

/// The app id the token was made for; 0 when `claims` is NULL. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_app_id(claims: *const zego_token_claims) -> u32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { borrow(claims) }.map_or(0, |c| c.claims.app_id)
    }
}

/// When the token was made, in unix seconds; 0 when `claims` is NULL. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_ctime(claims: *const zego_token_claims) -> i64 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { borrow(claims) }.map_or(0, |c| c.claims.ctime)
    }
}

/// When the token expires, in unix seconds; 0 when `claims` is NULL. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_expire(claims: *const zego_token_claims) -> i64 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { borrow(claims) }.map_or(0, |c| c.claims.expire)
    }
}

/// The token's random nonce claim; 0 when `claims` is NULL. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_nonce(claims: *const zego_token_claims) -> i64 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { borrow(claims) }.map_or(0, |c| c.claims.nonce)
    }
}

/// Hands out one of the handle's strings and, when `len_out` is not NULL, its length in bytes
/// without the terminating NUL (the text may itself contain NUL characters, which JSON allows).
///
/// # Safety
/// `claims` is NULL or a live handle; `len_out` is NULL or valid for writing one `size_t`.
unsafe fn text(
    claims: *const zego_token_claims,
    len_out: *mut usize,
    pick: impl FnOnce(&zego_token_claims) -> &[u8],
) -> *const c_char {
    // SAFETY: forwarded contract.
    let Some(claims) = (unsafe { borrow(claims) }) else {
        return ptr::null();
    };
    let bytes = pick(claims);
    if !len_out.is_null() {
        // SAFETY: non-NULL and writable by the caller's contract; `bytes` ends with its NUL.
        unsafe { len_out.write(bytes.len() - 1) };
    }
    bytes.as_ptr().cast()
}

/// The user id, NUL-terminated UTF-8 owned by `claims` (valid until `zego_token_claims_free`).
/// When `len_out` is not NULL it receives the length in bytes, without the NUL. NULL when
/// `claims` is NULL (and `*len_out` is untouched). Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_user_id(claims: *const zego_token_claims, len_out: *mut usize) -> *const c_char {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe { text(claims, len_out, |c| &c.user_id) }
    }
}

/// The payload ("" for a basic token, JSON for a privilege token), NUL-terminated UTF-8 owned by
/// `claims` (valid until `zego_token_claims_free`). When `len_out` is not NULL it receives the
/// length in bytes, without the NUL. NULL when `claims` is NULL (and `*len_out` is untouched).
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_payload(claims: *const zego_token_claims, len_out: *mut usize) -> *const c_char {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe { text(claims, len_out, |c| &c.payload) }
    }
}

/// The token's format as a static string: "gcm" (current) or "cbc" (legacy), as in the claims
/// JSON; NULL when `claims` is NULL. Never freed. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_mode(claims: *const zego_token_claims) -> *const c_char {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        match unsafe { borrow(claims) }.map(|c| c.claims.mode) {
            Some(Mode::Gcm) => c"gcm".as_ptr(),
            Some(Mode::LegacyCbc) => c"cbc".as_ptr(),
            None => ptr::null(),
        }
    }
}

/// The claims' findings: the values that break a generation rule, as a set of `ZEGO_FINDING_*`
/// bits (0 for a token made within the rules, and when `claims` is NULL); `zego_finding_name`
/// names each bit. Decoding never refuses a token for these; verification refuses them (code 24)
/// only in a legacy CBC token, which is not authenticated. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_findings(claims: *const zego_token_claims) -> u32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        unsafe { borrow(claims) }.map_or(0, |c| c.claims.findings().bits())
    }
}

/// Every field of a claims handle at once, for bindings that pay per call (one crossing instead of
/// seven). Filled by `zego_token_claims_fields`; the strings are borrowed from the handle and stay
/// valid until `zego_token_claims_free`.
#[repr(C)]
pub struct zego_token_claims_view {
    /// The app id the token was made for.
    pub app_id: u32,
    /// When the token was made, Unix seconds.
    pub ctime: i64,
    /// When the token expires, Unix seconds.
    pub expire: i64,
    /// The random nonce of the claims.
    pub nonce: i64,
    /// The user id: UTF-8, `user_id_len` bytes, followed by a NUL.
    pub user_id: *const c_char,
    /// The user id's length in bytes, without the NUL.
    pub user_id_len: usize,
    /// The payload ("" for a basic token): UTF-8, `payload_len` bytes, followed by a NUL.
    pub payload: *const c_char,
    /// The payload's length in bytes, without the NUL.
    pub payload_len: usize,
    /// "gcm" (current format) or "cbc" (legacy), static.
    pub mode: *const c_char,
}

/// Fills `*view_out` with every field of `claims` (see `zego_token_claims_view`), in one call.
/// Returns 0, or 11 when a pointer is NULL (and `*view_out` is untouched). Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_fields(
    claims: *const zego_token_claims,
    view_out: *mut zego_token_claims_view,
) -> i32 {
    ffi_boundary! {
        // SAFETY: NULL or a live handle, per this function's contract.
        let Some(c) = (unsafe { borrow(claims) }) else {
            return zego_result::NullPointer as i32;
        };
        if view_out.is_null() {
            return zego_result::NullPointer as i32;
        }
        let view = zego_token_claims_view {
            app_id: c.claims.app_id,
            ctime: c.claims.ctime,
            expire: c.claims.expire,
            nonce: c.claims.nonce,
            user_id: c.user_id.as_ptr().cast(),
            user_id_len: c.user_id.len() - 1,
            payload: c.payload.as_ptr().cast(),
            payload_len: c.payload.len() - 1,
            mode: match c.claims.mode {
                Mode::Gcm => c"gcm".as_ptr(),
                Mode::LegacyCbc => c"cbc".as_ptr(),
            },
        };
        // SAFETY: non-NULL and writable by the caller's contract.
        unsafe { view_out.write(view) };
        zego_result::Ok as i32
    }
}

/// The claims as JSON, the same text `zego_decode_token04` gives:
/// `{"app_id":1,"user_id":"u","ctime":..,"expire":..,"nonce":..,"payload":"..","mode":"gcm"}`.
///
/// On success `*claims_json_out` receives new JSON that the caller frees with `zego_string_free`
/// (the handle stays the caller's, to free as before). Untouched on error.
/// Returns 0, or 11 when a pointer is NULL. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_claims_to_json(
    claims: *const zego_token_claims,
    claims_json_out: *mut *mut c_char,
) -> i32 {
    ffi_boundary! {
        // SAFETY: the pointers are NULL or valid, per this function's contract.
        unsafe {
            deliver_string(claims_json_out, || match borrow(claims) {
                Some(c) => Ok(c.claims.to_json()),
                None => Err(zego_result::NullPointer),
            })
        }
    }
}

/// Frees a claims handle and the strings it handed out. NULL is accepted and ignored. Call
/// exactly once per handle, when no other thread is using it or its strings.
#[no_mangle]
pub extern "C" fn zego_token_claims_free(claims: *mut zego_token_claims) {
    ffi_boundary! {
        if !claims.is_null() {
            // SAFETY: came from `Box::into_raw` in `deliver_claims`, freed once.
            drop(unsafe { Box::from_raw(claims) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::{CStr, CString};

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn decoded(token: &str) -> *mut zego_token_claims {
        let token = CString::new(token).unwrap();
        let secret = CString::new(SECRET).unwrap();
        let mut claims = ptr::null_mut();
        assert_eq!(
            zego_decode_token04_claims(token.as_ptr(), secret.as_ptr(), &mut claims),
            0
        );
        claims
    }

    #[test]
    fn a_user_id_with_a_nul_inside_keeps_its_full_length() {
        let claims = decoded(&zego::generate(7, "a\0b", SECRET, 60, "").unwrap());
        let mut len = 0;
        let text = zego_token_claims_user_id(claims, &mut len);
        // SAFETY: `text` points to `len` bytes plus a NUL, owned by the live handle.
        let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len + 1) };
        assert_eq!(bytes, b"a\0b\0");
        zego_token_claims_free(claims);
    }

    #[test]
    fn accessors_return_what_decode_returns() {
        let token = zego::generate(7, "user", SECRET, 60, "{\"p\":1}").unwrap();
        let expected = zego::decode(&token, SECRET).unwrap();
        let claims = decoded(&token);
        // SAFETY: the accessors return NUL-terminated strings owned by the live handle.
        let text = |p: *const c_char| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
        assert_eq!(zego_token_claims_app_id(claims), expected.app_id);
        assert_eq!(zego_token_claims_ctime(claims), expected.ctime);
        assert_eq!(zego_token_claims_expire(claims), expected.expire);
        assert_eq!(zego_token_claims_nonce(claims), expected.nonce);
        assert_eq!(
            text(zego_token_claims_user_id(claims, ptr::null_mut())),
            expected.user_id
        );
        assert_eq!(
            text(zego_token_claims_payload(claims, ptr::null_mut())),
            expected.payload
        );
        assert_eq!(text(zego_token_claims_mode(claims)), expected.mode.as_str());
        zego_token_claims_free(claims);
    }
}
