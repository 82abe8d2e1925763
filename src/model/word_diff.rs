//! Word-level difference of two texts, for showing what one version of a
//! text changes in another (conflicts, history). Pure.
//!
//! Texts are cut into tokens: runs of letters and digits (words), runs of
//! whitespace, and single other characters (punctuation), so that
//! concatenating the tokens gives the text back exactly. The difference is a
//! longest common subsequence of tokens.
//!
//! Bound: the common start and end are taken off first (a typical edit
//! leaves little in between); the table of the longest common subsequence
//! is built only while the two middles have at most [`MAX_CELLS`] token
//! pairs (a 2 MB table). A larger middle is first compared sentence by
//! sentence (with the same bound), and each pair of changed sentence runs
//! word by word; what is still over the bound shows as removed and added
//! whole. So two texts of a few thousand words each cost at most a few
//! million steps, never the square of a 50,000-character text.

/// One piece of a difference from an old text to a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPiece {
    /// In both texts.
    Same(String),
    /// Only in the old text.
    Removed(String),
    /// Only in the new text.
    Added(String),
}

impl DiffPiece {
    pub fn text(&self) -> &str {
        match self {
            DiffPiece::Same(s) | DiffPiece::Removed(s) | DiffPiece::Added(s) => s,
        }
    }
}

/// The most token pairs the table of a longest common subsequence may
/// have: 2 MB of `u16`.
pub const MAX_CELLS: usize = 1_000_000;

/// The difference from `old` to `new`, word by word: the old text is the
/// `Same` and `Removed` pieces in order, the new one the `Same` and `Added`
/// pieces. Adjacent pieces of one kind are joined; whitespace alone between
/// two changes is shown as part of the change, so a rewritten phrase reads
/// as one removal and one addition.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPiece> {
    let (a, b) = (tokens(old), tokens(new));
    let mut out = Vec::new();
    diff_tokens(&a, &b, &mut out, sentences);
    tidy(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// Words, whitespace runs and single punctuation characters, in order.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (at, c) in text.char_indices() {
        let now = class(c);
        let joins = last == Some(now) && now != Class::Other;
        if !joins && at > start {
            out.push(&text[start..at]);
            start = at;
        }
        last = Some(now);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Groups tokens into sentences: each ends after `.`, `!`, `?` or a line
/// break (and the whitespace after it).
fn sentences<'a>(tokens: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&'a str>> = vec![];
    let mut current: Vec<&'a str> = vec![];
    let mut ended = false;
    for &token in tokens {
        let space = token.chars().all(char::is_whitespace);
        if ended && !space {
            out.push(std::mem::take(&mut current));
            ended = false;
        }
        current.push(token);
        if matches!(token, "." | "!" | "?") || token.contains('\n') {
            ended = true;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// No coarser level: what is over the bound is replaced whole.
fn no_groups<'a>(tokens: &[&'a str]) -> Vec<Vec<&'a str>> {
    vec![tokens.to_vec()]
}

type Grouping = for<'a> fn(&[&'a str]) -> Vec<Vec<&'a str>>;

/// Appends the difference of two token sequences (items compared by
/// equality) to `out`; `coarser` groups tokens when the middle is over the
/// bound.
fn diff_tokens<T: AsRef<str> + PartialEq>(
    a: &[T],
    b: &[T],
    out: &mut Vec<DiffPiece>,
    coarser: Grouping,
) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[prefix..], &b[prefix..]);
    let suffix = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (
        &a_rest[..a_rest.len() - suffix],
        &b_rest[..b_rest.len() - suffix],
    );
    push_all(out, &a[..prefix], DiffPiece::Same);
    if a_mid.is_empty() || b_mid.is_empty() {
        push_all(out, a_mid, DiffPiece::Removed);
        push_all(out, b_mid, DiffPiece::Added);
    } else if a_mid.len().saturating_mul(b_mid.len()) <= MAX_CELLS {
        lcs_diff(a_mid, b_mid, out);
    } else {
        by_groups(a_mid, b_mid, out, coarser);
    }
    push_all(out, &a_rest[a_rest.len() - suffix..], DiffPiece::Same);
}

