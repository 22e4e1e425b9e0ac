//! Fork detection for the per-thread random generator.
//!
//! A CSPRNG state copied into a child by fork() would hand the child the parent's future GCM
//! nonces, which breaks GCM. A `pthread_atfork` child handler bumps the forking thread's epoch;
//! the random generator of that thread sees the new epoch and reseeds from the OS before its next
//! draw. Only the forking thread exists in a child, so a per-thread epoch is enough and there is
//! no process-wide mutable state.
//!
//! This is the one place outside the C ABI crate (`zego-token-ffi`) with `unsafe`: the single call to `pthread_atfork`. The
//! safe alternative, comparing `getpid()` on every token, costs a system call (211 ns measured on
//! the reference machine, about half a token) and is fooled by pid reuse in grandchildren.
//! glibc registers the handler under this library's `__dso_handle`, so it is removed again if the
//! library is unloaded with `dlclose`.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::sync::OnceLock;

thread_local! {
    static EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// Whether the fork handler is installed. `false` means "assume every draw may follow a fork".
static HANDLER_INSTALLED: OnceLock<bool> = OnceLock::new();

#[cfg(unix)]
extern "C" fn on_fork_child() {
    // A const-initialized Cell has no lazy initialization and no destructor: this touches only
    // this thread's memory, which is what is allowed in a child right after fork().
    let _ = EPOCH.try_with(|e| e.set(e.get().wrapping_add(1)));
}

#[cfg(unix)]
fn install_handler() -> bool {
    // SAFETY: `on_fork_child` is a plain `extern "C"` function that never unwinds and lives as
    // long as this library is loaded (glibc drops the registration on dlclose).
    unsafe { libc::pthread_atfork(None, None, Some(on_fork_child)) == 0 }
}

#[cfg(not(unix))]
fn install_handler() -> bool {
    true // no fork() on this platform
}

/// This thread's fork epoch, or `None` when forks cannot be detected (the handler could not be
/// installed); callers must then treat every draw as a possible first draw after a fork.
pub(crate) fn epoch() -> Option<u64> {
    if *HANDLER_INSTALLED.get_or_init(install_handler) {
        Some(EPOCH.with(Cell::get))
    } else {
        None
    }
}
