//! Who is asking: the user id the token will be for (from the JWT, or named by an API-key caller
//! in the request) and, in JWT mode, the JWT's claims for the policy's claim rules.

use serde_json::{Map, Value};

#[derive(Debug, Default)]
pub struct Caller {
    /// From the verified JWT; `None` when the caller names the user id (api-key and none modes).
    pub user_id: Option<String>,
    pub claims: Map<String, Value>,
}

impl Caller {
    /// The values of a claim: a string, or the strings of an array.
    pub fn claim_values(&self, name: &str) -> Vec<&str> {
        match self.claims.get(name) {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }
}
