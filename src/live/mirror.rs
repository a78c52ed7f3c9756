//! The page's read-only copy of the worker's trainer: built from the same setup (so the
//! same data and initial weights), then brought up to date from each snapshot.

use super::protocol::{Event, Snapshot};
use crate::engine::trainer::{EpochReport, HistoryPoint};
use crate::engine::{Real, Trainer};

/// The trainer the page draws from, and which setup it belongs to.
#[derive(Default)]
pub struct Mirror {
    /// The copy, when the setup has data to train on.
    pub trainer: Option<Trainer>,
    /// The id of the setup it was built for.
    pub setup: u64,
    /// Where early stopping ended the run, for the loss chart's mark.
    pub stop_epoch: Option<u64>,
}

impl Mirror {
    /// Starts over for setup `id` with a freshly built trainer.
    pub fn reset(&mut self, id: u64, trainer: Option<Trainer>) {
        *self = Mirror { trainer, setup: id, stop_epoch: None };
    }

    /// Takes in a snapshot of the current setup; returns false (and changes nothing) for a
    /// snapshot of an older setup or of a network of another shape.
    pub fn apply(&mut self, s: &Snapshot) -> bool {
        if s.setup != self.setup {
            return false;
        }
        let Some(t) = &mut self.trainer else { return false };
        if !follow(t, &s.parameters, s.epoch, &s.report, &s.history) {
            return false;
        }
        if let Some(Event::EarlyStopped { at, .. }) = s.event {
            self.stop_epoch = Some(at);
        }
        true
    }
}

/// Brings the page's copy of a run up to the worker's: its weights (when they fit its
/// network), epoch, newest measurements (nothing is evaluated here) and new history points.
/// Returns false, changing nothing, for weights of another network.
pub fn follow(t: &mut Trainer, parameters: &[(Vec<Real>, Vec<Real>)], epoch: u64, report: &Option<EpochReport>, history: &[HistoryPoint]) -> bool {
    if !t.network.set_parameters(parameters) {
        return false;
    }
    t.epoch = epoch;
    if report.is_some() {
        t.last.clone_from(report);
    }
    for p in history {
        t.history.push(*p);
    }
    true
}
