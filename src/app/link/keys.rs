//! The table of link keys, like TensorFlow Playground's `PROPS`: each key once, with how it
//! is read and written and whether a teacher can hide its control. The link reader and
//! writer both walk it.

use super::super::exercise::{self, Exercise, Goal};
use super::super::i18n::Lang;
use super::super::settings::{Settings, Speed};
use crate::engine::axes::Axis;
use crate::engine::config::{HiddenLayer, Monitor, Problem};
use crate::engine::normalize::points_text;
use crate::engine::{Activation, Config, Dataset, Feature, Init, Loss, Optimizer, Point, Real, Regularization};

/// Reads a value into the settings; `Err(())` when the text is not a value of the key's kind
/// (the setting then keeps what it had).
pub type Read = fn(&mut Settings, &str) -> Result<(), ()>;
/// Writes a key's value, or `None` where the link leaves it out (it has its default).
pub type Write = fn(&Settings) -> Option<String>;

/// One link key.
pub struct Key {
    /// The key as links spell it.
    pub name: &'static str,
    /// Read after the keys of lower stages (the problem before the data set, the shape
    /// before the activations, the output before the loss).
    pub stage: u8,
    /// Whether `<name>_hide=true` hides its control.
    pub hideable: bool,
    /// Reads a value.
    pub read: Read,
    /// Writes the value.
    pub write: Write,
    /// Sets what a link without this key means, where that depends on other keys.
    pub absent: Option<fn(&mut Settings)>,
}

const fn key(name: &'static str, stage: u8, hideable: bool, read: Read, write: Write) -> Key {
    Key { name, stage, hideable, read, write, absent: None }
}

fn bool_of(v: &str) -> Result<bool, ()> {
    match v {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(()),
    }
}

fn number<T: std::str::FromStr>(v: &str) -> Result<T, ()> {
    v.trim().parse::<T>().map_err(|_| ())
}

/// A whole number as links write it; fractions and huge values are taken as the nearest
/// whole number the setting holds (the limits then apply).
fn whole(v: &str) -> Result<i64, ()> {
    let x: f64 = number(v)?;
    if x.is_finite() {
        Ok(x.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64)
    } else {
        Err(())
    }
}

fn real(v: &str) -> Result<Real, ()> {
    number::<Real>(v).and_then(|x| if x.is_finite() { Ok(x) } else { Err(()) })
}

/// A 64-bit seed from TensorFlow Playground's decimal seed strings (or any text).
fn seed_from(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        // FNV-1a: a stable hash, so the same link gives the same data every time.
        text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
    })
}

/// The output a link means when it names none.
fn default_output(c: &Config) -> Activation {
    match (c.data.problem, c.data.classes > 2) {
        (Problem::Regression, _) => Activation::Linear,
        (_, true) => Activation::Softmax,
        _ => Activation::Tanh,
    }
}

fn first_activation(c: &Config) -> Activation {
    c.network.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh)
}

fn list<T: ToString>(items: impl Iterator<Item = T>) -> String {
    items.map(|t| t.to_string()).collect::<Vec<_>>().join(",")
}

/// Controls a teacher can hide that have no value of their own in a link.
pub const CONTROLS: [&str; 4] = ["playButton", "stepButton", "resetButton", "numHiddenLayers"];

/// Keys TensorFlow Playground writes that change nothing here.
pub const ACCEPTED_QUIETLY: [&str; 2] = ["collectStats", "tutorial"];

