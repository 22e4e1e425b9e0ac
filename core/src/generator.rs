//! `Generator`: an app id and an expanded secret, reused for many tokens.

use std::fmt;

use crate::cipher::{GcmKey, GCM_NONCE_LEN, GCM_TAG_LEN};
use crate::json_string::JsonString;
use crate::verify::VerifyOptions;
use crate::{clock, decode, nonce_source, plaintext, wire, Claims, Error, Secret};

/// The longest user id ZEGO's servers accept, in bytes.
pub const MAX_USER_ID_LEN: usize = 64;

/// Generates (and decodes) tokens for one app id with one secret, keeping the expanded AES key.
///
/// `Generator` is `Send + Sync`: build one at start-up and share it (for example in an `Arc`)
/// between all the threads that issue tokens. Its key material is zeroized when it is dropped.
///
/// ```
/// use zego_token::Generator;
/// let generator = Generator::new(1234567890, "0123456789abcdef0123456789abcdef")?;
/// let token = generator.generate("user_123456", 3600, "")?;
/// assert!(token.starts_with("04"));
/// let claims = generator.decode(&token)?;
/// assert_eq!(claims.user_id, "user_123456");
/// assert_eq!(claims.expire - claims.ctime, 3600);
/// # Ok::<(), zego_token::Error>(())
/// ```
#[derive(Clone)]
pub struct Generator {
    app_id: u32,
    secret: Secret,
    key: GcmKey,
}

/// A token just made by [`Generator::issue`], with the times it carries. Its `Debug` leaves the
/// token out (a token is a credential until it expires): only its length is shown.
#[derive(Clone, PartialEq, Eq)]
pub struct IssuedToken {
    /// The token.
    pub token: String,
    /// When it was made, unix seconds (its `ctime` claim).
    pub ctime: i64,
    /// When it expires, unix seconds (its `expire` claim).
    pub expire: i64,
}

impl core::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token", &format_args!("<{} bytes>", self.token.len()))
            .field("ctime", &self.ctime)
            .field("expire", &self.expire)
            .finish()
    }
}

impl Generator {
    /// Validates the app id and the secret and expands the key.
    ///
    /// # Errors
    /// [`Error::InvalidAppId`] for app id 0, [`Error::InvalidSecret`] unless the secret is exactly
    /// 32 ASCII bytes.
    pub fn new(app_id: u32, secret: &str) -> Result<Generator, Error> {
        if app_id == 0 {
            return Err(Error::InvalidAppId);
        }
        Ok(Generator::with_secret(app_id, Secret::new(secret)?))
    }

    /// Builds a generator from an already validated secret (the app id is checked by callers).
    pub(crate) fn with_secret(app_id: u32, secret: Secret) -> Generator {
        let key = GcmKey::new(&secret);
        Generator { app_id, secret, key }
    }

    /// The app id this generator makes tokens for.
    pub fn app_id(&self) -> u32 {
        self.app_id
    }

    /// Makes a Token04 in the current format (AES-256-GCM, mode byte 1) valid for
    /// `effective_time_in_seconds` from now. `payload` is "" for a basic token or the JSON of a
    /// privilege payload such as [`RtcRoomPayload`](crate::RtcRoomPayload).
    ///
    /// # Errors
    /// [`Error::InvalidUserId`] for an empty user id or one over 64 bytes;
    /// [`Error::InvalidEffectiveTime`] for an effective time <= 0 or an expiry past `i64::MAX`;
    /// [`Error::PayloadTooLarge`] when the plaintext would not fit the 16-bit length field;
    /// [`Error::RandomUnavailable`] if the OS random generator fails.
    pub fn generate(&self, user_id: &str, effective_time_in_seconds: i64, payload: &str) -> Result<String, Error> {
        self.issue(user_id, effective_time_in_seconds, payload)
            .map(|issued| issued.token)
    }

