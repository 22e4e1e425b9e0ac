//! The public keys a JWT may be signed with, read from a JWKS document or from PEM files. Only
//! asymmetric keys are kept: a symmetric key (`kty: oct`) in a JWKS is dropped, so no public
//! material can ever be used as an HMAC secret.

use crate::config_error::ConfigError;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey};
use std::path::PathBuf;

/// What a key can verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    Rsa,
    EcP256,
    EcP384,
    Ed25519,
}

impl KeyKind {
    fn verifies(self, alg: Algorithm) -> bool {
        use Algorithm::*;
        match self {
            KeyKind::Rsa => matches!(alg, RS256 | RS384 | RS512 | PS256 | PS384 | PS512),
            KeyKind::EcP256 => alg == ES256,
            KeyKind::EcP384 => alg == ES384,
            KeyKind::Ed25519 => alg == EdDSA,
        }
    }
}

pub struct VerificationKey {
    kid: Option<String>,
    kind: KeyKind,
    /// The key's own `alg`, when the JWKS pins one.
    alg: Option<Algorithm>,
    key: DecodingKey,
}

#[derive(Default)]
pub struct KeySet {
    keys: Vec<VerificationKey>,
}

/// The keys a JWT's header points at.
pub enum KeyMatch<'a> {
    /// Keys that may have signed it (tried in order).
    Candidates(Vec<&'a DecodingKey>),
    /// The header names a `kid` this set does not have.
    UnknownKid,
    /// No key of this set can verify this algorithm.
    NoKeyForAlgorithm,
}

impl KeySet {
    /// Reads a JWKS document; keys this server cannot use are skipped, and a set with no usable key
    /// is an error.
    pub fn from_jwks(json: &[u8]) -> Result<KeySet, String> {
        let set: JwkSet = serde_json::from_slice(json).map_err(|e| format!("not a JWKS document: {e}"))?;
        let mut keys = Vec::new();
        for jwk in &set.keys {
            let kind = match &jwk.algorithm {
                AlgorithmParameters::RSA(_) => KeyKind::Rsa,
                AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P256 => KeyKind::EcP256,
                AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P384 => KeyKind::EcP384,
                AlgorithmParameters::OctetKeyPair(p) if p.curve == EllipticCurve::Ed25519 => KeyKind::Ed25519,
                _ => continue,
            };
            let alg = match jwk.common.key_algorithm {
                None => None,
                Some(pinned) => match signing_algorithm(pinned) {
                    Some(alg) => Some(alg),
                    None => continue,
                },
            };
            if let Ok(key) = DecodingKey::from_jwk(jwk) {
                keys.push(VerificationKey {
                    kid: jwk.common.key_id.clone(),
                    kind,
                    alg,
                    key,
                });
            }
        }
        if keys.is_empty() {
            return Err("the JWKS has no usable signature key (RSA, EC P-256/P-384 or Ed25519)".into());
        }
        Ok(KeySet { keys })
    }

