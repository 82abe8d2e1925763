//! Browser edge of signed exchange files: this copy's key pair (made by
//! WebCrypto, the private key not extractable, kept in IndexedDB), signing
//! an export, checking a file's signature, and key fingerprints (SHA-256 by
//! WebCrypto). The layout and every decision are in `exchange::signature`.
//!
//! WebCrypto is called through the few bindings below rather than web-sys's
//! `SubtleCrypto`: enabling those features would rebuild web-sys and
//! everything above it for five methods.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::exchange::{
    signed_file, signed_part, split_signed, Algorithm, Fingerprint, SignatureBlock, SignedFile,
    Verification,
};
use crate::i18n::{t, tf, Text};
use crate::storage::keys;
#[cfg(target_arch = "wasm32")]
use crate::storage::IndexedStore;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = generateKey, catch)]
    fn generate_key(
        algorithm: &JsValue,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = exportKey, catch)]
    fn export_key(format: &str, key: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = importKey, catch)]
    fn import_key(
        format: &str,
        key: &[u8],
        algorithm: &JsValue,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = sign, catch)]
    fn subtle_sign(algorithm: &JsValue, key: &JsValue, data: &[u8]) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = verify, catch)]
    fn subtle_verify(
        algorithm: &JsValue,
        key: &JsValue,
        signature: &[u8],
        data: &[u8],
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["crypto", "subtle"], js_name = digest, catch)]
    fn subtle_digest(algorithm: &str, data: &[u8]) -> Result<Promise, JsValue>;
}

/// This copy's key: the pair as WebCrypto holds it and the raw public key.
#[derive(Clone)]
pub struct CopyKey {
    pub algorithm: Algorithm,
    pair: JsValue,
    pub public_key: Vec<u8>,
    pub fingerprint: Fingerprint,
}

thread_local! {
    static COPY_KEY: RefCell<Option<CopyKey>> = const { RefCell::new(None) };
}

/// A WebCrypto or IndexedDB failure as text for a message.
fn reason(error: JsValue) -> String {
    let text = |name: &str| Reflect::get(&error, &name.into()).ok()?.as_string();
    match (text("name"), text("message")) {
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name,
        _ => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}

async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(reason)?)
        .await
        .map_err(reason)
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

/// What WebCrypto wants to know of the algorithm: for making and importing
/// a key (ECDSA: the curve) or for signing and verifying (ECDSA: the hash).
#[derive(Clone, Copy)]
enum Use {
    Key,
    Sign,
}

fn params(algorithm: Algorithm, purpose: Use) -> JsValue {
    let params = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&params, &k.into(), &v.into());
    let _ = match (algorithm, purpose) {
        (Algorithm::Ed25519, _) => set("name", "Ed25519"),
        (Algorithm::EcdsaP256, Use::Key) => {
            set("name", "ECDSA").and_then(|_| set("namedCurve", "P-256"))
        }
        (Algorithm::EcdsaP256, Use::Sign) => {
            set("name", "ECDSA").and_then(|_| set("hash", "SHA-256"))
        }
    };
    params.into()
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

/// The fingerprint of a raw public key.
pub async fn fingerprint(public_key: &[u8]) -> Result<Fingerprint, String> {
    let digest = bytes(&settle(subtle_digest("SHA-256", public_key)).await?);
    let digest: [u8; 32] = digest.try_into().map_err(|_| "SHA-256".to_owned())?;
    Ok(Fingerprint::from_digest(digest))
}

