//! Exchange between copies by file: the envelope (export, parse and check)
//! and the merge of two data sets. Pure: no UI, no browser; time and the
//! copy's identity are passed in.
//!
//! The merge treats every top-level field of a record (and its tombstone
//! flag `deleted`) as a multi-value register: each value carries the version
//! vector of the changes it has seen; a value another value has seen is
//! replaced, values written without knowing of each other are all kept, one
//! chosen the same way on every copy as the provisional winner, the others
//! kept as conflicts until a local edit (which dominates them all) resolves
//! them. Merging is commutative, associative and idempotent (see
//! `tests/exchange_merge.rs`).

mod conflicts;
mod deletions;
mod envelope;
mod json;
mod ledger;
mod limits;
mod merge;
mod report;
mod rules;
mod scope;
mod signature;
mod undo;
mod unknown;

pub use conflicts::{
    conflicts, resolve_conflict, resolve_conflict_with_text, Conflict, ConflictValue, ShownValue,
};
pub use deletions::{DeletionReview, RefusedDeletion, CONFIRM_ABOVE};
pub use envelope::{
    check_merged, checksum, export, export_scoped, file_name, parse, parse_json, CheckedFile,
    ExchangeFile, ImportError, Imported, Origin, ParsedFile, FORMAT,
};
pub use ledger::{record_count, Direction, Effect, Ledger, LogEntry, Party};
pub use limits::{
    check_own_versions, text_problem, RecordFault, MAX_COUNTER, MAX_TEXT_CHARS, MAX_WORD_CHARS,
};
pub use merge::{canonical, changed_records, merge, merge_into, MergeError};
pub use report::{field_label, value_text, FieldChange, MergeReport, RecordRef};
pub use rules::{rule_faults, screen, Refused, Screened};
pub use scope::{county_subset, known_versions, unknown_to, without, KnownVersions, Scope};
pub use signature::{
    assess, key_file, read_key_file, signed_file, signed_part, split_signed, Algorithm, BlockError,
    Fingerprint, KeyFile, SignatureBlock, SignatureStatus, SignedFile, TrustedKey, TrustedKeys,
    Verification,
};
pub use undo::{undo_import, ImportUndo};
pub use unknown::UnknownInFile;
