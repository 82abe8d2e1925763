//! Who keeps this copy: the organisation it belongs to and, if they say,
//! the person using it. Recorded on every change the copy makes.

use serde::{Deserialize, Serialize};

use crate::i18n::{t, Text};

use super::{ChangeStamp, EditError, PersonId};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyIdentity {
    /// The organisation's name, e.g. "Region Norrbotten", "Luleå kommun".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Who the person is in the register, when they said: the signer the
    /// copy signs minutes as ("Jag justerar").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<PersonId>,
}

impl CopyIdentity {
    /// Trims the input; an organisation is required, a name is optional.
    pub fn new(organisation: &str, person: &str) -> Result<CopyIdentity, EditError> {
        let organisation = organisation.trim();
        if organisation.is_empty() {
            return Err(EditError::Invalid {
                field: "organisation",
                message: t(Text::IdentityChooseOrganisation).into(),
            });
        }
        let person = person.trim();
        if person.chars().count() > 100 {
            return Err(EditError::Invalid {
                field: "namn",
                message: t(Text::IdentityNameTooLong).into(),
            });
        }
        Ok(CopyIdentity {
            organisation: Some(organisation.to_owned()),
            person: (!person.is_empty()).then(|| person.to_owned()),
            person_id: None,
        })
    }

    /// The identity with the person in the register it stands for.
    pub fn with_person_id(self, person_id: Option<PersonId>) -> CopyIdentity {
        CopyIdentity { person_id, ..self }
    }

    pub fn is_set(&self) -> bool {
        self.organisation.is_some()
    }

    /// A change made now (`at`, RFC 3339) by this copy.
    pub fn stamp(&self, copy_id: &str, at: &str) -> ChangeStamp {
        ChangeStamp {
            copy_id: copy_id.to_owned(),
            writer: None,
            organisation: self.organisation.clone(),
            person: self.person.clone(),
            at: at.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_is_required_a_name_is_not() {
        assert!(CopyIdentity::new("  ", "Anna").is_err());
        let id = CopyIdentity::new(" Luleå kommun ", " ").unwrap();
        assert_eq!(id.organisation.as_deref(), Some("Luleå kommun"));
        assert_eq!(id.person, None);
        let stamp = CopyIdentity::new("Region Norrbotten", "Anna Berg")
            .unwrap()
            .stamp("copy-1", "2026-11-23T10:00:00Z");
        assert_eq!(stamp.person.as_deref(), Some("Anna Berg"));
        assert_eq!(stamp.organisation.as_deref(), Some("Region Norrbotten"));
        assert!(CopyIdentity::new("X", &"a".repeat(101)).is_err());
    }
}
