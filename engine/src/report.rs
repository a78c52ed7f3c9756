//! What training reports: the scores of an epoch, early stopping's verdict, divergence,
//! and the loss history with bounded memory.

use serde::{Deserialize, Serialize};

/// How a group of points scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Mean data loss (the penalty is reported apart).
    pub loss: f64,
    /// Share of points whose class is predicted right (classification only).
    pub accuracy: Option<f64>,
    /// K x K counts, row = true class, column = predicted class (classification only).
    pub confusion: Vec<u32>,
    /// Number of points.
    pub count: usize,
}

/// What one epoch did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochReport {
    /// Epochs completed.
    pub epoch: u64,
    /// On the training set.
    pub train: Metrics,
    /// On the validation set, when there is one.
    pub validation: Option<Metrics>,
    /// On the test set, when there is one.
    pub test: Option<Metrics>,
    /// lambda R(W), the penalty term of the cost.
    pub penalty: f64,
    /// Mean |dL/dW| per layer over the epoch, input side first.
    pub gradient_magnitude: Vec<f64>,
    /// For the perceptron: mistakes made during the epoch (0 means it has converged).
    pub mistakes: Option<usize>,
    /// Set when early stopping ended training at this epoch.
    pub early_stop: Option<EarlyStop>,
}

/// Early stopping's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EarlyStop {
    /// The epoch whose weights were restored.
    pub best_epoch: u64,
    /// The monitored loss there.
    pub best_loss: f64,
    /// The epoch at which patience ran out, whose weights were discarded.
    pub stopped_epoch: u64,
}

/// Why training cannot go on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TrainError {
    /// A step produced NaN or infinity; the weights from before it are kept.
    Diverged {
        /// The epoch that diverged.
        epoch: u64,
    },
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::Diverged { epoch } => write!(f, "training diverged (NaN or infinity) at epoch {epoch}"),
        }
    }
}

/// One sample of the loss history.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// Epoch.
    pub epoch: u64,
    /// Training loss.
    pub train: f64,
    /// Validation loss, when there is a validation set.
    pub validation: Option<f64>,
    /// Test loss, when there is a test set.
    pub test: Option<f64>,
}

/// Loss history with bounded memory: past `capacity` points it keeps every other one and
/// records half as often, so a run of a million epochs still holds at most `capacity`.
#[derive(Clone, Debug)]
pub struct History {
    /// The points kept, oldest first.
    pub points: Vec<HistoryPoint>,
    stride: u64,
    capacity: usize,
}

impl History {
    /// An empty history.
    pub fn new(capacity: usize) -> Self {
        History { points: Vec::new(), stride: 1, capacity: capacity.max(4) }
    }

    /// Whether a point of this epoch would be kept.
    pub fn keeps(&self, epoch: u64) -> bool {
        epoch % self.stride == 0
    }

    /// Forgets the points after `epoch` (the run goes back there); the stride stays.
    pub fn truncate_after(&mut self, epoch: u64) {
        self.points.retain(|p| p.epoch <= epoch);
    }

    /// Records a point if it falls on the current stride.
    pub fn push(&mut self, p: HistoryPoint) {
        if p.epoch % self.stride != 0 {
            return;
        }
        self.points.push(p);
        if self.points.len() > self.capacity {
            let mut i = 0;
            self.points.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.stride *= 2;
        }
    }
}
