//! The trainer: owns the data, the network and every buffer; runs epochs of mini-batch
//! gradient descent (or the perceptron rule), measures losses and accuracy, stops early,
//! and refuses to go on from NaN.

use super::config::{Config, Monitor};
use super::data::{Point, Split};
mod build;

use super::features::{feature_matrix, rows_matrix};
use super::network::{Network, Workspace};
use super::optimizer::{update, Moments};
pub use super::predict::{class_of, predicted_class, score};
pub use super::report::{EarlyStop, EpochReport, History, HistoryPoint, Metrics, TrainError};
use super::rng::Rng;
use super::Real;

/// A labelled set laid out for the network: features `[feature][point]`, one target each.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prepared {
    pub(crate) inputs: Vec<Real>,
    pub(crate) targets: Vec<Real>,
}

impl Prepared {
    /// `points` laid out: their features on the plane, or for data of vectors their rows
    /// (`dims` values each) turned feature by feature.
    fn new(config: &Config, points: &[Point], rows: &[Real], dims: usize) -> Self {
        let targets = points.iter().map(|p| p.label).collect();
        if dims > 0 {
            return Prepared { inputs: rows_matrix(&rows[..points.len() * dims], dims), targets };
        }
        Prepared { inputs: feature_matrix(config.network.inputs(), points.iter().map(|p| (p.x, p.y))), targets }
    }
    pub(crate) fn len(&self) -> usize {
        self.targets.len()
    }
}

/// Early stopping's running state.
#[derive(Clone, Debug, Default)]
pub(crate) struct EarlyState {
    best: Option<(f64, u64)>,
    best_network: Option<Network>,
    waited: u32,
}

/// Owns a network and its data and trains it.
pub struct Trainer {
    /// The setup; the live fields (learning rate, penalty, optimizer parameters, early
    /// stopping) may be changed between epochs.
    pub config: Config,
    /// The network being trained.
    pub network: Network,
    /// The data, split.
    pub split: Split,
    /// Epochs completed.
    pub epoch: u64,
    /// Loss history.
    pub history: History,
    /// The newest report.
    pub last: Option<EpochReport>,
    /// Set once early stopping has ended the run.
    pub stopped: Option<EarlyStop>,
    pub(crate) train: Prepared,
    pub(crate) validation: Prepared,
    pub(crate) test: Prepared,
    pub(crate) order: Vec<usize>,
    pub(crate) batch_inputs: Vec<Real>,
    pub(crate) batch_targets: Vec<Real>,
    pub(crate) rng: Rng,
    pub(crate) workspace: Workspace,
    pub(crate) eval_workspace: Workspace,
    pub(crate) moments_w: Vec<Moments>,
    pub(crate) moments_b: Vec<Moments>,
    pub(crate) updates: u64,
    pub(crate) before_step: Network,
    pub(crate) early: EarlyState,
    /// What the last epoch's training gave, when its losses were not measured yet.
    pub(crate) unmeasured: Option<(Vec<f64>, Option<usize>)>,
    /// Per layer, the weights that L1 drove to zero: they stay 0 and are not trained again
    /// (until the user sets them).
    pub dead: Vec<Vec<bool>>,
    /// The perceptron trained one point at a time: the next point's place in this epoch's
    /// order, and the mistakes made so far in the epoch.
    pub(crate) tick: (usize, usize),
    /// TensorFlow Playground's batches, for a run that replays it: an update after every
    /// `batch` points of an epoch, the points left at its end carried into the next epoch's
    /// first update (the indices waiting).
    pub(crate) carry: Option<Vec<usize>>,
    /// The points of an epoch in the order they are trained, carried ones first.
    pub(crate) sequence: Vec<usize>,
}

