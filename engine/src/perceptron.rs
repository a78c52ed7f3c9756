//! Rosenblatt's perceptron rule on a threshold unit, as the lesson steps through it: a whole
//! epoch, one point at a time (each move of the line seen), or one point by hand.

use super::loss::scalar_target;
use super::report::{EpochReport, HistoryPoint};
use super::trainer::Trainer;
use super::{Activation, Real};

/// What one application of the perceptron rule saw and did.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PerceptronStep {
    /// The training point (its place in the training set).
    pub point: usize,
    /// Its inputs x.
    pub inputs: Vec<Real>,
    /// Its label y, 0 or 1.
    pub target: Real,
    /// What the unit said, step(w·x + b).
    pub predicted: Real,
    /// Whether the rule moved the weights (the unit was wrong).
    pub changed: bool,
    /// The weights then the bias, before the step.
    pub before: Vec<Real>,
    /// The weights then the bias, after it.
    pub after: Vec<Real>,
}

impl Trainer {
    /// Rosenblatt's rule, one point at a time: y_hat = step(w.x + b);
    /// w <- w + eta (t - y_hat) x and b <- b + eta (t - y_hat). Returns the mistakes made.
    pub(crate) fn perceptron_epoch(&mut self) -> usize {
        let mut mistakes = 0;
        for k in 0..self.order.len() {
            let i = self.order[k];
            mistakes += self.perceptron_rule(i).changed as usize;
        }
        mistakes
    }

    /// Rosenblatt's rule on training point `i` alone; says what it saw and did.
    pub(crate) fn perceptron_rule(&mut self, i: usize) -> PerceptronStep {
        let n = self.train.len();
        let eta = self.config.training.learning_rate;
        let layer = &mut self.network.layers[0];
        let inputs: Vec<Real> = (0..layer.n_in).map(|f| self.train.inputs[f * n + i]).collect();
        let before: Vec<Real> = layer.weights[..layer.n_in].iter().copied().chain([layer.biases[0]]).collect();
        let z = inputs.iter().zip(&layer.weights).fold(layer.biases[0], |z, (x, w)| z + w * x);
        let predicted = if z >= 0.0 { 1.0 } else { 0.0 };
        let target = scalar_target(Activation::Step, self.train.targets[i]);
        let error = target - predicted;
        if error != 0.0 {
            for (w, x) in layer.weights.iter_mut().zip(&inputs) {
                *w += eta * error * x;
            }
            layer.biases[0] += eta * error;
        }
        let after = layer.weights[..layer.n_in].iter().copied().chain([layer.biases[0]]).collect();
        PerceptronStep { point: i, inputs, target, predicted, changed: error != 0.0, before, after }
    }

    /// The perceptron's epoch one point at a time, so that each move of the line is seen: the
    /// rule on the next training point of the epoch; after the last point the epoch counts,
    /// is measured and enters the history as [`Trainer::step`] does. A whole epoch of ticks
    /// gives the same weights as one `step`. Returns the step and, at an epoch's end, its report.
    pub fn perceptron_tick(&mut self) -> Option<(PerceptronStep, Option<EpochReport>)> {
        if !self.config.is_perceptron() || self.order.is_empty() {
            return None;
        }
        let (k, mistakes) = self.tick;
        if k == 0 && self.config.training.shuffle {
            self.rng.shuffle(&mut self.order);
        }
        let step = self.perceptron_rule(self.order[k]);
        let mistakes = mistakes + step.changed as usize;
        if k + 1 < self.order.len() {
            self.tick = (k + 1, mistakes);
            let mut report = self.evaluate();
            report.mistakes = self.last.as_ref().and_then(|r| r.mistakes);
            self.last = Some(report);
            return Some((step, None));
        }
        self.tick = (0, 0);
        self.epoch += 1;
        let mut report = self.evaluate();
        report.gradient_magnitude = vec![0.0];
        report.mistakes = Some(mistakes);
        self.history.push(HistoryPoint {
            epoch: self.epoch,
            train: report.train.loss,
            validation: report.validation.as_ref().map(|m| m.loss),
            test: report.test.as_ref().map(|m| m.loss),
        });
        self.last = Some(report.clone());
        Some((step, Some(report)))
    }

    /// One step of the perceptron rule, on training point `k` of this epoch's order (a
    /// perceptron setup only): what a student steps through by hand.
    pub fn perceptron_point(&mut self, k: usize) -> Option<PerceptronStep> {
        if !self.config.is_perceptron() || self.order.is_empty() {
            return None;
        }
        let i = self.order[k % self.order.len()];
        let step = self.perceptron_rule(i);
        self.last = Some(self.evaluate());
        Some(step)
    }
}
