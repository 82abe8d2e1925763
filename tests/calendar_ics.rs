//! The calendar export of the built-in data set, read back with a small
//! RFC 5545 reader written here: it checks line endings, line length and
//! folding, BEGIN/END nesting, the required properties of VCALENDAR, VEVENT
//! and VTIMEZONE, the date/time forms and TEXT escaping.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use samverkan::calendar::{ics_file_name, meetings_ics};
use samverkan::model::*;
use samverkan::seed;

const MEETING: &str = "nb-psb-2021-protokoll";

fn data() -> Dataset {
    seed::built_in().expect("the built-in data set parses")
}

fn generated_at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

// --- A small RFC 5545 reader -------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Component {
    name: String,
    properties: Vec<Property>,
    children: Vec<Component>,
}

impl Component {
    fn all(&self, name: &str) -> Vec<&Property> {
        self.properties.iter().filter(|p| p.name == name).collect()
    }

    fn one(&self, name: &str) -> Result<&Property, String> {
        match self.all(name).as_slice() {
            [p] => Ok(p),
            ps => Err(format!(
                "{} has {} {name} properties, expected exactly one",
                self.describe(),
                ps.len()
            )),
        }
    }

    fn at_most_one(&self, name: &str) -> Result<Option<&Property>, String> {
        match self.all(name).as_slice() {
            [] => Ok(None),
            [p] => Ok(Some(p)),
            ps => Err(format!(
                "{} has {} {name} properties, at most one allowed",
                self.describe(),
                ps.len()
            )),
        }
    }

    fn children(&self, name: &str) -> Vec<&Component> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn describe(&self) -> String {
        match self.all("UID").first() {
            Some(uid) => format!("{} {}", self.name, uid.value),
            None => self.name.clone(),
        }
    }
}

/// Checks the physical lines and returns the unfolded (logical) ones.
fn unfold(ics: &str) -> Result<Vec<String>, String> {
    if !ics.ends_with("\r\n") {
        return Err("the calendar does not end in CRLF".into());
    }
    let mut logical: Vec<String> = Vec::new();
    for (i, line) in ics[..ics.len() - 2].split("\r\n").enumerate() {
        let n = i + 1;
        if line.contains(['\r', '\n']) {
            return Err(format!("line {n} has a bare CR or LF: {line:?}"));
        }
        if line.len() > 75 {
            return Err(format!("line {n} has {} octets: {line:?}", line.len()));
        }
        if let Some(rest) = line.strip_prefix([' ', '\t']) {
            let last = logical
                .last_mut()
                .ok_or_else(|| "the first line is a continuation".to_owned())?;
            last.push_str(rest);
        } else if line.is_empty() {
            return Err(format!("line {n} is empty"));
        } else {
            logical.push(line.to_owned());
        }
    }
    Ok(logical)
}

/// `name *(";" param) ":" value`, with quoted parameter values.
fn parse_line(line: &str) -> Result<Property, String> {
    let name_end = line
        .find([';', ':'])
        .ok_or_else(|| format!("no ':' in {line:?}"))?;
    let name = &line[..name_end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!("bad property name in {line:?}"));
    }
    let mut params = Vec::new();
    let mut rest = &line[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after
            .find('=')
            .ok_or_else(|| format!("parameter without '=' in {line:?}"))?;
        let param_name = &after[..eq];
        let mut value_part = &after[eq + 1..];
        let value;
        if let Some(quoted) = value_part.strip_prefix('"') {
            let close = quoted
                .find('"')
                .ok_or_else(|| format!("unclosed quote in {line:?}"))?;
            value = quoted[..close].to_owned();
            value_part = &quoted[close + 1..];
        } else {
            let end = value_part
                .find([';', ':', ','])
                .ok_or_else(|| format!("no value in {line:?}"))?;
            value = value_part[..end].to_owned();
            value_part = &value_part[end..];
        }
        params.push((param_name.to_ascii_uppercase(), value));
        rest = value_part;
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| format!("no ':' after the parameters in {line:?}"))?;
    Ok(Property {
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_owned(),
    })
}

