//! Signed exchange files: where the signature sits in a file, the key's
//! fingerprint as people read it aloud, the keys this copy trusts, and what
//! the import preview says about a file's sender. Pure: the browser's
//! WebCrypto signs, verifies and hashes (`crate::signing`); this module
//! only lays out bytes and decides.
//!
//! **Layout.** A signed file is the unsigned export with its closing brace
//! replaced by one last member:
//!
//! ```text
//! {
//!   "format": "samverkan-exchange",
//!   …
//!   "data": { … },
//!   "signature": {"algorithm":"Ed25519","public_key":"…","signature":"…"}
//! }
//! ```
//!
//! The signature covers every byte before `,\n  "signature": ` — the file as
//! written, never a re-serialisation, so verifying needs no canonical JSON.
//! After that marker only the one-line block and the closing brace may
//! follow, and the whole file must still be JSON without a repeated key, so
//! every member the import reads comes from the signed bytes. An unsigned
//! file (every file before signing existed) is the same JSON without the
//! member and still imports, flagged as unsigned.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::envelope::Origin;
use crate::i18n::{t, tf, Text};

/// What separates the signed bytes from the signature block.
const MARKER: &[u8] = b",\n  \"signature\": ";

/// The signature algorithms a copy's key can have: Ed25519 where the
/// browser has it, else ECDSA on P-256 with SHA-256.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Algorithm {
    #[serde(rename = "Ed25519")]
    Ed25519,
    #[serde(rename = "ECDSA-P256-SHA256")]
    EcdsaP256,
}

impl Algorithm {
    /// Length of a raw public key (P-256: uncompressed point).
    fn public_key_len(self) -> usize {
        match self {
            Algorithm::Ed25519 => 32,
            Algorithm::EcdsaP256 => 65,
        }
    }

    /// Length of a signature as WebCrypto gives it (P-256: r ‖ s).
    fn signature_len(self) -> usize {
        64
    }
}

/// The last member of a signed file: who signed (the raw public key) and
/// the signature over the bytes before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureBlock {
    pub algorithm: Algorithm,
    pub public_key: Vec<u8>,
    pub signature: Vec<u8>,
}

impl Algorithm {
    /// The algorithm's name in files and in WebCrypto's terms.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Ed25519 => "Ed25519",
            Algorithm::EcdsaP256 => "ECDSA-P256-SHA256",
        }
    }
}

/// The block as written: binary values in base64.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockJson {
    algorithm: Algorithm,
    public_key: String,
    signature: String,
}

/// A signed file taken apart: the bytes the signature covers and the block.
#[derive(Debug, PartialEq, Eq)]
pub struct SignedFile<'a> {
    pub signed: &'a [u8],
    pub block: SignatureBlock,
}

/// Why a file's signature block cannot be read. The file is refused: it
/// claims to be signed but says it in a way no copy writes.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BlockError {
    #[error("{}", t(Text::SignatureNotLast))]
    NotLast,
    #[error("{}", tf(Text::SignatureMalformed, &[&.0]))]
    Malformed(String),
    #[error("{}", tf(Text::SignatureWrongLength, &[what, found, expected]))]
    WrongLength {
        what: &'static str,
        algorithm: Algorithm,
        found: usize,
        expected: usize,
    },
}

/// Takes a file apart into the signed bytes and the signature block;
/// `Ok(None)` for a file without a signature.
pub fn split_signed(file: &[u8]) -> Result<Option<SignedFile<'_>>, BlockError> {
    // A "signature" member written any other way is found by the import
    // when it reads the JSON (`ParsedFile::has_member`) and refused there.
    let Some(at) = find_last(file, MARKER) else {
        return Ok(None);
    };
    let tail = &file[at + MARKER.len()..];
    let tail = trim_end(tail);
    let block = tail.strip_suffix(b"\n}").ok_or(BlockError::NotLast)?;
    if block.contains(&b'\n') {
        return Err(BlockError::NotLast);
    }
    let json: BlockJson =
        serde_json::from_slice(block).map_err(|e| BlockError::Malformed(e.to_string()))?;
    let public_key = decode(&json.public_key)?;
    let signature = decode(&json.signature)?;
    let algorithm = json.algorithm;
    for (what, found, expected) in [
        ("public_key", public_key.len(), algorithm.public_key_len()),
        ("signature", signature.len(), algorithm.signature_len()),
    ] {
        if found != expected {
            return Err(BlockError::WrongLength {
                what,
                algorithm,
                found,
                expected,
            });
        }
    }
    Ok(Some(SignedFile {
        signed: &file[..at],
        block: SignatureBlock {
            algorithm,
            public_key,
            signature,
        },
    }))
}

