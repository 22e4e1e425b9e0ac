//! The configuration file (TOML) and its environment overrides, as the operator writes them.
//! [`Config::load`] reads and checks the file; turning it into running state (reading secret files,
//! keys, certificates) is [`crate::runtime::Runtime::build`]'s job, so that `--check-config` and a
//! SIGHUP reload go through exactly the same checks as a start.

use crate::config_error::ConfigError;
use ipnet::IpNet;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The whole file. Every section but `app_id`/`secret_files` has defaults a careful operator would
/// choose; unknown keys are refused (a typo must not silently turn a rule off).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The address to listen on; `ZEGO_TOKEN_SERVER_LISTEN` overrides it.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// The ZEGO AppID; `ZEGO_APP_ID` overrides it.
    #[serde(default)]
    pub app_id: u32,
    /// Files holding a 32-character ServerSecret each; the first signs, the others are checked and
    /// kept so that a rotation is one reload. `ZEGO_SERVER_SECRET_FILES` (comma-separated)
    /// overrides them. Never the secret itself: only files.
    #[serde(default)]
    pub secret_files: Vec<PathBuf>,
    pub auth: AuthConfig,
    #[serde(default)]
    pub policy: PolicyConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub tls: Option<TlsConfig>,
    #[serde(default)]
    pub proxy: ProxyConfig,
    #[serde(default)]
    pub cors: CorsConfig,
    #[serde(default)]
    pub metrics: MetricsConfig,
    #[serde(default)]
    pub log: LogConfig,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

/// Who may ask for a token.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub mode: AuthMode,
    #[serde(default)]
    pub jwt: Option<JwtConfig>,
    #[serde(default)]
    pub api_key: Option<ApiKeyConfig>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMode {
    /// A JWT from the app's identity provider; the user id is one of its claims.
    Jwt,
    /// Backend-to-backend calls with API keys; the caller names the user id.
    ApiKey,
    /// Development only: anyone on this machine; loopback addresses only.
    None,
}

/// Where the JWT's verification keys come from and what the JWT must say.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JwtConfig {
    /// A JWKS URL (https, or http on a loopback address for tests and sidecars).
    #[serde(default)]
    pub jwks_url: Option<String>,
    /// A local JWKS file.
    #[serde(default)]
    pub jwks_file: Option<PathBuf>,
    /// Local public keys in PEM (RSA, EC P-256/P-384 or Ed25519), for providers without a JWKS.
    #[serde(default)]
    pub pem_files: Vec<PathBuf>,
    /// The `iss` every JWT must carry.
    pub issuer: String,
    /// The `aud` values accepted (a JWT must carry one of them).
    pub audience: Vec<String>,
    /// The accepted algorithms; only asymmetric ones (RS*, PS*, ES256, ES384, EdDSA).
    #[serde(default = "default_algorithms")]
    pub algorithms: Vec<String>,
    /// The claim holding the user id (default `sub`).
    #[serde(default = "default_user_id_claim")]
    pub user_id_claim: String,
    /// Tolerated clock skew for `exp` and `nbf`, seconds.
    #[serde(default = "default_jwt_leeway")]
    pub leeway_seconds: u64,
    /// How often the JWKS is fetched again (the provider's max-age is used when shorter).
    #[serde(default = "default_jwks_refresh")]
    pub jwks_refresh_seconds: u64,
    /// The least time between two fetches caused by unknown `kid`s (the floor that keeps a flood of
    /// made-up `kid`s from hammering the provider).
    #[serde(default = "default_jwks_min_refresh")]
    pub jwks_min_refresh_seconds: u64,
    /// Seconds a JWKS fetch may take.
    #[serde(default = "default_jwks_timeout")]
    pub jwks_timeout_seconds: u64,
}

fn default_algorithms() -> Vec<String> {
    vec!["RS256".into(), "ES256".into(), "EdDSA".into()]
}
fn default_user_id_claim() -> String {
    "sub".into()
}
fn default_jwt_leeway() -> u64 {
    30
}
fn default_jwks_refresh() -> u64 {
    300
}
fn default_jwks_min_refresh() -> u64 {
    30
}
fn default_jwks_timeout() -> u64 {
    5
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// Files holding one API key each (at least 32 characters); several for rotation.
    pub key_files: Vec<PathBuf>,
}

