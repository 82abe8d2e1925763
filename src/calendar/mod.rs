//! Calendar export (iCalendar, RFC 5545). Pure: the time of the export is
//! passed in, never read here.
//!
//! Every live meeting with a known (stated or inferred) date becomes one
//! VEVENT. Its UID is derived from the meeting id only, so exporting again,
//! on any device, updates the events a calendar already has instead of
//! duplicating them; SEQUENCE grows with every recorded change.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use crate::format;
use crate::model::{BodyId, Dataset, Fact, Meeting};

/// The product identifier of the calendars we write.
pub const PRODID: &str = "-//Samverkan//Samverkan//SV";
/// The time zone meeting times are given in.
pub const TZID: &str = "Europe/Stockholm";
/// The right-hand side of every UID: `<meeting id>@samverkan`.
const UID_DOMAIN: &str = "samverkan";
/// RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF.
const MAX_LINE_OCTETS: usize = 75;

/// The usual definition of Europe/Stockholm since 1996 (EU rules): CEST from
/// the last Sunday of March 02:00, CET from the last Sunday of October 03:00.
const VTIMEZONE_STOCKHOLM: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "X-LIC-LOCATION:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// How long a timed meeting lasts when its agenda does not say when it ends:
/// three hours, the usual length of a half-day meeting in the source minutes.
pub const DEFAULT_DURATION_MINUTES: i64 = 180;

/// Which meetings a calendar file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only this body's meetings; all bodies' when `None`.
    pub body: Option<BodyId>,
    /// Only meetings on or after this day (upcoming ones: today); all when `None`.
    pub from: Option<NaiveDate>,
}

/// A calendar file and what it holds, for the confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFile {
    /// The iCalendar text.
    pub text: String,
    /// The number of events.
    pub events: usize,
    /// The first and the last meeting's day, when there are any.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// Every meeting of `body` (or of all bodies when `None`) with a known date,
/// as a VCALENDAR. `generated_at` is the time of the export in UTC; it only
/// goes into DTSTAMP, so two exports of the same data differ only there.
pub fn meetings_ics(data: &Dataset, body: Option<&BodyId>, generated_at: NaiveDateTime) -> String {
    let selection = Selection {
        body: body.cloned(),
        from: None,
    };
    calendar(data, &selection, generated_at).text
}

/// The meetings of `selection` with a known date as a VCALENDAR, with how
/// many there are and the days of the first and the last.
pub fn calendar(
    data: &Dataset,
    selection: &Selection,
    generated_at: NaiveDateTime,
) -> CalendarFile {
    let body = selection.body.as_ref();
    let mut meetings: Vec<(&Meeting, NaiveDate)> = data
        .live_meetings()
        .filter(|m| body.is_none_or(|b| &m.body == b))
        .filter_map(|m| m.date.value().map(|date| (m, *date)))
        .filter(|(_, date)| selection.from.is_none_or(|from| *date >= from))
        .collect();
    meetings.sort_by(|(a, a_date), (b, b_date)| {
        a_date
            .cmp(b_date)
            .then_with(|| a.start.value().cmp(&b.start.value()))
            .then_with(|| a.id.cmp(&b.id))
    });
    let events = meetings.len();
    let first = meetings.first().map(|(_, date)| *date);
    let last = meetings.last().map(|(_, date)| *date);

    let calendar_name = match body {
        Some(id) => format!("Samverkan – {}", body_title(data, id)),
        None => "Samverkan – alla möten".to_owned(),
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        text_property("X-WR-CALNAME", &calendar_name),
    ];
    if meetings.iter().any(|(m, _)| timing(m).is_some()) {
        lines.extend(VTIMEZONE_STOCKHOLM.iter().map(|l| (*l).to_owned()));
    }
    for (meeting, date) in meetings {
        event_lines(data, meeting, date, generated_at, &mut lines);
    }
    lines.push("END:VCALENDAR".to_owned());

    let mut text = String::new();
    for line in &lines {
        fold_line(line, &mut text);
    }
    CalendarFile {
        text,
        events,
        first,
        last,
    }
}