    /// Makes a token as [`generate`](Generator::generate) does, and returns it with the `ctime`
    /// and `expire` it carries, for a caller that tells its client when the token expires (a
    /// token endpoint) without decoding the token again or reading the clock a second time.
    ///
    /// ```
    /// use zego_token::Generator;
    /// let generator = Generator::new(1234567890, "0123456789abcdef0123456789abcdef")?;
    /// let issued = generator.issue("user_123456", 3600, "")?;
    /// assert_eq!(issued.expire - issued.ctime, 3600);
    /// assert_eq!(generator.decode(&issued.token)?.expire, issued.expire);
    /// # Ok::<(), zego_token::Error>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`generate`](Generator::generate).
    pub fn issue(&self, user_id: &str, effective_time_in_seconds: i64, payload: &str) -> Result<IssuedToken, Error> {
        validate(self.app_id, user_id, effective_time_in_seconds, payload)?;
        let ctime = clock::unix_now();
        let expire = ctime
            .checked_add(effective_time_in_seconds)
            .ok_or(Error::InvalidEffectiveTime)?;
        let random = nonce_source::draw()?;
        let token = self.seal_token(user_id, ctime, expire, random.claim_nonce, &random.gcm_nonce, payload)?;
        Ok(IssuedToken { token, ctime, expire })
    }

    /// Makes a token as [`generate`](Generator::generate) does, written into the start of `out`
    /// instead of a new `String`; returns its length. No allocation for the result: a caller
    /// making many tokens reuses one buffer.
    ///
    /// `out` must hold [`token_len_bound`]`(user_id, payload)` bytes (at most
    /// [`max_token_len`]`(user_id.len(), payload.len())`); the token itself may be a few bytes
    /// shorter, as its numbers vary in width.
    ///
    /// ```
    /// use zego_token::Generator;
    /// let generator = Generator::new(1234567890, "0123456789abcdef0123456789abcdef")?;
    /// let mut buffer = [0u8; 512];
    /// let len = generator.generate_into("user_123456", 3600, "", &mut buffer)?;
    /// let token = std::str::from_utf8(&buffer[..len]).unwrap();
    /// assert_eq!(generator.decode(token)?.user_id, "user_123456");
    /// # Ok::<(), zego_token::Error>(())
    /// ```
    ///
    /// # Errors
    /// Those of [`generate`](Generator::generate), checked first, then
    /// [`Error::BufferTooSmall`] when `out` is shorter than [`token_len_bound`]; `out` is left
    /// untouched on every error.
    pub fn generate_into(
        &self,
        user_id: &str,
        effective_time_in_seconds: i64,
        payload: &str,
        out: &mut [u8],
    ) -> Result<usize, Error> {
        validate(self.app_id, user_id, effective_time_in_seconds, payload)?;
        let (user_id, payload) = (JsonString::new(user_id), JsonString::new(payload));
        let ctime = clock::unix_now();
        let expire = ctime
            .checked_add(effective_time_in_seconds)
            .ok_or(Error::InvalidEffectiveTime)?;
        let random = nonce_source::draw()?;
        // Every input error before the buffer's size: the plaintext's exact length, escapes
        // included, decides whether the token can exist at all.
        let claims_len = plaintext::claims_len(
            self.app_id,
            &user_id,
            ctime,
            expire,
            random.claim_nonce.into(),
            &payload,
        );
        if claims_len + GCM_TAG_LEN > usize::from(u16::MAX) {
            return Err(Error::PayloadTooLarge);
        }
        if out.len() < len_bound(&user_id, &payload) {
            return Err(Error::BufferTooSmall);
        }
        let envelope = self.seal(&user_id, ctime, expire, random.claim_nonce, &random.gcm_nonce, &payload)?;
        wire::encode_base64_into(&envelope, out)
    }

    /// Writes and encrypts one token from fully given inputs. Production passes the clock and
    /// fresh randomness; the conformance tests pass the official vectors' values.
    pub(crate) fn seal_token(
        &self,
        user_id: &str,
        ctime: i64,
        expire: i64,
        claim_nonce: i32,
        gcm_nonce: &[u8; GCM_NONCE_LEN],
        payload: &str,
    ) -> Result<String, Error> {
        let (user_id, payload) = (JsonString::new(user_id), JsonString::new(payload));
        let envelope = self.seal(&user_id, ctime, expire, claim_nonce, gcm_nonce, &payload)?;
        Ok(wire::wrap_base64(&envelope))
    }

