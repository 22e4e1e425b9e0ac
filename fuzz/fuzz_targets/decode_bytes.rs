//! Any bytes as the envelope inside "04" + base64: reaches the length fields, the mode byte and both
//! ciphers without first having to be valid base64.
#![no_main]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use zego_token::decode;

const SECRET: &str = "0123456789abcdef0123456789abcdef";

fuzz_target!(|bytes: &[u8]| {
    let token = format!("04{}", STANDARD.encode(bytes));
    let _ = decode(&token, SECRET);
});