/// Whether the agenda's last item says when the meeting ends.
fn ends_by_agenda(meeting: &Meeting) -> bool {
    let start = meeting.start.value().copied();
    match (start, meeting.agenda.last().and_then(|item| item.end)) {
        (Some(start), Some(end)) => end > start,
        _ => false,
    }
}

/// When a meeting starts and ends on its day, if it has a start time (an
/// agenda's first time is not taken for it: the source minutes leave the
/// start unknown when the first items have no time); the end is the
/// last agenda item's end, else [`DEFAULT_DURATION_MINUTES`] after the start
/// or the agenda's latest stated time if that is later. An end before the
/// start (a slip in the source) is not taken. An end past midnight stays
/// on the next day.
fn timing(meeting: &Meeting) -> Option<(NaiveTime, NaiveDateTime)> {
    let agenda_times = || {
        meeting
            .agenda
            .iter()
            .flat_map(|item| [item.start, item.end])
            .flatten()
    };
    let start = *meeting.start.value()?;
    let day = NaiveDate::default();
    let end = match meeting.agenda.last().and_then(|item| item.end) {
        Some(end) if end > start => day.and_time(end),
        _ => {
            let by_default =
                day.and_time(start) + chrono::Duration::minutes(DEFAULT_DURATION_MINUTES);
            let latest = agenda_times()
                .filter(|t| *t > start)
                .max()
                .map(|t| day.and_time(t));
            latest.map_or(by_default, |latest| latest.max(by_default))
        }
    };
    Some((start, end))
}

/// The file name to offer for [`meetings_ics`]: ASCII, lower case, words
/// joined by dashes, e.g. `samverkan-politiska-samverkansberedningen.ics`,
/// or `samverkan-alla-moten.ics` for all bodies.
pub fn ics_file_name(data: &Dataset, body: Option<&BodyId>) -> String {
    let slug = match body {
        None => "alla-moten".to_owned(),
        Some(id) => {
            let by_name = data.body(id).map(|b| slug(&b.name)).unwrap_or_default();
            if by_name.is_empty() {
                slug(id.as_str())
            } else {
                by_name
            }
        }
    };
    if slug.is_empty() {
        "samverkan.ics".to_owned()
    } else {
        format!("samverkan-{slug}.ics")
    }
}

/// The body's name as the calendar shows it; an unknown body keeps its id.
fn body_title(data: &Dataset, id: &BodyId) -> String {
    data.body(id)
        .map(|b| b.name.clone())
        .unwrap_or_else(|| data.body_name(id))
}

/// Lower-case ASCII words joined by single dashes ("Vård & omsorg" → "vard-omsorg").
fn slug(text: &str) -> String {
    let folded = crate::search::fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

fn event_lines(
    data: &Dataset,
    meeting: &Meeting,
    date: NaiveDate,
    generated_at: NaiveDateTime,
    lines: &mut Vec<String>,
) {
    lines.push("BEGIN:VEVENT".to_owned());
    lines.push(text_property(
        "UID",
        &format!("{}@{UID_DOMAIN}", meeting.id),
    ));
    lines.push(format!("DTSTAMP:{}", utc_date_time(generated_at)));
    if let Some(modified) = last_modified(meeting) {
        lines.push(format!("LAST-MODIFIED:{}", utc_date_time(modified)));
    }
    lines.push(format!("SEQUENCE:{}", sequence(meeting)));
    match timing(meeting) {
        Some((start, end)) => {
            lines.push(format!(
                "DTSTART;TZID={TZID}:{}",
                local_date_time(date.and_time(start))
            ));
            // `end` is on the meeting's day counted from day zero: move it
            // to the meeting's date, keeping a day it ran over.
            let end = date.and_time(end.time()) + (end.date() - NaiveDate::default());
            lines.push(format!("DTEND;TZID={TZID}:{}", local_date_time(end)));
        }
        None => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(date)));
            if let Some(next) = date.succ_opt() {
                lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next)));
            }
        }
    }
    lines.push(text_property(
        "SUMMARY",
        &format!(
            "{} – {}",
            body_title(data, &meeting.body),
            meeting.kind.label()
        ),
    ));
    if !meeting.place.trim().is_empty() {
        lines.push(text_property("LOCATION", meeting.place.trim()));
    }
    lines.push(text_property("DESCRIPTION", &description(meeting)));
    lines.push("STATUS:CONFIRMED".to_owned());
    lines.push("END:VEVENT".to_owned());
}

