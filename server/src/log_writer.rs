//! Where log lines go: standard error, written by a background thread in batches (every 20 ms, or
//! sooner when 256 KiB are waiting) instead of one write per line on the request path. Under load
//! that turns thousands of write calls a second into fifty, with no allocation per batch. A line is
//! never dropped: the buffer only grows while standard error is slow, and `flush` writes what is
//! left at exit.

use std::io::Write;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

const FLUSH_EVERY: Duration = Duration::from_millis(20);
const FLUSH_AT: usize = 256 * 1024;

struct Shared {
    buffer: Mutex<Vec<u8>>,
    ready: Condvar,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        std::thread::Builder::new()
            .name("log-writer".into())
            .spawn(|| {
                // Two buffers swapped in turn, each keeping its capacity: lines are appended to a
                // buffer that already has room, instead of one grown from empty after every batch.
                let mut batch = Vec::with_capacity(FLUSH_AT);
                loop {
                    let shared = shared();
                    {
                        let buffer = shared.buffer.lock().unwrap_or_else(|p| p.into_inner());
                        let (mut buffer, _) = shared
                            .ready
                            .wait_timeout(buffer, FLUSH_EVERY)
                            .unwrap_or_else(|p| p.into_inner());
                        std::mem::swap(&mut *buffer, &mut batch);
                    }
                    if !batch.is_empty() {
                        let _ = std::io::stderr().lock().write_all(&batch);
                    }
                    batch.clear();
                    // A burst while standard error was slow leaves no large buffer behind.
                    batch.shrink_to(FLUSH_AT);
                }
            })
            .expect("the log writer thread");
        Shared {
            buffer: Mutex::new(Vec::with_capacity(FLUSH_AT)),
            ready: Condvar::new(),
        }
    })
}

/// Writes everything still waiting (at exit).
pub fn flush() {
    let batch = std::mem::take(&mut *shared().buffer.lock().unwrap_or_else(|p| p.into_inner()));
    let _ = std::io::stderr().lock().write_all(&batch);
}

/// The writer tracing's formatter writes each line to.
pub struct BatchedStderr;

impl Write for BatchedStderr {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let shared = shared();
        let mut buffer = shared.buffer.lock().unwrap_or_else(|p| p.into_inner());
        buffer.extend_from_slice(bytes);
        if buffer.len() >= FLUSH_AT {
            shared.ready.notify_one();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for BatchedStderr {
    type Writer = BatchedStderr;

    fn make_writer(&'a self) -> Self::Writer {
        BatchedStderr
    }
}
