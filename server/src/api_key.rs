//! API keys for backend-to-backend calls. Only each key's SHA-256 is kept in memory; a presented
//! key is hashed and compared with every known hash in constant time (no early exit, so the time
//! taken says nothing about which key or how much of it matched).

use crate::config_error::ConfigError;
use crate::secret_file;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use subtle::ConstantTimeEq;

/// The shortest key accepted: 32 characters (e.g. `openssl rand -hex 16` or longer).
pub const MIN_KEY_LEN: usize = 32;

pub struct ApiKeys {
    hashes: Vec<[u8; 32]>,
}

impl ApiKeys {
    pub fn load(files: &[PathBuf]) -> Result<ApiKeys, ConfigError> {
        let mut hashes = Vec::with_capacity(files.len());
        for file in files {
            let key = secret_file::read(file, "API key")?;
            if key.len() < MIN_KEY_LEN {
                return Err(ConfigError::new(format!(
                    "the API key in {} is shorter than {MIN_KEY_LEN} characters",
                    file.display()
                )));
            }
            hashes.push(Sha256::digest(key.as_bytes()).into());
        }
        Ok(ApiKeys { hashes })
    }

    /// Whether `presented` is one of the keys.
    pub fn accepts(&self, presented: &str) -> bool {
        let hash: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let mut found = subtle::Choice::from(0);
        for known in &self.hashes {
            found |= known.ct_eq(&hash);
        }
        found.into()
    }
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKeys({} keys)", self.hashes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn key_file(key: &str) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(file, "{key}").unwrap();
        file
    }

    #[test]
    fn every_configured_key_is_accepted_and_nothing_else() {
        let (a, b) = (key_file(&"a".repeat(32)), key_file(&"b".repeat(40)));
        let keys = ApiKeys::load(&[a.path().into(), b.path().into()]).unwrap();
        assert!(keys.accepts(&"a".repeat(32)));
        assert!(keys.accepts(&"b".repeat(40)));
        assert!(!keys.accepts(&"a".repeat(31)));
        assert!(!keys.accepts(""));
    }

    #[test]
    fn a_short_key_is_refused_at_load() {
        let short = key_file("too-short");
        let err = ApiKeys::load(&[short.path().into()]).unwrap_err().to_string();
        assert!(err.contains("shorter than 32") && !err.contains("too-short"), "{err}");
    }

    #[test]
    fn debug_shows_only_the_count() {
        let a = key_file(&"a".repeat(32));
        assert_eq!(
            format!("{:?}", ApiKeys::load(&[a.path().into()]).unwrap()),
            "ApiKeys(1 keys)"
        );
    }
}