/// Reads a calendar into its component tree, checking BEGIN/END nesting.
fn parse(ics: &str) -> Result<Component, String> {
    let mut stack: Vec<Component> = Vec::new();
    let mut root: Option<Component> = None;
    for line in unfold(ics)? {
        let prop = parse_line(&line)?;
        if root.is_some() {
            return Err(format!("content after END:VCALENDAR: {line:?}"));
        }
        match prop.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: prop.value.to_ascii_uppercase(),
                properties: vec![],
                children: vec![],
            }),
            "END" => {
                let done = stack
                    .pop()
                    .ok_or_else(|| format!("END:{} without BEGIN", prop.value))?;
                if done.name != prop.value.to_ascii_uppercase() {
                    return Err(format!("BEGIN:{} closed by END:{}", done.name, prop.value));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            _ => stack
                .last_mut()
                .ok_or_else(|| format!("property outside any component: {line:?}"))?
                .properties
                .push(prop),
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("BEGIN:{} is never closed", open.name));
    }
    let root = root.ok_or("no component")?;
    if root.name != "VCALENDAR" {
        return Err(format!("the outer component is {}", root.name));
    }
    Ok(root)
}

/// A TEXT value unescaped; a bare ',' or ';' or an unknown escape is an error.
fn unescape_text(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n') | Some('N') => out.push('\n'),
                other => return Err(format!("bad escape \\{other:?} in {value:?}")),
            },
            ';' | ',' => return Err(format!("unescaped {c:?} in TEXT {value:?}")),
            c if c.is_control() && c != '\t' => {
                return Err(format!("control character in TEXT {value:?}"))
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

fn is_date(v: &str) -> bool {
    NaiveDate::parse_from_str(v, "%Y%m%d").is_ok() && v.len() == 8
}

fn is_local_date_time(v: &str) -> bool {
    v.len() == 15 && NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").is_ok()
}

fn is_utc_date_time(v: &str) -> bool {
    v.strip_suffix('Z').is_some_and(is_local_date_time)
}

/// A DTSTART or DTEND: a DATE, a DATE-TIME in a defined time zone, or UTC.
fn check_date_or_time(prop: &Property, zones: &[String]) -> Result<(), String> {
    match (prop.param("VALUE"), prop.param("TZID")) {
        (Some("DATE"), None) if is_date(&prop.value) => Ok(()),
        (None | Some("DATE-TIME"), Some(tz)) if is_local_date_time(&prop.value) => {
            if zones.iter().any(|z| z == tz) {
                Ok(())
            } else {
                Err(format!(
                    "{} refers to TZID {tz} without a VTIMEZONE",
                    prop.name
                ))
            }
        }
        (None | Some("DATE-TIME"), None) if is_utc_date_time(&prop.value) => Ok(()),
        _ => Err(format!("bad {} {:?}", prop.name, prop)),
    }
}

/// Parses and checks a calendar against RFC 5545's required properties.
fn validate(ics: &str) -> Result<Component, String> {
    let cal = parse(ics)?;
    if cal.one("VERSION")?.value != "2.0" {
        return Err("VERSION is not 2.0".into());
    }
    if cal.one("PRODID")?.value.is_empty() {
        return Err("PRODID is empty".into());
    }
    for name in ["CALSCALE", "METHOD"] {
        cal.at_most_one(name)?;
    }
    if cal.children.is_empty() {
        return Err("a VCALENDAR needs at least one component".into());
    }

    let mut zones = Vec::new();
    for tz in cal.children("VTIMEZONE") {
        zones.push(tz.one("TZID")?.value.clone());
        if tz.children.is_empty() {
            return Err("a VTIMEZONE needs a STANDARD or DAYLIGHT part".into());
        }
        for part in &tz.children {
            if part.name != "STANDARD" && part.name != "DAYLIGHT" {
                return Err(format!("{} inside VTIMEZONE", part.name));
            }
            if !is_local_date_time(&part.one("DTSTART")?.value) {
                return Err("a time zone rule's DTSTART must be a local DATE-TIME".into());
            }
            for name in ["TZOFFSETFROM", "TZOFFSETTO"] {
                let v = &part.one(name)?.value;
                let ok = v.len() == 5
                    && v.starts_with(['+', '-'])
                    && v[1..].chars().all(|c| c.is_ascii_digit());
                if !ok {
                    return Err(format!("bad {name} {v}"));
                }
            }
        }
    }
    if zones.len() != cal.children("VTIMEZONE").len() {
        return Err("duplicate VTIMEZONE".into());
    }

    let mut uids = Vec::new();
    for event in cal.children("VEVENT") {
        let uid = &event.one("UID")?.value;
        if uids.contains(uid) {
            return Err(format!("duplicate UID {uid}"));
        }
        uids.push(uid.clone());
        let stamp = &event.one("DTSTAMP")?.value;
        if !is_utc_date_time(stamp) {
            return Err(format!("DTSTAMP {stamp} is not a UTC DATE-TIME"));
        }
        let start = event.one("DTSTART")?;
        check_date_or_time(start, &zones)?;
        if let Some(end) = event.at_most_one("DTEND")? {
            check_date_or_time(end, &zones)?;
            if end.params != start.params || end.value <= start.value {
                return Err(format!("{uid}: DTEND {end:?} does not follow DTSTART"));
            }
        }
        if event.at_most_one("DURATION")?.is_some() && event.all("DTEND").len() == 1 {
            return Err("both DTEND and DURATION".into());
        }
        for name in [
            "SUMMARY",
            "LOCATION",
            "DESCRIPTION",
            "SEQUENCE",
            "STATUS",
            "LAST-MODIFIED",
            "CREATED",
        ] {
            event.at_most_one(name)?;
        }
        for name in ["SUMMARY", "LOCATION", "DESCRIPTION"] {
            if let Some(p) = event.at_most_one(name)? {
                unescape_text(&p.value)?;
            }
        }
        if let Some(seq) = event.at_most_one("SEQUENCE")? {
            seq.value
                .parse::<i32>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| format!("bad SEQUENCE {}", seq.value))?;
        }
        if let Some(m) = event.at_most_one("LAST-MODIFIED")? {
            if !is_utc_date_time(&m.value) {
                return Err(format!("LAST-MODIFIED {} is not UTC", m.value));
            }
        }
        if let Some(status) = event.at_most_one("STATUS")? {
            if !["TENTATIVE", "CONFIRMED", "CANCELLED"].contains(&status.value.as_str()) {
                return Err(format!("bad VEVENT STATUS {}", status.value));
            }
        }
    }
    Ok(cal)
}

