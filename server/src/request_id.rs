//! Request ids: this process's random prefix and a counter (`3f9a0c1e5b7d2a46-1f`), unique across a
//! fleet without a random draw per request. A request id the client or a proxy sent is kept.

use axum::http::Request;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use tower_http::request_id::{MakeRequestId, RequestId};

#[derive(Clone, Copy, Default)]
pub struct ProcessCounter;

fn prefix() -> u64 {
    static PREFIX: OnceLock<u64> = OnceLock::new();
    *PREFIX.get_or_init(|| {
        // std seeds RandomState from the operating system's generator.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        hasher.finish()
    })
}

impl MakeRequestId for ProcessCounter {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = format!("{:016x}-{:x}", prefix(), NEXT.fetch_add(1, Ordering::Relaxed));
        Some(RequestId::new(id.parse().expect("hex digits are a header value")))
    }
}
