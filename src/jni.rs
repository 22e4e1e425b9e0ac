//! JNI entry points for the Java binding's fast path (`im.zego.token.Jni`), not part of the C API
//! and not in the header.
//!
//! Java reaches the C functions through JNA, which costs a few hundred nanoseconds a call in
//! argument conversion. These two functions are what `zego_token_generator_generate_into` and
//! `zego_generate_token04_into` are, reached by the JVM directly: the strings come as Java
//! `byte[]` (UTF-8, no NUL) and the token is written into a Java `byte[]`, all read and written in
//! place through JNI's critical regions, so a token costs one native call and no copy.
//!
//! Each returns the token's length (>= 0) or a negative number encoding the failure:
//! `-(code | needed << 8)`, `code` a `zego_result` and `needed` the buffer size the inputs need
//! when `code` is 13 (`ZEGO_RESULT_BUFFER_TOO_SMALL`), 0 otherwise. No Java exception is thrown
//! here; a NULL array is code 11 and a panic is code 41, caught before it reaches the JVM.

use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jni_sys::{jbyteArray, jclass, jint, jlong, JNIEnv, JNI_ABORT};

use super::generator::zego_token_generator;
use super::spans::failure;
use super::zego_result;

/// A Java `byte[]` held in a JNI critical region, released when dropped (on unwind too).
struct CriticalBytes {
    env: *mut JNIEnv,
    array: jbyteArray,
    ptr: *mut c_void,
    len: usize,
    /// 0 copies changes back (output), JNI_ABORT does not (input).
    release_mode: jint,
}

impl CriticalBytes {
    /// Enters the critical region of `array`, whose length the caller read before any region was
    /// entered (no other JNI call is allowed inside one).
    ///
    /// # Safety
    /// `env` is the calling thread's JNIEnv and `array` a live local reference to a `byte[]` of
    /// `len` elements.
    unsafe fn enter(env: *mut JNIEnv, array: jbyteArray, len: usize, release_mode: jint) -> Result<Self, zego_result> {
        // SAFETY: a valid JNIEnv and array, per this function's contract.
        let ptr = unsafe { ((**env).v1_2.GetPrimitiveArrayCritical)(env, array, std::ptr::null_mut()) };
        if ptr.is_null() {
            return Err(zego_result::Panic); // the JVM could not pin or copy the array
        }
        Ok(CriticalBytes {
            env,
            array,
            ptr,
            len,
            release_mode,
        })
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: the region holds `len` bytes for as long as `self` lives.
        unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len) }
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as `bytes`, and `self` is borrowed mutably.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.cast::<u8>(), self.len) }
    }

    fn text(&self) -> Result<&str, zego_result> {
        std::str::from_utf8(self.bytes()).map_err(|_| zego_result::InvalidUtf8)
    }
}

impl Drop for CriticalBytes {
    fn drop(&mut self) {
        // SAFETY: entered in `enter` with this env and array, released once.
        unsafe { ((**self.env).v1_2.ReleasePrimitiveArrayCritical)(self.env, self.array, self.ptr, self.release_mode) };
    }
}

/// The lengths of the arrays, read before any critical region is entered; NULL is code 11.
///
/// # Safety
/// `env` is the calling thread's JNIEnv; each array is NULL or a live `byte[]` reference.
unsafe fn lengths<const N: usize>(env: *mut JNIEnv, arrays: [jbyteArray; N]) -> Result<[usize; N], zego_result> {
    let mut out = [0; N];
    for (len, array) in out.iter_mut().zip(arrays) {
        if array.is_null() {
            return Err(zego_result::NullPointer);
        }
        // SAFETY: a valid JNIEnv and a non-NULL array reference.
        *len = usize::try_from(unsafe { ((**env).v1_1.GetArrayLength)(env, array) }).unwrap_or(0);
    }
    Ok(out)
}

/// The failure encoding described in the module's documentation.
fn encode_failure(code: zego_result, needed: usize) -> jint {
    let needed = if code == zego_result::BufferTooSmall { needed } else { 0 };
    let packed = (code as i64) | ((needed as i64) << 8);
    i32::try_from(packed).map_or(-(zego_result::Panic as jint), |packed| -packed)
}

