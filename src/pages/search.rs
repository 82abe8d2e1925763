//! The search page: results for `?q=` grouped by kind, with the matched
//! words marked, narrowed by the county, body and year in the address
//! (`/sok?q=…&lan=nb&organ=nb-psb&ar=2021`), so results can be linked to.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::components::DATA_LANG;
use crate::i18n::{lang, t, tf, Lang, Text};
use crate::model::{BodyId, CountyId, Dataset};
use crate::repo::Repo;
use crate::routes::{target_href, Page};
use crate::search::{
    FilterChoices, Filters, Hit, HitKind, Request, Results, SearchIndex, Span, Target,
};

/// How many hits of a kind are drawn before "Visa alla": a one-letter
/// query on a ten-year archive finds thousands, and the page searches on
/// every keystroke, so what is drawn per keystroke is what it costs
/// (scripts/bench.sh: 25 a kind took 30 ms for the first letter).
const SHOWN_PER_KIND: usize = 10;

thread_local! {
    /// The index lives as long as the app, so that coming back to the search
    /// does not index the archive again. It is made the first time someone
    /// searches and from then on updated (only the changed records) when the
    /// data changes; see [`keep_search_index_current`]. Its titles are in
    /// the interface's language at the time: another language builds it anew.
    static INDEX: RefCell<Option<(Lang, SearchIndex)>> = const { RefCell::new(None) };
    /// Bumped after each update of the index, for the results to follow.
    static INDEX_GENERATION: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// Makes the index if there is none yet (the first search of the session)
/// or it was made in another language.
/// The header calls it when the search field gets focus, so that the
/// keystrokes that follow only search.
pub fn prepare_search_index(data: &Dataset) {
    INDEX.with_borrow_mut(|index| {
        if index
            .as_ref()
            .is_none_or(|(built_in, _)| *built_in != lang())
        {
            *index = Some((lang(), SearchIndex::build(data)));
        }
    });
}

/// Updates the index whenever the data changes. Called once, by a component
/// that lives as long as the app (the header).
pub fn keep_search_index_current(repo: Repo) {
    Effect::new(move |_| {
        let updated = repo.with(|data| {
            INDEX.with_borrow_mut(|index| index.as_mut().map(|(_, index)| index.update(data)))
        });
        if updated.is_some() {
            INDEX_GENERATION.with(|generation| generation.update(|g| *g += 1));
        }
    });
}

fn search(data: &Dataset, request: &Request) -> crate::search::Results {
    prepare_search_index(data);
    INDEX.with_borrow(|index| {
        index
            .as_ref()
            .map(|(_, index)| index.search(data, request))
            .unwrap_or_default()
    })
}

/// The search page's address for `text` with `filters`.
pub fn search_href(text: &str, filters: &Filters) -> String {
    let mut href = Page::Search(text.to_owned()).href();
    for (name, value) in filters.params() {
        href.push('&');
        href.push_str(name);
        href.push('=');
        href.push_str(&encode(&value));
    }
    href
}

/// The filters in the address's query.
pub fn filters_of(query: &ParamsMap) -> Filters {
    Filters::from_params(
        query.get_str(Filters::COUNTY_PARAM),
        query.get_str(Filters::BODY_PARAM),
        query.get_str(Filters::YEAR_PARAM),
    )
}

fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Search results for `?q=`, grouped by record kind.
#[component]
pub fn SearchPage() -> impl IntoView {
    let repo = Repo::expect_context();
    let query = use_query_map();
    let text = Memo::new(move |_| query.with(|q| q.get("q").unwrap_or_default()));
    let filters = Memo::new(move |_| query.with(filters_of));
    // The kinds the user asked to see in full, for the text they were shown for.
    let show_all = RwSignal::new((String::new(), Vec::<HitKind>::new()));
    let results = Memo::new(move |_| {
        // Not the data itself: the index follows it, and then this.
        INDEX_GENERATION.with(|generation| generation.track());
        let text = text.get();
        let request = Request {
            show_all: show_all.with(|(for_text, kinds)| {
                if *for_text == text {
                    kinds.clone()
                } else {
                    Vec::new()
                }
            }),
            text,
            filters: filters.get(),
            per_kind: SHOWN_PER_KIND,
        };
        repo.snapshot(|data| search(data, &request))
    });
    let show_all_of = move |kind: HitKind| {
        show_all.update(|(for_text, kinds)| {
            let current = text.get_untracked();
            if *for_text != current {
                *for_text = current;
                kinds.clear();
            }
            kinds.push(kind);
        })
    };
    let status = move || {
        let total = results.with(|r| r.total);
        match (text.with(|t| t.trim().is_empty()), total) {
            (true, _) => t(Text::SearchEmpty).to_owned(),
            (false, 0) => tf(Text::SearchNoHits, &[&text.get().trim()]),
            (false, 1) => t(Text::SearchOneHit).to_owned(),
            (false, n) => tf(Text::SearchHits, &[&n]),
        }
    };
    // Keyed by kind, and each group's rows by what they show: a keystroke
    // redraws only the rows whose hit or marked words changed.
    let kinds = move || results.with(|r| r.groups.iter().map(|g| g.kind).collect::<Vec<_>>());
    let group = move |kind: HitKind| view! { <HitGroup kind results on_show_all=show_all_of /> };
    view! {
        <h1>{t(Text::SearchHeading)}</h1>
        <SearchFilters text filters />
        <p class="search-status" role="status" aria-live="polite">{status}</p>
        <For each=kinds key=|kind| *kind children=group />
    }
}

/// The county, body and year selects; a change goes to the address.
#[component]
fn SearchFilters(text: Memo<String>, filters: Memo<Filters>) -> impl IntoView {
    let repo = Repo::expect_context();
    let navigate = use_navigate();
    let choices = Memo::new(move |_| repo.with(FilterChoices::of));
    let go = move |change: &dyn Fn(&mut Filters)| {
        let mut next = filters.get_untracked();
        change(&mut next);
        navigate(
            &search_href(&text.get_untracked(), &next),
            NavigateOptions::default(),
        );
    };
    let go_county = go.clone();
    let on_county = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        go_county(&|f: &mut Filters| {
            f.county = (!value.is_empty()).then(|| CountyId::new(value.as_str()));
            // A body of another county would leave nothing.
            if f.county.is_some() {
                f.body = None;
            }
        })
    };
    let go_body = go.clone();
    let on_body = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        go_body(&|f: &mut Filters| {
            f.body = (!value.is_empty()).then(|| BodyId::new(value.as_str()))
        })
    };
    let on_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        go(&|f: &mut Filters| f.year = value.parse().ok())
    };
    let county_options = move || {
        let selected = filters.with(|f| f.county.clone());
        choices.with(|c| {
            c.counties
                .iter()
                .map(|(id, name)| {
                    let is = selected.as_ref() == Some(id);
                    view! { <option value=id.to_string() selected=is>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let body_options = move || {
        let (county, selected) = filters.with(|f| (f.county.clone(), f.body.clone()));
        choices.with(|c| {
            c.bodies
                .iter()
                .filter(|(_, _, of)| county.as_ref().is_none_or(|county| county == of))
                .map(|(id, name, _)| {
                    let is = selected.as_ref() == Some(id);
                    view! { <option value=id.to_string() selected=is>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let year_options = move || {
        let selected = filters.with(|f| f.year);
        choices.with(|c| {
            c.years
                .iter()
                .map(|&year| {
                    view! { <option value=year.to_string() selected=selected == Some(year)>{year}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <form class="search-filters" aria-label=t(Text::SearchFilters) on:submit=|ev| ev.prevent_default()>
            <label>
                {t(Text::FieldCounty)} " "
                <select id="sok-lan" name="lan" on:change=on_county>
                    <option value="" selected=move || filters.with(|f| f.county.is_none())>{t(Text::AllCounties)}</option>
                    {county_options}
                </select>
            </label>
            <label>
                {t(Text::Body)} " "
                <select id="sok-organ" name="organ" on:change=on_body>
                    <option value="" selected=move || filters.with(|f| f.body.is_none())>{t(Text::AllBodies)}</option>
                    {body_options}
                </select>
            </label>
            <label>
                {t(Text::Year)} " "
                <select id="sok-ar" name="ar" on:change=on_year>
                    <option value="" selected=move || filters.with(|f| f.year.is_none())>{t(Text::AllYears)}</option>
                    {year_options}
                </select>
            </label>
        </form>
    }
}

/// Spans as text, the matched words in `<mark>`.
fn marked(spans: Vec<Span>) -> impl IntoView {
    spans
        .into_iter()
        .map(|span| {
            if span.marked {
                view! { <mark>{span.text}</mark> }.into_any()
            } else {
                span.text.into_any()
            }
        })
        .collect_view()
}

/// What a row of hits shows; a row is drawn again only when this changes.
type HitRowKey = (Target, Vec<Span>, Option<String>, Option<Vec<Span>>);

fn hit_row_key(hit: &Hit) -> HitRowKey {
    (
        hit.target.clone(),
        hit.title.clone(),
        hit.context.clone(),
        hit.excerpt.clone(),
    )
}

/// A hit's row. Its link is a plain `<a>`: the router takes clicks on every
/// link of the app, and `<A>` would add a memo per row for `aria-current`,
/// which a hit, never the page being shown, does not need.
fn hit_item(hit: Hit) -> impl IntoView {
    let href = target_href(&hit.target);
    view! {
        <li>
            <a href=href lang=DATA_LANG>{marked(hit.title)}</a>
            {hit.context.map(|c| view! { <span class="hit-context" lang=DATA_LANG>{c}</span> })}
            {hit.excerpt.map(|e| view! { <p class="excerpt" lang=DATA_LANG>{marked(e)}</p> })}
        </li>
    }
}

/// The hits of one kind under a heading; the first ones until the user asks for all.
#[component]
fn HitGroup(
    /// The kind of hits shown.
    kind: HitKind,
    /// The search's results; the group shows those of `kind`.
    results: Memo<Results>,
    /// Asks for every hit of this kind.
    on_show_all: impl Fn(HitKind) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let counts = move || {
        results.with(|r| {
            r.group(kind)
                .map_or((0, 0), |group| (group.hits.len(), group.total))
        })
    };
    let total = move || counts().1;
    let hits = move || {
        results.with(|r| {
            r.group(kind)
                .map(|group| group.hits.clone())
                .unwrap_or_default()
        })
    };
    let show_all = move || {
        let (shown, total) = counts();
        (shown < total).then(|| {
            view! {
                <button type="button" class="secondary" on:click=move |_| on_show_all(kind)>
                    {tf(Text::ShowAllCount, &[&total])}
                </button>
            }
        })
    };
    let heading = format!("search-{}", kind.slug());
    let labelled_by = heading.clone();
    view! {
        <section class="hit-group" aria-labelledby=labelled_by>
            <h2 id=heading>{kind.label()} " (" {total} ")"</h2>
            <ul class="hits">
                <For each=hits key=hit_row_key children=hit_item />
            </ul>
            {show_all}
        </section>
    }
}