/// A new key pair: Ed25519 where the browser has it, else ECDSA P-256.
async fn generate() -> Result<(Algorithm, JsValue), String> {
    let mut last = String::new();
    for algorithm in [Algorithm::Ed25519, Algorithm::EcdsaP256] {
        match settle(generate_key(
            &params(algorithm, Use::Key),
            false,
            &usages(&["sign", "verify"]),
        ))
        .await
        {
            Ok(pair) => return Ok((algorithm, pair)),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn algorithm_of(pair: &JsValue) -> Option<Algorithm> {
    let key = Reflect::get(pair, &"privateKey".into()).ok()?;
    let algorithm = Reflect::get(&key, &"algorithm".into()).ok()?;
    match Reflect::get(&algorithm, &"name".into())
        .ok()?
        .as_string()?
        .as_str()
    {
        "Ed25519" => Some(Algorithm::Ed25519),
        "ECDSA" => Some(Algorithm::EcdsaP256),
        _ => None,
    }
}

async fn describe(pair: JsValue) -> Result<CopyKey, String> {
    let algorithm = algorithm_of(&pair).ok_or_else(|| t(Text::SigningKeyUnreadable).to_owned())?;
    let public = Reflect::get(&pair, &"publicKey".into()).map_err(reason)?;
    let public_key = bytes(&settle(export_key("raw", &public)).await?);
    let fingerprint = fingerprint(&public_key).await?;
    Ok(CopyKey {
        algorithm,
        pair,
        public_key,
        fingerprint,
    })
}

/// This copy's key, made on first use and kept in IndexedDB. Fails when the
/// browser has no WebCrypto or keeps nothing (then files go out unsigned).
pub async fn copy_key() -> Result<CopyKey, String> {
    if let Some(key) = COPY_KEY.with_borrow(Clone::clone) {
        return Ok(key);
    }
    let failed = |e: String| tf(Text::SigningNoKey, &[&e]);
    let pair = stored_or_new_pair().await.map_err(failed)?;
    let key = describe(pair).await.map_err(failed)?;
    COPY_KEY.with_borrow_mut(|k| *k = Some(key.clone()));
    Ok(key)
}

/// The key pair kept in IndexedDB, made and stored there if there is none.
#[cfg(target_arch = "wasm32")]
async fn stored_or_new_pair() -> Result<JsValue, String> {
    let store = IndexedStore::open().await.map_err(|e| e.to_string())?;
    let stored = store.read_object(keys::SIGNING_KEY).await;
    if let Some(pair) = stored.map_err(|e| e.to_string())? {
        return Ok(pair);
    }
    let (_, pair) = generate().await?;
    if store
        .add_object(keys::SIGNING_KEY, &pair)
        .await
        .map_err(|e| e.to_string())?
    {
        return Ok(pair);
    }
    // Another tab made one first: use that.
    store
        .read_object(keys::SIGNING_KEY)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| t(Text::SigningKeyUnreadable).into())
}

/// Native builds compile the UI but never run it: no IndexedDB.
#[cfg(not(target_arch = "wasm32"))]
async fn stored_or_new_pair() -> Result<JsValue, String> {
    let _ = (keys::SIGNING_KEY, generate);
    Err("IndexedDB".into())
}

/// The export `unsigned` signed with this copy's key.
pub async fn sign_export(unsigned: &str) -> Result<String, String> {
    let key = copy_key().await?;
    let private = Reflect::get(&key.pair, &"privateKey".into()).map_err(reason)?;
    let signed = signed_part(unsigned);
    let signature = settle(subtle_sign(
        &params(key.algorithm, Use::Sign),
        &private,
        signed.as_bytes(),
    ))
    .await
    .map_err(|e| tf(Text::SigningFailed, &[&e]))?;
    let block = SignatureBlock {
        algorithm: key.algorithm,
        public_key: key.public_key,
        signature: bytes(&signature),
    };
    Ok(signed_file(signed, &block))
}

/// Checks a file's signature over its bytes; an error (a message) for a
/// block that cannot be read or a check the browser cannot make.
pub async fn verify_file(file: &[u8]) -> Result<Verification, String> {
    let Some(SignedFile { signed, block }) = split_signed(file).map_err(|e| e.to_string())? else {
        return Ok(Verification::Unsigned);
    };
    let unable = |e: String| tf(Text::SignatureCheckFailed, &[&e]);
    let key = settle(import_key(
        "raw",
        &block.public_key,
        &params(block.algorithm, Use::Key),
        true,
        &usages(&["verify"]),
    ))
    .await
    .map_err(unable)?;
    let valid = settle(subtle_verify(
        &params(block.algorithm, Use::Sign),
        &key,
        &block.signature,
        signed,
    ))
    .await
    .map_err(unable)?;
    if valid.as_bool() != Some(true) {
        return Ok(Verification::Invalid);
    }
    Ok(Verification::Valid(
        fingerprint(&block.public_key).await.map_err(unable)?,
    ))
}
