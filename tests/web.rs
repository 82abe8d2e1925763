//! Browser tests (wasm-bindgen-test in headless Chromium) for what only a
//! browser can show: localStorage persistence, its quota, and its errors.
#![cfg(target_arch = "wasm32")]

use samverkan::model::{BodyBasics, ChangeStamp, Dataset};
use samverkan::seed;
use samverkan::storage::{keys, LocalStore, Persistence, StorageError, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn edited() -> Dataset {
    let mut data = seed::built_in().unwrap();
    let id = data.bodies[0].id.clone();
    let basics = BodyBasics {
        name: "Ändrat namn".into(),
        short_name: Some("ÄN".into()),
    };
    let stamp = ChangeStamp {
        copy_id: "browser-test".into(),
        writer: None,
        organisation: None,
        person: None,
        at: "2026-11-22T10:00:00Z".into(),
    };
    data.update_body_basics(&id, basics, stamp).unwrap();
    data
}

#[wasm_bindgen_test]
fn a_saved_data_set_is_read_back_from_local_storage() {
    clear();
    let mut persistence = Persistence::new(LocalStore::open().unwrap());
    persistence.save(&edited()).unwrap();
    let mut again = Persistence::new(LocalStore::open().unwrap());
    let loaded = again.load(|| seed::built_in().unwrap()).unwrap();
    assert!(loaded.restored);
    assert_eq!(loaded.data, edited());
    assert!(again.used_chars() > 10_000);
}

#[wasm_bindgen_test]
fn the_quota_error_is_recognised_and_the_previous_state_stays() {
    clear();
    let mut persistence = Persistence::new(LocalStore::open().unwrap());
    persistence.save(&edited()).unwrap();
    let mut store = LocalStore::open().unwrap();
    // Chromium allows about 5 M UTF-16 units per origin; this is twice that.
    let too_big = "x".repeat(10_000_000);
    assert_eq!(
        store.write(keys::DATASET, &too_big),
        Err(StorageError::QuotaExceeded)
    );
    let loaded = persistence.load(|| seed::built_in().unwrap()).unwrap();
    assert_eq!(loaded.data, edited());
}

#[wasm_bindgen_test]
fn unreadable_stored_data_is_kept_aside_in_local_storage() {
    clear();
    let mut store = LocalStore::open().unwrap();
    store.write(keys::DATASET, "{ kaputt").unwrap();
    let mut persistence = Persistence::new(store);
    let loaded = persistence.load(|| seed::built_in().unwrap()).unwrap();
    let kept_as = loaded.set_aside.unwrap().kept_as.unwrap();
    assert_eq!(
        LocalStore::open()
            .unwrap()
            .read(&kept_as)
            .unwrap()
            .as_deref(),
        Some("{ kaputt")
    );
}

#[wasm_bindgen_test]
async fn indexed_db_holds_a_data_set_larger_than_local_storage_allows() {
    use samverkan::storage::IndexedStore;
    let store = IndexedStore::open().await.unwrap();
    // 12 M characters: more than twice what localStorage takes in Chromium.
    let big = "å".repeat(12_000_000);
    store.write("test.big", &big).await.unwrap();
    let again = IndexedStore::open().await.unwrap();
    assert_eq!(
        again.read("test.big").await.unwrap().map(|s| s.len()),
        Some(big.len())
    );
    assert_eq!(again.read("test.missing").await.unwrap(), None);
    store.write("test.big", "").await.unwrap();
}

#[wasm_bindgen_test]
async fn the_data_set_is_stored_as_bytes_and_text_from_earlier_versions_still_reads() {
    use samverkan::storage::{read_stored, IndexedStore, Stored};
    let store = IndexedStore::open().await.unwrap();
    let data = edited();
    let json = serde_json::to_vec(&data).unwrap();
    store
        .write_value("test.bytes", Stored::Bytes(&json))
        .await
        .unwrap();
    // Before bytes, the data set was stored as a JS string.
    let text = String::from_utf8(json.clone()).unwrap();
    store.write("test.text", &text).await.unwrap();
    let again = IndexedStore::open().await.unwrap();
    let values = again
        .read_all(&["test.bytes", "test.text", "test.missing"])
        .await
        .unwrap();
    assert_eq!(values[0].as_deref(), Some(json.as_slice()));
    assert_eq!(values[1].as_deref(), Some(json.as_slice()));
    assert_eq!(values[2], None);
    assert_eq!(read_stored(values[0].as_deref().unwrap()).unwrap(), data);
    assert_eq!(
        again.read("test.bytes").await.unwrap().as_deref(),
        Some(text.as_str())
    );
    store.write("test.bytes", "").await.unwrap();
    store.write("test.text", "").await.unwrap();
}

#[wasm_bindgen_test]
async fn indexed_db_keeps_the_state_store_contract() {
    let indexed = samverkan::storage::IndexedStore::open().await.unwrap();
    samverkan::storage::check_contract(&indexed).await.unwrap();
}

#[wasm_bindgen_test]
async fn local_storage_keeps_the_state_store_contract() {
    clear();
    let local = samverkan::storage::KeyValueState::new(LocalStore::open().unwrap(), true);
    samverkan::storage::check_contract(&local).await.unwrap();
}
