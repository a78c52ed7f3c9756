//! The link format: TensorFlow Playground's `#key=value&...` hash plus Neurona's own keys.
//! Reading never fails: each bad value falls back on its own and is listed as a `Repair`.

use super::i18n::Lang;
use super::state::{default_dataset, Settings, Speed, LEARNING_RATES, MAX_LAYERS, REGULARIZATION_RATES};
use crate::engine::limits::{self, nearest, Limit};
use crate::engine::config::{HiddenLayer, Monitor, Problem};
use crate::engine::{Activation, Dataset, Feature, Init, Loss, Optimizer, Point, Real, Regularization};

/// One value of a link that was not taken as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Repair {
    /// The key.
    pub key: String,
    /// The value as the link had it.
    pub given: String,
    /// The value used instead; `None` when the key was ignored.
    pub used: Option<String>,
}

/// Controls a teacher can hide with `<control>_hide=true` (besides input features).
pub const HIDEABLE: [&str; 15] = [
    "showTestData",
    "discretize",
    "playButton",
    "stepButton",
    "resetButton",
    "learningRate",
    "activation",
    "regularization",
    "regularizationRate",
    "problem",
    "dataset",
    "percTrainData",
    "noise",
    "batchSize",
    "numHiddenLayers",
];

/// Keys TensorFlow Playground writes that change nothing here.
const ACCEPTED_QUIETLY: [&str; 2] = ["collectStats", "tutorial"];

