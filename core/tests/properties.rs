//! Property tests: round trips for arbitrary input, no panic on arbitrary tokens, and no bit flip
//! ever accepted with altered claims.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use proptest::prelude::*;
use zego_token::{decode, Generator, Mode};

const SECRET: &str = "0123456789abcdef0123456789abcdef";

fn generator() -> Generator {
    Generator::new(1_234_567_890, SECRET).unwrap()
}

/// A user id ZEGO accepts: 1 to 64 bytes of any Unicode.
fn user_id() -> impl Strategy<Value = String> {
    "\\PC{1,64}".prop_filter("1 to 64 bytes", |s| !s.is_empty() && s.len() <= 64)
}

proptest! {
    #[test]
    fn generate_then_decode_round_trips_any_unicode(user in user_id(), payload in "\\PC{0,300}", ttl in 1i64..1_000_000_000) {
        let token = generator().generate(&user, ttl, &payload).unwrap();
        let claims = decode(&token, SECRET).unwrap();
        prop_assert_eq!(claims.app_id, 1_234_567_890);
        prop_assert_eq!(&claims.user_id, &user);
        prop_assert_eq!(&claims.payload, &payload);
        prop_assert_eq!(claims.expire - claims.ctime, ttl);
        prop_assert_eq!(claims.mode, Mode::Gcm);
        prop_assert!(i32::try_from(claims.nonce).is_ok());
    }

    #[test]
    fn decoding_any_string_never_panics(token in "\\PC{0,300}") {
        let _ = decode(&token, SECRET);
    }

    #[test]
    fn decoding_any_bytes_after_the_prefix_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&format!("04{}", STANDARD.encode(&bytes)), SECRET);
    }

    #[test]
    fn decoding_any_bytes_shaped_like_a_token_never_panics(
        expire in any::<i64>(), nonce in proptest::collection::vec(any::<u8>(), 0..20),
        body in proptest::collection::vec(any::<u8>(), 0..200), mode in proptest::option::of(any::<u8>()),
    ) {
        let mut bytes = expire.to_be_bytes().to_vec();
        bytes.extend((nonce.len() as u16).to_be_bytes());
        bytes.extend(&nonce);
        bytes.extend((body.len() as u16).to_be_bytes());
        bytes.extend(&body);
        bytes.extend(mode);
        let _ = decode(&format!("04{}", STANDARD.encode(&bytes)), SECRET);
    }

    #[test]
    fn flipping_any_single_bit_is_never_accepted_with_altered_claims(user in user_id(), bit in any::<prop::sample::Index>()) {
        let token = generator().generate(&user, 3600, "payload").unwrap();
        let original = decode(&token, SECRET).unwrap();
        let mut bytes = STANDARD.decode(&token[2..]).unwrap();
        let bit = bit.index(bytes.len() * 8);
        bytes[bit / 8] ^= 1 << (bit % 8);
        if let Ok(claims) = decode(&format!("04{}", STANDARD.encode(&bytes)), SECRET) {
            prop_assert_eq!(claims, original);
        }
    }
}

#[test]
fn flipping_each_bit_of_one_token_is_always_refused() {
    let token = generator().generate("user_123456", 3600, "").unwrap();
    let bytes = STANDARD.decode(&token[2..]).unwrap();
    for bit in 0..bytes.len() * 8 {
        let mut altered = bytes.clone();
        altered[bit / 8] ^= 1 << (bit % 8);
        assert!(
            decode(&format!("04{}", STANDARD.encode(&altered)), SECRET).is_err(),
            "bit {bit} accepted"
        );
    }
}
