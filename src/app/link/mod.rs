//! The link format: TensorFlow Playground's `#key=value&...` hash plus Neurona's own keys,
//! read and written by walking one table of keys ([`keys`]: TensorFlow Playground's, then
//! Neurona's own). Reading never fails: a
//! value that is not of its key's kind keeps the default, everything is then brought within
//! the playground's limits by `Config::normalize`, and each change is listed as a `Repair`.

mod data_keys;
mod network_keys;
mod own_keys;
mod tfp_keys;
mod values;
mod view_keys;

use crate::engine::Feature;
use crate::i18n::Lang;
use crate::settings::Settings;
use data_keys::DATA_KEYS;
use network_keys::NETWORK_KEYS;
use own_keys::{LATER_KEYS, OWN_KEYS};
use tfp_keys::TFP_KEYS;
use values::{feature_keys, feature_on_by_default, key, read_feature, Key, ACCEPTED_QUIETLY, CONTROLS};
use view_keys::VIEW_KEYS;

pub use crate::engine::normalize::Repair;

/// Reads a link's hash (with or without the leading `#`). `lang` is used unless the link
/// has `lang=`.
pub fn parse(hash: &str, lang: Lang) -> (Settings, Vec<Repair>) {
    let mut s = Settings::new(lang);
    s.config.network.features.clear();
    let hash = hash.trim_start_matches('#');
    let pairs: Vec<(String, String)> = form_urlencoded::parse(hash.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    // The last value of a key counts.
    let get = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut repairs = Vec::new();
    // Stage by stage, each in the table's order.
    let last = keys().map(|k| k.stage).max().unwrap_or(0);
    for k in (0..=last).flat_map(|stage| keys().filter(move |k| k.stage == stage)) {
        match get(k.name) {
            Some(v) => {
                if (k.read)(&mut s, v).is_err() {
                    repairs.push(Repair { key: k.name.into(), given: v.into(), used: (k.write)(&s) });
                }
            }
            None => {
                if let Some(absent) = k.absent {
                    absent(&mut s);
                }
            }
        }
    }
    for f in feature_keys() {
        let v = get(f.key());
        let read = v.map(|v| read_feature(&mut s, f, v));
        if read != Some(Ok(())) {
            read_feature(&mut s, f, if feature_on_by_default(f) { "true" } else { "false" }).expect("a default reads");
        }
        if let (Some(v), Some(Err(()))) = (v, read) {
            repairs.push(Repair { key: f.key().into(), given: v.into(), used: Some(s.config.network.features.contains(&f).to_string()) });
        }
    }
    // The typed feature is on unless the link says `custom=false`.
    if let (Some(v), true) = (get(Feature::Custom.key()), s.config.network.formula.is_some()) {
        if read_feature(&mut s, Feature::Custom, v).is_err() {
            repairs.push(Repair { key: Feature::Custom.key().into(), given: v.into(), used: Some("true".into()) });
        }
    }
    // Within the limits, and the parts in line with each other: said for the keys the link has.
    for fix in s.config.normalize() {
        if !(fix.key == "networkShape" || get(&fix.key).is_some()) || repairs.iter().any(|r| r.key == fix.key) {
            continue;
        }
        let given = get(&fix.key).map(String::from).unwrap_or(fix.given);
        repairs.push(Repair { given, ..fix });
    }
    // Hidden controls, and anything unknown.
    for (k, v) in &pairs {
        if let Some(control) = k.strip_suffix("_hide") {
            match (is_hideable(control), v.as_str()) {
                (true, "true" | "1") => {
                    s.hide(control);
                }
                (true, "false" | "0") => {}
                _ => repairs.push(Repair { key: k.clone(), given: v.clone(), used: None }),
            }
        } else if !is_known(k) {
            repairs.push(Repair { key: k.clone(), given: v.clone(), used: None });
        }
    }
    (s, repairs)
}

/// Writes the settings as a hash (without `#`): every key TensorFlow Playground writes, then
/// Neurona's own keys where they differ from what a link without them means.
pub fn to_hash(s: &Settings) -> String {
    let mut out: Vec<(String, String)> = Vec::new();
    // TensorFlow Playground's keys come first, in its order; the features and its last
    // few keys sit between its other keys, as it writes them.
    let tfp_tail = ["problem", "initZero", "hideText", "regularization"];
    let mut write = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            out.push((name.to_string(), v));
        }
    };
    for k in keys().take_while(|k| !tfp_tail.contains(&k.name)) {
        write(k.name, (k.write)(s));
    }
    for f in feature_keys() {
        write(f.key(), Some(s.config.network.features.contains(&f).to_string()));
    }
    if s.config.network.formula.is_some() && !s.config.network.features.contains(&Feature::Custom) {
        write(Feature::Custom.key(), Some("false".into()));
    }
    write("collectStats", Some("false".into()));
    for k in keys().skip_while(|k| !tfp_tail.contains(&k.name)).take_while(|k| tfp_tail.contains(&k.name)) {
        write(k.name, (k.write)(s));
    }
    for control in &s.hidden_controls {
        write(&format!("{control}_hide"), Some("true".into()));
    }
    for k in keys().skip_while(|k| !tfp_tail.contains(&k.name)).skip_while(|k| tfp_tail.contains(&k.name)) {
        write(k.name, (k.write)(s));
    }
    let pairs = out.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    // Written plainly where it is safe (commas, points, minus signs stay readable).
    pairs.map(|(k, v)| format!("{k}={}", escape(v))).collect::<Vec<_>>().join("&")
}