/// Over the bound: the difference of the groups (e.g. sentences), then of
/// the tokens of each run of changed groups.
fn by_groups<T: AsRef<str> + PartialEq>(
    a: &[T],
    b: &[T],
    out: &mut Vec<DiffPiece>,
    coarser: Grouping,
) {
    let a_tokens: Vec<&str> = a.iter().map(AsRef::as_ref).collect();
    let b_tokens: Vec<&str> = b.iter().map(AsRef::as_ref).collect();
    let (a_groups, b_groups) = (coarser(&a_tokens), coarser(&b_tokens));
    let whole = |groups: &[Vec<&str>]| groups.len() <= 1;
    if whole(&a_groups) && whole(&b_groups) {
        push_all(out, a, DiffPiece::Removed);
        push_all(out, b, DiffPiece::Added);
        return;
    }
    let a_joined: Vec<String> = a_groups.iter().map(|g| g.concat()).collect();
    let b_joined: Vec<String> = b_groups.iter().map(|g| g.concat()).collect();
    let mut grouped = Vec::new();
    diff_tokens(&a_joined, &b_joined, &mut grouped, no_groups);
    // Runs of removed and added groups between two kept ones: word by word.
    let (mut removed, mut added) = (vec![], vec![]);
    for piece in grouped {
        match piece {
            DiffPiece::Removed(s) => removed.push(s),
            DiffPiece::Added(s) => added.push(s),
            DiffPiece::Same(s) => {
                changed_groups(&mut removed, &mut added, out);
                out.push(DiffPiece::Same(s));
            }
        }
    }
    changed_groups(&mut removed, &mut added, out);
}

/// A run of removed groups against a run of added ones: word by word as a
/// whole while within the bound, else group by group in order (the first
/// removed sentence against the first added one, …), so a text whose every
/// sentence changed a little still shows the words.
fn changed_groups(removed: &mut Vec<String>, added: &mut Vec<String>, out: &mut Vec<DiffPiece>) {
    let (old, new) = (removed.concat(), added.concat());
    let (old_tokens, new_tokens) = (tokens(&old), tokens(&new));
    if old_tokens.len().saturating_mul(new_tokens.len()) <= MAX_CELLS {
        diff_tokens(&old_tokens, &new_tokens, out, no_groups);
    } else {
        for k in 0..removed.len().max(added.len()) {
            let old = removed.get(k).map_or(&[][..], |s| std::slice::from_ref(s));
            let new = added.get(k).map_or(&[][..], |s| std::slice::from_ref(s));
            let old_tokens: Vec<&str> = old.iter().flat_map(|s| tokens(s)).collect();
            let new_tokens: Vec<&str> = new.iter().flat_map(|s| tokens(s)).collect();
            diff_tokens(&old_tokens, &new_tokens, out, no_groups);
        }
    }
    removed.clear();
    added.clear();
}

fn push_all<T: AsRef<str>>(out: &mut Vec<DiffPiece>, items: &[T], piece: fn(String) -> DiffPiece) {
    for item in items {
        out.push(piece(item.as_ref().to_owned()));
    }
}

/// The longest common subsequence by its table. `a.len() * b.len()` is
/// within [`MAX_CELLS`], so the shorter side, and with it every length in
/// the table, is at most 1,000: a `u16` holds it.
fn lcs_diff<T: AsRef<str> + PartialEq>(a: &[T], b: &[T], out: &mut Vec<DiffPiece>) {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // table[i][j]: the length of the common subsequence of a[i..] and b[j..].
    let mut table = vec![0u16; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1].saturating_add(1)
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(DiffPiece::Same(a[i].as_ref().to_owned()));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            out.push(DiffPiece::Removed(a[i].as_ref().to_owned()));
            i += 1;
        } else {
            out.push(DiffPiece::Added(b[j].as_ref().to_owned()));
            j += 1;
        }
    }
    push_all(out, &a[i..], DiffPiece::Removed);
    push_all(out, &b[j..], DiffPiece::Added);
}

