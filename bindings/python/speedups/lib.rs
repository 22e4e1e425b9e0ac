//! `zego_token._speedups`: the CPython accelerator of the Python package.
//!
//! ctypes spends about 0.5 µs converting the nine arguments of a `_into` call, more than the
//! library spends making the token. This module makes the same call from one vectorcall: it takes
//! the Python objects as they are, calls the function the package already loaded with ctypes (its
//! address is handed over once, by [`bind`], inside a capsule only the package makes), and returns
//! the token as a `str`.
//!
//! It converts and nothing else. Each function returns
//! - the token (`str`) on success,
//! - the library's result code (`int`) when the library refused the input, which the package
//!   raises exactly as its ctypes path does,
//! - `None` for anything it does not convert itself (a `str` subclass, an `int` outside int64, a
//!   NUL or a lone surrogate in the text, a closed generator): the package then takes its ctypes
//!   path, which checks and raises as always. So the errors and their messages are the package's
//!   in both paths, and this module never raises for the input.
//!
//! The GIL is held during the call: a token takes 0.3-0.5 µs, less than releasing and taking the
//! GIL back costs, so other Python threads lose nothing they could have used.

use std::ffi::{c_char, c_void, CStr};
use std::sync::OnceLock;

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyString};

/// `zego_token_generator_generate_into` (include/zego_token.h).
type GeneratorGenerateInto = unsafe extern "C" fn(
    generator: *const c_void,
    user_id: *const c_char,
    user_id_len: usize,
    effective_time_in_seconds: i64,
    payload: *const c_char,
    payload_len: usize,
    token_buf: *mut c_char,
    token_buf_len: usize,
    token_len_out: *mut usize,
) -> i32;

/// `zego_generate_token04_into` (include/zego_token.h).
type GenerateInto = unsafe extern "C" fn(
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
) -> i32;

/// The library's functions, as the package loaded them.
struct Library {
    generator_generate_into: GeneratorGenerateInto,
    generate_into: GenerateInto,
}

static LIBRARY: OnceLock<Library> = OnceLock::new();

/// `ZEGO_RESULT_BUFFER_TOO_SMALL`: answered here by a second call into a buffer of the size the
/// library asked for, never returned.
const BUFFER_TOO_SMALL: i32 = 13;

/// The buffer a token is first written into: enough for any token with a user id and payload of
/// up to about 500 bytes between them. A longer one gets a buffer of the exact size needed.
const FIRST_BUFFER: usize = 1024;

/// The name of the capsule [`bind`] takes: made by the package (`_fast.py`) around the addresses
/// of the two functions it loaded. Python code cannot make a capsule without ctypes, whose calls
/// audit hooks see and can refuse, so this is no way around them.
const FUNCTIONS_CAPSULE: &CStr = c"zego_token._speedups.functions";

/// Takes the addresses of `zego_token_generator_generate_into` and `zego_generate_token04_into`
/// in the loaded library, as a capsule named [`FUNCTIONS_CAPSULE`] holding a pointer to the two
/// addresses. Called once by the package, when it is imported; binding to other functions later
/// is refused. Raises the audit event `zego_token._speedups.bind` first.
///
/// # Safety (of what the caller passes)
/// The addresses must be those two functions of a libzego_token of this package's ABI version,
/// which stays loaded for the life of the process (ctypes never unloads a library). Only the
/// package makes such a capsule, with the functions of the library it checked; it is not an API.
#[pyfunction(name = "_bind")]
fn bind(py: Python<'_>, functions: &Bound<'_, PyAny>) -> PyResult<()> {
    py.import("sys")?
        .call_method1("audit", ("zego_token._speedups.bind",))?;
    // SAFETY: PyCapsule_GetPointer checks that `functions` is a capsule of this exact name; it
    // returns NULL with an exception set otherwise.
    let pointer = unsafe { pyo3::ffi::PyCapsule_GetPointer(functions.as_ptr(), FUNCTIONS_CAPSULE.as_ptr()) };
    if pointer.is_null() {
        return Err(PyErr::take(py).unwrap_or_else(|| PyTypeError::new_err("not the package's capsule")));
    }
    // SAFETY: a capsule of this name points at two addresses that the package keeps alive.
    let [generator_generate_into, generate_into] = unsafe { pointer.cast::<[usize; 2]>().read() };
    if generator_generate_into == 0 || generate_into == 0 {
        return Err(PyRuntimeError::new_err("zego_token._speedups.bind: a NULL function"));
    }
    // SAFETY: the addresses are the named functions of the loaded library (see above), whose
    // signatures are the types declared here, copied from include/zego_token.h.
    let library = unsafe {
        Library {
            generator_generate_into: std::mem::transmute::<usize, GeneratorGenerateInto>(generator_generate_into),
            generate_into: std::mem::transmute::<usize, GenerateInto>(generate_into),
        }
    };
    let bound = LIBRARY.get_or_init(|| library);
    if bound.generator_generate_into as usize != generator_generate_into
        || bound.generate_into as usize != generate_into
    {
        return Err(PyRuntimeError::new_err(
            "zego_token._speedups is already bound to another library",
        ));
    }
    Ok(())
}