/// What a caller may get.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    /// The token lifetime when the request names none, seconds.
    #[serde(default = "default_ttl")]
    pub default_ttl: i64,
    /// The longest lifetime a request may ask for, seconds.
    #[serde(default = "default_max_ttl")]
    pub max_ttl: i64,
    /// Whether room (privilege) tokens may be issued at all.
    #[serde(default = "yes")]
    pub room_tokens: bool,
    /// Which rooms: "any", { list = [..] }, { prefix = ".." } or { claim = ".." }.
    #[serde(default)]
    pub rooms: NameRule,
    /// Who may publish: "any", "never" or { claim = "role", value = "host" }.
    #[serde(default)]
    pub publish: PublishRule,
    /// Which stream ids a request may name: "any", "none", { list }, { prefix } or { claim }.
    #[serde(default)]
    pub stream_ids: NameRule,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            default_ttl: default_ttl(),
            max_ttl: default_max_ttl(),
            room_tokens: true,
            rooms: NameRule::Any,
            publish: PublishRule::Any,
            stream_ids: NameRule::Any,
        }
    }
}

fn default_ttl() -> i64 {
    3600
}
fn default_max_ttl() -> i64 {
    86_400
}
fn yes() -> bool {
    true
}

/// A rule on a name the caller asks for (a room id, a stream id).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum NameRule {
    /// Any name.
    #[default]
    Any,
    /// No name may be asked for (stream ids: the token then allows every stream, as ZEGO's
    /// `stream_id_list: null` does; rooms: no room token).
    None,
    /// Only these names.
    List(Vec<String>),
    /// Names starting with this.
    Prefix(String),
    /// The names listed in this claim of the caller's JWT (a string or an array of strings).
    Claim(String),
}

/// Who may publish streams: `"any"`, `"never"` or `{ claim = "role", value = "host" }`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Default)]
#[serde(try_from = "PublishRuleText")]
pub enum PublishRule {
    #[default]
    Any,
    Never,
    /// Callers whose JWT claim `claim` is `value` (or an array holding it).
    Claim {
        claim: String,
        value: String,
    },
}

/// How the file writes a [`PublishRule`].
#[derive(Deserialize)]
#[serde(untagged)]
enum PublishRuleText {
    Word(String),
    Claim { claim: String, value: String },
}

impl TryFrom<PublishRuleText> for PublishRule {
    type Error = String;

    fn try_from(text: PublishRuleText) -> Result<Self, Self::Error> {
        match text {
            PublishRuleText::Word(word) if word == "any" => Ok(PublishRule::Any),
            PublishRuleText::Word(word) if word == "never" => Ok(PublishRule::Never),
            PublishRuleText::Word(word) => Err(format!(
                "publish is \"any\", \"never\" or {{ claim = .., value = .. }}, not {word:?}"
            )),
            PublishRuleText::Claim { claim, value } => Ok(PublishRule::Claim { claim, value }),
        }
    }
}

/// Limits that keep one caller or a slow client from hurting the others.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    /// Tokens per minute per user (0: no limit).
    #[serde(default = "default_per_user")]
    pub per_user_per_minute: u32,
    /// Requests per minute per client address (0: no limit).
    #[serde(default = "default_per_address")]
    pub per_address_per_minute: u32,
    /// Tokens a user may get at once above the steady rate.
    #[serde(default = "default_user_burst")]
    pub per_user_burst: u32,
    /// Requests an address may send at once above the steady rate.
    #[serde(default = "default_address_burst")]
    pub per_address_burst: u32,
    /// The largest request body, bytes.
    #[serde(default = "default_max_body")]
    pub max_body_bytes: usize,
    /// Time to receive a request's headers, milliseconds (slow clients are cut off).
    #[serde(default = "default_header_timeout")]
    pub header_timeout_ms: u64,
    /// Time for a whole request, body included, milliseconds.
    #[serde(default = "default_request_timeout")]
    pub request_timeout_ms: u64,
    /// Connections open at once; more wait to be accepted.
    #[serde(default = "default_max_connections")]
    pub max_connections: usize,
    /// Time given to requests in flight at SIGTERM, milliseconds.
    #[serde(default = "default_drain")]
    pub drain_timeout_ms: u64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            per_user_per_minute: default_per_user(),
            per_address_per_minute: default_per_address(),
            per_user_burst: default_user_burst(),
            per_address_burst: default_address_burst(),
            max_body_bytes: default_max_body(),
            header_timeout_ms: default_header_timeout(),
            request_timeout_ms: default_request_timeout(),
            max_connections: default_max_connections(),
            drain_timeout_ms: default_drain(),
        }
    }
}

