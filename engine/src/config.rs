//! `Config`, everything that defines a setup; it travels as JSON with a version field (a
//! trained model with it: see `model`).

use super::axes::Axes;
use super::data::Point;
use super::features::Inputs;
use super::formula::Formula;
use super::init::Init;
use super::json::{from_value_naming_field, nest_version_1};
pub use super::network::HiddenLayer;
use super::optimizer::{Hyper, Optimizer, Regularization};
use super::{Activation, Dataset, Feature, Loss, Real};
use serde::{Deserialize, Serialize};

/// The format version written into every JSON document.
pub const FORMAT_VERSION: u32 = 2;

/// What the output predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// A class per point.
    Classification,
    /// A number per point.
    Regression,
}

/// Which loss early stopping watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Monitor {
    /// The validation loss (the training loss when there is no validation set).
    Val,
    /// The training loss.
    Train,
}

/// Early stopping: stop when the monitored loss has not improved by `min_delta` for
/// `patience` epochs, and go back to the best weights seen.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EarlyStopping {
    /// Whether it is on.
    pub enabled: bool,
    /// The loss it watches.
    pub monitor: Monitor,
    /// Epochs without improvement before stopping.
    pub patience: u32,
    /// The smallest decrease that counts as an improvement.
    pub min_delta: Real,
}

impl Default for EarlyStopping {
    fn default() -> Self {
        EarlyStopping { enabled: false, monitor: Monitor::Val, patience: 3, min_delta: 0.0 }
    }
}

/// The data: which points, how many for training, validation and test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct DataSetup {
    /// Classification or regression.
    pub problem: Problem,
    /// The data generator.
    pub dataset: Dataset,
    /// Number of classes (2 to 4) for classification.
    pub classes: usize,
    /// Noise, 0 to 50 (percent).
    pub noise: u32,
    /// Percent of the points used for training.
    pub percent_train: u32,
    /// Percent of the points used for validation (the rest is test).
    pub percent_val: u32,
    /// Seed of data, weights, shuffles and dropout.
    pub seed: u64,
    /// TensorFlow Playground's seed as its links write it (`0.66230`), when the link had
    /// one: its data and initial weights are then drawn as TensorFlow Playground draws them
    /// (see `Trainer::new_round`).
    pub playground_seed: Option<String>,
    /// The user's points, for `Dataset::Custom`, in their own units.
    pub custom_points: Vec<Point>,
    /// The axes of the user's points: names and the ranges the plane shows.
    pub axes: Axes,
    /// The handwritten digits taken as the classes, in increasing order (all ten unless a
    /// link chooses: `digits=0,1`).
    pub digits: Vec<u8>,
    /// For [`Dataset::Table`], the table's columns as chosen.
    pub table: Option<crate::table::TableData>,
}

/// All ten digits, the choice unless a link makes another.
pub const ALL_DIGITS: [u8; 10] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/// The network: its inputs, layers, output and initial weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NetworkSetup {
    /// Input features, in the features column's order.
    pub features: Vec<Feature>,
    /// Hidden layers, input side first.
    pub hidden: Vec<HiddenLayer>,
    /// Output activation.
    pub output: Activation,
    /// Weight initialisation.
    pub init: Init,
    /// sigma for normal initialisation.
    pub init_sigma: Real,
    /// The formula of the typed feature ([`Feature::Custom`]), when there is one.
    pub formula: Option<Formula>,
}

impl NetworkSetup {
    /// The features it reads, with the typed one's formula.
    pub fn inputs(&self) -> Inputs<'_> {
        Inputs { features: &self.features, formula: self.formula.as_ref() }
    }
}

/// How the network learns: everything here can change while training goes on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TrainingSetup {
    /// Loss.
    pub loss: Loss,
    /// eta.
    pub learning_rate: Real,
    /// Weight penalty.
    pub regularization: Regularization,
    /// lambda.
    pub regularization_rate: Real,
    /// Update rule.
    pub optimizer: Optimizer,
    /// mu for momentum.
    pub momentum: Real,
    /// rho for RMSProp.
    pub rho: Real,
    /// beta1 for Adam.
    pub beta1: Real,
    /// beta2 for Adam.
    pub beta2: Real,
    /// Samples per gradient step.
    pub batch_size: usize,
    /// Reshuffle the training set every epoch (otherwise the once-shuffled order is kept).
    pub shuffle: bool,
    /// Early stopping.
    pub early_stopping: EarlyStopping,
    /// Leaky ReLU's slope for z < 0.
    pub leaky_slope: Real,
    /// Each hidden layer's dropout rate while training (0 = none), input side first.
    pub dropout: Vec<Real>,
    /// Hidden neurons switched off, (hidden layer, neuron) from 0: their output is held at 0.
    pub off: Vec<(usize, usize)>,
    /// Hidden neurons frozen, (hidden layer, neuron) from 0: their weights and bias stop
    /// changing.
    pub frozen: Vec<(usize, usize)>,
}

