//! What a view asks the worker to do for it, apart from the run: one ask and one answer
//! each way, numbered, and on the page one list of who waits for which answer.
//!
//! Every service goes the same way: the page sends the protocol's `Ask` with a new id; the
//! worker answers `Answer` with that id. A sliced job (a hint, a sweep, an animation) answers
//! where it stands after each slice with `more` set, and the page asks for the next slice
//! (`Step`) while it still waits; a cancel is `Drop`. Only the newest ask of each service is
//! heard: asking again drops the one before (the page's waiting list).

use super::classroom::{AnimationAsk, AnimationState, Checked, Qr};
use super::hinting::{HintAsk, HintState};
use super::sweeping::{SweepAsk, SweepState};
use crate::engine::model::{Model, ModelError};
use crate::engine::normalize::Repair;
use crate::engine::{Config, Network, Real};
use serde::{Deserialize, Serialize};

/// A service the worker does for a view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Ask {
    /// Read a model file's text (read in the worker, so that the page carries no reader of
    /// model files): answered with [`Answer::Model`].
    ReadModel(String),
    /// Write a file of the run with these weights (the page's: an earlier epoch it shows, or
    /// the newest): answered with [`Answer::Text`].
    Export(Export, Box<Network>),
    /// Time the engine here, this many runs of each part at least: answered with
    /// [`Answer::Figures`] (for the browser benchmark).
    Benchmark(u32),
    /// Draw the points of every data set's thumbnail: answered with [`Answer::Thumbnails`].
    Thumbnails {
        /// The data's seed.
        seed: u64,
        /// Noise, in percent.
        noise: u32,
        /// Classes of the sets that have more than two.
        classes: usize,
    },
    /// Read a typed formula (the page carries no parser; it runs the program it is sent):
    /// answered with [`Answer::Formula`].
    ReadFormula(String),
    /// `text` as a QR code of version `max_version` at most: answered with [`Answer::Qr`].
    Qr {
        /// What the code holds.
        text: String,
        /// The largest version allowed.
        max_version: u8,
    },
    /// Compute hand-ins' results again, each setup with its weights (flat, as a code holds
    /// them): answered with [`Answer::Checked`].
    Check(Vec<(Config, Vec<Real>)>),
    /// Work out a hint for an exercise (sliced): answered with [`Answer::Hint`].
    Hint(Box<HintAsk>),
    /// Sweep a setting of the current run (sliced): answered with [`Answer::Sweep`].
    Sweep(Box<SweepAsk>),
    /// Make an animated GIF of the run from these weights (sliced): answered with
    /// [`Answer::Animation`].
    Animation(Box<AnimationAsk>),
}

/// The worker's answer to an [`Ask`] (for a sliced job, where it stands).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// A model file read.
    Model(Box<ModelRead>),
    /// A file written; none without a run.
    Text(Option<String>),
    /// The engine's figures in the worker, as JSON.
    Figures(String),
    /// Each data set's thumbnail points, in the plane's units.
    Thumbnails(ThumbnailSets),
    /// A formula read.
    Formula(Box<FormulaRead>),
    /// A QR code; none when the text does not fit.
    Qr(Option<Box<Qr>>),
    /// Hand-ins' results computed again, and the milliseconds it took.
    Checked(Vec<Checked>, f64),
    /// Where a hint stands.
    Hint(Box<HintState>),
    /// Where a sweep stands.
    Sweep(Box<SweepState>),
    /// Where an animation stands.
    Animation(Box<AnimationState>),
}

/// The services, one per kind of ask: the page hears the newest ask of each only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    ReadModel,
    Export,
    Benchmark,
    Thumbnails,
    ReadFormula,
    Qr,
    Check,
    Hint,
    Sweep,
    Animation,
}

impl Ask {
    /// The service it asks for.
    pub fn service(&self) -> Service {
        match self {
            Ask::ReadModel(_) => Service::ReadModel,
            Ask::Export(..) => Service::Export,
            Ask::Benchmark(_) => Service::Benchmark,
            Ask::Thumbnails { .. } => Service::Thumbnails,
            Ask::ReadFormula(_) => Service::ReadFormula,
            Ask::Qr { .. } => Service::Qr,
            Ask::Check(_) => Service::Check,
            Ask::Hint(_) => Service::Hint,
            Ask::Sweep(_) => Service::Sweep,
            Ask::Animation(_) => Service::Animation,
        }
    }
}

/// What a view hears of its ask: the answer's content, taken out of an [`Answer`].
pub trait Answered: Sized + 'static {
    /// This answer's content, if it is of this kind.
    fn from_answer(answer: Answer) -> Option<Self>;
}

macro_rules! answered {
    ($($variant:ident($content:ty) $(=> $unbox:tt)?;)*) => {$(
        impl Answered for $content {
            fn from_answer(answer: Answer) -> Option<Self> {
                match answer {
                    Answer::$variant(content) => Some(answered!(@unbox content $($unbox)?)),
                    _ => None,
                }
            }
        }
    )*};
    (@unbox $content:ident *) => { *$content };
    (@unbox $content:ident) => { $content };
}

answered! {
    Model(ModelRead) => *;
    Text(Option<String>);
    Figures(String);
    Thumbnails(ThumbnailSets);
    Formula(FormulaRead) => *;
    Qr(Option<Box<Qr>>);
    Hint(HintState) => *;
    Sweep(SweepState) => *;
    Animation(AnimationState) => *;
}

impl Answered for (Vec<Checked>, f64) {
    fn from_answer(answer: Answer) -> Option<Self> {
        match answer {
            Answer::Checked(checked, ms) => Some((checked, ms)),
            _ => None,
        }
    }
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
            let k = if Dataset::MULTICLASS.contains(&d) { classes } else { 2 };
            let mut rng = crate::engine::rng::Rng::new(seed);
            let all = data::generate(d, k, noise as f64 / 100.0, &mut rng);
            // Every other point or so, not the first ones: sets drawn class by class keep
            // all their classes.
            let most = if d.is_regression() { 400 } else { 500 };
            let mut points: Vec<_> = all.iter().copied().step_by(all.len().div_ceil(most).max(1)).collect();
            let axes = match d {
                Dataset::PassFail => crate::engine::axes::Axes::pass_fail(),
                Dataset::Satellite => crate::engine::axes::Axes::reflectance(),
                _ => crate::engine::axes::Axes::default(),
            };
            points.iter_mut().for_each(|p| *p = axes.to_plane(p));
            (d, points)
        })
        .collect()
}
