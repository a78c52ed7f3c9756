//! The run's path through weight space, as the worker keeps it for the loss landscape: the
//! weights every `stride` epochs, the stride doubling (every other state dropped) whenever
//! more than [`KEPT`] are held, so a long run keeps an even trace of its whole course.

use crate::engine::landscape::Parameters;

/// The most states kept.
pub const KEPT: usize = 48;

/// The kept states, oldest first.
#[derive(Clone, Debug)]
pub struct Trail {
    states: Vec<(u64, Parameters)>,
    stride: u64,
}

impl Default for Trail {
    fn default() -> Self {
        Trail { states: Vec::new(), stride: 1 }
    }
}

impl Trail {
    /// Forgets every state (a new run).
    pub fn clear(&mut self) {
        *self = Trail::default();
    }

    /// Keeps the weights of `epoch` if it falls on the stride (`weights` is asked only then).
    pub fn record(&mut self, epoch: u64, weights: impl FnOnce() -> Parameters) {
        if epoch % self.stride != 0 || self.states.last().is_some_and(|(e, _)| *e >= epoch) {
            return;
        }
        self.states.push((epoch, weights()));
        if self.states.len() > KEPT {
            let mut i = 0;
            self.states.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.stride *= 2;
        }
    }

    /// Forgets the states after `epoch` (the run went back there).
    pub fn truncate_after(&mut self, epoch: u64) {
        self.states.retain(|(e, _)| *e <= epoch);
    }

    /// The states before `epoch`, oldest first.
    pub fn before(&self, epoch: u64) -> Vec<Parameters> {
        self.states.iter().filter(|(e, _)| *e < epoch).map(|(_, p)| p.clone()).collect()
    }
}