fn default_per_user() -> u32 {
    60
}
fn default_per_address() -> u32 {
    600
}
fn default_user_burst() -> u32 {
    10
}
fn default_address_burst() -> u32 {
    100
}
fn default_max_body() -> usize {
    16 * 1024
}
fn default_header_timeout() -> u64 {
    5_000
}
fn default_request_timeout() -> u64 {
    10_000
}
fn default_max_connections() -> usize {
    10_000
}
fn default_drain() -> u64 {
    30_000
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
}

/// Proxies whose `X-Forwarded-For` is believed.
#[derive(Clone, Debug, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ProxyConfig {
    #[serde(default)]
    pub trusted: Vec<IpNet>,
}

/// Browser origins allowed to call the endpoint (none: no CORS headers at all).
#[derive(Clone, Debug, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct CorsConfig {
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MetricsConfig {
    /// Whether /metrics is served.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Serve /metrics on this address instead of the main one (e.g. 127.0.0.1:9100).
    #[serde(default)]
    pub listen: Option<SocketAddr>,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        MetricsConfig {
            enabled: true,
            listen: None,
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// "json" (one object per line) or "text".
    #[serde(default = "default_log_format")]
    pub format: String,
    /// A tracing filter such as "info" or "zego_token_server=debug".
    #[serde(default = "default_log_level")]
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: default_log_format(),
            level: default_log_level(),
        }
    }
}

fn default_log_format() -> String {
    "json".into()
}
fn default_log_level() -> String {
    "info".into()
}

/// The environment variables that override the file.
pub const ENV_APP_ID: &str = "ZEGO_APP_ID";
pub const ENV_SECRET_FILES: &str = "ZEGO_SERVER_SECRET_FILES";
pub const ENV_LISTEN: &str = "ZEGO_TOKEN_SERVER_LISTEN";

/// The algorithms a JWT may be signed with: asymmetric only, so a public key can never be used
/// as an HMAC secret (the RS/HS confusion).
pub const ASYMMETRIC_ALGORITHMS: &[&str] = &[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA",
];

