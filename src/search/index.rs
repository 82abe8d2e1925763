//! The inverted index: every word of every document, folded, with the
//! documents it occurs in. Built once from a data set and then updated
//! record by record as the data set changes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::document::{documents, for_each_field, Doc, Role};
use super::text::{compound_tails, fold_into, lower_into, variant_key, words};
use crate::model::Dataset;

/// One folded word and where it occurs.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    /// The folded word ("umea").
    pub text: String,
    /// The lower-case spellings found ("umeå", "umea"); a posting says which
    /// of the first eight occur in its document (the ninth and later share bit 7).
    pub surfaces: Vec<String>,
    pub postings: Vec<Posting>,
}

/// A word in one document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub doc: u32,
    /// The [`Role`]s of the fields it occurs in, as bits.
    pub roles: u8,
    /// The spellings ([`Term::surfaces`]) it occurs with, as bits.
    pub surfaces: u8,
}

/// The index of a data set. `build` makes it, `update` brings it up to date
/// with a changed data set, re-indexing only the records whose versions
/// (or those of the records their documents draw on) changed; `search`
/// (in `query.rs`) answers queries.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    pub(crate) docs: Vec<Doc>,
    pub(crate) alive: Vec<bool>,
    /// Live documents by key.
    slots: HashMap<String, u32>,
    pub(crate) terms: Vec<Term>,
    pub(crate) term_ids: HashMap<String, u32, BuildHasherDefault<WordHasher>>,
    /// Term ids in the order of their text, for prefix ranges.
    pub(crate) sorted: Vec<u32>,
    /// (variant key, term id), by key.
    pub(crate) variants: Vec<(String, u32)>,
    /// (position in `sorted` of a compound's last part, the compound's term
    /// id), by position: a prefix range of `sorted` is a range here too.
    pub(crate) parts: Vec<(u32, u32)>,
    dead: usize,
}

/// What an update did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UpdateStats {
    /// Documents (re-)indexed.
    pub indexed: usize,
    /// Documents dropped (their record was deleted, or changed).
    pub dropped: usize,
    /// Whether the whole index was rebuilt (too many dropped documents).
    pub rebuilt: bool,
}

/// Buffers reused from word to word.
#[derive(Default)]
struct Scratch {
    lower: String,
    folded: String,
    found: Vec<(u32, u8, u8)>,
}

impl SearchIndex {
    /// Indexes every live record of `data`.
    pub fn build(data: &Dataset) -> Self {
        let mut index = SearchIndex::default();
        let mut scratch = Scratch::default();
        for doc in documents(data) {
            index.add(doc, data, &mut scratch);
        }
        index.derive();
        index
    }

    /// Brings the index up to date with `data`: documents whose fingerprint
    /// changed are indexed again, those of deleted records dropped. The
    /// result answers every query as `build(data)` would.
    pub fn update(&mut self, data: &Dataset) -> UpdateStats {
        let mut stats = UpdateStats::default();
        let mut seen = vec![false; self.docs.len()];
        let mut scratch = Scratch::default();
        let terms_before = self.terms.len();
        for doc in documents(data) {
            match self.slots.get(&doc.key).map(|&s| s as usize) {
                Some(slot) if self.docs[slot].fingerprint == doc.fingerprint => {
                    // Unchanged; the record may have moved in its list.
                    self.docs[slot].source = doc.source;
                    seen[slot] = true;
                }
                Some(slot) => {
                    self.drop_slot(slot);
                    stats.dropped += 1;
                    self.add(doc, data, &mut scratch);
                    stats.indexed += 1;
                }
                None => {
                    self.add(doc, data, &mut scratch);
                    stats.indexed += 1;
                }
            }
        }
        for (slot, seen) in seen.into_iter().enumerate() {
            if !seen && self.alive[slot] {
                self.drop_slot(slot);
                stats.dropped += 1;
            }
        }
        if self.dead > 64 && self.dead * 4 > self.docs.len() {
            *self = Self::build(data);
            stats.rebuilt = true;
        } else if self.terms.len() != terms_before {
            self.derive();
        }
        stats
    }

