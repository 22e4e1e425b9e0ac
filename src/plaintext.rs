//! The token's plaintext: compact JSON with six claims, written in the official Go generator's
//! key order and read back in any order.

use serde::Deserialize;

use crate::{Claims, Error, Mode};

/// Appends `{"app_id":..,"user_id":..,"ctime":..,"expire":..,"nonce":..,"payload":..}`.
///
/// The order and the compact form are the official Go generator's, so that with the same clock
/// and randomness the token is byte for byte the one Go makes. Strings are raw UTF-8 with JSON's
/// mandatory escapes (serde_json's escaper).
pub(crate) fn write_claims(
    out: &mut Vec<u8>,
    app_id: u32,
    user_id: &str,
    ctime: i64,
    expire: i64,
    nonce: i64,
    payload: &str,
) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(b"{\"app_id\":");
    out.extend_from_slice(number.format(app_id).as_bytes());
    out.extend_from_slice(b",\"user_id\":");
    write_json_string(out, user_id);
    out.extend_from_slice(b",\"ctime\":");
    out.extend_from_slice(number.format(ctime).as_bytes());
    out.extend_from_slice(b",\"expire\":");
    out.extend_from_slice(number.format(expire).as_bytes());
    out.extend_from_slice(b",\"nonce\":");
    out.extend_from_slice(number.format(nonce).as_bytes());
    out.extend_from_slice(b",\"payload\":");
    write_json_string(out, payload);
    out.push(b'}');
}

/// Appends `text` as a JSON string literal.
pub(crate) fn write_json_string(out: &mut Vec<u8>, text: &str) {
    // Most ids need no escaping at all: copy those verbatim and leave every other string to
    // serde_json's escaper (the only characters JSON requires escaping are `"`, `\` and controls).
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        // Writing a &str into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, text);
    }
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
/// all six must be there with the right JSON types. Unknown keys are ignored.
pub(crate) fn parse_claims(plaintext: &[u8], mode: Mode) -> Result<Claims, Error> {
    let p: Plaintext = serde_json::from_slice(plaintext).map_err(|_| Error::BadPlaintext)?;
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
        write_claims(&mut out, 1, user_id, 10, 20, -3, payload);
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
    fn the_verbatim_fast_path_writes_what_serde_json_writes() {
        for text in ["", "user_123456", "中文 😀 \u{7f} \u{2028}", "a/b<c>&"] {
            let mut fast = Vec::new();
            write_json_string(&mut fast, text);
            assert_eq!(fast, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn reads_keys_in_any_order() {
        let c = parse_claims(
            br#"{"nonce":5,"payload":"p","expire":3,"ctime":2,"user_id":"u","app_id":7}"#,
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
        let r = parse_claims(
            br#"{"app_id":1,"ctime":2,"expire":3,"nonce":5,"payload":""}"#,
            Mode::Gcm,
        );
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }

    #[test]
    fn refuses_an_app_id_above_u32() {
        let r = parse_claims(
            br#"{"app_id":4294967296,"user_id":"u","ctime":2,"expire":3,"nonce":5,"payload":""}"#,
            Mode::Gcm,
        );
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }

    #[test]
    fn refuses_a_duplicated_claim() {
        let r = parse_claims(
            br#"{"app_id":1,"app_id":2,"user_id":"u","ctime":2,"expire":3,"nonce":5,"payload":""}"#,
            Mode::Gcm,
        );
        assert_eq!(r.unwrap_err(), Error::BadPlaintext);
    }
}
