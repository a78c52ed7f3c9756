//! The messages between the page and the training worker: one enum each way, serde-encoded.
//!
//! The page owns the setup and asks; the worker owns the trainer and answers every request
//! with a [`Snapshot`]. Play is a stream of [`ToWorker::Train`] requests (one in flight at a
//! time), pause is simply not asking again, step is one request for one epoch, and reset or a
//! change of network is a new [`ToWorker::Setup`].

use crate::engine::model::{Model, ModelError};
use crate::engine::normalize::Repair;
use crate::engine::trainer::{EpochReport, HistoryPoint};
use crate::engine::{Config, Network, Real};
use serde::{Deserialize, Serialize};

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Read a model file's text: answered with [`FromWorker::Model`] (read in the worker, so
    /// that the page carries no reader of model files).
    ReadModel(String),
    /// Draw the points of every data set's thumbnail with this seed, noise (percent) and
    /// number of classes: answered with [`FromWorker::Thumbnails`].
    Thumbnails {
        /// Numbers the requests, so that the page draws the newest only.
        id: u64,
        /// The data's seed.
        seed: u64,
        /// Noise, in percent.
        noise: u32,
        /// Classes of the sets that have more than two.
        classes: usize,
    },
    /// Read a typed formula: answered with [`FromWorker::Formula`] (read in the worker, so
    /// that the page carries no parser; it runs the program it is sent).
    ReadFormula {
        /// Numbers the requests, so that the page hears of the newest only.
        id: u64,
        /// The formula as typed.
        text: String,
    },
    /// Start working out a hint for an exercise from this setup (`None`: stop the one under
    /// way): answered with [`FromWorker::Hint`]. It trains as `HintStep`s ask.
    Hint {
        /// Numbers the requests, so that the page hears of the newest only.
        id: u64,
        /// The setup, its draw of weights, the epochs, the goal and the neuron limit.
        ask: Option<Box<HintAsk>>,
    },
    /// Work on the hint under way for about `budget_ms`: answered with [`FromWorker::Hint`].
    HintStep {
        /// The hint's id.
        id: u64,
        /// Milliseconds of training in this slice.
        budget_ms: f64,
    },
    /// Start a sweep of the current setup (`None`: stop the one under way): answered with
    /// [`FromWorker::Sweep`]. It trains as `SweepStep`s ask.
    Sweep(Option<Box<SweepAsk>>),
    /// Train the sweep under way for about `budget_ms`: answered with [`FromWorker::Sweep`].
    SweepStep {
        /// The sweep's id (a step of an earlier sweep trains nothing).
        id: u64,
        /// Milliseconds to train for.
        budget_ms: f64,
    },
    /// `text` as a QR code of version `max_version` at most: answered with [`FromWorker::Qr`].
    Qr {
        /// Numbers the requests, so that the page hears of the newest only.
        id: u64,
        /// What the code holds.
        text: String,
        /// The largest version allowed.
        max_version: u8,
    },
    /// Compute hand-ins' results again, each setup with its weights (flat, as a code holds
    /// them): answered with [`FromWorker::Checked`].
    Check {
        /// Numbers the requests, so that the page hears of the newest only.
        id: u64,
        /// Each hand-in's setup and weights.
        asks: Vec<(Config, Vec<Real>)>,
    },
    /// Start an animation of the run from these weights (`None`: stop the one under way):
    /// answered with [`FromWorker::Animation`]. Its frames are drawn as `AnimationStep`s ask.
    Animation(Option<Box<super::class::AnimationAsk>>),
    /// Draw frames of the animation under way for about `budget_ms`: answered with
    /// [`FromWorker::Animation`].
    AnimationStep {
        /// The animation's id.
        id: u64,
        /// Milliseconds to draw for.
        budget_ms: f64,
    },
    /// Time the engine here, `repeats` runs of each part at least: answered with
    /// [`FromWorker::Benchmark`] (for the browser benchmark).
    Benchmark(u32),
    /// Write a file of the run with these weights (the page's: an earlier epoch it shows, or
    /// the newest): answered with [`FromWorker::Text`].
    Export(Export, Box<Network>),
    /// Start afresh: a new trainer for `config` with the initial weights of draw `round`, or
    /// with `network` when it has the same shape (an opened model). Later snapshots carry `id`.
    Setup {
        /// Numbers the setups, so that the page can drop answers about an older one.
        id: u64,
        /// The whole setup.
        config: Box<Config>,
        /// Which draw of initial weights (each reset of the same setup draws anew).
        round: u64,
        /// Trained weights to start from.
        network: Option<Box<Network>>,
    },
    /// A worker started anew after the first one stopped answering: the same setup goes on
    /// from the page's weights and epoch.
    Resume {
        /// The setup's number, as before.
        id: u64,
        /// The whole setup.
        config: Box<Config>,
        /// Its draw of initial weights (for the data order and dropout).
        round: u64,
        /// The weights the page holds.
        network: Box<Network>,
        /// The epoch the page shows.
        epoch: u64,
    },
    /// The compared setup, trained beside the first epoch for epoch (same draw of weights),
    /// or none. A setup of the same network as the run already there only changes its live
    /// settings; another starts it afresh, to catch up with the first.
    Compare(Option<Box<Config>>),
    /// Settings that change without a reset (learning rate, penalty, optimizer...).
    Live(Box<Config>),
    /// Train up to `epochs` epochs, stopping early once `budget_ms` milliseconds have passed.
    Train {
        /// Most epochs to run.
        epochs: u64,
        /// Time allowed, in milliseconds.
        budget_ms: f64,
    },
    /// The perceptron's rule on the next training point only (the slow pace of the threshold
    /// unit's lessons, so that each move of its line is seen); an epoch counts after its last point.
    PerceptronTick,
    /// Go back to an earlier epoch of this run, with the weights it had then.
    Rewind {
        /// The epoch.
        epoch: u64,
        /// Its weights and biases, per layer.
        parameters: Vec<(Vec<crate::engine::Real>, Vec<crate::engine::Real>)>,
    },
    /// Every weight and bias at once (one step of backprop walked through on the page):
    /// weights then biases, per layer, input side first.
    SetParameters(Vec<(Vec<Real>, Vec<Real>)>),
    /// What the pictures show from now on; every answer after it carries them, computed
    /// anew whenever the weights moved.
    Pictures(super::pictures::Request),
    /// The pictures, as `request` asks, of the run with these weights at `epoch` (the state
    /// the page shows: an earlier epoch, or weights it changed); the run stays as it is.
    Paint {
        /// What the pictures show (it stays asked, as with [`ToWorker::Pictures`]).
        request: super::pictures::Request,
        /// The epoch shown.
        epoch: u64,
        /// Weights then biases, per layer, input side first.
        parameters: Vec<(Vec<Real>, Vec<Real>)>,
    },
    /// A weight (`input` = `Some(i)`) or a bias (`None`) typed by the user.
    SetParameter {
        /// Network layer (the output layer is last).
        layer: usize,
        /// Neuron of that layer.
        neuron: usize,
        /// The input the weight comes from, or `None` for the bias.
        input: Option<usize>,
        /// The new value.
        value: Real,
    },
}

