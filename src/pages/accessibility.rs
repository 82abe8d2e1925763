//! The accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessibility of digital public services (DOS-lagen) requires, laid out
//! the way DIGG's model statement is: who stands behind it, how accessible
//! the service is, what to do and whom to tell when something does not work,
//! supervision, the known gaps, and how and when it was assessed.

use chrono::NaiveDate;
use leptos::prelude::*;

use leptos_router::components::A;

use crate::browser::local_storage;
use crate::format;
use crate::i18n::{t, tf, Text};
use crate::model::StatementContact;
use crate::routes::Page;
use crate::storage::keys;

/// The id of the settings section where the contact is entered.
pub const CONTACT_SETTINGS_ID: &str = "tillganglighetskontakt";

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

/// Whom to contact: each copy states its own (under Inställningar); until
/// then a placeholder that says where to fill it in.
#[component]
fn Contact() -> impl IntoView {
    let contact = stored_contact();
    let who = if contact.who.is_empty() {
        t(Text::StatementContactWho).to_owned()
    } else {
        contact.who.clone()
    };
    let reach = if contact.is_set() {
        view! { <dd data-statement-contact="">{contact.reach}</dd> }.into_any()
    } else {
        let settings = format!("{}#{CONTACT_SETTINGS_ID}", Page::Settings.href());
        view! {
            <dd class="placeholder">
                {t(Text::StatementContactPlaceholder)} " "
                <A href=settings>{t(Text::StatementContactSetIt)}</A>
            </dd>
        }
        .into_any()
    };
    view! {
        <dl class="facts contact">
            <dt>{t(Text::StatementContact)}</dt>
            <dd>{who}</dd>
            <dt>{t(Text::StatementEmailAndPhone)}</dt>
            {reach}
        </dl>
    }
}

/// The contact this copy has stored; none when nothing (or nothing
/// readable) is stored.
pub fn stored_contact() -> StatementContact {
    local_storage()
        .and_then(|s| s.get_item(keys::STATEMENT_CONTACT).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Keeps the contact in this browser.
fn store_contact(contact: &StatementContact) -> Result<(), String> {
    let storage = local_storage().ok_or_else(|| t(Text::SaveStateNotKept).to_owned())?;
    let raw = serde_json::to_string(contact).map_err(|e| e.to_string())?;
    storage
        .set_item(keys::STATEMENT_CONTACT, &raw)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// The settings section where a copy enters the statement's contact.
#[component]
pub fn ContactSettings() -> impl IntoView {
    let current = stored_contact();
    let who = RwSignal::new(current.who);
    let reach = RwSignal::new(current.reach);
    let message = RwSignal::new(None::<(bool, String)>);
    let field_error = RwSignal::new(None::<(&'static str, String)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        field_error.set(None);
        match StatementContact::new(&who.get_untracked(), &reach.get_untracked()) {
            Ok(contact) => match store_contact(&contact) {
                Ok(()) => {
                    who.set(contact.who);
                    reach.set(contact.reach);
                    message.set(Some((true, t(Text::StatementContactSaved).into())));
                }
                Err(e) => message.set(Some((false, tf(Text::StatementContactNotSaved, &[&e])))),
            },
            Err(e) => {
                message.set(None);
                field_error.set(Some((e.field(), e.to_string())));
            }
        }
    };
    let error_of = move |field: &'static str| {
        move || {
            field_error.with(|e| {
                e.as_ref()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            field_error
                .with(|e| e.as_ref().is_some_and(|(f, _)| *f == field))
                .then_some("true")
        }
    };
    view! {
        <section id=CONTACT_SETTINGS_ID aria-labelledby="tillganglighetskontakt-rubrik">
            <h2 id="tillganglighetskontakt-rubrik">{t(Text::StatementContactSettingsHeading)}</h2>
            <p>{t(Text::StatementContactSettingsLead)}</p>
            <form class="edit-form" on:submit=save novalidate>
                <div class="field">
                    <label for="kontakt-vem">{t(Text::StatementContactWhoField)}</label>
                    <input id="kontakt-vem" type="text" aria-invalid=invalid("who") aria-describedby="kontakt-vem-fel"
                        prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev)) />
                    <p class="field-error" id="kontakt-vem-fel">{error_of("who")}</p>
                </div>
                <div class="field">
                    <label for="kontakt-nas">{t(Text::StatementContactReachField)}</label>
                    <input id="kontakt-nas" type="text" autocomplete="email" aria-invalid=invalid("reach") aria-describedby="kontakt-nas-fel"
                        prop:value=move || reach.get() on:input=move |ev| reach.set(event_target_value(&ev)) />
                    <p class="field-error" id="kontakt-nas-fel">{error_of("reach")}</p>
                </div>
                <div class="actions">
                    <button type="submit">{t(Text::StatementContactSaveButton)}</button>
                    <A href=Page::Accessibility.href()>{t(Text::FooterAccessibility)}</A>
                </div>
            </form>
            {move || message.get().map(|(ok, text)| {
                let (class, role) = if ok { ("ok", "status") } else { ("error", "alert") };
                view! { <p class=class role=role>{text}</p> }
            })}
        </section>
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
                {(!stored_contact().is_set()).then(|| view! { <li>{t(Text::StatementContactFilledIn)}</li> })}
            </ul>
        </Part>
    }
}
