//! The one reactive store of the app: the data set in a signal, provided as
//! context, with intent-named methods that change it through the core and
//! write the result behind to storage.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::exchange::{self, MergeReport, Origin};
use crate::model::{
    BodyBasics, BodyId, ChangeStamp, Dataset, EditError, MeetingId, PlannedMeeting, RotationStart,
};
use crate::seed;
use crate::storage::{open_browser_store, BrowserStore, MemoryStore, Persistence, SetAside};

/// Something the user must know about the state of their data.
#[derive(Clone, Debug, PartialEq)]
pub enum DataNotice {
    /// Stored data could not be read and was kept aside.
    SetAside(SetAside),
    /// Storage cannot be used at all; changes last until the tab closes.
    StorageUnavailable(String),
    /// The last change could not be saved.
    SaveFailed(String),
    /// The built-in data could not be read (a build defect).
    SeedBroken(String),
}

enum Backend {
    Browser(Persistence<BrowserStore>),
    /// Fallback when the browser's storage cannot be used.
    Memory(Persistence<MemoryStore>),
}

impl Backend {
    fn save(&mut self, data: &Dataset) -> Result<(), crate::storage::StorageError> {
        match self {
            Backend::Browser(p) => p.save(data),
            Backend::Memory(p) => p.save(data),
        }
    }
}

/// The largest exchange file accepted (a ten-year county archive is ~10 MB).
const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;

/// What an import would do, shown before anything changes.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub origin: Origin,
    pub created_at: String,
    pub merged: Dataset,
    pub report: MergeReport,
}

#[derive(Clone, Copy)]
pub struct Repo {
    data: RwSignal<Dataset>,
    notices: RwSignal<Vec<DataNotice>>,
    backend: StoredValue<Backend, LocalStorage>,
    copy_id: StoredValue<String>,
    /// The data before the last import, for undo (this session only).
    before_import: StoredValue<Option<Dataset>>,
}

fn built_in_or_empty(notices: &mut Vec<DataNotice>) -> Dataset {
    seed::built_in().unwrap_or_else(|e| {
        notices.push(DataNotice::SeedBroken(e.to_string()));
        Dataset::default()
    })
}

impl Repo {
    /// Loads the data (stored, or built in on first start) and provides the
    /// store to the component tree.
    pub fn provide() -> Self {
        let mut notices = Vec::new();
        let (data, backend, copy_id) = match open_browser_store() {
            Ok(store) => {
                let mut persistence = Persistence::new(store);
                let copy_id = persistence
                    .copy_id(new_copy_id)
                    .unwrap_or_else(|_| new_copy_id());
                let data = match persistence.load(|| built_in_or_empty(&mut notices)) {
                    Ok(loaded) => {
                        if let Some(set_aside) = loaded.set_aside {
                            notices.push(DataNotice::SetAside(set_aside));
                        }
                        loaded.data
                    }
                    Err(e) => {
                        notices.push(DataNotice::StorageUnavailable(e.to_string()));
                        built_in_or_empty(&mut notices)
                    }
                };
                (data, Backend::Browser(persistence), copy_id)
            }
            Err(e) => {
                notices.push(DataNotice::StorageUnavailable(e.to_string()));
                let data = built_in_or_empty(&mut notices);
                (
                    data,
                    Backend::Memory(Persistence::new(MemoryStore::default())),
                    new_copy_id(),
                )
            }
        };
        let repo = Repo {
            data: RwSignal::new(data),
            notices: RwSignal::new(notices),
            backend: StoredValue::new_local(backend),
            copy_id: StoredValue::new(copy_id),
            before_import: StoredValue::new(None),
        };
        provide_context(repo);
        repo
    }

    pub fn expect_context() -> Self {
        expect_context::<Repo>()
    }

