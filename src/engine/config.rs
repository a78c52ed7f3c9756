//! `Config`, everything that defines a setup, and `Model`, a configuration with trained
//! weights; both travel as JSON with a version field.

use super::data::Point;
use super::network::{Init, LayerSpec, Network};
use super::optimizer::{Hyper, Optimizer, Regularization};
use super::{Activation, Dataset, Feature, Loss, Real};
use serde::{Deserialize, Serialize};

/// The format version written into every JSON document.
pub const FORMAT_VERSION: u32 = 1;

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
    /// Its dropout rate while training (0 = none).
    pub dropout: Real,
}

impl Default for HiddenLayer {
    fn default() -> Self {
        HiddenLayer { neurons: 2, activation: Activation::Tanh, dropout: 0.0 }
    }
}

/// Everything that defines a setup: data, network, training. Defaults are TensorFlow
/// Playground's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    /// Format version.
    pub version: u32,
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
    /// Samples per gradient step.
    pub batch_size: usize,
    /// Seed of data, weights, shuffles and dropout.
    pub seed: u64,
    /// Input features, in the features column's order.
    pub features: Vec<Feature>,
    /// Hidden layers, input side first.
    pub hidden: Vec<HiddenLayer>,
    /// Output activation.
    pub output: Activation,
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
    /// Weight initialisation.
    pub init: Init,
    /// sigma for normal initialisation.
    pub init_sigma: Real,
    /// Reshuffle the training set every epoch (otherwise the once-shuffled order is kept).
    pub shuffle: bool,
    /// Early stopping.
    pub early_stopping: EarlyStopping,
    /// Leaky ReLU's slope.
    pub leaky_slope: Real,
    /// The user's points, for `Dataset::Custom`.
    pub custom_points: Vec<Point>,
}

impl Config {
    /// This setup with the settings of `other` that change while training goes on: as in
    /// TensorFlow Playground the learning rate and, here, the penalty's rate; and the
    /// lesson's own settings (optimizer and its parameters, loss when it fits the output,
    /// dropout, early stopping, reshuffling, Leaky ReLU's slope). Everything else needs a
    /// new network; this is the one list of what does not.
    pub fn with_live_from(&self, other: &Config) -> Config {
        let mut c = self.clone();
        c.learning_rate = other.learning_rate;
        c.regularization_rate = other.regularization_rate;
        c.optimizer = other.optimizer;
        c.momentum = other.momentum;
        c.rho = other.rho;
        c.beta1 = other.beta1;
        c.beta2 = other.beta2;
        c.shuffle = other.shuffle;
        c.leaky_slope = other.leaky_slope;
        c.early_stopping = other.early_stopping;
        if other.loss.pairs_with(c.output) {
            c.loss = other.loss;
        }
        for (mine, h) in c.hidden.iter_mut().zip(&other.hidden) {
            mine.dropout = h.dropout;
        }
        c
    }

    /// Whether going from this setup to `other` needs a fresh network.
    pub fn needs_new_network(&self, other: &Config) -> bool {
        self.with_live_from(other) != *other
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: FORMAT_VERSION,
            problem: Problem::Classification,
            dataset: Dataset::Circle,
            classes: 2,
            noise: 0,
            percent_train: 50,
            percent_val: 0,
            batch_size: 10,
            seed: 1,
            features: vec![Feature::X1, Feature::X2],
            hidden: vec![
                HiddenLayer { neurons: 4, ..HiddenLayer::default() },
                HiddenLayer { neurons: 2, ..HiddenLayer::default() },
            ],
            output: Activation::Tanh,
            loss: Loss::HalfMse,
            learning_rate: 0.03,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            optimizer: Optimizer::Sgd,
            momentum: 0.9,
            rho: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            init: Init::Playground,
            init_sigma: 0.5,
            shuffle: false,
            early_stopping: EarlyStopping::default(),
            leaky_slope: 0.1,
            custom_points: Vec::new(),
        }
    }
}

