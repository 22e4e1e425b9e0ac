//! Input longer than any token is refused before it is decoded: no allocation and no work in
//! proportion to its size (a failed allocation would abort the process, which no error or panic
//! boundary can catch).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use zego_token::{decode, decode_with_any, verify, Error, Generator, VerifyOptions, MAX_TOKEN_LEN};

/// The system allocator, counting the bytes requested while `COUNTING` is set.
struct CountingAllocator;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract, forwarded.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, forwarded.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

const SECRET: &str = "0123456789abcdef0123456789abcdef";

/// Bytes allocated while `f` runs (other tests' threads may add a little; a decode of the input
/// would add hundreds of megabytes).
fn allocated_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATED.load(Ordering::Relaxed);
    let out = f();
    (out, ALLOCATED.load(Ordering::Relaxed) - before)
}

#[test]
fn a_one_gigabyte_token_is_malformed_without_being_decoded() {
    let mut bytes = vec![b'A'; 2 + (1 << 30)];
    bytes[..2].copy_from_slice(b"04");
    let huge = String::from_utf8(bytes).unwrap();
    let generator = Generator::new(1, SECRET).unwrap();
    let (results, allocated) = allocated_during(|| {
        [
            decode(&huge, SECRET).map(|_| ()),
            verify(&huge, SECRET, 1, &VerifyOptions::new().at(0)).map(|_| ()),
            decode_with_any(&huge, &[SECRET]).map(|_| ()),
            generator.decode(&huge).map(|_| ()),
        ]
    });
    assert_eq!(results, [Err(Error::Malformed); 4]);
    assert!(allocated < 1 << 20, "{allocated} bytes allocated");
}

#[test]
fn a_token_one_byte_longer_than_the_longest_possible_is_malformed() {
    let text = format!("04{}", "A".repeat(MAX_TOKEN_LEN - 1));
    assert_eq!(decode(&text, SECRET).unwrap_err(), Error::Malformed);
}
