//! How a network's initial weights are drawn.

use serde::{Deserialize, Serialize};

/// How the initial weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Init {
    /// TensorFlow Playground's: w ~ U(-0.5, 0.5), b = 0.1.
    Playground,
    /// The lesson's: w ~ N(0, sigma^2), b = 0.
    Normal,
    /// Glorot/Xavier: w ~ U(-r, r) with r = sqrt(6 / (n_in + n_out)), b = 0.
    Xavier,
    /// He: w ~ N(0, 2 / n_in), b = 0.
    He,
    /// All weights and biases 0 (every neuron of a layer then stays the same).
    Zeros,
}

impl Init {
    /// All choices, in menu order.
    pub const ALL: [Init; 5] = [Init::Playground, Init::Normal, Init::Xavier, Init::He, Init::Zeros];

    /// The name used in links and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Init::Playground => "playground",
            Init::Normal => "normal",
            Init::Xavier => "xavier",
            Init::He => "he",
            Init::Zeros => "zeros",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|i| i.name() == name)
    }
}