fn library() -> PyResult<&'static Library> {
    LIBRARY
        .get()
        .ok_or_else(|| PyRuntimeError::new_err("zego_token._speedups is not bound"))
}

/// The UTF-8 of an exact `str` with no NUL in it; `None` for anything else.
fn text<'a>(value: &'a Bound<'_, PyAny>) -> Option<&'a [u8]> {
    let utf8 = value.cast_exact::<PyString>().ok()?.to_str().ok()?.as_bytes();
    (!utf8.contains(&0)).then_some(utf8)
}

/// An exact `int` that fits int64; `None` for anything else (a bool is not an exact int).
fn int64(value: &Bound<'_, PyAny>) -> Option<i64> {
    value.cast_exact::<PyInt>().ok()?.extract().ok()
}

/// Calls `write(buffer, capacity, &mut length)` into a stack buffer, and once more into a buffer
/// of the exact size when the library asks for it; the token as a `str`, or the result code.
fn token_from(py: Python<'_>, write: impl Fn(*mut c_char, usize, &mut usize) -> i32) -> Py<PyAny> {
    let mut first = [0u8; FIRST_BUFFER];
    let mut length = 0usize;
    match write(first.as_mut_ptr().cast(), first.len(), &mut length) {
        0 => token(py, &first[..length]),
        BUFFER_TOO_SMALL => {
            let mut exact = vec![0u8; length];
            match write(exact.as_mut_ptr().cast(), exact.len(), &mut length) {
                0 => token(py, &exact[..length]),
                code => code_of(py, code),
            }
        }
        code => code_of(py, code),
    }
}

fn token(py: Python<'_>, ascii: &[u8]) -> Py<PyAny> {
    // A token is ASCII (the library writes "04" and base64), so it is always UTF-8.
    let text = std::str::from_utf8(ascii).unwrap_or_default();
    PyString::new(py, text).into_any().unbind()
}

fn code_of(py: Python<'_>, code: i32) -> Py<PyAny> {
    code.into_pyobject(py)
        .map(|code| code.into_any().unbind())
        .unwrap_or_else(|never| match never {})
}

/// `Generator.generate`: the token, the library's code, or `None` (take the ctypes path).
/// `generator` is the address of a live `zego_token_generator` (0, a closed one, gives `None`).
#[pyfunction]
fn generator_generate(
    py: Python<'_>,
    generator: usize,
    user_id: &Bound<'_, PyAny>,
    effective_time_in_seconds: &Bound<'_, PyAny>,
    payload: &Bound<'_, PyAny>,
) -> PyResult<Option<Py<PyAny>>> {
    let function = library()?.generator_generate_into;
    let (Some(user), Some(ttl), Some(data)) = (text(user_id), int64(effective_time_in_seconds), text(payload)) else {
        return Ok(None);
    };
    if generator == 0 {
        return Ok(None);
    }
    Ok(Some(token_from(py, |buffer, capacity, length| {
        // SAFETY: `generator` is a live generator the package owns (it passes 0 once closed);
        // the spans are the UTF-8 of `str` objects borrowed for this call; `buffer` has
        // `capacity` writable bytes and `length` is a valid out pointer.
        unsafe {
            function(
                generator as *const c_void,
                user.as_ptr().cast(),
                user.len(),
                ttl,
                data.as_ptr().cast(),
                data.len(),
                buffer,
                capacity,
                length,
            )
        }
    })))
}

/// `generate`, the one-shot call: the token, the library's code, or `None` (take the ctypes path).
#[pyfunction]
fn generate(
    py: Python<'_>,
    app_id: &Bound<'_, PyAny>,
    user_id: &Bound<'_, PyAny>,
    secret: &Bound<'_, PyAny>,
    effective_time_in_seconds: &Bound<'_, PyAny>,
    payload: &Bound<'_, PyAny>,
) -> PyResult<Option<Py<PyAny>>> {
    let function = library()?.generate_into;
    let app_id = int64(app_id).and_then(|app_id| u32::try_from(app_id).ok());
    let (Some(app_id), Some(user), Some(key), Some(ttl), Some(data)) = (
        app_id,
        text(user_id),
        text(secret),
        int64(effective_time_in_seconds),
        text(payload),
    ) else {
        return Ok(None);
    };
    Ok(Some(token_from(py, |buffer, capacity, length| {
        // SAFETY: the spans are the UTF-8 of `str` objects borrowed for this call; `buffer` has
        // `capacity` writable bytes and `length` is a valid out pointer.
        unsafe {
            function(
                app_id,
                user.as_ptr().cast(),
                user.len(),
                key.as_ptr().cast(),
                key.len(),
                ttl,
                data.as_ptr().cast(),
                data.len(),
                buffer,
                capacity,
                length,
            )
        }
    })))
}

#[pymodule]
fn _speedups(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(bind, module)?)?;
    module.add_function(wrap_pyfunction!(generator_generate, module)?)?;
    module.add_function(wrap_pyfunction!(generate, module)?)?;
    Ok(())
}
