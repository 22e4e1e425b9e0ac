//! The ServerSecret: a 32-byte AES-256 key that is wiped from memory when dropped.

use std::fmt;

use zeroize::Zeroize;

use crate::Error;

/// Length of a ZEGO ServerSecret in bytes; it is used as the raw AES-256 key.
pub const SECRET_LEN: usize = 32;

/// A validated ZEGO ServerSecret.
///
/// The bytes are zeroized when the value is dropped, and neither `Debug` nor any error ever shows
/// them.
///
/// A secret must be exactly 32 ASCII bytes (the ZEGO console issues 32 hexadecimal characters).
/// The official generators disagree on non-ASCII secrets (Go counts bytes, Java and Python count
/// characters), so such a secret could never work everywhere and is refused here.
///
/// ```
/// use zego_token::Secret;
/// let secret = Secret::new("0123456789abcdef0123456789abcdef").unwrap();
/// assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
/// assert!(Secret::new("too short").is_err());
/// ```
#[derive(Clone)]
pub struct Secret {
    key: [u8; SECRET_LEN],
}

impl Secret {
    /// Validates `secret` and keeps a copy of its bytes.
    ///
    /// # Errors
    /// [`Error::InvalidSecret`] unless `secret` is exactly 32 ASCII bytes.
    pub fn new(secret: &str) -> Result<Secret, Error> {
        let bytes = secret.as_bytes();
        if bytes.len() != SECRET_LEN || !bytes.is_ascii() {
            return Err(Error::InvalidSecret);
        }
        let mut key = [0u8; SECRET_LEN];
        key.copy_from_slice(bytes);
        Ok(Secret { key })
    }

    pub(crate) fn key(&self) -> &[u8; SECRET_LEN] {
        &self.key
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl std::str::FromStr for Secret {
    type Err = Error;

    fn from_str(s: &str) -> Result<Secret, Error> {
        Secret::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn accepts_exactly_32_ascii_bytes() {
        assert!(Secret::new(GOOD).is_ok());
    }

    #[test]
    fn refuses_31_and_33_bytes() {
        assert_eq!(Secret::new(&GOOD[..31]).unwrap_err(), Error::InvalidSecret);
        assert_eq!(Secret::new(&format!("{GOOD}x")).unwrap_err(), Error::InvalidSecret);
    }

    #[test]
    fn refuses_32_bytes_that_are_not_ascii() {
        let s = "é".repeat(16);
        assert_eq!(s.len(), 32);
        assert_eq!(Secret::new(&s).unwrap_err(), Error::InvalidSecret);
    }

    #[test]
    fn debug_never_shows_the_bytes() {
        let shown = format!("{:?}", Secret::new(GOOD).unwrap());
        assert!(!shown.contains("0123"));
    }
}