/// Runs `body` (which returns a token length or a failure) under the panic boundary.
fn boundary(body: impl FnOnce() -> Result<usize, (zego_result, usize)>) -> jint {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(len)) => jint::try_from(len).unwrap_or(-(zego_result::Panic as jint)),
        Ok(Err((code, needed))) => encode_failure(code, needed),
        Err(_) => -(zego_result::Panic as jint),
    }
}

/// `static native int generatorGenerate(long generator, byte[] userId, long ttl, byte[] payload, byte[] out)`
///
/// # Safety
/// Called by the JVM with valid references; `generator` is a live `zego_token_generator*`.
#[no_mangle]
pub unsafe extern "system" fn Java_im_zego_token_Jni_generatorGenerate(
    env: *mut JNIEnv,
    _class: jclass,
    generator: jlong,
    user_id: jbyteArray,
    effective_time_in_seconds: jlong,
    payload: jbyteArray,
    out: jbyteArray,
) -> jint {
    boundary(|| {
        let no_size = |code| (code, 0);
        // SAFETY: the handle is live by contract; NULL is refused.
        let generator = unsafe { (generator as usize as *const zego_token_generator).as_ref() }
            .ok_or((zego_result::NullPointer, 0))?;
        // SAFETY: valid env and references from the JVM.
        let [user_len, payload_len, out_len] = unsafe { lengths(env, [user_id, payload, out]) }.map_err(no_size)?;
        // SAFETY: as above, with the lengths just read.
        let user = unsafe { CriticalBytes::enter(env, user_id, user_len, JNI_ABORT) }.map_err(no_size)?;
        let data = unsafe { CriticalBytes::enter(env, payload, payload_len, JNI_ABORT) }.map_err(no_size)?;
        let mut token = unsafe { CriticalBytes::enter(env, out, out_len, 0) }.map_err(no_size)?;
        let (user, data) = (user.text().map_err(no_size)?, data.text().map_err(no_size)?);
        generator
            .inner()
            .generate_into(user, effective_time_in_seconds, data, token.bytes_mut())
            .map_err(|error| failure(error, user, data))
    })
}

/// `static native int generate(int appId, byte[] userId, byte[] secret, long ttl, byte[] payload, byte[] out)`
///
/// # Safety
/// Called by the JVM with valid references.
#[no_mangle]
pub unsafe extern "system" fn Java_im_zego_token_Jni_generate(
    env: *mut JNIEnv,
    _class: jclass,
    app_id: jint,
    user_id: jbyteArray,
    secret: jbyteArray,
    effective_time_in_seconds: jlong,
    payload: jbyteArray,
    out: jbyteArray,
) -> jint {
    boundary(|| {
        let no_size = |code| (code, 0);
        // SAFETY: valid env and references from the JVM.
        let [user_len, secret_len, payload_len, out_len] =
            unsafe { lengths(env, [user_id, secret, payload, out]) }.map_err(no_size)?;
        // SAFETY: as above, with the lengths just read.
        let user = unsafe { CriticalBytes::enter(env, user_id, user_len, JNI_ABORT) }.map_err(no_size)?;
        let key = unsafe { CriticalBytes::enter(env, secret, secret_len, JNI_ABORT) }.map_err(no_size)?;
        let data = unsafe { CriticalBytes::enter(env, payload, payload_len, JNI_ABORT) }.map_err(no_size)?;
        let mut token = unsafe { CriticalBytes::enter(env, out, out_len, 0) }.map_err(no_size)?;
        let (user, key, data) = (
            user.text().map_err(no_size)?,
            key.text().map_err(no_size)?,
            data.text().map_err(no_size)?,
        );
        // The app id is a Java int holding the C uint32_t's bits.
        zego::generate_into(
            app_id as u32,
            user,
            key,
            effective_time_in_seconds,
            data,
            token.bytes_mut(),
        )
        .map_err(|error| failure(error, user, data))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_pack_the_code_and_only_a_too_small_buffer_packs_a_size() {
        assert_eq!(encode_failure(zego_result::InvalidUserId, 999), -3);
        assert_eq!(encode_failure(zego_result::BufferTooSmall, 300), -(13 | 300 << 8));
        let packed = -encode_failure(zego_result::BufferTooSmall, zego::max_token_len(64, 65_535));
        assert_eq!(
            (packed & 0xff, packed >> 8),
            (13, zego::max_token_len(64, 65_535) as i32)
        );
    }
}
