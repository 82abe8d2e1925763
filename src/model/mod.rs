//! The domain core: every record type of the collaboration structure and the
//! data set that holds them. Pure Rust: no UI, no browser APIs.

mod agreement;
mod body;
mod change_view;
mod dataset;
mod editing;
mod edits;
mod fact;
mod history;
mod identity;
mod ids;
mod integrity;
pub mod list;
mod meeting;
mod meta;
mod minutes;
mod organisation;
mod position;
mod readable;
mod record_ref;
mod text;
mod validation;
mod word_diff;

pub use agreement::*;
pub use body::*;
pub use change_view::{list_diff, ChangeReader, ChangeView, ItemMark, ShownItem};
pub use dataset::*;
pub use editing::{Change, Editable, FieldError};
pub use edits::PlannedMeeting;
pub use fact::Fact;
pub use history::{ChangeAction, History, HistoryEntry};
pub use identity::CopyIdentity;
pub use ids::*;
pub use integrity::{DanglingReference, ReferenceCheck};
pub use meeting::*;
pub use meta::*;
pub use minutes::{check_signing_date, Justering, MinutesStep, NewAddendum};
pub use organisation::*;
pub use position::BodyPosition;
pub use readable::{readable_item, readable_value, Readable};
pub use record_ref::{field_label, value_text, FieldChange, RecordKind, RecordRef};
pub use text::*;
pub use validation::{check_numbering, locked_minutes, Rules, LOCKED_MINUTES};
pub use word_diff::{word_diff, DiffPiece};