/// The bytes a signature covers, for an unsigned export as
/// [`super::export`] writes it: everything before its closing brace.
pub fn signed_part(unsigned: &str) -> &str {
    let text = unsigned.trim_end();
    text.strip_suffix('}').unwrap_or(text).trim_end()
}

/// The signed file: the signed bytes (from [`signed_part`]), the block as
/// the last member, and the closing brace.
pub fn signed_file(signed: &str, block: &SignatureBlock) -> String {
    let json = BlockJson {
        algorithm: block.algorithm,
        public_key: encode(&block.public_key),
        signature: encode(&block.signature),
    };
    let block = serde_json::to_string(&json).unwrap_or_default();
    let marker = std::str::from_utf8(MARKER).unwrap_or_default();
    format!("{signed}{marker}{block}\n}}\n")
}

fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn decode(text: &str) -> Result<Vec<u8>, BlockError> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| BlockError::Malformed(e.to_string()))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &bytes[..end]
}

/// The format name of a key file.
pub const KEY_FILE_FORMAT: &str = "samverkan-key";

/// A copy's public key as a file of its own ("nyckelfil"), handed to a
/// party by a channel it trusts: importing it trusts the key without a
/// signed file first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileJson {
    format: String,
    origin: Origin,
    algorithm: Algorithm,
    public_key: String,
}

/// A party's key read from its key file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFile {
    pub origin: Origin,
    pub algorithm: Algorithm,
    pub public_key: Vec<u8>,
}

/// The key file of this copy's key, as pretty JSON.
pub fn key_file(origin: &Origin, algorithm: Algorithm, public_key: &[u8]) -> String {
    let json = KeyFileJson {
        format: KEY_FILE_FORMAT.into(),
        origin: origin.clone(),
        algorithm,
        public_key: encode(public_key),
    };
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

/// Reads a party's key file.
pub fn read_key_file(bytes: &[u8]) -> Result<KeyFile, BlockError> {
    let json: KeyFileJson =
        serde_json::from_slice(bytes).map_err(|e| BlockError::Malformed(e.to_string()))?;
    if json.format != KEY_FILE_FORMAT {
        return Err(BlockError::Malformed(json.format));
    }
    let public_key = decode(&json.public_key)?;
    let expected = json.algorithm.public_key_len();
    if public_key.len() != expected {
        return Err(BlockError::WrongLength {
            what: "public_key",
            algorithm: json.algorithm,
            found: public_key.len(),
            expected,
        });
    }
    Ok(KeyFile {
        origin: json.origin,
        algorithm: json.algorithm,
        public_key,
    })
}

/// A key's fingerprint: the SHA-256 of its raw public key, shown as the
/// first 128 bits in eight groups of five digits ("04712 39981 …"). Digits
/// read aloud over the phone without the B/D/E mix-ups of hexadecimal, and
/// 128 bits are beyond any attempt to make a key with the same groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// From the SHA-256 digest of the raw public key.
    pub fn from_digest(digest: [u8; 32]) -> Fingerprint {
        Fingerprint(digest)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, pair) in self.0[..16].chunks(2).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{:05}", u16::from_be_bytes([pair[0], pair[1]]))?;
        }
        Ok(())
    }
}

/// A party's key this copy trusts: its fingerprint as shown, and the
/// organisation the file named when it was accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedKey {
    pub fingerprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// When it was accepted (RFC 3339).
    pub accepted_at: String,
}

/// The keys this copy trusts, one per party (copy id): trust on first
/// use after the fingerprint is compared, so one check per partner.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedKeys {
    pub parties: BTreeMap<String, TrustedKey>,
}

impl TrustedKeys {
    /// Trusts `fingerprint` for the copy `origin`, replacing a key trusted before.
    pub fn accept(&mut self, origin: &Origin, fingerprint: &Fingerprint, at: &str) {
        self.parties.insert(
            origin.copy_id.clone(),
            TrustedKey {
                fingerprint: fingerprint.to_string(),
                organisation: origin.organisation.clone(),
                accepted_at: at.to_owned(),
            },
        );
    }
}

/// What checking a file's signature found (WebCrypto's answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    Unsigned,
    /// The signature holds for the bytes; the signer's key fingerprint.
    Valid(Fingerprint),
    /// The bytes are not the ones signed.
    Invalid,
}

