//! Setups shared by the native and the browser tests.
#![allow(dead_code)]

use neurona::engine::config::{EarlyStopping, HiddenLayer, Monitor, Problem};
use neurona::engine::{Activation, Config, Dataset, Feature, Optimizer};

/// The setup whose weights after 100 epochs must be bit-identical natively and in wasm:
/// reshuffling, dropout, Adam, and every feature (sin and cos included).
pub fn determinism_config() -> Config {
    let mut c = Config::default();
    c.data.seed = 7;
    c.data.dataset = Dataset::Spiral;
    c.network.features = Feature::ALL.to_vec();
    c.network.hidden = vec![HiddenLayer { neurons: 6, ..HiddenLayer::default() }; 2];
    c.training.shuffle = true;
    c.training.dropout = vec![0.2; 2];
    c.training.optimizer = Optimizer::Adam;
    c
}

/// Three ReLU layers of 8 on a regression with a learning rate of 10: the weights blow up
/// within a few epochs.
pub fn diverging_config() -> Config {
    let mut c = Config::default();
    c.data.problem = Problem::Regression;
    c.data.dataset = Dataset::RegPlane;
    c.network.output = Activation::Linear;
    c.network.hidden = vec![HiddenLayer { neurons: 8, activation: Activation::Relu }; 3];
    c.training.learning_rate = 10.0;
    c
}

/// Three ReLU layers of 8 on 30% of noisy points, validated on 20%, stopping early with a
/// patience of 3: it overfits and stops.
pub fn overfitting_config(dataset: Dataset, noise: u32) -> Config {
    let mut c = Config::default();
    c.data.dataset = dataset;
    c.data.noise = noise;
    c.data.percent_train = 30;
    c.data.percent_val = 20;
    c.network.hidden = vec![HiddenLayer { neurons: 8, activation: Activation::Relu }; 3];
    c.training.early_stopping = EarlyStopping { enabled: true, monitor: Monitor::Val, patience: 3, min_delta: 0.0 };
    c
}

/// The weights' fingerprint recorded for that setup.
pub fn recorded_fingerprint() -> u64 {
    include_str!("../fixtures/fingerprint-spiral-seed7-100.txt").trim().parse().unwrap()
}
