//! The panic boundary around every exported function, in the manner of rustls-ffi: a macro wraps
//! the *body*, so cbindgen still reads each signature, and a panic becomes a value, never an
//! unwind into C.

use std::ffi::c_char;

use super::zego_result;

/// What an exported function returns when its body panicked.
pub(crate) trait PanicValue {
    fn panic_value() -> Self;
}

impl PanicValue for i32 {
    fn panic_value() -> i32 {
        zego_result::Panic as i32
    }
}

impl PanicValue for u32 {
    fn panic_value() -> u32 {
        0
    }
}

impl PanicValue for i64 {
    fn panic_value() -> i64 {
        0
    }
}

impl PanicValue for () {
    fn panic_value() {}
}

impl PanicValue for *const c_char {
    fn panic_value() -> *const c_char {
        c"internal error".as_ptr()
    }
}

/// Runs the body under `catch_unwind`; a panic yields the return type's [`PanicValue`].
macro_rules! ffi_boundary {
    ( $($body:tt)* ) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(_) => $crate::boundary::PanicValue::panic_value(),
        }
    };
}
