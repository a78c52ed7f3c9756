//! `Config`, everything that defines a setup, and `Model`, a configuration with trained
//! weights; both travel as JSON with a version field.

use super::axes::Axes;
use super::data::Point;
use super::json::{from_value_naming_field, nest_version_1};
use super::network::{Init, LayerSpec, Network};
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

/// One hidden layer of a configuration.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HiddenLayer {
    /// Neurons in the layer.
    pub neurons: usize,
    /// Its activation.
    pub activation: Activation,
}

impl Default for HiddenLayer {
    fn default() -> Self {
        HiddenLayer { neurons: 2, activation: Activation::Tanh }
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
    /// The user's points, for `Dataset::Custom`, in their own units.
    pub custom_points: Vec<Point>,
    /// The axes of the user's points: names and the ranges the plane shows.
    pub axes: Axes,
}

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
            Dataset::PassFail => super::data::pass_fail_axes(),
            _ => super::axes::Axes::default(),
        }
    }

    /// Whether going from this setup to `other` needs a fresh network: the data or the
    /// network differ. Training settings change live.
    pub fn needs_new_network(&self, other: &Config) -> bool {
        self.data != other.data || self.network != other.network
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
            custom_points: Vec::new(),
            axes: Axes::default(),
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
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config { version: FORMAT_VERSION, data: DataSetup::default(), network: NetworkSetup::default(), training: TrainingSetup::default() }
    }
}

impl Config {
    /// Outputs of the network: K for softmax, else 1.
    pub fn outputs(&self) -> usize {
        if self.network.output == Activation::Softmax {
            self.data.classes.max(2)
        } else {
            1
        }
    }

    /// The hidden layers as the network builder takes them.
    pub fn layer_specs(&self) -> Vec<LayerSpec> {
        let n = &self.network;
        n.hidden.iter().enumerate().map(|(l, h)| LayerSpec { neurons: h.neurons, activation: h.activation, dropout: self.dropout(l) }).collect()
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

/// A trained network together with the configuration that made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Format version.
    pub version: u32,
    /// The setup.
    pub config: Config,
    /// Weights and biases.
    pub network: Network,
}

impl Model {
    /// Writes the model as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a model always serialises")
    }

    /// Reads a model; its setup is held to the playground's limits like a link's (the
    /// changes are returned), and an error names the field that cannot be mended.
    pub fn from_json(text: &str) -> Result<(Model, Vec<super::normalize::Repair>), ModelError> {
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ModelError::new("", ModelProblem::NotJson { line: e.line(), column: e.column() }))?;
        if let Some(config) = value.get_mut("config") {
            nest_version_1(config);
        }
        let mut model: Model = from_value_naming_field(value).map_err(ModelError::from_serde)?;
        if model.version == 0 || model.version > FORMAT_VERSION {
            return Err(ModelError::new("version", ModelProblem::Version(model.version)));
        }
        let repairs = model.config.normalize();
        model.config.validate().map_err(|e| {
            let (field, _) = e.split_once(':').unwrap_or(("", ""));
            ModelError::new(&format!("config.{field}"), ModelProblem::Inconsistent(e.clone()))
        })?;
        model.check_network()?;
        // Dropout and Leaky ReLU's slope are training settings: the setup's count.
        let hidden = model.network.layers.len() - 1;
        for (l, layer) in model.network.layers.iter_mut().take(hidden).enumerate() {
            layer.dropout = model.config.dropout(l);
        }
        model.network.leaky_slope = model.config.training.leaky_slope;
        Ok((model, repairs))
    }

    /// Checks that the weights are those of the setup's network (within the playground's
    /// limits, since the setup is): every layer's inputs, neurons, activation and number of
    /// weights and biases, and only finite numbers. The error names the layer.
    fn check_network(&self) -> Result<(), ModelError> {
        let (c, net) = (&self.config, &self.network);
        let hidden = &c.network.hidden;
        if net.layers.len() != hidden.len() + 1 {
            return Err(ModelError::new("network.layers", ModelProblem::Layers { found: net.layers.len(), expected: hidden.len() + 1 }));
        }
        if net.n_inputs != c.network.features.len() {
            return Err(ModelError::new("network.n_inputs", ModelProblem::Inputs { found: net.n_inputs, expected: c.network.features.len() }));
        }
        for (l, layer) in net.layers.iter().enumerate() {
            let n_in = if l == 0 { c.network.features.len() } else { hidden[l - 1].neurons };
            let (n_out, activation) = match hidden.get(l) {
                Some(h) => (h.neurons, h.activation),
                None => (c.outputs(), c.network.output),
            };
            let field = format!("network.layers[{l}]");
            if layer.n_in != n_in || layer.n_out != n_out || layer.activation != activation {
                let found = (layer.n_in, layer.n_out, layer.activation.name());
                return Err(ModelError::new(&field, ModelProblem::LayerShape { found, expected: (n_in, n_out, activation.name()) }));
            }
            if layer.weights.len() != layer.rows() * layer.n_in || layer.biases.len() != layer.rows() {
                let expected = (layer.rows() * layer.n_in, layer.rows());
                return Err(ModelError::new(&field, ModelProblem::Lengths { found: (layer.weights.len(), layer.biases.len()), expected }));
            }
            if !layer.weights.iter().chain(&layer.biases).all(|v| v.is_finite()) {
                return Err(ModelError::new(&field, ModelProblem::NotFinite));
            }
        }
        Ok(())
    }
}