    /// Reads PEM public keys (RSA, EC P-256/P-384 or Ed25519; SubjectPublicKeyInfo).
    pub fn from_pem_files(files: &[PathBuf]) -> Result<KeySet, ConfigError> {
        let mut keys = Vec::new();
        for file in files {
            let pem = std::fs::read(file)
                .map_err(|e| ConfigError::new(format!("cannot read the key file {}: {e}", file.display())))?;
            let parsed = [
                (KeyKind::Rsa, DecodingKey::from_rsa_pem(&pem)),
                (KeyKind::Ed25519, DecodingKey::from_ed_pem(&pem)),
                (ec_kind(&pem), DecodingKey::from_ec_pem(&pem)),
            ]
            .into_iter()
            .find_map(|(kind, key)| key.ok().map(|key| (kind, key)));
            let Some((kind, key)) = parsed else {
                return Err(ConfigError::new(format!(
                    "{} is not a PEM public key (RSA, EC P-256/P-384 or Ed25519)",
                    file.display()
                )));
            };
            keys.push(VerificationKey {
                kid: None,
                kind,
                alg: None,
                key,
            });
        }
        Ok(KeySet { keys })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys that may have signed a JWT with this header.
    pub fn find(&self, kid: Option<&str>, alg: Algorithm) -> KeyMatch<'_> {
        let fits = |k: &&VerificationKey| k.kind.verifies(alg) && k.alg.is_none_or(|pinned| pinned == alg);
        if let Some(kid) = kid {
            if self.keys.iter().any(|k| k.kid.is_some()) && !self.keys.iter().any(|k| k.kid.as_deref() == Some(kid)) {
                return KeyMatch::UnknownKid;
            }
        }
        let candidates: Vec<&DecodingKey> = self
            .keys
            .iter()
            .filter(|k| match (kid, k.kid.as_deref()) {
                (Some(wanted), Some(has)) => wanted == has,
                _ => true,
            })
            .filter(fits)
            .map(|k| &k.key)
            .collect();
        if candidates.is_empty() {
            KeyMatch::NoKeyForAlgorithm
        } else {
            KeyMatch::Candidates(candidates)
        }
    }
}

/// P-384 keys are longer; their SubjectPublicKeyInfo names the curve by OID (1.3.132.0.34).
fn ec_kind(pem: &[u8]) -> KeyKind {
    let text = String::from_utf8_lossy(pem);
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    use base64::Engine;
    let der = base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .unwrap_or_default();
    const P384_OID: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
    if der.windows(P384_OID.len()).any(|w| w == P384_OID) {
        KeyKind::EcP384
    } else {
        KeyKind::EcP256
    }
}

fn signing_algorithm(alg: KeyAlgorithm) -> Option<Algorithm> {
    Some(match alg {
        KeyAlgorithm::RS256 => Algorithm::RS256,
        KeyAlgorithm::RS384 => Algorithm::RS384,
        KeyAlgorithm::RS512 => Algorithm::RS512,
        KeyAlgorithm::PS256 => Algorithm::PS256,
        KeyAlgorithm::PS384 => Algorithm::PS384,
        KeyAlgorithm::PS512 => Algorithm::PS512,
        KeyAlgorithm::ES256 => Algorithm::ES256,
        KeyAlgorithm::ES384 => Algorithm::ES384,
        KeyAlgorithm::EdDSA => Algorithm::EdDSA,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWKS: &str = r#"{"keys":[
        {"kty":"EC","crv":"P-256","kid":"ec1","alg":"ES256",
         "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
        {"kty":"oct","kid":"hmac","k":"c2VjcmV0"}
    ]}"#;

    #[test]
    fn symmetric_keys_in_a_jwks_are_dropped() {
        let set = KeySet::from_jwks(JWKS.as_bytes()).unwrap();
        assert_eq!(set.len(), 1);
        assert!(matches!(set.find(Some("hmac"), Algorithm::ES256), KeyMatch::UnknownKid));
    }

    #[test]
    fn a_key_verifies_only_its_own_algorithm() {
        let set = KeySet::from_jwks(JWKS.as_bytes()).unwrap();
        assert!(matches!(set.find(Some("ec1"), Algorithm::ES256), KeyMatch::Candidates(ref c) if c.len() == 1));
        assert!(matches!(
            set.find(Some("ec1"), Algorithm::RS256),
            KeyMatch::NoKeyForAlgorithm
        ));
        assert!(matches!(
            set.find(Some("other"), Algorithm::ES256),
            KeyMatch::UnknownKid
        ));
        assert!(matches!(set.find(None, Algorithm::ES256), KeyMatch::Candidates(_)));
    }

    #[test]
    fn a_jwks_without_a_usable_key_is_an_error() {
        assert!(KeySet::from_jwks(br#"{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}"#).is_err());
        assert!(KeySet::from_jwks(b"<html>").is_err());
    }
}
