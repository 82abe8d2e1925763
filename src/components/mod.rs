//! Small view pieces shared by the pages.

mod calendar_export;
mod conflict_notice;
mod edit_mode;
mod fact;
mod field_change;
mod focus;
pub mod form;
mod header;
mod install_hint;
mod language;
mod links;
mod next_meeting;
mod notices;
mod page_contents;
mod status_line;
mod text;
mod update_banner;
mod word_diff;

pub use calendar_export::CalendarExport;
pub use conflict_notice::ConflictNotice;
pub use edit_mode::{EditMode, EditModeSwitch};
pub use fact::{FactDate, FactTime};
pub use field_change::{field_changes, FieldChangeLine};
pub use focus::{focus_content, NavigationFocus, CONTENT_ID};
pub use header::SiteHeader;
pub use install_hint::InstallHint;
pub use language::{Language, LanguageSwitch};
pub use links::{AgreementLink, BodyLink, OrganisationName, PersonLink};
pub use next_meeting::NextMeeting;
pub use notices::DataNotices;
pub use page_contents::PageContents;
pub use status_line::StatusLine;
pub use text::{Blocks, SourceList, DATA_LANG};
pub use update_banner::UpdateBanner;
pub use word_diff::WordDiff;
