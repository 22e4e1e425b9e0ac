//! Knowing when this is a new process, so that the per-thread random generator reseeds.
//!
//! A CSPRNG state copied into a child would hand the child its parent's future GCM nonces, which
//! breaks GCM. A process can be copied in three ways, and each is detected:
//!
//! - `fork()`: a `pthread_atfork` child handler bumps the forking thread's epoch (only that
//!   thread exists in the child, so a per-thread epoch is enough);
//! - `_Fork()`, `vfork`-free `clone(SIGCHLD)` and any other raw clone without `CLONE_VM`, which
//!   skip atfork handlers: on Linux and Android a *process mark* lives in one page marked
//!   `MADV_WIPEONFORK`, which the kernel hands to every child zeroed, however it was created. A
//!   zero mark means "new process": the first draw there picks a fresh random mark;
//! - a kernel without `MADV_WIPEONFORK` (before Linux 4.14): the mark is the process id, read on
//!   every draw (one system call, about 140 ns on the reference machine; only on such kernels).
//!
//! The cost on a current kernel is two loads per token. Other Unix systems have the atfork
//! handler only (none of them offers `_Fork`; a raw fork system call there is not covered).
//! Emulators that ignore `madvise` (qemu-user does) cover `fork()` only.
//!
//! This is the one place outside the C ABI crate (`zego-token-ffi`) with `unsafe`: the calls to
//! `pthread_atfork`, `mmap` and `madvise`, and the view of the mapped page as an atomic.
//! glibc registers the atfork handler under this library's `__dso_handle`, so it is removed again
//! if the library is unloaded with `dlclose`; the page is never unmapped (8 bytes of it are used).
#![allow(unsafe_code)]

use std::cell::Cell;
use std::sync::OnceLock;

/// Which process and which side of a `fork()` a draw happens in. Two draws with equal
/// generations are in the same process; a draw with a new generation must reseed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Generation {
    epoch: u64,
    mark: u64,
}

impl Generation {
    /// A placeholder for a generator seeded while no generation could be read.
    pub(crate) const UNKNOWN: Generation = Generation { epoch: 0, mark: 0 };
}

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

#[cfg(any(target_os = "linux", target_os = "android"))]
mod process_mark {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::OnceLock;

    use rand::rngs::SysRng;
    use rand::TryRng as _;

    /// The mark's cell in a page the kernel zeroes in every child, or `None` when the kernel
    /// refused `MADV_WIPEONFORK`.
    static CELL: OnceLock<Option<&'static AtomicU64>> = OnceLock::new();

    fn map_wipe_on_fork_cell() -> Option<&'static AtomicU64> {
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
        // SAFETY: a fresh private anonymous mapping; no existing memory is affected.
        let addr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if addr == libc::MAP_FAILED {
            return None;
        }
        // SAFETY: `addr..addr+page` is the mapping made above.
        if unsafe { libc::madvise(addr, page, libc::MADV_WIPEONFORK) } != 0 {
            // SAFETY: unmaps only the mapping made above, which nothing refers to.
            unsafe { libc::munmap(addr, page) };
            return None;
        }
        // SAFETY: the mapping is page-aligned (so aligned for u64), zero-filled, readable and
        // writable, never unmapped, and only ever accessed through this atomic.
        Some(unsafe { &*addr.cast::<AtomicU64>() })
    }

    /// This process's mark: stable within a process, different in every child.
    #[inline]
    pub(super) fn current() -> Option<u64> {
        match CELL.get() {
            Some(Some(cell)) => match cell.load(Ordering::Relaxed) {
                0 => first_in_process(cell),
                mark => Some(mark),
            },
            Some(None) => Some(pid()),
            None => match *CELL.get_or_init(map_wipe_on_fork_cell) {
                Some(cell) => first_in_process(cell),
                None => Some(pid()),
            },
        }
    }

    /// The mark on a kernel without `MADV_WIPEONFORK`.
    #[cold]
    fn pid() -> u64 {
        // SAFETY: getpid has no preconditions and cannot fail.
        u64::from(unsafe { libc::getpid() }.unsigned_abs())
    }

    /// First draw of this process, or of a child (the kernel zeroed the page). A random mark
    /// cannot equal the one a forking ancestor left in this thread's generator (a pid could, once
    /// recycled); two threads racing here agree on whichever mark is stored first.
    #[cold]
    #[inline(never)]
    fn first_in_process(cell: &AtomicU64) -> Option<u64> {
        let fresh = SysRng.try_next_u64().ok()?.max(1);
        match cell.compare_exchange(0, fresh, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => Some(fresh),
            Err(stored) => Some(stored),
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
mod process_mark {
    /// Without `MADV_WIPEONFORK` the fork handler is the only signal; the mark never changes.
    pub(super) fn current() -> Option<u64> {
        Some(0)
    }
}

/// This thread's generation, or `None` when a new process cannot be detected (the fork handler
/// could not be installed, or no random mark could be drawn); callers must then treat every
/// draw as the first one of a new process.
#[inline]
pub(crate) fn generation() -> Option<Generation> {
    if !*HANDLER_INSTALLED.get_or_init(install_handler) {
        return None;
    }
    Some(Generation {
        epoch: EPOCH.with(Cell::get),
        mark: process_mark::current()?,
    })
}