/// Every key, in the order links are written: TensorFlow Playground's first, as it writes
/// them, then Neurona's own. The input features are keys too (see [`feature_keys`]).
pub const KEYS: &[Key] = &[
    key(
        "activation",
        2,
        true,
        |s, v| {
            let a = Activation::from_name(v).filter(|a| Activation::HIDDEN.contains(a)).ok_or(())?;
            s.config.network.hidden.iter_mut().for_each(|h| h.activation = a);
            Ok(())
        },
        |s| Some(first_activation(&s.config).name().into()),
    ),
    key(
        "batchSize",
        1,
        true,
        |s, v| {
            s.config.training.batch_size = whole(v)?.max(0) as usize;
            Ok(())
        },
        |s| Some(s.config.training.batch_size.to_string()),
    ),
    key(
        "dataset",
        1,
        true,
        |s, v| {
            if s.config.data.problem == Problem::Classification {
                s.config.data.dataset = Dataset::from_name(v).ok_or(())?;
            }
            Ok(())
        },
        |s| Some(if s.config.data.problem == Problem::Regression { "circle" } else { s.config.data.dataset.name() }.into()),
    ),
    key(
        "regDataset",
        1,
        false,
        |s, v| {
            if s.config.data.problem == Problem::Regression {
                s.config.data.dataset = Dataset::from_name(v).ok_or(())?;
            }
            Ok(())
        },
        |s| Some(if s.config.data.problem == Problem::Regression { s.config.data.dataset.name() } else { "reg-plane" }.into()),
    ),
    key(
        "learningRate",
        1,
        true,
        |s, v| {
            s.config.training.learning_rate = real(v)?;
            Ok(())
        },
        |s| Some(s.config.training.learning_rate.to_string()),
    ),
    key(
        "regularizationRate",
        1,
        true,
        |s, v| {
            s.config.training.regularization_rate = real(v)?;
            Ok(())
        },
        |s| Some(s.config.training.regularization_rate.to_string()),
    ),
    key(
        "noise",
        1,
        true,
        |s, v| {
            s.config.data.noise = whole(v)?.clamp(0, u32::MAX as i64) as u32;
            Ok(())
        },
        |s| Some(s.config.data.noise.to_string()),
    ),
    key(
        "networkShape",
        1,
        false,
        |s, v| {
            let parts: Vec<Result<i64, ()>> = v.split(',').filter(|p| !p.trim().is_empty()).map(number::<i64>).collect();
            let sizes: Vec<i64> = parts.iter().filter_map(|p| p.ok()).collect();
            // Taken as far as it reads (negative sizes become the smallest layer); the limits then apply.
            s.config.network.hidden = sizes.iter().map(|&n| HiddenLayer { neurons: n.max(0) as usize, ..HiddenLayer::default() }).collect();
            if sizes.len() == parts.len() {
                Ok(())
            } else {
                Err(())
            }
        },
        |s| Some(list(s.config.network.hidden.iter().map(|h| h.neurons))),
    ),
    key(
        "seed",
        1,
        false,
        |s, v| {
            s.config.data.seed = seed_from(v);
            Ok(())
        },
        |s| Some(s.config.data.seed.to_string()),
    ),
    key(
        "showTestData",
        1,
        true,
        |s, v| {
            s.show_test = bool_of(v)?;
            Ok(())
        },
        |s| Some(s.show_test.to_string()),
    ),
    key(
        "discretize",
        1,
        true,
        |s, v| {
            s.discretize = bool_of(v)?;
            Ok(())
        },
        |s| Some(s.discretize.to_string()),
    ),
    key(
        "percTrainData",
        1,
        true,
        |s, v| {
            s.config.data.percent_train = whole(v)?.clamp(0, u32::MAX as i64) as u32;
            Ok(())
        },
        |s| Some(s.config.data.percent_train.to_string()),
    ),
    key(
        "problem",
        0,
        true,
        |s, v| {
            s.config.data.problem = match v {
                "classification" => Problem::Classification,
                "regression" => Problem::Regression,
                _ => return Err(()),
            };
            Ok(())
        },
        |s| Some(if s.config.data.problem == Problem::Regression { "regression" } else { "classification" }.into()),
    ),
    key(
        "initZero",
        2,
        false,
        |s, v| {
            if bool_of(v)? {
                s.config.network.init = Init::Zeros;
            }
            Ok(())
        },
        |s| Some((s.config.network.init == Init::Zeros).to_string()),
    ),
    key(
        "hideText",
        1,
        false,
        |s, v| {
            s.hide_text = bool_of(v)?;
            Ok(())
        },
        |s| Some(s.hide_text.to_string()),
    ),
    key(
        "regularization",
        1,
        true,
        |s, v| {
            s.config.training.regularization = Regularization::from_name(v).ok_or(())?;
            Ok(())
        },
        |s| Some(s.config.training.regularization.name().into()),
    ),
    // Neurona's own keys, written where they differ from what a link without them means.
    key(
        "layerActivations",
        3,
        false,
        |s, v| {
            let names: Vec<&str> = v.split(',').collect();
            let mut fits = names.len() == s.config.network.hidden.len();
            for (h, name) in s.config.network.hidden.iter_mut().zip(&names) {
                match Activation::from_name(name).filter(|a| Activation::HIDDEN.contains(a)) {
                    Some(a) => h.activation = a,
                    None => fits = false,
                }
            }
            if fits {
                Ok(())
            } else {
                Err(())
            }
        },
        |s| {
            let first = first_activation(&s.config);
            s.config.network.hidden.iter().any(|h| h.activation != first).then(|| list(s.config.network.hidden.iter().map(|h| h.activation.name())))
        },
    ),
    key(
        "dropout",
        2,
        false,
        |s, v| {
            let rates: Result<Vec<Real>, ()> = v.split(',').map(real).collect();
            let rates = rates?;
            if rates.len() > s.config.network.hidden.len() {
                return Err(());
            }
            s.config.training.dropout = rates;
            Ok(())
        },
        |s| s.config.training.dropout.iter().any(|&r| r > 0.0).then(|| list(s.config.training.dropout.iter())),
    ),
    key(
        "classes",
        0,
        false,
        |s, v| {
            s.config.data.classes = whole(v)?.clamp(0, 64) as usize;
            Ok(())
        },
        |s| (s.config.data.classes != 2).then(|| s.config.data.classes.to_string()),
    ),
    Key {
        absent: Some(|s| s.config.network.output = default_output(&s.config)),
        ..key(
            "output",
            1,
            false,
            |s, v| {
                s.config.network.output = Activation::from_name(v).filter(|a| Activation::OUTPUT.contains(a)).ok_or(())?;
                Ok(())
            },
            |s| (s.config.network.output != default_output(&s.config)).then(|| s.config.network.output.name().into()),
        )
    },
    Key {
        absent: Some(|s| s.config.training.loss = Loss::default_for(s.config.network.output)),
        ..key(
            "loss",
            2,
            false,
            |s, v| {
                s.config.training.loss = Loss::from_name(v).ok_or(())?;
                Ok(())
            },
            |s| (s.config.training.loss != Loss::default_for(s.config.network.output)).then(|| s.config.training.loss.name().into()),
        )
    },
    key(
        "optimizer",
        1,
        false,
        |s, v| {
            s.config.training.optimizer = Optimizer::from_name(v).ok_or(())?;
            Ok(())
        },
        |s| (s.config.training.optimizer != Optimizer::Sgd).then(|| s.config.training.optimizer.name().into()),
    ),
    key(
        "momentum",
        1,
        false,
        |s, v| {
            s.config.training.momentum = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.momentum, Config::default().training.momentum),
    ),
    key(
        "rho",
        1,
        false,
        |s, v| {
            s.config.training.rho = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.rho, Config::default().training.rho),
    ),
    key(
        "beta1",
        1,
        false,
        |s, v| {
            s.config.training.beta1 = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.beta1, Config::default().training.beta1),
    ),
    key(
        "beta2",
        1,
        false,
        |s, v| {
            s.config.training.beta2 = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.beta2, Config::default().training.beta2),
    ),
    key(
        "initSigma",
        1,
        false,
        |s, v| {
            s.config.network.init_sigma = real(v)?;
            Ok(())
        },
        |s| differs(s.config.network.init_sigma, Config::default().network.init_sigma),
    ),
    key(
        "leakySlope",
        1,
        false,
        |s, v| {
            s.config.training.leaky_slope = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.leaky_slope, Config::default().training.leaky_slope),
    ),
    key(
        "init",
        1,
        false,
        |s, v| {
            s.config.network.init = Init::from_name(v).ok_or(())?;
            Ok(())
        },
        |s| (s.config.network.init != Init::Playground && s.config.network.init != Init::Zeros).then(|| s.config.network.init.name().into()),
    ),
    key(
        "shuffle",
        1,
        false,
        |s, v| {
            s.config.training.shuffle = bool_of(v)?;
            Ok(())
        },
        |s| s.config.training.shuffle.then(|| "true".into()),
    ),
    key(
        "percValData",
        1,
        false,
        |s, v| {
            s.config.data.percent_val = whole(v)?.clamp(0, u32::MAX as i64) as u32;
            Ok(())
        },
        |s| (s.config.data.percent_val != 0).then(|| s.config.data.percent_val.to_string()),
    ),
    key(
        "earlyStopping",
        1,
        false,
        |s, v| {
            s.config.training.early_stopping.enabled = bool_of(v)?;
            Ok(())
        },
        |s| s.config.training.early_stopping.enabled.then(|| "true".into()),
    ),
    key(
        "patience",
        1,
        false,
        |s, v| {
            s.config.training.early_stopping.patience = whole(v)?.clamp(0, u32::MAX as i64) as u32;
            Ok(())
        },
        |s| {
            let e = s.config.training.early_stopping;
            (e.enabled || e.patience != Config::default().training.early_stopping.patience).then(|| e.patience.to_string())
        },
    ),
    key(
        "monitor",
        1,
        false,
        |s, v| {
            s.config.training.early_stopping.monitor = match v {
                "val" => Monitor::Val,
                "train" => Monitor::Train,
                _ => return Err(()),
            };
            Ok(())
        },
        |s| {
            let e = s.config.training.early_stopping;
            (e.enabled || e.monitor != Monitor::Val).then(|| if e.monitor == Monitor::Val { "val" } else { "train" }.into())
        },
    ),
    key(
        "minDelta",
        1,
        false,
        |s, v| {
            s.config.training.early_stopping.min_delta = real(v)?;
            Ok(())
        },
        |s| differs(s.config.training.early_stopping.min_delta, Config::default().training.early_stopping.min_delta),
    ),
    key(
        "points",
        1,
        false,
        |s, v| {
            if let Some(name) = v.strip_prefix("page") {
                // `page` alone, or `page:` and a name of up to 16 hexadecimal digits.
                let name = name.strip_prefix(':').unwrap_or(name);
                if name.len() > 16 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(());
                }
                s.points_in_page = Some(name.to_ascii_lowercase());
                return Ok(());
            }
            let mut fits = true;
            for item in v.split(';').filter(|i| !i.is_empty()) {
                let nums: Vec<Real> = item.split(',').filter_map(|n| real(n).ok()).collect();
                match nums[..] {
                    [x, y, label] => s.config.data.custom_points.push(Point { x, y, label }),
                    _ => fits = false,
                }
            }
            if fits {
                Ok(())
            } else {
                Err(())
            }
        },
        |s| {
            let text = points_text(&s.config.data.custom_points, &s.config.data.axes);
            // Too many for a link: they stay in the page, and the link says so.
            let page = |name: &str| if name.is_empty() { "page".to_string() } else { format!("page:{name}") };
            match text.len() {
                0 => s.points_in_page.as_deref().map(page),
                n if n > crate::engine::limits::LINK_POINTS_CHARS => {
                    Some(page(&crate::engine::normalize::points_key(&s.config.data.custom_points, &s.config.data.axes)))
                }
                _ => Some(text),
            }
        },
    ),
    key("x1Range", 1, false, |s, v| read_range(&mut s.config.data.axes.x, v), |s| write_range(s, &s.config.data.axes.x)),
    key("x2Range", 1, false, |s, v| read_range(&mut s.config.data.axes.y, v), |s| write_range(s, &s.config.data.axes.y)),
    key(
        "x1Name",
        1,
        false,
        |s, v| {
            s.config.data.axes.x.name = v.to_string();
            Ok(())
        },
        |s| write_name(s, &s.config.data.axes.x),
    ),
    key(
        "x2Name",
        1,
        false,
        |s, v| {
            s.config.data.axes.y.name = v.to_string();
            Ok(())
        },
        |s| write_name(s, &s.config.data.axes.y),
    ),
    key(
        "speed",
        1,
        false,
        |s, v| {
            s.speed = Speed::from_code(v).ok_or(())?;
            Ok(())
        },
        |s| (s.speed != Speed::Epochs(1)).then(|| s.speed.code()),
    ),
    key(
        "goal",
        1,
        false,
        |s, v| {
            s.exercise.goal = Some(Goal::parse(v).ok_or(())?);
            Ok(())
        },
        |s| s.exercise.goal.map(Goal::code),
    ),
    key(
        "maxNeurons",
        1,
        false,
        |s, v| {
            let n = whole(v)?;
            if !(0..=exercise::MAX_NEURONS as i64).contains(&n) {
                return Err(());
            }
            s.exercise.max_neurons = Some(n as usize);
            Ok(())
        },
        |s| s.exercise.max_neurons.map(|n| n.to_string()),
    ),
    key(
        "maxEpochs",
        1,
        false,
        |s, v| {
            let n = whole(v)?;
            if !(0..=exercise::MAX_EPOCHS as i64).contains(&n) {
                return Err(());
            }
            s.exercise.max_epochs = Some(n as u64);
            Ok(())
        },
        |s| s.exercise.max_epochs.map(|n| n.to_string()),
    ),
    key(
        "goalText",
        1,
        false,
        |s, v| {
            s.exercise.text = Exercise::clean_text(v);
            Ok(())
        },
        |s| (!s.exercise.text.is_empty()).then(|| s.exercise.text.clone()),
    ),
    key(
        "compare",
        1,
        false,
        |s, v| {
            // The second setup's own keys, as a link of its own (without a comparison of its own).
            if v.len() > crate::engine::limits::LINK_POINTS_CHARS || v.contains("compare=") {
                return Err(());
            }
            let (second, _) = super::parse(v, s.lang);
            s.compare = Some(Box::new(second.config));
            Ok(())
        },
        |s| {
            s.compare.as_ref().map(|c| {
                let mut second = Settings::new(s.lang);
                second.config = (**c).clone();
                super::to_hash(&second).split('&').filter(|kv| !kv.starts_with("lang=")).collect::<Vec<_>>().join("&")
            })
        },
    ),
    key(
        "projector",
        1,
        false,
        |s, v| {
            s.projector = bool_of(v)?;
            Ok(())
        },
        |s| s.projector.then(|| "true".into()),
    ),
    key(
        "perf",
        1,
        false,
        |s, v| {
            s.show_performance = bool_of(v)?;
            Ok(())
        },
        |s| s.show_performance.then(|| "true".into()),
    ),
    key(
        "inspect",
        3,
        false,
        |s, v| {
            let (l, j) = v.split_once(',').ok_or(())?;
            let (l, j): (usize, usize) = (number(l)?, number(j)?);
            if s.neurons_in(l).is_some_and(|n| j < n) {
                s.inspect = Some((l, j));
                Ok(())
            } else {
                Err(())
            }
        },
        |s| s.inspect.map(|(l, j)| format!("{l},{j}")),
    ),
    key(
        "matrix",
        3,
        false,
        |s, v| {
            let l: usize = number(v)?;
            s.neurons_in(l).ok_or(())?;
            s.matrix = Some(l);
            Ok(())
        },
        |s| s.matrix.map(|l| l.to_string()),
    ),
    key(
        "backprop",
        1,
        false,
        |s, v| {
            s.backprop = bool_of(v)?;
            Ok(())
        },
        |s| s.backprop.then(|| "true".into()),
    ),
    key(
        "lang",
        1,
        false,
        |s, v| {
            s.lang = Lang::from_code(v).ok_or(())?;
            Ok(())
        },
        |s| Some(s.lang.code().into()),
    ),
];

