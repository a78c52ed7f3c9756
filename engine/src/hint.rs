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

/// The goal's measure after `epochs` epochs of `config` from draw `round`, larger is better
/// (accuracy, with the loss to break ties; or minus the loss); none when it cannot train.
fn measure(config: Config, round: u64, epochs: u64, aim: Aim) -> Option<(f64, f64)> {
    let mut t = Trainer::new_round(config, round).ok()?;
    let mut report = t.evaluate();
    for _ in 0..epochs {
        match t.step() {
            Ok(r) => report = r,
            Err(_) => return Some((f64::NEG_INFINITY, f64::NAN)),
        }
    }
    let test = report.test.unwrap_or(report.train);
    let loss = if test.loss.is_finite() { test.loss } else { f64::INFINITY };
    Some(match aim {
        Aim::Accuracy => {
            let accuracy = test.accuracy.unwrap_or(0.0);
            (accuracy - 1e-3 * loss.min(1e3), accuracy)
        }
        Aim::TestLoss => (-loss, test.loss),
    })
}

/// The hint for `config` (the student's run is draw `round`): the candidate whose run does
/// best for the goal in `epochs` epochs, if it does better than the setup as it is.
pub fn hint(config: &Config, round: u64, epochs: u64, aim: Aim, max_neurons: Option<usize>) -> Option<Hint> {
    let points = Trainer::new_round(config.clone(), round).ok()?.train_len();
    let epochs = hint_epochs(epochs, points);
    let (own, own_measure) = measure(config.clone(), round, epochs, aim)?;
    let mut best: Option<(f64, Hint)> = None;
    for (knob, direction, c) in candidates(config, max_neurons) {
        let Some((score, shown)) = measure(c, round, epochs, aim) else { continue };
        if score > own + 1e-9 && best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, Hint { knob: knob.into(), direction, measures: (shown, own_measure) }));
        }
    }
    best.map(|(_, h)| h)
}
