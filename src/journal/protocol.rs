//! What one tab knows of the stored state: which journal entries it has
//! merged, which checkpoint its memory holds, and the keys of the entries it
//! writes. The browser store (`repo.rs`) and the simulation in
//! `tests/tab_protocol.rs` drive it the same way:
//!
//! 1. open: read the checkpoint and every journal entry, merge them
//!    ([`super::Replica::open`]), then [`TabSync::opened`];
//! 2. a change: [`TabSync::next_key`], write the entry, then
//!    [`TabSync::merged`] (its own entry is in memory already);
//! 3. another tab's entry heard of: if [`TabSync::needs`] it, read it; if it
//!    is gone, a checkpoint holds it: merge the stored checkpoint
//!    ([`TabSync::checkpoint_merged`]); else merge it and [`TabSync::merged`];
//! 4. a checkpoint: [`TabSync::plan_checkpoint`], write it only if the stored
//!    generation is `plan.expected` (one atomic step, with the removal of
//!    the IndexedDB entries); on success [`TabSync::checkpoint_written`] and
//!    remove `plan.removes` from the journal; on a newer generation, merge
//!    the stored checkpoint first and plan again.

use std::collections::BTreeSet;

/// The protocol state of one tab (one page load).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TabSync {
    /// Unique for this page load: the entries' keys start with it.
    instance: String,
    next_seq: u64,
    /// Journal entries this tab's memory holds.
    merged: BTreeSet<String>,
    /// The stored checkpoint's generation this tab's memory holds (`None`:
    /// none was stored).
    generation: Option<String>,
}

/// A checkpoint to write: only if the stored generation is still `expected`,
/// as `next`; after it, the journal entries `removes` can go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointPlan {
    pub expected: Option<String>,
    pub next: String,
    pub removes: BTreeSet<String>,
}

impl TabSync {
    /// A tab that has opened the stored state: the checkpoint of
    /// `generation` and the journal entries `merged`.
    pub fn opened(
        instance: impl Into<String>,
        generation: Option<String>,
        merged: impl IntoIterator<Item = String>,
    ) -> Self {
        TabSync {
            instance: instance.into(),
            next_seq: 1,
            merged: merged.into_iter().collect(),
            generation,
        }
    }

    /// The key of the next entry this tab writes.
    pub fn next_key(&mut self) -> String {
        let key = format!("{}.{}", self.instance, self.next_seq);
        self.next_seq += 1;
        key
    }

    /// Whether this tab still has to merge the entry `key`.
    pub fn needs(&self, key: &str) -> bool {
        !self.merged.contains(key)
    }

    /// The entry `key` is in this tab's memory (its own, or merged).
    pub fn merged(&mut self, key: impl Into<String>) {
        self.merged.insert(key.into());
    }

    /// How many entries this tab would take out of the journal with a checkpoint.
    pub fn entries_held(&self) -> usize {
        self.merged.len()
    }

    /// The checkpoint generation this tab's memory holds.
    pub fn generation(&self) -> Option<&str> {
        self.generation.as_deref()
    }

    /// The stored checkpoint of `generation` has been merged into memory.
    pub fn checkpoint_merged(&mut self, generation: Option<String>) {
        self.generation = generation;
    }

    pub fn plan_checkpoint(&self) -> CheckpointPlan {
        let count = self
            .generation
            .as_deref()
            .and_then(|g| g.rsplit(':').next())
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        CheckpointPlan {
            expected: self.generation.clone(),
            next: format!("{}:{}", self.instance, count.saturating_add(1)),
            removes: self.merged.clone(),
        }
    }

    /// The checkpoint of `plan` is stored: its entries can leave the journal.
    pub fn checkpoint_written(&mut self, plan: &CheckpointPlan) {
        self.generation = Some(plan.next.clone());
        for key in &plan.removes {
            self.merged.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_per_instance_and_count() {
        let mut tab = TabSync::opened("t1", None, []);
        assert_eq!(tab.next_key(), "t1.1");
        assert_eq!(tab.next_key(), "t1.2");
    }

    #[test]
    fn a_checkpoint_expects_the_generation_held_and_removes_what_was_merged() {
        let mut tab = TabSync::opened("t1", Some("t0:4".into()), ["a.1".to_owned()]);
        tab.merged("t1.1");
        let plan = tab.plan_checkpoint();
        assert_eq!(plan.expected.as_deref(), Some("t0:4"));
        assert_eq!(plan.next, "t1:5");
        assert_eq!(plan.removes.len(), 2);
        tab.checkpoint_written(&plan);
        assert_eq!(tab.generation(), Some("t1:5"));
        assert_eq!(tab.entries_held(), 0);
        assert!(tab.needs("a.1"));
    }
}
