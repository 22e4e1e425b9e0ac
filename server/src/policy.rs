//! What a caller may get (`[policy]`): the lifetime, whether room tokens at all, which rooms, who
//! may publish, which stream ids. A refusal is 403 and names the rule that refused.

use crate::api_error::ApiError;
use crate::caller::Caller;
use crate::config::{NameRule, PolicyConfig, PublishRule};
use crate::token_request::{Privilege, TokenRequest};
use zego_token::RtcRoomPayload;

/// What the policy grants: a lifetime and, for a room token, the payload.
#[derive(Debug)]
pub struct Grant {
    pub ttl: i64,
    pub payload: Option<RtcRoomPayload>,
}

pub struct Policy {
    config: PolicyConfig,
}

impl Policy {
    pub fn new(config: PolicyConfig) -> Policy {
        Policy { config }
    }

    pub fn decide(&self, request: &TokenRequest, caller: &Caller) -> Result<Grant, ApiError> {
        let c = &self.config;
        let ttl = match request.ttl {
            None => c.default_ttl,
            Some(ttl) if ttl <= 0 => {
                return Err(
                    ApiError::bad_request("invalid_ttl", "ttl is a number of seconds above 0")
                        .with_code(zego_token::Error::InvalidEffectiveTime.code()),
                )
            }
            Some(ttl) if ttl > c.max_ttl => {
                return Err(ApiError::policy(
                    "policy.max_ttl",
                    format!("ttl may be at most {} seconds", c.max_ttl),
                ))
            }
            Some(ttl) => ttl,
        };
        let Some(room_id) = &request.room_id else {
            if request.privileges.is_some() || request.stream_ids.is_some() {
                return Err(ApiError::bad_request(
                    "room_id_required",
                    "privileges and stream_ids need a room_id",
                ));
            }
            return Ok(Grant { ttl, payload: None });
        };
        if !c.room_tokens {
            return Err(ApiError::policy(
                "policy.room_tokens",
                "room tokens are not issued here",
            ));
        }
        if !allows(&c.rooms, room_id, caller) {
            return Err(ApiError::policy(
                "policy.rooms",
                format!("room {room_id:?} is not allowed for this caller"),
            ));
        }
        let privileges = request.privileges.as_deref().unwrap_or(&[Privilege::Login]);
        let can_publish = privileges.contains(&Privilege::Publish);
        if can_publish {
            let allowed = match &c.publish {
                PublishRule::Any => true,
                PublishRule::Never => false,
                PublishRule::Claim { claim, value } => caller.claim_values(claim).contains(&value.as_str()),
            };
            if !allowed {
                return Err(ApiError::policy("policy.publish", "this caller may not publish"));
            }
        }
        if let Some(ids) = &request.stream_ids {
            if let Some(refused) = ids.iter().find(|id| !allows(&c.stream_ids, id, caller)) {
                return Err(ApiError::policy(
                    "policy.stream_ids",
                    format!("stream id {refused:?} is not allowed for this caller"),
                ));
            }
        }
        let payload = RtcRoomPayload::new(
            room_id,
            privileges.contains(&Privilege::Login),
            can_publish,
            request.stream_ids.clone(),
        )
        .map_err(ApiError::from_library)?;
        Ok(Grant {
            ttl,
            payload: Some(payload),
        })
    }
}

/// Every rule a refusal can name (the OpenAPI file lists the same; a test compares them).
#[cfg(test)]
pub const RULES: &[&str] = &[
    "policy.max_ttl",
    "policy.room_tokens",
    "policy.rooms",
    "policy.publish",
    "policy.stream_ids",
];

fn allows(rule: &NameRule, name: &str, caller: &Caller) -> bool {
    match rule {
        NameRule::Any => true,
        NameRule::None => false,
        NameRule::List(names) => names.iter().any(|n| n == name),
        NameRule::Prefix(prefix) => name.starts_with(prefix.as_str()),
        NameRule::Claim(claim) => caller.claim_values(claim).contains(&name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn caller(claims: serde_json::Value) -> Caller {
        Caller {
            user_id: Some("u".into()),
            claims: claims.as_object().unwrap().clone(),
        }
    }

    fn request(value: serde_json::Value) -> TokenRequest {
        serde_json::from_value(value).unwrap()
    }

    fn refusal(policy: &Policy, req: serde_json::Value, who: &Caller) -> Option<&'static str> {
        policy.decide(&request(req), who).err().and_then(|e| e.rule)
    }

    #[test]
    fn a_request_without_a_room_gets_a_basic_token_of_the_default_lifetime() {
        let grant = Policy::new(PolicyConfig::default())
            .decide(&TokenRequest::default(), &Caller::default())
            .unwrap();
        assert_eq!(grant.ttl, 3600);
        assert!(grant.payload.is_none());
    }

    #[test]
    fn a_lifetime_over_the_maximum_is_refused_by_its_rule() {
        let policy = Policy::new(PolicyConfig {
            max_ttl: 600,
            default_ttl: 60,
            ..PolicyConfig::default()
        });
        assert_eq!(
            refusal(&policy, json!({"ttl": 601}), &Caller::default()),
            Some("policy.max_ttl")
        );
        assert_eq!(
            policy
                .decide(&request(json!({"ttl": 0})), &Caller::default())
                .unwrap_err()
                .code,
            Some(6)
        );
    }

    #[test]
    fn rooms_from_a_claim_allow_only_those_rooms() {
        let policy = Policy::new(PolicyConfig {
            rooms: NameRule::Claim("rooms".into()),
            ..PolicyConfig::default()
        });
        let who = caller(json!({"rooms": ["lobby", "r2"]}));
        assert!(policy.decide(&request(json!({"room_id": "lobby"})), &who).is_ok());
        assert_eq!(
            refusal(&policy, json!({"room_id": "other"}), &who),
            Some("policy.rooms")
        );
    }

    #[test]
    fn publishing_needs_the_claim_value() {
        let rule = PublishRule::Claim {
            claim: "role".into(),
            value: "host".into(),
        };
        let policy = Policy::new(PolicyConfig {
            publish: rule,
            ..PolicyConfig::default()
        });
        let ask = json!({"room_id": "r", "privileges": ["login", "publish"]});
        assert!(policy
            .decide(&request(ask.clone()), &caller(json!({"role": "host"})))
            .is_ok());
        assert_eq!(
            refusal(&policy, ask, &caller(json!({"role": "guest"}))),
            Some("policy.publish")
        );
    }

    #[test]
    fn stream_ids_follow_their_rule() {
        let policy = Policy::new(PolicyConfig {
            stream_ids: NameRule::Prefix("u-".into()),
            ..PolicyConfig::default()
        });
        assert!(policy
            .decide(
                &request(json!({"room_id": "r", "stream_ids": ["u-1"]})),
                &Caller::default()
            )
            .is_ok());
        assert_eq!(
            refusal(
                &policy,
                json!({"room_id": "r", "stream_ids": ["x"]}),
                &Caller::default()
            ),
            Some("policy.stream_ids")
        );
    }

    #[test]
    fn privileges_without_a_room_are_a_bad_request() {
        let err =
            Policy::new(PolicyConfig::default()).decide(&request(json!({"privileges": ["login"]})), &Caller::default());
        assert_eq!(err.unwrap_err().reason, "room_id_required");
    }

    #[test]
    fn room_tokens_can_be_switched_off() {
        let policy = Policy::new(PolicyConfig {
            room_tokens: false,
            ..PolicyConfig::default()
        });
        assert_eq!(
            refusal(&policy, json!({"room_id": "r"}), &Caller::default()),
            Some("policy.room_tokens")
        );
    }
}
