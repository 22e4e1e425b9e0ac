//! Verifying the caller's JWT: only the configured asymmetric algorithms (the header's `alg` is
//! read before anything else, so `none` and HMAC are refused outright), the key found by `kid`,
//! then the signature, `exp`/`nbf` with a small leeway, `iss` and `aud`. The user id is a claim of
//! the verified JWT, never something the caller sends.

use crate::api_error::ApiError;
use crate::caller::Caller;
use crate::key_set::{KeyMatch, KeySet};
use crate::remote_jwks::RemoteJwks;
use axum::http::StatusCode;
use base64::Engine;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde_json::{Map, Value};
use std::sync::Arc;

/// The longest JWT read (identity providers' tokens are 1-2 KB).
const MAX_JWT_LEN: usize = 16 * 1024;

pub enum KeySource {
    Local(Arc<KeySet>),
    Remote(Arc<RemoteJwks>),
}

impl KeySource {
    pub fn keys(&self) -> Arc<KeySet> {
        match self {
            KeySource::Local(keys) => keys.clone(),
            KeySource::Remote(jwks) => jwks.keys(),
        }
    }
}

pub struct JwtVerifier {
    pub source: KeySource,
    pub algorithms: Vec<Algorithm>,
    pub issuer: String,
    pub audience: Vec<String>,
    pub user_id_claim: String,
    pub leeway_seconds: u64,
}

impl JwtVerifier {
    pub async fn verify(&self, jwt: &str) -> Result<Caller, ApiError> {
        if jwt.len() > MAX_JWT_LEN {
            return Err(ApiError::unauthorized(
                "malformed_jwt",
                "the JWT is longer than any identity provider's",
            ));
        }
        let (alg, kid) = self.header(jwt)?;
        let mut keys = self.source.keys();
        if keys.is_empty() {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "keys_unavailable",
                crate::api_error::Kind::Unavailable,
                "the identity provider's keys could not be fetched yet; try again shortly",
            ));
        }
        if matches!(keys.find(kid.as_deref(), alg), KeyMatch::UnknownKid) {
            if let KeySource::Remote(jwks) = &self.source {
                if jwks.refresh_for_unknown_kid().await {
                    keys = jwks.keys();
                }
            }
        }
        let candidates = match keys.find(kid.as_deref(), alg) {
            KeyMatch::Candidates(candidates) => candidates,
            KeyMatch::UnknownKid | KeyMatch::NoKeyForAlgorithm => {
                return Err(ApiError::unauthorized(
                    "unknown_key",
                    "no key of the identity provider matches the JWT's kid and alg",
                ))
            }
        };
        let validation = self.validation(alg);
        let mut last = None;
        for key in candidates {
            match jsonwebtoken::decode::<Map<String, Value>>(jwt, key, &validation) {
                Ok(data) => return self.caller(data.claims),
                Err(e) if *e.kind() == ErrorKind::InvalidSignature => last = Some(e),
                Err(e) => return Err(refusal(e.kind())),
            }
        }
        Err(refusal(
            last.as_ref().map_or(&ErrorKind::InvalidSignature, |e| e.kind()),
        ))
    }

    /// The header's `alg` (one of ours) and `kid`, read as plain JSON so that any other `alg`,
    /// `none` included, gets its own reason.
    fn header(&self, jwt: &str) -> Result<(Algorithm, Option<String>), ApiError> {
        let malformed = || {
            ApiError::unauthorized(
                "malformed_jwt",
                "the bearer token is not a JWT (header.payload.signature)",
            )
        };
        let mut parts = jwt.split('.');
        let (Some(header), Some(_), Some(_), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(malformed());
        };
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(header)
            .map_err(|_| malformed())?;
        let header: Map<String, Value> = serde_json::from_slice(&bytes).map_err(|_| malformed())?;
        let alg = header.get("alg").and_then(Value::as_str).ok_or_else(malformed)?;
        let allowed = alg.parse::<Algorithm>().ok().filter(|a| self.algorithms.contains(a));
        let Some(alg) = allowed else {
            return Err(ApiError::unauthorized(
                "algorithm_not_allowed",
                format!("JWTs signed with {alg:?} are not accepted"),
            ));
        };
        let kid = header.get("kid").and_then(Value::as_str).map(str::to_string);
        Ok((alg, kid))
    }

    fn validation(&self, alg: Algorithm) -> Validation {
        let mut validation = Validation::new(alg);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&self.audience);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = self.leeway_seconds;
        validation
    }

    fn caller(&self, claims: Map<String, Value>) -> Result<Caller, ApiError> {
        let user_id = match claims.get(&self.user_id_claim) {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(n)) if n.is_u64() || n.is_i64() => n.to_string(),
            _ => {
                return Err(ApiError::unauthorized(
                    "missing_claim",
                    format!(
                        "the JWT has no {:?} claim (a string) to take the user id from",
                        self.user_id_claim
                    ),
                ))
            }
        };
        if user_id.is_empty() || user_id.len() > zego_token::MAX_USER_ID_LEN {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "user_id_invalid",
                crate::api_error::Kind::Auth,
                format!(
                    "the JWT's {:?} claim cannot be a ZEGO user id (1 to {} bytes)",
                    self.user_id_claim,
                    zego_token::MAX_USER_ID_LEN
                ),
            )
            .with_code(zego_token::Error::InvalidUserId.code()));
        }
        Ok(Caller {
            user_id: Some(user_id),
            claims,
        })
    }
}

fn refusal(kind: &ErrorKind) -> ApiError {
    let (reason, message) = match kind {
        ErrorKind::InvalidSignature => ("bad_signature", "the JWT's signature does not verify"),
        ErrorKind::ExpiredSignature => ("expired", "the JWT has expired"),
        ErrorKind::ImmatureSignature => ("not_yet_valid", "the JWT is not valid yet (nbf)"),
        ErrorKind::InvalidIssuer => ("wrong_issuer", "the JWT's issuer (iss) is not the configured one"),
        ErrorKind::InvalidAudience => ("wrong_audience", "the JWT's audience (aud) is not a configured one"),
        ErrorKind::MissingRequiredClaim(_) => ("missing_claim", "the JWT lacks a required claim (exp, iss, aud)"),
        _ => ("malformed_jwt", "the JWT cannot be read"),
    };
    ApiError::unauthorized(reason, message)
}