/// What the import preview says about a file's sender, before anything
/// is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureStatus {
    /// Signed by the key trusted for the copy the file names.
    Known { organisation: Option<String> },
    /// Signed by this copy's own key (an own export read back).
    ThisCopy,
    /// Signed, by a key not yet trusted for this party: the user compares
    /// the fingerprint with the one the party reads aloud.
    Unknown { fingerprint: Fingerprint },
    /// Signed by another key than the one trusted for this party: imported
    /// only when the user accepts the new key.
    Changed {
        trusted: String,
        fingerprint: Fingerprint,
        organisation: Option<String>,
    },
    /// No signature: the sender cannot be known. `claims_this_copy` when
    /// the file names this copy as its origin.
    Unsigned { claims_this_copy: bool },
    /// Refused: the bytes were changed after signing.
    Altered,
    /// Refused: the file names this copy as its origin but another key
    /// signed it.
    ForeignKeyForThisCopy,
}

impl SignatureStatus {
    /// Whether the file is refused outright.
    pub fn refused(&self) -> bool {
        matches!(
            self,
            SignatureStatus::Altered | SignatureStatus::ForeignKeyForThisCopy
        )
    }

    /// Whether the import waits for the user to accept the key.
    pub fn awaits_acceptance(&self) -> bool {
        matches!(self, SignatureStatus::Changed { .. })
    }
}

