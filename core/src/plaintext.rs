//! The token's plaintext: compact JSON with six claims, written in the official Go generator's
//! key order and read back in any order.

use serde::Deserialize;

use crate::json_string::JsonString;
use crate::{Claims, Error, Mode};

/// The most bytes [`write_claims`] can append for these strings: the keys and punctuation, the
/// widest numbers, and the strings with every escape they may need. Sizing the buffer with it
/// means the plaintext is written without a reallocation.
pub(crate) fn max_claims_len(user_id: &JsonString<'_>, payload: &JsonString<'_>) -> usize {
    MAX_CLAIMS_OVERHEAD + user_id.max_len() + payload.max_len()
}

/// The claims' bytes other than the two strings: keys, punctuation and the widest numbers.
pub(crate) const MAX_CLAIMS_OVERHEAD: usize = {
    const KEYS_AND_PUNCTUATION: usize = r#"{"app_id":,"user_id":,"ctime":,"expire":,"nonce":,"payload":}"#.len();
    const WIDEST_NUMBERS: usize = 10 + 3 * 20; // u32, and three i64 with their sign
    KEYS_AND_PUNCTUATION + WIDEST_NUMBERS
};

/// Exactly how many bytes [`write_claims`] appends for these values.
pub(crate) fn claims_len(
    app_id: u32,
    user_id: &JsonString<'_>,
    ctime: i64,
    expire: i64,
    nonce: i64,
    payload: &JsonString<'_>,
) -> usize {
    const KEYS_AND_PUNCTUATION: usize = r#"{"app_id":,"user_id":,"ctime":,"expire":,"nonce":,"payload":}"#.len();
    let mut number = itoa::Buffer::new();
    let numbers = number.format(app_id).len()
        + number.format(ctime).len()
        + number.format(expire).len()
        + number.format(nonce).len();
    KEYS_AND_PUNCTUATION + numbers + user_id.len() + payload.len()
}

/// Appends `{"app_id":..,"user_id":..,"ctime":..,"expire":..,"nonce":..,"payload":..}`.
///
/// The order and the compact form are the official Go generator's, so that with the same clock
/// and randomness the token is byte for byte the one Go makes. Strings are raw UTF-8 with JSON's
/// mandatory escapes, as serde_json writes them.
pub(crate) fn write_claims(
    out: &mut Vec<u8>,
    app_id: u32,
    user_id: &JsonString<'_>,
    ctime: i64,
    expire: i64,
    nonce: i64,
    payload: &JsonString<'_>,
) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(b"{\"app_id\":");
    out.extend_from_slice(number.format(app_id).as_bytes());
    out.extend_from_slice(b",\"user_id\":");
    user_id.write_to(out);
    out.extend_from_slice(b",\"ctime\":");
    out.extend_from_slice(number.format(ctime).as_bytes());
    out.extend_from_slice(b",\"expire\":");
    out.extend_from_slice(number.format(expire).as_bytes());
    out.extend_from_slice(b",\"nonce\":");
    out.extend_from_slice(number.format(nonce).as_bytes());
    out.extend_from_slice(b",\"payload\":");
    payload.write_to(out);
    out.push(b'}');
}

#[derive(Deserialize)]
struct Plaintext {
    app_id: u32,
    user_id: String,
    ctime: i64,
    expire: i64,
    nonce: i64,
    payload: String,
}

