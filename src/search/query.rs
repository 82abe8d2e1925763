//! Answering a query: every query word must match a word of the document
//! (AND); documents are ranked by where and how well their words matched.

use std::cmp::Ordering;

use super::document::Doc;
use super::filter::Filters;
use super::highlight::{highlight, Span};
use super::index::SearchIndex;
use super::text::{compound_tails, fold, variant_key, words, PART_MIN_CHARS, VARIANT_MIN_CHARS};
use super::{HitKind, Target};
use crate::model::Dataset;

/// How a query word matched a word of the text, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// A spelling variant (Öman for Öhman).
    Variant = 1,
    /// The last part of a compound ("prevention" in "suicidprevention").
    Part = 2,
    /// The start of the word ("suicid" in "suicidprevention").
    Prefix = 3,
    /// The whole word.
    Exact = 4,
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QueryWord {
    /// As typed, lower-cased: diacritics that match exactly rank higher.
    pub lower: String,
    pub folded: String,
    /// The spelling-variant key, for words long enough.
    pub variant: Option<String>,
    /// Whether the word may match a compound's last part.
    pub parts: bool,
}

/// A parsed query: its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub(crate) words: Vec<QueryWord>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let words = words(text)
            .map(|range| {
                let word = &text[range];
                let lower = word.to_lowercase();
                let folded = fold(word);
                let chars = folded.chars().count();
                QueryWord {
                    variant: (chars >= VARIANT_MIN_CHARS).then(|| variant_key(&folded)),
                    parts: chars >= PART_MIN_CHARS,
                    lower,
                    folded,
                }
            })
            .collect();
        Self { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words, for showing what was searched.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.folded.as_str())
    }
}

/// A search: the text typed, the filters, and how many hits of each kind to
/// return (all of them for the kinds in `show_all`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub text: String,
    pub filters: Filters,
    pub per_kind: usize,
    pub show_all: Vec<HitKind>,
}

impl Request {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            filters: Filters::default(),
            per_kind: usize::MAX,
            show_all: Vec::new(),
        }
    }

    fn limit(&self, kind: HitKind) -> usize {
        if self.show_all.contains(&kind) {
            usize::MAX
        } else {
            self.per_kind
        }
    }
}

/// One result, ready to draw: its title and an excerpt as spans of plain
/// and highlighted text (the UI draws highlighted spans as `<mark>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub target: Target,
    pub title: Vec<Span>,
    /// Where the hit belongs, e.g. the meeting of a §, the agreement of a section.
    pub context: Option<String>,
    /// The words around the matches in the text, when not every query word
    /// is in the title.
    pub excerpt: Option<Vec<Span>>,
    /// Higher is better.
    pub score: u32,
}

impl Hit {
    /// The title as plain text.
    pub fn title_text(&self) -> String {
        self.title.iter().map(|s| s.text.as_str()).collect()
    }

    /// The excerpt as plain text ("" when none).
    pub fn excerpt_text(&self) -> String {
        self.excerpt
            .iter()
            .flatten()
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// The hits of one kind, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub kind: HitKind,
    /// How many documents of this kind matched; `hits` may hold fewer.
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Everything a search found, grouped by kind in [`HitKind`] order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub groups: Vec<Group>,
    /// All matches, over every kind.
    pub total: usize,
}

impl Results {
    /// Every hit returned, group after group.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }

    pub fn group(&self, kind: HitKind) -> Option<&Group> {
        self.groups.iter().find(|g| g.kind == kind)
    }
}

const ROLE_WEIGHT: u32 = 100;
const KIND_WEIGHT: u32 = 10;
const DIACRITICS_BONUS: u32 = 5;

impl SearchIndex {
    /// Calls `visit(term, how, spelling mask)` for every dictionary word the
    /// query word matches; the mask holds the term's spellings that match the
    /// word as typed, diacritics and all.
    fn each_match(&self, word: &QueryWord, mut visit: impl FnMut(u32, MatchKind, u8)) {
        let key = word.folded.as_str();
        let lo = self
            .sorted
            .partition_point(|&t| self.terms[t as usize].text.as_str() < key);
        let hi = lo
            + self.sorted[lo..].partition_point(|&t| self.terms[t as usize].text.starts_with(key));
        for &t in &self.sorted[lo..hi] {
            let term = &self.terms[t as usize];
            let how = if term.text.len() == key.len() {
                MatchKind::Exact
            } else {
                MatchKind::Prefix
            };
            let mut mask = 0u8;
            for (i, surface) in term.surfaces.iter().enumerate() {
                if surface.starts_with(&word.lower) {
                    mask |= 1 << i.min(7);
                }
            }
            visit(t, how, mask);
        }
        if word.parts && lo < hi {
            let (lo, hi) = (lo as u32, hi as u32);
            let from = self.parts.partition_point(|p| p.0 < lo);
            let to = from + self.parts[from..].partition_point(|p| p.0 < hi);
            for &(_, t) in &self.parts[from..to] {
                visit(t, MatchKind::Part, 0);
            }
        }
        if let Some(variant) = &word.variant {
            let from = self
                .variants
                .partition_point(|v| v.0.as_str() < variant.as_str());
            let to =
                from + self.variants[from..].partition_point(|v| v.0.starts_with(variant.as_str()));
            for &(_, t) in &self.variants[from..to] {
                visit(t, MatchKind::Variant, 0);
            }
        }
    }

