//! What is done to a trainer by hand rather than by training: weights put in (typed, opened,
//! stepped through), a rewind to an earlier epoch, the network asked at a point, one update
//! written out.

use super::predict::score;
use super::trainer::{EarlyState, Trainer};
use super::{Config, Real};

impl Trainer {
    /// Puts in every weight and bias at once (weights then biases, per layer), when the
    /// shapes fit, and remeasures; returns whether they did.
    pub fn set_parameters(&mut self, parameters: &[(Vec<Real>, Vec<Real>)]) -> bool {
        let fits = parameters.iter().all(|(w, b)| w.iter().chain(b).all(|v| v.is_finite())) && self.network.set_parameters(parameters);
        if fits {
            self.last = Some(self.evaluate());
        }
        fits
    }

    /// What other weights (an earlier epoch's, `epoch`) measure on this run's data, the run
    /// staying as it is; the gradient sizes are the newest run's (none were measured for
    /// them). None when the weights do not fit.
    pub fn measure_weights(&mut self, parameters: &[(Vec<Real>, Vec<Real>)], epoch: u64) -> Option<super::trainer::EpochReport> {
        let (kept, last) = (self.network.parameters(), self.last.take());
        let measured = self.set_parameters(parameters).then(|| self.last.take()).flatten().map(|mut report| {
            report.epoch = epoch;
            if let Some(newest) = &last {
                report.gradient_magnitude.clone_from(&newest.gradient_magnitude);
            }
            report
        });
        self.network.set_parameters(&kept);
        self.last = last;
        measured
    }

    /// Goes back to an earlier point of this run: the weights it had at `epoch`, the history
    /// up to it, and a run that may go on from there (early stopping's watch and the links
    /// L1 killed start afresh, and so does the optimizer's memory, which was not kept).
    /// Returns false and changes nothing when the weights do not fit or `epoch` is ahead.
    pub fn rewind(&mut self, epoch: u64, parameters: &[(Vec<Real>, Vec<Real>)]) -> bool {
        if epoch > self.epoch || !self.set_parameters(parameters) {
            return false;
        }
        self.epoch = epoch;
        self.history.truncate_after(epoch);
        for m in self.moments_w.iter_mut().chain(self.moments_b.iter_mut()) {
            m.first.fill(0.0);
            m.second.fill(0.0);
        }
        self.updates = 0;
        self.stopped = None;
        self.early = EarlyState::default();
        self.unmeasured = None;
        self.dead.iter_mut().for_each(|d| d.fill(false));
        let mut report = self.evaluate();
        report.epoch = epoch;
        self.last = Some(report);
        true
    }

    /// Sets the weight from `input` (or, with `None`, the bias) of neuron `neuron` of network
    /// layer `layer`, every piece of a maxout neuron alike, then remeasures. Returns false and
    /// changes nothing when the network has no such parameter (an editor that outlived a
    /// change of network).
    pub fn set_parameter(&mut self, layer: usize, neuron: usize, input: Option<usize>, value: Real) -> bool {
        let Some(l) = self.network.layers.get_mut(layer) else { return false };
        if neuron >= l.n_out || input.is_some_and(|i| i >= l.n_in) || !value.is_finite() {
            return false;
        }
        let pieces = l.activation.pieces();
        for row in neuron * pieces..(neuron + 1) * pieces {
            match input {
                Some(i) => {
                    let k = l.index(row, i);
                    l.weights[k] = value;
                    // A weight the user sets trains again, even one that L1 had killed.
                    self.dead[layer][k] = false;
                }
                None => l.biases[row] = value,
            }
        }
        self.last = Some(self.evaluate());
        true
    }

    /// The network's output for one point: the score in [-1, 1] for two classes (tanh and
    /// linear as they are, sigmoid and step mapped by 2p - 1), the value for regression, the
    /// probability of class 0 for softmax.
    pub fn predict(&mut self, x: Real, y: Real) -> Real {
        let inputs: Vec<Real> = self.config.network.inputs().at(x, y);
        self.network.forward(&inputs, 1, &mut self.eval_workspace, None);
        let out = self.network.output();
        score(out.activation, self.eval_workspace.a[self.network.layers.len() - 1][0])
    }

    /// Every output neuron's value at one point (probabilities for softmax).
    pub fn outputs_at(&self, x: Real, y: Real) -> Vec<Real> {
        self.outputs_of(&self.config.network.inputs().at(x, y))
    }

    /// The network's outputs for one input vector (a row of vector data, or a point's
    /// features); none of the right length gives the outputs of zeros.
    pub fn outputs_of(&self, inputs: &[Real]) -> Vec<Real> {
        let mut inputs = inputs.to_vec();
        inputs.resize(self.network.n_inputs, 0.0);
        let mut workspace = super::network::Workspace::default();
        self.network.forward(&inputs, 1, &mut workspace, None);
        let k = self.network.output().n_out;
        workspace.a[self.network.layers.len() - 1][..k].to_vec()
    }

    /// One update of this network for training example `point` (wrapping around), written
    /// out, when it is the network `config` describes; otherwise nothing (a view computed for
    /// a setup the trainer has not caught up with yet).
    pub fn walkthrough_for(&self, config: &Config, point: usize) -> Option<super::backprop::Walkthrough> {
        if self.config.needs_new_network(config) {
            return None;
        }
        let (input, label) = self.example(point)?;
        Some(super::backprop::walkthrough_of(&self.network, &self.config, input, label, &self.dead))
    }

    /// Training example `i` (wrapping around) as the network reads it: the features of a point
    /// on the plane, or a row of vectors; and its label.
    pub fn example(&self, i: usize) -> Option<(Vec<Real>, Real)> {
        let i = i % self.split.train.len().max(1);
        let p = *self.split.train.get(i)?;
        let rows = &self.split.rows;
        let input = match rows.dims {
            0 => crate::features::feature_matrix(self.config.network.inputs(), std::iter::once((p.x, p.y))),
            d => rows.train.get(i * d..(i + 1) * d)?.to_vec(),
        };
        Some((input, p.label))
    }

    /// The loss L of `network` (of this run's shape) at each training example on its own, in
    /// their order: where a walk-through of one update teaches most is where L is largest.
    pub fn example_losses(&self, network: &crate::Network) -> Vec<f64> {
        let mut ws = crate::network::Workspace::default();
        (0..self.split.train.len()).filter_map(|i| self.example_loss(network, i, &mut ws)).collect()
    }

    /// The loss L of `network` at training example `i` (wrapping around) on its own.
    pub fn example_loss(&self, network: &crate::Network, i: usize, ws: &mut crate::network::Workspace) -> Option<f64> {
        let (input, label) = self.example(i)?;
        (input.len() == network.n_inputs).then(|| {
            network.forward(&input, 1, ws, None);
            network.batch_loss(self.config.training.loss, &[label], 1, ws)
        })
    }
}
