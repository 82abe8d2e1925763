//! Text measured without a font: the layout runs natively and in the browser
//! alike, so widths are estimated as characters × an average glyph width
//! chosen a little wide for a sans-serif face, and names are wrapped by
//! character count.

/// Estimated width of `text` at `char_width` units per character.
pub fn text_width(text: &str, char_width: f64) -> f64 {
    text.chars().count() as f64 * char_width
}

/// `text` broken at spaces into lines of at most `max_chars` characters, at
/// most `max_lines` of them. A word longer than a line is broken inside the
/// word; text that does not fit ends its last line with "…".
pub fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(max_chars) {
            let piece_len = piece.len();
            if current_len > 0 && current_len + 1 + piece_len <= max_chars {
                current.push(' ');
                current.extend(piece);
                current_len += 1 + piece_len;
            } else {
                if current_len > 0 {
                    lines.push(std::mem::take(&mut current));
                }
                current.extend(piece);
                current_len = piece_len;
            }
        }
    }
    if current_len > 0 || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        let mut kept: Vec<char> = last.chars().collect();
        kept.truncate(max_chars - 1);
        while kept.last() == Some(&' ') {
            kept.pop();
        }
        *last = kept.into_iter().chain(['…']).collect();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_stay_on_one_line() {
        assert_eq!(wrap("Hjälpmedelsrådet", 24, 3), ["Hjälpmedelsrådet"]);
        assert_eq!(wrap("", 24, 3), [""]);
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        assert_eq!(
            wrap("Arbetsutskott till Samråd vård och omsorg (AU)", 24, 3),
            ["Arbetsutskott till", "Samråd vård och omsorg", "(AU)"]
        );
    }

    #[test]
    fn too_long_text_is_cut_with_an_ellipsis() {
        let lines = wrap("ett två tre fyra fem sex sju åtta nio tio", 8, 2);
        assert_eq!(lines, ["ett två", "tre fyr…"]);
        let long = wrap(&"å".repeat(30), 10, 2);
        assert_eq!(long, ["å".repeat(10), format!("{}…", "å".repeat(9))]);
        assert!(lines.iter().all(|l| l.chars().count() <= 8));
    }
}
