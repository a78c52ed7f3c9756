//! Starting a run: the data generated (or the user's, or TensorFlow Playground's own) and
//! split, a network drawn or given, and the trainer around them.

use super::{EarlyState, History, Prepared, Trainer};
use crate::config::Config;
use crate::data::{self, Point, Split};
use crate::network::{Network, Workspace};
use crate::optimizer::Moments;
use crate::rng::Rng;
use crate::{Dataset, Real};

impl Trainer {
    /// Generates the data (or takes the user's) and a fresh network for `config`.
    pub fn new(config: Config) -> Result<Trainer, String> {
        Self::new_round(config, 0)
    }

    /// Like `new`, with the initial weights of draw number `round`: the same data, another
    /// starting point (what the reset button gives).
    pub fn new_round(config: Config, round: u64) -> Result<Trainer, String> {
        config.validate()?;
        if let Some(trainer) = crate::playground::start(&config, round) {
            return trainer;
        }
        let mut data_rng = Rng::new(config.data.seed);
        // Data in its own units (the user's, pass or fail) is seen by the network scaled to
        // the plane.
        let axes = config.data_axes();
        let points: Vec<Point> = if config.data.dataset == Dataset::Custom {
            config.data.custom_points.clone()
        } else {
            data::generate(config.data.dataset, config.data.classes, config.data.noise as f64 / 100.0, &mut data_rng)
        };
        if let (Dataset::Table, Some(table)) = (config.data.dataset, config.data.table.as_ref()) {
            let points = table.labels.iter().map(|&label| Point { x: 0.0, y: 0.0, label: label as Real }).collect();
            let split = crate::vectors::split_rows(points, &table.scaled(), table.dims(), config.data.percent_train, config.data.percent_val, &mut data_rng);
            return Self::with_split_round(config, split, round);
        }
        if config.data.dataset == Dataset::Digits {
            if !crate::vectors::digits_loaded() {
                return Err("data.digits: the digits are not loaded yet".into());
            }
            let (points, rows) = crate::vectors::digit_examples(&config.data.digits);
            let dims = config.input_count();
            let split = crate::vectors::split_rows(points, &rows, dims, config.data.percent_train, config.data.percent_val, &mut data_rng);
            return Self::with_split_round(config, split, round);
        }
        let points = points.iter().map(|p| axes.to_plane(p)).collect();
        let split = data::split(points, config.data.percent_train, config.data.percent_val, &mut data_rng);
        Self::with_split_round(config, split, round)
    }

    /// A fresh network for `config`, its weights from draw number `round`, trained on `split`.
    fn with_split_round(config: Config, split: Split, round: u64) -> Result<Trainer, String> {
        config.validate()?;
        if split.train.is_empty() {
            return Err("data: the training set is empty".into());
        }
        // Weights get their own stream so that changing the network keeps the data.
        let mut rng = Rng::new(config.data.seed ^ 0x9e37_79b9_7f4a_7c15 ^ round.wrapping_mul(0xbf58_476d_1ce4_e5b9));
        let network = crate::model::network_for(&config, &mut rng);
        Ok(Self::assemble(config, split, network, rng))
    }

    /// The run of `config` on `split` (already in the plane's units) with the weights
    /// `parameters`, as another trainer of this setup has them: how the page copies the
    /// worker's run without drawing the data or the weights again. `Err` for weights of
    /// another shape or no training points.
    pub fn with_parts(config: Config, split: Split, parameters: &[(Vec<Real>, Vec<Real>)]) -> Result<Trainer, String> {
        config.validate()?;
        if split.train.is_empty() {
            return Err("data: the training set is empty".into());
        }
        let network = crate::model::network_with(&config, parameters).ok_or("weights of another network")?;
        let rng = Rng::new(config.data.seed ^ 0x9e37_79b9_7f4a_7c15);
        Ok(Self::assemble(config, split, network, rng))
    }

    /// A trainer at epoch 0 with `network`, its random stream `rng`.
    pub(crate) fn assemble(config: Config, split: Split, mut network: Network, rng: Rng) -> Trainer {
        crate::model::switches(&mut network, &config);
        let rows = &split.rows;
        let train = Prepared::new(&config, &split.train, &rows.train, rows.dims);
        let validation = Prepared::new(&config, &split.validation, &rows.validation, rows.dims);
        let test = Prepared::new(&config, &split.test, &rows.test, rows.dims);
        let moments_w = network.layers.iter().map(|l| Moments::new(l.weights.len())).collect();
        let dead = network.layers.iter().map(|l| vec![false; l.weights.len()]).collect();
        let moments_b = network.layers.iter().map(|l| Moments::new(l.biases.len())).collect();
        Trainer {
            order: (0..train.len()).collect(),
            before_step: network.clone(),
            network,
            split,
            epoch: 0,
            history: History::new(1000),
            last: None,
            stopped: None,
            train,
            validation,
            test,
            batch_inputs: Vec::new(),
            batch_targets: Vec::new(),
            rng,
            workspace: Workspace::default(),
            eval_workspace: Workspace::default(),
            moments_w,
            moments_b,
            updates: 0,
            early: EarlyState::default(),
            unmeasured: None,
            tick: (0, 0),
            carry: None,
            sequence: Vec::new(),
            dead,
            config,
        }
    }
}
