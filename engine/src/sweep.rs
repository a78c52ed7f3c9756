//! A sweep: one setting tried at several values, each a whole run of the same setup from the
//! same data and (where the network keeps its shape) the same initial weights, trained for
//! the same number of epochs; the final training and test loss of each. Run a slice at a
//! time, so that the worker answers between slices (progress, cancel).

use crate::limits::{Limit, BATCH_SIZE, NEURONS, NOISE, PERCENT_TRAIN};
use crate::{Config, Real, Trainer};
use serde::{Deserialize, Serialize};

/// The setting a sweep varies, named by its link key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Knob {
    /// `learningRate`, spaced logarithmically.
    LearningRate,
    /// `networkShape`: the neurons of one hidden layer (its index, from 0).
    Neurons(usize),
    /// `percTrainData`.
    PercentTrain,
    /// `noise`.
    Noise,
    /// `regularizationRate`, spaced logarithmically.
    RegularizationRate,
    /// `batchSize`.
    BatchSize,
}

/// Fewest and most values of a sweep.
pub const COUNT: (usize, usize) = (2, 16);
/// Most epochs of each run.
pub const MAX_EPOCHS: u64 = 10_000;
/// The learning rate's range in a sweep.
pub const LEARNING_RATE: Limit = crate::limits::limit("learningRate", 0.00001, 10.0, 0.00001);
/// The regularization rate's range in a sweep (above 0: it is spaced logarithmically).
pub const REGULARIZATION_RATE: Limit = crate::limits::limit("regularizationRate", 0.0001, 10.0, 0.0001);

impl Knob {
    /// Every knob, the neurons of the first hidden layer for the network.
    pub const ALL: [Knob; 6] = [Knob::LearningRate, Knob::Neurons(0), Knob::PercentTrain, Knob::Noise, Knob::RegularizationRate, Knob::BatchSize];

    /// Its link key.
    pub fn key(self) -> &'static str {
        self.limit().key
    }

    /// The knob of a link key (the network's: of hidden layer `layer`).
    pub fn of_key(key: &str, layer: usize) -> Option<Knob> {
        Knob::ALL.into_iter().map(|k| if k == Knob::Neurons(0) { Knob::Neurons(layer) } else { k }).find(|k| k.key() == key)
    }

    /// The values it can take.
    pub fn limit(self) -> Limit {
        match self {
            Knob::LearningRate => LEARNING_RATE,
            Knob::Neurons(_) => NEURONS,
            Knob::PercentTrain => PERCENT_TRAIN,
            Knob::Noise => NOISE,
            Knob::RegularizationRate => REGULARIZATION_RATE,
            Knob::BatchSize => BATCH_SIZE,
        }
    }

    /// Whether its values are spaced logarithmically (the rates).
    pub fn logarithmic(self) -> bool {
        matches!(self, Knob::LearningRate | Knob::RegularizationRate)
    }

    /// Whether it takes whole numbers only.
    pub fn whole(self) -> bool {
        !self.logarithmic()
    }

    /// Its value in `config`.
    pub fn value(self, config: &Config) -> f64 {
        match self {
            Knob::LearningRate => config.training.learning_rate as f64,
            Knob::Neurons(l) => config.network.hidden.get(l).map_or(0.0, |h| h.neurons as f64),
            Knob::PercentTrain => config.data.percent_train as f64,
            Knob::Noise => config.data.noise as f64,
            Knob::RegularizationRate => config.training.regularization_rate as f64,
            Knob::BatchSize => config.training.batch_size as f64,
        }
    }

    /// `config` with the knob at `value` (within its limits); `None` for a layer the network
    /// lacks, or a setup the value makes invalid.
    pub fn apply(self, config: &Config, value: f64) -> Option<Config> {
        self.set(config, value).filter(|c| c.validate().is_ok())
    }

    /// `config` with the knob at `value` (within its limits), unchecked; `None` for a layer
    /// the network lacks.
    pub fn set(self, config: &Config, value: f64) -> Option<Config> {
        let mut c = config.clone();
        let v = self.limit().clamp(value);
        match self {
            Knob::LearningRate => c.training.learning_rate = v as Real,
            Knob::Neurons(l) => c.network.hidden.get_mut(l)?.neurons = v as usize,
            Knob::PercentTrain => c.data.percent_train = (v as u32).min(100 - c.data.percent_val),
            Knob::Noise => c.data.noise = v as u32,
            Knob::RegularizationRate => c.training.regularization_rate = v as Real,
            Knob::BatchSize => c.training.batch_size = v as usize,
        }
        Some(c)
    }
}

