//! `Generator::generate_into`: the allocation-free way to make a token, into the caller's buffer.

use proptest::prelude::*;
use zego_token::{max_token_len, token_len_bound, Error, Generator, RtcRoomPayload};

const SECRET: &str = "0123456789abcdef0123456789abcdef";

fn generator() -> Generator {
    Generator::new(1234567890, SECRET).unwrap()
}

#[test]
fn writes_a_token_that_decodes_to_the_inputs_and_returns_its_length() {
    let payload = RtcRoomPayload::new("room-1", true, true, None).unwrap().to_json();
    let mut out = vec![0u8; token_len_bound("alice", &payload)];
    let len = generator().generate_into("alice", 3600, &payload, &mut out).unwrap();
    let token = std::str::from_utf8(&out[..len]).unwrap();
    let claims = generator().decode(token).unwrap();
    assert_eq!(
        (claims.user_id.as_str(), claims.payload.as_str()),
        ("alice", payload.as_str())
    );
    assert_eq!(claims.expire - claims.ctime, 3600);
}

#[test]
fn a_buffer_one_byte_short_of_the_bound_is_refused_and_left_untouched() {
    let need = token_len_bound("alice", "");
    let mut out = vec![7u8; need - 1];
    assert_eq!(
        generator().generate_into("alice", 3600, "", &mut out),
        Err(Error::BufferTooSmall)
    );
    assert!(out.iter().all(|&b| b == 7));
}

#[test]
fn invalid_inputs_are_reported_before_the_buffer_size() {
    let mut out = [0u8; 4];
    assert_eq!(
        generator().generate_into("", 3600, "", &mut out),
        Err(Error::InvalidUserId)
    );
    assert_eq!(
        generator().generate_into("alice", 0, "", &mut out),
        Err(Error::InvalidEffectiveTime)
    );
    assert_eq!(
        generator().generate_into("alice", 60, "", &mut []),
        Err(Error::BufferTooSmall)
    );
}

#[test]
fn the_one_shot_call_checks_inputs_in_the_official_order_then_writes_a_token() {
    let mut out = [0u8; 512];
    assert_eq!(
        zego_token::generate_into(0, "", "short", 0, "", &mut out),
        Err(Error::InvalidAppId)
    );
    assert_eq!(
        zego_token::generate_into(1, "", "short", 0, "", &mut out),
        Err(Error::InvalidUserId)
    );
    assert_eq!(
        zego_token::generate_into(1, "u", "short", 0, "", &mut out),
        Err(Error::InvalidSecret)
    );
    assert_eq!(
        zego_token::generate_into(1, "u", SECRET, 0, "", &mut out),
        Err(Error::InvalidEffectiveTime)
    );
    assert_eq!(
        zego_token::generate_into(1, "u", SECRET, 60, "", &mut out[..10]),
        Err(Error::BufferTooSmall)
    );
    let len = zego_token::generate_into(1, "u", SECRET, 60, "", &mut out).unwrap();
    let claims = zego_token::decode(std::str::from_utf8(&out[..len]).unwrap(), SECRET).unwrap();
    assert_eq!((claims.app_id, claims.user_id.as_str()), (1, "u"));
}

#[test]
fn max_token_len_is_capped_at_the_longest_token_there_can_be() {
    assert_eq!(
        max_token_len(usize::MAX, usize::MAX),
        zego_token::MAX_GENERATED_TOKEN_LEN
    );
    assert!(max_token_len(64, 0) < 1024);
}

proptest! {
    #[test]
    fn the_bound_holds_every_token_and_max_token_len_holds_the_bound(
        user_id in "[\\x00-\\x7f\\u{80}-\\u{10ffff}]{1,16}",
        payload in "\\PC{0,64}|[\\x00-\\x20\"\\\\]{0,64}",
    ) {
        prop_assume!(user_id.len() <= 64);
        let bound = token_len_bound(&user_id, &payload);
        prop_assert!(bound <= max_token_len(user_id.len(), payload.len()));
        let mut out = vec![0u8; bound];
        let len = generator().generate_into(&user_id, 1, &payload, &mut out).unwrap();
        // The bound counts numbers at their widest and control characters at their widest
        // escape: above the token's length, never below.
        prop_assert!(len <= bound, "len {} bound {}", len, bound);
        let claims = generator().decode(std::str::from_utf8(&out[..len]).unwrap()).unwrap();
        prop_assert_eq!(claims.user_id, user_id);
        prop_assert_eq!(claims.payload, payload);
    }

    #[test]
    fn generate_into_writes_what_generate_would(user_id in "[a-z0-9_]{1,64}") {
        let token = generator().generate(&user_id, 60, "").unwrap();
        let mut out = vec![0u8; token_len_bound(&user_id, "")];
        let len = generator().generate_into(&user_id, 60, "", &mut out).unwrap();
        // Same shape: the lengths differ only by the width of the random nonce's digits.
        prop_assert!(len.abs_diff(token.len()) <= 16);
        prop_assert!(out[..len].starts_with(b"04"));
    }
}
