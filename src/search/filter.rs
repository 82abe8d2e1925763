//! Narrowing a search by county, body and year, and the choices the search
//! page offers for them. A § belongs to its meeting's body and year; a body
//! to its county; agreements, people and organisations to a county where
//! the data says which.

use chrono::Datelike;

use super::document::Facets;
use crate::model::{BodyId, CountyId, Dataset};

/// What results may be limited to. A record without the value asked for
/// (a body has no year) is left out while the filter is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub county: Option<CountyId>,
    pub body: Option<BodyId>,
    pub year: Option<i32>,
}

impl Filters {
    /// The names of the filters in the search page's address (`/sok?q=…&lan=nb&organ=nb-psb&ar=2021`).
    pub const COUNTY_PARAM: &'static str = "lan";
    pub const BODY_PARAM: &'static str = "organ";
    pub const YEAR_PARAM: &'static str = "ar";

    pub fn is_empty(&self) -> bool {
        self.county.is_none() && self.body.is_none() && self.year.is_none()
    }

    /// From the address's values; empty or unreadable ones are no filter.
    pub fn from_params(county: Option<&str>, body: Option<&str>, year: Option<&str>) -> Self {
        Self {
            county: given(county).map(CountyId::new),
            body: given(body).map(BodyId::new),
            year: given(year).and_then(|y| y.parse().ok()),
        }
    }

    /// The address's parameters for the filters that are set, in a fixed order.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(county) = &self.county {
            out.push((Self::COUNTY_PARAM, county.to_string()));
        }
        if let Some(body) = &self.body {
            out.push((Self::BODY_PARAM, body.to_string()));
        }
        if let Some(year) = self.year {
            out.push((Self::YEAR_PARAM, year.to_string()));
        }
        out
    }

    pub(crate) fn admits(&self, facets: &Facets) -> bool {
        self.county
            .as_ref()
            .is_none_or(|c| facets.county.as_ref() == Some(c))
            && self.body.as_ref().is_none_or(|b| facets.bodies.contains(b))
            && self.year.is_none_or(|y| facets.year == Some(y))
    }
}

fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The values the filters can take in a data set, for the page's selects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterChoices {
    /// (id, name), by name.
    pub counties: Vec<(CountyId, String)>,
    /// (id, display name, county), by county then name.
    pub bodies: Vec<(BodyId, String, CountyId)>,
    /// Years with meetings or agreements, newest first.
    pub years: Vec<i32>,
}

impl FilterChoices {
    pub fn of(data: &Dataset) -> Self {
        let mut counties: Vec<(CountyId, String)> = data
            .live_counties()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        counties.sort_by(|a, b| a.1.cmp(&b.1));
        let mut bodies: Vec<(BodyId, String, CountyId)> = data
            .live_bodies()
            .map(|b| (b.id.clone(), b.display_name(), b.county.clone()))
            .collect();
        bodies.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.1.cmp(&b.1)));
        let mut years: Vec<i32> = data
            .live_meetings()
            .filter_map(|m| m.date.value().map(|d| d.year()))
            .chain(
                data.live_agreements()
                    .filter_map(|a| a.date.value().map(|d| d.year())),
            )
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Self {
            counties,
            bodies,
            years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_and_write_the_address() {
        let f = Filters::from_params(Some("nb"), Some(""), Some("2021"));
        assert_eq!(f.county, Some(CountyId::new("nb")));
        assert_eq!(f.body, None);
        assert_eq!(f.year, Some(2021));
        assert_eq!(
            f.params(),
            vec![("lan", "nb".to_string()), ("ar", "2021".to_string())]
        );
        assert!(Filters::from_params(None, None, Some("tjugo")).is_empty());
    }
}
