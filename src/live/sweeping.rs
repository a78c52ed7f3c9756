//! The worker's side of a sweep: started from the current run's setup and draw of weights,
//! trained a slice at a time as the page asks, so that training, pictures and a cancel are
//! answered between slices.

use super::protocol::{SweepAsk, SweepRefusal, SweepState};
use crate::engine::sweep::Sweep;
use crate::engine::Trainer;

/// The sweep under way, if any, with its id.
#[derive(Default)]
pub struct Sweeping(Option<(u64, Sweep)>);

impl Sweeping {
    /// Starts a sweep of `run`'s setup (its live settings, with the weights of draw `round`),
    /// or stops the one under way (`None`).
    pub fn start(&mut self, ask: Option<SweepAsk>, run: Option<&Trainer>, round: u64) -> SweepState {
        self.0 = None;
        let Some(ask) = ask else { return SweepState::default() };
        let id = ask.id;
        let Some(t) = run else { return SweepState { id, error: Some(SweepRefusal::NoRun), ..SweepState::default() } };
        let (from, to, count) = ask.range;
        let tried = crate::engine::sweep::values(ask.knob, from, to, count);
        let wrong = tried.iter().copied().find(|v| ask.knob.apply(&t.config, *v).is_none()).unwrap_or(f64::NAN);
        match Sweep::new(t.config.clone(), ask.knob, tried.clone(), ask.epochs, round) {
            Ok(sweep) => {
                let state = SweepState { values: tried, round, ..state(id, &sweep) };
                self.0 = Some((id, sweep));
                state
            }
            Err(_) => SweepState { id, error: Some(SweepRefusal::NotASetup(wrong)), ..SweepState::default() },
        }
    }

    /// Trains the sweep for about `budget_ms` (at least one epoch); where it stands.
    pub fn step(&mut self, id: u64, budget_ms: f64, now: &dyn Fn() -> f64) -> SweepState {
        let Some((_, sweep)) = self.0.as_mut().filter(|(running, _)| *running == id) else { return SweepState { id, ..SweepState::default() } };
        let start = now();
        sweep.run(&mut || now() - start < budget_ms);
        let state = SweepState { values: sweep.values().to_vec(), round: sweep.round(), ..state(id, sweep) };
        if sweep.done() {
            self.0 = None;
        }
        state
    }
}

fn state(id: u64, sweep: &Sweep) -> SweepState {
    SweepState { id, values: Vec::new(), round: 0, progress: sweep.progress(), outcomes: sweep.outcomes.clone(), error: None }
}
