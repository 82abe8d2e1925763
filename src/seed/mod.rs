//! The built-in data set: the five source documents transcribed as records,
//! one JSON fragment per document group, compiled into the app.

use thiserror::Error;

use crate::model::{Dataset, SCHEMA_VERSION};

/// The fragments in load order: shared records first, so later fragments can
/// refer to them.
const FRAGMENTS: [(&str, &str); 4] = [
    ("common.json", include_str!("common.json")),
    ("norrbotten.json", include_str!("norrbotten.json")),
    ("vasterbotten.json", include_str!("vasterbotten.json")),
    ("minutes_2021.json", include_str!("minutes_2021.json")),
];

#[derive(Debug, Error)]
#[error("Den inbyggda datan i {fragment} kan inte läsas (rad {line}, kolumn {column}): {message}")]
pub struct SeedError {
    pub fragment: &'static str,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The built-in data set, assembled from its fragments.
pub fn built_in() -> Result<Dataset, SeedError> {
    let mut data = Dataset {
        schema_version: SCHEMA_VERSION,
        ..Dataset::default()
    };
    for (fragment, json) in FRAGMENTS {
        // From bytes, as the stored data set is read: one copy of the
        // deserialiser in the wasm instead of one per input type.
        let part: Dataset = serde_json::from_slice(json.as_bytes()).map_err(|e| SeedError {
            fragment,
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        data.extend(part);
    }
    Ok(data)
}