impl Trainer {
    /// Takes the training settings of `config`, which change while training goes on (see
    /// [`Config::needs_new_network`]); its loss only where it fits this network's output.
    pub fn update_live(&mut self, config: &Config) {
        let loss = self.config.training.loss;
        self.config.training = config.training.clone();
        if !self.config.training.loss.pairs_with(self.config.network.output) {
            self.config.training.loss = loss;
        }
        self.network.leaky_slope = self.config.training.leaky_slope;
        crate::model::switches(&mut self.network, &self.config);
        let hidden = self.network.layers.len() - 1;
        for (l, layer) in self.network.layers.iter_mut().take(hidden).enumerate() {
            layer.dropout = self.config.dropout(l);
        }
    }

    /// Runs one epoch and measures it. On NaN or infinity the weights from before the
    /// epoch are restored and an error returned.
    pub fn step(&mut self) -> Result<EpochReport, TrainError> {
        let (gradients, mistakes) = self.train_epoch()?;
        let mut report = self.evaluate();
        report.gradient_magnitude = gradients;
        report.mistakes = mistakes;
        if !report.train.loss.is_finite() {
            return Err(self.roll_back());
        }
        self.history.push(HistoryPoint {
            epoch: self.epoch,
            train: report.train.loss,
            validation: report.validation.as_ref().map(|m| m.loss),
            test: report.test.as_ref().map(|m| m.loss),
        });
        if let Some(stop) = self.watch_for_early_stop(&report) {
            // The run goes back to the best epoch: its epoch and every figure describe the
            // restored weights, not the discarded ones.
            report = self.evaluate();
            report.early_stop = Some(stop);
        }
        self.last = Some(report.clone());
        Ok(report)
    }

    /// Like [`Trainer::step`], but measures the losses only when something needs them: the
    /// history keeps this epoch or early stopping watches it. Otherwise returns `Ok(None)`
    /// and leaves the newest report as it was until [`Trainer::measure_last`] is called. Training
    /// itself is the same, so the weights are those `step` gives.
    pub fn step_lean(&mut self) -> Result<Option<EpochReport>, TrainError> {
        if self.config.training.early_stopping.enabled || self.history.keeps(self.epoch + 1) {
            self.unmeasured = None;
            return self.step().map(Some);
        }
        self.unmeasured = Some(self.train_epoch()?);
        Ok(None)
    }

    /// Measures the current network if the last epoch went unmeasured, so that the newest
    /// report is this epoch's.
    pub fn measure_last(&mut self) {
        if let Some((gradients, mistakes)) = self.unmeasured.take() {
            let mut report = self.evaluate();
            report.gradient_magnitude = gradients;
            report.mistakes = mistakes;
            self.last = Some(report);
        }
    }

    /// One pass over the training set; returns the mean |dL/dW| per layer and, for the
    /// perceptron, the number of mistakes.
    pub fn train_epoch(&mut self) -> Result<(Vec<f64>, Option<usize>), TrainError> {
        // An epoch stepped point by point and left half way starts again as a whole one.
        self.tick = (0, 0);
        self.before_step.copy_parameters_from(&self.network);
        if self.config.training.shuffle {
            self.rng.shuffle(&mut self.order);
        }
        self.epoch += 1;
        let result = if self.config.is_perceptron() { (vec![0.0], Some(self.perceptron_epoch())) } else { (self.gradient_epoch(), None) };
        if !self.network.is_finite() {
            return Err(self.roll_back());
        }
        Ok(result)
    }

    /// Undoes a diverged epoch: the weights from before it come back, and the optimizer's
    /// memory (momentum, running averages), which the bad steps filled with NaN or infinity,
    /// starts afresh.
    fn roll_back(&mut self) -> TrainError {
        self.network.copy_parameters_from(&self.before_step);
        for m in self.moments_w.iter_mut().chain(self.moments_b.iter_mut()) {
            m.first.fill(0.0);
            m.second.fill(0.0);
        }
        self.updates = 0;
        let epoch = self.epoch;
        self.epoch -= 1;
        TrainError::Diverged { epoch }
    }