/// `count` values from `from` to `to` (both within the knob's limits, in either order):
/// evenly spaced, on a log scale for the rates, whole numbers (without repeats) for the rest.
pub fn values(knob: Knob, from: f64, to: f64, count: usize) -> Vec<f64> {
    let limit = knob.limit();
    let (a, b) = (limit.clamp(from), limit.clamp(to));
    let n = count.clamp(COUNT.0, COUNT.1);
    let at = |i: usize| {
        let t = i as f64 / (n - 1) as f64;
        if knob.logarithmic() {
            (a.ln() + (b.ln() - a.ln()) * t).exp()
        } else {
            a + (b - a) * t
        }
    };
    let mut out: Vec<f64> = (0..n).map(at).map(|v| if knob.whole() { v.round() } else { significant(v) }).collect();
    out.dedup();
    out
}

/// A rate rounded to three significant digits, as a person would type it.
fn significant(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(2 - v.log10().floor() as i32);
    (v * scale).round() / scale
}

/// One run's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The knob's value.
    pub value: f64,
    /// Final training loss (infinite when the run diverged).
    pub train: f64,
    /// Final test loss, when there is a test set.
    pub test: Option<f64>,
    /// Epochs trained (fewer when early stopping or divergence ended it).
    pub epochs: u64,
}

/// A sweep under way.
pub struct Sweep {
    base: Config,
    knob: Knob,
    values: Vec<f64>,
    epochs: u64,
    round: u64,
    current: Option<Trainer>,
    /// The runs finished, in the order of the values.
    pub outcomes: Vec<Outcome>,
}

impl Sweep {
    /// A sweep of `knob` over `values` from `base`, `epochs` each, with the initial weights
    /// of draw `round`; `Err` names what cannot be swept.
    pub fn new(base: Config, knob: Knob, values: Vec<f64>, epochs: u64, round: u64) -> Result<Sweep, String> {
        if values.len() < COUNT.0 || values.len() > COUNT.1 {
            return Err(format!("a sweep tries {} to {} values", COUNT.0, COUNT.1));
        }
        if epochs == 0 || epochs > MAX_EPOCHS {
            return Err(format!("a sweep trains 1 to {MAX_EPOCHS} epochs"));
        }
        if let Some(v) = values.iter().find(|v| knob.apply(&base, **v).is_none()) {
            return Err(format!("{} = {v} is not a setup", knob.key()));
        }
        Ok(Sweep { base, knob, values, epochs, round, current: None, outcomes: Vec::new() })
    }

    /// The draw of initial weights each run starts from.
    pub fn round(&self) -> u64 {
        self.round
    }

    /// The values tried, in order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Whether every run is done.
    pub fn done(&self) -> bool {
        self.outcomes.len() == self.values.len()
    }

    /// Epochs trained so far, and in all.
    pub fn progress(&self) -> (u64, u64) {
        let finished: u64 = self.outcomes.len() as u64 * self.epochs;
        (finished + self.current.as_ref().map_or(0, |t| t.epoch), self.values.len() as u64 * self.epochs)
    }

    /// Trains on while `go_on` says so (asked after every epoch); each run exactly as an
    /// ordinary run of its setup trains.
    pub fn run(&mut self, go_on: &mut dyn FnMut() -> bool) {
        while !self.done() {
            let value = self.values[self.outcomes.len()];
            if self.current.is_none() {
                let config = self.knob.apply(&self.base, value).expect("checked when the sweep was made");
                match Trainer::new_round(config, self.round) {
                    Ok(mut t) => {
                        // Only the final losses count: a short history measures few epochs
                        // (measuring changes no weight).
                        t.history = crate::report::History::new(4);
                        self.current = Some(t);
                    }
                    Err(_) => {
                        self.outcomes.push(Outcome { value, train: f64::NAN, test: None, epochs: 0 });
                        continue;
                    }
                }
            }
            let t = self.current.as_mut().expect("a run");
            let mut ended = false;
            while t.epoch < self.epochs && t.stopped.is_none() {
                if t.step_lean().is_err() {
                    ended = true;
                    break;
                }
                if !go_on() {
                    return;
                }
            }
            let t = self.current.take().expect("a run");
            self.outcomes.push(outcome(t, value, ended));
        }
    }
}

/// The final losses of a run; a run that diverged has an infinite loss.
fn outcome(mut t: Trainer, value: f64, diverged: bool) -> Outcome {
    if diverged {
        return Outcome { value, train: f64::INFINITY, test: None, epochs: t.epoch };
    }
    t.measure_last();
    let report = t.last.clone().unwrap_or_else(|| t.evaluate());
    Outcome { value, train: report.train.loss, test: report.test.map(|m| m.loss), epochs: t.epoch }
}
