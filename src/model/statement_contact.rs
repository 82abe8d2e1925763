//! Whom a reader contacts about the app's accessibility, as the
//! accessibility statement names it.
//!
//! A setting of this copy, not shared data: each organisation that runs the
//! app publishes its own statement with its own contact, so the value stays
//! in the browser (like the language) and does not travel in exchange
//! files or the history.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n::{t, tf, Text};

/// The longest text either field takes.
pub const CONTACT_MAX_CHARS: usize = 200;

/// The statement's contact: who (an office) and how to reach them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementContact {
    /// E.g. "Samverkanskansliet, Region Norrbotten"; the statement's
    /// general wording when empty.
    #[serde(default)]
    pub who: String,
    /// E-mail address and phone number, as written.
    #[serde(default)]
    pub reach: String,
}

/// Why a contact was not taken.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ContactError {
    #[error("{}", t(Text::StatementContactNeedReach))]
    NoReach,
    #[error("{}", tf(Text::StatementContactTooLong, &[&CONTACT_MAX_CHARS]))]
    TooLong { field: &'static str },
}

impl ContactError {
    /// The form field the message belongs to: "who" or "reach".
    pub fn field(&self) -> &'static str {
        match self {
            ContactError::NoReach => "reach",
            ContactError::TooLong { field } => field,
        }
    }
}

impl StatementContact {
    /// Trims the input; a way to reach someone is required, who is optional.
    pub fn new(who: &str, reach: &str) -> Result<StatementContact, ContactError> {
        let (who, reach) = (who.trim(), reach.trim());
        if reach.is_empty() {
            return Err(ContactError::NoReach);
        }
        for (field, text) in [("who", who), ("reach", reach)] {
            if text.chars().count() > CONTACT_MAX_CHARS {
                return Err(ContactError::TooLong { field });
            }
        }
        Ok(StatementContact {
            who: who.to_owned(),
            reach: reach.to_owned(),
        })
    }

    /// Whether the copy has said how to reach it.
    pub fn is_set(&self) -> bool {
        !self.reach.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_way_to_reach_someone() {
        assert_eq!(
            StatementContact::new("Kansliet", "  "),
            Err(ContactError::NoReach)
        );
        assert!(!StatementContact::default().is_set());
        let contact = StatementContact::new(
            "  Samverkanskansliet ",
            " samverkan@example.se, 0920-100 00 ",
        )
        .unwrap();
        assert_eq!(contact.who, "Samverkanskansliet");
        assert_eq!(contact.reach, "samverkan@example.se, 0920-100 00");
        assert!(contact.is_set());
        assert_eq!(StatementContact::new("", "0920-100 00").unwrap().who, "");
    }

    #[test]
    fn long_texts_are_refused_with_their_field() {
        let long = "x".repeat(CONTACT_MAX_CHARS + 1);
        let error = StatementContact::new(&long, "a@b.se").unwrap_err();
        assert_eq!(error.field(), "who");
        assert_eq!(error.to_string(), "Högst 200 tecken.");
        assert_eq!(
            StatementContact::new("", &long).unwrap_err().field(),
            "reach"
        );
    }

    #[test]
    fn stored_form_reads_back_and_tolerates_missing_fields() {
        let contact = StatementContact::new("Kansliet", "a@b.se").unwrap();
        let json = serde_json::to_string(&contact).unwrap();
        assert_eq!(
            serde_json::from_str::<StatementContact>(&json).unwrap(),
            contact
        );
        let partial: StatementContact = serde_json::from_str(r#"{"reach":"a@b.se"}"#).unwrap();
        assert_eq!(partial.who, "");
    }
}