/// What a file's signature means for this copy: `this_copy` is its id and
/// `own_key` its key's fingerprint (none when it has no key).
pub fn assess(
    origin: &Origin,
    verification: Verification,
    this_copy: &str,
    own_key: Option<&Fingerprint>,
    trusted: &TrustedKeys,
) -> SignatureStatus {
    let claims_this_copy = origin.copy_id == this_copy;
    let fingerprint = match verification {
        Verification::Invalid => return SignatureStatus::Altered,
        Verification::Unsigned => return SignatureStatus::Unsigned { claims_this_copy },
        Verification::Valid(fingerprint) => fingerprint,
    };
    if claims_this_copy {
        return if own_key == Some(&fingerprint) {
            SignatureStatus::ThisCopy
        } else {
            SignatureStatus::ForeignKeyForThisCopy
        };
    }
    match trusted.parties.get(&origin.copy_id) {
        None => SignatureStatus::Unknown { fingerprint },
        Some(key) if key.fingerprint == fingerprint.to_string() => SignatureStatus::Known {
            organisation: key
                .organisation
                .clone()
                .or_else(|| origin.organisation.clone()),
        },
        Some(key) => SignatureStatus::Changed {
            trusted: key.fingerprint.clone(),
            fingerprint,
            organisation: key
                .organisation
                .clone()
                .or_else(|| origin.organisation.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::export;
    use crate::model::Dataset;

    fn block() -> SignatureBlock {
        SignatureBlock {
            algorithm: Algorithm::Ed25519,
            public_key: vec![7; 32],
            signature: vec![9; 64],
        }
    }

    fn origin(copy: &str) -> Origin {
        Origin {
            organisation: Some("Region Norrbotten".into()),
            copy_id: copy.into(),
        }
    }

    fn unsigned() -> String {
        export(
            &Dataset::default(),
            origin("copy-a"),
            "2026-12-07T20:00:00Z",
        )
    }

    #[test]
    fn a_signed_file_splits_into_the_exact_bytes_signed_and_its_block() {
        let unsigned = unsigned();
        let signed_part = signed_part(&unsigned);
        let file = signed_file(signed_part, &block());
        let split = split_signed(file.as_bytes()).unwrap().unwrap();
        assert_eq!(split.signed, signed_part.as_bytes());
        assert_eq!(split.block, block());
        // Still one JSON object, whose members other than the block are the unsigned file's.
        let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
        value.as_object_mut().unwrap().remove("signature");
        let original: serde_json::Value = serde_json::from_str(&unsigned).unwrap();
        assert_eq!(value, original);
    }

    #[test]
    fn an_unsigned_file_has_no_signature() {
        assert_eq!(split_signed(unsigned().as_bytes()), Ok(None));
    }

    #[test]
    fn the_block_must_be_the_last_member_and_well_formed() {
        let file = signed_file(signed_part(&unsigned()), &block());
        let moved = file.replacen("{\n", "{\n  \"x\": 1,\n", 1) + "  ";
        assert!(split_signed(moved.as_bytes()).unwrap().is_some());
        let trailing = file.trim_end().to_owned() + "\n{}";
        assert_eq!(split_signed(trailing.as_bytes()), Err(BlockError::NotLast));
        let extra = file.replace("\"signature\":\"", "\"extra\":1,\"signature\":\"");
        assert!(matches!(
            split_signed(extra.as_bytes()),
            Err(BlockError::Malformed(_))
        ));
        let bad_base64 = file.replace("\"public_key\":\"", "\"public_key\":\"%");
        assert!(matches!(
            split_signed(bad_base64.as_bytes()),
            Err(BlockError::Malformed(_))
        ));
        let short = signed_file(
            "{",
            &SignatureBlock {
                signature: vec![1; 10],
                ..block()
            },
        );
        assert!(matches!(
            split_signed(short.as_bytes()),
            Err(BlockError::WrongLength {
                what: "signature",
                ..
            })
        ));
    }

    #[test]
    fn fingerprints_are_eight_groups_of_five_digits_of_the_first_128_bits() {
        let mut digest = [0u8; 32];
        digest[0] = 0xff;
        digest[1] = 0xff;
        digest[3] = 1;
        digest[16] = 0xaa; // beyond the 128 bits shown
        let text = Fingerprint::from_digest(digest).to_string();
        assert_eq!(text, "65535 00001 00000 00000 00000 00000 00000 00000");
        assert_eq!(text.len(), 8 * 5 + 7);
    }

    fn key(n: u8) -> Fingerprint {
        Fingerprint::from_digest([n; 32])
    }

    #[test]
    fn trust_decisions() {
        let mut trusted = TrustedKeys::default();
        let a = origin("copy-a");
        let status = |o: &Origin, v, t: &TrustedKeys| assess(o, v, "copy-me", Some(&key(9)), t);
        assert_eq!(
            status(&a, Verification::Unsigned, &trusted),
            SignatureStatus::Unsigned {
                claims_this_copy: false
            }
        );
        assert_eq!(
            status(&a, Verification::Invalid, &trusted),
            SignatureStatus::Altered
        );
        assert_eq!(
            status(&a, Verification::Valid(key(1)), &trusted),
            SignatureStatus::Unknown {
                fingerprint: key(1)
            }
        );
        trusted.accept(&a, &key(1), "2026-12-07T20:00:00Z");
        assert_eq!(
            status(&a, Verification::Valid(key(1)), &trusted),
            SignatureStatus::Known {
                organisation: Some("Region Norrbotten".into())
            }
        );
        let changed = status(&a, Verification::Valid(key(2)), &trusted);
        assert_eq!(
            changed,
            SignatureStatus::Changed {
                trusted: key(1).to_string(),
                fingerprint: key(2),
                organisation: Some("Region Norrbotten".into())
            }
        );
        assert!(changed.awaits_acceptance() && !changed.refused());
        // Altered is refused even from a trusted party.
        assert!(status(&a, Verification::Invalid, &trusted).refused());
        // Accepting the new key replaces the old.
        trusted.accept(&a, &key(2), "2026-12-08T08:00:00Z");
        assert!(matches!(
            status(&a, Verification::Valid(key(2)), &trusted),
            SignatureStatus::Known { .. }
        ));
        assert_eq!(trusted.parties.len(), 1);
    }

    #[test]
    fn a_file_naming_this_copy_must_carry_its_key() {
        let me = origin("copy-me");
        let trusted = TrustedKeys::default();
        let own = Some(key(9));
        let status = |v| assess(&me, v, "copy-me", own.as_ref(), &trusted);
        assert_eq!(
            status(Verification::Valid(key(9))),
            SignatureStatus::ThisCopy
        );
        let foreign = status(Verification::Valid(key(3)));
        assert_eq!(foreign, SignatureStatus::ForeignKeyForThisCopy);
        assert!(foreign.refused());
        assert_eq!(
            status(Verification::Unsigned),
            SignatureStatus::Unsigned {
                claims_this_copy: true
            }
        );
        // A copy without a key of its own cannot have signed anything.
        assert_eq!(
            assess(&me, Verification::Valid(key(9)), "copy-me", None, &trusted),
            SignatureStatus::ForeignKeyForThisCopy
        );
    }

    #[test]
    fn a_key_file_reads_back_and_a_wrong_one_is_refused() {
        let file = key_file(&origin("copy-a"), Algorithm::EcdsaP256, &[4; 65]);
        let read = read_key_file(file.as_bytes()).unwrap();
        assert_eq!(read.origin, origin("copy-a"));
        assert_eq!(read.algorithm, Algorithm::EcdsaP256);
        assert_eq!(read.public_key, vec![4; 65]);
        let short = key_file(&origin("copy-a"), Algorithm::Ed25519, &[4; 31]);
        assert!(matches!(
            read_key_file(short.as_bytes()),
            Err(BlockError::WrongLength { .. })
        ));
        let other = file.replace(KEY_FILE_FORMAT, "samverkan-exchange");
        assert!(read_key_file(other.as_bytes()).is_err());
        assert!(read_key_file(unsigned().as_bytes()).is_err());
    }

    #[test]
    fn trusted_keys_round_trip_through_json() {
        let mut trusted = TrustedKeys::default();
        trusted.accept(&origin("copy-a"), &key(4), "t");
        let json = serde_json::to_string(&trusted).unwrap();
        assert_eq!(serde_json::from_str::<TrustedKeys>(&json).unwrap(), trusted);
    }
}