/// A 64-bit seed from TensorFlow Playground's decimal seed strings (or any text).
fn seed_from(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        // FNV-1a: a stable hash, so the same link gives the same data every time.
        text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
    })
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// Reads a link's hash (with or without the leading `#`). `lang` is used unless the link
/// has `lang=`.
pub fn parse(hash: &str, lang: Lang) -> (Settings, Vec<Repair>) {
    let mut s = Settings::new(lang);
    let mut repairs = Vec::new();
    let c = &mut s.config;
    let hash = hash.trim_start_matches('#');
    let pairs: Vec<(String, String)> = form_urlencoded::parse(hash.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let get = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut repair = |key: &str, given: &str, used: Option<String>| {
        repairs.push(Repair { key: key.into(), given: given.into(), used });
    };

    // Problem and data first: they decide which output fits.
    if let Some(v) = get("problem") {
        match v {
            "classification" => c.problem = Problem::Classification,
            "regression" => c.problem = Problem::Regression,
            _ => repair("problem", v, Some("classification".into())),
        }
    }
    if let Some(v) = get("classes") {
        match v.parse::<i64>() {
            Ok(k) => {
                c.classes = limits::CLASSES.whole(k) as usize;
                if c.classes as i64 != k {
                    repair("classes", v, Some(c.classes.to_string()));
                }
            }
            Err(_) => repair("classes", v, Some("2".into())),
        }
    }
    if c.problem == Problem::Regression && c.classes > 2 {
        // Classes mean nothing to a regression.
        repair("classes", &c.classes.to_string(), Some("2".into()));
        c.classes = 2;
    }
    let dataset_key = if c.problem == Problem::Regression { "regDataset" } else { "dataset" };
    if let Some(v) = get(dataset_key) {
        let fits = |d: Dataset| {
            d.is_regression() == (c.problem == Problem::Regression)
                && (c.classes <= 2 || matches!(d, Dataset::Blobs | Dataset::Spiral | Dataset::Custom))
        };
        match Dataset::from_name(v) {
            Some(d) if fits(d) => c.dataset = d,
            _ => {
                let fallback = default_dataset(c);
                c.dataset = fallback;
                repair(dataset_key, v, Some(fallback.name().into()));
            }
        }
    } else {
        c.dataset = default_dataset(c);
    }
    if c.problem == Problem::Regression {
        c.output = Activation::Linear;
    } else if c.classes > 2 {
        c.output = Activation::Softmax;
        c.loss = Loss::SoftmaxCe;
    }

    // Numbers with ranges.
    let mut int = |limit: &Limit, target: &mut i64| {
        let key = limit.key;
        if let Some(v) = get(key) {
            match v.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => {
                    let clamped = limit.whole(x.round() as i64);
                    if clamped as f64 != x {
                        repair(key, v, Some(clamped.to_string()));
                    }
                    *target = clamped;
                }
                _ => repair(key, v, Some(target.to_string())),
            }
        }
    };
    let mut noise = c.noise as i64;
    int(&limits::NOISE, &mut noise);
    let mut batch = c.batch_size as i64;
    int(&limits::BATCH_SIZE, &mut batch);
    let mut val = c.percent_val as i64;
    int(&limits::PERCENT_VAL, &mut val);
    let mut train = c.percent_train as i64;
    int(&limits::PERCENT_TRAIN, &mut train);
    let mut patience = c.early_stopping.patience as i64;
    int(&limits::PATIENCE, &mut patience);
    c.noise = noise as u32;
    c.batch_size = batch as usize;
    c.percent_val = val as u32;
    if train + val > 100 {
        let fixed = 100 - val;
        repair("percTrainData", &train.to_string(), Some(fixed.to_string()));
        train = fixed;
    }
    c.percent_train = train as u32;
    c.early_stopping.patience = patience as u32;

    // A real number, made acceptable by `fix` (snapped to a menu's values or clamped).
    let mut real = |key: &str, fix: &dyn Fn(Real) -> Real, target: &mut Real| {
        if let Some(v) = get(key) {
            match v.trim().parse::<Real>() {
                Ok(x) if x.is_finite() => {
                    let n = fix(x);
                    if n != x {
                        repair(key, v, Some(n.to_string()));
                    }
                    *target = n;
                }
                _ => repair(key, v, Some(target.to_string())),
            }
        }
    };
    real("learningRate", &|x| nearest(&LEARNING_RATES, x), &mut c.learning_rate);
    real("regularizationRate", &|x| nearest(&REGULARIZATION_RATES, x), &mut c.regularization_rate);
    let mut real_range = |limit: &Limit, target: &mut Real| real(limit.key, &|x: Real| limit.real(x), target);
    real_range(&limits::MOMENTUM, &mut c.momentum);
    real_range(&limits::RHO, &mut c.rho);
    real_range(&limits::BETA1, &mut c.beta1);
    real_range(&limits::BETA2, &mut c.beta2);
    real_range(&limits::INIT_SIGMA, &mut c.init_sigma);
    real_range(&limits::LEAKY_SLOPE, &mut c.leaky_slope);
    real_range(&limits::MIN_DELTA, &mut c.early_stopping.min_delta);

    if let Some(v) = get("seed") {
        c.seed = seed_from(v);
    }

    // Names.
    if let Some(v) = get("regularization") {
        match Regularization::from_name(v) {
            Some(r) => c.regularization = r,
            None => repair("regularization", v, Some("none".into())),
        }
    }
    if let Some(v) = get("optimizer") {
        match Optimizer::from_name(v) {
            Some(o) => c.optimizer = o,
            None => repair("optimizer", v, Some("sgd".into())),
        }
    }
    if let Some(v) = get("init") {
        match Init::from_name(v) {
            Some(i) => c.init = i,
            None => repair("init", v, Some("playground".into())),
        }
    }
    if let Some(v) = get("monitor") {
        match v {
            "val" => c.early_stopping.monitor = Monitor::Val,
            "train" => c.early_stopping.monitor = Monitor::Train,
            _ => repair("monitor", v, Some("val".into())),
        }
    }

    // Network shape and activations.
    if let Some(v) = get("networkShape") {
        let mut layers = Vec::new();
        let mut bad = false;
        for part in v.split(',').filter(|p| !p.trim().is_empty()) {
            match part.trim().parse::<i64>() {
                Ok(n) => {
                    let k = limits::NEURONS.whole(n) as usize;
                    bad |= k as i64 != n;
                    layers.push(k);
                }
                Err(_) => bad = true,
            }
        }
        if layers.len() > MAX_LAYERS {
            layers.truncate(MAX_LAYERS);
            bad = true;
        }
        let shape: Vec<String> = layers.iter().map(|n| n.to_string()).collect();
        if bad {
            repair("networkShape", v, Some(shape.join(",")));
        }
        c.hidden = layers.into_iter().map(|n| HiddenLayer { neurons: n, ..HiddenLayer::default() }).collect();
    }
    if let Some(v) = get("activation") {
        match Activation::from_name(v).filter(|a| Activation::HIDDEN.contains(a)) {
            Some(a) => c.hidden.iter_mut().for_each(|h| h.activation = a),
            None => repair("activation", v, Some("tanh".into())),
        }
    }
    if let Some(v) = get("layerActivations") {
        let names: Vec<&str> = v.split(',').collect();
        let mut bad = names.len() != c.hidden.len();
        for (h, name) in c.hidden.iter_mut().zip(&names) {
            match Activation::from_name(name).filter(|a| Activation::HIDDEN.contains(a)) {
                Some(a) => h.activation = a,
                None => bad = true,
            }
        }
        if bad {
            let used: Vec<&str> = c.hidden.iter().map(|h| h.activation.name()).collect();
            repair("layerActivations", v, Some(used.join(",")));
        }
    }
    if let Some(v) = get("dropout") {
        let rates: Vec<&str> = v.split(',').collect();
        let mut bad = rates.len() != c.hidden.len();
        for (h, r) in c.hidden.iter_mut().zip(&rates) {
            match r.trim().parse::<Real>() {
                Ok(x) if limits::DROPOUT.holds(x as f64) => h.dropout = x,
                Ok(x) if x.is_finite() => {
                    h.dropout = limits::DROPOUT.real(x);
                    bad = true;
                }
                _ => bad = true,
            }
        }
        if bad {
            let used: Vec<String> = c.hidden.iter().map(|h| h.dropout.to_string()).collect();
            repair("dropout", v, Some(used.join(",")));
        }
    }
    if let Some(v) = get("output") {
        match Activation::from_name(v).filter(|a| Activation::OUTPUT.contains(a)) {
            Some(a) if c.problem == Problem::Regression && a != Activation::Linear => {
                repair("output", v, Some("linear".into()))
            }
            Some(a) if c.classes > 2 && a != Activation::Softmax => repair("output", v, Some("softmax".into())),
            Some(Activation::Softmax) if c.classes <= 2 => repair("output", v, Some(c.output.name().into())),
            Some(a) => c.output = a,
            None => repair("output", v, Some(c.output.name().into())),
        }
    }
    match get("loss") {
        Some(v) => match Loss::from_name(v) {
            Some(l) if l.pairs_with(c.output) => c.loss = l,
            _ => {
                c.loss = Loss::default_for(c.output);
                repair("loss", v, Some(c.loss.name().into()));
            }
        },
        None => c.loss = Loss::default_for(c.output),
    }

    // The user's points: x,y,label;x,y,label...
    if let Some(v) = get("points") {
        let mut bad = false;
        for item in v.split(';').filter(|i| !i.is_empty()) {
            let nums: Vec<Real> = item.split(',').filter_map(|n| n.trim().parse::<Real>().ok()).filter(|n| n.is_finite()).collect();
            match nums[..] {
                [x, y, label] => {
                    let label = if c.classes > 2 { label.round().clamp(0.0, (c.classes - 1) as Real) } else if label > 0.0 { 1.0 } else { -1.0 };
                    c.custom_points.push(Point { x: x.clamp(-6.0, 6.0), y: y.clamp(-6.0, 6.0), label });
                }
                _ => bad = true,
            }
        }
        if bad {
            repair("points", v, Some(points_value(&c.custom_points)));
        }
    }
    if c.dataset == Dataset::Custom && c.custom_points.is_empty() && get("points").is_none() {
        c.dataset = default_dataset(c);
    }
    if c.dataset != Dataset::Custom && !c.custom_points.is_empty() {
        // Points only matter for the user's own data set.
        c.custom_points.clear();
        if let Some(v) = get("points") {
            repair("points", v, None);
        }
    }

    // Switches.
    let mut features = Vec::new();
    for f in Feature::ALL {
        let default_on = matches!(f, Feature::X1 | Feature::X2);
        let on = match get(f.key()) {
            Some(v) => parse_bool(v).unwrap_or_else(|| {
                repair(f.key(), v, Some(default_on.to_string()));
                default_on
            }),
            None => default_on,
        };
        if on {
            features.push(f);
        }
    }
    if features.is_empty() {
        repair("x", "false", Some("true".into()));
        features.push(Feature::X1);
    }
    c.features = features;
    let mut flag = |key: &str, target: &mut bool| {
        if let Some(v) = get(key) {
            match parse_bool(v) {
                Some(b) => *target = b,
                None => repair(key, v, Some(target.to_string())),
            }
        }
    };
    flag("shuffle", &mut c.shuffle);
    flag("earlyStopping", &mut c.early_stopping.enabled);
    let mut init_zero = false;
    flag("initZero", &mut init_zero);
    if init_zero {
        c.init = Init::Zeros;
    }
    flag("showTestData", &mut s.show_test);
    flag("discretize", &mut s.discretize);
    flag("hideText", &mut s.hide_text);
    flag("perf", &mut s.show_performance);
    if let Some(v) = get("lang") {
        match Lang::from_code(v) {
            Some(l) => s.lang = l,
            None => repair("lang", v, Some(s.lang.code().into())),
        }
    }
    if let Some(v) = get("speed") {
        match Speed::from_code(v) {
            Some(sp) => s.speed = sp,
            None => repair("speed", v, Some("1".into())),
        }
    }

    // Hidden controls, and anything unknown.
    for (k, v) in &pairs {
        if let Some(control) = k.strip_suffix("_hide") {
            let known = HIDEABLE.contains(&control) || Feature::ALL.iter().any(|f| f.key() == control);
            match (known, parse_bool(v)) {
                (true, Some(true)) => {
                    s.hidden_controls.insert(control.to_string());
                }
                (true, Some(false)) => {}
                _ => repairs.push(Repair { key: k.clone(), given: v.clone(), used: None }),
            }
        } else if !is_known_key(k) {
            repairs.push(Repair { key: k.clone(), given: v.clone(), used: None });
        }
    }
    (s, repairs)
}

