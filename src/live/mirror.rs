//! The page's read-only copy of the worker's trainer: built from the worker's first answer
//! to a setup (its data and initial weights; the page draws neither), then brought up to
//! date from each snapshot.

use super::protocol::{Event, Snapshot};
use crate::engine::trainer::{EpochReport, HistoryPoint};
use crate::engine::{Config, Real, Trainer};

/// The trainer the page draws from, and which setup it belongs to.
#[derive(Default)]
pub struct Mirror {
    /// The copy, once the worker has answered the setup, when the setup has data to train on.
    pub trainer: Option<Trainer>,
    /// The id of the setup it was built for.
    pub setup: u64,
    /// The setup sent to the worker, until the copy is built from its answer.
    pending: Option<Config>,
    /// Where early stopping ended the run: the best epoch it went back to and the epoch it
    /// stopped at, for the loss chart's marks.
    pub stop_epoch: Option<(u64, u64)>,
    /// Whether the student has set a weight of this run by hand (typed, or applied a step).
    pub edited: bool,
    /// The worker's answers for this run that trained or moved its weights: at the slow pace
    /// of a threshold unit, each is one move of its line.
    pub answers: u64,
}

impl Mirror {
    /// Starts over for setup `id`, sent to the worker as `config`: no copy until it answers.
    pub fn reset(&mut self, id: u64, config: Config) {
        *self = Mirror { trainer: None, setup: id, pending: Some(config), stop_epoch: None, edited: false, answers: 0 };
    }

    /// Whether there is a run: its copy, or a setup the worker has yet to answer.
    pub fn has_run(&self) -> bool {
        self.trainer.is_some() || self.pending.is_some()
    }

    /// Whether the worker has yet to answer the setup.
    pub fn waiting(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes in a snapshot of the current setup, building the copy from the first one (whose
    /// training settings become `live`'s, which may have changed since); returns false (and
    /// changes nothing) for a snapshot of an older setup or of a network of another shape.
    pub fn apply(&mut self, s: &mut Snapshot, live: &Config) -> bool {
        if s.setup != self.setup {
            return false;
        }
        // The first answer of a setup is the answer to it: with the run's data, or none when
        // the worker has no run (no data to train on).
        if let Some(config) = self.pending.take() {
            self.trainer = s.split.take().and_then(|split| Trainer::with_parts(config, *split, &s.parameters).ok());
            if let Some(t) = &mut self.trainer {
                t.update_live(live);
            }
        }
        let Some(t) = &mut self.trainer else { return false };
        let stepped = s.trained > 0 || t.network.parameters() != s.parameters;
        if !follow(t, &s.parameters, s.epoch, &s.report, &s.history) {
            return false;
        }
        self.answers += stepped as u64;
        if let Some(Event::EarlyStopped { at, best }) = s.event {
            self.stop_epoch = Some((best, at));
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
