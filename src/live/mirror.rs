//! The page's read-only copy of the worker's trainer: built from the same setup (so the
//! same data and initial weights), then brought up to date from each snapshot.

use super::protocol::{Event, Snapshot};
use crate::engine::Trainer;

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
        if !copy_parameters(t, &s.parameters) {
            return false;
        }
        t.epoch = s.epoch;
        if s.report.is_some() {
            t.last.clone_from(&s.report);
        }
        for p in &s.history {
            t.history.push(*p);
        }
        if let Some(Event::EarlyStopped { at, .. }) = s.event {
            self.stop_epoch = Some(at);
        }
        true
    }
}

/// Puts the worker's weights in the page's copy of a run, when they fit its network (the
/// measurements come with them, so nothing is evaluated here).
pub fn copy_parameters(t: &mut crate::engine::Trainer, parameters: &[(Vec<crate::engine::Real>, Vec<crate::engine::Real>)]) -> bool {
    if !t.network.fits(parameters) {
        return false;
    }
    for ((w, b), l) in parameters.iter().zip(&mut t.network.layers) {
        l.weights.copy_from_slice(w);
        l.biases.copy_from_slice(b);
    }
    true
}
