//! The domain core: every record type of the collaboration structure and the
//! data set that holds them. Pure Rust: no UI, no browser APIs.

mod agreement;
mod body;
mod dataset;
mod edits;
mod fact;
mod identity;
mod ids;
mod integrity;
mod meeting;
mod meta;
mod organisation;
mod position;
mod text;

pub use agreement::*;
pub use body::*;
pub use dataset::*;
pub use edits::PlannedMeeting;
pub use fact::Fact;
pub use identity::CopyIdentity;
pub use ids::*;
pub use integrity::{DanglingReference, ReferenceCheck};
pub use meeting::*;
pub use meta::*;
pub use organisation::*;
pub use position::BodyPosition;
pub use text::*;
