//! The running state made from a [`Config`]: the generator (from the first secret file), the
//! authenticator with its keys, the policy and the rate limits. A SIGHUP builds a new one off the
//! request path and swaps it in only when every part of it could be built; requests in flight keep
//! the one they started with.

use crate::api_key::ApiKeys;
use crate::authenticator::Authenticator;
use crate::config::{AuthMode, Config};
use crate::config_error::ConfigError;
use crate::jwt::{JwtVerifier, KeySource};
use crate::key_set::KeySet;
use crate::metrics::Metrics;
use crate::policy::Policy;
use crate::rate_limit::RateLimits;
use crate::remote_jwks::RemoteJwks;
use crate::secret_file;
use std::sync::Arc;
use std::time::Duration;
use zego_token::Generator;

pub struct Runtime {
    pub config: Config,
    pub generator: Generator,
    pub authenticator: Authenticator,
    pub policy: Policy,
    pub limits: Arc<RateLimits>,
}

impl Runtime {
    /// Reads the secret files, the keys and the JWKS (a remote JWKS is fetched once; when that
    /// fails the server still starts, not ready, and keeps trying). `previous` is the running
    /// state on a reload: its JWKS cache and rate limits are kept when their settings are unchanged.
    pub async fn build(
        config: Config,
        metrics: &Arc<Metrics>,
        previous: Option<&Runtime>,
    ) -> Result<Runtime, ConfigError> {
        let generator = load_generator(&config)?;
        let authenticator = match config.auth.mode {
            AuthMode::None => Authenticator::None,
            AuthMode::ApiKey => Authenticator::ApiKey(ApiKeys::load(
                &config.auth.api_key.as_ref().expect("checked").key_files,
            )?),
            AuthMode::Jwt => Authenticator::Jwt(jwt_verifier(&config, metrics, previous).await?),
        };
        let limits = match previous {
            Some(p) if p.limits.settings == RateLimits::new(&config.limits).settings => p.limits.clone(),
            _ => Arc::new(RateLimits::new(&config.limits)),
        };
        Ok(Runtime {
            policy: Policy::new(config.policy.clone()),
            generator,
            authenticator,
            limits,
            config,
        })
    }
}

/// The first secret signs; the others must be valid too, so that a rotation is one reload.
fn load_generator(config: &Config) -> Result<Generator, ConfigError> {
    let mut first = None;
    for file in &config.secret_files {
        let secret = secret_file::read(file, "ServerSecret")?;
        let generator = Generator::new(config.app_id, &secret)
            .map_err(|e| ConfigError::new(format!("the ServerSecret in {} cannot be used: {e}", file.display())))?;
        first.get_or_insert(generator);
    }
    first.ok_or_else(|| ConfigError::new("no secret file"))
}

async fn jwt_verifier(
    config: &Config,
    metrics: &Arc<Metrics>,
    previous: Option<&Runtime>,
) -> Result<JwtVerifier, ConfigError> {
    let jwt = config.auth.jwt.as_ref().expect("checked");
    let source = if let Some(url) = &jwt.jwks_url {
        let reusable = previous.and_then(|p| match &p.authenticator {
            Authenticator::Jwt(JwtVerifier {
                source: KeySource::Remote(jwks),
                ..
            }) if jwks.url() == url => Some(jwks.clone()),
            _ => None,
        });
        let jwks = match reusable {
            Some(jwks) => {
                // A reload fetches again; on failure the cached keys stay.
                let _ = jwks.fetch().await;
                jwks
            }
            None => {
                let jwks = Arc::new(RemoteJwks::new(
                    url.clone(),
                    Duration::from_secs(jwt.jwks_refresh_seconds.max(1)),
                    Duration::from_secs(jwt.jwks_min_refresh_seconds),
                    Duration::from_secs(jwt.jwks_timeout_seconds.max(1)),
                    metrics.clone(),
                ));
                let fetched = jwks.fetch().await.is_ok();
                jwks.spawn_refresher(fetched);
                jwks
            }
        };
        KeySource::Remote(jwks)
    } else if let Some(file) = &jwt.jwks_file {
        let text = std::fs::read(file)
            .map_err(|e| ConfigError::new(format!("cannot read the JWKS file {}: {e}", file.display())))?;
        KeySource::Local(Arc::new(
            KeySet::from_jwks(&text).map_err(|e| ConfigError::new(format!("{}: {e}", file.display())))?,
        ))
    } else {
        KeySource::Local(Arc::new(KeySet::from_pem_files(&jwt.pem_files)?))
    };
    let algorithms = jwt
        .algorithms
        .iter()
        .map(|a| a.parse().expect("checked against ASYMMETRIC_ALGORITHMS"))
        .collect();
    Ok(JwtVerifier {
        source,
        algorithms,
        issuer: jwt.issuer.clone(),
        audience: jwt.audience.clone(),
        user_id_claim: jwt.user_id_claim.clone(),
        leeway_seconds: jwt.leeway_seconds,
    })
}
