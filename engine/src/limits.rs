//! Every range, step and menu of a setup, in one table: the controls, the link reader, the
//! reducer and opened model files all take their limits from here.

use super::Real;

/// A number's allowed range and the step its control moves by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    /// The setting's name in links and files.
    pub key: &'static str,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// The control's step.
    pub step: f64,
}

impl Limit {
    /// `x` brought into range (NaN becomes the minimum).
    pub fn clamp(&self, x: f64) -> f64 {
        if x.is_nan() {
            self.min
        } else {
            x.clamp(self.min, self.max)
        }
    }
    /// A real-valued setting brought into range.
    pub fn real(&self, x: Real) -> Real {
        self.clamp(x as f64) as Real
    }
    /// A whole-number setting brought into range.
    pub fn whole(&self, x: i64) -> i64 {
        x.clamp(self.min as i64, self.max as i64)
    }
    /// Whether `x` lies in range.
    pub fn holds(&self, x: f64) -> bool {
        x >= self.min && x <= self.max
    }
}

pub(crate) const fn limit(key: &'static str, min: f64, max: f64, step: f64) -> Limit {
    Limit { key, min, max, step }
}

/// Noise, in percent.
pub const NOISE: Limit = limit("noise", 0.0, 50.0, 5.0);
/// Share of the points used for training, in percent.
pub const PERCENT_TRAIN: Limit = limit("percTrainData", 10.0, 90.0, 10.0);
/// Share of the points held out for validation, in percent.
pub const PERCENT_VAL: Limit = limit("percValData", 0.0, 40.0, 5.0);
/// Samples per step; the largest means the whole training set.
pub const BATCH_SIZE: Limit = limit("batchSize", 1.0, 1200.0, 1.0);
/// The batch-size slider's range, as TensorFlow Playground offers it (larger sizes, up to the
/// whole training set, come from the presets and links).
pub const BATCH_SLIDER: Limit = limit("batchSize", 1.0, 30.0, 1.0);
/// Early stopping's patience, in epochs.
pub const PATIENCE: Limit = limit("patience", 1.0, 1000.0, 1.0);
/// Early stopping's smallest improvement.
pub const MIN_DELTA: Limit = limit("minDelta", 0.0, 1.0, 0.001);
/// Momentum's mu.
pub const MOMENTUM: Limit = limit("momentum", 0.0, 0.999, 0.01);
/// RMSProp's rho.
pub const RHO: Limit = limit("rho", 0.0, 0.999, 0.01);
/// Adam's beta1.
pub const BETA1: Limit = limit("beta1", 0.0, 0.999, 0.01);
/// Adam's beta2.
pub const BETA2: Limit = limit("beta2", 0.0, 0.9999, 0.0001);
/// sigma of the normal initialisation.
pub const INIT_SIGMA: Limit = limit("initSigma", 0.001, 10.0, 0.05);
/// Leaky ReLU's slope for z < 0.
pub const LEAKY_SLOPE: Limit = limit("leakySlope", 0.0, 1.0, 0.01);
/// A threshold unit's weights and bias typed by hand.
pub const THRESHOLD_WEIGHT: Limit = limit("tlu", -10.0, 10.0, 0.1);
/// Number of classes.
pub const CLASSES: Limit = limit("classes", 2.0, 4.0, 1.0);
/// Hidden layers.
pub const LAYERS: Limit = limit("numHiddenLayers", 0.0, 6.0, 1.0);
/// Neurons per hidden layer.
pub const NEURONS: Limit = limit("networkShape", 1.0, 8.0, 1.0);
/// Inputs of data whose examples are vectors (the handwritten digits' 8 x 8 pixels, a table's
/// columns): at most this many.
pub const MAX_INPUTS: usize = 64;
/// Classes of vector data (the ten digits): 2 to this many.
pub const MAX_VECTOR_CLASSES: usize = 10;
/// Neurons in a hidden layer, for vector data only (a first layer reads up to 64 inputs).
pub const VECTOR_NEURONS: Limit = limit("networkShape", 1.0, 32.0, 1.0);
/// A picture the class paints: its longest side once scaled down, in pixels.
pub const MAX_PICTURE_SIDE: usize = 256;
/// A picture's classes (its brushes): 2 to this many.
pub const MAX_PICTURE_CLASSES: usize = 4;
/// The longest name of a picture's class, in characters.
pub const MAX_PICTURE_NAME_CHARS: usize = 24;
/// A hidden layer's dropout rate.
pub const DROPOUT: Limit = limit("dropout", 0.0, 0.9, 0.1);

/// Most epochs a hint trains each change of the setup for, whatever the exercise allows.
pub const HINT_EPOCHS: u64 = 300;
/// Most epochs times training points a hint trains each change for: on large data the runs
/// are shorter, so that a hint answers within seconds.
pub const HINT_WORK: u64 = 150_000;

/// Most points of the user's own data: loading stays well under a second and training
/// interactive up to here; a larger file is thinned evenly to this many.
pub const MAX_POINTS: usize = 10_000;
/// The longest TensorFlow Playground seed kept as written (its seeds are short decimals such
/// as `0.66230`); a longer one, from any door, is replaced by the run's own seed, and said.
pub const PLAYGROUND_SEED_CHARS: usize = 32;
/// The largest file the page reads (a CSV or a model file), in bytes: larger ones are refused
/// before they are read, with their size named.
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// From this size on (bytes), reading a file shows its progress and can be cancelled.
pub const FILE_PROGRESS_BYTES: f64 = 2.0 * 1024.0 * 1024.0;
/// Most characters of points a link carries; a larger set stays in the page (and the
/// browser's storage) and the link says so with `points=page`. A table's rows and a
/// compared setup are held to it too.
pub const LINK_POINTS_CHARS: usize = 4_000;

/// The learning rates offered (TensorFlow Playground's list).
pub const LEARNING_RATES: [Real; 11] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
/// The regularization rates offered.
pub const REGULARIZATION_RATES: [Real; 10] = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
/// Dropout rates offered per layer.
pub const DROPOUT_RATES: [Real; 6] = [0.0, 0.1, 0.2, 0.3, 0.5, 0.7];

/// Every numeric limit, for tests and for checking files.
pub const ALL: [Limit; 16] = [
    NOISE,
    PERCENT_TRAIN,
    PERCENT_VAL,
    BATCH_SIZE,
    PATIENCE,
    MIN_DELTA,
    MOMENTUM,
    RHO,
    BETA1,
    BETA2,
    INIT_SIGMA,
    LEAKY_SLOPE,
    CLASSES,
    LAYERS,
    NEURONS,
    DROPOUT,
];

/// The listed value nearest to `x` (by ratio), for values a menu offers.
pub fn nearest(list: &[Real], x: Real) -> Real {
    *list
        .iter()
        .min_by(|a, b| {
            let d = |v: Real| if v == 0.0 || x == 0.0 { (v - x).abs() * 1e6 } else { (v / x).ln().abs() };
            d(**a).total_cmp(&d(**b))
        })
        .expect("non-empty list")
}