/// The user's points as a link value, coordinates to two decimals.
fn points_value(points: &[Point]) -> String {
    let num = |v: Real| {
        let t = format!("{:.2}", v);
        let t = t.trim_end_matches('0').trim_end_matches('.').to_string();
        if t == "-0" { "0".to_string() } else { t }
    };
    points.iter().map(|p| format!("{},{},{}", num(p.x), num(p.y), num(p.label))).collect::<Vec<_>>().join(";")
}

fn is_known_key(k: &str) -> bool {
    const KEYS: [&str; 40] = [
        "leakySlope", "minDelta",
        "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
        "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
        "percTrainData", "problem", "initZero", "hideText", "lang", "speed", "perf", "classes",
        "percValData", "patience", "momentum", "rho", "beta1", "beta2", "initSigma", "optimizer",
        "init", "monitor", "layerActivations", "dropout", "output", "loss", "shuffle",
        "earlyStopping", "collectStats", "tutorial",
    ];
    KEYS.contains(&k) || k == "points" || ACCEPTED_QUIETLY.contains(&k) || Feature::ALL.iter().any(|f| f.key() == k)
}

/// Writes the settings as a hash (without `#`): every key TensorFlow Playground writes, then
/// Neurona's own keys where they differ from the default.
pub fn to_hash(s: &Settings) -> String {
    let c = &s.config;
    let d = crate::engine::Config::default();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: String| out.push((k.to_string(), v));
    let first = c.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh);
    put("activation", first.name().into());
    put("batchSize", c.batch_size.to_string());
    let (dataset, reg_dataset) = if c.problem == Problem::Regression {
        ("circle", c.dataset.name())
    } else {
        (c.dataset.name(), "reg-plane")
    };
    put("dataset", dataset.into());
    put("regDataset", reg_dataset.into());
    put("learningRate", c.learning_rate.to_string());
    put("regularizationRate", c.regularization_rate.to_string());
    put("noise", c.noise.to_string());
    put("networkShape", c.hidden.iter().map(|h| h.neurons.to_string()).collect::<Vec<_>>().join(","));
    put("seed", c.seed.to_string());
    put("showTestData", s.show_test.to_string());
    put("discretize", s.discretize.to_string());
    put("percTrainData", c.percent_train.to_string());
    for f in Feature::ALL {
        put(f.key(), c.features.contains(&f).to_string());
    }
    put("collectStats", "false".into());
    put("problem", if c.problem == Problem::Regression { "regression" } else { "classification" }.into());
    put("initZero", (c.init == Init::Zeros).to_string());
    put("hideText", s.hide_text.to_string());
    put("regularization", c.regularization.name().into());
    for control in &s.hidden_controls {
        put(&format!("{control}_hide"), "true".into());
    }
    // Neurona's keys.
    if c.hidden.iter().any(|h| h.activation != first) {
        put("layerActivations", c.hidden.iter().map(|h| h.activation.name()).collect::<Vec<_>>().join(","));
    }
    if c.hidden.iter().any(|h| h.dropout > 0.0) {
        put("dropout", c.hidden.iter().map(|h| h.dropout.to_string()).collect::<Vec<_>>().join(","));
    }
    if c.classes != d.classes {
        put("classes", c.classes.to_string());
    }
    let default_output = if c.problem == Problem::Regression { Activation::Linear } else if c.classes > 2 { Activation::Softmax } else { Activation::Tanh };
    if c.output != default_output {
        put("output", c.output.name().into());
    }
    if c.loss != Loss::default_for(c.output) {
        put("loss", c.loss.name().into());
    }
    if c.optimizer != d.optimizer {
        put("optimizer", c.optimizer.name().into());
    }
    for (k, v, dv) in [("momentum", c.momentum, d.momentum), ("rho", c.rho, d.rho), ("beta1", c.beta1, d.beta1), ("beta2", c.beta2, d.beta2), ("initSigma", c.init_sigma, d.init_sigma), ("leakySlope", c.leaky_slope, d.leaky_slope)] {
        if v != dv {
            put(k, v.to_string());
        }
    }
    if c.init != d.init && c.init != Init::Zeros {
        put("init", c.init.name().into());
    }
    if c.shuffle {
        put("shuffle", "true".into());
    }
    if c.percent_val != 0 {
        put("percValData", c.percent_val.to_string());
    }
    if c.early_stopping.enabled {
        put("earlyStopping", "true".into());
    }
    let de = d.early_stopping;
    if c.early_stopping.patience != de.patience || c.early_stopping.enabled {
        put("patience", c.early_stopping.patience.to_string());
    }
    if c.early_stopping.monitor != de.monitor || c.early_stopping.enabled {
        put("monitor", if c.early_stopping.monitor == Monitor::Val { "val" } else { "train" }.into());
    }
    if c.early_stopping.min_delta != de.min_delta {
        put("minDelta", c.early_stopping.min_delta.to_string());
    }
    if c.dataset == Dataset::Custom {
        put("points", points_value(&c.custom_points));
    }
    if s.speed != Speed::Epochs(1) {
        put("speed", s.speed.code());
    }
    if s.show_performance {
        put("perf", "true".into());
    }
    put("lang", s.lang.code().into());
    out.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link as playground.tensorflow.org writes it, for its largest setup.
    const TFP_LARGEST: &str = "#activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=8,8,8,8,8,8&seed=0.81263&showTestData=false&discretize=false&percTrainData=90&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false";

    #[test]
    fn a_tensorflow_playground_link_opens_the_same_setup() {
        let (s, repairs) = parse(TFP_LARGEST, Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        let c = &s.config;
        assert_eq!(c.dataset, Dataset::Spiral);
        assert_eq!(c.hidden.len(), 6);
        assert!(c.hidden.iter().all(|h| h.neurons == 8 && h.activation == Activation::Tanh));
        assert_eq!(c.percent_train, 90);
        assert_eq!(c.features.len(), 7);
        assert!(!c.features.contains(&Feature::CosX1));
        assert_eq!(c.learning_rate, 0.03);
        assert_eq!(c.output, Activation::Tanh);
        // The same seed text gives the same seed every time.
        assert_eq!(parse(TFP_LARGEST, Lang::Es).0.config.seed, c.seed);
    }

    #[test]
    fn regression_links_and_teacher_hides_are_understood() {
        let (s, repairs) = parse(
            "problem=regression&regDataset=reg-gauss&dataset=circle&networkShape=&activation=relu&hideText=true&noise_hide=true&x_hide=true&playButton_hide=false",
            Lang::En,
        );
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(s.config.dataset, Dataset::RegGauss);
        assert_eq!(s.config.output, Activation::Linear);
        assert!(s.config.hidden.is_empty());
        assert!(s.hide_text);
        assert!(!s.shows("noise") && !s.shows("x") && s.shows("playButton"));
    }

    #[test]
    fn settings_round_trip_through_the_hash() {
        let mut s = Settings::new(Lang::Es);
        s.config.dataset = Dataset::LogicXor;
        s.config.noise = 15;
        s.config.hidden = vec![
            HiddenLayer { neurons: 3, activation: Activation::Relu, dropout: 0.5 },
            HiddenLayer { neurons: 1, activation: Activation::Elu, dropout: 0.0 },
        ];
        s.config.output = Activation::Sigmoid;
        s.config.loss = Loss::Bce;
        s.config.optimizer = Optimizer::Adam;
        s.config.percent_train = 70;
        s.config.percent_val = 15;
        s.config.early_stopping.enabled = true;
        s.config.early_stopping.min_delta = 0.001;
        s.config.leaky_slope = 0.2;
        s.config.features.push(Feature::CosX2);
        s.config.seed = 12345;
        s.show_test = true;
        s.speed = Speed::Max;
        s.hidden_controls.insert("noise".into());
        let hash = to_hash(&s);
        let (back, repairs) = parse(&hash, Lang::En);
        assert!(repairs.is_empty(), "{repairs:?} from {hash}");
        assert_eq!(back, s);
        // The default setup too, and the hash is stable.
        let d = Settings::new(Lang::En);
        assert_eq!(parse(&to_hash(&d), Lang::En).0, d);
        assert_eq!(to_hash(&parse(&to_hash(&s), Lang::En).0), hash);
    }

    #[test]
    fn bad_values_fall_back_one_by_one_and_are_reported() {
        let (s, repairs) = parse(
            "noise=2000&batchSize=abc&dataset=moon&learningRate=0.05&networkShape=4,99,x&activation=softmax&bogus=1&x=maybe&lang=fr&percTrainData=5",
            Lang::En,
        );
        let c = &s.config;
        assert_eq!(c.noise, 50);
        assert_eq!(c.batch_size, 10);
        assert_eq!(c.dataset, Dataset::Circle);
        assert_eq!(c.learning_rate, 0.03, "0.05 snaps to the nearest offered rate");
        assert_eq!(c.hidden.iter().map(|h| h.neurons).collect::<Vec<_>>(), vec![4, 8]);
        assert!(c.hidden.iter().all(|h| h.activation == Activation::Tanh));
        assert!(c.features.contains(&Feature::X1));
        assert_eq!(c.percent_train, 10);
        assert_eq!(s.lang, Lang::En);
        let keys: Vec<&str> = repairs.iter().map(|r| r.key.as_str()).collect();
        for k in ["noise", "batchSize", "dataset", "learningRate", "networkShape", "activation", "bogus", "x", "lang", "percTrainData"] {
            assert!(keys.contains(&k), "{k} not reported in {keys:?}");
        }
        assert_eq!(repairs.iter().find(|r| r.key == "bogus").unwrap().used, None);
        assert_eq!(repairs.iter().find(|r| r.key == "noise").unwrap().used.as_deref(), Some("50"));
        // The repaired values are what the hash then shows.
        let (again, none) = parse(&to_hash(&s), Lang::En);
        assert!(none.is_empty());
        assert_eq!(again, s);
    }

    #[test]
    fn drawn_points_travel_in_the_link() {
        let mut s = Settings::new(Lang::En);
        s.config.dataset = Dataset::Custom;
        s.config.custom_points = vec![Point { x: 1.25, y: -2.0, label: 1.0 }, Point { x: -3.5, y: 0.75, label: -1.0 }];
        let hash = to_hash(&s);
        assert!(hash.contains("points=1.25,-2,1;-3.5,0.75,-1"), "{hash}");
        let (back, repairs) = parse(&hash, Lang::En);
        assert!(repairs.is_empty());
        assert_eq!(back, s);
        let (bad, repairs) = parse("dataset=custom&points=1,2,1;oops;3,4", Lang::En);
        assert_eq!(bad.config.custom_points.len(), 1);
        assert_eq!(repairs[0].used.as_deref(), Some("1,2,1"));
    }

    #[test]
    fn any_value_a_control_accepts_reopens_from_the_link_without_a_repair() {
        use super::super::state::{Action, AppState, OptimizerParam};
        // Values past every end of every range, as typed into the number fields.
        for x in [-5.0, 0.0, 0.9995, 1.0, 7.5, 1e6] {
            let mut s = AppState::new(Settings::new(Lang::En)).apply(Action::SetOptimizer(Optimizer::Adam));
            for p in [OptimizerParam::Momentum, OptimizerParam::Rho, OptimizerParam::Beta1, OptimizerParam::Beta2] {
                s = s.apply(Action::SetOptimizerParam(p, x));
            }
            for a in [
                Action::SetLeakySlope(x),
                Action::SetMinDelta(x),
                Action::SetInitSigma(x),
                Action::SetLearningRate(x),
                Action::SetRegularizationRate(x),
                Action::SetPatience(x.max(0.0) as u32),
                Action::SetPercentVal(x.max(0.0) as u32),
                Action::SetNoise(x.max(0.0) as u32),
                Action::SetDropout(0, x),
            ] {
                s = s.apply(a);
            }
            let (back, repairs) = parse(&to_hash(&s.settings), Lang::En);
            assert!(repairs.is_empty(), "{x}: {repairs:?}");
            assert_eq!(back, s.settings, "{x}");
        }
    }

    #[test]
    fn garbage_never_panics() {
        for junk in ["", "#", "&&&", "=", "a=b=c", "%zz%", "%é1=2", "noise=%", "x=%e", "networkShape=,,,", "seed=", "classes=99&dataset=xor", "loss=bce", "%E2%82%AC=1"] {
            let (s, _) = parse(junk, Lang::En);
            assert!(s.config.validate().is_ok(), "{junk}: {:?}", s.config.validate());
        }
    }

    #[test]
    fn any_hash_gives_a_valid_setup_whose_link_is_stable() {
        // Random hashes built from real keys and hostile values.
        let keys = ["activation", "networkShape", "dataset", "regDataset", "problem", "classes", "output", "loss",
            "noise", "batchSize", "percTrainData", "percValData", "learningRate", "layerActivations", "dropout",
            "points", "seed", "x", "sinY", "initSigma", "speed", "lang", "patience", "noise_hide", "bogus"];
        let values = ["", "0", "-1", "1e9", "NaN", "inf", "3,8,x", ",,", "softmax", "step", "relu", "regression",
            "reg-gauss", "spiral", "blobs", "custom", "4", "0.5,2", "1,2,3;4,5", "true", "maybe", "%", "%E2%82%AC", "bce", "max"];
        let mut rng = crate::engine::rng::Rng::new(11);
        for _ in 0..3000 {
            let n = 1 + rng.below(8);
            let hash: Vec<String> = (0..n).map(|_| format!("{}={}", keys[rng.below(keys.len())], values[rng.below(values.len())])).collect();
            let hash = hash.join("&");
            let (s, _) = parse(&hash, Lang::En);
            assert!(s.config.validate().is_ok(), "{hash}: {:?}", s.config.validate());
            let written = to_hash(&s);
            let (again, repairs) = parse(&written, Lang::En);
            assert!(repairs.is_empty(), "{hash} -> {written}: {repairs:?}");
            assert_eq!(again, s, "{hash} -> {written}");
        }
    }

    #[test]
    fn lesson_keys_are_read() {
        let (s, repairs) = parse(
            "dataset=logic-or&networkShape=&output=step&loss=half-mse&classes=2&optimizer=momentum&momentum=0.8&init=normal&initSigma=0.1&shuffle=true&percTrainData=70&percValData=15&earlyStopping=true&patience=5&monitor=train",
            Lang::En,
        );
        assert!(repairs.is_empty(), "{repairs:?}");
        let c = &s.config;
        assert!(c.is_perceptron());
        assert_eq!((c.optimizer, c.momentum, c.init, c.init_sigma), (Optimizer::Momentum, 0.8, Init::Normal, 0.1));
        assert!(c.shuffle && c.early_stopping.enabled);
        assert_eq!((c.percent_train, c.percent_val, c.early_stopping.patience), (70, 15, 5));
        assert_eq!(c.early_stopping.monitor, Monitor::Train);
        let (s, _) = parse("classes=3&dataset=spiral", Lang::En);
        assert_eq!((s.config.output, s.config.loss, s.config.dataset), (Activation::Softmax, Loss::SoftmaxCe, Dataset::Spiral));
    }
}