/// The shortest link that opens the same setup, for a QR code or a hand-in code (without
/// `#`): every key a link without it means the same is left out (TensorFlow Playground's
/// defaults too: it reads a missing key as its default as well), found by reading the link
/// back in a browser of either language (so `lang=` stays).
pub fn to_short_hash(s: &Settings) -> String {
    let full = to_hash(s);
    // Read in the other language, so that a link without `lang=` is seen to differ.
    let reader = match s.lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    };
    let target = parse(&full, reader).0;
    let mut pairs: Vec<&str> = full.split('&').collect();
    let mut i = 0;
    while i < pairs.len() {
        let without = pairs.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, p)| *p).collect::<Vec<_>>().join("&");
        if parse(&without, reader).0 == target {
            pairs.remove(i);
        } else {
            i += 1;
        }
    }
    pairs.join("&")
}

/// Whether the link carries the table the data are (a table too long for a link does not).
pub fn carries_table(s: &Settings) -> bool {
    data_keys::table_text(s).is_some()
}

/// Escapes what would break a link's `key=value&` structure, and nothing else.
fn escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for ch in v.chars() {
        match ch {
            '&' | '=' | '#' | '%' | '+' | ' ' => out.push_str(&format!("%{:02X}", ch as u32)),
            _ => out.push(ch),
        }
    }
    out
}
/// The compared setup (`compare=`): its own keys, as a link of its own, read and written by
/// this module's reader and writer.
const COMPARE_KEY: Key = key(
    "compare",
    1,
    false,
    |s, v| {
        // The second setup's own keys, as a link of its own (without a comparison of its own).
        if v.len() > crate::engine::limits::LINK_POINTS_CHARS || v.contains("compare=") {
            return Err(());
        }
        let (second, _) = parse(v, s.lang);
        s.compare = Some(Box::new(second.config));
        Ok(())
    },
    |s| {
        s.compare.as_ref().map(|c| {
            let mut second = Settings::new(s.lang);
            second.config = (**c).clone();
            to_hash(&second).split('&').filter(|kv| !kv.starts_with("lang=")).collect::<Vec<_>>().join("&")
        })
    },
);

/// Every key, in the order links are written: TensorFlow Playground's first, as it writes
/// them, then Neurona's own. The input features are keys too (see [`feature_keys`]).
fn keys() -> impl Iterator<Item = &'static Key> {
    TFP_KEYS.iter().chain(OWN_KEYS).chain(DATA_KEYS).chain(LATER_KEYS).chain(NETWORK_KEYS).chain(std::iter::once(&COMPARE_KEY)).chain(VIEW_KEYS)
}

/// Whether `name` is a key of the table, a feature or one TensorFlow Playground writes.
fn is_known(name: &str) -> bool {
    keys().any(|k| k.name == name) || Feature::ALL.iter().chain([&Feature::Custom]).any(|f| f.key() == name) || ACCEPTED_QUIETLY.contains(&name)
}

/// Whether `<control>_hide` names a control a teacher can hide.
pub fn is_hideable(control: &str) -> bool {
    keys().any(|k| k.name == control && k.hideable) || CONTROLS.contains(&control) || Feature::ALL.iter().any(|f| f.key() == control)
}

#[cfg(test)]
mod tests {
    use super::super::settings::Speed;
    use super::*;
    use crate::engine::config::{HiddenLayer, Monitor};
    use crate::engine::{Activation, Dataset, Feature, Init, LayerNo, Loss, Optimizer, Point};