/// Something that ended training, for the page to say.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// Early stopping ended the run at `at`; the weights of `best` were restored.
    EarlyStopped {
        /// Epoch where it stopped.
        at: u64,
        /// Epoch whose weights are kept.
        best: u64,
    },
    /// An epoch produced NaN or infinity; the weights from before it are kept.
    Diverged(u64),
}

/// The worker's state after a request: enough for the page to draw every view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The setup it belongs to (the id of the latest `Setup`).
    pub setup: u64,
    /// Epochs completed.
    pub epoch: u64,
    /// Epochs run for this request.
    pub trained: u64,
    /// Milliseconds the worker spent training for this request.
    pub train_ms: f64,
    /// Weights and biases of every layer, input side first.
    pub parameters: Vec<(Vec<Real>, Vec<Real>)>,
    /// The newest measurements.
    pub report: Option<EpochReport>,
    /// Loss-history points recorded since the previous snapshot.
    pub history: Vec<HistoryPoint>,
    /// What ended training, if something did.
    pub event: Option<Event>,
    /// Whether the trainer can go on (false after early stopping or with nothing to train).
    pub trainable: bool,
    /// The compared setup's run, when there is one.
    pub compare: Option<RunSnapshot>,
    /// The run's pictures, when they changed (and the page asked for pictures).
    pub pictures: Option<Box<super::pictures::Pictures>>,
    /// The data as the setup drew and split it, in the answer to `Setup`: the page's copy of
    /// the run is built from it and the weights, never drawn again on the page.
    pub split: Option<Box<crate::engine::data::Split>>,
}

/// The compared setup's run after a request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunSnapshot {
    /// Epochs completed.
    pub epoch: u64,
    /// Weights and biases of every layer, input side first.
    pub parameters: Vec<(Vec<Real>, Vec<Real>)>,
    /// The newest measurements.
    pub report: Option<EpochReport>,
    /// Loss-history points recorded since the previous snapshot.
    pub history: Vec<HistoryPoint>,
    /// Whether it started afresh with this request (its history starts again).
    pub restarted: bool,
    /// Its data, when it started afresh (see `Snapshot::split`).
    pub split: Option<crate::engine::data::Split>,
    /// Its output over the plane (`GRID` x `GRID` RGBA), when it changed.
    #[serde(with = "serde_bytes")]
    pub picture: Option<Vec<u8>>,
}

