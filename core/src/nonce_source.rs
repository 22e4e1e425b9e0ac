//! Randomness for tokens: a per-thread ChaCha20 generator seeded from the OS CSPRNG.
//!
//! One `getrandom` system call per token costs more than the rest of the token, so each thread
//! keeps a ChaCha20 generator seeded from the OS. It is reseeded from the OS
//! - before its first draw in a thread,
//! - in every new process, however it was made (fork(), `_Fork()`, a raw clone; see
//!   [`crate::fork_guard`]), so a child never repeats its parent's nonces,
//! - every [`DRAWS_PER_SEED`] draws, to bound how much output one seed ever produces.
//!
//! Threads never share a generator, so no lock is taken and no two threads share a stream.

use std::cell::RefCell;

use rand::rngs::{ChaCha20Rng, SysRng};
use rand::{Rng as _, SeedableRng as _};

use crate::cipher::GCM_NONCE_LEN;
use crate::fork_guard::{self, Generation};
use crate::Error;

/// How many tokens one seed serves before the generator reseeds from the OS.
pub(crate) const DRAWS_PER_SEED: u32 = 1 << 16;

/// The random inputs of one token.
pub(crate) struct TokenRandomness {
    /// The 12-byte AES-GCM nonce.
    pub gcm_nonce: [u8; GCM_NONCE_LEN],
    /// The int32 "nonce" claim of the plaintext.
    pub claim_nonce: i32,
}

struct Seeded {
    rng: ChaCha20Rng,
    generation: Generation,
    draws_left: u32,
}

thread_local! {
    static GENERATOR: RefCell<Option<Seeded>> = const { RefCell::new(None) };
}

/// Draws the random inputs of one token.
///
/// # Errors
/// [`Error::RandomUnavailable`] when the OS generator fails while (re)seeding.
pub(crate) fn draw() -> Result<TokenRandomness, Error> {
    let generation = fork_guard::generation();
    GENERATOR
        .try_with(|cell| {
            let mut slot = cell.borrow_mut();
            let fresh = match (slot.as_ref(), generation) {
                (Some(s), Some(now)) => s.generation != now || s.draws_left == 0,
                _ => true,
            };
            if fresh {
                *slot = Some(Seeded {
                    rng: ChaCha20Rng::try_from_rng(&mut SysRng).map_err(|_| Error::RandomUnavailable)?,
                    // Without a generation every draw reseeds, so what is stored does not matter.
                    generation: generation.unwrap_or(Generation::UNKNOWN),
                    draws_left: DRAWS_PER_SEED,
                });
            }
            let seeded = slot.as_mut().ok_or(Error::RandomUnavailable)?;
            seeded.draws_left -= 1;
            let mut bytes = [0u8; GCM_NONCE_LEN + 4];
            seeded.rng.fill_bytes(&mut bytes);
            let mut gcm_nonce = [0u8; GCM_NONCE_LEN];
            gcm_nonce.copy_from_slice(&bytes[..GCM_NONCE_LEN]);
            let mut claim = [0u8; 4];
            claim.copy_from_slice(&bytes[GCM_NONCE_LEN..]);
            Ok(TokenRandomness {
                gcm_nonce,
                claim_nonce: i32::from_be_bytes(claim),
            })
        })
        // The thread is being torn down and its generator is gone.
        .unwrap_or(Err(Error::RandomUnavailable))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn draws_never_repeat_within_a_thread() {
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            assert!(seen.insert(draw().unwrap().gcm_nonce));
        }
    }

    #[test]
    fn draws_never_repeat_across_a_reseed() {
        let mut seen = HashSet::new();
        for _ in 0..(DRAWS_PER_SEED as usize + 100) {
            assert!(seen.insert(draw().unwrap().gcm_nonce));
        }
    }

    #[test]
    fn threads_do_not_share_a_stream() {
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| (0..1000).map(|_| draw().unwrap().gcm_nonce).collect::<Vec<_>>()))
            .collect();
        let mut seen = HashSet::new();
        for h in handles {
            for n in h.join().unwrap() {
                assert!(seen.insert(n));
            }
        }
    }
}
