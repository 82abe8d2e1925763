//! What the diagram draws: bodies as nodes, relations as edges, grouped into
//! bands. Built from the data set by [`graph_of_county`] or by hand (tests,
//! previews); the layout knows nothing else of the data set.

use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::{t, Text};
use crate::model::{BodyId, BodyLevel, CountyId, Dataset, Record, RelationKind};

/// One body to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    pub id: BodyId,
    pub name: String,
    pub short_name: Option<String>,
    pub level: BodyLevel,
}

impl GraphNode {
    /// The text in the box: "Länssamverkansgruppen (LSG)".
    pub fn display_name(&self) -> String {
        match &self.short_name {
            Some(short) => format!("{} ({short})", self.name),
            None => self.name.clone(),
        }
    }
}

/// One relation to draw, read from `from`: "`from` bereder ärenden till `to`".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: BodyId,
    pub to: BodyId,
    pub kind: RelationKind,
}

/// The bodies and relations of one structure. Node order is the order the
/// layout starts from (and keeps for bodies without relations), so callers
/// should pass a stable order, e.g. the data set's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// The live bodies of `county` in data set order, and the live relations
/// between two of them. Relations to bodies of other counties (or to bodies
/// that are deleted) are left out: the diagram shows one county.
pub fn graph_of_county(data: &Dataset, county: &CountyId) -> Graph {
    let nodes: Vec<GraphNode> = data
        .bodies_of_county(county)
        .map(|b| GraphNode {
            id: b.id.clone(),
            name: b.name.clone(),
            short_name: b.short_name.clone(),
            level: b.level,
        })
        .collect();
    let ids: BTreeSet<&BodyId> = nodes.iter().map(|n| &n.id).collect();
    let edges = data
        .relations
        .iter()
        .filter(|r| r.is_live() && ids.contains(&r.from) && ids.contains(&r.to))
        .map(|r| GraphEdge {
            from: r.from.clone(),
            to: r.to.clone(),
            kind: r.kind,
        })
        .collect();
    Graph { nodes, edges }
}

/// The horizontal bands of the diagram, top to bottom.
///
/// The nine body levels are grouped into seven bands so that the diagram reads
/// as the agreements describe the structure: the joint political level on
/// top, the officials below it, then the bodies that prepare and advise, the
/// recurring forums and the support. The parties' own bodies (regionstyrelsen,
/// kommunstyrelserna) and external actors come last: they are context the
/// structure draws on, and below it their few relations do not cut across it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Political,
    Officials,
    Preparatory,
    Forums,
    Support,
    PartyBodies,
    External,
}

impl Band {
    pub const ALL: [Band; 7] = [
        Band::Political,
        Band::Officials,
        Band::Preparatory,
        Band::Forums,
        Band::Support,
        Band::PartyBodies,
        Band::External,
    ];

    pub fn of(level: BodyLevel) -> Band {
        match level {
            BodyLevel::Political => Band::Political,
            BodyLevel::Officials => Band::Officials,
            BodyLevel::Preparatory | BodyLevel::Council | BodyLevel::WorkingGroup => {
                Band::Preparatory
            }
            BodyLevel::Seminar => Band::Forums,
            BodyLevel::Support => Band::Support,
            BodyLevel::PartyBody => Band::PartyBodies,
            BodyLevel::External => Band::External,
        }
    }

    /// The band's name as drawn.
    pub fn label(self) -> &'static str {
        match self {
            Band::Political => t(Text::BandPolitical),
            Band::Officials => t(Text::BandOfficials),
            Band::Preparatory => t(Text::BandPreparatory),
            Band::Forums => t(Text::BandForums),
            Band::Support => t(Text::BandSupport),
            Band::PartyBodies => t(Text::BandPartyBodies),
            Band::External => t(Text::BandExternal),
        }
    }

    /// Whether bodies of more than one level share this band, so that a
    /// box must say its level itself.
    pub fn has_several_levels(self) -> bool {
        BodyLevel::ALL
            .into_iter()
            .filter(|&level| Band::of(level) == self)
            .count()
            > 1
    }

    /// Position from the top, 0 for the political band.
    pub fn index(self) -> usize {
        self as usize
    }

    /// For CSS classes: `band-political`.
    pub fn class(self) -> &'static str {
        match self {
            Band::Political => "band-political",
            Band::Officials => "band-officials",
            Band::Preparatory => "band-preparatory",
            Band::Forums => "band-forums",
            Band::Support => "band-support",
            Band::PartyBodies => "band-party-bodies",
            Band::External => "band-external",
        }
    }
}