/// Reads an axis's range, `min,max`, in the data's units.
fn read_range(axis: &mut Axis, v: &str) -> Result<(), ()> {
    let (lo, hi) = v.split_once(',').ok_or(())?;
    let (min, max) = (real(lo)?, real(hi)?);
    let range = Axis { name: String::new(), min, max };
    if !range.is_valid() {
        return Err(());
    }
    (axis.min, axis.max) = (min, max);
    Ok(())
}

/// An axis's range, where the user's points are shown in their own units.
fn write_range(s: &Settings, axis: &Axis) -> Option<String> {
    (s.config.data.dataset == Dataset::Custom && !axis.is_plane()).then(|| format!("{},{}", axis.min, axis.max))
}

/// An axis's name, where the user's points have one.
fn write_name(s: &Settings, axis: &Axis) -> Option<String> {
    (s.config.data.dataset == Dataset::Custom && !axis.name.is_empty()).then(|| axis.name.clone())
}

fn differs(value: Real, default: Real) -> Option<String> {
    (value != default).then(|| value.to_string())
}

/// The input features' keys (`x`, `y`, `xSquared`...): on or off, hideable, read after the
/// other keys of stage 1 so that turning them all off can be mended.
pub fn feature_keys() -> impl Iterator<Item = Feature> {
    Feature::ALL.into_iter()
}

