//! Every refusal the endpoint gives: an HTTP status, a stable `reason`, the library's numeric code
//! where one applies, and a sentence. The body is `{"error": {"code", "reason", "message"}}` (and
//! `rule` for a policy refusal); never a stack trace, a token, a secret or a JWT.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// What kind of refusal, for the metrics (auth failures by reason, rate-limited requests by scope).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Auth,
    RateLimited(&'static str),
    Policy,
    Request,
    Unavailable,
}

/// The outcome of a request, put in the response's extensions for the metrics and the log line.
#[derive(Clone, Copy, Debug)]
pub struct Outcome {
    pub reason: &'static str,
    pub kind: Option<Kind>,
}

impl Outcome {
    pub const OK: Outcome = Outcome {
        reason: "ok",
        kind: None,
    };
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub reason: &'static str,
    pub code: Option<i32>,
    pub message: String,
    pub rule: Option<&'static str>,
    pub retry_after_seconds: Option<u64>,
    pub kind: Kind,
}

/// Every `reason` the endpoint can give (the OpenAPI file lists the same; a test compares them).
pub const REASONS: &[&str] = &[
    // 401: who is asking
    "missing_credentials",
    "malformed_jwt",
    "algorithm_not_allowed",
    "unknown_key",
    "bad_signature",
    "wrong_issuer",
    "wrong_audience",
    "expired",
    "not_yet_valid",
    "missing_claim",
    "invalid_api_key",
    // 403: what they may get
    "user_id_invalid",
    "policy_refused",
    // 400, 404, 405, 413, 415: the request itself
    "invalid_json",
    "invalid_request",
    "user_id_required",
    "user_id_not_accepted",
    "room_id_required",
    "invalid_ttl",
    "invalid_room_id",
    "invalid_stream_id",
    "payload_too_large",
    "body_too_large",
    "unsupported_media_type",
    "not_found",
    "method_not_allowed",
    // 408, 429, 500, 503
    "request_timeout",
    "rate_limited",
    "internal_error",
    "keys_unavailable",
];

impl ApiError {
    pub fn new(status: StatusCode, reason: &'static str, kind: Kind, message: impl Into<String>) -> ApiError {
        debug_assert!(REASONS.contains(&reason), "{reason} is not in REASONS");
        ApiError {
            status,
            reason,
            code: None,
            message: message.into(),
            rule: None,
            retry_after_seconds: None,
            kind,
        }
    }

    pub fn unauthorized(reason: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, reason, Kind::Auth, message)
    }

    pub fn bad_request(reason: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, reason, Kind::Request, message)
    }

    pub fn policy(rule: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            rule: Some(rule),
            ..ApiError::new(StatusCode::FORBIDDEN, "policy_refused", Kind::Policy, message)
        }
    }

    pub fn rate_limited(scope: &'static str, retry_after_seconds: u64) -> ApiError {
        ApiError {
            retry_after_seconds: Some(retry_after_seconds.max(1)),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Kind::RateLimited(scope),
                format!("too many requests for this {scope}; retry after the Retry-After seconds"),
            )
        }
    }

    pub fn with_code(mut self, code: i32) -> ApiError {
        self.code = Some(code);
        self
    }

    /// A refusal by the token library (bad input the caller sent), with the library's code.
    pub fn from_library(error: zego_token::Error) -> ApiError {
        use zego_token::Error as E;
        let (status, reason) = match error {
            E::InvalidUserId => (StatusCode::BAD_REQUEST, "user_id_invalid"),
            E::InvalidEffectiveTime => (StatusCode::BAD_REQUEST, "invalid_ttl"),
            E::InvalidRoomId => (StatusCode::BAD_REQUEST, "invalid_room_id"),
            E::InvalidStreamId => (StatusCode::BAD_REQUEST, "invalid_stream_id"),
            E::PayloadTooLarge => (StatusCode::BAD_REQUEST, "payload_too_large"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
        };
        let kind = if status.is_server_error() {
            Kind::Unavailable
        } else {
            Kind::Request
        };
        ApiError::new(status, reason, kind, error.to_string()).with_code(error.code())
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: Option<i32>,
    reason: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: Inner {
                code: self.code,
                reason: self.reason,
                message: &self.message,
                rule: self.rule,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = self.retry_after_seconds {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(Outcome {
            reason: self.reason,
            kind: Some(self.kind),
        });
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_error_keeps_its_code() {
        let e = ApiError::from_library(zego_token::Error::InvalidRoomId);
        assert_eq!(
            (e.status, e.reason, e.code),
            (StatusCode::BAD_REQUEST, "invalid_room_id", Some(8))
        );
    }

    #[test]
    fn a_rate_limit_says_when_to_come_back() {
        let response = ApiError::rate_limited("user", 0).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
    }

    #[test]
    fn reasons_are_unique() {
        let mut sorted = REASONS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), REASONS.len());
    }
}
