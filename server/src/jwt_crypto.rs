//! JWT signatures verified with *ring* (already here for TLS) instead of jsonwebtoken's pure-Rust
//! backend: RSA and ECDSA verification are several times faster, and the binary carries no `rsa`
//! crate. Installed once at start as jsonwebtoken's process-wide provider. Only verification: the
//! server never signs a JWT, and HMAC is never accepted (see config::ASYMMETRIC_ALGORITHMS).

use jsonwebtoken::crypto::{CryptoProvider, JwkUtils, JwtSigner, JwtVerifier};
use jsonwebtoken::errors::{Error, ErrorKind};
use jsonwebtoken::signature::{self, Verifier};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, DecodingKeyKind, EncodingKey};
use ring::signature as ring_sig;

pub static RING: CryptoProvider = CryptoProvider {
    signer_factory: no_signer,
    verifier_factory: verifier,
    jwk_utils: JwkUtils::new_unimplemented(),
};

/// Makes *ring* jsonwebtoken's provider (once; later calls change nothing).
pub fn install() {
    let _ = RING.install_default();
}

fn no_signer(_: &Algorithm, _: &EncodingKey) -> Result<Box<dyn JwtSigner>, Error> {
    Err(ErrorKind::InvalidAlgorithm.into())
}

enum Scheme {
    Rsa(&'static ring_sig::RsaParameters),
    Other(&'static dyn ring_sig::VerificationAlgorithm),
}

fn scheme(algorithm: Algorithm) -> Option<(AlgorithmFamily, Scheme)> {
    use Algorithm::*;
    Some(match algorithm {
        RS256 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PKCS1_2048_8192_SHA256)),
        RS384 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PKCS1_2048_8192_SHA384)),
        RS512 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PKCS1_2048_8192_SHA512)),
        PS256 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PSS_2048_8192_SHA256)),
        PS384 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PSS_2048_8192_SHA384)),
        PS512 => (AlgorithmFamily::Rsa, Scheme::Rsa(&ring_sig::RSA_PSS_2048_8192_SHA512)),
        ES256 => (AlgorithmFamily::Ec, Scheme::Other(&ring_sig::ECDSA_P256_SHA256_FIXED)),
        ES384 => (AlgorithmFamily::Ec, Scheme::Other(&ring_sig::ECDSA_P384_SHA384_FIXED)),
        EdDSA => (AlgorithmFamily::Ed, Scheme::Other(&ring_sig::ED25519)),
        HS256 | HS384 | HS512 => return None,
    })
}

struct RingVerifier {
    algorithm: Algorithm,
    scheme: Scheme,
    key: DecodingKey,
}

fn verifier(algorithm: &Algorithm, key: &DecodingKey) -> Result<Box<dyn JwtVerifier>, Error> {
    let (family, scheme) = scheme(*algorithm).ok_or(ErrorKind::InvalidAlgorithm)?;
    if key.family() != family {
        return Err(ErrorKind::InvalidKeyFormat.into());
    }
    Ok(Box::new(RingVerifier {
        algorithm: *algorithm,
        scheme,
        key: key.clone(),
    }))
}

impl Verifier<Vec<u8>> for RingVerifier {
    fn verify(&self, message: &[u8], sig: &Vec<u8>) -> Result<(), signature::Error> {
        let result = match (&self.scheme, self.key.kind()) {
            (Scheme::Rsa(params), DecodingKeyKind::RsaModulusExponent { n, e }) => {
                ring_sig::RsaPublicKeyComponents { n, e }.verify(params, message, sig)
            }
            (Scheme::Rsa(params), DecodingKeyKind::SecretOrDer(der)) => {
                ring_sig::UnparsedPublicKey::new(*params, der).verify(message, sig)
            }
            (Scheme::Other(algorithm), DecodingKeyKind::SecretOrDer(raw)) => {
                ring_sig::UnparsedPublicKey::new(*algorithm, raw).verify(message, sig)
            }
            (Scheme::Other(_), DecodingKeyKind::RsaModulusExponent { .. }) => return Err(signature::Error::new()),
        };
        result.map_err(|_| signature::Error::new())
    }
}

impl JwtVerifier for RingVerifier {
    fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
}