/// Whether a feature is on when a link does not say.
pub fn feature_on_by_default(f: Feature) -> bool {
    matches!(f, Feature::X1 | Feature::X2)
}

/// Reads a feature's key. Like every key's reader it fails with `()`: the caller names the
/// key and its value in the repair, so the error itself carries nothing.
#[allow(clippy::result_unit_err)]
pub fn read_feature(s: &mut Settings, f: Feature, v: &str) -> Result<(), ()> {
    let on = bool_of(v)?;
    s.config.network.features.retain(|&g| g != f);
    if on {
        s.config.network.features.push(f);
        s.config.network.features.sort_by_key(|g| Feature::ALL.iter().position(|h| h == g));
    }
    Ok(())
}

/// Whether `name` is a key of the table, a feature or one TensorFlow Playground writes.
pub fn is_known(name: &str) -> bool {
    KEYS.iter().any(|k| k.name == name) || Feature::ALL.iter().any(|f| f.key() == name) || ACCEPTED_QUIETLY.contains(&name)
}

/// Whether `<control>_hide` names a control a teacher can hide.
pub fn is_hideable(control: &str) -> bool {
    KEYS.iter().any(|k| k.name == control && k.hideable) || CONTROLS.contains(&control) || Feature::ALL.iter().any(|f| f.key() == control)
}
