//! Generated structures for the diagram tests and the layout benchmark: a
//! small deterministic PRNG (SplitMix64) and random bodies of random levels
//! with random relations of random kinds. Names include markup characters so
//! that escaping is exercised.

use samverkan::diagram::{Graph, GraphEdge, GraphNode};
use samverkan::model::{BodyId, BodyLevel, RelationKind};

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: [&str; 24] = [
    "Samråd",
    "beredning",
    "för",
    "vård",
    "och",
    "omsorg",
    "Länssamverkansgruppen",
    "arbetsutskott",
    "barn",
    "unga",
    "äldre",
    "Råd",
    "&",
    "<hälsa>",
    "\"psykiatri\"",
    "skolans",
    "ledningsseminarium",
    "patientsäkerhet",
    "Hjälpmedelsrådet",
    "regionala",
    "koordinatorer",
    "it's",
    "missbruk",
    "Kommunförbundets",
];

const SHORT_NAMES: [&str; 4] = ["AU", "LSG", "R&D", "<B>"];

/// The id of generated body `i`.
pub fn id(i: usize) -> BodyId {
    BodyId::new(format!("g{i:03}"))
}

/// `bodies` bodies with random names and levels; every body after the first
/// is related to an earlier one four times in five, plus half as many
/// relations again between random pairs (parallel relations included).
pub fn generated_graph(bodies: usize, seed: u64) -> Graph {
    let mut rng = Rng::new(seed);
    let nodes: Vec<GraphNode> = (0..bodies)
        .map(|i| {
            let words = 1 + rng.below(5);
            let name: Vec<&str> = (0..words).map(|_| *rng.pick(&WORDS)).collect();
            GraphNode {
                id: id(i),
                name: format!("{} {i}", name.join(" ")),
                short_name: rng
                    .percent(20)
                    .then(|| (*rng.pick(&SHORT_NAMES)).to_owned()),
                level: *rng.pick(&BodyLevel::ALL),
            }
        })
        .collect();
    let mut edges = Vec::new();
    let mut relate = |rng: &mut Rng, a: usize, b: usize| {
        let (from, to) = if rng.percent(50) { (a, b) } else { (b, a) };
        edges.push(GraphEdge {
            from: id(from),
            to: id(to),
            kind: *rng.pick(&RelationKind::ALL),
        });
    };
    for i in 1..bodies {
        if rng.percent(80) {
            let j = rng.below(i);
            relate(&mut rng, i, j);
        }
    }
    if bodies > 1 {
        for _ in 0..bodies / 2 {
            let a = rng.below(bodies);
            let b = (a + 1 + rng.below(bodies - 1)) % bodies;
            relate(&mut rng, a, b);
        }
    }
    Graph { nodes, edges }
}