/// Whether a relation of `kind` makes its source a sub-body of its target,
/// so that collapsing the target hides the source.
///
/// Only "är arbetsutskott till" and "är knuten till" say that a body belongs
/// to another. The other kinds link bodies that stand on their own: work
/// flows between them (bereder, kan bereda vidare, samordnar), one governs
/// another without owning it (styrgrupp, fastställer uppdrag, arrangerar,
/// stödjer), or a person sits in both (adjungeras, har en plats i). Hiding
/// along those would make collapsing Samrådet hide the whole county.
pub fn is_sub_body_relation(kind: RelationKind) -> bool {
    matches!(
        kind,
        RelationKind::WorkingCommitteeOf | RelationKind::SubBodyOf
    )
}

/// What is left to draw once collapsed bodies hide their sub-bodies.
#[derive(Clone, Debug, Default)]
pub(crate) struct Visible {
    /// Indices into `graph.nodes` of the drawn nodes, in graph order; a
    /// repeated id is drawn once (its first node).
    pub nodes: Vec<usize>,
    /// Per graph node: how many sub-bodies (transitively) its collapse hides,
    /// whether it is drawn collapsed, and its number of direct sub-bodies.
    pub hidden_count: Vec<usize>,
    pub collapsed: Vec<bool>,
    pub sub_bodies: Vec<usize>,
    /// Indices into `graph.edges` of the drawn edges: both ends drawn, not a
    /// loop.
    pub edges: Vec<usize>,
    /// Graph node index of each edge end, parallel to `graph.edges`.
    pub ends: Vec<Option<(usize, usize)>>,
}

impl Graph {
    /// The graph node index of each id (first occurrence wins).
    pub(crate) fn index(&self) -> BTreeMap<&BodyId, usize> {
        let mut index = BTreeMap::new();
        for (i, node) in self.nodes.iter().enumerate() {
            index.entry(&node.id).or_insert(i);
        }
        index
    }

    /// The direct sub-bodies of `id` (see [`is_sub_body_relation`]), in edge order.
    pub fn sub_bodies_of(&self, id: &BodyId) -> Vec<&BodyId> {
        let mut seen = BTreeSet::new();
        self.edges
            .iter()
            .filter(|e| &e.to == id && e.from != e.to && is_sub_body_relation(e.kind))
            .map(|e| &e.from)
            .filter(|from| seen.insert(*from))
            .collect()
    }