/// Kind, minutes state, caveats on date and time, and the agenda.
fn description(meeting: &Meeting) -> String {
    let mut lines = vec![
        meeting.kind.label().to_owned(),
        format!("Protokoll: {}", meeting.minutes_state().label()),
    ];
    if let Fact::Inferred { reason, .. } = &meeting.date {
        lines.push(format!("Datum härlett: {reason}"));
    }
    match &meeting.start {
        Fact::Stated(_) => {}
        Fact::Inferred { reason, .. } => lines.push(format!("Starttid härledd: {reason}")),
        Fact::Unknown { .. } => lines.push("Starttid okänd.".to_owned()),
    }
    if timing(meeting).is_some() && !ends_by_agenda(meeting) {
        lines.push(format!(
            "Sluttid inte angiven: mötet är utlagt på {} timmar.",
            DEFAULT_DURATION_MINUTES / 60
        ));
    }
    if !meeting.agenda.is_empty() {
        lines.push("Dagordning:".to_owned());
        for item in &meeting.agenda {
            let mut line = match item.number {
                Some(number) => format!("{number}. {}", item.title),
                None => format!("– {}", item.title),
            };
            match (item.start, item.end) {
                (Some(start), Some(end)) => {
                    line.push_str(&format!(" ({}–{})", format::time(start), format::time(end)))
                }
                (Some(start), None) => line.push_str(&format!(" ({})", format::time(start))),
                _ => {}
            }
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// When the meeting was last changed, in UTC, if its stamp has a readable time.
fn last_modified(meeting: &Meeting) -> Option<NaiveDateTime> {
    let at = &meeting.meta.last_change.as_ref()?.at;
    DateTime::parse_from_rfc3339(at).ok().map(|t| t.naive_utc())
}

/// The number of recorded changes to the meeting, over all copies; it grows
/// with every edit, which tells calendars that an update is newer.
fn sequence(meeting: &Meeting) -> u64 {
    let changes = meeting
        .meta
        .version
        .0
        .values()
        .fold(0u64, |sum, n| sum.saturating_add(*n));
    // SEQUENCE is an INTEGER: a signed 32-bit value.
    changes.min(i32::MAX as u64)
}

fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

fn local_date_time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc_date_time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn text_property(name: &str, value: &str) -> String {
    format!("{name}:{}", escape_text(value))
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
/// line breaks (LF, CRLF or a lone CR) become `\\`, `\;`, `\,` and `\n`.
/// Other control characters than tab are not allowed in TEXT and are dropped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line is longer than
/// 75 octets (UTF-8 bytes) before its CRLF. A fold never splits a character;
/// continuation lines start with one space, which counts towards the 75.
fn fold_line(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeStamp, MeetingId};
    use chrono::{Datelike, Weekday};

    fn generated_at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(23, 5, 9)
            .unwrap()
    }

    /// A data set with one body and the given meetings (as JSON, in the
    /// stored format, so that fields added later keep their defaults).
    fn data(meetings: serde_json::Value) -> Dataset {
        serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "bodies": [
                {
                    "id": "nb-psb",
                    "county": "nb",
                    "name": "Politiska samverkansberedningen",
                    "short_name": "PSB",
                    "level": "political"
                },
                {
                    "id": "nb-lsg",
                    "county": "nb",
                    "name": "Länsstyrgruppen",
                    "level": "officials"
                }
            ],
            "meetings": meetings
        }))
        .expect("the test data parses")
    }

    fn meeting(id: &str, date: serde_json::Value, start: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "id": id,
            "body": "nb-psb",
            "date": date,
            "start": start,
            "place": "Regionhuset, Luleå",
            "kind": "ordinary",
            "minutes": { "state": "draft" }
        })
    }

    fn stated(value: &str) -> serde_json::Value {
        serde_json::json!({ "stated": value })
    }

    fn unknown() -> serde_json::Value {
        serde_json::json!({ "unknown": { "reason": "Inte angivet." } })
    }

    /// The logical lines of a calendar: unfolded, without CRLF.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The lines of the VEVENT whose UID is `uid`.
    fn event(ics: &str, uid: &str) -> Vec<String> {
        let lines = unfold(ics);
        let at = lines
            .iter()
            .position(|l| l == &format!("UID:{uid}"))
            .unwrap_or_else(|| panic!("no event {uid} in\n{ics}"));
        let begin = lines[..at]
            .iter()
            .rposition(|l| l == "BEGIN:VEVENT")
            .unwrap();
        let end = at + lines[at..].iter().position(|l| l == "END:VEVENT").unwrap();
        lines[begin..=end].to_vec()
    }

    fn value<'a>(lines: &'a [String], name: &str) -> Option<&'a str> {
        lines.iter().find_map(|l| {
            l.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix(':').or_else(|| rest.strip_prefix(';')))
        })
    }

    #[test]
    fn text_escaping_cases() {
        let cases = [
            ("Plain text", "Plain text"),
            ("a,b", "a\\,b"),
            ("a;b", "a\\;b"),
            ("C:\\Temp", "C:\\\\Temp"),
            ("rad 1\nrad 2", "rad 1\\nrad 2"),
            ("crlf\r\nnästa", "crlf\\nnästa"),
            ("bara cr\rnästa", "bara cr\\nnästa"),
            ("två\n\nbrytningar", "två\\n\\nbrytningar"),
            ("redan \\n escapad", "redan \\\\n escapad"),
            ("tab\tbehålls", "tab\tbehålls"),
            ("klocka\u{7}och\u{0}nul", "klockaochnul"),
            ("Luleå, Piteå; Öhman", "Luleå\\, Piteå\\; Öhman"),
            ("kolon: citat \"x\"", "kolon: citat \"x\""),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_text(input), expected, "escaping {input:?}");
        }
    }

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_line(line, &mut out);
        out
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let cases = [
            "a".repeat(10),
            "a".repeat(75),
            "a".repeat(76),
            "a".repeat(74) + "å",
            "a".repeat(73) + "ä" + "b",
            "a".repeat(74) + "ö" + &"a".repeat(80),
            "a".repeat(72) + "😀",
            "a".repeat(73) + "😀",
            "a".repeat(74) + "😀" + "z",
            format!(
                "DESCRIPTION:{}",
                "Område för vård och omsorg – åäö ÅÄÖ 😀🎉 ".repeat(12)
            ),
            "ö".repeat(200),
            "😀".repeat(60),
            "x".repeat(74) + &"😀ä".repeat(40),
        ];
        for line in cases {
            let out = folded(&line);
            assert!(out.ends_with("\r\n"), "{line:?}");
            let physical: Vec<&str> = out[..out.len() - 2].split("\r\n").collect();
            for (i, p) in physical.iter().enumerate() {
                assert!(p.len() <= 75, "{} octets in {p:?}", p.len());
                assert!(!p.contains('\r') && !p.contains('\n'));
                if i > 0 {
                    assert!(p.starts_with(' '), "continuation {p:?}");
                    assert!(p.len() > 1, "empty continuation");
                }
                // Folded as late as possible: the next character did not fit.
                if let Some(next) = physical.get(i + 1) {
                    let c = next[1..].chars().next().unwrap();
                    assert!(p.len() + c.len_utf8() > 75, "folded early: {p:?}");
                }
            }
            assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
        }
        // A short line is left alone.
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        // The boundary: å (2 octets) after 74 octets goes to the next line.
        assert_eq!(
            folded(&("a".repeat(74) + "å")),
            "a".repeat(74) + "\r\n å\r\n"
        );
        // 😀 (4 octets) after 71 octets still fits; after 72 it does not.
        assert_eq!(folded(&("a".repeat(71) + "😀")), "a".repeat(71) + "😀\r\n");
        assert_eq!(
            folded(&("a".repeat(72) + "😀")),
            "a".repeat(72) + "\r\n 😀\r\n"
        );
    }

    #[test]
    fn a_timed_and_an_all_day_event() {
        let mut timed = meeting("m-timed", stated("2026-01-15"), stated("09:30:00"));
        timed["agenda"] = serde_json::json!([
            { "number": 1, "title": "Mötets öppnande", "start": "09:30:00", "end": "09:40:00" },
            { "title": "Kaffe", "start": "10:30:00", "end": "10:45:00" },
            { "number": 2, "title": "Avslutning, nästa möte", "end": "12:00:00" }
        ]);
        let data = data(serde_json::json!([
            timed,
            meeting("m-day", stated("2026-12-31"), unknown()),
            meeting("m-no-end", stated("2026-02-01"), stated("13:00:00")),
        ]));
        let ics = meetings_ics(&data, None, generated_at());

        let timed = event(&ics, "m-timed@samverkan");
        assert_eq!(
            value(&timed, "DTSTART"),
            Some("TZID=Europe/Stockholm:20260115T093000")
        );
        assert_eq!(
            value(&timed, "DTEND"),
            Some("TZID=Europe/Stockholm:20260115T120000")
        );
        assert_eq!(
            value(&timed, "SUMMARY"),
            Some("Politiska samverkansberedningen – Ordinarie sammanträde")
        );
        assert_eq!(value(&timed, "LOCATION"), Some("Regionhuset\\, Luleå"));
        assert_eq!(value(&timed, "STATUS"), Some("CONFIRMED"));
        assert_eq!(value(&timed, "DTSTAMP"), Some("20261122T230509Z"));
        assert_eq!(
            value(&timed, "DESCRIPTION"),
            Some(
                "Ordinarie sammanträde\\nProtokoll: Utkast\\nDagordning:\\n\
                 1. Mötets öppnande (09:30–09:40)\\n– Kaffe (10:30–10:45)\\n\
                 2. Avslutning\\, nästa möte"
            )
        );

        let day = event(&ics, "m-day@samverkan");
        assert_eq!(value(&day, "DTSTART"), Some("VALUE=DATE:20261231"));
        assert_eq!(value(&day, "DTEND"), Some("VALUE=DATE:20270101"));
        assert!(value(&day, "DESCRIPTION")
            .unwrap()
            .contains("Starttid okänd."));

        // No agenda end: the default length, and the description says so.
        let no_end = event(&ics, "m-no-end@samverkan");
        assert_eq!(
            value(&no_end, "DTSTART"),
            Some("TZID=Europe/Stockholm:20260201T130000")
        );
        assert_eq!(
            value(&no_end, "DTEND"),
            Some("TZID=Europe/Stockholm:20260201T160000")
        );
        assert!(value(&no_end, "DESCRIPTION")
            .unwrap()
            .contains("Sluttid inte angiven: mötet är utlagt på 3 timmar."));

        // One VTIMEZONE for all timed events, before the events.
        let lines = unfold(&ics);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
        let tz = lines.iter().position(|l| l == "BEGIN:VTIMEZONE").unwrap();
        let first_event = lines.iter().position(|l| l == "BEGIN:VEVENT").unwrap();
        assert!(tz < first_event);
        // Events in date order.
        let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(
            uids,
            [
                "UID:m-timed@samverkan",
                "UID:m-no-end@samverkan",
                "UID:m-day@samverkan"
            ]
        );
    }

    #[test]
    fn without_an_agenda_end_a_meeting_lasts_the_default_or_to_its_latest_agenda_time() {
        // Item 1 ends 10:30, item 2 has none: 3 hours from the start.
        let mut open = meeting("m-open", stated("2026-03-03"), stated("10:00:00"));
        open["agenda"] = serde_json::json!([
            { "number": 1, "title": "Punkt", "start": "10:00:00", "end": "10:30:00" },
            { "number": 2, "title": "Övriga frågor" }
        ]);
        // An end before the start is a slip: not taken.
        let mut odd = meeting("m-odd", stated("2026-03-04"), stated("10:00:00"));
        odd["agenda"] = serde_json::json!([{ "title": "Fel", "end": "09:00:00" }]);
        // A long day whose last item has only a start: up to that start.
        let mut long = meeting("m-long", stated("2026-03-05"), stated("09:00:00"));
        long["agenda"] = serde_json::json!([
            { "number": 1, "title": "Förmiddag", "start": "09:00:00", "end": "12:00:00" },
            { "number": 2, "title": "Eftermiddag", "start": "15:30:00" }
        ]);
        // Late in the evening: the end is on the next day.
        let late = meeting("m-late", stated("2026-03-06"), stated("22:30:00"));
        let ics = meetings_ics(
            &data(serde_json::json!([open, odd, long, late])),
            None,
            generated_at(),
        );
        let end = |uid: &str| value(&event(&ics, uid), "DTEND").map(str::to_owned);
        let at = |t: &str| Some(format!("TZID=Europe/Stockholm:{t}"));
        assert_eq!(end("m-open@samverkan"), at("20260303T130000"));
        assert_eq!(end("m-odd@samverkan"), at("20260304T130000"));
        assert_eq!(end("m-long@samverkan"), at("20260305T153000"));
        assert_eq!(end("m-late@samverkan"), at("20260307T013000"));
        // No event is without an end.
        let lines = unfold(&ics);
        let starts = lines.iter().filter(|l| l.starts_with("DTSTART;")).count();
        let ends = lines.iter().filter(|l| l.starts_with("DTEND")).count();
        assert_eq!((starts, ends), (4, 4));
    }

    #[test]
    fn an_unknown_start_stays_an_all_day_event_whatever_the_agenda_says() {
        let mut m = meeting("m-agenda", stated("2026-04-01"), unknown());
        m["agenda"] = serde_json::json!([
            { "number": 1, "title": "Val av justerare" },
            { "number": 2, "title": "Information", "start": "13:15:00", "end": "13:45:00" }
        ]);
        let ics = meetings_ics(&data(serde_json::json!([m])), None, generated_at());
        let e = event(&ics, "m-agenda@samverkan");
        assert_eq!(value(&e, "DTSTART"), Some("VALUE=DATE:20260401"));
        assert_eq!(value(&e, "DTEND"), Some("VALUE=DATE:20260402"));
        let description = value(&e, "DESCRIPTION").unwrap();
        assert!(description.contains("Starttid okänd."), "{description}");
        assert!(!description.contains("Sluttid"), "{description}");
        assert!(!ics.contains("VTIMEZONE"));
    }

    #[test]
    fn upcoming_only_from_a_day_with_the_count_and_the_span() {
        let data = data(serde_json::json!([
            meeting("m-past", stated("2026-01-10"), stated("09:00:00")),
            meeting("m-today", stated("2026-02-01"), unknown()),
            meeting("m-later", stated("2026-05-20"), stated("09:00:00")),
            meeting("m-latest", stated("2026-09-02"), unknown()),
        ]));
        let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let upcoming = calendar(
            &data,
            &Selection {
                body: None,
                from: Some(today),
            },
            generated_at(),
        );
        assert_eq!(upcoming.events, 3);
        assert_eq!(upcoming.first, Some(today));
        assert_eq!(upcoming.last, NaiveDate::from_ymd_opt(2026, 9, 2));
        assert!(!upcoming.text.contains("UID:m-past@samverkan"));
        assert!(upcoming.text.contains("UID:m-today@samverkan"));

        let all = calendar(&data, &Selection::default(), generated_at());
        assert_eq!(all.events, 4);
        assert_eq!(all.first, NaiveDate::from_ymd_opt(2026, 1, 10));
        assert_eq!(all.text, meetings_ics(&data, None, generated_at()));

        let none = calendar(
            &data,
            &Selection {
                body: None,
                from: NaiveDate::from_ymd_opt(2027, 1, 1),
            },
            generated_at(),
        );
        assert_eq!((none.events, none.first, none.last), (0, None, None));
        assert!(none.text.contains("BEGIN:VCALENDAR") && !none.text.contains("VEVENT"));
    }

    #[test]
    fn only_all_day_events_need_no_vtimezone() {
        let data = data(serde_json::json!([meeting(
            "m",
            stated("2021-05-27"),
            unknown()
        )]));
        let ics = meetings_ics(&data, None, generated_at());
        assert!(!ics.contains("VTIMEZONE"));
        assert!(!ics.contains("TZID"));
    }

    #[test]
    fn the_calendar_header() {
        let data = data(serde_json::json!([]));
        let ics = meetings_ics(&data, Some(&BodyId::new("nb-psb")), generated_at());
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\n\
             VERSION:2.0\r\n\
             PRODID:-//Samverkan//Samverkan//SV\r\n\
             CALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\n\
             X-WR-CALNAME:Samverkan – Politiska samverkansberedningen\r\n\
             END:VCALENDAR\r\n"
        );
        let all = meetings_ics(&data, None, generated_at());
        assert!(all.contains("\r\nX-WR-CALNAME:Samverkan – alla möten\r\n"));
    }

    #[test]
    fn deleted_unknown_date_and_other_bodies_meetings_are_skipped() {
        let mut deleted = meeting("m-deleted", stated("2026-01-01"), unknown());
        deleted["meta"] = serde_json::json!({ "deleted": true });
        let mut other = meeting("m-other", stated("2026-01-02"), unknown());
        other["body"] = serde_json::json!("nb-lsg");
        let data = data(serde_json::json!([
            meeting("m-kept", stated("2026-01-03"), unknown()),
            deleted,
            meeting("m-undated", unknown(), stated("10:00:00")),
            other,
        ]));

        let psb = meetings_ics(&data, Some(&BodyId::new("nb-psb")), generated_at());
        assert!(psb.contains("UID:m-kept@samverkan"));
        assert!(!psb.contains("m-deleted"));
        assert!(!psb.contains("m-undated"));
        assert!(!psb.contains("m-other"));
        assert_eq!(psb.matches("BEGIN:VEVENT").count(), 1);

        let all = meetings_ics(&data, None, generated_at());
        assert!(all.contains("UID:m-other@samverkan"));
        assert!(all.contains("SUMMARY:Länsstyrgruppen – Ordinarie sammanträde"));
        assert_eq!(all.matches("BEGIN:VEVENT").count(), 2);
    }

    #[test]
    fn an_inferred_date_is_exported_with_its_reason() {
        let data = data(serde_json::json!([meeting(
            "m",
            serde_json::json!({ "inferred": { "value": "2021-05-27", "reason": "Efter § 3, före juni." } }),
            unknown()
        )]));
        let ics = meetings_ics(&data, None, generated_at());
        let lines = event(&ics, "m@samverkan");
        assert_eq!(value(&lines, "DTSTART"), Some("VALUE=DATE:20210527"));
        assert!(value(&lines, "DESCRIPTION")
            .unwrap()
            .contains("\\nDatum härlett: Efter § 3\\, före juni.\\n"));
    }

    #[test]
    fn uids_are_stable_between_exports() {
        let data = data(serde_json::json!([
            meeting("m-1", stated("2026-01-15"), stated("09:30:00")),
            meeting("m-2", stated("2026-02-15"), unknown()),
        ]));
        let later = generated_at() + chrono::Duration::days(40);
        let first = meetings_ics(&data, None, generated_at());
        let second = meetings_ics(&data, None, later);
        let uids = |ics: &str| -> Vec<String> {
            unfold(ics)
                .into_iter()
                .filter(|l| l.starts_with("UID:"))
                .collect()
        };
        assert_eq!(uids(&first), ["UID:m-1@samverkan", "UID:m-2@samverkan"]);
        assert_eq!(uids(&first), uids(&second));
        // Only DTSTAMP differs.
        let without_stamp = |ics: &str| -> Vec<String> {
            unfold(ics)
                .into_iter()
                .filter(|l| !l.starts_with("DTSTAMP:"))
                .collect()
        };
        assert_ne!(first, second);
        assert_eq!(without_stamp(&first), without_stamp(&second));
        assert!(second.contains("DTSTAMP:20270101T230509Z"));
    }

    #[test]
    fn an_edit_bumps_sequence_and_sets_last_modified() {
        let mut data = data(serde_json::json!([meeting(
            "m",
            stated("2026-01-15"),
            stated("09:30:00")
        )]));
        let before = meetings_ics(&data, None, generated_at());
        assert_eq!(value(&event(&before, "m@samverkan"), "SEQUENCE"), Some("0"));
        assert_eq!(value(&event(&before, "m@samverkan"), "LAST-MODIFIED"), None);

        let stamp = |copy: &str, at: &str| ChangeStamp {
            copy_id: copy.into(),
            writer: None,
            organisation: None,
            person: None,
            at: at.into(),
        };
        let id = MeetingId::new("m");
        let m = data.meetings.iter_mut().find(|m| m.id == id).unwrap();
        m.meta.touch(stamp("copy-a", "2026-11-22T11:00:00+01:00"));
        let once = meetings_ics(&data, None, generated_at());
        let lines = event(&once, "m@samverkan");
        assert_eq!(value(&lines, "SEQUENCE"), Some("1"));
        assert_eq!(value(&lines, "LAST-MODIFIED"), Some("20261122T100000Z"));

        // Changes from another copy add up.
        let m = data.meetings.iter_mut().find(|m| m.id == id).unwrap();
        m.meta.touch(stamp("copy-b", "2026-11-23T08:15:30Z"));
        m.meta.touch(stamp("copy-b", "inte en tid"));
        let thrice = meetings_ics(&data, None, generated_at());
        let lines = event(&thrice, "m@samverkan");
        assert_eq!(value(&lines, "SEQUENCE"), Some("3"));
        // A stamp whose time does not parse gives no LAST-MODIFIED.
        assert_eq!(value(&lines, "LAST-MODIFIED"), None);
        assert_eq!(value(&lines, "UID"), Some("m@samverkan"));
    }

    #[test]
    fn every_line_is_crlf_terminated_and_short() {
        let mut long = meeting("m", stated("2026-01-15"), stated("09:30:00"));
        long["place"] = serde_json::json!("Storgatan 1, Luleå; sal Älvsbyn – ".repeat(8));
        long["agenda"] = serde_json::json!([
            { "number": 1, "title": "Länsgemensam handlingsplan för psykisk hälsa och suicidprevention 😀" }
        ]);
        let ics = meetings_ics(&data(serde_json::json!([long])), None, generated_at());
        assert!(ics.ends_with("\r\n"));
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
    }

    #[test]
    fn the_stockholm_rules_start_on_the_last_sundays() {
        for (date, month) in [("19700329", 3), ("19701025", 10)] {
            let d = NaiveDate::parse_from_str(date, "%Y%m%d").unwrap();
            assert_eq!(d.weekday(), Weekday::Sun);
            assert_eq!(d.month(), month);
            assert!((d + chrono::Duration::days(7)).month() != month);
            assert!(VTIMEZONE_STOCKHOLM
                .iter()
                .any(|l| l.starts_with("DTSTART:") && l.contains(date)));
        }
    }

    #[test]
    fn file_names() {
        let mut data = data(serde_json::json!([]));
        data.bodies[1].name = "Vård & omsorg – Öst, (VO) Älvsbyn".into();
        let cases = [
            (
                Some("nb-psb"),
                "samverkan-politiska-samverkansberedningen.ics",
            ),
            (Some("nb-lsg"), "samverkan-vard-omsorg-ost-vo-alvsbyn.ics"),
            (Some("okänt_organ"), "samverkan-okant-organ.ics"),
            (None, "samverkan-alla-moten.ics"),
        ];
        for (body, expected) in cases {
            let id = body.map(BodyId::new);
            let name = ics_file_name(&data, id.as_ref());
            assert_eq!(name, expected);
            assert!(name.is_ascii());
        }
    }
}
