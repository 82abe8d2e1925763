//! Search over every record kind. Matching is case-insensitive and tolerant
//! of diacritics (typing "a" finds "å" and "ä"), and each query word must
//! occur as the start of a word ("suicid" finds "suicidprevention").

use crate::model::*;

/// What a hit points at; the UI turns it into a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Body(BodyId),
    Agreement {
        agreement: AgreementId,
        section: Option<usize>,
    },
    Meeting(MeetingId),
    Paragraph {
        meeting: MeetingId,
        number: u32,
    },
    Person(PersonId),
    Organisation(OrganisationId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitKind {
    Body,
    Agreement,
    Paragraph,
    Meeting,
    Person,
    Organisation,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Body => "Organ",
            HitKind::Agreement => "Överenskommelser",
            HitKind::Paragraph => "Paragrafer i protokoll",
            HitKind::Meeting => "Sammanträden",
            HitKind::Person => "Personer",
            HitKind::Organisation => "Organisationer",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub title: String,
    /// A short excerpt around the first match, when it was not in the title.
    pub excerpt: Option<String>,
    pub target: Target,
    /// Higher is better: title matches outrank text matches.
    pub score: u32,
}

/// Lower-case and fold diacritics, keeping one char per input char so that
/// positions in the folded text map back to the original.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' | 'ï' => 'i',
            '–' | '—' => '-',
            other => other,
        })
        .collect()
}