    /// Reads the data set and tracks it: the surrounding closure re-runs
    /// when the data changes. Pages read this way.
    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with(f)
    }

    /// Reads the data set without tracking, for the parts of a view that a
    /// tracking page closure re-creates anyway (component bodies run untracked).
    pub fn snapshot<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with_untracked(f)
    }

    pub fn notices(&self) -> Signal<Vec<DataNotice>> {
        self.notices.into()
    }

    pub fn dismiss_notice(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    fn stamp(&self) -> ChangeStamp {
        ChangeStamp {
            copy_id: self.copy_id.get_value(),
            organisation: None,
            person: None,
            at: js_sys::Date::new_0().to_iso_string().into(),
        }
    }

    /// Changes a body's name and short name.
    pub fn update_body_basics(&self, id: &BodyId, basics: BodyBasics) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.update_body_basics(id, basics, stamp))
    }

    /// Adds a planned meeting to a body; returns its id.
    pub fn plan_meeting(&self, planned: PlannedMeeting) -> Result<MeetingId, EditError> {
        let id = MeetingId::new(format!("{}-{}", planned.body, random_hex()));
        let stamp = self.stamp();
        let new_id = id.clone();
        self.change(|data| data.plan_meeting(planned, new_id, stamp).map(|_| true))?;
        Ok(id)
    }

    /// Removes a planned meeting.
    pub fn cancel_planned_meeting(&self, id: &MeetingId) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.cancel_planned_meeting(id, stamp))
    }

    /// Records when a body's review rule was last carried out.
    pub fn record_review(
        &self,
        body: &BodyId,
        rule: usize,
        date: NaiveDate,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.record_review(body, rule, date, stamp))
    }

    /// Records which party held a rotating office in which year.
    pub fn set_rotation_start(
        &self,
        body: &BodyId,
        office_rule: usize,
        start: RotationStart,
    ) -> Result<(), EditError> {
        let stamp = self.stamp();
        self.change(|data| data.set_rotation_start(body, office_rule, start, stamp))
    }

    /// This copy's data as an exchange file (pretty JSON).
    pub fn export_file(&self) -> String {
        let origin = Origin {
            organisation: None,
            copy_id: self.copy_id.get_value(),
        };
        let now: String = js_sys::Date::new_0().to_iso_string().into();
        self.data
            .with_untracked(|data| exchange::export(data, origin, &now))
    }

    /// Reads an exchange file and shows what importing it would do, without
    /// changing anything.
    pub fn preview_import(&self, text: &str) -> Result<ImportPreview, String> {
        let imported = exchange::parse(text, MAX_IMPORT_BYTES).map_err(|e| e.to_string())?;
        let merged = self
            .data
            .with_untracked(|local| exchange::merge(local, &imported.data))
            .map_err(|e| e.to_string())?;
        let report = self
            .data
            .with_untracked(|local| MergeReport::compare(local, &merged));
        Ok(ImportPreview {
            origin: imported.origin,
            created_at: imported.created_at,
            merged,
            report,
        })
    }

    /// Swaps in the merged data in one step, keeping the previous data so the
    /// import can be undone.
    pub fn apply_import(&self, preview: ImportPreview) {
        let previous = self.data.get_untracked();
        self.before_import.set_value(Some(previous));
        self.data.set(preview.merged);
        self.save_behind();
    }

    pub fn can_undo_import(&self) -> bool {
        self.before_import.with_value(Option::is_some)
    }

    /// Restores the data as it was before the last import.
    pub fn undo_import(&self) -> bool {
        let Some(previous) = self.before_import.try_update_value(Option::take).flatten() else {
            return false;
        };
        self.data.set(previous);
        self.save_behind();
        true
    }

    /// Applies a core change. Readers are notified, and the data saved, only
    /// when something changed: a refused change leaves the views (and any
    /// open form with its message) as they are.
    fn change(
        &self,
        edit: impl FnOnce(&mut Dataset) -> Result<bool, EditError>,
    ) -> Result<(), EditError> {
        let result = self
            .data
            .try_maybe_update(|data| {
                let result = edit(data);
                (matches!(result, Ok(true)), result)
            })
            .unwrap_or_else(|| {
                Err(EditError::Invalid {
                    field: "data",
                    message: "datan är upptagen av en annan ändring; försök igen.".into(),
                })
            });
        if matches!(result, Ok(true)) {
            self.save_behind();
        }
        result.map(|_| ())
    }

    /// Writes the data after the current event has been handled, so the UI
    /// never waits for storage.
    fn save_behind(&self) {
        let repo = *self;
        leptos::task::spawn_local(async move {
            let outcome = repo
                .data
                .with_untracked(|data| repo.backend.try_update_value(|b| b.save(data)));
            if let Some(Err(e)) = outcome {
                repo.notices
                    .update(|n| n.push(DataNotice::SaveFailed(e.to_string())));
            }
        });
    }
}

fn random_hex() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("{random:012x}")
}

fn new_copy_id() -> String {
    format!("copy-{}", random_hex())
}

/// Today's date in the browser's time zone, or the date given by the
/// `?idag=YYYY-MM-DD` query parameter at start (a hook for tests and for
/// looking at what was due on a past day).
pub fn today() -> NaiveDate {
    *TODAY.get_or_init(|| date_from_address().unwrap_or_else(browser_today))
}

static TODAY: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();

fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

fn date_from_address() -> Option<NaiveDate> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("idag="))?
        .parse()
        .ok()
}
