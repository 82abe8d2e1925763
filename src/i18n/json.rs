//! What serde and serde_json say is wrong with some JSON (a file, stored
//! data), in the interface's language: serde's English for English, Swedish
//! for the common cases, and never the names of Rust types.

use super::{lang, Lang};

/// serde_json's message in the interface's language: its own (English)
/// words, or in Swedish for the common cases.
pub fn in_language(message: &str) -> String {
    let message = without_type_names(message);
    match lang() {
        Lang::Sv => swedish(&message),
        Lang::En => message,
    }
}

/// serde's message with the names of Rust types (`struct RecordMeta`,
/// `internally tagged enum MinutesState`) said as what they are in JSON:
/// a person reading the message never saw those names.
fn without_type_names(message: &str) -> String {
    const KINDS: [(&str, &str); 6] = [
        ("internally tagged enum ", "one of the allowed values"),
        ("adjacently tagged enum ", "one of the allowed values"),
        ("untagged enum ", "one of the allowed values"),
        ("tuple struct ", "a value"),
        ("struct ", "a map"),
        ("enum ", "one of the allowed values"),
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    'scan: while !rest.is_empty() {
        for (kind, said) in KINDS {
            if let Some(after) = rest.strip_prefix(kind) {
                let name_len = after
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                let name = &after[..name_len];
                if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    out.push_str(said);
                    rest = &after[name_len..];
                    continue 'scan;
                }
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// serde_json's messages in Swedish, for the common cases; anything else
/// as it is.
fn swedish(message: &str) -> String {
    let rest = |prefix: &str| message.strip_prefix(prefix).map(expected_in_swedish);
    if let Some(field) = rest("missing field ") {
        return format!("fältet {field} saknas");
    }
    if let Some(field) = rest("unknown field ") {
        return format!("okänt fält {field}");
    }
    if let Some(what) = rest("unknown variant ") {
        return format!(
            "okänt värde {}",
            what.replace(", expected one of ", ", tillåtna: ")
                .replace(", expected ", ", väntat: ")
        );
    }
    if let Some(what) = rest("invalid type: ") {
        return format!("fel typ: {}", what.replace(", expected ", ", väntat: "));
    }
    if let Some(what) = rest("invalid value: ") {
        return format!(
            "ogiltigt värde: {}",
            what.replace(", expected ", ", väntat: ")
        );
    }
    if let Some(what) = rest("invalid length ") {
        return format!("fel antal {}", what.replace(", expected ", ", väntat: "));
    }
    if let Some(what) = rest("duplicate field ") {
        return format!("fältet {what} förekommer två gånger");
    }
    match message {
        "expected value" => "ett värde väntades här".into(),
        "expected `,` or `}`" => "ett kommatecken eller } väntades".into(),
        "expected `,` or `]`" => "ett kommatecken eller ] väntades".into(),
        "expected `:`" => "ett kolon väntades".into(),
        "key must be a string" => "nyckeln måste vara en sträng".into(),
        "trailing characters" => "det finns tecken efter slutet av JSON-datan".into(),
        "trailing comma" => "ett kommatecken för mycket".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "ett kontrolltecken i en sträng".into()
        }
        "invalid escape" => "ogiltig escape-sekvens i en sträng".into(),
        "invalid unicode code point" => "ogiltig unicode-kodpunkt".into(),
        "lone leading surrogate in hex escape" => "ensamt surrogat i en \\u-escape".into(),
        "recursion limit exceeded" => "för djupt nästlad".into(),
        "invalid number" | "number out of range" => "ogiltigt tal".into(),
        // chrono's, for dates and times.
        "input is out of range" => "datumet eller klockslaget finns inte".into(),
        "premature end of input" => "datumet eller klockslaget är ofullständigt".into(),
        "input contains invalid characters"
        | "trailing input"
        | "bad or unsupported format string" => {
            "inget datum (ÅÅÅÅ-MM-DD) eller klockslag (TT:MM)".into()
        }
        _ => message.to_owned(),
    }
}

/// What serde_json says is wrong with some JSON, without the place (the
/// caller gives it) and in the interface's language: for stored data that
/// cannot be read, as for files.
pub fn json_error_text(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    in_language(message)
}

/// The names serde gives expected types, in Swedish.
fn expected_in_swedish(text: &str) -> String {
    const TYPES: [(&str, &str); 14] = [
        ("one of the allowed values", "ett av de tillåtna värdena"),
        ("a value", "ett värde"),
        ("a sequence", "en lista"),
        ("a string", "en text"),
        ("a boolean", "true eller false"),
        ("a map", "ett objekt"),
        ("u32", "ett heltal"),
        ("u64", "ett heltal"),
        ("i32", "ett heltal"),
        ("i64", "ett heltal"),
        ("f64", "ett tal"),
        ("a valid date", "ett datum (ÅÅÅÅ-MM-DD)"),
        ("string", "text"),
        ("integer", "heltal"),
    ];
    let mut text = text.to_owned();
    for (english, swedish) in [
        ("string ", "text "),
        ("integer ", "heltal "),
        ("floating point ", "decimaltal "),
        ("boolean ", "sanningsvärdet "),
        ("map,", "ett objekt,"),
        ("sequence,", "en lista,"),
        ("null,", "null,"),
    ] {
        if let Some(rest) = text.strip_prefix(english) {
            text = format!("{swedish}{rest}");
        }
    }
    for (english, swedish) in TYPES {
        text = text.replace(
            &format!("expected {english}"),
            &format!("väntat: {swedish}"),
        );
        text = text.replace(&format!(": {english} "), &format!(": {swedish} "));
    }
    text
}
