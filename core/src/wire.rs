//! The Token04 envelope: "04" + base64 of
//! `expire(i64 BE) | nonce_len(u16 BE) | nonce | cipher_len(u16 BE) | ciphertext | [mode(u8)]`.

#[cfg(not(target_family = "wasm"))]
use std::sync::OnceLock;

#[cfg(not(target_family = "wasm"))]
use base64::engine::general_purpose::PAD;
#[cfg(not(target_family = "wasm"))]
use base64::engine::simd::Simd;
use base64::Engine as _;

use crate::Error;

/// The version prefix of every Token04.
pub(crate) const VERSION: &str = "04";
/// The mode byte of the current format (ZEGO's "AesEncryptModeGCM").
pub(crate) const MODE_GCM: u8 = 1;

/// Bytes before the nonce: expire (8) and nonce_len (2).
pub(crate) const EXPIRE_AND_NONCE_LEN: usize = 10;

/// The longest text that can be a Token04, in bytes: "04" and the base64 of the longest envelope
/// its two 16-bit length fields can describe (expire, both lengths, a 65,535-byte nonce and
/// ciphertext, the mode byte). Anything longer is refused as malformed before it is decoded, so
/// that no input, however large, makes the library allocate or work in proportion to it.
pub const MAX_TOKEN_LEN: usize =
    VERSION.len() + (8 + 2 + u16::MAX as usize + 2 + u16::MAX as usize + 1).div_ceil(3) * 4;

/// One parsed envelope, borrowing from the decoded bytes. The ciphertext is borrowed mutably so
/// that it can be decrypted where it lies.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Envelope<'a> {
    pub expire: i64,
    pub nonce: &'a [u8],
    pub ciphertext: &'a mut [u8],
    /// `None` for a legacy token, which ends right after the ciphertext.
    pub mode: Option<u8>,
}

/// Standard base64 with padding, with the base64 crate's AVX2 kernels where the CPU has them (the
/// engine falls back to the crate's scalar code otherwise). Chosen once, on first use.
#[cfg(not(target_family = "wasm"))]
fn base64() -> &'static Simd {
    static ENGINE: OnceLock<Simd> = OnceLock::new();
    ENGINE.get_or_init(|| Simd::standard(PAD))
}

/// Standard base64 with padding (WebAssembly: the crate's SIMD engine has no wasm kernels).
#[cfg(target_family = "wasm")]
fn base64() -> &'static base64::engine::GeneralPurpose {
    &base64::engine::general_purpose::STANDARD
}

/// Strips the version prefix and decodes the base64 body.
pub(crate) fn unwrap_base64(token: &str) -> Result<Vec<u8>, Error> {
    if token.len() <= VERSION.len() || token.len() > MAX_TOKEN_LEN {
        return Err(Error::Malformed);
    }
    let body = token.strip_prefix(VERSION).ok_or(Error::UnsupportedVersion)?;
    base64().decode(body).map_err(|_| Error::Malformed)
}

/// Returns "04" + base64(bytes), with room for one more byte so that the C ABI's NUL terminator
/// does not reallocate it. Encoded straight into the final buffer (no intermediate chunk copy).
pub(crate) fn wrap_base64(bytes: &[u8]) -> String {
    let encoded_len = bytes.len().div_ceil(3) * 4;
    let mut out = Vec::with_capacity(VERSION.len() + encoded_len + 1);
    out.extend_from_slice(VERSION.as_bytes());
    out.resize(VERSION.len() + encoded_len, 0);
    let written = base64().encode_slice(bytes, &mut out[VERSION.len()..]).unwrap_or(0);
    out.truncate(VERSION.len() + written);
    // Base64 output and the prefix are ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes "04" + base64(bytes) into the start of `out`; returns the length written, or
/// `BufferTooSmall` (and writes nothing) when `out` cannot hold it all.
pub(crate) fn encode_base64_into(bytes: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    let len = VERSION.len() + bytes.len().div_ceil(3) * 4;
    let out = out.get_mut(..len).ok_or(Error::BufferTooSmall)?;
    let (prefix, body) = out.split_at_mut(VERSION.len());
    prefix.copy_from_slice(VERSION.as_bytes());
    let written = base64().encode_slice(bytes, body).map_err(|_| Error::BufferTooSmall)?;
    Ok(VERSION.len() + written)
}

/// Splits the decoded bytes into their fields; every length is checked against what is there.
pub(crate) fn parse(bytes: &mut [u8]) -> Result<Envelope<'_>, Error> {
    let mut rest = bytes;
    let expire = i64::from_be_bytes(take::<8>(&mut rest)?);
    let nonce_len = u16::from_be_bytes(take::<2>(&mut rest)?) as usize;
    let nonce = take_slice(&mut rest, nonce_len)?;
    let cipher_len = u16::from_be_bytes(take::<2>(&mut rest)?) as usize;
    let ciphertext = take_slice(&mut rest, cipher_len)?;
    let mode = match rest {
        [] => None,
        [mode] => Some(*mode),
        _ => return Err(Error::Malformed),
    };
    Ok(Envelope {
        expire,
        nonce,
        ciphertext,
        mode,
    })
}

