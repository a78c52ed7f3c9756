//! The worker's side of a hint: the student's setup and each small change of it trained a
//! slice at a time as the page asks, so that training, a step, a pause and a cancel are
//! answered between slices.

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

/// How long the worker works on a hint when it starts one, in milliseconds; then as the
/// page's `HintStep`s ask.
const FIRST_SLICE_MS: f64 = 40.0;

/// Where a hint under way stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HintState {
    /// Runs tried, and in all (the setup as it is and each small change).
    pub progress: (usize, usize),
    /// The hint, once every run is done.
    pub found: Option<HintFound>,
}

/// What a hint stopped, replaced or impossible says: done, with nothing found.
fn nothing() -> HintState {
    HintState { progress: (0, 0), found: Some((None, 0.0)) }
}

/// The hint under way, if any: its id, its search and the milliseconds spent on it.
#[derive(Default)]
pub struct Hinting(Option<(u64, HintSearch, f64)>);

impl Hinting {
    /// Starts hint `id` (or stops the one under way: `None`) and works on it a first slice.
    pub fn start(&mut self, id: u64, ask: Option<HintAsk>, now: &dyn Fn() -> f64) -> HintState {
        self.0 = ask.and_then(|a| HintSearch::new(&a.config, a.round, a.epochs, a.aim, a.max_neurons)).map(|search| (id, search, 0.0));
        if self.0.is_none() {
            return nothing();
        }
        self.step(id, FIRST_SLICE_MS, now)
    }

    /// Works on hint `id` for about `budget_ms` (one epoch at least): where it stands, with
    /// the hint once done.
    pub fn step(&mut self, id: u64, budget_ms: f64, now: &dyn Fn() -> f64) -> HintState {
        let Some((_, search, spent)) = self.0.as_mut().filter(|(running, ..)| *running == id) else { return nothing() };
        let start = now();
        search.run(&mut || now() - start < budget_ms);
        *spent += now() - start;
        let progress = search.progress();
        if !search.done() {
            return HintState { progress, found: None };
        }
        let found = Some((search.result(), *spent));
        self.0 = None;
        HintState { progress, found }
    }
}
