//! Every page's URL, in one place: the route table the router matches and
//! the links the views build.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use crate::exchange::RecordRef;
use crate::model::{
    AgreementId, BodyId, CountyId, Dataset, MeetingId, OrganisationId, PersonId, RecordKind,
};
use crate::pages;
use crate::search::Target;

/// A page of the app with what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Due,
    Bodies,
    Body(BodyId),
    /// The structure diagram of a county; of the first one when `None`.
    Diagram(Option<CountyId>),
    /// Both counties' diagrams side by side.
    DiagramBoth,
    Agreements,
    Agreement(AgreementId),
    Meetings,
    Meeting(MeetingId),
    People,
    Person(PersonId),
    Exchange,
    Settings,
    /// Every change in this copy, and the deleted records.
    Changes,
    Search(String),
    /// The accessibility statement (tillgänglighetsredogörelse).
    Accessibility,
}

impl Page {
    /// The `:id` of [`Page::DiagramBoth`] under `/diagram/`.
    pub const BOTH_COUNTIES: &'static str = "bada";

    pub fn href(&self) -> String {
        match self {
            Page::Overview => "/".into(),
            Page::Due => "/att-gora".into(),
            Page::Bodies => "/organ".into(),
            Page::Body(id) => format!("/organ/{id}"),
            Page::Diagram(None) => "/diagram".into(),
            Page::Diagram(Some(county)) => format!("/diagram/{county}"),
            Page::DiagramBoth => format!("/diagram/{}", Page::BOTH_COUNTIES),
            Page::Agreements => "/overenskommelser".into(),
            Page::Agreement(id) => format!("/overenskommelser/{id}"),
            Page::Meetings => "/moten".into(),
            Page::Meeting(id) => format!("/moten/{id}"),
            Page::People => "/personer".into(),
            Page::Exchange => "/utbyte".into(),
            Page::Settings => "/installningar".into(),
            Page::Changes => "/andringar".into(),
            Page::Person(id) => format!("/personer/{id}"),
            Page::Search(q) => format!("/sok?q={}", encode_query(q)),
            Page::Accessibility => "/tillganglighet".into(),
        }
    }
}

/// The anchor of a § on the minutes page.
pub fn paragraph_anchor(number: u32) -> String {
    format!("p-{number}")
}

/// The anchor of an agreement section by its position.
pub fn section_anchor(index: usize) -> String {
    format!("avsnitt-{}", index + 1)
}

/// Where a search hit leads.
pub fn target_href(target: &Target) -> String {
    match target {
        Target::Body(id) => Page::Body(id.clone()).href(),
        Target::Agreement { agreement, section } => {
            let page = Page::Agreement(agreement.clone()).href();
            match section {
                Some(index) => format!("{page}#{}", section_anchor(*index)),
                None => page,
            }
        }
        Target::Meeting(id) => Page::Meeting(id.clone()).href(),
        Target::Paragraph { meeting, number } => format!(
            "{}#{}",
            Page::Meeting(meeting.clone()).href(),
            paragraph_anchor(*number)
        ),
        Target::Person(id) => Page::Person(id.clone()).href(),
        Target::Organisation(id) => organisation_href(id),
    }
}

/// The page that shows a record, if it has one: relations and memberships
/// show on their body's page, a § on its meeting's.
pub fn record_href(data: &Dataset, record: &RecordRef) -> Option<String> {
    let id = record.id.as_str();
    let page = match record.kind {
        RecordKind::Bodies => Page::Body(BodyId::new(id)),
        RecordKind::Agreements => Page::Agreement(AgreementId::new(id)),
        RecordKind::Meetings => Page::Meeting(MeetingId::new(id)),
        RecordKind::People => Page::Person(PersonId::new(id)),
        RecordKind::Organisations => return Some(organisation_href(&OrganisationId::new(id))),
        RecordKind::Relations => Page::Body(
            data.relations
                .iter()
                .find(|r| r.id.as_str() == id)?
                .from
                .clone(),
        ),
        RecordKind::Memberships => Page::Body(
            data.memberships
                .iter()
                .find(|m| m.id.as_str() == id)?
                .body
                .clone(),
        ),
        RecordKind::Paragraphs => {
            let p = data.paragraphs.iter().find(|p| p.id.as_str() == id)?;
            return Some(format!(
                "{}#{}",
                Page::Meeting(p.meeting.clone()).href(),
                paragraph_anchor(p.number)
            ));
        }
        _ => return None,
    };
    Some(page.href())
}

/// Organisations have no page of their own yet; the people list filters by them.
pub fn organisation_href(id: &OrganisationId) -> String {
    format!("{}#org-{id}", Page::People.href())
}

fn encode_query(q: &str) -> String {
    let mut out = String::new();
    for byte in q.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The route table.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=pages::NotFound>
            <Route path=path!("/") view=pages::Overview />
            <Route path=path!("/att-gora") view=pages::DuePage />
            <Route path=path!("/organ") view=pages::BodyList />
            <Route path=path!("/organ/:id") view=pages::BodyPage />
            <Route path=path!("/diagram") view=pages::DiagramPage />
            <Route path=path!("/diagram/:id") view=pages::DiagramPage />
            <Route path=path!("/overenskommelser") view=pages::AgreementList />
            <Route path=path!("/overenskommelser/:id") view=pages::AgreementPage />
            <Route path=path!("/moten") view=pages::MeetingList />
            <Route path=path!("/moten/:id") view=pages::MinutesPage />
            <Route path=path!("/personer") view=pages::PeopleList />
            <Route path=path!("/personer/:id") view=pages::PersonPage />
            <Route path=path!("/sok") view=pages::SearchPage />
            <Route path=path!("/utbyte") view=pages::ExchangePage />
            <Route path=path!("/installningar") view=pages::SettingsPage />
            <Route path=path!("/andringar") view=pages::edit::ChangesPage />
            <Route path=path!("/tillganglighet") view=pages::AccessibilityPage />
        </Routes>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs() {
        assert_eq!(Page::Body(BodyId::new("nb-psb")).href(), "/organ/nb-psb");
        assert_eq!(Page::Diagram(None).href(), "/diagram");
        assert_eq!(
            Page::Diagram(Some(CountyId::new("vb"))).href(),
            "/diagram/vb"
        );
        assert_eq!(
            Page::Search("nära vård".into()).href(),
            "/sok?q=n%C3%A4ra+v%C3%A5rd"
        );
        let hit = Target::Paragraph {
            meeting: MeetingId::new("m"),
            number: 9,
        };
        assert_eq!(target_href(&hit), "/moten/m#p-9");
    }
}