fn take<const N: usize>(rest: &mut &mut [u8]) -> Result<[u8; N], Error> {
    let field = take_slice(rest, N)?;
    let mut out = [0u8; N];
    out.copy_from_slice(field);
    Ok(out)
}

fn take_slice<'a>(rest: &mut &'a mut [u8], len: usize) -> Result<&'a mut [u8], Error> {
    if rest.len() < len {
        return Err(Error::Malformed);
    }
    let (field, tail) = std::mem::take(rest).split_at_mut(len);
    *rest = tail;
    Ok(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope_bytes(nonce: &[u8], ciphertext: &[u8], mode: Option<u8>) -> Vec<u8> {
        let mut b = 77i64.to_be_bytes().to_vec();
        b.extend((nonce.len() as u16).to_be_bytes());
        b.extend(nonce);
        b.extend((ciphertext.len() as u16).to_be_bytes());
        b.extend(ciphertext);
        b.extend(mode);
        b
    }

    #[test]
    fn parses_a_current_envelope() {
        let mut b = envelope_bytes(&[1; 12], &[2; 20], Some(1));
        let e = parse(&mut b).unwrap();
        assert_eq!(
            (e.expire, e.nonce, &*e.ciphertext, e.mode),
            (77, &[1u8; 12][..], &[2u8; 20][..], Some(1))
        );
    }

    #[test]
    fn parses_a_legacy_envelope_without_mode_byte() {
        let mut b = envelope_bytes(&[1; 16], &[2; 32], None);
        assert_eq!(parse(&mut b).unwrap().mode, None);
    }

    #[test]
    fn refuses_trailing_bytes() {
        let mut b = envelope_bytes(&[1; 12], &[2; 20], Some(1));
        b.push(0);
        assert_eq!(parse(&mut b).unwrap_err(), Error::Malformed);
    }

    #[test]
    fn refuses_every_truncation() {
        let mut b = envelope_bytes(&[1; 12], &[2; 20], Some(1));
        for len in 0..b.len() - 1 {
            assert_eq!(parse(&mut b[..len]).unwrap_err(), Error::Malformed, "length {len}");
        }
    }

    #[test]
    fn short_tokens_are_malformed_and_other_prefixes_unsupported() {
        assert_eq!(unwrap_base64("").unwrap_err(), Error::Malformed);
        assert_eq!(unwrap_base64("04").unwrap_err(), Error::Malformed);
        assert_eq!(unwrap_base64("03AAAA").unwrap_err(), Error::UnsupportedVersion);
        assert_eq!(unwrap_base64("04A!==").unwrap_err(), Error::Malformed);
    }

    #[test]
    fn the_longest_envelope_fits_and_one_more_character_is_malformed() {
        let longest = envelope_bytes(&[1; u16::MAX as usize], &[2; u16::MAX as usize], Some(1));
        let token = wrap_base64(&longest);
        assert_eq!(token.len(), MAX_TOKEN_LEN);
        assert_eq!(unwrap_base64(&token).unwrap(), longest);
        assert_eq!(unwrap_base64(&format!("{token}A")).unwrap_err(), Error::Malformed);
    }

    #[test]
    fn base64_round_trips() {
        let t = wrap_base64(b"hello");
        assert_eq!(t, "04aGVsbG8=");
        assert_eq!(unwrap_base64(&t).unwrap(), b"hello");
    }
}
