//! What a token says: the six claims of its plaintext, and which format carried them.

use std::fmt;

use crate::json_string::JsonString;
use crate::{plaintext, Findings};

/// The encryption format a token was made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The current format: AES-256-GCM, 12-byte nonce, mode byte 1.
    Gcm,
    /// The deprecated format: AES-256-CBC with PKCS#7 padding and no mode byte.
    /// It has no integrity protection of its own.
    LegacyCbc,
}

impl Mode {
    /// "gcm" or "cbc", as written in the claims JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Gcm => "gcm",
            Mode::LegacyCbc => "cbc",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The claims carried by a Token04, exactly as its plaintext states them, whatever their values:
/// those outside the generation rules are reported by [`findings`](Claims::findings).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Claims {
    /// The ZEGO app id the token was made for.
    pub app_id: u32,
    /// The user the token was made for.
    pub user_id: String,
    /// When the token was made, in unix seconds.
    pub ctime: i64,
    /// When the token expires, in unix seconds.
    pub expire: i64,
    /// The random number the generator put in the plaintext (an int32 in every official
    /// generator; read as i64 so that no genuine token is refused for it).
    pub nonce: i64,
    /// The payload text: "" for a basic token, JSON for a privilege token.
    pub payload: String,
    /// The format the token was made in.
    pub mode: Mode,
}

impl Claims {
    /// The values that break a generation rule (app id 0, user id empty or over 64 bytes, expiry
    /// not after creation, creation before 1970, a nonce beyond int32); empty for every token made
    /// within the rules. Decoding reports them and never refuses a token for them; verification
    /// refuses them only in a legacy CBC token, which is not authenticated.
    pub fn findings(&self) -> Findings {
        Findings::of(self)
    }

    /// The claims as compact JSON, with `mode` ("gcm" or "cbc") and the names of the
    /// [`findings`](Claims::findings) after the six claims:
    /// `{"app_id":1,"user_id":"u","ctime":1,"expire":2,"nonce":3,"payload":"","mode":"gcm","findings":[]}`.
    ///
    /// ```
    /// # use zego_token::{Claims, Mode};
    /// let claims = Claims { app_id: 1, user_id: "u".into(), ctime: 10, expire: 20, nonce: -5,
    ///                       payload: String::new(), mode: Mode::Gcm };
    /// assert_eq!(claims.to_json(),
    ///     r#"{"app_id":1,"user_id":"u","ctime":10,"expire":20,"nonce":-5,"payload":"","mode":"gcm","findings":[]}"#);
    /// let empty = Claims { user_id: String::new(), ..claims };
    /// assert!(empty.to_json().ends_with(r#""mode":"gcm","findings":["user_id_empty"]}"#));
    /// ```
    pub fn to_json(&self) -> String {
        let user_id = JsonString::new(&self.user_id);
        let payload = JsonString::new(&self.payload);
        let findings = self.findings();
        let names_len: usize = findings.iter().map(|f| f.name().len() + 3).sum();
        let tail_len = r#","mode":"gcm","findings":[]"#.len() + names_len;
        let mut out = Vec::with_capacity(plaintext::max_claims_len(&user_id, &payload) + tail_len);
        plaintext::write_claims(
            &mut out,
            self.app_id,
            &user_id,
            self.ctime,
            self.expire,
            self.nonce,
            &payload,
        );
        out.pop(); // the closing brace: the mode follows
        out.extend_from_slice(b",\"mode\":\"");
        out.extend_from_slice(self.mode.as_str().as_bytes());
        out.extend_from_slice(b"\",\"findings\":[");
        for (i, finding) in findings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(finding.name().as_bytes());
            out.push(b'"');
        }
        out.extend_from_slice(b"]}");
        // Only UTF-8 text and ASCII punctuation were written.
        String::from_utf8(out).unwrap_or_default()
    }
}
