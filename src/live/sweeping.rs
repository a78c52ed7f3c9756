//! The worker's side of a sweep: started from the current run's setup and draw of weights,
//! trained a slice at a time as the page asks (the worker's jobs keep it).

use crate::engine::sweep::Sweep;
use crate::engine::Trainer;
use serde::{Deserialize, Serialize};

/// A sweep under way.
pub struct SweepJob(Sweep);

/// Starts a sweep of `run`'s setup (its live settings, with the weights of draw `round`), or
/// says why it cannot.
pub fn start(ask: SweepAsk, run: Option<&Trainer>, round: u64) -> Result<SweepJob, SweepState> {
    let refused = |error| SweepState { error: Some(error), ..SweepState::default() };
    let Some(t) = run else { return Err(refused(SweepRefusal::NoRun)) };
    let (from, to, count) = ask.range;
    let tried = crate::engine::sweep::values(ask.knob, from, to, count);
    let wrong = tried.iter().copied().find(|v| ask.knob.apply(&t.config, *v).is_none()).unwrap_or(f64::NAN);
    Sweep::new(t.config.clone(), ask.knob, tried, ask.epochs, round).map(SweepJob).map_err(|_| refused(SweepRefusal::NotASetup(wrong)))
}

impl SweepJob {
    /// Trains for about `budget_ms` (one epoch at least): where it stands, and whether done.
    pub fn step(&mut self, budget_ms: f64, now: &dyn Fn() -> f64) -> (SweepState, bool) {
        let sweep = &mut self.0;
        let start = now();
        sweep.run(&mut || now() - start < budget_ms);
        let state =
            SweepState { values: sweep.values().to_vec(), round: sweep.round(), progress: sweep.progress(), outcomes: sweep.outcomes.clone(), error: None };
        (state, sweep.done())
    }
}

/// A sweep the page asks for: one setting of the current setup at several values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepAsk {
    /// The setting.
    pub knob: crate::engine::sweep::Knob,
    /// From, to and how many values (see `engine::sweep::values`).
    pub range: (f64, f64, usize),
    /// Epochs of each run.
    pub epochs: u64,
}

/// Where a sweep stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SweepState {
    /// The values tried, in order.
    pub values: Vec<f64>,
    /// The draw of initial weights every run starts from.
    pub round: u64,
    /// Epochs trained, and in all.
    pub progress: (u64, u64),
    /// The runs finished, in the order of the values.
    pub outcomes: Vec<crate::engine::sweep::Outcome>,
    /// Why it could not start.
    pub error: Option<SweepRefusal>,
}

/// Why a sweep could not start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum SweepRefusal {
    /// There is no run (no data to train on).
    NoRun,
    /// This value of the setting is no setup (or the values, epochs are out of range).
    NotASetup(f64),
}
