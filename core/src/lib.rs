//! # zego-token
//!
//! Generate, decode and verify ZEGO Token04 authentication tokens: the tokens that ZEGO's RTC
//! (Express), ZIM, MiniGameEngine and UIKit SDKs present at login, made by the customer's own
//! server from its AppID and 32-byte ServerSecret.
//!
//! - [`generate`] and [`Generator`] make tokens in the current AES-256-GCM format, byte for byte
//!   what ZEGO's official Go generator makes from the same clock and randomness;
//! - [`RtcRoomPayload`] is the typed privilege payload of an RTC room token;
//! - [`decode`] reads a token back (current GCM and legacy CBC format), [`verify`] also checks the
//!   app id, expiry and not-before, and [`verify_with_any`] accepts several secrets (rotation);
//! - every failure is an [`Error`] with a stable numeric [`code`](Error::code);
//! - decoding reads every token a generator makes, whatever its values; values outside the
//!   generation rules are reported as [`Findings`] ([`Claims::findings`]), never refused, but by
//!   verification of a legacy (unauthenticated) CBC token.
//!
//! ```
//! use zego_token::{Generator, RtcRoomPayload, VerifyOptions};
//!
//! let generator = Generator::new(1234567890, "0123456789abcdef0123456789abcdef")?;
//! let room = RtcRoomPayload::new("room1", true, false, None)?;
//! let token = generator.generate("user_123456", 3600, &room.to_json())?;
//!
//! let claims = generator.verify(&token, &VerifyOptions::new())?;
//! assert_eq!(claims.payload, r#"{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}"#);
//! # Ok::<(), zego_token::Error>(())
//! ```
//!
//! Nonces come from a per-thread ChaCha20 generator seeded from the OS CSPRNG and reseeded after
//! `fork()`, so no two tokens share a GCM nonce, across threads and forked worker processes alike.
//!
//! This crate is pure Rust and exports no C symbols. The C ABI (`libzego_token`, declared in
//! `zego_token.h`) is the separate `zego-token-ffi` crate, built on this one.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod cipher;
mod claims;
mod clock;
mod decode;
mod error;
mod finding;
mod fork_guard;
mod generator;
mod json_string;
mod nonce_source;
mod payload;
mod plaintext;
mod secret;
pub mod verdict;
mod verify;
mod wire;

#[cfg(test)]
mod conformance_tests;

pub use claims::{Claims, Mode};
pub use decode::decode;
pub use error::Error;
pub use finding::{Finding, Findings};
pub use generator::{
    generate, generate_into, max_token_len, token_len_bound, Generator, IssuedToken, MAX_GENERATED_TOKEN_LEN,
    MAX_USER_ID_LEN,
};
pub use payload::{
    RtcRoomPayload, MAX_ROOM_ID_LEN, MAX_STREAM_ID_COUNT, MAX_STREAM_ID_LEN, PRIVILEGE_DISABLE, PRIVILEGE_ENABLE,
    PRIVILEGE_KEY_LOGIN, PRIVILEGE_KEY_PUBLISH,
};
pub use secret::{Secret, SECRET_LEN};
pub use verify::{decode_with_any, verify, verify_with_any, VerifyOptions};
pub use wire::MAX_TOKEN_LEN;