    /// The encrypted envelope (the token before base64).
    fn seal(
        &self,
        user_id: &JsonString<'_>,
        ctime: i64,
        expire: i64,
        claim_nonce: i32,
        gcm_nonce: &[u8; GCM_NONCE_LEN],
        payload: &JsonString<'_>,
    ) -> Result<Vec<u8>, Error> {
        let header = HEADER_LEN;
        let mut bytes = Vec::with_capacity(envelope_len_bound(user_id, payload));
        bytes.extend_from_slice(&expire.to_be_bytes());
        bytes.extend_from_slice(&(GCM_NONCE_LEN as u16).to_be_bytes());
        bytes.extend_from_slice(gcm_nonce);
        bytes.extend_from_slice(&[0, 0]); // cipher_len, written once known
        plaintext::write_claims(
            &mut bytes,
            self.app_id,
            user_id,
            ctime,
            expire,
            claim_nonce.into(),
            payload,
        );
        let cipher_len = u16::try_from(bytes.len() - header + GCM_TAG_LEN).map_err(|_| Error::PayloadTooLarge)?;
        bytes[header - 2..header].copy_from_slice(&cipher_len.to_be_bytes());
        let tag = self.key.seal_in_place(gcm_nonce, &mut bytes[header..]);
        bytes.extend_from_slice(&tag);
        bytes.push(wire::MODE_GCM);
        Ok(bytes)
    }

    /// Decodes a token made with this generator's secret (current or legacy format).
    /// It does not check the app id or the time: use [`verify`](Generator::verify) for that.
    ///
    /// # Errors
    /// See [`decode`](crate::decode).
    pub fn decode(&self, token: &str) -> Result<Claims, Error> {
        decode::decode_with(token, &self.secret, Some(&self.key))
    }

    /// Decodes a token and checks it was made for this generator's app id and is valid now
    /// (with the options' clock, leeway and expected user id).
    ///
    /// # Errors
    /// See [`verify`](crate::verify).
    pub fn verify(&self, token: &str, options: &VerifyOptions) -> Result<Claims, Error> {
        let claims = self.decode(token)?;
        options.check(&claims, self.app_id)?;
        Ok(claims)
    }
}

/// The envelope's bytes before the plaintext: expire, the nonce and its length, cipher_len.
const HEADER_LEN: usize = wire::EXPIRE_AND_NONCE_LEN + GCM_NONCE_LEN + 2;
/// The envelope's bytes after the plaintext: the GCM tag and the mode byte.
const TRAILER_LEN: usize = GCM_TAG_LEN + 1;

/// The most bytes an envelope with these strings takes (their exact escapes, the widest numbers).
fn envelope_len_bound(user_id: &JsonString<'_>, payload: &JsonString<'_>) -> usize {
    HEADER_LEN + plaintext::max_claims_len(user_id, payload) + TRAILER_LEN
}

/// The longest token a generator can make: a ciphertext of the 16-bit length field's full size.
/// No bound below exceeds it, so a buffer of this size holds every token there can be.
pub const MAX_GENERATED_TOKEN_LEN: usize = token_len_for(HEADER_LEN + u16::MAX as usize + 1);

/// The length of "04" and the base64 of `envelope_len` bytes.
const fn token_len_for(envelope_len: usize) -> usize {
    wire::VERSION.len() + envelope_len.div_ceil(3) * 4
}

/// The buffer size [`Generator::generate_into`] needs for this user id and payload: every token
/// made from them fits (their escapes counted, the numbers at their widest). Never more than
/// [`MAX_GENERATED_TOKEN_LEN`].
pub fn token_len_bound(user_id: &str, payload: &str) -> usize {
    len_bound(&JsonString::new(user_id), &JsonString::new(payload))
}

/// [`token_len_bound`] for strings already measured.
fn len_bound(user_id: &JsonString<'_>, payload: &JsonString<'_>) -> usize {
    token_len_for(envelope_len_bound(user_id, payload)).min(MAX_GENERATED_TOKEN_LEN)
}

/// The buffer size that holds a token for any user id of `user_id_len` bytes and any payload of
/// `payload_len` bytes, whatever they contain (every byte counted as JSON's widest escape, six
/// bytes). Never more than [`MAX_GENERATED_TOKEN_LEN`]. For sizing a buffer once, up front.
pub const fn max_token_len(user_id_len: usize, payload_len: usize) -> usize {
    let strings = user_id_len
        .saturating_add(payload_len)
        .saturating_mul(6)
        .saturating_add(4);
    let envelope = (HEADER_LEN + plaintext::MAX_CLAIMS_OVERHEAD + TRAILER_LEN).saturating_add(strings);
    let len = envelope
        .div_ceil(3)
        .saturating_mul(4)
        .saturating_add(wire::VERSION.len());
    if len < MAX_GENERATED_TOKEN_LEN {
        len
    } else {
        MAX_GENERATED_TOKEN_LEN
    }
}