    /// How many documents are searched.
    pub fn len(&self) -> usize {
        self.docs.len() - self.dead
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many distinct folded words the index holds.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    fn drop_slot(&mut self, slot: usize) {
        if self.alive[slot] {
            self.alive[slot] = false;
            self.dead += 1;
            self.slots.remove(&self.docs[slot].key);
        }
    }

    fn add(&mut self, doc: Doc, data: &Dataset, scratch: &mut Scratch) {
        let slot = self.docs.len() as u32;
        scratch.found.clear();
        let (terms, term_ids) = (&mut self.terms, &mut self.term_ids);
        for_each_field(&doc, data, |role, text| {
            for range in words(text) {
                let word = &text[range];
                scratch.lower.clear();
                lower_into(word, &mut scratch.lower);
                scratch.folded.clear();
                fold_into(word, &mut scratch.folded);
                let id = match term_ids.get(scratch.folded.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = terms.len() as u32;
                        terms.push(Term {
                            text: scratch.folded.clone(),
                            surfaces: Vec::new(),
                            postings: Vec::new(),
                        });
                        term_ids.insert(scratch.folded.clone(), id);
                        id
                    }
                };
                let surfaces = &mut terms[id as usize].surfaces;
                let surface = match surfaces.iter().position(|s| *s == scratch.lower) {
                    Some(at) => at,
                    None => {
                        surfaces.push(scratch.lower.clone());
                        surfaces.len() - 1
                    }
                };
                scratch.found.push((id, role as u8, 1u8 << surface.min(7)));
            }
        });
        scratch.found.sort_unstable_by_key(|f| f.0);
        let mut i = 0;
        while i < scratch.found.len() {
            let (id, mut roles, mut surfaces) = scratch.found[i];
            i += 1;
            while i < scratch.found.len() && scratch.found[i].0 == id {
                roles |= scratch.found[i].1;
                surfaces |= scratch.found[i].2;
                i += 1;
            }
            self.terms[id as usize].postings.push(Posting {
                doc: slot,
                roles,
                surfaces,
            });
        }
        self.slots.insert(doc.key.clone(), slot);
        self.docs.push(doc);
        self.alive.push(true);
    }

    /// Makes the tables derived from the dictionary: the sorted order, the
    /// variant keys and the compound parts.
    fn derive(&mut self) {
        let terms = &self.terms;
        let mut sorted: Vec<u32> = (0..terms.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| terms[a as usize].text.cmp(&terms[b as usize].text));
        let mut rank = vec![0u32; terms.len()];
        for (pos, &id) in sorted.iter().enumerate() {
            rank[id as usize] = pos as u32;
        }
        let mut variants: Vec<(String, u32)> = terms
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text.chars().count() >= 2)
            .map(|(id, t)| (variant_key(&t.text), id as u32))
            .collect();
        variants.sort_unstable();
        let mut parts = Vec::new();
        for (id, term) in terms.iter().enumerate() {
            for tail in compound_tails(&term.text) {
                if let Some(&part) = self.term_ids.get(tail) {
                    parts.push((rank[part as usize], id as u32));
                }
            }
        }
        parts.sort_unstable();
        parts.dedup();
        self.sorted = sorted;
        self.variants = variants;
        self.parts = parts;
    }

    /// Whether the folded word is a word of the index (for compound parts).
    pub(crate) fn has_term(&self, folded: &str) -> bool {
        self.term_ids.contains_key(folded)
    }
}

impl Role {
    /// The weight of the best role among `roles` (bits).
    pub(crate) fn weight_of(roles: u8) -> u32 {
        if roles & Role::Title as u8 != 0 {
            3
        } else if roles & Role::Alt as u8 != 0 {
            2
        } else {
            1
        }
    }
}

/// FxHash (as in rustc): a fast hash for the short words of the dictionary,
/// which is looked up once per word indexed. Not resistant to crafted
/// collisions, which cost only time here.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut hash = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
