//! The editor's rules applied to what a file would change: every record an
//! import adds or changes must be one the editor would have saved (see
//! `model::validation`: ranges, § numbering, references to live records,
//! and the lock of adjusted minutes, which change only by addenda). A record
//! that breaks a rule is named with its field and left out of the import;
//! the rest can still be imported.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::hash::Hash;

use crate::i18n::{tf, Text};
use crate::model::{
    changed_fields, field_label, record_fields, Dataset, Editable, FieldError, Index, Lookup,
    Meeting, Paragraph, RecordRef, Rules,
};

use super::limits::RecordFault;
use super::merge::{merge, MergeError};
use super::scope::without;

/// How many times the records left out are taken away and the rest merged
/// again (a record left out can leave another one referring to nothing,
/// which is then left out in the next round). Real files settle in one or
/// two; the bound keeps a hostile chain from costing more.
const ROUNDS: usize = 8;

/// What an import would do once the records that break a rule are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Screened {
    /// The file's records without the ones left out.
    pub incoming: Dataset,
    /// `incoming` merged into the local data.
    pub merged: Dataset,
    /// The records left out, each with the field and the rule it breaks
    /// (the first rule per record).
    pub refused: Vec<Refused>,
}

/// A record left out: what is wrong, and the record's title (see [`title`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub fault: RecordFault,
    pub title: String,
}

/// As the preview lists it: kind, title, field and why.
impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tf(
            Text::ImportRecordFault,
            &[
                &self.fault.record.kind_label(),
                &self.title,
                &field_label(&self.fault.field),
                &self.fault.problem,
            ],
        ))
    }
}

/// A record's title as this copy knows it, or, when it is new here, as the
/// merge that brought it names it.
fn title(record: &RecordRef, local: &Dataset, merged: &Dataset) -> String {
    match record.title(local) {
        unknown if unknown == record.id => record.title(merged),
        known => known,
    }
}

/// Merges `incoming` into `local`, leaving out every record whose merged
/// version breaks a rule the editor applies, until none does.
pub fn screen(local: &Dataset, incoming: &Dataset) -> Result<Screened, MergeError> {
    let mut incoming = incoming.clone();
    let mut refused: Vec<Refused> = vec![];
    for _ in 0..ROUNDS {
        let merged = merge(local, &incoming)?;
        let found = rule_faults(local, &incoming, &merged);
        if found.is_empty() {
            return Ok(Screened {
                incoming,
                merged,
                refused,
            });
        }
        let left_out: BTreeSet<RecordRef> = found.iter().map(|f| f.record.clone()).collect();
        incoming = without(&incoming, &left_out);
        refused.extend(found.into_iter().map(|fault| Refused {
            title: title(&fault.record, local, &merged),
            fault,
        }));
    }
    let merged = merge(local, &incoming)?;
    Ok(Screened {
        incoming,
        merged,
        refused,
    })
}

/// The records `merged` adds to or changes in `local` that break a rule,
/// one fault per record: the lock of adjusted minutes first, then the
/// record's own rules. A rule a record already broke locally is not the
/// file's doing (transcribed data may lack what a form asks for) and is
/// not held against it; nor is one that only the merge of two valid
/// versions breaks (the file's record keeps it, in the merged data): each
/// copy saved what its editor allowed, and leaving the record out would
/// keep the two copies apart for good.
pub fn rule_faults(local: &Dataset, incoming: &Dataset, merged: &Dataset) -> Vec<RecordFault> {
    let mut faults = vec![];
    let data = Sides {
        local,
        incoming,
        merged,
        local_index: Index::new(local),
        merged_index: Index::new(merged),
    };
    faults_of::<crate::model::County>(&data, &mut faults);
    faults_of::<crate::model::SourceDocument>(&data, &mut faults);
    faults_of::<crate::model::Organisation>(&data, &mut faults);
    faults_of::<crate::model::Person>(&data, &mut faults);
    faults_of::<crate::model::Body>(&data, &mut faults);
    faults_of::<crate::model::Relation>(&data, &mut faults);
    faults_of::<crate::model::Membership>(&data, &mut faults);
    faults_of::<crate::model::Agreement>(&data, &mut faults);
    faults_of::<Meeting>(&data, &mut faults);
    faults_of::<Paragraph>(&data, &mut faults);
    faults_of::<crate::model::BodyPosition>(&data, &mut faults);
    faults
}

/// The data a file's records are checked in, each side indexed once for
/// all its records (the rules look records up by id, and a file can
/// change thousands).
struct Sides<'a> {
    local: &'a Dataset,
    incoming: &'a Dataset,
    merged: &'a Dataset,
    local_index: Index<'a>,
    merged_index: Index<'a>,
}