/// A parsed query: its folded words.
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Self {
            words: fold(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Char offset of the first word start in `text` where `word` begins.
    fn find_word(folded: &str, word: &str) -> Option<usize> {
        let mut prev_alnum = false;
        for (byte, c) in folded.char_indices() {
            if !prev_alnum && c.is_alphanumeric() && folded[byte..].starts_with(word) {
                return Some(folded[..byte].chars().count());
            }
            prev_alnum = c.is_alphanumeric();
        }
        None
    }

    /// The char offset of the first query word in `text`, if every word occurs.
    pub fn matches(&self, text: &str) -> Option<usize> {
        let folded = fold(text);
        let mut first = None;
        for word in &self.words {
            let at = Self::find_word(&folded, word)?;
            first = Some(first.map_or(at, |f: usize| f.min(at)));
        }
        first
    }
}

fn excerpt(text: &str, at: usize) -> String {
    const BEFORE: usize = 40;
    const LENGTH: usize = 140;
    let start = at.saturating_sub(BEFORE);
    let chars: Vec<char> = text.chars().collect();
    let end = (start + LENGTH).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Scores a record from its title and its other texts; every query word must
/// occur in the title or in one text.
fn score_record<'a>(
    query: &Query,
    title: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Option<(u32, Option<String>)> {
    if query.matches(title).is_some() {
        return Some((2, None));
    }
    texts
        .into_iter()
        .find_map(|t| query.matches(t).map(|at| (1, Some(excerpt(t, at)))))
}

fn blocks_text(blocks: &[Block]) -> impl Iterator<Item = &str> {
    blocks.iter().flat_map(Block::texts)
}

/// All hits for `text`, best first, grouped by kind.
pub fn search(data: &Dataset, text: &str) -> Vec<Hit> {
    let query = Query::new(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut push = |kind, title: String, scored: Option<(u32, Option<String>)>, target| {
        if let Some((score, excerpt)) = scored {
            hits.push(Hit {
                kind,
                title,
                excerpt,
                target,
                score,
            });
        }
    };

    for body in data.live_bodies() {
        let title = body.display_name();
        let texts = body
            .other_names
            .iter()
            .map(String::as_str)
            .chain(body.mandate.iter().map(String::as_str))
            .chain(blocks_text(&body.description))
            .chain(body.composition.iter().map(|c| c.text.as_str()))
            .chain(body.offices.iter().map(|o| o.text.as_str()))
            .chain(body.meeting_rules.iter().map(|r| r.text.as_str()));
        let scored = score_record(&query, &title, texts);
        push(HitKind::Body, title, scored, Target::Body(body.id.clone()));
    }
    for agreement in data.live_agreements() {
        let scored = score_record(&query, &agreement.title, []);
        push(
            HitKind::Agreement,
            agreement.title.clone(),
            scored,
            Target::Agreement {
                agreement: agreement.id.clone(),
                section: None,
            },
        );
        for (index, section) in agreement.sections.iter().enumerate() {
            let title = match &section.number {
                Some(n) => format!("{} – {n} {}", agreement.title, section.title),
                None => format!("{} – {}", agreement.title, section.title),
            };
            let scored = score_record(&query, &section.title, blocks_text(&section.blocks));
            push(
                HitKind::Agreement,
                title,
                scored,
                Target::Agreement {
                    agreement: agreement.id.clone(),
                    section: Some(index),
                },
            );
        }
    }
    for meeting in data.live_meetings() {
        let title = data.meeting_title(meeting);
        let texts = meeting
            .agenda
            .iter()
            .map(|a| a.title.as_str())
            .chain(
                meeting
                    .agenda
                    .iter()
                    .flat_map(|a| a.documents.iter().map(|d| d.title.as_str())),
            )
            .chain(std::iter::once(meeting.place.as_str()));
        let scored = score_record(&query, &title, texts);
        push(
            HitKind::Meeting,
            title,
            scored,
            Target::Meeting(meeting.id.clone()),
        );
    }
    for paragraph in data.live_paragraphs() {
        let title = format!("§ {} {}", paragraph.number, paragraph.title);
        let texts = blocks_text(&paragraph.background)
            .chain(paragraph.proposal.as_deref())
            .chain(paragraph.decision.as_deref())
            .chain(paragraph.documents.iter().map(|d| d.title.as_str()))
            .chain(paragraph.parts.iter().flat_map(|part| {
                std::iter::once(part.title.as_str())
                    .chain(blocks_text(&part.background))
                    .chain(part.proposal.as_deref())
                    .chain(part.decision.as_deref())
            }));
        let scored = score_record(&query, &title, texts);
        let title = match data.meeting(&paragraph.meeting) {
            Some(meeting) => format!("{title} ({})", data.meeting_title(meeting)),
            None => title,
        };
        push(
            HitKind::Paragraph,
            title,
            scored,
            Target::Paragraph {
                meeting: paragraph.meeting.clone(),
                number: paragraph.number,
            },
        );
    }
    for person in data.live_people() {
        let texts = person
            .name_variants
            .iter()
            .map(String::as_str)
            .chain(person.title.as_deref())
            .chain(person.party.as_deref());
        let scored = score_record(&query, &person.name, texts);
        push(
            HitKind::Person,
            person.name.clone(),
            scored,
            Target::Person(person.id.clone()),
        );
    }
    for org in data.live_organisations() {
        let scored = score_record(
            &query,
            &org.name,
            org.former_names.iter().map(String::as_str),
        );
        push(
            HitKind::Organisation,
            org.name.clone(),
            scored,
            Target::Organisation(org.id.clone()),
        );
    }
    hits.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.score.cmp(&a.score)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_case_and_diacritic_insensitive() {
        assert_eq!(fold("Älvsbyn ÖVERKALIX Åsele"), "alvsbyn overkalix asele");
        assert_eq!(fold("Kurt–Åke"), "kurt-ake");
        assert_eq!(fold("Öhman").chars().count(), "Öhman".chars().count());
    }

    #[test]
    fn matching_cases() {
        let cases = [
            (
                "suicid",
                "Länsgemensam handlingsplan och Suicidprevention",
                true,
            ),
            ("lansstyrgruppen", "Information från Länsstyrgruppen", true),
            ("länsstyr", "Information från Länsstyrgruppen", true),
            ("styrgruppen", "Information från Länsstyrgruppen", false),
            ("nara vard", "Målbild Nära vård och omsorg", true),
            ("nära omsorg", "Målbild Nära vård och omsorg", true),
            ("nära skola", "Målbild Nära vård och omsorg", false),
            ("SOU 2021:34", "vård för barn och unga SOU 2021:34", true),
            ("", "anything", false),
        ];
        for (query, text, expected) in cases {
            let q = Query::new(query);
            let found = !q.is_empty() && q.matches(text).is_some();
            assert_eq!(found, expected, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn excerpts_are_cut_around_the_match() {
        let text = format!("{}suicidprevention{}", "ord ".repeat(25), " ord".repeat(50));
        let at = Query::new("suicid").matches(&text).unwrap();
        let cut = excerpt(&text, at);
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("suicidprevention"));
    }
}