/// Parses a decrypted plaintext. Keys may come in any order (the official generators differ);
/// all six must be there, once each, with the right JSON types. Their values are not judged here:
/// a value outside the generation rules is a [`Finding`](crate::Finding) of the claims, which
/// verification refuses only in a legacy CBC token. Unknown keys are ignored.
pub(crate) fn parse_claims(plaintext: &str, mode: Mode) -> Result<Claims, Error> {
    // From text already checked as UTF-8 once, serde_json does not check each string again.
    let p: Plaintext = serde_json::from_str(plaintext).map_err(|_| Error::BadPlaintext)?;
    Ok(Claims {
        app_id: p.app_id,
        user_id: p.user_id,
        ctime: p.ctime,
        expire: p.expire,
        nonce: p.nonce,
        payload: p.payload,
        mode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(user_id: &str, payload: &str) -> String {
        let mut out = Vec::new();
        write_claims(
            &mut out,
            1,
            &JsonString::new(user_id),
            10,
            20,
            -3,
            &JsonString::new(payload),
        );
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_go_key_order_compactly() {
        assert_eq!(
            written("u", ""),
            r#"{"app_id":1,"user_id":"u","ctime":10,"expire":20,"nonce":-3,"payload":""}"#
        );
    }

    #[test]
    fn writes_unicode_raw_and_escapes_quotes_backslashes_and_controls() {
        assert_eq!(
            written("中\"\\\n\u{1}", "😀"),
            "{\"app_id\":1,\"user_id\":\"中\\\"\\\\\\n\\u0001\",\"ctime\":10,\"expire\":20,\"nonce\":-3,\"payload\":\"😀\"}"
        );
    }

    #[test]
    fn max_claims_len_covers_the_widest_numbers_and_every_escape() {
        let user_id = "\u{1}\"\\x";
        let payload = "\n\u{1f}{}";
        let (user_id, payload) = (JsonString::new(user_id), JsonString::new(payload));
        let mut out = Vec::new();
        write_claims(&mut out, u32::MAX, &user_id, i64::MIN, i64::MIN, i64::MIN, &payload);
        assert!(out.len() <= max_claims_len(&user_id, &payload), "{} bytes", out.len());
    }

    #[test]
    fn claims_len_is_exactly_what_is_written() {
        for (user_id, payload, nonce) in [("u", "", -3), ("中\n", "{\"a\":\"\u{1}\"}", i64::MIN), ("", "\t", 0)] {
            let (u, p) = (JsonString::new(user_id), JsonString::new(payload));
            let mut out = Vec::new();
            write_claims(&mut out, 4_294_967_295, &u, 1_795_349_584, 1_795_353_184, nonce, &p);
            assert_eq!(
                claims_len(4_294_967_295, &u, 1_795_349_584, 1_795_353_184, nonce, &p),
                out.len()
            );
        }
    }

    #[test]
    fn reads_keys_in_any_order() {
        let c = parse_claims(
            r#"{"nonce":5,"payload":"p","expire":3,"ctime":2,"user_id":"u","app_id":7}"#,
            Mode::Gcm,
        )
        .unwrap();
        assert_eq!(
            (c.app_id, c.user_id.as_str(), c.ctime, c.expire, c.nonce),
            (7, "u", 2, 3, 5)
        );
        assert_eq!(c.payload, "p");
    }

    #[test]
    fn refuses_a_missing_claim() {
        let r = parse_claims(r#"{"app_id":1,"ctime":2,"expire":3,"nonce":5,"payload":""}"#, Mode::Gcm);
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }

    #[test]
    fn refuses_an_app_id_above_u32() {
        let r = parse_claims(
            r#"{"app_id":4294967296,"user_id":"u","ctime":2,"expire":3,"nonce":5,"payload":""}"#,
            Mode::Gcm,
        );
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }

    fn claims_with(app_id: u32, user_id: &str) -> Result<Claims, Error> {
        let text =
            format!(r#"{{"app_id":{app_id},"user_id":"{user_id}","ctime":2,"expire":3,"nonce":5,"payload":""}}"#);
        parse_claims(&text, Mode::LegacyCbc)
    }

    #[test]
    fn reads_claims_whatever_their_values() {
        assert_eq!(claims_with(0, "u").unwrap().app_id, 0, "app id 0");
        assert_eq!(claims_with(1, "").unwrap().user_id, "", "empty user id");
        assert_eq!(claims_with(1, &"u".repeat(65)).unwrap().user_id.len(), 65);
        assert_eq!(claims_with(1, &"u".repeat(200)).unwrap().user_id.len(), 200);
    }

    #[test]
    fn refuses_a_duplicated_claim() {
        let r = parse_claims(
            r#"{"app_id":1,"app_id":2,"user_id":"u","ctime":2,"expire":3,"nonce":5,"payload":""}"#,
            Mode::Gcm,
        );
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }
}
