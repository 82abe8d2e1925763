//! How text is cut into words and how words are compared: case folded,
//! diacritics folded (å/ä → a, ö → o) and a looser spelling key for names.

use std::ops::Range;

/// Lower-case and fold diacritics, keeping one char per input char so that
/// positions in the folded text map back to the original.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (indexing folds every word).
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase).map(fold_char));
    }
}

fn fold_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'à' | 'á' | 'â' | 'æ' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' | 'ù' => 'u',
        'í' | 'ì' | 'ï' => 'i',
        '–' | '—' => '-',
        other => other,
    }
}

/// Lower case only: the spelling as typed, to tell an exact-diacritics
/// match ("Umeå" for "umeå") from a folded one ("umea" for "Umeå").
pub fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// The words of `text` as byte ranges: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (at, c) = chars.next()?;
            if c.is_alphanumeric() {
                break at;
            }
        };
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// A looser key for spelling variants of names, from a folded word: an `h`
/// after the first letter is dropped (Öhman → oman, Thomas → tomas), w is v,
/// z is s, and doubled letters count once (Larsson → larson).
pub fn variant_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut prev = None;
    for (i, c) in folded.chars().enumerate() {
        let c = match c {
            'w' => 'v',
            'z' => 's',
            'q' => 'k',
            other => other,
        };
        if (c == 'h' && i > 0) || prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Query words shorter than this (in chars) are matched by prefix only; from
/// this length on, spelling variants count too.
pub const VARIANT_MIN_CHARS: usize = 4;
/// Query words of at least this many chars also match the second part of a
/// compound word ("prevention" in "suicidprevention").
pub const PART_MIN_CHARS: usize = 3;
/// A compound part must be a word of its own of at least this many chars,
/// after a first part of at least [`PART_MIN_CHARS`].
pub const PART_MIN_TAIL: usize = 4;
/// A compound's last part is looked for among its last this many chars only,
/// so that finding the parts of a word costs time linear in its length (each
/// part is a dictionary lookup of the part; trying every tail of a word of
/// n chars would cost n²/2 — minutes for one word of a million chars).
/// No real last part is this long.
pub const PART_MAX_TAIL: usize = 64;

/// The compound parts a folded word may end with: its tails of
/// [`PART_MIN_TAIL`] to [`PART_MAX_TAIL`] chars after at least
/// [`PART_MIN_CHARS`] chars, longest first; none for a word with a digit.
/// One pass over the word and at most [`PART_MAX_TAIL`] tails.
pub fn compound_tails(folded: &str) -> impl Iterator<Item = &str> {
    let has_digit = folded.bytes().any(|b| b.is_ascii_digit());
    let chars = if has_digit { 0 } else { folded.chars().count() };
    // The first tail: after max(PART_MIN_CHARS, chars - PART_MAX_TAIL) chars.
    let skip = PART_MIN_CHARS.max(chars.saturating_sub(PART_MAX_TAIL));
    let tails = chars.saturating_sub(skip).saturating_sub(PART_MIN_TAIL - 1);
    folded
        .char_indices()
        .skip(skip)
        .take(tails)
        .map(move |(at, _)| &folded[at..])
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
    fn words_are_runs_of_letters_and_digits() {
        let text = "§ 4 Nära vård – SOU 2021:34, Kurt–Åke.";
        let found: Vec<&str> = words(text).map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["4", "Nära", "vård", "SOU", "2021", "34", "Kurt", "Åke"]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words("slut").map(|r| r.end).collect::<Vec<_>>(), [4]);
    }

    #[test]
    fn compound_tails_are_the_word_s_last_parts() {
        let tails: Vec<&str> = compound_tails("suicidprevention").collect();
        assert_eq!(tails.first(), Some(&"cidprevention"));
        assert_eq!(tails.last(), Some(&"tion"));
        assert!(tails.contains(&"prevention"));
        assert_eq!(compound_tails("abcdefg").collect::<Vec<_>>(), ["defg"]);
        assert_eq!(compound_tails("abcdef").count(), 0);
        assert_eq!(compound_tails("covid19vaccin").count(), 0);
        let long = "å".repeat(1_000_000);
        let tails: Vec<&str> = compound_tails(&long).collect();
        assert_eq!(tails.len(), PART_MAX_TAIL - PART_MIN_TAIL + 1);
        assert_eq!(tails[0].chars().count(), PART_MAX_TAIL);
    }

    #[test]
    fn variant_keys_tie_spellings_together() {
        let cases = [
            ("öhman", "öman", true),
            ("larsson", "larson", true),
            ("thomas", "tomas", true),
            ("wikström", "vikström", true),
            ("öman", "åman", false),
            ("lind", "lund", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(
                variant_key(&fold(a)) == variant_key(&fold(b)),
                same,
                "{a} / {b}"
            );
        }
    }
}