impl Config {
    /// Outputs of the network: K for softmax, else 1.
    pub fn outputs(&self) -> usize {
        if self.output == Activation::Softmax {
            self.classes.max(2)
        } else {
            1
        }
    }

    /// The hidden layers as the network builder takes them.
    pub fn layer_specs(&self) -> Vec<LayerSpec> {
        self.hidden
            .iter()
            .map(|h| LayerSpec { neurons: h.neurons, activation: h.activation, dropout: h.dropout })
            .collect()
    }

    /// Whether this is the perceptron: no hidden layer and a step output.
    pub fn is_perceptron(&self) -> bool {
        self.hidden.is_empty() && self.output == Activation::Step
    }

    /// The update's hyperparameters.
    pub fn hyper(&self) -> Hyper {
        Hyper {
            optimizer: self.optimizer,
            learning_rate: self.learning_rate,
            momentum: self.momentum,
            rho: self.rho,
            beta1: self.beta1,
            beta2: self.beta2,
            regularization: self.regularization,
            regularization_rate: self.regularization_rate,
        }
    }

    /// Checks that the parts fit together; the message names what does not.
    pub fn validate(&self) -> Result<(), String> {
        if self.features.is_empty() {
            return Err("features: at least one input feature is needed".into());
        }
        if !Activation::OUTPUT.contains(&self.output) {
            return Err(format!("output: {} cannot be an output activation", self.output.name()));
        }
        if let Some(h) = self.hidden.iter().find(|h| h.activation == Activation::Softmax) {
            return Err(format!("hidden: {} cannot be a hidden activation", h.activation.name()));
        }
        if self.hidden.iter().any(|h| h.neurons == 0) {
            return Err("hidden: a layer needs at least one neuron".into());
        }
        if !self.loss.pairs_with(self.output) {
            return Err(format!("loss: {} does not pair with a {} output", self.loss.name(), self.output.name()));
        }
        if self.classes > 2 && self.output != Activation::Softmax {
            return Err("output: more than two classes need a softmax output".into());
        }
        if self.percent_train + self.percent_val > 100 || self.percent_train == 0 {
            return Err("percentTrain: training and validation must leave a share for training within 100%".into());
        }
        if self.batch_size == 0 {
            return Err("batchSize: must be at least 1".into());
        }
        Ok(())
    }

    /// Writes the configuration as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a configuration always serialises")
    }

    /// Reads a configuration; an error names the field that is wrong.
    pub fn from_json(text: &str) -> Result<Config, String> {
        from_json_naming_field(text)
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
    pub fn from_json(text: &str) -> Result<(Model, Vec<super::normalize::Repair>), String> {
        let mut model: Model = from_json_naming_field(text)?;
        let repairs = model.config.normalize();
        model.config.validate().map_err(|e| format!("config.{e}"))?;
        if model.config.hidden.len() + 1 != model.network.layers.len() {
            return Err("network: its layers do not match config.hidden".into());
        }
        for layer in &model.network.layers {
            if layer.weights.len() != layer.rows() * layer.n_in || layer.biases.len() != layer.rows() {
                return Err("network.layers: weights or biases have the wrong length".into());
            }
        }
        Ok((model, repairs))
    }
}

/// Parses JSON into `T`; when that fails, finds the top-level field responsible by
/// parsing the document again with one field at a time, so the message can name it.
fn from_json_naming_field<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    match serde_json::from_value::<T>(value.clone()) {
        Ok(v) => Ok(v),
        Err(whole) => {
            if let serde_json::Value::Object(map) = &value {
                for (key, field) in map {
                    let mut alone = serde_json::Map::new();
                    alone.insert(key.clone(), field.clone());
                    if let Err(e) = serde_json::from_value::<T>(serde_json::Value::Object(alone)) {
                        let message = e.to_string();
                        if !message.starts_with("missing field") {
                            return Err(format!("{key}: {message}"));
                        }
                    }
                }
            }
            Err(whole.to_string())
        }
    }
}
