//! The interface's language and every text it shows. Pure: the core's
//! messages and the views take their words from here.
//!
//! [`Text`] names each text once; `sv.rs` and `en.rs` are the catalogues,
//! one exhaustive `match` per language, so a text missing in a language
//! does not compile. Texts with values have `{0}`, `{1}` … filled by
//! [`tf`]. The data itself stays in the language it was written in.

use std::cell::Cell;
use std::fmt::Display;

use serde::{Deserialize, Serialize};

mod en;
mod json;
mod sv;
mod text;

pub use json::{in_language, json_error_text};
pub use text::Text;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish, the default.
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language's tag, for `lang` attributes: "sv", "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's name in itself: "Svenska", "English".
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// The language for a tag; Swedish for anything unknown.
    pub fn from_code(code: &str) -> Lang {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Lang::En,
            _ => Lang::Sv,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Sv) };
}

/// The language texts are given in now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language texts are given in (the app redraws itself after).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// A text in the current language.
pub fn t(text: Text) -> &'static str {
    text_in(lang(), text)
}

/// A text in a given language.
pub fn text_in(lang: Lang, text: Text) -> &'static str {
    match lang {
        Lang::Sv => sv::text(text),
        Lang::En => en::text(text),
    }
}

/// A text in the current language with its `{0}`, `{1}` … filled in.
pub fn tf(text: Text, values: &[&dyn Display]) -> String {
    fill(t(text), values)
}

/// Fills `{0}`, `{1}` … of a pattern with the values (a missing value
/// leaves its place as it is).
pub fn fill(pattern: &str, values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let index = after
            .find('}')
            .and_then(|end| after[..end].parse::<usize>().ok().map(|i| (i, end)));
        match index.and_then(|(i, end)| values.get(i).map(|v| (v, end))) {
            Some((value, end)) => {
                out.push_str(&value.to_string());
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_values_by_position() {
        assert_eq!(fill("§ {0} av {1}", &[&3, &"tio"]), "§ 3 av tio");
        assert_eq!(fill("{1}, {0}", &[&"a", &"b"]), "b, a");
        assert_eq!(fill("{2} {x}", &[&1]), "{2} {x}");
    }

    #[test]
    fn every_text_has_words_in_both_languages() {
        for text in Text::ALL {
            for lang in Lang::ALL {
                let words = text_in(lang, *text);
                assert!(!words.trim().is_empty(), "{text:?} is empty in {lang:?}");
            }
            // The same number of places to fill in both languages.
            let places = |lang| {
                let words = text_in(lang, *text);
                (0..10)
                    .filter(|i| words.contains(&format!("{{{i}}}")))
                    .count()
            };
            assert_eq!(places(Lang::Sv), places(Lang::En), "{text:?}");
        }
    }

    #[test]
    fn language_tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), lang);
        }
        assert_eq!(Lang::from_code("de"), Lang::Sv);
    }
}
