//! TensorFlow Playground's own start for a link with its seed: the points, their order and
//! split, and the initial weights as playground.ts draws them (`generateData(true)`, then
//! `reset(true)`), from `Math.random` seeded by the link's `seed` text. The engine trains as
//! nn.ts does, so the run then follows TensorFlow Playground's step for step.

use super::rng::Rng;
use super::{data, Config, Dataset, Feature, Init, Trainer};

/// A feature's place in TensorFlow Playground's input order (x, y, x², y², xy, sin x, cos x,
/// sin y, cos y), which draws the first layer's weights.
fn input_rank(f: Feature) -> usize {
    match f {
        Feature::X1 => 0,
        Feature::X2 => 1,
        Feature::X1Squared => 2,
        Feature::X2Squared => 3,
        Feature::X1X2 => 4,
        Feature::SinX1 => 5,
        Feature::CosX1 => 6,
        Feature::SinX2 => 7,
        Feature::CosX2 => 8,
        Feature::Custom => 9,
    }
}

/// Whether `config` is a setup TensorFlow Playground has, with its seed: one of its six data
/// sets (two classes), no validation set, its initial weights and its input features.
pub fn reproduces(config: &Config) -> bool {
    let d = &config.data;
    d.playground_seed.is_some()
        && matches!(d.dataset, Dataset::Circle | Dataset::Xor | Dataset::Gauss | Dataset::Spiral | Dataset::RegPlane | Dataset::RegGauss)
        && d.classes == 2
        && d.percent_val == 0
        && matches!(config.network.init, Init::Playground | Init::Zeros)
        && !config.network.features.contains(&Feature::Custom)
}

/// The trainer TensorFlow Playground would start for `config` (reset `round` times: each reset
/// draws the next weights from the same stream), or `None` when it is not its setup.
pub fn start(config: &Config, round: u64) -> Option<Result<Trainer, String>> {
    if !reproduces(config) {
        return None;
    }
    let d = &config.data;
    let mut stream = Rng::playground(d.playground_seed.as_deref()?);
    let mut points = data::generate(d.dataset, 2, d.noise as f64 / 100.0, &mut stream);
    stream.shuffle(&mut points);
    let test = points.split_off((points.len() * d.percent_train.min(100) as usize / 100).min(points.len()));
    if points.is_empty() {
        return Some(Err("data: the training set is empty".into()));
    }
    let split = data::Split { train: points, validation: Vec::new(), test, rows: Default::default() };
    // Its inputs in its own order: the first layer's rows are drawn in that order.
    let mut order: Vec<usize> = (0..config.network.features.len()).collect();
    order.sort_by_key(|&i| input_rank(config.network.features[i]));
    let mut network = super::model::network_for(config, &mut stream);
    for _ in 0..round {
        network = super::model::network_for(config, &mut stream);
    }
    if let Some(first) = network.layers.first_mut() {
        let n = first.n_in;
        for row in first.weights.chunks_mut(n.max(1)) {
            let drawn = row.to_vec();
            for (k, &i) in order.iter().enumerate() {
                row[i] = drawn[k];
            }
        }
    }
    let rng = Rng::new(d.seed ^ 0x9e37_79b9_7f4a_7c15 ^ round.wrapping_mul(0xbf58_476d_1ce4_e5b9));
    let mut trainer = Trainer::assemble(config.clone(), split, network, rng);
    // Its batches: an update after every `batchSize` points, the rest carried over (while
    // a batch fits in the training set; a larger one never updates there).
    if config.training.batch_size <= trainer.train.len() {
        trainer.carry = Some(Vec::new());
    }
    Some(Ok(trainer))
}