fn event<'a>(cal: &'a Component, uid: &str) -> &'a Component {
    cal.children("VEVENT")
        .into_iter()
        .find(|e| e.all("UID").iter().any(|p| p.value == uid))
        .unwrap_or_else(|| panic!("no VEVENT {uid}"))
}

// --- The reader itself --------------------------------------------------------

#[test]
fn the_reader_rejects_broken_calendars() {
    let good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//SV\r\n\
                BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\n\
                DTSTART;VALUE=DATE:20260101\r\nSUMMARY:a\\, b\r\nEND:VEVENT\r\n\
                END:VCALENDAR\r\n";
    validate(good).expect("the good calendar validates");
    let broken = [
        (good.replace("\r\n", "\n"), "CRLF"),
        (good.replace("VERSION:2.0\r\n", "VERSION:2.0\n"), "bare"),
        (
            good.replace("SUMMARY:a\\, b", &format!("SUMMARY:{}", "a".repeat(70))),
            "octets",
        ),
        (good.replace("END:VEVENT", "END:VTODO"), "closed by"),
        (good.replace("UID:a@x\r\n", ""), "UID"),
        (
            good.replace("DTSTART;VALUE=DATE:20260101\r\n", ""),
            "DTSTART",
        ),
        (
            good.replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20260101T000000"),
            "DTSTAMP",
        ),
        (good.replace("PRODID:-//x//y//SV\r\n", ""), "PRODID"),
        (good.replace("SUMMARY:a\\, b", "SUMMARY:a, b"), "unescaped"),
        (
            good.replace("DTSTART;VALUE=DATE", "DTSTART;TZID=Europe/Stockholm"),
            "DTSTART",
        ),
        (good.replace("END:VCALENDAR\r\n", ""), "never closed"),
    ];
    for (ics, expected) in broken {
        let err = validate(&ics).expect_err(&format!("accepted:\n{ics}"));
        assert!(
            err.contains(expected),
            "{err:?} should mention {expected:?}"
        );
    }
    // Folding anywhere, even inside an escape, is read back.
    let folded = good.replace("SUMMARY:a\\, b", "SUMMARY:a\\\r\n , b");
    let cal = validate(&folded).unwrap();
    assert_eq!(cal.children[0].one("SUMMARY").unwrap().value, "a\\, b");
}

