//! The system clock, in unix seconds: the operating system's, or JavaScript's `Date` where the
//! core runs as WebAssembly in a JavaScript host (wasm32-unknown-unknown has no clock of its own).

#[cfg(not(all(target_family = "wasm", target_os = "unknown")))]
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the unix epoch; 0 if the clock is set before 1970.
#[cfg(not(all(target_family = "wasm", target_os = "unknown")))]
pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Seconds since the unix epoch, from `Date.now()`; 0 if the clock is set before 1970.
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
pub(crate) fn unix_now() -> i64 {
    // Milliseconds, an integer well inside f64's exact range; the cast saturates.
    (js_sys::Date::now() / 1000.0).floor().max(0.0) as i64
}
