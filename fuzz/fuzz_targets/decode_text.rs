//! Any text as a token: decode, verify with options and key rotation, and the generator's decode.
//! Each must return a result (never panic), and a success must be a token that re-verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zego_token::{decode, verify_with_any, Generator, VerifyOptions};

const SECRET: &str = "0123456789abcdef0123456789abcdef";
const OTHER: &str = "fedcba9876543210fedcba9876543210";

fuzz_target!(|text: &str| {
    let decoded = decode(text, SECRET);
    let options = VerifyOptions::new().at(1_800_000_000).leeway(60);
    let _ = verify_with_any(text, &[OTHER, SECRET], 1, &options);
    let _ = verify_with_any(text, &[SECRET], 1, &options.clone().require_gcm().user_id("u"));
    let generator = Generator::new(1, SECRET).unwrap();
    assert_eq!(generator.decode(text), decoded, "one decoder, one answer");
    if let Ok(claims) = decoded {
        assert!(claims.app_id != 0 && !claims.user_id.is_empty() && claims.user_id.len() <= 64);
    }
});