/// A file saved from the run, written in the worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Export {
    /// The model (setup and weights) as JSON, as it is opened again.
    Model,
    /// Keras code that trains the same network on the same data.
    Keras,
}

/// A model file as read: the model and what was mended in its setup, or why it cannot be
/// opened.
pub type ModelRead = Result<OpenedModel, ModelError>;

/// A model file as the worker read it: its setup (mended), its weights, and what was mended.
/// The weights travel as numbers; the page builds the network from the setup's shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenedModel {
    /// The model's setup.
    pub config: crate::engine::Config,
    /// Weights then biases, per layer, input side first.
    pub parameters: Vec<(Vec<Real>, Vec<Real>)>,
    /// What was mended in the file's setup.
    pub repairs: Vec<Repair>,
}

impl OpenedModel {
    /// The form of a model read from a file.
    pub fn of(model: Model, repairs: Vec<Repair>) -> OpenedModel {
        OpenedModel { parameters: model.network.parameters(), config: model.config, repairs }
    }

    /// The model's network: the setup's shape with the file's weights.
    pub fn network(&self) -> Option<crate::engine::Network> {
        crate::engine::model::network_with(&self.config, &self.parameters)
    }
}

/// What the worker sends back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The state after a request.
    Snapshot(Box<Snapshot>),
    /// A model file read ([`ToWorker::ReadModel`]).
    Model(Box<ModelRead>),
    /// A file written ([`ToWorker::Export`]); none without a run.
    Text(Export, Option<String>),
    /// The engine's figures in the worker ([`ToWorker::Benchmark`]), as JSON.
    Benchmark(String),
    /// Where the sweep stands ([`ToWorker::Sweep`], [`ToWorker::SweepStep`]).
    Sweep(Box<SweepState>),
    /// Each data set's thumbnail points, in the plane's units ([`ToWorker::Thumbnails`]),
    /// with the request's id.
    Thumbnails(u64, ThumbnailSets),
    /// A formula read ([`ToWorker::ReadFormula`]), with the request's id.
    Formula(u64, Box<FormulaRead>),
    /// A hint worked out ([`ToWorker::Hint`]), with the request's id.
    Hint(u64, Box<HintState>),
    /// A QR code ([`ToWorker::Qr`]; none when the text does not fit), with the request's id.
    Qr(u64, Option<Box<super::class::Qr>>),
    /// Hand-ins' results computed again ([`ToWorker::Check`]), with the request's id and the
    /// milliseconds it took.
    Checked(u64, Vec<super::class::Checked>, f64),
    /// Where an animation stands ([`ToWorker::Animation`], [`ToWorker::AnimationStep`]).
    Animation(Box<super::class::AnimationState>),
}

pub use super::hinting::{HintAsk, HintFound, HintState};

/// A typed formula as read: the feature, or what is wrong with it.
pub type FormulaRead = Result<crate::engine::formula::Formula, crate::engine::formula::FormulaError>;

/// Each data set's thumbnail points.
pub type ThumbnailSets = Vec<(crate::engine::Dataset, Vec<crate::engine::Point>)>;

/// The points of every generated data set's thumbnail: at most 500 (400 for regression),
/// spread over the set drawn as the training data would be from `seed`; data in its own
/// units in the plane's.
pub fn thumbnails(seed: u64, noise: u32, classes: usize) -> ThumbnailSets {
    use crate::engine::{data, Dataset};
    let all = Dataset::CLASSIFICATION.iter().chain(Dataset::REGRESSION.iter()).chain([Dataset::Blobs].iter());
    all.filter(|d| **d != Dataset::Custom)
        .map(|&d| {
            let k = if matches!(d, Dataset::Blobs | Dataset::Spiral) { classes } else { 2 };
            let mut rng = crate::engine::rng::Rng::new(seed);
            let all = data::generate(d, k, noise as f64 / 100.0, &mut rng);
            // Every other point or so, not the first ones: sets drawn class by class keep
            // all their classes.
            let most = if d.is_regression() { 400 } else { 500 };
            let mut points: Vec<_> = all.iter().copied().step_by(all.len().div_ceil(most).max(1)).collect();
            if d == Dataset::PassFail {
                let axes = crate::engine::axes::Axes::pass_fail();
                points.iter_mut().for_each(|p| *p = axes.to_plane(p));
            }
            (d, points)
        })
        .collect()
}

/// A sweep the page asks for: one setting of the current setup at several values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepAsk {
    /// Numbers the sweeps, so that the page hears of the newest only.
    pub id: u64,
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
    /// The sweep's id.
    pub id: u64,
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