/// Joins adjacent pieces of one kind, folds whitespace alone between two
/// changes into them, and puts each run's removal before its addition.
fn tidy(pieces: Vec<DiffPiece>) -> Vec<DiffPiece> {
    let changed = |p: &DiffPiece| !matches!(p, DiffPiece::Same(_));
    let mut folded: Vec<DiffPiece> = Vec::with_capacity(pieces.len());
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            DiffPiece::Same(s)
                if s.chars().all(char::is_whitespace)
                    && index > 0
                    && folded.last().is_some_and(changed)
                    && pieces.get(index + 1).is_some_and(changed) =>
            {
                folded.push(DiffPiece::Removed(s.clone()));
                folded.push(DiffPiece::Added(s.clone()));
            }
            other => folded.push(other.clone()),
        }
    }
    // Within each run of changes: all removed text, then all added text.
    let mut out: Vec<DiffPiece> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |out: &mut Vec<DiffPiece>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            out.push(DiffPiece::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            out.push(DiffPiece::Added(std::mem::take(added)));
        }
    };
    for piece in folded {
        match piece {
            DiffPiece::Removed(s) => removed.push_str(&s),
            DiffPiece::Added(s) => added.push_str(&s),
            DiffPiece::Same(s) => {
                flush(&mut out, &mut removed, &mut added);
                match out.last_mut() {
                    Some(DiffPiece::Same(last)) => last.push_str(&s),
                    _ => out.push(DiffPiece::Same(s)),
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffPiece::*;

    /// The old text of a difference (`Same` and `Removed`).
    pub fn old_text(pieces: &[DiffPiece]) -> String {
        pieces
            .iter()
            .filter(|p| !matches!(p, DiffPiece::Added(_)))
            .map(DiffPiece::text)
            .collect()
    }

    /// The new text of a difference (`Same` and `Added`).
    pub fn new_text(pieces: &[DiffPiece]) -> String {
        pieces
            .iter()
            .filter(|p| !matches!(p, DiffPiece::Removed(_)))
            .map(DiffPiece::text)
            .collect()
    }

    fn same(s: &str) -> DiffPiece {
        Same(s.into())
    }
    fn removed(s: &str) -> DiffPiece {
        Removed(s.into())
    }
    fn added(s: &str) -> DiffPiece {
        Added(s.into())
    }

    #[test]
    fn texts_are_cut_into_words_spaces_and_punctuation() {
        assert_eq!(
            tokens("Följa upp, två gånger  per år."),
            ["Följa", " ", "upp", ",", " ", "två", " ", "gånger", "  ", "per", " ", "år", "."]
        );
        assert!(tokens("").is_empty());
    }

    #[test]
    fn a_changed_word_is_one_removal_and_one_addition() {
        let diff = word_diff(
            "Länsstyrgruppen följer upp arbetet varje år.",
            "Länsstyrgruppen följer upp arbetet vartannat år.",
        );
        assert_eq!(
            diff,
            [
                same("Länsstyrgruppen följer upp arbetet "),
                removed("varje"),
                added("vartannat"),
                same(" år."),
            ]
        );
    }

    #[test]
    fn a_rewritten_phrase_reads_as_one_change() {
        let diff = word_diff(
            "Regionens lydelse av punkt fyra",
            "Luleås lydelse av punkt fyra",
        );
        assert_eq!(
            diff,
            [
                removed("Regionens"),
                added("Luleås"),
                same(" lydelse av punkt fyra")
            ]
        );
        let diff = word_diff("a b c d", "a x y d");
        assert_eq!(diff, [same("a "), removed("b c"), added("x y"), same(" d")]);
    }

    #[test]
    fn insertions_deletions_and_equal_texts() {
        assert_eq!(
            word_diff("ett två", "ett och två"),
            [same("ett "), added("och "), same("två")]
        );
        assert_eq!(word_diff("ett två", "ett"), [same("ett"), removed(" två")]);
        assert_eq!(word_diff("", "ny"), [added("ny")]);
        assert_eq!(word_diff("samma", "samma"), [same("samma")]);
        assert!(word_diff("", "").is_empty());
    }

    /// A text of `words` words from a small vocabulary, in sentences.
    fn text_of(words: usize, seed: u64) -> String {
        let vocabulary = [
            "region",
            "kommun",
            "samverkan",
            "uppdrag",
            "och",
            "att",
            "följa",
            "upp",
            "beslut",
            "ärenden",
        ];
        let mut state = seed;
        let mut out = String::new();
        for n in 0..words {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            out.push_str(vocabulary[(state >> 33) as usize % vocabulary.len()]);
            out.push_str(if n % 12 == 11 { ". " } else { " " });
        }
        out
    }

    /// The words of the removed (or added) pieces.
    fn changed_words(diff: &[DiffPiece], removed: bool) -> Vec<String> {
        diff.iter()
            .filter(|p| match p {
                Removed(_) => removed,
                Added(_) => !removed,
                Same(_) => false,
            })
            .flat_map(|p| p.text().split_whitespace().map(str::to_owned))
            .collect()
    }

    #[test]
    fn long_texts_stay_within_the_bound_and_still_reconstruct() {
        // Two unrelated texts of over 50,000 characters: far more token
        // pairs than the bound, so compared sentence by sentence.
        let old = text_of(9_000, 1);
        let new = text_of(9_000, 2);
        assert!(old.len() > 50_000 && new.len() > 50_000);
        let started = std::time::Instant::now();
        let diff = word_diff(&old, &new);
        assert_eq!(old_text(&diff), old);
        assert_eq!(new_text(&diff), new);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "took {:?}",
            started.elapsed()
        );
        // A long text with a few words changed: only those words differ.
        let edited = old.replacen("samverkan", "SAMVERKAN", 3);
        let diff = word_diff(&old, &edited);
        assert_eq!(changed_words(&diff, true), ["samverkan"; 3]);
        assert_eq!(changed_words(&diff, false), ["SAMVERKAN"; 3]);
        assert_eq!(new_text(&diff), edited);
        // Every sentence changed a little, over the bound as a whole: still
        // word by word, sentence by sentence.
        let every = old.replace(". ", "! ");
        let diff = word_diff(&old, &every);
        assert!(changed_words(&diff, true).iter().all(|w| w == "."));
        assert!(changed_words(&diff, false).iter().all(|w| w == "!"));
        assert_eq!(old_text(&diff), old);
        assert_eq!(new_text(&diff), every);
    }

    #[test]
    fn one_sentence_with_no_breaks_over_the_bound_is_replaced_whole() {
        let old = "a ".repeat(1_500);
        let new = "b ".repeat(1_500);
        let diff = word_diff(&old, &new);
        assert_eq!(old_text(&diff), old);
        assert_eq!(new_text(&diff), new);
    }

    /// Property tests: native only (proptest is not built for wasm).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn the_pieces_give_back_both_texts(
                old in "[ab .,\nå]{0,60}",
                new in "[ab .,\nå]{0,60}",
            ) {
                let diff = word_diff(&old, &new);
                prop_assert_eq!(old_text(&diff), old);
                prop_assert_eq!(new_text(&diff), new);
                // Tidy: no two neighbours of one kind, no empty piece.
                for pair in diff.windows(2) {
                    prop_assert!(std::mem::discriminant(&pair[0]) != std::mem::discriminant(&pair[1]));
                }
                prop_assert!(diff.iter().all(|p| !p.text().is_empty()));
            }

            #[test]
            fn words_of_the_common_part_are_kept(
                words in proptest::collection::vec("[a-c]{1,3}", 0..30),
                cut in 0usize..30,
                insert in "[x-z]{1,3}",
            ) {
                let old = words.join(" ");
                let mut edited = words.clone();
                let at = cut.min(edited.len());
                edited.insert(at, insert.clone());
                let new = edited.join(" ");
                let diff = word_diff(&old, &new);
                // One inserted word: nothing removed but at most whitespace.
                let removed: String = diff
                    .iter()
                    .filter_map(|p| match p { Removed(s) => Some(s.as_str()), _ => None })
                    .collect();
                prop_assert!(removed.trim().is_empty(), "{:?}", diff);
                prop_assert_eq!(new_text(&diff), new);
            }
        }
    }
}
