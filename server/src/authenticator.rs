//! The configured way of learning who is asking (`auth.mode`).

use crate::api_error::ApiError;
use crate::api_key::ApiKeys;
use crate::caller::Caller;
use crate::jwt::JwtVerifier;
use axum::http::{header, HeaderMap};

pub enum Authenticator {
    Jwt(JwtVerifier),
    ApiKey(ApiKeys),
    /// Development only (loopback): everyone is let in and names the user id.
    None,
}

impl Authenticator {
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<Caller, ApiError> {
        let bearer = || {
            headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| ApiError::unauthorized("missing_credentials", "send Authorization: Bearer <credential>"))
        };
        match self {
            Authenticator::Jwt(verifier) => verifier.verify(bearer()?).await,
            Authenticator::ApiKey(keys) => {
                if keys.accepts(bearer()?) {
                    Ok(Caller::default())
                } else {
                    Err(ApiError::unauthorized(
                        "invalid_api_key",
                        "the API key is not one of the configured keys",
                    ))
                }
            }
            Authenticator::None => Ok(Caller::default()),
        }
    }

    /// Whether the keys needed to authenticate are at hand (readiness).
    pub fn ready(&self) -> Result<(), &'static str> {
        match self {
            Authenticator::Jwt(verifier) if verifier.source.keys().is_empty() => Err("jwt_keys_unavailable"),
            _ => Ok(()),
        }
    }
}
