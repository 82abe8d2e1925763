//! One component per page; each reads the store and renders one record kind.

mod accessibility;
mod agreement;
mod agreements;
mod bodies;
mod body;
mod body_rules;
mod diagram;
mod due;
pub mod edit;
mod exchange;
mod meetings;
mod minutes;
mod not_found;
mod overview;
mod people;
mod person;
mod search;
mod settings;
mod settings_signing;
mod settings_storage;

pub use accessibility::AccessibilityPage;
pub use agreement::AgreementPage;
pub use agreements::AgreementList;
pub use bodies::BodyList;
pub use body::BodyPage;
pub use diagram::DiagramPage;
pub use due::DuePage;
pub use exchange::ExchangePage;
pub use meetings::MeetingList;
pub use minutes::MinutesPage;
pub use not_found::{NotFound, RecordNotFound};
pub use overview::Overview;
pub use people::PeopleList;
pub use person::PersonPage;
pub use search::{
    filters_of, keep_search_index_current, prepare_search_index, search_href, SearchPage,
};
pub use settings::SettingsPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` segment of the current route.
fn use_id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}
