//! Dates, times and numbers for the UI, in the interface's language
//! (`i18n::lang`). Pure.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::i18n::{lang, t, tf, Lang, Text};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "27 maj 2021"; in English "27 May 2021".
pub fn date(date: NaiveDate) -> String {
    let month = match lang() {
        Lang::Sv => month(date),
        Lang::En => MONTHS_EN[date.month0() as usize],
    };
    format!("{} {month} {}", date.day(), date.year())
}

/// The month's Swedish name, "maj", whatever the interface's language:
/// for file names, which every party reads alike.
pub fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// Lower case letters, digits and single hyphens, å/ä/ö written a/a/o:
/// "Luleå kommun" → "lulea-kommun". For file names and ids that must
/// survive every mail client and file system.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !out.ends_with('-') {
            out.push(c);
        }
    }
    out.trim_matches('-').to_owned()
}

/// "10:15".
pub fn time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A moment stored as RFC 3339, in the reader's time zone (`offset_minutes`
/// east of UTC): "23 november 2026 kl. 10:15"; the stored text if it is
/// not a time.
pub fn moment(at: &str, offset_minutes: i32) -> String {
    let Ok(instant) = chrono::DateTime::parse_from_rfc3339(at) else {
        return at.to_owned();
    };
    let Some(offset) = chrono::FixedOffset::east_opt(offset_minutes * 60) else {
        return at.to_owned();
    };
    let local = instant.with_timezone(&offset);
    let at = match lang() {
        Lang::Sv => "kl.",
        Lang::En => "at",
    };
    format!("{} {at} {}", date(local.date_naive()), time(local.time()))
}

/// How long ago a moment stored as RFC 3339 was, in whole calendar days of
/// the reader's time zone (`offset_minutes` east of UTC), counted to `now`
/// (also RFC 3339): "i dag", "i går", "3 dagar sedan". A moment after `now`
/// (another device's clock) reads "i dag"; `None` if either is not a time.
pub fn since(at: &str, now: &str, offset_minutes: i32) -> Option<String> {
    let offset = chrono::FixedOffset::east_opt(offset_minutes * 60)?;
    let day = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&offset).date_naive())
    };
    let days = (day(now)? - day(at)?).num_days();
    Some(match days {
        ..=0 => t(Text::SinceToday).to_owned(),
        1 => t(Text::SinceYesterday).to_owned(),
        n => tf(Text::SinceDaysAgo, &[&n]),
    })
}

/// Small numbers as words, the way agreements write them ("sex månader").
pub fn count_word(n: u32) -> String {
    const WORDS: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const WORDS_EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = match lang() {
        Lang::Sv => WORDS,
        Lang::En => WORDS_EN,
    };
    words
        .get(n as usize)
        .map(|w| (*w).to_owned())
        .unwrap_or_else(|| n.to_string())
}

/// "sex månader", "en månad"; "six months", "one month".
pub fn months(n: u32) -> String {
    match (lang(), n) {
        (Lang::Sv, 1) => "en månad".into(),
        (Lang::Sv, _) => format!("{} månader", count_word(n)),
        (Lang::En, 1) => "one month".into(),
        (Lang::En, _) => format!("{} months", count_word(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_a_moment_in_the_readers_days() {
        let now = "2026-12-07T23:30:00Z";
        assert_eq!(
            since("2026-12-07T08:00:00Z", now, 0).as_deref(),
            Some("i dag")
        );
        // 23:30 UTC is already the 8th in Sweden: the 7th was yesterday there.
        assert_eq!(
            since("2026-12-07T08:00:00Z", now, 60).as_deref(),
            Some("i går")
        );
        assert_eq!(
            since("2026-12-04T12:00:00Z", now, 60).as_deref(),
            Some("4 dagar sedan")
        );
        assert_eq!(
            since("2026-12-09T12:00:00Z", now, 60).as_deref(),
            Some("i dag")
        );
        assert_eq!(since("förra veckan", now, 60), None);
    }

    #[test]
    fn moments_in_the_readers_time_zone() {
        assert_eq!(
            moment("2026-11-23T09:15:00.000Z", 60),
            "23 november 2026 kl. 10:15"
        );
        assert_eq!(
            moment("2026-12-31T23:30:00Z", 60),
            "1 januari 2027 kl. 00:30"
        );
        assert_eq!(moment("igår", 60), "igår");
    }

    #[test]
    fn swedish_dates_and_periods() {
        let d = NaiveDate::from_ymd_opt(2021, 5, 27).unwrap();
        assert_eq!(date(d), "27 maj 2021");
        assert_eq!(months(6), "sex månader");
        assert_eq!(months(12), "tolv månader");
        assert_eq!(months(1), "en månad");
        assert_eq!(months(24), "24 månader");
        assert_eq!(time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "09:05");
    }

    #[test]
    fn english_dates_and_periods() {
        crate::i18n::set_lang(Lang::En);
        let d = NaiveDate::from_ymd_opt(2021, 5, 27).unwrap();
        let english = (
            date(d),
            months(6),
            months(1),
            moment("2026-11-23T09:15:00Z", 60),
        );
        // File names stay Swedish.
        let file_month = month(d);
        crate::i18n::set_lang(Lang::Sv);
        assert_eq!(english.0, "27 May 2021");
        assert_eq!(english.1, "six months");
        assert_eq!(english.2, "one month");
        assert_eq!(english.3, "23 November 2026 at 10:15");
        assert_eq!(file_month, "maj");
    }
}