/// Everything that defines a setup, in three parts: a change of data or of network needs
/// a new network; a change of training settings applies while training goes on. Defaults
/// are TensorFlow Playground's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    /// Format version.
    pub version: u32,
    /// The data.
    pub data: DataSetup,
    /// The network.
    pub network: NetworkSetup,
    /// How it learns.
    pub training: TrainingSetup,
}

impl Config {
    /// The axes of the data in its own units: the user's, the pass-or-fail set's, or the
    /// plane's own for every other set.
    pub fn data_axes(&self) -> super::axes::Axes {
        match self.data.dataset {
            Dataset::Custom => self.data.axes.clone(),
            Dataset::PassFail => super::axes::Axes::pass_fail(),
            Dataset::Satellite => super::axes::Axes::reflectance(),
            _ => super::axes::Axes::default(),
        }
    }

    /// Whether going from this setup to `other` needs a fresh network: the data or the
    /// network differ. Training settings change live.
    pub fn needs_new_network(&self, other: &Config) -> bool {
        self.data != other.data || self.network != other.network
    }

    /// Whether hidden neuron `neuron` of hidden layer `layer` is in `list` (`training.off` or
    /// `training.frozen`), as a mask over the layer's neurons (empty when none is).
    pub fn neuron_mask(list: &[(usize, usize)], layer: usize, neurons: usize) -> Vec<bool> {
        if !list.iter().any(|&(l, _)| l == layer) {
            return Vec::new();
        }
        (0..neurons).map(|j| list.contains(&(layer, j))).collect()
    }

    /// A hidden layer's dropout rate (0 where none is set).
    pub fn dropout(&self, layer: usize) -> Real {
        self.training.dropout.get(layer).copied().unwrap_or(0.0)
    }
}

impl Default for DataSetup {
    fn default() -> Self {
        DataSetup {
            problem: Problem::Classification,
            dataset: Dataset::Circle,
            classes: 2,
            noise: 0,
            percent_train: 50,
            percent_val: 0,
            seed: 1,
            playground_seed: None,
            custom_points: Vec::new(),
            axes: Axes::default(),
            digits: ALL_DIGITS.to_vec(),
            table: None,
        }
    }
}

impl Default for NetworkSetup {
    fn default() -> Self {
        NetworkSetup {
            features: vec![Feature::X1, Feature::X2],
            hidden: vec![HiddenLayer { neurons: 4, ..HiddenLayer::default() }, HiddenLayer { neurons: 2, ..HiddenLayer::default() }],
            output: Activation::Tanh,
            init: Init::Playground,
            init_sigma: 0.5,
            formula: None,
        }
    }
}

