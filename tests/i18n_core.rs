//! The core speaks the interface's language: with English chosen, refusals,
//! labels, due items, import messages and the dates inside them come from
//! the English catalogue; with Swedish (the default) they are as before.

use chrono::NaiveDate;
use samverkan::exchange::parse;
use samverkan::i18n::{set_lang, Lang};
use samverkan::model::*;
use samverkan::rules::due::due_items;

fn stamp() -> ChangeStamp {
    ChangeStamp {
        copy_id: "c".into(),
        writer: None,
        organisation: Some("Region Norrbotten".into()),
        person: Some("Test Testsson".into()),
        at: "2026-11-23T10:00:00Z".into(),
    }
}

fn data() -> Dataset {
    samverkan::seed::built_in().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Runs `f` in `lang`, then goes back to Swedish (tests share nothing, but
/// a failing assertion must not leave English behind for the next one on
/// this thread).
fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    set_lang(lang);
    let out = f();
    set_lang(Lang::Sv);
    out
}

fn swedish_letters(text: &str) -> bool {
    text.chars().any(|c| "åäöÅÄÖ".contains(c))
}

/// A body without a name is refused.
fn nameless_body_refusal() -> String {
    let mut d = data();
    let mut body = d.body(&BodyId::new("nb-psb")).unwrap().clone();
    body.id = BodyId::new("ny");
    body.name = "  ".into();
    body.short_name = None;
    body.other_names.clear();
    d.save(body, stamp()).unwrap_err().to_string()
}

/// An appointment that ends before it starts: a message with two dates.
fn backwards_membership_refusal() -> String {
    let mut d = data();
    let membership = Membership {
        id: MembershipId::new("m-ny"),
        meta: RecordMeta::default(),
        person: d.live_people().next().unwrap().id.clone(),
        body: BodyId::new("nb-psb"),
        role: MembershipRole::Member,
        representing: None,
        from: Some(date("2021-05-27")),
        to: Some(date("2021-01-01")),
        note: None,
    };
    d.save(membership, stamp()).unwrap_err().to_string()
}

#[test]
fn a_validation_refusal_is_in_the_chosen_language() {
    let english = in_lang(Lang::En, nameless_body_refusal);
    let swedish = nameless_body_refusal();
    assert_eq!(swedish, "Namn: ange organets namn.");
    assert_eq!(english, "Name: enter the body's name.");
    assert!(!swedish_letters(&english), "{english}");
}

#[test]
fn dates_inside_messages_follow_the_language() {
    let english = in_lang(Lang::En, backwards_membership_refusal);
    let swedish = backwards_membership_refusal();
    assert_eq!(
        swedish,
        "Till: uppdraget kan inte sluta (1 januari 2021) före det börjar (27 maj 2021)."
    );
    assert_eq!(
        english,
        "To: the appointment cannot end (1 January 2021) before it starts (27 May 2021)."
    );
}

#[test]
fn enum_labels_are_in_the_chosen_language() {
    let english = in_lang(Lang::En, || {
        (
            BodyLevel::Political.label(),
            MembershipRole::Substitute { for_person: None }.label(),
            MinutesState::Adjusted {
                date: Fact::Stated(date("2021-06-01")),
            }
            .label(),
            RelationKind::PreparesCasesFor.label(),
            MeetingKind::Ordinary.label(),
        )
    });
    assert_eq!(
        english,
        (
            "Political level",
            "Substitute",
            "Approved",
            "prepares cases for",
            "Ordinary meeting"
        )
    );
    assert_eq!(BodyLevel::Political.label(), "Politisk nivå");
    assert_eq!(
        MembershipRole::Substitute { for_person: None }.label(),
        "Ersättare"
    );
    assert_eq!(
        RelationKind::PreparesCasesFor.label(),
        "bereder ärenden till"
    );
}

#[test]
fn due_items_are_in_the_chosen_language() {
    let d = data();
    let today = date("2026-11-23");
    let english = in_lang(Lang::En, || due_items(&d, today));
    let swedish = due_items(&d, today);
    assert_eq!(english.len(), swedish.len());
    assert!(!english.is_empty());
    // Every detail has words of the app's own (the rest is data, which
    // stays as written).
    for (en, sv) in english.iter().zip(&swedish) {
        assert_ne!(en.detail, sv.detail, "{}", sv.detail);
    }
    let follow_up = |items: &[samverkan::rules::due::DueItem], prefixes: [&str; 2]| {
        items
            .iter()
            .find(|i| prefixes.iter().any(|p| i.detail.starts_with(p)))
            .map(|i| (i.title.clone(), i.detail.clone()))
    };
    let (sv_title, sv_detail) = follow_up(
        &swedish,
        ["Nästa uppföljning ", "Skulle ha startat senast "],
    )
    .expect("a follow-up of an agreement is due");
    let (en_title, en_detail) = follow_up(&english, ["Next follow-up ", "Should have started by "])
        .expect("the same follow-up in English");
    assert!(sv_title.starts_with("Uppföljning av "), "{sv_title}");
    assert!(en_title.starts_with("Follow-up of "), "{en_title}");
    // The date inside is written the English way: "1 January 2027".
    let months: Vec<String> = (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(2027, m, 1))
        .map(|d| in_lang(Lang::En, || samverkan::format::date(d)))
        .filter_map(|text| text.split(' ').nth(1).map(str::to_owned))
        .collect();
    assert!(months.iter().any(|m| en_detail.contains(m)), "{en_detail}");
    assert!(!swedish_letters(&en_detail), "{en_detail}");
    assert!(sv_detail.ends_with('.'), "{sv_detail}");
}

#[test]
fn a_refused_import_is_explained_in_the_chosen_language() {
    let text = r#"{"format": "något annat"}"#;
    let english = in_lang(Lang::En, || parse(text, 1_000_000).unwrap_err().to_string());
    let swedish = parse(text, 1_000_000).unwrap_err().to_string();
    assert_eq!(
        swedish,
        "Filen är ingen utväxlingsfil från Samverkan (fältet `format` är \"något annat\", väntat \"samverkan-exchange\")."
    );
    assert_eq!(
        english,
        "The file is not a Samverkan exchange file (the field `format` is \"något annat\", expected \"samverkan-exchange\")."
    );
    let too_large = in_lang(Lang::En, || parse(text, 5).unwrap_err().to_string());
    assert!(
        too_large.starts_with("The file is too large"),
        "{too_large}"
    );
}

#[test]
fn the_history_names_fields_and_values_in_the_chosen_language() {
    let adjusted = serde_json::json!({"state": "adjusted", "date": {"stated": "2021-05-27"}});
    let empty = Dataset::default();
    let reader = ChangeReader::new(&empty);
    let english = in_lang(Lang::En, || {
        (
            field_label("decision_makers").to_owned(),
            reader.field_value("minutes", &adjusted),
            value_text(&serde_json::Value::Bool(true), 80),
        )
    });
    assert_eq!(english.0, "members with a vote");
    assert_eq!(english.2, "yes");
    assert_eq!(field_label("decision_makers"), "beslutande");
    assert_eq!(value_text(&serde_json::Value::Bool(true), 80), "ja");
    // The adjusted state names its date, in the language's words.
    let swedish = reader.field_value("minutes", &adjusted);
    assert_eq!(swedish, "Justerat 27 maj 2021");
    assert_eq!(english.1, "Approved 27 May 2021");
}

#[test]
fn a_refused_minutes_step_is_in_the_chosen_language() {
    let d = data();
    let adjusted = d
        .meetings
        .iter()
        .find(|m| matches!(m.minutes, MinutesState::Adjusted { .. }))
        .expect("the seed has adjusted minutes")
        .id
        .clone();
    let refuse = || {
        let mut d = d.clone();
        d.take_minutes_step(&adjusted, MinutesStep::ReturnToDraft, stamp())
            .unwrap_err()
            .to_string()
    };
    let english = in_lang(Lang::En, refuse);
    assert_eq!(
        refuse(),
        "Protokollet är justerat och låst. Ändringar görs som rättelse eller tillägg."
    );
    assert_eq!(
        english,
        "The minutes are approved and locked. Changes are made as a correction or an addition."
    );
}
