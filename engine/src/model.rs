//! `Model`, a configuration with trained weights, as the JSON file a user saves and opens;
//! an error names the field that cannot be mended.

use super::config::{Config, FORMAT_VERSION};
use super::json::{from_value_naming_field, nest_version_1};
use super::network::Network;
use super::rng::Rng;
use super::Real;
use serde::{Deserialize, Serialize};

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
        if let Some(formula) = model.config.network.formula.as_mut() {
            *formula = formula
                .read_again()
                .map_err(|e| ModelError::new("config.network.formula", ModelProblem::Inconsistent(format!("network.formula: {:?} {e:?}", formula.text()))))?;
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
        if net.n_inputs != c.input_count() {
            return Err(ModelError::new("network.n_inputs", ModelProblem::Inputs { found: net.n_inputs, expected: c.input_count() }));
        }
        for (l, layer) in net.layers.iter().enumerate() {
            let n_in = if l == 0 { c.input_count() } else { hidden[l - 1].neurons };
            let (n_out, activation) = match hidden.get(l) {
                Some(h) => (h.neurons, h.activation),
                None => (c.outputs(), c.network.output),
            };
            let field = format!("network.layers[{l}]");
            if layer.n_in != n_in || layer.n_out != n_out || layer.activation != activation {
                let found = (layer.n_in, layer.n_out, layer.activation.name().to_string());
                let expected = (n_in, n_out, activation.name().to_string());
                return Err(ModelError::new(&field, ModelProblem::LayerShape { found, expected }));
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelError {
    /// The field, such as `training.learningRate` or `network.layers[1]`; empty for the
    /// whole document.
    pub field: String,
    /// What is wrong.
    pub problem: ModelProblem,
}

/// What is wrong with a model file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
        found: (usize, usize, String),
        /// What the setup gives.
        expected: (usize, usize, String),
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

/// A fresh network for `config`, its weights drawn from `rng` by the setup's initialisation,
/// with the setup's leaky slope and each hidden layer's dropout rate.
pub fn network_for(config: &Config, rng: &mut Rng) -> Network {
    let n = &config.network;
    let mut network = Network::new(config.input_count(), &n.hidden, config.outputs(), n.output, n.init, n.init_sigma as f64, rng);
    network.leaky_slope = config.training.leaky_slope;
    for (l, layer) in network.layers.iter_mut().enumerate().take(n.hidden.len()) {
        layer.dropout = config.dropout(l);
    }
    network
}

/// The network of `config` with these weights and biases (weights then biases, per layer,
/// input side first); none when they do not fit its shape.
pub fn network_with(config: &Config, parameters: &[(Vec<Real>, Vec<Real>)]) -> Option<Network> {
    let mut zeros = config.clone();
    zeros.network.init = super::Init::Zeros;
    let mut network = network_for(&zeros, &mut Rng::new(0));
    network.set_parameters(parameters).then_some(network)
}

/// The setup's switched-off and frozen neurons, on the network's hidden layers.
pub fn switches(network: &mut Network, config: &Config) {
    let hidden = network.layers.len() - 1;
    for (l, layer) in network.layers.iter_mut().enumerate().take(hidden) {
        layer.off = Config::neuron_mask(&config.training.off, l, layer.n_out);
        layer.frozen = Config::neuron_mask(&config.training.frozen, l, layer.n_out);
    }
}
