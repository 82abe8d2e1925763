//! The § form's fields as the secretary writes them, and the § they make:
//! pure, so it is tested natively. As in the meeting form, what the form
//! does not show (parts, a follow-up's body and handling, further
//! follow-ups, a document's official reference) is kept from the § opened.

use super::{blocks_text, parse_date, refused, text_blocks};
use crate::components::form::{enum_from, enum_value, optional};
use crate::i18n::{t, Text};
use crate::model::*;

/// What the § form shows, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ParagraphFields {
    pub number: String,
    pub title: String,
    pub presenters: Vec<PersonId>,
    /// One document title per line.
    pub documents: String,
    pub background: String,
    pub proposal: String,
    pub decision: String,
    pub kind: String,
    /// The first follow-up's text and date ("återrapporteras senast").
    pub follow_up: String,
    pub follow_up_due: String,
    pub disqualified: Vec<PersonId>,
    pub reservations: Vec<PersonId>,
}

fn documents_text(documents: &[DocumentRef]) -> String {
    documents
        .iter()
        .map(|d| d.title.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

impl ParagraphFields {
    pub fn of(paragraph: &Paragraph) -> Self {
        let first = paragraph.follow_ups.first();
        ParagraphFields {
            number: paragraph.number.to_string(),
            title: paragraph.title.clone(),
            presenters: paragraph.presenters.clone(),
            documents: documents_text(&paragraph.documents),
            background: blocks_text(&paragraph.background),
            proposal: paragraph.proposal.clone().unwrap_or_default(),
            decision: paragraph.decision.clone().unwrap_or_default(),
            kind: enum_value(&paragraph.decision_kind),
            follow_up: first.map(|f| f.text.clone()).unwrap_or_default(),
            follow_up_due: super::date_text(first.and_then(|f| f.due)),
            disqualified: paragraph.disqualified.clone(),
            reservations: paragraph.reservations.clone(),
        }
    }

    /// The § these fields make of `opened`.
    pub fn paragraph(&self, opened: &Paragraph) -> Result<Paragraph, EditError> {
        let Ok(number) = self.number.trim().parse::<u32>() else {
            return Err(refused("number", t(Text::EditParagraphNumber)));
        };
        let documents = if self.documents == documents_text(&opened.documents) {
            opened.documents.clone()
        } else {
            self.documents
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|title| {
                    // A document kept by title keeps its official reference.
                    opened
                        .documents
                        .iter()
                        .find(|d| d.title == title)
                        .cloned()
                        .unwrap_or(DocumentRef {
                            title: title.to_owned(),
                            reference: None,
                        })
                })
                .collect()
        };
        let due = parse_date(&self.follow_up_due, "follow_ups")
            .map_err(|_| refused("follow_ups", t(Text::EditFollowUpDate)))?;
        let text = self.follow_up.trim();
        let mut follow_ups = opened.follow_ups.clone();
        let shown = ParagraphFields::of(opened);
        if (self.follow_up.as_str(), self.follow_up_due.as_str())
            != (shown.follow_up.as_str(), shown.follow_up_due.as_str())
        {
            match (text.is_empty() && due.is_none(), follow_ups.first_mut()) {
                (true, Some(_)) => {
                    follow_ups.remove(0);
                }
                (true, None) => {}
                (false, Some(first)) => {
                    first.text = text.to_owned();
                    first.due = due;
                }
                (false, None) => follow_ups.push(PromisedFollowUp {
                    text: text.to_owned(),
                    due,
                    to_body: None,
                    handled_in: None,
                }),
            }
        }
        Ok(Paragraph {
            number,
            title: self.title.trim().to_owned(),
            presenters: self.presenters.clone(),
            documents,
            background: text_blocks(&opened.background, &self.background),
            proposal: optional(&self.proposal),
            decision: optional(&self.decision),
            decision_kind: enum_from(&self.kind).unwrap_or(opened.decision_kind),
            follow_ups,
            disqualified: self.disqualified.clone(),
            reservations: self.reservations.clone(),
            ..opened.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::due::{due_items, DueSource, Urgency};

    const MINUTES: &str = "nb-psb-2021-protokoll";

    fn stamp() -> ChangeStamp {
        ChangeStamp {
            copy_id: "c".into(),
            writer: None,
            organisation: None,
            person: None,
            at: "2026-11-22T10:00:00Z".into(),
        }
    }

    /// The built-in data with the 2021 minutes in draft, and their § 4.
    fn data() -> (Dataset, Paragraph) {
        let mut data = crate::seed::built_in().unwrap();
        for m in &mut data.meetings {
            if m.id.as_str() == MINUTES {
                m.minutes = MinutesState::Draft;
            }
        }
        let p = data
            .paragraphs_of(&MeetingId::new(MINUTES))
            .into_iter()
            .find(|p| p.number == 4)
            .unwrap()
            .clone();
        (data, p)
    }

    fn saved(data: &Dataset, id: &ParagraphId) -> Paragraph {
        data.live_paragraphs()
            .find(|p| &p.id == id)
            .unwrap()
            .clone()
    }

    #[test]
    fn every_built_in_paragraph_comes_back_unchanged_from_its_form() {
        let data = crate::seed::built_in().unwrap();
        for p in data.live_paragraphs() {
            assert_eq!(
                ParagraphFields::of(p).paragraph(p).as_ref(),
                Ok(p),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn a_report_back_with_a_date_reaches_att_gora() {
        let (mut data, opened) = data();
        let mut fields = ParagraphFields::of(&opened);
        fields.title = "Lägesbild e-hälsa".into();
        fields.follow_up = String::new();
        fields.follow_up_due = String::new();
        let cleared = fields.paragraph(&opened).unwrap();
        // The seed's promise of § 4 is the first follow-up; clearing the
        // fields removes it.
        assert_eq!(cleared.follow_ups.len(), opened.follow_ups.len() - 1);

        let mut fields = ParagraphFields::of(&opened);
        fields.follow_up = "Återrapporteras till beredningen.".into();
        fields.follow_up_due = "2026-12-15".into();
        let edited = fields.paragraph(&opened).unwrap();
        data.save_from(&opened, edited, stamp()).unwrap();
        let after = saved(&data, &opened.id);
        assert_eq!(after.follow_ups[0].due, "2026-12-15".parse().ok());
        let items = due_items(&data, "2026-12-01".parse().unwrap());
        let item = items
            .iter()
            .find(|i| i.detail.starts_with("Återrapporteras till beredningen."))
            .expect("the report-back in Att göra");
        assert_eq!(item.date, "2026-12-15".parse().ok());
        assert_eq!(item.urgency, Urgency::Upcoming);
        assert_eq!(
            item.source,
            DueSource::Paragraph {
                meeting: MeetingId::new(MINUTES),
                number: 4
            }
        );
        let late = due_items(&data, "2026-12-16".parse().unwrap());
        let item = late
            .iter()
            .find(|i| i.detail.starts_with("Återrapporteras till beredningen."))
            .unwrap();
        assert_eq!(item.urgency, Urgency::Overdue);
    }

    #[test]
    fn decision_as_proposed_presenters_documents_jav_and_reservation() {
        let (mut data, opened) = data();
        let mut fields = ParagraphFields::of(&opened);
        fields.proposal = "Informationen läggs till handlingarna.".into();
        fields.decision = fields.proposal.clone();
        fields.presenters = vec![PersonId::new("p-anneli-granberg")];
        fields.documents = "Lägesrapport\n\n SOU 2021:34 ".into();
        fields.disqualified = vec![PersonId::new("p-erika-sjoo")];
        fields.reservations = vec![PersonId::new("p-johnny-astrom")];
        let edited = fields.paragraph(&opened).unwrap();
        data.save_from(&opened, edited, stamp()).unwrap();
        let after = saved(&data, &opened.id);
        assert_eq!(
            after.decision.as_deref(),
            Some("Informationen läggs till handlingarna.")
        );
        assert_eq!(after.presenters, [PersonId::new("p-anneli-granberg")]);
        let titles: Vec<&str> = after.documents.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, ["Lägesrapport", "SOU 2021:34"]);
        assert_eq!(after.disqualified, [PersonId::new("p-erika-sjoo")]);
        assert_eq!(after.reservations, [PersonId::new("p-johnny-astrom")]);
        assert_eq!(
            after.parts, opened.parts,
            "parts the form does not show stay"
        );
    }

    #[test]
    fn a_date_that_is_no_date_is_refused() {
        let (_, opened) = data();
        let mut fields = ParagraphFields::of(&opened);
        fields.follow_up_due = "snart".into();
        let Err(EditError::Rejected(errors)) = fields.paragraph(&opened) else {
            panic!("refused")
        };
        assert_eq!(errors[0].field, "follow_ups");
    }
}
