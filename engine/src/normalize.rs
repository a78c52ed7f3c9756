//! Bringing any configuration within the playground's limits and rules, saying what changed:
//! links and opened model files both go through it, so they are held to the same limits as
//! the controls.

use super::axes::{Axes, Axis};
use super::config::{Config, Problem};
use super::data::Point;
use super::limits::{self, Limit};
use super::{Activation, Dataset, Feature, Loss, Real};

/// Neurons as links write them: `layer,neuron;...`, hidden layers from 1, neurons from 0.
pub fn neuron_list(list: &[(usize, usize)]) -> String {
    list.iter().map(|(l, j)| format!("{},{j}", l + 1)).collect::<Vec<_>>().join(";")
}

/// One value that was not taken as given (from a link, a file or the setup's own rules): the
/// setting by its link key, the value as given, and the value used instead (`None` when the
/// key was ignored).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Repair {
    /// The setting, by its link key.
    pub key: String,
    /// The value as given.
    pub given: String,
    /// The value used instead; `None` when the key was ignored.
    pub used: Option<String>,
}

impl Config {
    /// The output activations that fit: softmax for K classes, linear or tanh for regression,
    /// and the single-output ones for two classes.
    pub fn valid_outputs(&self) -> Vec<Activation> {
        match (self.data.problem, self.data.classes > 2) {
            (Problem::Regression, _) => vec![Activation::Linear, Activation::Tanh],
            (_, true) => vec![Activation::Softmax],
            _ => vec![Activation::Tanh, Activation::Sigmoid, Activation::Step, Activation::Linear, Activation::Softmax],
        }
    }

    /// The data set this setup falls back on: the plane for regression, blobs for more than
    /// two classes, the circle otherwise.
    pub fn default_dataset(&self) -> Dataset {
        match (self.data.problem, self.data.classes > 2) {
            (Problem::Regression, _) => Dataset::RegPlane,
            (_, true) => Dataset::Blobs,
            _ => Dataset::Circle,
        }
    }

    /// Whether a data set fits the problem and the number of classes.
    pub fn fits(&self, d: Dataset) -> bool {
        // A table predicts classes or a value as its columns were chosen (see `table::check`).
        if d == Dataset::Table {
            return self.data.table.is_some();
        }
        d.is_regression() == (self.data.problem == Problem::Regression)
            && (self.data.classes <= 2 || Dataset::MULTICLASS.contains(&d) || d == Dataset::Custom || d.is_vectors())
    }

