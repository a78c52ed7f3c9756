//! Setups shared by the native and the browser tests.
#![allow(dead_code)]

use neurona::engine::config::HiddenLayer;
use neurona::engine::{Config, Dataset, Feature, Optimizer};

/// The setup whose weights after 100 epochs must be bit-identical natively and in wasm:
/// reshuffling, dropout, Adam, and every feature (sin and cos included).
pub fn determinism_config() -> Config {
    {
        let mut c: Config = Config::default();
        c.data.seed = 7;
        c.training.shuffle = true;
        c.data.dataset = Dataset::Spiral;
        c.network.features = Feature::ALL.to_vec();
        c.network.hidden = vec![HiddenLayer { neurons: 6, ..HiddenLayer::default() }; 2];
        c.training.dropout = vec![0.2; 2];
        c.training.optimizer = Optimizer::Adam;
        c
    }
}

/// The weights' fingerprint recorded for that setup.
pub fn recorded_fingerprint() -> u64 {
    include_str!("../fixtures/fingerprint-spiral-seed7-100.txt").trim().parse().unwrap()
}