/// The official plug-in's input rules, with ZEGO's 64-byte user id limit.
fn validate(app_id: u32, user_id: &str, effective_time_in_seconds: i64, payload: &str) -> Result<(), Error> {
    if app_id == 0 {
        return Err(Error::InvalidAppId);
    }
    if user_id.is_empty() || user_id.len() > MAX_USER_ID_LEN {
        return Err(Error::InvalidUserId);
    }
    if effective_time_in_seconds <= 0 {
        return Err(Error::InvalidEffectiveTime);
    }
    // Escaping only grows text: a payload over the field's size can be refused before writing it.
    if payload.len() > usize::from(u16::MAX) {
        return Err(Error::PayloadTooLarge);
    }
    Ok(())
}

impl fmt::Debug for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Generator")
            .field("app_id", &self.app_id)
            .field("secret", &self.secret)
            .finish()
    }
}

/// Makes a Token04 in one call, with the official plug-in's parameters and validation.
///
/// For many tokens with the same app id and secret, [`Generator`] saves the key expansion.
///
/// ```
/// let token = zego_token::generate(1234567890, "user_123456", "0123456789abcdef0123456789abcdef", 3600, "")?;
/// assert!(token.starts_with("04"));
/// # Ok::<(), zego_token::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidAppId`], [`Error::InvalidUserId`], [`Error::InvalidSecret`],
/// [`Error::InvalidEffectiveTime`], [`Error::PayloadTooLarge`], [`Error::RandomUnavailable`].
pub fn generate(
    app_id: u32,
    user_id: &str,
    secret: &str,
    effective_time_in_seconds: i64,
    payload: &str,
) -> Result<String, Error> {
    // Checked in the official plug-in's order, so the first failing input is the one reported.
    validate(app_id, user_id, effective_time_in_seconds.max(1), "")?;
    let generator = Generator::with_secret(app_id, Secret::new(secret)?);
    generator.generate(user_id, effective_time_in_seconds, payload)
}

