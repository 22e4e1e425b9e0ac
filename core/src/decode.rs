//! Reading a token back: both the current GCM format and the legacy CBC one.

use crate::cipher::{cbc_open_in_place, GcmKey};
use crate::{plaintext, wire, Claims, Error, Mode, Secret};

/// Decodes a token with its secret and returns its claims. Both formats are read: the current
/// AES-256-GCM one and the legacy AES-256-CBC one, from any official generator. It checks that
/// the token is intact and was made with `secret`, not that it is still valid: use
/// [`verify`](crate::verify) for that.
///
/// ```
/// let secret = "0123456789abcdef0123456789abcdef";
/// let token = zego_token::generate(1, "alice", secret, 60, "")?;
/// let claims = zego_token::decode(&token, secret)?;
/// assert_eq!((claims.app_id, claims.user_id.as_str()), (1, "alice"));
/// assert_eq!(claims.mode, zego_token::Mode::Gcm);
/// # Ok::<(), zego_token::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidSecret`]; [`Error::Malformed`] (empty, not base64, lengths that run past the
/// end, trailing bytes); [`Error::UnsupportedVersion`] (not "04"); [`Error::UnsupportedMode`]
/// (mode byte other than 1); [`Error::AuthFailed`] (wrong secret or altered token);
/// [`Error::BadPlaintext`] (not the six JSON claims).
pub fn decode(token: &str, secret: &str) -> Result<Claims, Error> {
    let secret = Secret::new(secret)?;
    decode_with(token, &secret, None)
}

/// Decodes with `secret`, reusing an already expanded GCM key when the caller keeps one.
pub(crate) fn decode_with(token: &str, secret: &Secret, kept_key: Option<&GcmKey>) -> Result<Claims, Error> {
    let mut bytes = wire::unwrap_base64(token)?;
    let envelope = wire::parse(&mut bytes)?;
    let (plaintext, mode) = match envelope.mode {
        Some(wire::MODE_GCM) => {
            let plaintext = match kept_key {
                Some(key) => key.open_in_place(envelope.nonce, envelope.ciphertext)?,
                None => GcmKey::new(secret).open_in_place(envelope.nonce, envelope.ciphertext)?,
            };
            (plaintext, Mode::Gcm)
        }
        Some(_) => return Err(Error::UnsupportedMode),
        None => (
            cbc_open_in_place(secret, envelope.nonce, envelope.ciphertext)?,
            Mode::LegacyCbc,
        ),
    };
    let plaintext = std::str::from_utf8(plaintext).map_err(|_| match mode {
        // CBC cannot authenticate: a wrong key that happens to leave valid padding yields bytes
        // that are not text. That is a wrong secret, not a bad plaintext.
        Mode::LegacyCbc => Error::AuthFailed,
        Mode::Gcm => Error::BadPlaintext,
    })?;
    let claims = plaintext::parse_claims(plaintext, mode)?;
    if claims.expire != envelope.expire {
        // The header's expiry is outside the encryption: a mismatch means it was altered.
        return Err(Error::AuthFailed);
    }
    Ok(claims)
}