/// Why a model file cannot be opened: the field at fault (as the file spells its path) and
/// what is wrong with it, for the page to say in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    /// The field, such as `training.learningRate` or `network.layers[1]`; empty for the
    /// whole document.
    pub field: String,
    /// What is wrong.
    pub problem: ModelProblem,
}

/// What is wrong with a model file.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelProblem {
    /// The text is not JSON; where reading stopped.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A field that must be there is not.
    Missing,
    /// A name that is not one of the field's choices (an activation, a data set...).
    UnknownName(String),
    /// A value of the wrong kind: text for a number, a negative count, a number too large.
    WrongKind,
    /// A format version this playground does not read.
    Version(u32),
    /// Parts of the setup that do not fit together (in English, for the record).
    Inconsistent(String),
    /// The network has another number of layers than the setup.
    Layers {
        /// Layers in the file's network.
        found: usize,
        /// Layers the setup gives.
        expected: usize,
    },
    /// The network has another number of inputs than the setup has features.
    Inputs {
        /// Inputs of the file's network.
        found: usize,
        /// Features of the setup.
        expected: usize,
    },
    /// A layer's inputs, neurons or activation differ from the setup's.
    LayerShape {
        /// Inputs, neurons and activation in the file.
        found: (usize, usize, &'static str),
        /// What the setup gives.
        expected: (usize, usize, &'static str),
    },
    /// A layer has another number of weights or biases than its shape.
    Lengths {
        /// Weights and biases in the file.
        found: (usize, usize),
        /// What its shape needs.
        expected: (usize, usize),
    },
    /// A weight or bias that is not a finite number.
    NotFinite,
}

impl ModelError {
    fn new(field: &str, problem: ModelProblem) -> Self {
        ModelError { field: field.to_string(), problem }
    }

    /// From the reader's "field: message" (see [`from_value_naming_field`]).
    fn from_serde(message: String) -> Self {
        let (field, detail) = match message.split_once(": ") {
            Some((f, d)) if !f.contains(' ') => (f, d),
            _ => ("", message.as_str()),
        };
        let quoted = |d: &str| d.split('`').nth(1).unwrap_or_default().to_string();
        let problem = if detail.starts_with("missing field") {
            ModelProblem::Missing
        } else if detail.starts_with("unknown variant") {
            ModelProblem::UnknownName(quoted(detail))
        } else {
            ModelProblem::WrongKind
        };
        // A missing field is named by the message itself.
        let field = if field.is_empty() && problem == ModelProblem::Missing { quoted(detail) } else { field.to_string() };
        ModelError { field, problem }
    }
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = if self.field.is_empty() { "document" } else { &self.field };
        match &self.problem {
            ModelProblem::NotJson { line, column } => write!(f, "not valid JSON at line {line}, column {column}"),
            ModelProblem::Missing => write!(f, "{field}: missing"),
            ModelProblem::UnknownName(name) => write!(f, "{field}: {name:?} is not one of its choices"),
            ModelProblem::WrongKind => write!(f, "{field}: a value of the wrong kind"),
            ModelProblem::Version(v) => write!(f, "{field}: {v} is not a version this playground reads (1 to {FORMAT_VERSION})"),
            ModelProblem::Inconsistent(why) => write!(f, "{field}: {why}"),
            ModelProblem::Layers { found, expected } => write!(f, "{field}: {found} layers, the setup has {expected}"),
            ModelProblem::Inputs { found, expected } => write!(f, "{field}: {found}, the setup has {expected} features"),
            ModelProblem::LayerShape { found, expected } => {
                write!(f, "{field}: {} inputs, {} neurons, {}; the setup has {}, {}, {}", found.0, found.1, found.2, expected.0, expected.1, expected.2)
            }
            ModelProblem::Lengths { found, expected } => {
                write!(f, "{field}: {} weights and {} biases, its shape needs {} and {}", found.0, found.1, expected.0, expected.1)
            }
            ModelProblem::NotFinite => write!(f, "{field}: a weight or bias is not a finite number"),
        }
    }
}
