//! Passphrase protection of a workshop at rest.
//!
//! A protected workshop's document and change blobs, backups and personal details are sealed
//! with a key made from its passphrase before they reach SQLite or the disk. The key is made
//! with scrypt (memory-hard, so guessing passphrases on a stolen disk is slow) and seals with
//! XChaCha20-Poly1305 (random 24-byte nonces are safe however many blobs are written, and a
//! changed or swapped blob fails to open instead of loading as something else).
//!
//! A sealed blob is `SEALED_MAGIC`, the nonce, then the ciphertext. What it is for (the
//! workshop's id and the kind of blob) is bound in as associated data, so a blob cannot be
//! moved to another workshop or another use. The key lives in memory only while the workshop
//! is unlocked, and is wiped when it is dropped.

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

/// The first bytes of every sealed blob. Automerge bytes and session files start otherwise,
/// so stored data tells by itself whether it needs the key.
pub const SEALED_MAGIC: &[u8; 8] = b"SWSEAL1\0";
/// The shortest passphrase accepted: a few words are far stronger than any short password.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// scrypt's cost, as log2 of N (with r = 8: 128 MiB and a fraction of a second on a workshop
/// laptop). Stored beside each workshop, so it can be raised later without locking anyone out.
pub const KDF_LOG_N: u8 = if cfg!(test) { 10 } else { 17 };
/// The highest cost accepted from the database: more would need more memory than a laptop has.
const KDF_LOG_N_MAX: u8 = 20;
const KDF_R: u32 = 8;
const KDF_P: u32 = 1;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
/// What the verifier seals: opening it proves the passphrase before anything else is touched.
const VERIFIER_TEXT: &[u8] = b"SysteMatic Workshop passphrase check";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtectionError {
    #[error("the passphrase must be at least {MIN_PASSPHRASE_CHARS} characters long")]
    TooShort,
    #[error("that passphrase does not open this workshop")]
    WrongPassphrase,
    #[error("protected data could not be opened: it is damaged")]
    Damaged,
    #[error("the stored key settings are impossible")]
    BadSettings,
}

/// How a workshop's key is made from its passphrase; stored beside the workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySettings {
    pub salt: Vec<u8>,
    pub log_n: u8,
}

impl KeySettings {
    /// Fresh settings for a workshop being protected: a new random salt.
    pub fn new() -> Self {
        let mut salt = vec![0; SALT_BYTES];
        OsRng.fill_bytes(&mut salt);
        Self {
            salt,
            log_n: KDF_LOG_N,
        }
    }
}

impl Default for KeySettings {
    fn default() -> Self {
        Self::new()
    }
}

/// Refuses a passphrase too short to protect anything.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), ProtectionError> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(ProtectionError::TooShort);
    }
    Ok(())
}

/// Whether `bytes` are a sealed blob.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(SEALED_MAGIC)
}

/// The key of one unlocked workshop. Not `Debug` and not `Clone`: it is never printed, and
/// there is one copy, wiped on drop.
pub struct WorkshopKey(Zeroizing<[u8; 32]>);

impl WorkshopKey {
    /// Makes the key from a passphrase (slow on purpose: see [`KDF_LOG_N`]).
    pub fn derive(passphrase: &str, settings: &KeySettings) -> Result<Self, ProtectionError> {
        if settings.log_n == 0 || settings.log_n > KDF_LOG_N_MAX || settings.salt.len() < 8 {
            return Err(ProtectionError::BadSettings);
        }
        let params = scrypt::Params::new(settings.log_n, KDF_R, KDF_P, 32)
            .map_err(|_| ProtectionError::BadSettings)?;
        let mut key = Zeroizing::new([0_u8; 32]);
        scrypt::scrypt(
            passphrase.as_bytes(),
            &settings.salt,
            &params,
            key.as_mut_slice(),
        )
        .map_err(|_| ProtectionError::BadSettings)?;
        Ok(Self(key))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_slice().into())
    }

    /// Seals `plaintext` for `purpose` (which workshop, which kind of blob).
    pub fn seal(&self, purpose: &str, plaintext: &[u8]) -> Vec<u8> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: plaintext,
            aad: purpose.as_bytes(),
        };
        // Encryption with a 32-byte key and an in-memory buffer cannot fail; an empty result
        // would fail to open, never pass as data.
        let sealed = self.cipher().encrypt(&nonce, payload).unwrap_or_default();
        let mut out = Vec::with_capacity(SEALED_MAGIC.len() + NONCE_BYTES + sealed.len());
        out.extend_from_slice(SEALED_MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens a blob sealed for `purpose`; a changed, truncated or moved blob is `Damaged`.
    pub fn open(&self, purpose: &str, sealed: &[u8]) -> Result<Vec<u8>, ProtectionError> {
        let rest = sealed
            .strip_prefix(SEALED_MAGIC.as_slice())
            .ok_or(ProtectionError::Damaged)?;
        if rest.len() < NONCE_BYTES {
            return Err(ProtectionError::Damaged);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_BYTES);
        let payload = Payload {
            msg: ciphertext,
            aad: purpose.as_bytes(),
        };
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| ProtectionError::Damaged)
    }

    /// A blob that proves this key later, stored beside the workshop.
    pub fn verifier(&self) -> Vec<u8> {
        self.seal("verifier", VERIFIER_TEXT)
    }

    /// Whether this key is the one `verifier` was made with.
    pub fn opens(&self, verifier: &[u8]) -> bool {
        self.open("verifier", verifier)
            .is_ok_and(|text| text == VERIFIER_TEXT)
    }
}

