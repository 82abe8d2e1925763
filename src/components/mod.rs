//! Small view pieces shared by the pages.

mod calendar_export;
mod conflict_notice;
mod fact;
mod header;
mod links;
mod notices;
mod text;

pub use calendar_export::CalendarExport;
pub use conflict_notice::ConflictNotice;
pub use fact::{FactDate, FactTime};
pub use header::SiteHeader;
pub use links::{AgreementLink, BodyLink, OrganisationName, PersonLink};
pub use notices::DataNotices;
pub use text::{Blocks, SourceList};