    /// Mini-batch gradient descent over the training set in `order`.
    fn gradient_epoch(&mut self) -> Vec<f64> {
        let n = self.train.len();
        let batch = self.config.training.batch_size.clamp(1, n);
        // TensorFlow Playground's batches: the points carried from the last epoch first.
        let carried = self.carry.as_ref().map(|c| c.len());
        if let Some(waiting) = self.carry.as_ref() {
            self.sequence.clear();
            self.sequence.extend_from_slice(waiting);
            self.sequence.extend_from_slice(&self.order);
        }
        let total = if carried.is_some() { self.sequence.len() } else { n };
        let largest = batch + carried.unwrap_or(0);
        let n_features = self.config.input_count();
        let hyper = self.config.hyper();
        let mut magnitude = vec![0.0f64; self.network.layers.len()];
        let mut batches = 0usize;
        // Batches of more than four samples are padded to a multiple of four, so that the
        // network's loops over samples run in whole groups of four.
        let no_dropout = self.network.layers.iter().all(|l| l.dropout == 0.0);
        let pad = move |b: usize| if b > 4 && no_dropout { b.div_ceil(4) * 4 } else { b };
        self.batch_inputs.clear();
        self.batch_inputs.resize(n_features * pad(largest), 0.0);
        self.batch_targets.clear();
        self.batch_targets.resize(pad(largest), 0.0);
        let mut start = 0;
        while start < total {
            let want = if start == 0 { largest } else { batch };
            if carried.is_some() && total - start < want {
                break;
            }
            let b = want.min(total - start);
            let bp = pad(b);
            let idx = if carried.is_some() { &self.sequence[start..start + b] } else { &self.order[start..start + b] };
            for f in 0..n_features {
                let src = &self.train.inputs[f * n..(f + 1) * n];
                let row = &mut self.batch_inputs[f * bp..(f + 1) * bp];
                for (dst, &i) in row.iter_mut().zip(idx) {
                    *dst = src[i];
                }
                row[b..].fill(0.0);
            }
            for (dst, &i) in self.batch_targets[..b].iter_mut().zip(idx) {
                *dst = self.train.targets[i];
            }
            self.network.forward(&self.batch_inputs, bp, &mut self.workspace, Some(&mut self.rng));
            self.workspace.clear_gradients();
            self.network.backward_padded(&self.batch_inputs, &self.batch_targets, bp, b, self.config.training.loss, &mut self.workspace);
            self.updates += 1;
            let scale = 1.0 / b as Real;
            for (l, layer) in self.network.layers.iter_mut().enumerate() {
                let (gw, gb) = (&mut self.workspace.grad_w[l], &mut self.workspace.grad_b[l]);
                gw.iter_mut().chain(gb.iter_mut()).for_each(|g| *g *= scale);
                magnitude[l] += gw.iter().map(|g| g.abs() as f64).sum::<f64>() / gw.len().max(1) as f64;
                // A frozen neuron's weights and bias are put back as they were.
                let pieces = layer.activation.pieces();
                let kept: Vec<(usize, Vec<Real>, Real)> = (0..layer.frozen.len())
                    .filter(|&j| layer.frozen[j])
                    .flat_map(|j| j * pieces..(j + 1) * pieces)
                    .map(|r| (r, layer.row(r).to_vec(), layer.biases[r]))
                    .collect();
                update(&mut layer.weights, gw, &mut self.moments_w[l], &hyper, self.updates, Some(&mut self.dead[l]));
                update(&mut layer.biases, gb, &mut self.moments_b[l], &hyper, self.updates, None);
                for (r, w, b) in kept {
                    layer.weights[r * layer.n_in..(r + 1) * layer.n_in].copy_from_slice(&w);
                    layer.biases[r] = b;
                }
            }
            batches += 1;
            start += b;
        }
        if carried.is_some() {
            self.carry = Some(self.sequence[start.min(total)..total].to_vec());
        }
        magnitude.iter_mut().for_each(|m| *m /= batches.max(1) as f64);
        magnitude
    }

    /// Losses, accuracy and confusion on every set, with the current weights.
    pub fn evaluate(&mut self) -> EpochReport {
        let mut workspace = std::mem::take(&mut self.eval_workspace);
        let report = self.measured_in(&mut workspace);
        self.eval_workspace = workspace;
        report
    }

