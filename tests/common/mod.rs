//! Setups shared by the native and the browser tests.
#![allow(dead_code)]

use neurona::engine::config::HiddenLayer;
use neurona::engine::{Config, Dataset, Feature, Optimizer};

/// The setup whose weights after 100 epochs must be bit-identical natively and in wasm:
/// reshuffling, dropout, Adam, and every feature (sin and cos included).
pub fn determinism_config() -> Config {
    Config {
        seed: 7,
        shuffle: true,
        dataset: Dataset::Spiral,
        features: Feature::ALL.to_vec(),
        hidden: vec![HiddenLayer { neurons: 6, dropout: 0.2, ..HiddenLayer::default() }; 2],
        optimizer: Optimizer::Adam,
        ..Config::default()
    }
}

/// The weights' fingerprint recorded for that setup.
pub fn recorded_fingerprint() -> u64 {
    include_str!("../fixtures/fingerprint-spiral-seed7-100.txt").trim().parse().unwrap()
}
