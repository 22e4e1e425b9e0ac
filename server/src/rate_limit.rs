//! Per-user and per-address rate limits (GCRA, from governor). They are per instance: a fleet
//! behind a load balancer allows N times the rate; put a global limit at the edge if one is needed.

use crate::api_error::ApiError;
use crate::config::LimitsConfig;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

pub struct RateLimits {
    per_user: Option<DefaultKeyedRateLimiter<String>>,
    per_address: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// The settings these limiters were made from (a reload with the same ones keeps their state).
    pub settings: (u32, u32, u32, u32),
}

fn limiter<K: std::hash::Hash + Eq + Clone>(per_minute: u32, burst: u32) -> Option<DefaultKeyedRateLimiter<K>> {
    let rate = NonZeroU32::new(per_minute)?;
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Some(RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst)))
}

impl RateLimits {
    pub fn new(config: &LimitsConfig) -> RateLimits {
        RateLimits {
            per_user: limiter(config.per_user_per_minute, config.per_user_burst),
            per_address: limiter(config.per_address_per_minute, config.per_address_burst),
            settings: (
                config.per_user_per_minute,
                config.per_user_burst,
                config.per_address_per_minute,
                config.per_address_burst,
            ),
        }
    }

    pub fn check_address(&self, address: IpAddr) -> Result<(), ApiError> {
        check(self.per_address.as_ref(), &address, "address")
    }

    pub fn check_user(&self, user_id: &str) -> Result<(), ApiError> {
        match &self.per_user {
            // The key is owned by the limiter's map; a user seen before costs one lookup.
            Some(limiter) => check(Some(limiter), &user_id.to_string(), "user"),
            None => Ok(()),
        }
    }

    /// Forgets keys whose limit has fully recovered (memory stays bounded by recent callers).
    pub fn forget_idle(&self) {
        if let Some(l) = &self.per_user {
            l.retain_recent();
            l.shrink_to_fit();
        }
        if let Some(l) = &self.per_address {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: Option<&DefaultKeyedRateLimiter<K>>,
    key: &K,
    scope: &'static str,
) -> Result<(), ApiError> {
    let Some(limiter) = limiter else { return Ok(()) };
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::rate_limited(scope, wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_over_the_burst_is_limited_and_others_are_not() {
        let limits = RateLimits::new(&LimitsConfig {
            per_user_per_minute: 1,
            per_user_burst: 2,
            ..LimitsConfig::default()
        });
        assert!(limits.check_user("a").is_ok());
        assert!(limits.check_user("a").is_ok());
        let refused = limits.check_user("a").unwrap_err();
        assert_eq!(refused.reason, "rate_limited");
        assert!(refused.retry_after_seconds.unwrap() >= 1);
        assert!(limits.check_user("b").is_ok());
    }

    #[test]
    fn zero_means_no_limit() {
        let limits = RateLimits::new(&LimitsConfig {
            per_user_per_minute: 0,
            per_address_per_minute: 0,
            ..LimitsConfig::default()
        });
        for _ in 0..1000 {
            assert!(limits.check_user("a").is_ok());
            assert!(limits.check_address(IpAddr::from([127, 0, 0, 1])).is_ok());
        }
    }
}
