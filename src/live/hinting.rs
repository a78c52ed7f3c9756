//! The worker's side of a hint: the student's setup and each small change of it trained a
//! slice at a time as the page asks (the worker's jobs keep it).

use crate::engine::hint::HintSearch;
use serde::{Deserialize, Serialize};

/// What a hint is worked out for: the student's setup and run, and the exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HintAsk {
    /// The setup.
    pub config: crate::engine::Config,
    /// The run's draw of initial weights.
    pub round: u64,
    /// Epochs of each run tried (the exercise's limit).
    pub epochs: u64,
    /// What the goal measures.
    pub aim: crate::engine::hint::Aim,
    /// The exercise's limit of hidden neurons.
    pub max_neurons: Option<usize>,
}

/// A hint (none when no small change does better), and the milliseconds it took.
pub type HintFound = (Option<crate::engine::hint::Hint>, f64);

/// Where a hint under way stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HintState {
    /// Runs tried, and in all (the setup as it is and each small change).
    pub progress: (usize, usize),
    /// The hint, once every run is done.
    pub found: Option<HintFound>,
}

/// What a hint impossible says: done, with nothing found.
fn nothing() -> HintState {
    HintState { progress: (0, 0), found: Some((None, 0.0)) }
}

/// A hint under way: its search and the milliseconds spent on it.
pub struct HintJob(HintSearch, f64);

/// Starts working out the hint `ask` asks for, or says it finds nothing.
pub fn start(ask: HintAsk) -> Result<HintJob, HintState> {
    HintSearch::new(&ask.config, ask.round, ask.epochs, ask.aim, ask.max_neurons).map(|search| HintJob(search, 0.0)).ok_or_else(nothing)
}

impl HintJob {
    /// Works for about `budget_ms` (one epoch at least): where it stands, with the hint once
    /// found, and whether done.
    pub fn step(&mut self, budget_ms: f64, now: &dyn Fn() -> f64) -> (HintState, bool) {
        let HintJob(search, spent) = self;
        let start = now();
        search.run(&mut || now() - start < budget_ms);
        *spent += now() - start;
        let found = search.done().then(|| (search.result(), *spent));
        let done = found.is_some();
        (HintState { progress: search.progress(), found }, done)
    }
}
