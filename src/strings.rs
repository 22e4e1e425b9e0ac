//! Strings across the boundary: borrowing C input, handing out owned output, freeing it.

use std::ffi::{c_char, CStr, CString};

use super::zego_result;

/// Borrows a required input string.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid and unmodified for `'a`.
pub(crate) unsafe fn required_str<'a>(ptr: *const c_char) -> Result<&'a str, zego_result> {
    if ptr.is_null() {
        return Err(zego_result::NullPointer);
    }
    // SAFETY: non-NULL, and NUL-terminated and live for 'a by the caller's contract.
    unsafe { CStr::from_ptr(ptr) }
        .to_str()
        .map_err(|_| zego_result::InvalidUtf8)
}

/// Borrows a token: as [`required_str`], except that the terminating NUL is looked for in the first
/// `MAX_TOKEN_LEN + 1` bytes only. Text without a NUL there is longer than any token and is
/// refused as malformed without reading the rest, so a huge input costs nothing.
///
/// # Safety
/// As [`required_str`].
pub(crate) unsafe fn token_str<'a>(ptr: *const c_char) -> Result<&'a str, zego_result> {
    if ptr.is_null() {
        return Err(zego_result::NullPointer);
    }
    // SAFETY: the string is NUL-terminated, so strnlen reads up to its NUL or stops after
    // MAX_TOKEN_LEN + 1 bytes, whichever comes first, all of them readable.
    let len = unsafe { libc::strnlen(ptr, zego::MAX_TOKEN_LEN + 1) };
    if len > zego::MAX_TOKEN_LEN {
        return Err(zego_result::Malformed);
    }
    // SAFETY: the `len` bytes before the NUL, live for 'a by the caller's contract.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|_| zego_result::InvalidUtf8)
}

/// Borrows an optional input string: NULL means "".
///
/// # Safety
/// As [`required_str`].
pub(crate) unsafe fn optional_str<'a>(ptr: *const c_char) -> Result<&'a str, zego_result> {
    if ptr.is_null() {
        Ok("")
    } else {
        // SAFETY: forwarded contract.
        unsafe { required_str(ptr) }
    }
}

/// Runs `make` and, on success, hands its string to the caller through `out`.
/// `out` is checked before any work is done and is written only on success.
///
/// # Safety
/// `out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn deliver_string(out: *mut *mut c_char, make: impl FnOnce() -> Result<String, zego_result>) -> i32 {
    if out.is_null() {
        return zego_result::NullPointer as i32;
    }
    let text = match make() {
        Ok(text) => text,
        Err(code) => return code as i32,
    };
    // Tokens are base64 and JSON escapes NUL, so an interior NUL would be a bug.
    let Ok(text) = CString::new(text) else {
        return zego_result::Panic as i32;
    };
    // SAFETY: `out` is non-NULL and writable by the caller's contract.
    unsafe { out.write(text.into_raw()) };
    zego_result::Ok as i32
}

/// Frees a string returned by this library (a token, a payload or claims JSON).
///
/// NULL is accepted and ignored. Call exactly once per returned string; never pass a string
/// from anywhere else, a static string (such as `zego_error_message`'s), or a string the
/// caller modified. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_string_free(s: *mut c_char) {
    ffi_boundary! {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` in `deliver_string` and is freed once.
            drop(unsafe { CString::from_raw(s) });
        }
    }
}
