//! The JSON a client sends to `POST /v1/token`, and what it gets back.

use serde::{Deserialize, Serialize};

/// The request body; every field is optional and an empty body is `{}` (a basic token for the
/// caller). Unknown fields are refused, so a misspelt `room_id` is an error, not a basic token.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// A room for a privilege (room) token; absent: a basic token.
    pub room_id: Option<String>,
    /// With `room_id`: what the token allows; absent means `["login"]`.
    pub privileges: Option<Vec<Privilege>>,
    /// With `room_id`: the streams the token may publish; absent: any (`stream_id_list: null`).
    pub stream_ids: Option<Vec<String>>,
    /// The token's lifetime in seconds; absent: the policy's default.
    pub ttl: Option<i64>,
    /// Only in `api-key` and `none` modes, where the calling backend names the user.
    pub user_id: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Privilege {
    Login,
    Publish,
}

/// The request's field names, as the OpenAPI file lists them (a test compares).
#[cfg(test)]
pub const REQUEST_FIELDS: &[&str] = &["room_id", "privileges", "stream_ids", "ttl", "user_id"];

/// The answer: the token and what the client needs to use and renew it.
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub token: String,
    pub app_id: u32,
    pub user_id: String,
    /// When the token expires, RFC 3339 in UTC.
    pub expires_at: String,
    /// The same instant as unix seconds (the token's `expire` claim).
    pub expire: i64,
}

#[cfg(test)]
pub const RESPONSE_FIELDS: &[&str] = &["token", "app_id", "user_id", "expires_at", "expire"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_lists_match_the_types() {
        let full = r#"{"room_id":"r","privileges":["login","publish"],"stream_ids":["s"],"ttl":60,"user_id":"u"}"#;
        let parsed: TokenRequest = serde_json::from_str(full).unwrap();
        assert_eq!(parsed.privileges, Some(vec![Privilege::Login, Privilege::Publish]));
        let keys: Vec<String> = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(full)
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut expected: Vec<&str> = REQUEST_FIELDS.to_vec();
        expected.sort_unstable();
        assert_eq!(keys, expected);
        let response = TokenResponse {
            token: "t".into(),
            app_id: 1,
            user_id: "u".into(),
            expires_at: "x".into(),
            expire: 2,
        };
        let value = serde_json::to_value(&response).unwrap();
        let mut names: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = RESPONSE_FIELDS.to_vec();
        names.sort_unstable();
        expected.sort_unstable();
        assert_eq!(names, expected);
    }

    #[test]
    fn unknown_fields_and_privileges_are_refused() {
        assert!(serde_json::from_str::<TokenRequest>(r#"{"room":"r"}"#).is_err());
        assert!(serde_json::from_str::<TokenRequest>(r#"{"room_id":"r","privileges":["admin"]}"#).is_err());
    }
}
