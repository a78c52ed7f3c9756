//! Why training goes wrong, said in place: besides NaN (which stops training), gradients
//! that explode, hidden layers whose neurons are all silent, and a loss that stays flat with
//! a large learning rate.

use super::config::Config;
use super::grid::Grid;
use super::network::Network;
use super::report::{EpochReport, HistoryPoint};
use super::{Activation, Real};

/// A mean |∂L/∂w| of a layer above this is an exploding gradient.
pub const EXPLODING: f64 = 100.0;
/// A learning rate from this on counts as large.
pub const LARGE_RATE: Real = 1.0;
/// Epochs the loss must have stayed flat.
pub const FLAT_EPOCHS: u64 = 300;

/// What is wrong, and with which layer (network layers: the first hidden layer is 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The gradient of this layer has grown huge: the steps overshoot.
    Exploding(usize),
    /// No neuron of this hidden ReLU-like layer is active anywhere on the plane: nothing
    /// flows back through it, so it cannot learn again.
    DeadLayer(usize),
    /// The loss has not moved for a long while, far from good, with a large learning rate.
    Stalled,
    /// The loss has not moved for a long while, far from good, with a learning rate that is
    /// not large: saturated neurons (large initial weights) or steps that cancel out
    /// (momentum near 1). It stays while the loss stays flat, whatever the rate is changed to.
    Stuck,
}

/// The hidden layers whose every neuron outputs 0 at every point of the grid (evaluated for
/// `network`): for ReLU, no gradient passes back through them.
pub fn dead_layers(network: &Network, grid: &Grid) -> Vec<usize> {
    let hidden = network.layers.len().saturating_sub(1);
    (0..hidden)
        .filter(|&l| matches!(network.layers[l].activation, Activation::Relu))
        .filter(|&l| (0..network.layers[l].n_out).all(|j| grid.neuron(l, j).iter().all(|&a| a == 0.0)))
        .collect()
}

/// The first trouble found, if any, from the newest report, the loss history, the setup and
/// the dead layers found on the grid.
pub fn diagnose(report: &EpochReport, history: &[HistoryPoint], config: &Config, dead: &[usize]) -> Option<Trouble> {
    if let Some(l) = report.gradient_magnitude.iter().position(|&g| g > EXPLODING || !g.is_finite()) {
        return Some(Trouble::Exploding(l));
    }
    if let Some(&l) = dead.first() {
        return Some(Trouble::DeadLayer(l));
    }
    let last = history.last()?;
    let window: Vec<&HistoryPoint> = history.iter().filter(|p| p.epoch + FLAT_EPOCHS >= last.epoch).collect();
    let spans = window.first().is_some_and(|p| last.epoch - p.epoch >= FLAT_EPOCHS / 2) && last.epoch >= FLAT_EPOCHS;
    // Flat: the best loss of the window is hardly better than its first (a loss that swings
    // without getting anywhere is as stuck as one that stays put).
    let first = window.first().map_or(f64::NAN, |p| p.train);
    let best = window.iter().fold(f64::INFINITY, |lo, p| lo.min(p.train));
    let flat = spans && first - best < 1e-3_f64.max(0.01 * first);
    let poor = report.train.accuracy.map_or(last.train > 0.1, |a| a < 0.9);
    if !(flat && poor) {
        return None;
    }
    Some(if config.training.learning_rate >= LARGE_RATE { Trouble::Stalled } else { Trouble::Stuck })
}