fn faults_of<R>(sides: &Sides, faults: &mut Vec<RecordFault>)
where
    R: Editable + PartialEq + Locking,
    R::Id: fmt::Display + Eq + Hash,
{
    let Sides {
        local,
        incoming,
        merged,
        ref local_index,
        ref merged_index,
    } = *sides;
    let before: HashMap<&R::Id, &R> = R::records(local).iter().map(|r| (r.id(), r)).collect();
    let sent: HashMap<&R::Id, &R> = R::records(incoming).iter().map(|r| (r.id(), r)).collect();
    for record in R::records(merged) {
        let was = before.get(record.id()).copied();
        if was == Some(record) {
            continue;
        }
        let fault = |(field, problem): Broken| RecordFault {
            record: record.reference(),
            field,
            problem,
        };
        if let Some(broken) = R::lock_broken(was, record, local_index) {
            faults.push(fault(broken));
            continue;
        }
        if !record.is_live() {
            continue;
        }
        let known: Vec<FieldError> = was
            .filter(|w| w.is_live())
            .map(|w| w.validate(local_index))
            .unwrap_or_default();
        let sent_breaks = |error: &FieldError| {
            sent.get(record.id())
                .is_none_or(|r| !r.is_live() || r.validate(merged_index).contains(error))
        };
        if let Some(error) = record
            .validate(merged_index)
            .into_iter()
            .find(|e| !known.contains(e) && sent_breaks(e))
        {
            faults.push(fault((error.field.to_owned(), error.message)));
        }
    }
}

/// What a locked record (adjusted minutes and their §) may receive from a
/// file: only what the justering workflow itself adds elsewhere.
trait Locking: Sized {
    /// Why `now` (the merged record) breaks the lock `was` (the local
    /// record, `None` when new here) is under in `local`, if it does.
    fn lock_broken(was: Option<&Self>, now: &Self, local: &impl Lookup) -> Option<Broken>;
}

/// A broken rule: the field and why.
type Broken = (String, String);

/// The first field other than `allowed` in which `now` differs from
/// `was` (deletion included), with the lock's message.
fn changed_besides<R: Editable>(was: &R, now: &R, allowed: &[&str], why: String) -> Option<Broken>
where
    R::Id: fmt::Display,
{
    let field = changed_fields(&record_fields(was), &record_fields(now))
        .into_iter()
        .find(|f| !allowed.contains(&f.as_str()))?;
    Some((field, why))
}

impl Locking for Meeting {
    fn lock_broken(was: Option<&Self>, now: &Self, local: &impl Lookup) -> Option<Broken> {
        let was = was?;
        let why = was.locked(local)?;
        // An addendum recorded elsewhere is the one change adjusted minutes
        // take; one taken away or rewritten is not.
        if was.addenda.iter().any(|a| !now.addenda.contains(a)) {
            return Some(("addenda".into(), why));
        }
        changed_besides(was, now, &["addenda"], why)
    }
}

impl Locking for Paragraph {
    fn lock_broken(was: Option<&Self>, now: &Self, local: &impl Lookup) -> Option<Broken> {
        match was {
            Some(was) => {
                let why = was.locked(local)?;
                changed_besides(was, now, &[], why)
            }
            // A § added to adjusted minutes.
            None => now.locked(local).map(|why| ("number".into(), why)),
        }
    }
}

macro_rules! never_locked {
    ($($ty:ty),*) => {$(
        impl Locking for $ty {
            fn lock_broken(_: Option<&Self>, _: &Self, _: &impl Lookup) -> Option<Broken> {
                None
            }
        }
    )*};
}