impl Default for TrainingSetup {
    fn default() -> Self {
        TrainingSetup {
            loss: Loss::HalfMse,
            learning_rate: 0.03,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            optimizer: Optimizer::Sgd,
            momentum: 0.9,
            rho: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            batch_size: 10,
            shuffle: false,
            early_stopping: EarlyStopping::default(),
            leaky_slope: 0.1,
            dropout: Vec::new(),
            off: Vec::new(),
            frozen: Vec::new(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config { version: FORMAT_VERSION, data: DataSetup::default(), network: NetworkSetup::default(), training: TrainingSetup::default() }
    }
}

impl Config {
    /// The network's inputs: a vector's values for data of vectors, else the features.
    pub fn input_count(&self) -> usize {
        match self.data.dataset {
            Dataset::Digits => crate::vectors::DIGIT_SIDE * crate::vectors::DIGIT_SIDE,
            Dataset::Table => self.data.table.as_ref().map_or(0, |t| t.dims()),
            _ => self.network.features.len(),
        }
    }

    /// Outputs of the network: K for softmax, else 1.
    pub fn outputs(&self) -> usize {
        if self.network.output == Activation::Softmax {
            self.data.classes.max(2)
        } else {
            1
        }
    }

    /// Whether this is the perceptron: no hidden layer and a step output.
    pub fn is_perceptron(&self) -> bool {
        self.network.hidden.is_empty() && self.network.output == Activation::Step
    }

    /// The update's hyperparameters.
    pub fn hyper(&self) -> Hyper {
        let t = &self.training;
        Hyper {
            optimizer: t.optimizer,
            learning_rate: t.learning_rate,
            momentum: t.momentum,
            rho: t.rho,
            beta1: t.beta1,
            beta2: t.beta2,
            regularization: t.regularization,
            regularization_rate: t.regularization_rate,
        }
    }

    /// Checks that the parts fit together; the message names what does not.
    pub fn validate(&self) -> Result<(), String> {
        let (d, n, t) = (&self.data, &self.network, &self.training);
        if n.features.is_empty() {
            return Err("network.features: at least one input feature is needed".into());
        }
        if !Activation::OUTPUT.contains(&n.output) {
            return Err(format!("network.output: {} cannot be an output activation", n.output.name()));
        }
        if let Some(h) = n.hidden.iter().find(|h| h.activation == Activation::Softmax) {
            return Err(format!("network.hidden: {} cannot be a hidden activation", h.activation.name()));
        }
        if n.hidden.iter().any(|h| h.neurons == 0) {
            return Err("network.hidden: a layer needs at least one neuron".into());
        }
        if !t.loss.pairs_with(n.output) {
            return Err(format!("training.loss: {} does not pair with a {} output", t.loss.name(), n.output.name()));
        }
        if d.dataset.is_vectors() {
            use crate::limits::VECTOR_NEURONS;
            if d.dataset == Dataset::Digits && (!crate::vectors::valid_choice(&d.digits) || d.classes != d.digits.len()) {
                return Err("data.digits: 2 to 10 distinct digits from 0 to 9, in order, one class each".into());
            }
            if d.dataset == Dataset::Table {
                check_table(d)?;
            }
            if n.hidden.iter().any(|h| !VECTOR_NEURONS.holds(h.neurons as f64)) {
                return Err(format!("network.hidden: at most {} neurons in a layer", VECTOR_NEURONS.max));
            }
        }
        if d.classes > 2 && n.output != Activation::Softmax {
            return Err("network.output: more than two classes need a softmax output".into());
        }
        if d.percent_train + d.percent_val > 100 || d.percent_train == 0 {
            return Err("data.percentTrain: training and validation must leave a share for training within 100%".into());
        }
        if t.batch_size == 0 {
            return Err("training.batchSize: must be at least 1".into());
        }
        if !d.axes.x.is_valid() || !d.axes.y.is_valid() {
            return Err("data.axes: each axis needs a finite range, min below max, within a billion".into());
        }
        Ok(())
    }

    /// Writes the configuration as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a configuration always serialises")
    }

    /// Reads a configuration; an error names the field that is wrong.
    pub fn from_json(text: &str) -> Result<Config, String> {
        let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        nest_version_1(&mut value);
        from_value_naming_field(value)
    }
}

/// Whether a setup's table holds together: its columns within the limits, a row's inputs and
/// a label per row, its classes the setup's, its problem what it predicts.
fn check_table(d: &DataSetup) -> Result<(), String> {
    let t = d.table.as_ref().ok_or("data.table: a table's columns are needed")?;
    let dims = t.dims();
    let fits = (1..=crate::limits::MAX_INPUTS).contains(&dims) && t.ranges.len() == dims && t.rows.len() == t.labels.len() * dims && !t.labels.is_empty();
    if !fits || t.labels.len() > crate::limits::MAX_POINTS || t.rows.iter().chain(&t.labels).any(|v| !v.is_finite()) {
        return Err(format!(
            "data.table: 1 to {} input columns, a label and finite numbers on every row, at most {} rows",
            crate::limits::MAX_INPUTS,
            crate::limits::MAX_POINTS
        ));
    }
    if t.picture.as_ref().is_some_and(|p| p.check().is_err() || p.dims() != dims || p.names.len() != t.classes.len()) {
        use crate::limits::{MAX_PICTURE_CLASSES, MAX_PICTURE_SIDE};
        return Err(format!("data.table.picture: a picture of at most {MAX_PICTURE_SIDE} x {MAX_PICTURE_SIDE} pixels, 2 to {MAX_PICTURE_CLASSES} classes, its inputs the table's"));
    }
    let classes = match t.predict {
        Some(crate::table::Predict::Class) => Some(t.classes.len()),
        _ => None,
    };
    match (classes, d.problem) {
        (Some(k), Problem::Classification) if k == d.classes && (2..=crate::limits::MAX_VECTOR_CLASSES).contains(&k) => Ok(()),
        (None, Problem::Regression) => Ok(()),
        _ => Err("data.table: its classes (or its value) are the setup's".into()),
    }
}