/// Makes a Token04 in one call, as [`generate`] does, written into the start of `out` as
/// [`Generator::generate_into`] does; returns its length.
///
/// # Errors
/// Those of [`generate`], in the same order, then [`Error::BufferTooSmall`].
pub fn generate_into(
    app_id: u32,
    user_id: &str,
    secret: &str,
    effective_time_in_seconds: i64,
    payload: &str,
    out: &mut [u8],
) -> Result<usize, Error> {
    validate(app_id, user_id, effective_time_in_seconds.max(1), "")?;
    let generator = Generator::with_secret(app_id, Secret::new(secret)?);
    generator.generate_into(user_id, effective_time_in_seconds, payload, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn generator_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Generator>();
    }

    #[test]
    fn debug_shows_the_app_id_but_not_the_secret() {
        let shown = format!("{:?}", Generator::new(7, SECRET).unwrap());
        assert!(shown.contains("app_id: 7"));
        assert!(!shown.contains("0123"));
    }

    #[test]
    fn an_issued_token_carries_the_times_it_reports() {
        let generator = Generator::new(7, SECRET).unwrap();
        let issued = generator.issue("u", 600, "").unwrap();
        let claims = generator.decode(&issued.token).unwrap();
        assert_eq!((claims.ctime, claims.expire), (issued.ctime, issued.expire));
        assert_eq!(issued.expire - issued.ctime, 600);
    }

    #[test]
    fn an_issued_tokens_debug_leaves_the_token_out() {
        let issued = Generator::new(7, SECRET).unwrap().issue("u", 600, "").unwrap();
        let shown = format!("{issued:?}");
        assert!(!shown.contains(&issued.token[..20]), "{shown}");
        assert!(shown.contains(&format!("<{} bytes>", issued.token.len())));
    }

    #[test]
    fn issue_refuses_what_generate_refuses() {
        let generator = Generator::new(7, SECRET).unwrap();
        assert_eq!(generator.issue("", 600, "").unwrap_err(), Error::InvalidUserId);
        assert_eq!(generator.issue("u", 0, "").unwrap_err(), Error::InvalidEffectiveTime);
    }

    #[test]
    fn refuses_app_id_zero() {
        assert_eq!(Generator::new(0, SECRET).unwrap_err(), Error::InvalidAppId);
        assert_eq!(generate(0, "u", SECRET, 1, "").unwrap_err(), Error::InvalidAppId);
    }

    #[test]
    fn reports_the_first_invalid_input_in_official_order() {
        assert_eq!(generate(0, "", "short", 0, "").unwrap_err(), Error::InvalidAppId);
        assert_eq!(generate(1, "", "short", 0, "").unwrap_err(), Error::InvalidUserId);
        assert_eq!(generate(1, "u", "short", 0, "").unwrap_err(), Error::InvalidSecret);
        assert_eq!(
            generate(1, "u", SECRET, 0, "").unwrap_err(),
            Error::InvalidEffectiveTime
        );
    }

    #[test]
    fn refuses_user_ids_that_are_empty_or_over_64_bytes() {
        let g = Generator::new(1, SECRET).unwrap();
        assert_eq!(g.generate("", 1, "").unwrap_err(), Error::InvalidUserId);
        assert!(g.generate(&"a".repeat(64), 1, "").is_ok());
        assert_eq!(g.generate(&"a".repeat(65), 1, "").unwrap_err(), Error::InvalidUserId);
        // 22 three-byte characters are 66 bytes.
        assert_eq!(g.generate(&"中".repeat(22), 1, "").unwrap_err(), Error::InvalidUserId);
    }

    #[test]
    fn refuses_effective_times_that_are_not_positive_or_overflow() {
        let g = Generator::new(1, SECRET).unwrap();
        assert_eq!(g.generate("u", 0, "").unwrap_err(), Error::InvalidEffectiveTime);
        assert_eq!(g.generate("u", -1, "").unwrap_err(), Error::InvalidEffectiveTime);
        assert_eq!(g.generate("u", i64::MAX, "").unwrap_err(), Error::InvalidEffectiveTime);
    }

    #[test]
    fn refuses_a_payload_that_would_overflow_the_length_field_instead_of_truncating() {
        let g = Generator::new(1, SECRET).unwrap();
        assert_eq!(
            g.generate("u", 1, &"x".repeat(65_600)).unwrap_err(),
            Error::PayloadTooLarge
        );
        // Escaping doubles a quote: 40,000 quotes are 80,000 bytes of plaintext.
        assert_eq!(
            g.generate("u", 1, &"\"".repeat(40_000)).unwrap_err(),
            Error::PayloadTooLarge
        );
    }

    #[test]
    fn a_payload_too_large_once_escaped_is_reported_before_the_buffer_size() {
        // 65,535 control characters are 393,210 bytes once escaped: no token can hold them, so
        // a sizing call (empty buffer) hears "payload too large", not "buffer too small".
        let g = Generator::new(1, SECRET).unwrap();
        let payload = "\u{1}".repeat(65_535);
        assert_eq!(g.generate_into("u", 1, &payload, &mut []), Err(Error::PayloadTooLarge));
        assert_eq!(
            generate_into(1, "u", SECRET, 1, &payload, &mut []),
            Err(Error::PayloadTooLarge)
        );
        let payload = "\u{1}".repeat(20_000);
        assert_eq!(g.generate_into("u", 1, &payload, &mut []), Err(Error::PayloadTooLarge));
    }

    #[test]
    fn no_size_bound_exceeds_the_longest_token_there_can_be() {
        assert_eq!(MAX_GENERATED_TOKEN_LEN, 87_418);
        assert_eq!(max_token_len(usize::MAX, usize::MAX), MAX_GENERATED_TOKEN_LEN);
        assert_eq!(token_len_bound("u", &"\n".repeat(30_000)), MAX_GENERATED_TOKEN_LEN);
        // A payload of 30,000 newlines (60,000 bytes escaped) fits in that bound.
        let g = Generator::new(1, SECRET).unwrap();
        let mut buffer = vec![0u8; MAX_GENERATED_TOKEN_LEN];
        let len = g.generate_into("u", 1, &"\n".repeat(30_000), &mut buffer).unwrap();
        assert!(len <= MAX_GENERATED_TOKEN_LEN);
    }

    #[test]
    fn the_largest_payload_that_fits_still_round_trips() {
        let g = Generator::new(1, SECRET).unwrap();
        let overhead = g.generate("u", 1, "").map(|t| g.decode(&t).unwrap()).unwrap();
        let fixed = overhead.to_json().len(); // an upper bound of the fixed part's size
        let payload = "p".repeat(65_535 - 16 - fixed);
        let token = g.generate("u", 1, &payload).unwrap();
        assert_eq!(g.decode(&token).unwrap().payload, payload);
    }
}