    /// Which nodes and edges remain when the bodies in `collapsed` hide their
    /// sub-bodies. A body is hidden when it can be reached from a drawn
    /// collapsed body by going down sub-body relations, even if it is also a
    /// sub-body of a body that is not collapsed. Collapsed bodies are applied
    /// in id order, so a collapsed body hidden by another one hides nothing
    /// itself, and a cycle of sub-body relations never hides every body in it.
    pub(crate) fn visible(&self, collapsed: &BTreeSet<BodyId>) -> Visible {
        let index = self.index();
        let n = self.nodes.len();
        let ends: Vec<Option<(usize, usize)>> = self
            .edges
            .iter()
            .map(|e| Some((*index.get(&e.from)?, *index.get(&e.to)?)))
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (edge, end) in self.edges.iter().zip(&ends) {
            if let Some((from, to)) = *end {
                if from != to && is_sub_body_relation(edge.kind) && !children[to].contains(&from) {
                    children[to].push(from);
                }
            }
        }

        let mut hidden = vec![false; n];
        let mut hidden_count = vec![0; n];
        let mut is_collapsed = vec![false; n];
        for id in collapsed {
            let Some(&root) = index.get(id) else { continue };
            if hidden[root] {
                continue;
            }
            is_collapsed[root] = true;
            let mut reached = vec![false; n];
            reached[root] = true;
            let mut stack = children[root].clone();
            while let Some(v) = stack.pop() {
                if reached[v] {
                    continue;
                }
                reached[v] = true;
                hidden[v] = true;
                hidden_count[root] += 1;
                stack.extend(children[v].iter().copied());
            }
        }

        let nodes: Vec<usize> = (0..n)
            .filter(|&i| !hidden[i] && index.get(&self.nodes[i].id) == Some(&i))
            .collect();
        let edges = ends
            .iter()
            .enumerate()
            .filter_map(|(i, end)| {
                let (from, to) = (*end)?;
                (from != to && !hidden[from] && !hidden[to]).then_some(i)
            })
            .collect();
        Visible {
            nodes,
            hidden_count,
            collapsed: is_collapsed,
            sub_bodies: children.iter().map(Vec::len).collect(),
            edges,
            ends,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, level: BodyLevel) -> GraphNode {
        GraphNode {
            id: BodyId::new(id),
            name: id.to_uppercase(),
            short_name: None,
            level,
        }
    }

    fn edge(from: &str, to: &str, kind: RelationKind) -> GraphEdge {
        GraphEdge {
            from: BodyId::new(from),
            to: BodyId::new(to),
            kind,
        }
    }

    fn tree() -> Graph {
        Graph {
            nodes: vec![
                node("lsg", BodyLevel::Officials),
                node("au", BodyLevel::Preparatory),
                node("beredning", BodyLevel::Preparatory),
                node("grupp", BodyLevel::WorkingGroup),
                node("samrad", BodyLevel::Political),
            ],
            edges: vec![
                edge("au", "lsg", RelationKind::WorkingCommitteeOf),
                edge("beredning", "lsg", RelationKind::SubBodyOf),
                edge("grupp", "beredning", RelationKind::SubBodyOf),
                edge("lsg", "samrad", RelationKind::PreparesCasesFor),
                edge("lsg", "beredning", RelationKind::SetsMandateOf),
                edge("beredning", "lsg", RelationKind::ChairSitsIn),
            ],
        }
    }

    fn ids(graph: &Graph, visible: &Visible) -> Vec<String> {
        visible
            .nodes
            .iter()
            .map(|&i| graph.nodes[i].id.to_string())
            .collect()
    }

    #[test]
    fn every_level_has_a_band_and_political_is_on_top() {
        for level in BodyLevel::ALL {
            assert!(Band::ALL.contains(&Band::of(level)));
        }
        assert_eq!(Band::of(BodyLevel::Political).index(), 0);
        assert_eq!(Band::of(BodyLevel::Council), Band::Preparatory);
    }

    #[test]
    fn collapsing_hides_sub_bodies_transitively_but_not_other_relations() {
        let graph = tree();
        let collapsed = BTreeSet::from([BodyId::new("lsg")]);
        let visible = graph.visible(&collapsed);
        assert_eq!(ids(&graph, &visible), ["lsg", "samrad"]);
        assert_eq!(visible.hidden_count[0], 3);
        assert!(visible.collapsed[0]);
        assert_eq!(visible.edges, [3], "only lsg → samrad is left");
    }

    #[test]
    fn collapsing_a_political_body_does_not_hide_bodies_that_prepare_for_it() {
        let graph = tree();
        let visible = graph.visible(&BTreeSet::from([BodyId::new("samrad")]));
        assert_eq!(visible.nodes.len(), 5);
        assert_eq!(visible.hidden_count[4], 0);
    }

    #[test]
    fn a_collapsed_body_inside_a_collapsed_one_is_hidden_with_it() {
        let graph = tree();
        let collapsed = BTreeSet::from([BodyId::new("beredning"), BodyId::new("lsg")]);
        let visible = graph.visible(&collapsed);
        assert_eq!(ids(&graph, &visible), ["lsg", "samrad"]);
        assert_eq!(visible.hidden_count[0], 3);
    }

    #[test]
    fn a_cycle_of_sub_bodies_keeps_the_collapsed_body() {
        let graph = Graph {
            nodes: vec![node("a", BodyLevel::Council), node("b", BodyLevel::Council)],
            edges: vec![
                edge("a", "b", RelationKind::SubBodyOf),
                edge("b", "a", RelationKind::SubBodyOf),
            ],
        };
        let collapsed = BTreeSet::from([BodyId::new("a"), BodyId::new("b")]);
        let visible = graph.visible(&collapsed);
        assert_eq!(ids(&graph, &visible), ["a"]);
        assert_eq!(visible.hidden_count[0], 1);
    }

    #[test]
    fn unknown_ends_loops_and_repeated_ids_are_not_drawn() {
        let mut graph = tree();
        graph.nodes.push(node("lsg", BodyLevel::Political));
        graph
            .edges
            .push(edge("lsg", "nowhere", RelationKind::Supports));
        graph.edges.push(edge("lsg", "lsg", RelationKind::Supports));
        let visible = graph.visible(&BTreeSet::new());
        assert_eq!(visible.nodes, [0, 1, 2, 3, 4]);
        assert_eq!(visible.edges, [0, 1, 2, 3, 4, 5]);
        assert_eq!(graph.sub_bodies_of(&BodyId::new("lsg")).len(), 2);
    }
}
