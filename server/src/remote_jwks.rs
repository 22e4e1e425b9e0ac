//! A JWKS fetched from the identity provider's URL and cached. It is fetched again on a schedule
//! (the provider's `max-age` when shorter than the configured interval), and at once when a JWT
//! names a `kid` the cache lacks (a key rotation), but never more often than the configured floor,
//! so a flood of made-up `kid`s cannot hammer the provider. When the provider is down the last keys
//! are kept: running servers keep accepting the JWTs they could verify before.

use crate::key_set::KeySet;
use crate::metrics::Metrics;
use arc_swap::ArcSwap;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The largest JWKS document read (providers serve a few kilobytes).
const MAX_JWKS_BYTES: usize = 1 << 20;

pub struct RemoteJwks {
    url: String,
    client: reqwest::Client,
    keys: ArcSwap<KeySet>,
    /// When the last fetch was tried (success or not), for the floor.
    last_attempt: Mutex<Option<Instant>>,
    refresh: Duration,
    min_refresh: Duration,
    metrics: Arc<Metrics>,
}

impl RemoteJwks {
    pub fn new(
        url: String,
        refresh: Duration,
        min_refresh: Duration,
        timeout: Duration,
        metrics: Arc<Metrics>,
    ) -> RemoteJwks {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("zego-token-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("a TLS client with the built-in roots");
        RemoteJwks {
            url,
            client,
            keys: ArcSwap::from_pointee(KeySet::default()),
            last_attempt: Mutex::new(None),
            refresh,
            min_refresh,
            metrics,
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The keys now cached (empty until the first fetch succeeds).
    pub fn keys(&self) -> Arc<KeySet> {
        self.keys.load_full()
    }

    /// Fetches the JWKS now; on success the cache is replaced and the provider's max-age returned.
    pub async fn fetch(&self) -> Result<Option<Duration>, String> {
        *self.last_attempt.lock().await = Some(Instant::now());
        let result = self.get().await;
        match &result {
            Ok(_) => self.metrics.jwks_refreshes.inc(),
            Err(why) => {
                self.metrics.jwks_refresh_failures.inc();
                tracing::warn!(url = %self.url, error = %why, kept_keys = self.keys.load().len(), "JWKS fetch failed");
            }
        }
        result
    }

    async fn get(&self) -> Result<Option<Duration>, String> {
        let mut response = self.client.get(&self.url).send().await.map_err(without_url)?;
        if !response.status().is_success() {
            return Err(format!("HTTP {}", response.status()));
        }
        let max_age = response
            .headers()
            .get(reqwest::header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .and_then(max_age);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(without_url)? {
            if body.len() + chunk.len() > MAX_JWKS_BYTES {
                return Err(format!("the JWKS is larger than {MAX_JWKS_BYTES} bytes"));
            }
            body.extend_from_slice(&chunk);
        }
        let set = KeySet::from_jwks(&body)?;
        self.keys.store(Arc::new(set));
        Ok(max_age)
    }

    /// For a JWT whose `kid` is not cached: fetches again unless the last fetch is more recent than
    /// the floor. Returns whether a fetch happened (and succeeded).
    pub async fn refresh_for_unknown_kid(&self) -> bool {
        {
            let last = self.last_attempt.lock().await;
            if last.is_some_and(|at| at.elapsed() < self.min_refresh) {
                return false;
            }
        }
        self.fetch().await.is_ok()
    }

    /// Fetches on a schedule while this cache is in use (it stops when the last reference goes,
    /// e.g. after a reload to another URL). After a failure it tries again at the floor's pace.
    pub fn spawn_refresher(self: &Arc<Self>, first_fetch_ok: bool) {
        let weak: Weak<RemoteJwks> = Arc::downgrade(self);
        let (refresh, retry) = (self.refresh, self.min_refresh.max(Duration::from_millis(500)));
        tokio::spawn(async move {
            let mut next = if first_fetch_ok { refresh } else { retry };
            loop {
                tokio::time::sleep(next).await;
                let Some(jwks) = weak.upgrade() else { return };
                next = match jwks.fetch().await {
                    Ok(max_age) => max_age.map_or(refresh, |age| age.clamp(retry, refresh)),
                    Err(_) => retry,
                };
            }
        });
    }
}

/// The error and its causes, without the URL (logged as a field of its own).
fn without_url(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The `max-age` of a Cache-Control header.
fn max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.trim().split_once('=')?;
        name.eq_ignore_ascii_case("max-age")
            .then(|| value.trim().parse().ok().map(Duration::from_secs))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        assert_eq!(
            max_age("public, max-age=3600, must-revalidate"),
            Some(Duration::from_secs(3600))
        );
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age("max-age=abc"), None);
    }
}
