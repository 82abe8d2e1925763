//! The accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessibility of digital public services (DOS-lagen) requires, laid out
//! the way DIGG's model statement is: who stands behind it, how accessible
//! the service is, what to do and whom to tell when something does not work,
//! supervision, the known gaps, and how and when it was assessed.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, tf, Text};

/// Where DIGG takes complaints about inaccessible public services.
const DIGG_REPORT: &str = "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet";
/// The day the service was last assessed (axe run, keyboard walk, zoom, print).
const ASSESSED: (i32, u32, u32) = (2026, 11, 23);
/// The day this statement was last updated.
const UPDATED: (i32, u32, u32) = (2026, 11, 23);

/// A day of the statement, written in the interface's language.
fn day((year, month, day): (i32, u32, u32)) -> String {
    NaiveDate::from_ymd_opt(year, month, day)
        .map(format::date)
        .unwrap_or_default()
}

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    // The link to DIGG sits inside the sentence, wherever the words put it.
    let (before_link, after_link) = t(Text::StatementSupervision)
        .split_once("{0}")
        .unwrap_or_default();
    view! {
        <article class="statement">
            <h1>{t(Text::FooterAccessibility)}</h1>
            <p class="lead">{t(Text::StatementLead)}</p>
            <p>{t(Text::StatementScope)}</p>

            <Part id="hur-tillganglig" heading=t(Text::StatementHowAccessibleHeading)>
                <p>{t(Text::StatementHowAccessible)}</p>
            </Part>

            <Part id="om-du-inte-kan" heading=t(Text::StatementIfYouCannotHeading)>
                <p>{t(Text::StatementIfYouCannot)}</p>
                <Contact />
            </Part>

            <Part id="rapportera" heading=t(Text::StatementReportHeading)>
                <p>{t(Text::StatementReport)}</p>
            </Part>

            <Part id="tillsyn" heading=t(Text::StatementSupervisionHeading)>
                <p>
                    {before_link}
                    <a href=DIGG_REPORT rel="external">{t(Text::StatementSupervisionLink)}</a>
                    {after_link}
                </p>
            </Part>

            <Part id="teknisk" heading=t(Text::StatementTechnicalHeading)>
                <p>{t(Text::StatementTechnical)}</p>
            </Part>

            <KnownGaps />

            <Part id="hur-testat" heading=t(Text::StatementTestedHeading)>
                <p>{tf(Text::StatementTested, &[&day(ASSESSED)])}</p>
                <ul>
                    <li>{t(Text::StatementTestAxe)}</li>
                    <li>{t(Text::StatementTestKeyboard)}</li>
                    <li>{t(Text::StatementTestZoom)}</li>
                    <li>{t(Text::StatementTestPrint)}</li>
                </ul>
                <p>{t(Text::StatementNotTestedYet)}</p>
                <p>{tf(Text::StatementUpdated, &[&day(UPDATED)])}</p>
            </Part>
        </article>
    }
}

/// A part of the statement under its own heading, labelling its section.
#[component]
fn Part(
    /// The heading's id.
    id: &'static str,
    heading: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {children()}
        </section>
    }
}

/// Whom to contact: each region fills in its own samverkan office.
#[component]
fn Contact() -> impl IntoView {
    view! {
        <dl class="facts contact">
            <dt>{t(Text::StatementContact)}</dt>
            <dd>{t(Text::StatementContactWho)}</dd>
            <dt>{t(Text::StatementEmailAndPhone)}</dt>
            <dd class="placeholder">{t(Text::StatementContactPlaceholder)}</dd>
        </dl>
    }
}

/// What we know does not meet WCAG 2.1 AA, or is not finished, and the
/// alternatives that exist.
#[component]
fn KnownGaps() -> impl IntoView {
    view! {
        <Part id="inte-tillgangligt" heading=t(Text::StatementGapsHeading)>
            <h3>{t(Text::StatementNonCompliance)}</h3>
            <ul>
                <li>{t(Text::StatementDiagramGap)}</li>
            </ul>
            <h3>{t(Text::StatementNotFinished)}</h3>
            <ul>
                <li>{t(Text::StatementContentLanguage)}</li>
                <li>{t(Text::StatementContactFilledIn)}</li>
            </ul>
        </Part>
    }
}