    /// Brings every value within its limit and every part in line with the others (data set,
    /// output and loss that fit; the user's points within the plane and their classes); returns what
    /// changed. A normalized configuration passes [`Config::validate`] and stays as it is.
    pub fn normalize(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        let mut note = |field: &'static str, old: String, new: String| {
            if old != new {
                repairs.push(Repair { key: field.into(), given: old, used: Some(new) });
            }
        };
        let c = self;
        // The digits' classes are the digits chosen (a choice that is not one takes all ten).
        let mut digit_classes = (c.data.dataset == Dataset::Digits && c.data.problem == Problem::Classification).then(|| {
            if !crate::vectors::valid_choice(&c.data.digits) {
                let all = crate::config::ALL_DIGITS.to_vec();
                note("digits", format!("{:?}", c.data.digits), format!("{all:?}"));
                c.data.digits = all;
            }
            c.data.digits.len()
        });
        // A table is kept while its data are trained on (another data set chosen, it goes).
        if c.data.dataset != Dataset::Table {
            c.data.table = None;
        }
        // A choice of digits means nothing for other data: it goes back to all ten.
        if c.data.dataset != Dataset::Digits {
            c.data.digits = crate::config::ALL_DIGITS.to_vec();
        }
        // A table's problem and classes are what its label column was chosen as.
        if let (Dataset::Table, Some(t)) = (c.data.dataset, c.data.table.as_ref()) {
            let problem = if t.predict == Some(crate::table::Predict::Value) { Problem::Regression } else { Problem::Classification };
            if problem != c.data.problem {
                let word = |p: Problem| if p == Problem::Regression { "regression" } else { "classification" };
                note("problem", word(c.data.problem).into(), word(problem).into());
                c.data.problem = problem;
            }
            digit_classes = (problem == Problem::Classification).then_some(t.classes.len());
        }
        let mut whole = |limit: &Limit, value: &mut i64| {
            let fixed = limit.whole(*value);
            note(limit.key, value.to_string(), fixed.to_string());
            *value = fixed;
        };
        let mut classes = c.data.classes as i64;
        match digit_classes {
            Some(k) => whole(&Limit { min: k as f64, max: k as f64, ..limits::CLASSES }, &mut classes),
            None => whole(&limits::CLASSES, &mut classes),
        }
        let (mut noise, mut train, mut val) = (c.data.noise as i64, c.data.percent_train as i64, c.data.percent_val as i64);
        whole(&limits::NOISE, &mut noise);
        whole(&limits::PERCENT_VAL, &mut val);
        whole(&limits::PERCENT_TRAIN, &mut train);
        let (mut batch, mut patience) = (c.training.batch_size.min(i64::MAX as usize) as i64, c.training.early_stopping.patience as i64);
        whole(&limits::BATCH_SIZE, &mut batch);
        whole(&limits::PATIENCE, &mut patience);
        (c.data.noise, c.data.percent_val, c.training.batch_size, c.training.early_stopping.patience) =
            (noise as u32, val as u32, batch as usize, patience as u32);
        if train + val > 100 {
            note(limits::PERCENT_TRAIN.key, train.to_string(), (100 - val).to_string());
            train = 100 - val;
        }
        c.data.percent_train = train as u32;
        let defaults = Config::default();
        let mut real = |limit: &Limit, value: &mut Real, default: Real| {
            let fixed = if value.is_finite() { limit.real(*value) } else { default };
            note(limit.key, value.to_string(), fixed.to_string());
            *value = fixed;
        };
        real(&limits::MOMENTUM, &mut c.training.momentum, defaults.training.momentum);
        real(&limits::RHO, &mut c.training.rho, defaults.training.rho);
        real(&limits::BETA1, &mut c.training.beta1, defaults.training.beta1);
        real(&limits::BETA2, &mut c.training.beta2, defaults.training.beta2);
        real(&limits::INIT_SIGMA, &mut c.network.init_sigma, defaults.network.init_sigma);
        real(&limits::LEAKY_SLOPE, &mut c.training.leaky_slope, defaults.training.leaky_slope);
        real(&limits::MIN_DELTA, &mut c.training.early_stopping.min_delta, defaults.training.early_stopping.min_delta);
        let mut menu = |key: &'static str, list: &[Real], value: &mut Real, default: Real| {
            let fixed = if value.is_finite() { limits::nearest(list, *value) } else { default };
            note(key, value.to_string(), fixed.to_string());
            *value = fixed;
        };
        menu("learningRate", &limits::LEARNING_RATES, &mut c.training.learning_rate, defaults.training.learning_rate);
        menu("regularizationRate", &limits::REGULARIZATION_RATES, &mut c.training.regularization_rate, defaults.training.regularization_rate);

        // Problem, classes, data.
        if c.data.problem == Problem::Regression && classes != 2 {
            note(limits::CLASSES.key, classes.to_string(), "2".into());
            classes = 2;
        }
        c.data.classes = classes as usize;
        if !c.fits(c.data.dataset) {
            let fallback = c.default_dataset();
            let key = if c.data.problem == Problem::Regression { "regDataset" } else { "dataset" };
            note(key, c.data.dataset.name().into(), fallback.name().into());
            c.data.dataset = fallback;
        }
        // A TensorFlow Playground seed too long to be one (a model file's, say) is not kept.
        if c.data.playground_seed.as_ref().is_some_and(|p| p.len() > limits::PLAYGROUND_SEED_CHARS) {
            let long = c.data.playground_seed.take().unwrap_or_default();
            note("seed", long, c.data.seed.to_string());
        }
        // The axes of the user's points: a range that cannot be shown becomes the plane's.
        for ((key, name_key), axis) in [(("x1Range", "x1Name"), &mut c.data.axes.x), (("x2Range", "x2Name"), &mut c.data.axes.y)] {
            let kept: Vec<char> = axis.name.chars().filter(|c| !c.is_control()).collect();
            let name: String = kept.iter().take(crate::axes::MAX_NAME_CHARS).collect();
            // A name cut to its limit is said (a name only rid of control characters is not).
            if kept.len() > crate::axes::MAX_NAME_CHARS {
                note(name_key, std::mem::take(&mut axis.name), name.clone());
            }
            axis.name = name;
            if !axis.is_valid() {
                let plane = crate::axes::Axis { name: std::mem::take(&mut axis.name), ..Default::default() };
                note(key, format!("{},{}", axis.min, axis.max), format!("{},{}", plane.min, plane.max));
                *axis = plane;
            }
        }
        let k = c.data.classes;
        let axes = &c.data.axes;
        let fitted: Vec<Point> = c
            .data
            .custom_points
            .iter()
            .filter(|p| p.x.is_finite() && p.y.is_finite() && p.label.is_finite())
            .map(|p| Point { x: axes.x.fit(p.x), y: axes.y.fit(p.y), label: fit_label(p.label, k) })
            .collect();
        if fitted != c.data.custom_points {
            // A long list is named by its size: a repair is read, not scrolled.
            let say = |points: &[Point]| if points.len() > 20 { format!("{} points", points.len()) } else { points_text(points, axes) };
            note("points", say(&c.data.custom_points), say(&fitted));
            c.data.custom_points = fitted;
        }
        // Whatever brought them (a link, a CSV, a model file, this browser's storage), the
        // user's points are held to the number the playground takes.
        if c.data.custom_points.len() > limits::MAX_POINTS {
            let total = c.data.custom_points.len();
            c.data.custom_points = thin_evenly(std::mem::take(&mut c.data.custom_points), limits::MAX_POINTS);
            note("points", format!("{total} points"), format!("{} points, evenly spread", limits::MAX_POINTS));
        }

        // Network. Each feature once, in the input column's order.
        let mut features = c.network.features.clone();
        Feature::in_order(&mut features);
        if features != c.network.features {
            let keys = |fs: &[Feature]| fs.iter().map(|f| f.key()).collect::<Vec<_>>().join(",");
            note("features", keys(&c.network.features), keys(&features));
            c.network.features = features;
        }
        // The typed feature is there only with its formula.
        if c.network.formula.is_none() && c.network.features.contains(&Feature::Custom) {
            c.network.features.retain(|&f| f != Feature::Custom);
            note(Feature::Custom.key(), "true".into(), "false".into());
        }
        if c.network.features.is_empty() {
            note(Feature::X1.key(), "false".into(), "true".into());
            c.network.features.push(Feature::X1);
        }
        let shape = |c: &Config| c.network.hidden.iter().map(|h| h.neurons.to_string()).collect::<Vec<_>>().join(",");
        let before = shape(c);
        c.network.hidden.truncate(limits::LAYERS.max as usize);
        for h in &mut c.network.hidden {
            let most = if c.data.dataset.is_vectors() { &limits::VECTOR_NEURONS } else { &limits::NEURONS };
            h.neurons = most.whole(h.neurons.min(i64::MAX as usize) as i64) as usize;
        }
        note(limits::NEURONS.key, before, shape(c));
        let activations = |c: &Config| c.network.hidden.iter().map(|h| h.activation.name()).collect::<Vec<_>>().join(",");
        let before = activations(c);
        for h in &mut c.network.hidden {
            if !Activation::HIDDEN.contains(&h.activation) {
                h.activation = Activation::Tanh;
            }
        }
        note("layerActivations", before, activations(c));
        // Dropout rates: one per hidden layer at most, within range; written without the
        // trailing zeros (a layer without a rate has none).
        let canonical = |rates: &[Real]| {
            let mut r = rates.to_vec();
            while r.last() == Some(&0.0) {
                r.pop();
            }
            r.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")
        };
        let before = canonical(&c.training.dropout);
        c.training.dropout.truncate(c.network.hidden.len());
        for r in &mut c.training.dropout {
            *r = if r.is_finite() { limits::DROPOUT.real(*r) } else { 0.0 };
        }
        while c.training.dropout.last() == Some(&0.0) {
            c.training.dropout.pop();
        }
        note(limits::DROPOUT.key, before, canonical(&c.training.dropout));
        // Neurons switched off or frozen: only those the network has, each once.
        let hidden = &c.network.hidden;
        for (key, list) in [("off", &mut c.training.off), ("frozen", &mut c.training.frozen)] {
            let before = neuron_list(list);
            list.retain(|&(l, j)| hidden.get(l).is_some_and(|h| j < h.neurons));
            list.sort_unstable();
            list.dedup();
            note(key, before, neuron_list(list));
        }
        let outputs = c.valid_outputs();
        if !outputs.contains(&c.network.output) {
            let fallback = c.default_output();
            note("output", c.network.output.name().into(), fallback.name().into());
            c.network.output = fallback;
        }
        if !c.training.loss.pairs_with(c.network.output) {
            let fallback = Loss::default_for(c.network.output);
            note("loss", c.training.loss.name().into(), fallback.name().into());
            c.training.loss = fallback;
        }
        repairs
    }
}