// --- The built-in data set ----------------------------------------------------

#[test]
fn the_built_in_data_set_exports_a_valid_calendar() {
    let data = data();
    let ics = meetings_ics(&data, None, generated_at());
    let cal = validate(&ics).unwrap_or_else(|e| panic!("{e}\n{ics}"));
    assert_eq!(
        cal.one("PRODID").unwrap().value,
        "-//Samverkan//Samverkan//SV"
    );
    assert_eq!(cal.one("CALSCALE").unwrap().value, "GREGORIAN");
    assert_eq!(cal.one("METHOD").unwrap().value, "PUBLISH");
    assert_eq!(
        unescape_text(&cal.one("X-WR-CALNAME").unwrap().value).unwrap(),
        "Samverkan – alla möten"
    );
    let dated = data
        .live_meetings()
        .filter(|m| m.date.value().is_some())
        .count();
    assert!(dated >= 1);
    assert_eq!(cal.children("VEVENT").len(), dated);
    for e in cal.children("VEVENT") {
        assert_eq!(e.one("DTSTAMP").unwrap().value, "20261122T120000Z");
        assert!(e.one("UID").unwrap().value.ends_with("@samverkan"));
    }
}

#[test]
fn the_2021_minutes_are_an_all_day_event_on_the_inferred_date() {
    let data = data();
    let ics = meetings_ics(&data, None, generated_at());
    let cal = validate(&ics).unwrap();
    let uid = format!("{MEETING}@samverkan");
    let e = event(&cal, &uid);

    let start = e.one("DTSTART").unwrap();
    assert_eq!(start.param("VALUE"), Some("DATE"));
    assert_eq!(start.value, "20210527");
    let end = e.one("DTEND").unwrap();
    assert_eq!(end.param("VALUE"), Some("DATE"));
    assert_eq!(end.value, "20210528");

    let summary = unescape_text(&e.one("SUMMARY").unwrap().value).unwrap();
    assert_eq!(
        summary,
        "Politiska samverkansberedningen – Ordinarie sammanträde"
    );
    let location = unescape_text(&e.one("LOCATION").unwrap().value).unwrap();
    assert_eq!(location, "Digitalt via Microsoft Teams");
    assert_eq!(e.one("STATUS").unwrap().value, "CONFIRMED");

    let description = unescape_text(&e.one("DESCRIPTION").unwrap().value).unwrap();
    assert!(description.contains("härlett"), "{description}");
    assert!(description.contains("Datum härlett: Datumet är inte tryckt"));
    assert!(description.contains("Protokoll: Justerat"));
    assert!(description.contains("\n1. Val av justerare\n"));
    assert!(description.contains("\n13. Sammanträdets avslutande"));
    // The seed's date reason has commas: they come back unescaped.
    assert!(description.contains("2021-04-20 (§ 3). Enligt § 4"));

    // An all-day event needs no time zone.
    assert!(cal.children("VTIMEZONE").is_empty());
}