    /// The documents that match every word of `query` and pass `filters`,
    /// with their scores, unordered.
    /// Also fills `masks`: per term, the query words it matches (bit i: word i).
    fn matching(&self, query: &Query, filters: &Filters, masks: &mut [u64]) -> Vec<(u32, u32)> {
        let n = self.docs.len();
        let mut total = vec![0u32; n];
        let mut current = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        for (i, word) in query.words.iter().enumerate() {
            touched.clear();
            self.each_match(word, |t, how, mask| {
                masks[t as usize] |= 1 << i.min(63);
                let how = how as u32 * KIND_WEIGHT;
                for p in &self.terms[t as usize].postings {
                    let d = p.doc as usize;
                    if i > 0 && total[d] == 0 {
                        continue;
                    }
                    let mut score = super::document::Role::weight_of(p.roles) * ROLE_WEIGHT + how;
                    if p.surfaces & mask != 0 {
                        score += DIACRITICS_BONUS;
                    }
                    if current[d] == 0 {
                        touched.push(p.doc);
                    }
                    if score > current[d] {
                        current[d] = score;
                    }
                }
            });
            if i == 0 {
                for &d in &touched {
                    let d = d as usize;
                    if self.alive[d] && filters.admits(&self.docs[d].facets) {
                        total[d] = current[d];
                        candidates.push(d as u32);
                    }
                }
            } else {
                candidates.retain(|&d| {
                    let d = d as usize;
                    if current[d] == 0 {
                        total[d] = 0;
                        false
                    } else {
                        total[d] += current[d];
                        true
                    }
                });
            }
            for &d in &touched {
                current[d as usize] = 0;
            }
        }
        candidates
            .into_iter()
            .map(|d| (d, total[d as usize]))
            .collect()
    }

    /// Best first: score, then a shorter title, then newer, then by key, so
    /// that equal hits always come in the same order.
    fn rank(&self, a: &(u32, u32), b: &(u32, u32)) -> Ordering {
        let (da, db) = (&self.docs[a.0 as usize], &self.docs[b.0 as usize]);
        b.1.cmp(&a.1)
            .then(da.title_chars.cmp(&db.title_chars))
            .then(db.day.cmp(&da.day))
            .then_with(|| da.key.cmp(&db.key))
    }

    /// Searches: `data` must be the data set the index was built or last
    /// updated from (the excerpts are cut from its records).
    pub fn search(&self, data: &Dataset, request: &Request) -> Results {
        let query = Query::new(&request.text);
        if query.is_empty() {
            return Results::default();
        }
        let mut by_kind: Vec<Vec<(u32, u32)>> = vec![Vec::new(); HitKind::ALL.len()];
        let mut masks = vec![0u64; self.terms.len()];
        for found in self.matching(&query, &request.filters, &mut masks) {
            by_kind[self.docs[found.0 as usize].kind as usize].push(found);
        }
        let mut results = Results::default();
        for (kind, mut found) in HitKind::ALL.into_iter().zip(by_kind) {
            if found.is_empty() {
                continue;
            }
            let total = found.len();
            let limit = request.limit(kind);
            if limit == 0 {
                found.clear();
            } else if found.len() > limit {
                found.select_nth_unstable_by(limit - 1, |a, b| self.rank(a, b));
                found.truncate(limit);
            }
            found.sort_unstable_by(|a, b| self.rank(a, b));
            let hits = found
                .into_iter()
                .map(|(d, score)| self.hit(data, &self.docs[d as usize], &query, &masks, score))
                .collect();
            results.total += total;
            results.groups.push(Group { kind, total, hits });
        }
        results
    }

    fn hit(&self, data: &Dataset, doc: &Doc, query: &Query, masks: &[u64], score: u32) -> Hit {
        let (title, excerpt) = highlight(self, data, doc, query, masks);
        Hit {
            kind: doc.kind,
            target: doc.target.clone(),
            title,
            context: doc.context.clone(),
            excerpt,
            score,
        }
    }

    /// The query words (bits) the folded word of some text matches: from
    /// `masks` when it is a word of the index, else by comparing.
    pub(crate) fn word_mask(&self, folded: &str, query: &Query, masks: &[u64]) -> u64 {
        match self.term_ids.get(folded) {
            Some(&t) => masks.get(t as usize).copied().unwrap_or(0),
            None => query
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| self.word_match(folded, w).is_some())
                .fold(0, |mask, (i, _)| mask | 1 << i.min(63)),
        }
    }

    /// How `word` (a word of some text) matches the query word, if it does.
    pub(crate) fn word_match(&self, folded: &str, query: &QueryWord) -> Option<MatchKind> {
        if folded.starts_with(&query.folded) {
            return Some(if folded.len() == query.folded.len() {
                MatchKind::Exact
            } else {
                MatchKind::Prefix
            });
        }
        if query.parts
            && compound_tails(folded)
                .any(|tail| tail.starts_with(&query.folded) && self.has_term(tail))
        {
            return Some(MatchKind::Part);
        }
        match &query.variant {
            Some(key)
                if folded.chars().count() >= 2 && variant_key(folded).starts_with(key.as_str()) =>
            {
                Some(MatchKind::Variant)
            }
            _ => None,
        }
    }
}