/// A point's label for `k` classes: a class index for more than two, ±1 for two.
fn fit_label(label: Real, k: usize) -> Real {
    use crate::predict::{class_of, label_of};
    // Several classes: the nearest class; two: the sign.
    label_of(class_of(if k > 2 { label.round() } else { label }, k), k)
}

/// Points as a link writes them, coordinates to the precision their axes keep (two
/// decimals on the plane): x,y,label;x,y,label...
pub fn points_text(points: &[Point], axes: &Axes) -> String {
    let label = Axis { min: -1.0, max: 1.0, ..Axis::default() };
    points.iter().map(|p| format!("{},{},{}", axes.x.format(p.x), axes.y.format(p.y), label.format(p.label))).collect::<Vec<_>>().join(";")
}

/// At most `max` of `points`, evenly spread: point i * total / max for each i.
pub fn thin_evenly(points: Vec<Point>, max: usize) -> Vec<Point> {
    let total = points.len();
    if total <= max {
        return points;
    }
    (0..max).map(|i| points[i * total / max]).collect()
}

/// A name for a set of the user's points kept in the browser (for `points=page:NAME`): a
/// hash of their text (FNV-1a, 64 bits, in hex), so different sets never share a name and
/// one page never overwrites the points another link names.
pub fn points_key(points: &[Point], axes: &crate::axes::Axes) -> String {
    let text = points_text(points, axes) + &format!("|{:?}", axes);
    let hash = crate::fingerprint::fnv1a_64(text.bytes());
    format!("{hash:016x}")
}