    /// A link as playground.tensorflow.org writes it, for its largest setup.
    const TFP_LARGEST: &str = "#activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=8,8,8,8,8,8&seed=0.81263&showTestData=false&discretize=false&percTrainData=90&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false";

    #[test]
    fn a_tensorflow_playground_link_opens_the_same_setup() {
        let (s, repairs) = parse(TFP_LARGEST, Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        let c = &s.config;
        assert_eq!(c.data.dataset, Dataset::Spiral);
        assert_eq!(c.network.hidden.len(), 6);
        assert!(c.network.hidden.iter().all(|h| h.neurons == 8 && h.activation == Activation::Tanh));
        assert_eq!(c.data.percent_train, 90);
        assert_eq!(c.network.features.len(), 7);
        assert!(!c.network.features.contains(&Feature::CosX1));
        assert_eq!(c.training.learning_rate, 0.03);
        assert_eq!(c.network.output, Activation::Tanh);
        // The same seed text gives the same seed every time.
        assert_eq!(parse(TFP_LARGEST, Lang::Es).0.config.data.seed, c.data.seed);
    }

    #[test]
    fn the_curve_data_sets_have_links_of_their_own() {
        for d in Dataset::CURVES {
            let (s, repairs) = parse(&format!("problem=regression&regDataset={}&x=true&y=false", d.name()), Lang::En);
            assert!(repairs.is_empty(), "{repairs:?}");
            assert_eq!(s.config.data.dataset, d);
            assert!(to_hash(&s).contains(&format!("regDataset={}", d.name())));
        }
        // A classification link cannot name a curve: it is mended.
        let (s, repairs) = parse("problem=classification&dataset=curve-sine", Lang::En);
        assert_ne!(s.config.data.dataset, Dataset::CurveSine);
        assert!(!repairs.is_empty());
    }

    #[test]
    fn the_digits_travel_in_the_link_by_their_choice() {
        let (s, repairs) = parse("dataset=digits&networkShape=32", Lang::Es);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!((s.config.data.dataset, s.config.data.classes, s.config.network.hidden[0].neurons), (Dataset::Digits, 10, 32));
        assert!(!to_hash(&s).contains("digits="), "all ten digits are the default");
        let (s, repairs) = parse("dataset=digits&digits=7,1", Lang::Es);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!((s.config.data.digits.clone(), s.config.data.classes), (vec![1, 7], 2));
        assert!(to_hash(&s).contains("digits=1,7"));
        // A choice that is not one takes all ten, said; a plane's link keeps its layers' limit.
        for bad in ["3", "1,x", "1,11", ""] {
            let (s, repairs) = parse(&format!("dataset=digits&digits={bad}"), Lang::Es);
            assert_eq!(s.config.data.digits, crate::engine::config::ALL_DIGITS, "{bad}");
            assert!(repairs.iter().any(|r| r.key == "digits"), "{bad}: {repairs:?}");
        }
        let (s, repairs) = parse("dataset=circle&networkShape=32", Lang::Es);
        assert_eq!(s.config.network.hidden[0].neurons, 8);
        assert!(!repairs.is_empty());
        // A link cannot carry a table: one naming it opens the default data and says so.
        let (s, repairs) = parse("dataset=table", Lang::Es);
        assert_ne!(s.config.data.dataset, Dataset::Table);
        assert!(repairs.iter().any(|r| r.key == "dataset"), "{repairs:?}");
    }

    #[test]
    fn regression_links_and_teacher_hides_are_understood() {
        let (s, repairs) = parse(
            "problem=regression&regDataset=reg-gauss&dataset=circle&networkShape=&activation=relu&hideText=true&noise_hide=true&x_hide=true&playButton_hide=false",
            Lang::En,
        );
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(s.config.data.dataset, Dataset::RegGauss);
        assert_eq!(s.config.network.output, Activation::Linear);
        assert!(s.config.network.hidden.is_empty());
        assert!(s.hide_text);
        assert!(!s.shows("noise") && !s.shows("x") && s.shows("playButton"));
    }

    #[test]
    fn settings_round_trip_through_the_hash() {
        let mut s = Settings::new(Lang::Es);
        s.config.data.dataset = Dataset::LogicXor;
        s.config.data.noise = 15;
        s.config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 1, activation: Activation::Elu }];
        s.config.training.dropout = vec![0.5];
        s.config.network.output = Activation::Sigmoid;
        s.config.training.loss = Loss::Bce;
        s.config.training.optimizer = Optimizer::Adam;
        s.config.data.percent_train = 70;
        s.config.data.percent_val = 15;
        s.config.training.early_stopping.enabled = true;
        s.config.training.early_stopping.min_delta = 0.001;
        s.config.training.leaky_slope = 0.2;
        s.config.network.features.push(Feature::CosX2);
        s.config.data.seed = 12345;
        s.show_test = true;
        s.speed = Speed::Max;
        s.hide("noise");
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
        assert_eq!(c.data.noise, 50);
        assert_eq!(c.training.batch_size, 10);
        assert_eq!(c.data.dataset, Dataset::Circle);
        assert_eq!(c.training.learning_rate, 0.03, "0.05 snaps to the nearest offered rate");
        assert_eq!(c.network.hidden.iter().map(|h| h.neurons).collect::<Vec<_>>(), vec![4, 8]);
        assert!(c.network.hidden.iter().all(|h| h.activation == Activation::Tanh));
        assert!(c.network.features.contains(&Feature::X1));
        assert_eq!(c.data.percent_train, 10);
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
        s.config.data.dataset = Dataset::Custom;
        s.config.data.custom_points = vec![Point { x: 1.25, y: -2.0, label: 1.0 }, Point { x: -3.5, y: 0.75, label: -1.0 }];
        let hash = to_hash(&s);
        assert!(hash.contains("points=1.25,-2,1;-3.5,0.75,-1"), "{hash}");
        let (back, repairs) = parse(&hash, Lang::En);
        assert!(repairs.is_empty());
        assert_eq!(back, s);
        let (bad, repairs) = parse("dataset=custom&points=1,2,1;oops;3,4", Lang::En);
        assert_eq!(bad.config.data.custom_points.len(), 1);
        assert_eq!(repairs[0].used.as_deref(), Some("1,2,1"));
    }

    #[test]
    fn a_second_setup_travels_in_the_link_with_its_own_keys() {
        let mut s = Settings::new(Lang::En);
        s.config.data.dataset = Dataset::LogicOr;
        let mut second = s.config.clone();
        second.data.dataset = Dataset::LogicXor;
        second.training.learning_rate = 0.3;
        s.compare = Some(Box::new(second.clone()));
        let hash = to_hash(&s);
        assert!(hash.contains("compare="), "{hash}");
        let (back, repairs) = parse(&hash, Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(back.compare.as_deref(), Some(&second));
        assert_eq!(back, s);
        // A comparison inside a comparison is refused.
        let (nested, repairs) = parse("compare=dataset%3Dxor%26compare%3Ddataset%253Dcircle", Lang::En);
        assert!(nested.compare.is_none());
        assert_eq!(repairs.len(), 1);
    }

    #[test]
    fn data_in_its_own_units_travels_with_its_axes() {
        use crate::engine::axes::{Axes, Axis};
        let mut s = Settings::new(Lang::Es);
        s.config.data.dataset = Dataset::Custom;
        s.config.data.axes =
            Axes { x: Axis { name: "horas de estudio".into(), min: -1.0, max: 13.0 }, y: Axis { name: "nota & media".into(), min: 45.0, max: 105.0 } };
        s.config.data.custom_points = vec![Point { x: 2.5, y: 61.0, label: -1.0 }, Point { x: 11.0, y: 97.5, label: 1.0 }];
        let hash = to_hash(&s);
        assert!(hash.contains("x1Range=-1,13") && hash.contains("x2Range=45,105") && hash.contains("points=2.5,61,-1;11,97.5,1"), "{hash}");
        assert!(!hash.contains("nota & media"), "names are encoded: {hash}");
        let (back, repairs) = parse(&hash, Lang::Es);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(back, s);
        // Points outside the axes are held to them; a range that cannot be shown is refused.
        let (held, repairs) = parse("dataset=custom&x1Range=0,10&points=12,0,1", Lang::En);
        assert_eq!(held.config.data.custom_points[0].x, 10.0);
        assert!(repairs.iter().any(|r| r.key == "points"), "{repairs:?}");
        for range in ["5,5", "10,0", "0,1e12", "nan,1", "1"] {
            let (kept, repairs) = parse(&format!("dataset=custom&x1Range={range}&points=1,2,1"), Lang::En);
            assert!(kept.config.data.axes.x.is_plane(), "{range}");
            assert!(repairs.iter().any(|r| r.key == "x1Range"), "{range}: {repairs:?}");
        }
    }

    #[test]
    fn any_value_a_control_accepts_reopens_from_the_link_without_a_repair() {
        use super::super::state::{Action, AppState, Edit, OptimizerParam};
        // Values past every end of every range, as typed into the number fields.
        for x in [-5.0, 0.0, 0.9995, 1.0, 7.5, 1e6] {
            let mut s = AppState::new(Settings::new(Lang::En)).apply(Action::Edit(Edit::Optimizer(Optimizer::Adam)));
            for p in [OptimizerParam::Momentum, OptimizerParam::Rho, OptimizerParam::Beta1, OptimizerParam::Beta2] {
                s = s.apply(Action::Edit(Edit::OptimizerParam(p, x)));
            }
            for a in [
                Action::Edit(Edit::LeakySlope(x)),
                Action::Edit(Edit::MinDelta(x)),
                Action::Edit(Edit::InitSigma(x)),
                Action::Edit(Edit::LearningRate(x)),
                Action::Edit(Edit::RegularizationRate(x)),
                Action::Edit(Edit::Patience(x.max(0.0) as u32)),
                Action::Edit(Edit::PercentVal(x.max(0.0) as u32)),
                Action::Edit(Edit::Noise(x.max(0.0) as u32)),
                Action::Edit(Edit::Dropout(0, x)),
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
        for junk in
            ["", "#", "&&&", "=", "a=b=c", "%zz%", "%é1=2", "noise=%", "x=%e", "networkShape=,,,", "seed=", "classes=99&dataset=xor", "loss=bce", "%E2%82%AC=1"]
        {
            let (s, _) = parse(junk, Lang::En);
            assert!(s.config.validate().is_ok(), "{junk}: {:?}", s.config.validate());
        }
    }

    #[test]
    fn any_hash_gives_a_valid_setup_whose_link_is_stable() {
        // Random hashes built from real keys and hostile values.
        let keys = [
            "activation",
            "networkShape",
            "dataset",
            "regDataset",
            "problem",
            "classes",
            "output",
            "loss",
            "noise",
            "batchSize",
            "percTrainData",
            "percValData",
            "learningRate",
            "layerActivations",
            "dropout",
            "points",
            "seed",
            "x",
            "sinY",
            "initSigma",
            "speed",
            "lang",
            "patience",
            "noise_hide",
            "bogus",
        ];
        let values = [
            "",
            "0",
            "-1",
            "1e9",
            "NaN",
            "inf",
            "3,8,x",
            ",,",
            "softmax",
            "step",
            "relu",
            "regression",
            "reg-gauss",
            "spiral",
            "blobs",
            "custom",
            "4",
            "0.5,2",
            "1,2,3;4,5",
            "true",
            "maybe",
            "%",
            "%E2%82%AC",
            "bce",
            "max",
        ];
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
    fn any_setup_the_controls_make_travels_in_a_link_unchanged() {
        use super::super::state::{Action, AppState, Edit, Lesson, OptimizerParam, Panel, Points, View};
        use crate::engine::config::Problem;
        use crate::engine::rng::Rng;
        use crate::engine::Regularization;
        let mut rng = Rng::new(23);
        let mut state = AppState::new(Settings::new(Lang::Es));
        let pick = |rng: &mut Rng, n: usize| rng.below(n);
        for step in 0..3000 {
            let real = |rng: &mut Rng| [-1.0, 0.0, 0.05, 0.37, 0.9995, 2.0, 1e9][rng.below(7)];
            let a = match pick(&mut rng, 26) {
                0 if pick(&mut rng, 4) == 0 => Action::Edit(Edit::Dataset(Dataset::Digits)),
                0 => Action::Edit(Edit::Dataset(Dataset::CLASSIFICATION[pick(&mut rng, Dataset::CLASSIFICATION.len())])),
                1 => Action::Edit(Edit::Dataset(Dataset::REGRESSION[pick(&mut rng, 2)])),
                2 => Action::Edit(Edit::Problem(if pick(&mut rng, 2) == 0 { Problem::Regression } else { Problem::Classification })),
                3 if pick(&mut rng, 2) == 0 => Action::Edit(Edit::Digits((0..10u8).filter(|_| pick(&mut rng, 2) == 0).collect())),
                3 => Action::Edit(Edit::Classes(2 + pick(&mut rng, 3))),
                4 => Action::Edit(Edit::Output(Activation::OUTPUT[pick(&mut rng, 5)])),
                5 => Action::Edit(Edit::Loss(Loss::ALL[pick(&mut rng, 4)])),
                6 => Action::Edit(Edit::AddLayer),
                7 => Action::Edit(Edit::RemoveLayer),
                8 => Action::Edit(Edit::ChangeNeurons(pick(&mut rng, 6), if pick(&mut rng, 2) == 0 { 1 } else { -1 })),
                9 => Action::Edit(Edit::LayerActivation(pick(&mut rng, 6), Activation::HIDDEN[pick(&mut rng, 10)])),
                10 => Action::Edit(Edit::ToggleFeature(Feature::ALL[pick(&mut rng, 9)])),
                11 => Action::Edit(Edit::PercentTrain(pick(&mut rng, 120) as u32)),
                12 => Action::Edit(Edit::PercentVal(pick(&mut rng, 60) as u32)),
                13 => Action::Points(Points::Add(Point { x: real(&mut rng) as crate::engine::Real, y: -1.5, label: [1.0, -1.0, 2.0][pick(&mut rng, 3)] })),
                14 => Action::LoadLesson(Lesson::ALL[pick(&mut rng, Lesson::ALL.len())]),
                15 => Action::Edit(Edit::BatchSize(pick(&mut rng, 2000))),
                16 => Action::Edit(Edit::Dropout(pick(&mut rng, 6), real(&mut rng) as crate::engine::Real)),
                17 => Action::Edit(Edit::OptimizerParam(
                    [OptimizerParam::Momentum, OptimizerParam::Rho, OptimizerParam::Beta1, OptimizerParam::Beta2][pick(&mut rng, 4)],
                    real(&mut rng) as crate::engine::Real,
                )),
                18 => Action::Edit(Edit::LearningRate(real(&mut rng) as crate::engine::Real)),
                19 => Action::Edit(Edit::Regularization(Regularization::ALL[pick(&mut rng, 3)])),
                20 => Action::Edit(Edit::Noise(pick(&mut rng, 80) as u32)),
                21 => Action::View(View::Speed(Speed::ALL[pick(&mut rng, Speed::ALL.len())])),
                22 => Action::Edit(Edit::Init(Init::ALL[pick(&mut rng, 5)])),
                23 => Action::Panel(Panel::Inspect(Some((LayerNo::new(pick(&mut rng, 9)), pick(&mut rng, 9))))),
                24 => Action::Panel(Panel::Matrix(Some(LayerNo::new(pick(&mut rng, 9))))),
                _ => Action::View(View::ShowTest(pick(&mut rng, 2) == 0)),
            };
            state = state.apply(a.clone());
            let hash = to_hash(&state.settings);
            let (back, repairs) = parse(&hash, Lang::En);
            assert!(repairs.is_empty(), "step {step} {a:?}: {hash} -> {repairs:?}");
            assert_eq!(back, state.settings, "step {step} {a:?}: {hash}");
        }
    }

    #[test]
    fn normalize_leaves_any_configuration_valid_and_is_stable() {
        use crate::engine::rng::Rng;
        use crate::engine::Config;
        let mut rng = Rng::new(5);
        let wild = |rng: &mut Rng| [crate::engine::Real::NAN, crate::engine::Real::INFINITY, -1e30, -1.0, 0.0, 0.5, 0.9999, 7.0, 1e30][rng.below(9)];
        let count = |rng: &mut Rng| [0usize, 1, 3, 9, 1000, usize::MAX][rng.below(6)];
        for _ in 0..3000 {
            let mut c = Config::default();
            c.data.classes = count(&mut rng);
            c.data.noise = count(&mut rng) as u32;
            c.data.percent_train = count(&mut rng) as u32;
            c.data.percent_val = count(&mut rng) as u32;
            c.training.batch_size = count(&mut rng);
            (c.training.momentum, c.training.rho, c.training.beta1, c.training.beta2) = (wild(&mut rng), wild(&mut rng), wild(&mut rng), wild(&mut rng));
            (c.training.learning_rate, c.training.regularization_rate, c.network.init_sigma, c.training.leaky_slope) =
                (wild(&mut rng), wild(&mut rng), wild(&mut rng), wild(&mut rng));
            c.training.early_stopping.patience = count(&mut rng) as u32;
            c.network.hidden = (0..rng.below(12)).map(|_| HiddenLayer { neurons: count(&mut rng), activation: Activation::HIDDEN[rng.below(10)] }).collect();
            c.training.dropout = (0..rng.below(12)).map(|_| wild(&mut rng)).collect();
            c.network.output = [Activation::OUTPUT[rng.below(5)], Activation::Relu][rng.below(2)];
            c.training.loss = Loss::ALL[rng.below(4)];
            c.data.dataset = [Dataset::CLASSIFICATION[rng.below(Dataset::CLASSIFICATION.len())], Dataset::RegGauss, Dataset::Custom][rng.below(3)];
            c.data.custom_points = (0..rng.below(4)).map(|_| Point { x: wild(&mut rng), y: 1.0, label: wild(&mut rng) }).collect();
            if rng.below(4) == 0 {
                c.network.features.clear();
            }
            c.normalize();
            assert!(c.validate().is_ok(), "{:?}: {c:?}", c.validate());
            let again = c.clone();
            assert!(c.normalize().is_empty(), "a normalized setup needs nothing more");
            assert_eq!(c, again);
        }
    }

    #[test]
    fn the_inspected_neuron_travels_in_the_link_while_the_network_has_it() {
        let (s, repairs) = parse("networkShape=4,2&inspect=2,1", Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(s.inspect, Some((LayerNo::new(2), 1)));
        assert!(to_hash(&s).contains("inspect=2,1"));
        // The output layer is the number of hidden layers + 1.
        assert_eq!(parse("networkShape=4,2&inspect=3,0", Lang::En).0.inspect, Some((LayerNo::new(3), 0)));
        for bad in ["inspect=3,1", "inspect=0,0", "inspect=2,2", "inspect=x", "inspect=9,9"] {
            let (s, repairs) = parse(&format!("networkShape=4,2&{bad}"), Lang::En);
            assert_eq!(s.inspect, None, "{bad}");
            assert_eq!(repairs.len(), 1, "{bad}");
        }
        assert_eq!(parse("networkShape=4,2&matrix=3", Lang::En).0.matrix, Some(LayerNo::new(3)));
        assert_eq!(parse("networkShape=4,2&matrix=4", Lang::En).0.matrix, None);
        // The plane as a layer sees it: hidden layers only.
        let (s, repairs) = parse("networkShape=4,2&space=2", Lang::En);
        assert_eq!((s.space, repairs.len()), (Some(LayerNo::new(2)), 0));
        assert!(to_hash(&s).contains("space=2"));
        for bad in ["space=3", "space=0", "space=x", "space=-1"] {
            let (s, repairs) = parse(&format!("networkShape=4,2&{bad}"), Lang::En);
            assert_eq!((s.space, repairs.len()), (None, 1), "{bad}");
        }
        // A neuron that goes away with the network closes the inspector.
        use super::super::state::{Action, AppState, Edit};
        let state = AppState::new(parse("networkShape=4,2&inspect=1,3", Lang::En).0);
        assert_eq!(state.settings.inspect, Some((LayerNo::new(1), 3)));
        assert_eq!(state.apply(Action::Edit(Edit::ChangeNeurons(0, -1))).settings.inspect, None);
    }

    #[test]
    fn the_loss_landscape_travels_in_the_link_with_its_plane() {
        use crate::engine::landscape::{Parameter, Plane};
        let (s, repairs) = parse("networkShape=3&landscape=true", Lang::En);
        assert_eq!((s.landscape, repairs.len()), (Some(Plane::Principal), 0));
        assert!(to_hash(&s).contains("landscape=true"));
        let (s, repairs) = parse("networkShape=3&landscape=2-0-1,1-2-b", Lang::En);
        let (w, b) = (Parameter { layer: 1, row: 0, input: Some(1) }, Parameter { layer: 0, row: 2, input: None });
        assert_eq!((s.landscape, repairs.len()), (Some(Plane::Parameters(w, b)), 0));
        assert!(to_hash(&s).contains("landscape=2-0-1,1-2-b"));
        // A parameter the network does not have, the same one twice, or nonsense: the path's
        // directions, and the link says so.
        for bad in ["2-0-7,1-0-b", "1-3-0,1-0-b", "1-0-b,1-0-b", "3-0-0,1-0-b", "x", "1-0,1-0-b"] {
            let (s, repairs) = parse(&format!("networkShape=3&landscape={bad}"), Lang::En);
            assert_eq!(s.landscape, Some(Plane::Principal), "{bad}");
            assert_eq!(repairs.iter().find(|r| r.key == "landscape").and_then(|r| r.used.clone()).as_deref(), Some("true"), "{bad}");
        }
        // A network that loses the layer drops the chosen parameters for the path's directions.
        let (mut s, _) = parse("networkShape=3,2&landscape=3-0-1,2-0-b", Lang::En);
        assert!(matches!(s.landscape, Some(Plane::Parameters(..))));
        s.config.network.hidden.pop();
        s.keep_inspect_valid();
        assert_eq!(s.landscape, Some(Plane::Principal));
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
        assert_eq!((c.training.optimizer, c.training.momentum, c.network.init, c.network.init_sigma), (Optimizer::Momentum, 0.8, Init::Normal, 0.1));
        assert!(c.training.shuffle && c.training.early_stopping.enabled);
        assert_eq!((c.data.percent_train, c.data.percent_val, c.training.early_stopping.patience), (70, 15, 5));
        assert_eq!(c.training.early_stopping.monitor, Monitor::Train);
        let (s, _) = parse("classes=3&dataset=spiral", Lang::En);
        assert_eq!((s.config.network.output, s.config.training.loss, s.config.data.dataset), (Activation::Softmax, Loss::SoftmaxCe, Dataset::Spiral));
    }

    #[test]
    fn a_typed_formula_travels_by_its_text_on_or_off_and_within_its_length() {
        let (s, repairs) = parse("customFeature=x1*x1%2Bx2*x2&x=false&y=false", Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        let f = s.config.network.formula.as_ref().expect("a formula");
        assert_eq!(f.text(), "x1*x1+x2*x2");
        assert!(!f.is_read(), "the worker reads it");
        assert_eq!(s.config.network.features, vec![Feature::Custom]);
        let hash = to_hash(&s);
        assert!(hash.contains("customFeature=x1*x1%2Bx2*x2"), "{hash}");
        assert_eq!(parse(&hash, Lang::En).0.config.network, s.config.network);
        let (off, repairs) = parse("customFeature=sin(x1)&custom=false", Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert!(off.config.network.formula.is_some() && !off.config.network.features.contains(&Feature::Custom));
        assert!(to_hash(&off).contains("custom=false"));
        let long = format!("customFeature={}", "x1%2B".repeat(40));
        let (s, repairs) = parse(&long, Lang::En);
        assert!(s.config.network.formula.is_none() && !s.config.network.features.contains(&Feature::Custom));
        assert!(repairs.iter().any(|r| r.key == "customFeature"), "{repairs:?}");
    }

    #[test]
    fn neurons_switched_off_and_frozen_travel_in_the_link() {
        let (s, repairs) = parse("networkShape=4,2&off=1,2;2,1&frozen=1,0", Lang::En);
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!((s.config.training.off.clone(), s.config.training.frozen.clone()), (vec![(0, 2), (1, 1)], vec![(0, 0)]));
        let hash = to_hash(&s);
        assert!(hash.contains("off=1,2;2,1") && hash.contains("frozen=1,0"), "{hash}");
        // A neuron the network lacks, or a list that is no list, is named and dropped.
        let (s, repairs) = parse("networkShape=2&off=1,5;1,1&frozen=zero", Lang::En);
        assert_eq!((s.config.training.off.clone(), s.config.training.frozen.clone()), (vec![(0, 1)], vec![]));
        assert!(repairs.iter().any(|r| r.key == "off") && repairs.iter().any(|r| r.key == "frozen"), "{repairs:?}");
    }

    #[test]
    fn defaults_are_left_out_and_the_setup_reads_back_the_same() {
        let d = Settings::new(Lang::En);
        assert_eq!(to_short_hash(&d), "lang=en", "the default setup is its language alone");
        let mut s = Settings::new(Lang::Es);
        s.config.data.dataset = Dataset::LogicXor;
        s.config.network.features.push(Feature::X1X2);
        s.exercise.max_neurons = Some(4);
        s.hide("noise");
        let short = to_short_hash(&s);
        let full = to_hash(&s);
        assert!(short.len() * 3 < full.len(), "{short} against {full}");
        for lang in [Lang::En, Lang::Es] {
            assert_eq!(parse(&short, lang).0, s, "{short}");
        }
        assert!(short.contains("lang=es") && short.contains("dataset=logic-xor") && short.contains("noise_hide=true"), "{short}");
        assert!(!short.contains("activation=") && !short.contains("learningRate="), "{short}");
    }

    #[test]
    fn every_lesson_reads_back_from_its_short_link() {
        for lesson in crate::app::lessons::Lesson::ALL {
            for lang in [Lang::En, Lang::Es] {
                let mut s = Settings::new(lang);
                s.config = lesson.config();
                s.exercise = lesson.exercise();
                let short = to_short_hash(&s);
                // What the full link opens (a value off the menus is read as the nearest on them).
                assert_eq!(parse(&short, Lang::En).0, parse(&to_hash(&s), Lang::En).0, "{lesson:?}: {short}");
                assert!(short.len() <= to_hash(&s).len());
            }
        }
    }
}