impl Config {
    /// Reads the file, applies the environment overrides and checks everything that can be checked
    /// without reading other files.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::new(format!("cannot read {}: {e}", path.display())))?;
        let mut config: Config = toml::from_str(&text)
            .map_err(|e| ConfigError::new(format!("{}: {}", path.display(), e.message().trim())))?;
        config.apply_env(|name| std::env::var(name).ok())?;
        config.check()?;
        Ok(config)
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        if let Some(app_id) = var(ENV_APP_ID) {
            self.app_id = app_id
                .trim()
                .parse()
                .map_err(|_| ConfigError::new(format!("{ENV_APP_ID} is not an app id (1 to 4294967295)")))?;
        }
        if let Some(files) = var(ENV_SECRET_FILES) {
            self.secret_files = files.split(',').filter(|f| !f.is_empty()).map(PathBuf::from).collect();
        }
        if let Some(listen) = var(ENV_LISTEN) {
            self.listen = listen
                .parse()
                .map_err(|_| ConfigError::new(format!("{ENV_LISTEN} is not an address such as 0.0.0.0:8080")))?;
        }
        Ok(())
    }

    fn check(&self) -> Result<(), ConfigError> {
        if self.app_id == 0 {
            return Err(ConfigError::new(format!(
                "app_id is missing or 0 (set it in the file or {ENV_APP_ID})"
            )));
        }
        if self.secret_files.is_empty() {
            return Err(ConfigError::new(format!(
                "secret_files is empty: name at least one file holding the ServerSecret (or {ENV_SECRET_FILES})"
            )));
        }
        let p = &self.policy;
        if p.default_ttl <= 0 || p.max_ttl <= 0 || p.default_ttl > p.max_ttl {
            return Err(ConfigError::new("policy: 0 < default_ttl <= max_ttl is required"));
        }
        let uses_claims = matches!(p.rooms, NameRule::Claim(_))
            || matches!(p.stream_ids, NameRule::Claim(_))
            || matches!(p.publish, PublishRule::Claim { .. });
        match self.auth.mode {
            AuthMode::Jwt => self.check_jwt()?,
            AuthMode::ApiKey => {
                let keys = self.auth.api_key.as_ref().map_or(0, |k| k.key_files.len());
                if keys == 0 {
                    return Err(ConfigError::new(
                        "auth.mode = \"api-key\" needs [auth.api_key] key_files",
                    ));
                }
            }
            AuthMode::None => {
                if !self.listen.ip().is_loopback() {
                    return Err(ConfigError::new(format!(
                        "auth.mode = \"none\" is for development on this machine only: listen on a loopback \
                         address (127.0.0.1 or ::1), not {}",
                        self.listen
                    )));
                }
            }
        }
        if uses_claims && self.auth.mode != AuthMode::Jwt {
            return Err(ConfigError::new(
                "policy rules on JWT claims (rooms/stream_ids/publish = { claim = .. }) need auth.mode = \"jwt\"",
            ));
        }
        if self.limits.max_body_bytes == 0 || self.limits.max_connections == 0 {
            return Err(ConfigError::new(
                "limits: max_body_bytes and max_connections must be above 0",
            ));
        }
        if !matches!(self.log.format.as_str(), "json" | "text") {
            return Err(ConfigError::new("log.format is \"json\" or \"text\""));
        }
        for origin in &self.cors.allowed_origins {
            if origin == "*" || !(origin.starts_with("https://") || origin.starts_with("http://")) {
                return Err(ConfigError::new(format!(
                    "cors.allowed_origins: {origin:?} is not an origin such as https://app.example.com (no wildcard)"
                )));
            }
        }
        Ok(())
    }

    fn check_jwt(&self) -> Result<(), ConfigError> {
        let Some(jwt) = &self.auth.jwt else {
            return Err(ConfigError::new("auth.mode = \"jwt\" needs an [auth.jwt] section"));
        };
        let sources = usize::from(jwt.jwks_url.is_some())
            + usize::from(jwt.jwks_file.is_some())
            + usize::from(!jwt.pem_files.is_empty());
        if sources != 1 {
            return Err(ConfigError::new(
                "auth.jwt: give exactly one of jwks_url, jwks_file or pem_files",
            ));
        }
        if let Some(url) = &jwt.jwks_url {
            check_jwks_url(url)?;
        }
        if jwt.issuer.is_empty() || jwt.audience.is_empty() {
            return Err(ConfigError::new("auth.jwt: issuer and audience are required"));
        }
        if jwt.algorithms.is_empty() {
            return Err(ConfigError::new("auth.jwt.algorithms is empty"));
        }
        for alg in &jwt.algorithms {
            if !ASYMMETRIC_ALGORITHMS.contains(&alg.as_str()) {
                return Err(ConfigError::new(format!(
                    "auth.jwt.algorithms: {alg:?} is not accepted; use asymmetric ones: {}",
                    ASYMMETRIC_ALGORITHMS.join(", ")
                )));
            }
        }
        if jwt.user_id_claim.is_empty() {
            return Err(ConfigError::new("auth.jwt.user_id_claim is empty"));
        }
        Ok(())
    }
}

