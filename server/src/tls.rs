//! TLS with rustls: the certificate and key are read from PEM files and can be replaced while
//! running (SIGHUP), so a renewed certificate needs no restart.

use crate::config::TlsConfig;
use crate::config_error::ConfigError;
use arc_swap::ArcSwap;
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use std::sync::Arc;

#[derive(Debug)]
pub struct ReloadableCert {
    current: ArcSwap<CertifiedKey>,
}

impl ReloadableCert {
    pub fn new(key: CertifiedKey) -> ReloadableCert {
        ReloadableCert {
            current: ArcSwap::from_pointee(key),
        }
    }

    pub fn replace(&self, key: CertifiedKey) {
        self.current.store(Arc::new(key));
    }
}

impl ResolvesServerCert for ReloadableCert {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current.load_full())
    }
}

/// ring's provider: it cross-compiles to every release target (static musl included) with no
/// CMake. It has no post-quantum key exchange (hence rustls' deprecation note); where that matters,
/// terminate TLS at a proxy that has it.
#[allow(deprecated)]
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Reads the certificate chain and its private key.
pub fn load(config: &TlsConfig) -> Result<CertifiedKey, ConfigError> {
    let read = |path: &std::path::Path| {
        std::fs::read(path).map_err(|e| ConfigError::new(format!("cannot read {}: {e}", path.display())))
    };
    let cert_pem = read(&config.cert_file)?;
    let certs = rustls_pemfile::certs(&mut cert_pem.as_slice())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ConfigError::new(format!("{}: {e}", config.cert_file.display())))?;
    if certs.is_empty() {
        return Err(ConfigError::new(format!(
            "{} holds no certificate",
            config.cert_file.display()
        )));
    }
    let key_pem = zeroize::Zeroizing::new(read(&config.key_file)?);
    let key = rustls_pemfile::private_key(&mut key_pem.as_slice())
        .map_err(|e| ConfigError::new(format!("{}: {e}", config.key_file.display())))?
        .ok_or_else(|| ConfigError::new(format!("{} holds no private key", config.key_file.display())))?;
    let signing_key = provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| ConfigError::new(format!("{}: {e}", config.key_file.display())))?;
    let certified = CertifiedKey::new(certs, signing_key);
    certified.keys_match().map_err(|e| {
        ConfigError::new(format!(
            "{} does not match {}: {e}",
            config.key_file.display(),
            config.cert_file.display()
        ))
    })?;
    Ok(certified)
}

pub fn server_config(resolver: Arc<ReloadableCert>) -> rustls::ServerConfig {
    let mut config = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("the default protocol versions")
        .with_no_client_auth()
        .with_cert_resolver(resolver);
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    config
}