/// Makes the key from `passphrase` and checks it against the stored verifier.
pub fn unlock(
    passphrase: &str,
    settings: &KeySettings,
    verifier: &[u8],
) -> Result<WorkshopKey, ProtectionError> {
    let key = WorkshopKey::derive(passphrase, settings)?;
    if key.opens(verifier) {
        Ok(key)
    } else {
        Err(ProtectionError::WrongPassphrase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(passphrase: &str, settings: &KeySettings) -> WorkshopKey {
        WorkshopKey::derive(passphrase, settings).unwrap()
    }

    #[test]
    fn sealed_blobs_open_only_with_their_key_and_purpose() {
        let settings = KeySettings::new();
        let right = key("correct horse battery", &settings);
        let sealed = right.seal("w1/change", b"Esther lives alone");
        assert!(is_sealed(&sealed));
        assert!(!sealed
            .windows(b"Esther".len())
            .any(|w| w == b"Esther".as_slice()));
        assert_eq!(
            right.open("w1/change", &sealed).unwrap(),
            b"Esther lives alone"
        );
        // Another purpose (another workshop, another kind of blob) does not open it.
        assert_eq!(
            right.open("w2/change", &sealed),
            Err(ProtectionError::Damaged)
        );
        // Nor does another passphrase, or the same passphrase with another salt.
        let wrong = key("correct horse battery!", &settings);
        assert_eq!(
            wrong.open("w1/change", &sealed),
            Err(ProtectionError::Damaged)
        );
        let other_salt = key("correct horse battery", &KeySettings::new());
        assert!(other_salt.open("w1/change", &sealed).is_err());
    }

    #[test]
    fn a_changed_or_cut_blob_is_damaged_not_misread() {
        let key = key("correct horse battery", &KeySettings::new());
        let sealed = key.seal("w1/snapshot", b"a care plan");
        for at in 0..sealed.len() {
            let mut changed = sealed.clone();
            changed[at] ^= 0x01;
            assert!(key.open("w1/snapshot", &changed).is_err(), "byte {at}");
        }
        for length in 0..sealed.len() {
            assert!(key.open("w1/snapshot", &sealed[..length]).is_err());
        }
    }

    #[test]
    fn every_seal_uses_a_fresh_nonce() {
        let key = key("correct horse battery", &KeySettings::new());
        assert_ne!(key.seal("p", b"same"), key.seal("p", b"same"));
    }

    #[test]
    fn the_verifier_tells_the_right_passphrase_from_a_wrong_one() {
        let settings = KeySettings::new();
        let verifier = key("correct horse battery", &settings).verifier();
        assert!(unlock("correct horse battery", &settings, &verifier).is_ok());
        assert!(matches!(
            unlock("Correct horse battery", &settings, &verifier),
            Err(ProtectionError::WrongPassphrase)
        ));
    }

    #[test]
    fn short_passphrases_and_impossible_settings_are_refused() {
        assert_eq!(
            check_new_passphrase("seven77"),
            Err(ProtectionError::TooShort)
        );
        assert_eq!(
            check_new_passphrase("   eight   "),
            Err(ProtectionError::TooShort)
        );
        assert!(check_new_passphrase("eight888").is_ok());
        // Characters, not bytes: eight letters of any script are enough.
        assert!(check_new_passphrase("ёжикёжик").is_ok());
        let too_costly = KeySettings {
            salt: vec![1; 16],
            log_n: 40,
        };
        assert!(matches!(
            WorkshopKey::derive("correct horse battery", &too_costly),
            Err(ProtectionError::BadSettings)
        ));
    }
}
