//! A GCM nonce never repeats in a child process, however the child was made: `fork()` (which runs
//! atfork handlers), glibc's `_Fork()` and a raw `clone(SIGCHLD)` system call (which do not).
//!
//! Runs without the test harness (`harness = false`): a child of a multi-threaded process may
//! only use async-signal-safe calls, and the harness's threads would make allocating in the child
//! a gamble. Here the only thread is the one that forks.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::collections::HashSet;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

const SECRET: &str = "0123456789abcdef0123456789abcdef";
const TOKENS: usize = 1000;

type Nonce = [u8; 12];

/// The 12-byte GCM nonce of a current-format token: after "04", base64 of
/// expire (8) | nonce_len (2) | nonce.
fn gcm_nonce(token: &str) -> Nonce {
    let bytes = STANDARD.decode(&token[2..]).expect("a generated token is base64");
    bytes[10..22].try_into().expect("12 bytes")
}

fn nonces(generator: &zego_token::Generator) -> Vec<Nonce> {
    (0..TOKENS)
        .map(|_| gcm_nonce(&generator.generate("u", 60, "").expect("generate")))
        .collect()
}

#[cfg(target_os = "linux")]
mod spawn {
    extern "C" {
        /// glibc 2.34+: fork without atfork handlers.
        fn _Fork() -> libc::pid_t;
    }

    pub fn fork() -> libc::pid_t {
        // SAFETY: the child only generates tokens, writes to a pipe and calls _exit.
        unsafe { libc::fork() }
    }

    pub fn underscore_fork() -> libc::pid_t {
        // SAFETY: as above; the only thread of this process is the caller.
        unsafe { _Fork() }
    }

    pub fn raw_clone() -> libc::pid_t {
        // SAFETY: clone without CLONE_VM and with a NULL stack behaves as fork() for the kernel
        // (the child runs on a copy of this stack); glibc's atfork handlers do not run.
        let pid = unsafe { libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_long, 0, 0, 0, 0) };
        pid as libc::pid_t
    }
}

/// Makes a child with `spawn`, lets it generate TOKENS tokens with `generator` and returns their
/// nonces, read from a pipe.
#[cfg(target_os = "linux")]
fn nonces_from_child(generator: &zego_token::Generator, spawn: fn() -> libc::pid_t) -> Vec<Nonce> {
    use std::io::{Read as _, Write as _};
    use std::os::fd::FromRawFd as _;

    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let pid = spawn();
    assert!(pid >= 0, "the child could not be made");
    if pid == 0 {
        // SAFETY: the write end, owned by this child from here on.
        let mut pipe = unsafe { std::fs::File::from_raw_fd(fds[1]) };
        let ok = pipe.write_all(nonces(generator).concat().as_slice()).is_ok();
        // SAFETY: leaving the child without running the parent's destructors or exit handlers.
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }
    // SAFETY: the parent owns both descriptors; it closes the write end and reads to its end.
    unsafe { libc::close(fds[1]) };
    let mut bytes = Vec::new();
    unsafe { std::fs::File::from_raw_fd(fds[0]) }
        .read_to_end(&mut bytes)
        .expect("read the pipe");
    let mut status = 0;
    // SAFETY: `pid` is this process's child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "child failed: {status}"
    );
    bytes.chunks_exact(12).map(|c| c.try_into().unwrap()).collect()
}

/// The parent draws first, so that its generator state exists to be copied; then two children of
/// the same kind each generate; then the parent again. No nonce may appear twice.
#[cfg(target_os = "linux")]
fn no_nonce_repeats_across(kind: &str, spawn: fn() -> libc::pid_t) {
    let generator = zego_token::Generator::new(1, SECRET).expect("generator");
    let mut all = nonces(&generator);
    all.extend(nonces_from_child(&generator, spawn));
    all.extend(nonces_from_child(&generator, spawn));
    all.extend(nonces(&generator));
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(all.len(), 4 * TOKENS, "{kind}: every child delivered its nonces");
    assert_eq!(all.len() - unique.len(), 0, "{kind}: repeated nonces");
    println!(
        "{kind}: {} nonces from a parent and two children, none repeated ... ok",
        all.len()
    );
}

#[cfg(target_os = "linux")]
fn main() {
    no_nonce_repeats_across("fork()", spawn::fork);
    no_nonce_repeats_across("_Fork()", spawn::underscore_fork);
    no_nonce_repeats_across("clone(SIGCHLD)", spawn::raw_clone);
}

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("fork_nonces: Linux only, skipped");
}
