//! Any bytes as the plaintext of a correctly sealed GCM token, so that every input reaches the UTF-8
//! check and the JSON parser. The first 8 bytes are the header's expire.
#![no_main]

use aes_gcm::aead::inout::InOutBuf;
use aes_gcm::{AeadInOut, Aes256Gcm, KeyInit, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use zego_token::{decode, Error};

const SECRET: &[u8; 32] = b"0123456789abcdef0123456789abcdef";

fuzz_target!(|input: &[u8]| {
    if input.len() < 8 || input.len() - 8 > usize::from(u16::MAX) - 16 {
        return;
    }
    let (expire, plaintext) = input.split_at(8);
    let nonce = [7u8; 12];
    let cipher = Aes256Gcm::new(SECRET.into());
    let mut sealed = plaintext.to_vec();
    let tag = cipher
        .encrypt_inout_detached(&Nonce::from(nonce), &[], InOutBuf::from(sealed.as_mut_slice()))
        .unwrap();
    sealed.extend_from_slice(&tag);
    let mut envelope = expire.to_vec();
    envelope.extend_from_slice(&12u16.to_be_bytes());
    envelope.extend_from_slice(&nonce);
    envelope.extend_from_slice(&(sealed.len() as u16).to_be_bytes());
    envelope.extend_from_slice(&sealed);
    envelope.push(1);
    let token = format!("04{}", STANDARD.encode(&envelope));
    match decode(&token, std::str::from_utf8(SECRET).unwrap()) {
        // Intact GCM: the only possible outcomes are claims, a bad plaintext, or the header's
        // expire differing from the encrypted one.
        Ok(claims) => assert_eq!(claims.expire.to_be_bytes(), expire),
        Err(error) => assert!(matches!(error, Error::BadPlaintext | Error::AuthFailed), "{error:?}"),
    }
});
