//! Static information: error messages, the library version and the ABI version.

use std::ffi::{c_char, CStr};

use super::{zego_result, ZEGO_TOKEN_ABI_VERSION};
use zego::Error;

/// A short English sentence for a result code. Unknown codes get a text too.
///
/// The returned string is static: never free or modify it. It never contains input data.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn zego_error_message(code: i32) -> *const c_char {
    ffi_boundary! {
        message(code).as_ptr()
    }
}

fn message(code: i32) -> &'static CStr {
    if let Some(error) = Error::from_code(code) {
        return error.message_cstr();
    }
    match code {
        c if c == zego_result::Ok as i32 => c"success",
        c if c == zego_result::NullPointer as i32 => c"a required pointer is NULL",
        c if c == zego_result::InvalidUtf8 as i32 => c"a string is not valid UTF-8",
        c if c == zego_result::Panic as i32 => c"internal error: the library panicked (please report it)",
        _ => c"unknown error code",
    }
}

/// The library version, such as "0.1.0". Static: never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_version() -> *const c_char {
    ffi_boundary! {
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
    }
}

/// The ABI version this library implements (`ZEGO_TOKEN_ABI_VERSION` when it was built).
/// Bindings compare it with the version they were written for. Thread-safe.
#[no_mangle]
pub extern "C" fn zego_token_abi_version() -> u32 {
    ffi_boundary! {
        ZEGO_TOKEN_ABI_VERSION
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_message_and_unknown_codes_have_one_too() {
        let mut seen = std::collections::HashSet::new();
        for code in [0, 11, 12, 41].into_iter().chain(Error::ALL.iter().map(|e| e.code())) {
            assert!(seen.insert(message(code)), "code {code} shares a message");
        }
        assert_eq!(message(-7), c"unknown error code");
    }
}
