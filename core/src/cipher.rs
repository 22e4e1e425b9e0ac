//! The two ciphers of Token04: AES-256-GCM (current) and AES-256-CBC with PKCS#7 (legacy).

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockModeDecrypt, KeyIvInit};
use aes_gcm::aead::inout::InOutBuf;
use aes_gcm::{AeadInOut, Aes256Gcm, KeyInit, Nonce, Tag};

use crate::{Error, Secret};

/// Length of a GCM nonce in the current format.
pub(crate) const GCM_NONCE_LEN: usize = 12;
/// Length of the GCM authentication tag appended to the ciphertext.
pub(crate) const GCM_TAG_LEN: usize = 16;
/// Length of a legacy CBC initialization vector.
pub(crate) const CBC_IV_LEN: usize = 16;

/// An expanded AES-256-GCM key. The key schedule is zeroized on drop (aes-gcm's `zeroize`).
#[derive(Clone)]
pub(crate) struct GcmKey(Aes256Gcm);

impl GcmKey {
    pub(crate) fn new(secret: &Secret) -> GcmKey {
        GcmKey(Aes256Gcm::new(secret.key().into()))
    }

    /// Encrypts `buf` in place and returns the tag. No associated data, as in the official format.
    pub(crate) fn seal_in_place(&self, nonce: &[u8; GCM_NONCE_LEN], buf: &mut [u8]) -> [u8; GCM_TAG_LEN] {
        let nonce = Nonce::from(*nonce);
        // Encryption fails only for messages over 64 GiB; ours are under 64 KiB.
        let tag = self
            .0
            .encrypt_inout_detached(&nonce, &[], InOutBuf::from(buf))
            .unwrap_or_default();
        tag.into()
    }

    /// Decrypts and authenticates `ciphertext || tag` where it lies, and returns the plaintext:
    /// the front of `sealed`.
    pub(crate) fn open_in_place<'a>(&self, nonce: &[u8], sealed: &'a mut [u8]) -> Result<&'a [u8], Error> {
        let nonce: [u8; GCM_NONCE_LEN] = nonce.try_into().map_err(|_| Error::Malformed)?;
        let split = sealed.len().checked_sub(GCM_TAG_LEN).ok_or(Error::Malformed)?;
        let (ciphertext, tag) = sealed.split_at_mut(split);
        let tag: [u8; GCM_TAG_LEN] = (&*tag).try_into().map_err(|_| Error::Malformed)?;
        self.0
            .decrypt_inout_detached(
                &Nonce::from(nonce),
                &[],
                InOutBuf::from(&mut *ciphertext),
                &Tag::from(tag),
            )
            .map_err(|_| Error::AuthFailed)?;
        Ok(ciphertext)
    }
}

/// Decrypts a legacy AES-256-CBC ciphertext where it lies and returns the unpadded plaintext.
/// CBC has no authentication: a padding failure is the only sign of a wrong secret or an altered
/// token, and it is reported as [`Error::AuthFailed`].
pub(crate) fn cbc_open_in_place<'a>(secret: &Secret, iv: &[u8], ciphertext: &'a mut [u8]) -> Result<&'a [u8], Error> {
    let iv: [u8; CBC_IV_LEN] = iv.try_into().map_err(|_| Error::Malformed)?;
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(CBC_IV_LEN) {
        return Err(Error::Malformed);
    }
    cbc::Decryptor::<aes::Aes256>::new(secret.key().into(), &iv.into())
        .decrypt_padded::<Pkcs7>(ciphertext)
        .map_err(|_| Error::AuthFailed)
}
