//! The run's past: the weights at earlier epochs, kept within a fixed memory budget. While
//! the run is short every epoch the page sees is kept; once the budget is full every other
//! snapshot goes and only every second epoch after that is taken, so a run of any length
//! keeps snapshots spread evenly over it (the first, epoch 0, always).

use crate::engine::Real;

/// Weights and biases per layer.
pub type Parameters = Vec<(Vec<Real>, Vec<Real>)>;

/// The memory the snapshots may take, in bytes.
pub const BUDGET_BYTES: usize = 8 << 20;
/// The most snapshots kept, whatever their size.
pub const MAX_SNAPSHOTS: usize = 1000;

/// Snapshots of one run, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    snapshots: Vec<(u64, Parameters)>,
    stride: u64,
}

fn size(p: &Parameters) -> usize {
    p.iter().map(|(w, b)| (w.len() + b.len()) * std::mem::size_of::<Real>()).sum()
}

impl Timeline {
    /// Starts a run's timeline anew.
    pub fn clear(&mut self) {
        *self = Timeline { snapshots: Vec::new(), stride: 1 };
    }

    /// Keeps the weights of `epoch` if it is later than the last kept and falls on the
    /// current stride; thins evenly when over budget.
    pub fn record(&mut self, epoch: u64, parameters: &Parameters) {
        let stride = self.stride.max(1);
        if self.snapshots.last().is_some_and(|(e, _)| *e >= epoch) || (epoch % stride != 0 && !self.snapshots.is_empty()) {
            return;
        }
        self.snapshots.push((epoch, parameters.clone()));
        let bytes = self.snapshots.len() * size(parameters);
        if self.snapshots.len() > MAX_SNAPSHOTS || bytes > BUDGET_BYTES {
            let mut i = 0;
            self.snapshots.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.stride = stride * 2;
        }
    }

    /// The latest snapshot at or before `epoch`.
    pub fn at(&self, epoch: u64) -> Option<&(u64, Parameters)> {
        self.snapshots.iter().rev().find(|(e, _)| *e <= epoch)
    }

    /// Forgets what came after `epoch` (the run went back there).
    pub fn truncate_after(&mut self, epoch: u64) {
        self.snapshots.retain(|(e, _)| *e <= epoch);
    }

    /// How many snapshots are kept.
    pub fn len(&self) -> usize {
        self.snapshots.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// The bytes they take.
    pub fn bytes(&self) -> usize {
        self.snapshots.iter().map(|(_, p)| size(p)).sum()
    }

    /// The snapshots kept, oldest first.
    pub fn snapshots(&self) -> &[(u64, Parameters)] {
        &self.snapshots
    }

    /// The epochs kept.
    pub fn epochs(&self) -> impl Iterator<Item = u64> + '_ {
        self.snapshots.iter().map(|(e, _)| *e)
    }
}
