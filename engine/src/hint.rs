//! Hints worked out from the student's own setup: each small change of one setting (the
//! learning rate a step up or down the list, a hidden neuron added or taken away, the
//! regularization rate a step either way) is trained for as many epochs as the exercise
//! allows, from the same data and draw of initial weights as the student's own run, and the
//! change that brings the goal's measure furthest is the hint: first which setting, then
//! which way.

use super::config::HiddenLayer;
use super::limits::{self, LEARNING_RATES, REGULARIZATION_RATES};
use super::{Config, Real, Regularization, Trainer};
use serde::{Deserialize, Serialize};

/// Which way to move a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// A larger value.
    Up,
    /// A smaller value.
    Down,
    /// More hidden neurons.
    Add,
    /// Fewer hidden neurons.
    Remove,
}

impl Direction {
    /// As `data-direction` names it.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Add => "add",
            Direction::Remove => "remove",
        }
    }
}

/// What the exercise asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Aim {
    /// A low test loss.
    TestLoss,
    /// A high test accuracy.
    Accuracy,
    /// A high share of the satellite scene's pixels mapped to their true class.
    MapAccuracy,
}

/// A hint: the setting (its link key) and which way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hint {
    /// The setting, by its link key: `learningRate`, `networkShape`, `regularizationRate`.
    pub knob: String,
    /// Which way.
    pub direction: Direction,
    /// The goal's measure with the change, and without it (test accuracy or test loss).
    pub measures: (f64, f64),
}

/// The epochs a hint trains each change for: those the exercise asks, within
/// [`limits::HINT_EPOCHS`] and [`limits::HINT_WORK`] over `points` training points (at least one).
pub fn hint_epochs(asked: u64, points: usize) -> u64 {
    asked.min(limits::HINT_EPOCHS).min(limits::HINT_WORK / points.max(1) as u64).max(1)
}

/// The neighbour of `value` in `list`, a step up or down; none past either end.
fn step(list: &[Real], value: Real, up: bool) -> Option<Real> {
    let at = list.iter().enumerate().min_by(|a, b| (a.1 - value).abs().total_cmp(&(b.1 - value).abs()))?.0;
    if up {
        list.get(at + 1).copied()
    } else {
        at.checked_sub(1).map(|i| list[i])
    }
}

/// The changes tried: a setting's link key, which way, and the setup with it.
pub fn candidates(config: &Config, max_neurons: Option<usize>) -> Vec<(&'static str, Direction, Config)> {
    let mut out = Vec::new();
    let t = &config.training;
    for (up, direction) in [(true, Direction::Up), (false, Direction::Down)] {
        if let Some(rate) = step(&LEARNING_RATES, t.learning_rate, up) {
            let mut c = config.clone();
            c.training.learning_rate = rate;
            out.push(("learningRate", direction, c));
        }
        if t.regularization != Regularization::None {
            if let Some(rate) = step(&REGULARIZATION_RATES, t.regularization_rate, up) {
                let mut c = config.clone();
                c.training.regularization_rate = rate;
                out.push(("regularizationRate", direction, c));
            }
        }
    }
    let hidden = &config.network.hidden;
    let total: usize = hidden.iter().map(|h| h.neurons).sum();
    let most = max_neurons.unwrap_or(usize::MAX);
    let widest = limits::NEURONS.max as usize;
    // One neuron more: on the last layer while it has room, else a new layer of two (one
    // when the limit leaves room for one only).
    if total < most {
        let mut c = config.clone();
        match c.network.hidden.last_mut() {
            Some(last) if last.neurons < widest => last.neurons += 1,
            _ if hidden.len() < limits::LAYERS.max as usize => {
                let activation = hidden.last().map_or(HiddenLayer::default().activation, |h| h.activation);
                c.network.hidden.push(HiddenLayer { neurons: (most - total).min(2), activation });
            }
            _ => {}
        }
        if c.network.hidden != *hidden {
            out.push(("networkShape", Direction::Add, c));
        }
    }
    if let Some(last) = hidden.last() {
        let mut c = config.clone();
        if last.neurons > 1 {
            c.network.hidden.last_mut().expect("a last layer").neurons -= 1;
        } else {
            c.network.hidden.pop();
        }
        out.push(("networkShape", Direction::Remove, c));
    }
    out
}