    /// What [`Trainer::evaluate`] gives, read without changing the trainer (in buffers of its
    /// own): a copy of a run measured as it is.
    pub fn measured(&self) -> EpochReport {
        self.measured_in(&mut Workspace::default())
    }

    fn measured_in(&self, workspace: &mut Workspace) -> EpochReport {
        let train = self.measure(Which::Train, workspace);
        let validation = (self.validation.len() > 0).then(|| self.measure(Which::Validation, workspace));
        let test = (self.test.len() > 0).then(|| self.measure(Which::Test, workspace));
        let (reg, rate) = (self.config.training.regularization, self.config.training.regularization_rate as f64);
        let penalty = rate * self.network.layers.iter().flat_map(|l| l.weights.iter()).map(|&w| reg.penalty(w) as f64).sum::<f64>();
        EpochReport { epoch: self.epoch, train, validation, test, penalty, ..EpochReport::default() }
    }

    /// The training loss of the current weights, as the figures show it.
    pub fn evaluate_training(&mut self) -> f64 {
        let mut workspace = std::mem::take(&mut self.eval_workspace);
        let loss = self.measure(Which::Train, &mut workspace).loss;
        self.eval_workspace = workspace;
        loss
    }

    fn measure(&self, which: Which, workspace: &mut Workspace) -> Metrics {
        let set = match which {
            Which::Train => &self.train,
            Which::Validation => &self.validation,
            Which::Test => &self.test,
        };
        let n = set.len();
        self.network.forward(&set.inputs, n, workspace, None);
        let loss = self.network.batch_loss(self.config.training.loss, &set.targets, n, workspace) / n as f64;
        if self.config.data.problem == super::config::Problem::Regression {
            return Metrics { loss, accuracy: None, confusion: Vec::new(), count: n };
        }
        let out = self.network.output();
        let outputs = &workspace.a[self.network.layers.len() - 1][..out.n_out * n];
        let k = self.config.data.classes.max(2);
        let mut confusion = vec![0u32; k * k];
        let mut right = 0usize;
        for s in 0..n {
            let truth = class_of(set.targets[s], k);
            let predicted = predicted_class(out.activation, outputs, n, s);
            confusion[truth * k + predicted.min(k - 1)] += 1;
            right += (truth == predicted) as usize;
        }
        Metrics { loss, accuracy: Some(right as f64 / n.max(1) as f64), confusion, count: n }
    }

    /// Watches the monitored loss; when patience runs out, stops and goes back to the best
    /// epoch: its weights and its epoch number (the history keeps the epochs after it).
    fn watch_for_early_stop(&mut self, report: &EpochReport) -> Option<EarlyStop> {
        let es = self.config.training.early_stopping;
        if !es.enabled || self.stopped.is_some() {
            return None;
        }
        let loss = match (es.monitor, &report.validation) {
            (Monitor::Val, Some(v)) => v.loss,
            _ => report.train.loss,
        };
        let improved = match self.early.best {
            None => true,
            Some((best, _)) => loss < best - es.min_delta as f64,
        };
        if improved {
            self.early.best = Some((loss, self.epoch));
            match &mut self.early.best_network {
                Some(net) => net.copy_parameters_from(&self.network),
                None => self.early.best_network = Some(self.network.clone()),
            }
            self.early.waited = 0;
            return None;
        }
        self.early.waited += 1;
        if self.early.waited < es.patience {
            return None;
        }
        let (best_loss, best_epoch) = self.early.best.expect("set on the first epoch");
        if let Some(best) = &self.early.best_network {
            self.network.copy_parameters_from(best);
        }
        let stop = EarlyStop { best_epoch, best_loss, stopped_epoch: self.epoch };
        self.epoch = best_epoch;
        self.stopped = Some(stop);
        Some(stop)
    }

    /// Training-set size.
    pub fn train_len(&self) -> usize {
        self.train.len()
    }
}

#[derive(Clone, Copy)]
enum Which {
    Train,
    Validation,
    Test,
}