never_locked!(
    crate::model::County,
    crate::model::SourceDocument,
    crate::model::Organisation,
    crate::model::Person,
    crate::model::Body,
    crate::model::Relation,
    crate::model::Membership,
    crate::model::Agreement,
    crate::model::BodyPosition
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BodyPosition, ChangeStamp, MeetingId, MinutesState, Rules, LOCKED_MINUTES};

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "kopia-x".into(),
            writer: None,
            organisation: Some("Kommun X".into()),
            person: None,
            at: "2026-12-01T10:00:00+01:00".into(),
        }
    }

    fn local() -> Dataset {
        crate::seed::built_in().expect("the built-in data set")
    }

    fn adjusted_meeting(data: &Dataset) -> MeetingId {
        data.meetings
            .iter()
            .find(|m| {
                matches!(m.minutes, MinutesState::Adjusted { .. })
                    && !data.paragraphs_of(&m.id).is_empty()
            })
            .expect("adjusted minutes with §")
            .id
            .clone()
    }

    /// `data` with minutes not yet adjusted and without §, as a meeting
    /// planned here (the built-in minutes are all adjusted).
    fn with_open_meeting(mut data: Dataset) -> (Dataset, MeetingId) {
        let mut meeting = data.meetings[0].clone();
        meeting.id = "mote-planerat".into();
        meeting.minutes = MinutesState::Draft;
        meeting.addenda.clear();
        meeting.signatures.clear();
        meeting.meta = Default::default();
        data.meetings.push(meeting);
        (data, "mote-planerat".into())
    }

    /// A file from another copy: `local` with `change` made to it there.
    fn file(local: &Dataset, change: impl FnOnce(&mut Dataset)) -> Dataset {
        let mut remote = local.clone();
        change(&mut remote);
        remote
    }

    fn new_paragraph(data: &Dataset, meeting: &MeetingId, id: &str, number: u32) -> Paragraph {
        let mut paragraph = data.paragraphs[0].clone();
        paragraph.id = id.into();
        paragraph.meeting = meeting.clone();
        paragraph.number = number;
        paragraph.title = "Ny paragraf".into();
        paragraph.meta = Default::default();
        paragraph.meta.touch(stamp());
        paragraph
    }

    fn faults(local: &Dataset, incoming: &Dataset) -> Vec<(String, String, String)> {
        screen(local, incoming)
            .expect("merges")
            .refused
            .into_iter()
            .map(|r| (r.fault.record.id, r.fault.field, r.fault.problem))
            .collect()
    }

    /// One copy moves a seat's start, another its end, each within the
    /// editor's rules; merged, the seat ends before it starts. Leaving the
    /// file's record out would keep the two copies apart for good: the
    /// combination is taken (its integrity shows on the record).
    #[test]
    fn two_valid_edits_that_combine_into_a_broken_record_are_taken() {
        use chrono::NaiveDate;
        let date = |y| NaiveDate::from_ymd_opt(y, 1, 1);
        let mut base = local();
        let i = base
            .memberships
            .iter()
            .position(|m| !m.meta.deleted)
            .expect("a seat");
        let opened = base.memberships[i].clone();
        let mut edited = opened.clone();
        (edited.from, edited.to) = (date(2019), date(2030));
        base.save_from(&opened, edited, stamp()).unwrap();
        let id = base.memberships[i].id.clone();
        let at = |copy: &str, at: &str| ChangeStamp {
            copy_id: copy.into(),
            at: at.into(),
            ..stamp()
        };
        let edit = |data: &mut Dataset, from, to, stamp| {
            let opened = data.memberships[i].clone();
            let mut edited = opened.clone();
            (edited.from, edited.to) = (from, to);
            data.save_from(&opened, edited, stamp).unwrap();
        };
        let here = file(&base, |d| {
            edit(
                d,
                date(2025),
                date(2030),
                at("kopia-a", "2026-12-02T10:00:00Z"),
            )
        });
        let there = file(&base, |d| {
            edit(
                d,
                date(2019),
                date(2020),
                at("kopia-b", "2026-12-02T11:00:00Z"),
            )
        });
        for (local, incoming) in [(&here, &there), (&there, &here)] {
            let screened = screen(local, incoming).unwrap();
            assert!(screened.refused.is_empty(), "{:?}", screened.refused);
            let seat = screened
                .merged
                .memberships
                .iter()
                .find(|m| m.id == id)
                .unwrap();
            assert_eq!((seat.from, seat.to), (date(2025), date(2020)));
        }
    }

    #[test]
    fn a_file_that_changes_nothing_is_taken_whole() {
        let local = local();
        let screened = screen(&local, &local).unwrap();
        assert!(screened.refused.is_empty());
        assert_eq!(screened.merged, local);
    }

    #[test]
    fn a_paragraph_of_adjusted_minutes_rewritten_as_a_change_is_left_out() {
        let local = local();
        let meeting = adjusted_meeting(&local);
        let target = local.paragraphs_of(&meeting)[0].id.clone();
        let incoming = file(&local, |d| {
            let p = d.paragraphs.iter_mut().find(|p| p.id == target).unwrap();
            p.title = "Omskrivet i efterhand".into();
            p.meta.touch_fields(stamp(), &["title"]);
        });
        assert_eq!(
            faults(&local, &incoming),
            vec![(target.to_string(), "title".into(), LOCKED_MINUTES.into())]
        );
        let screened = screen(&local, &incoming).unwrap();
        assert_eq!(screened.merged, local, "nothing of the rewrite comes in");
    }

    #[test]
    fn an_addendum_to_adjusted_minutes_comes_in_and_a_rewritten_one_does_not() {
        let mut local = local();
        let meeting = adjusted_meeting(&local);
        let addendum = crate::model::NewAddendum {
            kind: crate::model::AddendumKind::Addition,
            paragraph: None,
            text: "Tillägg".into(),
            reason: "Glömdes".into(),
        };
        let added = file(&local, |d| {
            d.add_addendum(&meeting, addendum.clone(), stamp()).unwrap();
        });
        let screened = screen(&local, &added).unwrap();
        assert!(screened.refused.is_empty(), "{:?}", screened.refused);
        assert_eq!(screened.merged, added);

        // An addendum rewritten (however a file would bring it about).
        local = added;
        let was = local.meeting(&meeting).unwrap().clone();
        let mut now = was.clone();
        let last = now.addenda.len() - 1;
        now.addenda[last].text = "Något annat än det som skrevs".into();
        assert_eq!(
            Meeting::lock_broken(Some(&was), &now, &local),
            Some(("addenda".into(), LOCKED_MINUTES.into()))
        );
    }

    #[test]
    fn a_paragraph_added_to_adjusted_minutes_is_left_out() {
        let local = local();
        let meeting = adjusted_meeting(&local);
        let incoming = file(&local, |d| {
            let p = new_paragraph(d, &meeting, "p-efterhand", 99);
            d.paragraphs.push(p);
        });
        assert_eq!(
            faults(&local, &incoming),
            vec![("p-efterhand".into(), "number".into(), LOCKED_MINUTES.into())]
        );
    }

    #[test]
    fn a_duplicate_paragraph_number_and_paragraph_0_are_left_out_the_rest_comes_in() {
        let (mut local, meeting) = with_open_meeting(local());
        let mut first = new_paragraph(&local, &meeting, "p-forsta", 1);
        first.meta = Default::default();
        local.paragraphs.push(first);
        let taken = 1;
        let incoming = file(&local, |d| {
            let twice = new_paragraph(d, &meeting, "p-dubbel", taken);
            let zero = new_paragraph(d, &meeting, "p-noll", 0);
            let fine = new_paragraph(d, &meeting, "p-ny", 9_000);
            d.paragraphs.extend([twice, zero, fine]);
        });
        let found = faults(&local, &incoming);
        let ids: Vec<&str> = found.iter().map(|(id, _, _)| id.as_str()).collect();
        let fields: Vec<&str> = found.iter().map(|(_, f, _)| f.as_str()).collect();
        assert_eq!(ids, ["p-dubbel", "p-noll"]);
        assert!(found[0].2.contains(&format!("§ {taken}")), "{found:?}");
        assert!(fields.iter().all(|f| *f == "number"), "{found:?}");
        let merged = screen(&local, &incoming).unwrap().merged;
        assert!(merged.paragraphs.iter().any(|p| p.id.as_str() == "p-ny"));
    }

    #[test]
    fn a_position_out_of_range_is_left_out() {
        let local = local();
        let body = local.bodies[0].id.clone();
        let incoming = file(&local, |d| {
            let mut position = BodyPosition {
                id: BodyPosition::id_for(&body),
                meta: Default::default(),
                body: body.clone(),
                x: 1e308,
                y: 10.0,
            };
            position.meta.touch_fields(stamp(), &["body", "x", "y"]);
            d.positions.push(position);
        });
        let found = faults(&local, &incoming);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            (BodyPosition::id_for(&body).as_str(), "position")
        );
        assert!(
            found[0].2.contains("1e308") || found[0].2.contains("100000000"),
            "{found:?}"
        );
    }

    #[test]
    fn a_reference_to_a_record_not_here_is_left_out_and_so_is_what_needed_it() {
        let (local, meeting) = with_open_meeting(local());
        let incoming = file(&local, |d| {
            let mut membership = d.memberships[0].clone();
            membership.id = "m-okand".into();
            membership.person = "p-finns-inte".into();
            membership.meta = Default::default();
            membership.meta.touch(stamp());
            d.memberships.push(membership);
            let p = new_paragraph(d, &meeting, "p-ok", 9_001);
            d.paragraphs.push(p);
        });
        let found = faults(&local, &incoming);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("m-okand", "person")
        );
        assert!(found[0].2.contains("p-finns-inte"), "{found:?}");
        let screened = screen(&local, &incoming).unwrap();
        assert!(screened.merged.check_references().is_clean());
        assert!(screened
            .merged
            .paragraphs
            .iter()
            .any(|p| p.id.as_str() == "p-ok"));
    }

    #[test]
    fn a_rule_the_record_already_broke_here_is_not_the_files_doing() {
        let mut local = local();
        let body = local.bodies[0].id.clone();
        let at = local.bodies.iter().position(|b| b.id == body).unwrap();
        local.bodies[at].name = String::new();
        assert!(!local.bodies[at].validate(&local).is_empty());
        let incoming = file(&local, |d| {
            d.bodies[at].short_name = Some("KORT".into());
            d.bodies[at].meta.touch_fields(stamp(), &["short_name"]);
        });
        assert_eq!(faults(&local, &incoming), vec![]);
    }
}
