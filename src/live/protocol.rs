//! The messages between the page and the training worker: one enum each way, serde-encoded.
//!
//! The page owns the setup and asks; the worker owns the trainer and answers every request
//! with a [`Snapshot`] (a view's other asks are [`super::service`]'s). Play is a stream of [`ToWorker::Train`] requests (one in flight at a
//! time), pause is simply not asking again, step is one request for one epoch, and reset or a
//! change of network is a new [`ToWorker::Setup`].

use crate::engine::trainer::{EpochReport, HistoryPoint};
use crate::engine::{Config, Network, Real};
use serde::{Deserialize, Serialize};

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// A service for a view, numbered by the page: answered with [`FromWorker::Answer`]
    /// carrying the same id (see [`super::service`]).
    Ask {
        /// Numbers the asks, so that the page hears of the newest of each service only.
        id: u64,
        /// What is asked.
        ask: super::service::Ask,
    },
    /// Work on the sliced job `id` for about `budget_ms`: answered with
    /// [`FromWorker::Answer`], or not at all when no such job is under way.
    Step {
        /// The job's id (its ask's).
        id: u64,
        /// Milliseconds of work in this slice.
        budget_ms: f64,
    },
    /// Stop the sliced job `id`, if it is under way: not answered.
    Drop(u64),
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
    /// Show an earlier epoch of the run, with the weights it had then (measured on the run's
    /// data, the run staying as it is), or, with none, the run's newest state again: answered
    /// with a snapshot whose [`Snapshot::shown`] says which.
    Show(Option<(u64, super::timeline::Parameters)>),
    /// The perceptron's rule, stepped by hand, on training point `k` of the epoch's order
    /// (wrapping around): answered with a snapshot whose [`Snapshot::perceptron`] says what
    /// it did.
    PerceptronPoint(usize),
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
    /// What the page shows from this answer on, in the answer to [`ToWorker::Show`].
    pub shown: Option<Shown>,
    /// The run went back to this epoch (the answer to [`ToWorker::Rewind`]): its history
    /// after it is gone.
    pub rewound: Option<u64>,
    /// What the perceptron's rule did, in the answer to [`ToWorker::PerceptronPoint`].
    pub perceptron: Option<crate::engine::perceptron::PerceptronStep>,
}

/// What the page shows of the run, as [`ToWorker::Show`] asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shown {
    /// An earlier epoch: its weights and what they measure on the run's data.
    Earlier {
        /// The epoch.
        epoch: u64,
        /// Its weights and biases, per layer.
        parameters: super::timeline::Parameters,
        /// Its measurements.
        report: Box<EpochReport>,
    },
    /// The run's newest state (the snapshot's own).
    Newest,
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

/// What the worker sends back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The state after a request.
    Snapshot(Box<Snapshot>),
    /// The answer to ask `id` ([`ToWorker::Ask`], [`ToWorker::Step`]); `more` while the
    /// sliced job goes on.
    Answer {
        /// The ask's id.
        id: u64,
        /// What it answers.
        answer: super::service::Answer,
        /// Whether the job goes on (the page asks for its next slice).
        more: bool,
    },
}