/// The goal's measure of a run's last report, larger is better (accuracy, with the loss to
/// break ties; or minus the loss), and the measure as shown. The map's accuracy is computed
/// from the run's network over the whole scene.
fn score(trainer: &Trainer, report: &super::trainer::EpochReport, aim: Aim) -> (f64, f64) {
    let test = report.test.as_ref().unwrap_or(&report.train);
    let loss = if test.loss.is_finite() { test.loss } else { f64::INFINITY };
    let share = |accuracy: f64| (accuracy - 1e-3 * loss.min(1e3), accuracy);
    match aim {
        Aim::Accuracy => share(test.accuracy.unwrap_or(0.0)),
        Aim::MapAccuracy => share(super::satellite::map_scene(&trainer.network, &trainer.config).map_or(0.0, |m| m.accuracy)),
        Aim::TestLoss => (-loss, test.loss),
    }
}

/// A hint worked out a slice at a time (so that the worker answers training, a step and a
/// cancel between slices): the setup as it is, then each small change, each trained the same
/// epochs from the same draw of weights.
pub struct HintSearch {
    aim: Aim,
    epochs: u64,
    round: u64,
    /// The runs to try: the setup as it is first, then each change.
    runs: Vec<(Option<(&'static str, Direction)>, Config)>,
    /// The run under way: its index, trainer and last report.
    current: Option<(usize, Box<Trainer>, super::trainer::EpochReport)>,
    /// The next run to start.
    next: usize,
    /// The setup's own score and measure.
    own: Option<(f64, f64)>,
    /// The best change so far, with its score.
    best: Option<(f64, Hint)>,
}

impl HintSearch {
    /// A search for `config` (the student's run is draw `round`), each run `epochs` epochs
    /// (within the cap, see [`hint_epochs`]); none when the setup cannot train.
    pub fn new(config: &Config, round: u64, epochs: u64, aim: Aim, max_neurons: Option<usize>) -> Option<HintSearch> {
        let points = Trainer::new_round(config.clone(), round).ok()?.train_len();
        let mut runs = vec![(None, config.clone())];
        runs.extend(candidates(config, max_neurons).into_iter().map(|(knob, direction, c)| (Some((knob, direction)), c)));
        Some(HintSearch { aim, epochs: hint_epochs(epochs, points), round, runs, current: None, next: 0, own: None, best: None })
    }

    /// Trains while `more()` says so (one epoch at least), until every run is done.
    pub fn run(&mut self, more: &mut dyn FnMut() -> bool) {
        let mut first = true;
        while !self.done() && (first || more()) {
            first = false;
            if self.current.is_none() {
                let at = self.next;
                self.next += 1;
                match Trainer::new_round(self.runs[at].1.clone(), self.round) {
                    Ok(mut t) => {
                        let report = t.evaluate();
                        self.current = Some((at, Box::new(t), report));
                    }
                    // A change that cannot train is passed over; the setup itself always trains.
                    Err(_) => continue,
                }
            }
            let (at, t, report) = self.current.as_mut().expect("a run under way");
            let failed = if t.epoch < self.epochs {
                match t.step() {
                    Ok(r) => {
                        *report = r;
                        false
                    }
                    Err(_) => true,
                }
            } else {
                false
            };
            if failed || t.epoch >= self.epochs {
                let (at, scored) = (*at, if failed { (f64::NEG_INFINITY, f64::NAN) } else { score(t, report, self.aim) });
                self.current = None;
                self.finish(at, scored);
            }
        }
    }

    fn finish(&mut self, at: usize, (score, shown): (f64, f64)) {
        let Some((knob, direction)) = self.runs[at].0 else {
            self.own = Some((score, shown));
            return;
        };
        let Some((own, own_measure)) = self.own else { return };
        if score > own + 1e-9 && self.best.as_ref().is_none_or(|(b, _)| score > *b) {
            self.best = Some((score, Hint { knob: knob.into(), direction, measures: (shown, own_measure) }));
        }
    }

    /// Whether every run is done.
    pub fn done(&self) -> bool {
        self.current.is_none() && self.next >= self.runs.len()
    }

    /// Runs done, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next - usize::from(self.current.is_some()), self.runs.len())
    }

    /// The epochs each run trains.
    pub fn epochs(&self) -> u64 {
        self.epochs
    }

    /// The hint, once done: the change whose run does best for the goal, if it does better
    /// than the setup as it is.
    pub fn result(&self) -> Option<Hint> {
        self.best.as_ref().map(|(_, h)| h.clone())
    }
}

/// The hint for `config` (the student's run is draw `round`): the candidate whose run does
/// best for the goal in `epochs` epochs, if it does better than the setup as it is.
pub fn hint(config: &Config, round: u64, epochs: u64, aim: Aim, max_neurons: Option<usize>) -> Option<Hint> {
    let mut search = HintSearch::new(config, round, epochs, aim, max_neurons)?;
    search.run(&mut || true);
    search.result()
}
