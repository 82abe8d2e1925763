//! The matched words in context: a hit's title and an excerpt of its text
//! as spans of plain and highlighted text. Spans are text, never markup.

use std::ops::Range;

use super::document::{for_each_field, Doc, Role};
use super::index::SearchIndex;
use super::query::Query;
use super::text::{fold_into, words};
use crate::model::Dataset;

/// A piece of a title or excerpt; `marked` pieces are the matched words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub text: String,
    pub marked: bool,
}

impl Span {
    fn push(spans: &mut Vec<Span>, text: &str, marked: bool) {
        if text.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_owned(),
                marked,
            }),
        }
    }
}

/// Chars of context before the first match in an excerpt.
const BEFORE: usize = 50;
/// Chars an excerpt holds at most (plus ellipses).
const LENGTH: usize = 200;

/// The matched words of `text` (byte ranges) and which query words they
/// match (bit i: word i).
fn marks(
    index: &SearchIndex,
    text: &str,
    query: &Query,
    masks: &[u64],
) -> (Vec<Range<usize>>, u64) {
    let mut found = Vec::new();
    let mut matched = 0u64;
    let mut folded = String::new();
    for range in words(text) {
        folded.clear();
        fold_into(&text[range.clone()], &mut folded);
        let mask = index.word_mask(&folded, query, masks);
        if mask != 0 {
            matched |= mask;
            found.push(range);
        }
    }
    (found, matched)
}

fn spans(text: &str, window: Range<usize>, marks: &[Range<usize>]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = window.start;
    for mark in marks
        .iter()
        .filter(|m| m.start >= window.start && m.end <= window.end)
    {
        Span::push(&mut out, &text[at..mark.start], false);
        Span::push(&mut out, &text[mark.clone()], true);
        at = mark.end;
    }
    Span::push(&mut out, &text[at..window.end], false);
    out
}

/// The byte offset `n` chars before `at` (or 0).
fn back(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` chars after `at` (or the end).
fn forward(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// A window of `text` around its first mark, cut at spaces, with ellipses.
fn excerpt(text: &str, marks: &[Range<usize>]) -> Vec<Span> {
    let first = marks.first().map_or(0, |m| m.start);
    let mut start = back(text, first, BEFORE);
    if start > 0 {
        // Begin at a word: after the first space in the window, if any.
        if let Some(space) = text[start..first].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = forward(text, start, LENGTH);
    if end < text.len() {
        if let Some(space) = text[first.max(start)..end].rfind(char::is_whitespace) {
            let cut = first.max(start) + space;
            if cut > first {
                end = cut;
            }
        }
        // Never cut a mark in two, unless the mark is longer than an
        // excerpt (one word of a million chars is shown in part).
        if let Some(m) = marks.iter().find(|m| m.start < end && m.end > end) {
            end = m.end.min(forward(text, end, LENGTH));
        }
    }
    let mut out = Vec::new();
    if start > 0 {
        Span::push(&mut out, "…", false);
    }
    for span in spans(text, start..end, marks) {
        Span::push(&mut out, &span.text, span.marked);
    }
    if end < text.len() {
        Span::push(&mut out, "…", false);
    }
    out
}

/// The document's title with its matched words marked, and an excerpt of
/// the field that holds most of the query words the title lacks.
pub(crate) fn highlight(
    index: &SearchIndex,
    data: &Dataset,
    doc: &Doc,
    query: &Query,
    masks: &[u64],
) -> (Vec<Span>, Option<Vec<Span>>) {
    let (title_marks, in_title) = marks(index, &doc.title, query, masks);
    let title = spans(&doc.title, 0..doc.title.len(), &title_marks);
    let all = if query.words.len() >= 64 {
        u64::MAX
    } else {
        (1u64 << query.words.len()) - 1
    };
    if in_title & all == all {
        return (title, None);
    }
    let wanted = (all & !in_title).count_ones();
    let mut best: Option<(u32, &str, Vec<Range<usize>>)> = None;
    for_each_field(doc, data, |role, text| {
        if role == Role::Title || best.as_ref().is_some_and(|b| b.0 == wanted) {
            return;
        }
        let (found, matched) = marks(index, text, query, masks);
        let gain = (matched & !in_title).count_ones();
        if gain > 0 && best.as_ref().is_none_or(|b| gain > b.0) {
            best = Some((gain, text, found));
        }
    });
    let excerpt = best.map(|(_, text, found)| excerpt(text, &found));
    (title, excerpt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.marked {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn excerpts_are_cut_around_the_first_match_at_spaces() {
        let text = format!("{}suicidprevention{}", "ord ".repeat(25), " ord".repeat(80));
        let at = text.find("suicid").unwrap();
        let mark = at..at + "suicidprevention".len();
        let marks = [mark];
        let cut = plain(&excerpt(&text, &marks));
        assert!(cut.starts_with("…ord "), "{cut}");
        assert!(cut.ends_with(" ord…"), "{cut}");
        assert!(cut.contains("[suicidprevention]"));
        assert!(cut.chars().count() <= LENGTH + 2 + 2);
    }

    #[test]
    fn a_short_text_is_whole() {
        let text = "Nära vård och omsorg";
        let mark = 0..5;
        let cut = plain(&excerpt(text, std::slice::from_ref(&mark)));
        assert_eq!(cut, "[Nära] vård och omsorg");
    }
}