/// A JWKS is fetched over HTTPS; plain HTTP only from this machine (a sidecar, a test provider).
fn check_jwks_url(url: &str) -> Result<(), ConfigError> {
    let parsed = reqwest::Url::parse(url).map_err(|e| ConfigError::new(format!("auth.jwt.jwks_url: {e}")))?;
    let loopback = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(ConfigError::new(
            "auth.jwt.jwks_url must be https:// (http:// only on a loopback address)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigError::new(e.to_string()))?;
        config.apply_env(|_| None)?;
        config.check().map(|()| config)
    }

    const API_KEY: &str = r#"
        app_id = 1234567890
        secret_files = ["s"]
        [auth]
        mode = "api-key"
        [auth.api_key]
        key_files = ["k"]
    "#;

    #[test]
    fn a_minimal_api_key_config_gets_careful_defaults() {
        let config = parse(API_KEY).unwrap();
        assert_eq!(config.listen, default_listen());
        assert_eq!(config.policy, PolicyConfig::default());
        assert_eq!(config.limits.max_body_bytes, 16 * 1024);
        assert!(config.metrics.enabled);
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let err = parse(&format!("{API_KEY}\n[policy]\nmax_tll = 5\n")).unwrap_err();
        assert!(err.to_string().contains("max_tll"), "{err}");
    }

    #[test]
    fn mode_none_is_refused_off_loopback() {
        let text = "listen = \"0.0.0.0:8080\"\napp_id = 1\nsecret_files = [\"s\"]\n[auth]\nmode = \"none\"\n";
        assert!(parse(text).unwrap_err().to_string().contains("loopback"));
        assert!(parse(&text.replace("0.0.0.0", "127.0.0.1")).is_ok());
    }

    #[test]
    fn symmetric_jwt_algorithms_are_refused() {
        let text = r#"
            app_id = 1
            secret_files = ["s"]
            [auth]
            mode = "jwt"
            [auth.jwt]
            jwks_url = "https://example.com/jwks.json"
            issuer = "i"
            audience = ["a"]
            algorithms = ["RS256", "HS256"]
        "#;
        assert!(parse(text)
            .unwrap_err()
            .to_string()
            .contains("\"HS256\" is not accepted"));
    }

    #[test]
    fn a_jwks_url_is_https_or_loopback_http() {
        assert!(check_jwks_url("https://idp.example.com/jwks").is_ok());
        assert!(check_jwks_url("http://127.0.0.1:9000/jwks").is_ok());
        assert!(check_jwks_url("http://localhost/jwks").is_ok());
        assert!(check_jwks_url("http://idp.example.com/jwks").is_err());
    }

    #[test]
    fn claim_rules_need_jwt_mode() {
        let text = format!("{API_KEY}\n[policy]\nrooms = {{ claim = \"rooms\" }}\n");
        assert!(parse(&text).unwrap_err().to_string().contains("need auth.mode"));
    }

    #[test]
    fn rules_read_as_the_docs_write_them() {
        let text = format!(
            "{API_KEY}\n[policy]\nrooms = {{ prefix = \"game-\" }}\nstream_ids = \"none\"\npublish = \"never\"\n"
        );
        let config = parse(&text).unwrap();
        assert_eq!(config.policy.rooms, NameRule::Prefix("game-".into()));
        assert_eq!(config.policy.stream_ids, NameRule::None);
        assert_eq!(config.policy.publish, PublishRule::Never);
        let publish: PolicyConfig = toml::from_str("publish = { claim = \"role\", value = \"host\" }").unwrap();
        assert_eq!(
            publish.publish,
            PublishRule::Claim {
                claim: "role".into(),
                value: "host".into()
            }
        );
        let err = toml::from_str::<PolicyConfig>("publish = \"sometimes\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("sometimes"), "{err}");
    }

    #[test]
    fn the_environment_overrides_app_id_secrets_and_listen() {
        let mut config: Config = toml::from_str(API_KEY).unwrap();
        config
            .apply_env(|name| match name {
                ENV_APP_ID => Some("42".into()),
                ENV_SECRET_FILES => Some("/a,/b".into()),
                ENV_LISTEN => Some("0.0.0.0:9999".into()),
                _ => None,
            })
            .unwrap();
        assert_eq!(config.app_id, 42);
        assert_eq!(config.secret_files, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
        assert_eq!(config.listen.port(), 9999);
    }
}