#[test]
fn the_body_calendar_and_its_file_name() {
    let data = data();
    let psb = BodyId::new("nb-psb");
    let ics = meetings_ics(&data, Some(&psb), generated_at());
    let cal = validate(&ics).unwrap();
    assert_eq!(
        unescape_text(&cal.one("X-WR-CALNAME").unwrap().value).unwrap(),
        "Samverkan – Politiska samverkansberedningen"
    );
    assert!(cal
        .children("VEVENT")
        .iter()
        .any(|e| e.one("UID").unwrap().value == format!("{MEETING}@samverkan")));
    assert_eq!(
        ics_file_name(&data, Some(&psb)),
        "samverkan-politiska-samverkansberedningen.ics"
    );
    assert_eq!(ics_file_name(&data, None), "samverkan-alla-moten.ics");
    for body in data.live_bodies() {
        let name = ics_file_name(&data, Some(&body.id));
        assert!(name.starts_with("samverkan-") && name.ends_with(".ics"));
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
            "{name}"
        );
        assert!(!name.contains("--"), "{name}");
    }
}

#[test]
fn a_timed_meeting_validates_with_its_time_zone() {
    let mut data = data();
    let mut timed = data.meeting(&MeetingId::new(MEETING)).unwrap().clone();
    timed.id = MeetingId::new("nb-psb-2021-tidsatt");
    timed.start = Fact::Stated(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    let last = timed.agenda.last_mut().unwrap();
    last.end = Some(NaiveTime::from_hms_opt(15, 30, 0).unwrap());
    data.meetings.push(timed);

    let ics = meetings_ics(&data, None, generated_at());
    let cal = validate(&ics).unwrap_or_else(|e| panic!("{e}\n{ics}"));
    let zones = cal.children("VTIMEZONE");
    assert_eq!(zones.len(), 1);
    assert_eq!(zones[0].one("TZID").unwrap().value, "Europe/Stockholm");
    let parts: Vec<(&str, &str, &str)> = zones[0]
        .children
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.one("TZNAME").unwrap().value.as_str(),
                p.one("TZOFFSETTO").unwrap().value.as_str(),
            )
        })
        .collect();
    assert!(parts.contains(&("STANDARD", "CET", "+0100")));
    assert!(parts.contains(&("DAYLIGHT", "CEST", "+0200")));

    let e = event(&cal, "nb-psb-2021-tidsatt@samverkan");
    let start = e.one("DTSTART").unwrap();
    assert_eq!(start.param("TZID"), Some("Europe/Stockholm"));
    assert_eq!(start.value, "20210527T090000");
    assert_eq!(e.one("DTEND").unwrap().value, "20210527T153000");
    // The original stays an all-day event.
    let all_day = event(&cal, &format!("{MEETING}@samverkan"));
    assert_eq!(all_day.one("DTSTART").unwrap().param("VALUE"), Some("DATE"));
}

#[test]
fn re_exporting_after_an_edit_keeps_the_uid_and_raises_the_sequence() {
    let mut data = data();
    let before = validate(&meetings_ics(&data, None, generated_at())).unwrap();
    let seq = |cal: &Component| -> i32 {
        event(cal, &format!("{MEETING}@samverkan"))
            .one("SEQUENCE")
            .unwrap()
            .value
            .parse()
            .unwrap()
    };
    let m = data
        .meetings
        .iter_mut()
        .find(|m| m.id.as_str() == MEETING)
        .unwrap();
    m.place = "Luleå, Regionhuset; sal 1".into();
    m.meta.touch(ChangeStamp {
        copy_id: "copy-a".into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: None,
        at: "2026-11-23T09:00:00+01:00".into(),
    });
    let later = generated_at() + chrono::Duration::hours(30);
    let after = validate(&meetings_ics(&data, None, later)).unwrap();
    assert_eq!(seq(&after), seq(&before) + 1);
    let e = event(&after, &format!("{MEETING}@samverkan"));
    assert_eq!(e.one("LAST-MODIFIED").unwrap().value, "20261123T080000Z");
    assert_eq!(e.one("DTSTAMP").unwrap().value, "20261123T180000Z");
    assert_eq!(
        unescape_text(&e.one("LOCATION").unwrap().value).unwrap(),
        "Luleå, Regionhuset; sal 1"
    );
}

#[test]
fn a_deleted_meeting_leaves_the_calendar() {
    let mut data = data();
    for m in &mut data.meetings {
        if m.id.as_str() == MEETING {
            m.meta.deleted = true;
        }
    }
    let ics = meetings_ics(&data, None, generated_at());
    assert!(!ics.contains(MEETING));
}
