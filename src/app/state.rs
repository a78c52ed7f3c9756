//! The interface's state: the settings a link carries, whether training plays, and the
//! verbs (`Action`) that change them. Pure Rust, so the rules are tested natively.

use super::i18n::Lang;
use crate::engine::config::{EarlyStopping, HiddenLayer, Monitor, Problem};
use crate::engine::{Activation, Config, Dataset, Feature, Init, Loss, Optimizer, Point, Real, Regularization};
use std::collections::BTreeSet;

pub use crate::engine::limits::{DROPOUT_RATES, LEARNING_RATES, REGULARIZATION_RATES};
use crate::engine::limits::{self, BATCH_SIZE, LAYERS, NEURONS};
/// Most hidden layers.
pub const MAX_LAYERS: usize = LAYERS.max as usize;
/// Most neurons per hidden layer.
pub const MAX_NEURONS: usize = NEURONS.max as usize;
/// A batch size this large means the whole training set (full-batch gradient descent).
pub const FULL_BATCH: usize = BATCH_SIZE.max as usize;

/// Ready setups for the lesson, one click each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// A single threshold unit learns OR with the perceptron rule.
    OrOneNeuron,
    /// A single threshold unit cannot learn XOR.
    XorOneNeuron,
    /// A hidden layer of four tanh neurons learns XOR.
    XorHiddenLayer,
    /// A sigmoid neuron with binary cross-entropy.
    CrossEntropy,
    /// A big network on few noisy points overfits; early stopping halts it.
    EarlyStopping,
    /// The same network with dropout 0.5.
    Dropout,
    /// Three classes with softmax and cross-entropy.
    ThreeClasses,
}

impl Lesson {
    /// All lessons, in the order of the lecture.
    pub const ALL: [Lesson; 7] = [
        Lesson::OrOneNeuron,
        Lesson::XorOneNeuron,
        Lesson::XorHiddenLayer,
        Lesson::CrossEntropy,
        Lesson::EarlyStopping,
        Lesson::Dropout,
        Lesson::ThreeClasses,
    ];

    /// The setup it opens.
    pub fn config(self) -> Config {
        let d = Config::default();
        let perceptron = |dataset| Config {
            dataset,
            hidden: vec![],
            output: Activation::Step,
            loss: Loss::HalfMse,
            learning_rate: 0.1,
            ..d.clone()
        };
        let overfit = Config {
            dataset: Dataset::Moons,
            noise: 40,
            percent_train: 30,
            percent_val: 20,
            hidden: vec![HiddenLayer { neurons: 8, activation: Activation::Relu, dropout: 0.0 }; 3],
            features: Feature::ALL[..7].to_vec(),
            learning_rate: 0.03,
            optimizer: Optimizer::Adam,
            early_stopping: EarlyStopping { enabled: true, monitor: Monitor::Val, patience: 3, min_delta: 0.0 },
            ..d.clone()
        };
        match self {
            Lesson::OrOneNeuron => perceptron(Dataset::LogicOr),
            Lesson::XorOneNeuron => perceptron(Dataset::LogicXor),
            Lesson::XorHiddenLayer => Config {
                dataset: Dataset::LogicXor,
                hidden: vec![HiddenLayer { neurons: 4, ..HiddenLayer::default() }],
                learning_rate: 0.1,
                ..d
            },
            Lesson::CrossEntropy => Config {
                dataset: Dataset::LogicAnd,
                hidden: vec![],
                output: Activation::Sigmoid,
                loss: Loss::Bce,
                learning_rate: 0.1,
                ..d
            },
            Lesson::EarlyStopping => Config { early_stopping: EarlyStopping { patience: 3, ..overfit.early_stopping }, ..overfit },
            Lesson::Dropout => Config {
                hidden: overfit.hidden.iter().map(|h| HiddenLayer { dropout: 0.5, ..*h }).collect(),
                early_stopping: EarlyStopping { patience: 10, ..overfit.early_stopping },
                ..overfit
            },
            Lesson::ThreeClasses => Config {
                dataset: Dataset::Blobs,
                classes: 3,
                noise: 20,
                output: Activation::Softmax,
                loss: Loss::SoftmaxCe,
                ..d
            },
        }
    }
}

/// How many epochs each animation frame trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Speed {
    /// A fixed number of epochs per frame (1 is the original's pace).
    Epochs(u32),
    /// As many as fit the frame's time budget.
    Max,
}

impl Speed {
    /// The choices offered.
    pub const ALL: [Speed; 4] = [Speed::Epochs(1), Speed::Epochs(10), Speed::Epochs(100), Speed::Max];

    /// The value used in links (`speed=`).
    pub fn code(self) -> String {
        match self {
            Speed::Epochs(n) => n.to_string(),
            Speed::Max => "max".into(),
        }
    }

    /// Parses a link's `speed=` value.
    pub fn from_code(code: &str) -> Option<Speed> {
        if code == "max" {
            return Some(Speed::Max);
        }
        code.parse::<u32>().ok().filter(|n| (1..=1000).contains(n)).map(Speed::Epochs)
    }
}

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The engine's setup.
    pub config: Config,
    /// Draw the test points on the heatmap.
    pub show_test: bool,
    /// Show sign(output) instead of the output.
    pub discretize: bool,
    /// Interface language.
    pub lang: Lang,
    /// Epochs per frame.
    pub speed: Speed,
    /// Controls a teacher hid with `<control>_hide=true`.
    pub hidden_controls: BTreeSet<String>,
    /// Hide the explanatory text.
    pub hide_text: bool,
    /// Show the performance readout.
    pub show_performance: bool,
}

impl Settings {
    /// The default setup in a language.
    pub fn new(lang: Lang) -> Settings {
        Settings {
            config: Config::default(),
            show_test: false,
            discretize: false,
            lang,
            speed: Speed::Epochs(1),
            hidden_controls: BTreeSet::new(),
            hide_text: false,
            show_performance: false,
        }
    }

    /// Whether a control is visible (not hidden by the link).
    pub fn shows(&self, control: &str) -> bool {
        !self.hidden_controls.contains(control)
    }
}

/// Something the page tells the user until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The link had values that were repaired or ignored.
    Repaired(Vec<super::link::Repair>),
    /// Training produced NaN or infinity at this epoch and stopped.
    Diverged(u64),
    /// Early stopping ended the run; the weights of `best` were restored.
    EarlyStopped {
        /// Epoch where it stopped.
        at: u64,
        /// Epoch whose weights were restored.
        best: u64,
    },
    /// The link is on the clipboard.
    LinkCopied,
    /// The browser refused to put the link on the clipboard.
    LinkNotCopied,
    /// These CSV lines (numbered from 1) were not points.
    CsvSkipped(Vec<usize>),
    /// A saved model was opened.
    ModelLoaded,
    /// A file could not be read as a model; the reason names the field.
    ModelRejected(String),
}

/// The whole interface state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What the link carries.
    pub settings: Settings,
    /// Whether training runs.
    pub playing: bool,
    /// Bumped whenever the network must start afresh (reset, or a structural change).
    pub generation: u64,
    /// Messages shown at the top.
    pub notices: Vec<Notice>,
    /// The lesson last opened, whose caption is shown.
    pub lesson: Option<Lesson>,
    /// The class of points added by clicking.
    pub draw_class: usize,
}

/// A verb that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start or stop training.
    TogglePlay,
    /// Stop training.
    Pause,
    /// A fresh network with the same data.
    Reset,
    /// New data from this seed.
    Regenerate(u64),
    /// Choose the data generator (switches problem type to match).
    SetDataset(Dataset),
    /// Classification or regression.
    SetProblem(Problem),
    /// Noise 0..50.
    SetNoise(u32),
    /// Percent of data for training.
    SetPercentTrain(u32),
    /// Samples per step.
    SetBatchSize(usize),
    /// Turn an input feature on or off.
    ToggleFeature(Feature),
    /// One more hidden layer (of two neurons).
    AddLayer,
    /// One hidden layer fewer.
    RemoveLayer,
    /// Add (+1) or remove (-1) a neuron of a hidden layer.
    ChangeNeurons(usize, i32),
    /// eta.
    SetLearningRate(Real),
    /// The activation of every hidden layer.
    SetActivation(Activation),
    /// The penalty.
    SetRegularization(Regularization),
    /// lambda.
    SetRegularizationRate(Real),
    /// Show test points.
    SetShowTest(bool),
    /// Show sign(output).
    SetDiscretize(bool),
    /// Interface language.
    SetLang(Lang),
    /// Epochs per frame.
    SetSpeed(Speed),
    /// Show or hide the performance readout.
    TogglePerformance,
    /// Replace all settings (a link was opened).
    Load(Box<Settings>),
    /// Show a message.
    Notify(Notice),
    /// Remove message `i`.
    Dismiss(usize),
    /// Set the optimizer (live).
    SetOptimizer(Optimizer),
    /// One hidden layer's activation.
    SetLayerActivation(usize, Activation),
    /// One hidden layer's dropout rate (live).
    SetDropout(usize, Real),
    /// The output activation (the loss follows when it no longer pairs).
    SetOutput(Activation),
    /// The loss (live).
    SetLoss(Loss),
    /// mu, rho, beta1 or beta2 (live).
    SetOptimizerParam(OptimizerParam, Real),
    /// Reshuffle every epoch (live).
    SetShuffle(bool),
    /// Weight initialisation.
    SetInit(Init),
    /// sigma of normal initialisation.
    SetInitSigma(Real),
    /// Percent of data held out for validation.
    SetPercentVal(u32),
    /// Early stopping on or off (live).
    SetEarlyStopping(bool),
    /// Early stopping's patience (live).
    SetPatience(u32),
    /// The loss early stopping watches (live).
    SetMonitor(Monitor),
    /// Number of classes (2 to 4).
    SetClasses(usize),
    /// Open a ready setup of the lesson.
    LoadLesson(Lesson),
    /// Add a user point (switches to the user's data).
    AddPoint(Point),
    /// Replace the user's points (a CSV was loaded).
    SetPoints(Vec<Point>),
    /// Remove every user point.
    ClearPoints,
    /// The class new points get (class index; for two classes 1 is blue, 0 orange).
    SetDrawClass(usize),
    /// Leaky ReLU's slope for z < 0 (live).
    SetLeakySlope(Real),
    /// Early stopping's smallest improvement (live).
    SetMinDelta(Real),
}

/// An optimizer parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptimizerParam {
    /// Momentum's mu.
    Momentum,
    /// RMSProp's rho.
    Rho,
    /// Adam's beta1.
    Beta1,
    /// Adam's beta2.
    Beta2,
}

impl OptimizerParam {
    /// Its range.
    pub fn limit(self) -> limits::Limit {
        match self {
            OptimizerParam::Momentum => limits::MOMENTUM,
            OptimizerParam::Rho => limits::RHO,
            OptimizerParam::Beta1 => limits::BETA1,
            OptimizerParam::Beta2 => limits::BETA2,
        }
    }
}

impl AppState {
    /// The state for some settings, paused.
    pub fn new(settings: Settings) -> AppState {
        AppState { settings, playing: false, generation: 0, notices: Vec::new(), lesson: None, draw_class: 1 }
    }

    /// Applies an action, returning the new state.
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        let before = s.settings.config.clone();
        let c = &mut s.settings.config;
        match action {
            Action::TogglePlay => s.playing = !s.playing,
            Action::Pause => s.playing = false,
            Action::Reset => {
                s.generation += 1;
                s.playing = false;
            }
            Action::Regenerate(seed) => c.seed = seed,
            Action::SetDataset(d) => {
                c.dataset = d;
                let problem = if d.is_regression() { Problem::Regression } else { Problem::Classification };
                set_problem(c, problem);
            }
            Action::SetProblem(p) => {
                if p != c.problem {
                    c.problem = p;
                    c.dataset = c.default_dataset();
                }
                set_problem(c, p);
            }
            Action::SetNoise(n) => c.noise = limits::NOISE.whole(n as i64) as u32,
            Action::SetPercentTrain(p) => c.percent_train = (limits::PERCENT_TRAIN.whole(p as i64) as u32).min(100 - c.percent_val),
            Action::SetBatchSize(b) => c.batch_size = BATCH_SIZE.whole(b as i64) as usize,
            Action::ToggleFeature(f) => {
                if let Some(i) = c.features.iter().position(|&g| g == f) {
                    if c.features.len() > 1 {
                        c.features.remove(i);
                    }
                } else {
                    c.features.push(f);
                    c.features.sort_by_key(|f| Feature::ALL.iter().position(|g| g == f));
                }
            }
            Action::AddLayer => {
                if c.hidden.len() < MAX_LAYERS {
                    let activation = c.hidden.last().map(|h| h.activation).unwrap_or(Activation::Tanh);
                    c.hidden.push(HiddenLayer { neurons: 2, activation, dropout: 0.0 });
                }
            }
            Action::RemoveLayer => {
                c.hidden.pop();
            }
            Action::ChangeNeurons(layer, delta) => {
                if let Some(h) = c.hidden.get_mut(layer) {
                    h.neurons = NEURONS.whole(h.neurons as i64 + delta as i64) as usize;
                }
            }
            Action::SetLearningRate(r) => c.learning_rate = limits::nearest(&LEARNING_RATES, r),
            Action::SetActivation(a) => c.hidden.iter_mut().for_each(|h| h.activation = a),
            Action::SetRegularization(r) => c.regularization = r,
            Action::SetRegularizationRate(r) => c.regularization_rate = limits::nearest(&REGULARIZATION_RATES, r),
            Action::SetOptimizer(o) => c.optimizer = o,
            Action::SetLayerActivation(l, a) => {
                if let Some(h) = c.hidden.get_mut(l) {
                    if Activation::HIDDEN.contains(&a) {
                        h.activation = a;
                    }
                }
            }
            Action::SetDropout(l, r) => {
                if let Some(h) = c.hidden.get_mut(l) {
                    h.dropout = limits::DROPOUT.real(r);
                }
            }
            Action::SetOutput(o) => {
                if c.valid_outputs().contains(&o) {
                    c.output = o;
                    if !c.loss.pairs_with(o) {
                        c.loss = Loss::default_for(o);
                    }
                }
            }
            Action::SetLoss(l) => {
                if l.pairs_with(c.output) {
                    c.loss = l;
                }
            }
            Action::SetOptimizerParam(p, v) => {
                let v = p.limit().real(v);
                match p {
                    OptimizerParam::Momentum => c.momentum = v,
                    OptimizerParam::Rho => c.rho = v,
                    OptimizerParam::Beta1 => c.beta1 = v,
                    OptimizerParam::Beta2 => c.beta2 = v,
                }
            }
            Action::SetShuffle(b) => c.shuffle = b,
            Action::SetInit(i) => c.init = i,
            Action::SetInitSigma(v) => c.init_sigma = limits::INIT_SIGMA.real(v),
            Action::SetPercentVal(v) => {
                c.percent_val = limits::PERCENT_VAL.whole(v as i64) as u32;
                c.percent_train = c.percent_train.min(100 - c.percent_val);
            }
            Action::SetEarlyStopping(b) => c.early_stopping.enabled = b,
            Action::SetPatience(p) => c.early_stopping.patience = limits::PATIENCE.whole(p as i64) as u32,
            Action::SetMonitor(m) => c.early_stopping.monitor = m,
            Action::SetClasses(k) => {
                let k = limits::CLASSES.whole(k as i64) as usize;
                // The user's points keep their classes as far as the new count allows.
                for p in &mut c.custom_points {
                    p.label = match (c.classes > 2, k > 2) {
                        (false, true) => (p.label > 0.0) as u8 as Real,
                        (true, false) => if p.label >= 1.0 { 1.0 } else { -1.0 },
                        _ => p.label.min((k - 1) as Real),
                    };
                }
                c.classes = k;
                if k > 2 {
                    set_problem(c, Problem::Classification);
                    c.output = Activation::Softmax;
                    c.loss = Loss::SoftmaxCe;
                    if !Dataset::MULTICLASS.contains(&c.dataset) && c.dataset != Dataset::Custom {
                        c.dataset = Dataset::Blobs;
                    }
                } else if c.output == Activation::Softmax {
                    c.output = Activation::Tanh;
                    c.loss = Loss::HalfMse;
                }
            }
            Action::AddPoint(p) => {
                c.dataset = Dataset::Custom;
                set_problem(c, Problem::Classification);
                c.custom_points.push(p);
            }
            Action::SetPoints(points) => {
                c.dataset = Dataset::Custom;
                set_problem(c, Problem::Classification);
                c.custom_points = points;
            }
            Action::ClearPoints => c.custom_points.clear(),
            Action::SetDrawClass(k) => s.draw_class = k,
            Action::SetLeakySlope(v) => c.leaky_slope = limits::LEAKY_SLOPE.real(v),
            Action::SetMinDelta(v) => c.early_stopping.min_delta = limits::MIN_DELTA.real(v),
            Action::LoadLesson(lesson) => {
                s.settings.config = Config { seed: c.seed, ..lesson.config() };
                s.lesson = Some(lesson);
                s.generation += 1;
                s.playing = false;
            }
            Action::SetShowTest(b) => s.settings.show_test = b,
            Action::SetDiscretize(b) => s.settings.discretize = b,
            Action::SetLang(l) => s.settings.lang = l,
            Action::SetSpeed(v) => s.settings.speed = v,
            Action::TogglePerformance => s.settings.show_performance = !s.settings.show_performance,
            Action::Load(settings) => {
                s.settings = *settings;
                s.generation += 1;
                s.playing = false;
            }
            Action::Notify(n) => {
                if matches!(n, Notice::Diverged(_) | Notice::EarlyStopped { .. }) {
                    s.playing = false;
                }
                s.notices.retain(|m| std::mem::discriminant(m) != std::mem::discriminant(&n));
                s.notices.push(n);
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        // Whatever the verb, the setup stays within the limits every link and file is held to.
        s.settings.config.normalize();
        if before.needs_new_network(&s.settings.config) {
            s.generation += 1;
        }
        s
    }
}

/// The losses that fit an output activation.
pub fn valid_losses(output: Activation) -> Vec<Loss> {
    Loss::ALL.iter().copied().filter(|l| l.pairs_with(output)).collect()
}

/// Switches problem type: regression uses a linear output, classification tanh.
fn set_problem(c: &mut Config, p: Problem) {
    c.problem = p;
    match p {
        Problem::Regression => {
            c.output = Activation::Linear;
            c.loss = Loss::HalfMse;
            c.classes = 2;
            c.early_stopping.enabled = c.early_stopping.enabled && c.percent_val > 0;
        }
        Problem::Classification => {
            if c.output == Activation::Linear {
                c.output = Activation::Tanh;
                c.loss = Loss::HalfMse;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> AppState {
        AppState::new(Settings::new(Lang::En))
    }

    #[test]
    fn the_learning_rate_and_penalty_rate_change_without_a_reset() {
        let s = start();
        let t = s.apply(Action::SetLearningRate(0.3)).apply(Action::SetRegularizationRate(0.01));
        assert_eq!(t.generation, s.generation);
        assert_eq!(t.settings.config.learning_rate, 0.3);
    }

    #[test]
    fn structural_changes_reset_the_network() {
        let s = start();
        for a in [
            Action::SetBatchSize(FULL_BATCH),
            Action::SetRegularization(Regularization::L2),
            Action::SetNoise(20),
            Action::ToggleFeature(Feature::X1X2),
            Action::AddLayer,
            Action::ChangeNeurons(0, 1),
            Action::SetActivation(Activation::Relu),
            Action::SetDataset(Dataset::Xor),
            Action::Regenerate(99),
            Action::Reset,
        ] {
            assert_eq!(s.apply(a.clone()).generation, s.generation + 1, "{a:?}");
        }
    }

    #[test]
    fn layer_and_neuron_counts_stay_in_range() {
        let mut s = start();
        for _ in 0..10 {
            s = s.apply(Action::AddLayer);
        }
        assert_eq!(s.settings.config.hidden.len(), MAX_LAYERS);
        for _ in 0..10 {
            s = s.apply(Action::ChangeNeurons(0, 1));
        }
        assert_eq!(s.settings.config.hidden[0].neurons, MAX_NEURONS);
        for _ in 0..10 {
            s = s.apply(Action::ChangeNeurons(0, -1));
        }
        assert_eq!(s.settings.config.hidden[0].neurons, 1);
        for _ in 0..10 {
            s = s.apply(Action::RemoveLayer);
        }
        assert!(s.settings.config.hidden.is_empty());
    }

    #[test]
    fn the_last_feature_cannot_be_turned_off() {
        let s = start().apply(Action::ToggleFeature(Feature::X1)).apply(Action::ToggleFeature(Feature::X2));
        assert_eq!(s.settings.config.features, vec![Feature::X2]);
        let s = s.apply(Action::ToggleFeature(Feature::X1));
        assert_eq!(s.settings.config.features, vec![Feature::X1, Feature::X2], "kept in column order");
    }

    #[test]
    fn regression_uses_a_linear_output_and_its_own_data() {
        let s = start().apply(Action::SetProblem(Problem::Regression));
        assert_eq!(s.settings.config.output, Activation::Linear);
        assert!(s.settings.config.dataset.is_regression());
        let s = s.apply(Action::SetDataset(Dataset::Spiral));
        assert_eq!(s.settings.config.problem, Problem::Classification);
        assert_eq!(s.settings.config.output, Activation::Tanh);
    }

    #[test]
    fn outputs_and_losses_are_offered_only_in_valid_pairs() {
        let s = start();
        for output in s.settings.config.valid_outputs() {
            let t = s.apply(Action::SetOutput(output));
            assert_eq!(t.settings.config.output, output);
            assert!(t.settings.config.loss.pairs_with(output), "{output:?} came with a fitting loss");
            for loss in valid_losses(output) {
                let u = t.apply(Action::SetLoss(loss));
                assert!(u.settings.config.validate().is_ok(), "{output:?} + {loss:?}");
                assert_eq!(u.generation, t.generation, "the loss changes without a reset");
            }
        }
        let bad = s.apply(Action::SetLoss(Loss::SoftmaxCe));
        assert_eq!(bad.settings.config.loss, Loss::HalfMse, "softmax cross-entropy does not pair with tanh");
        assert_eq!(valid_losses(Activation::Sigmoid), vec![Loss::HalfMse, Loss::Mse, Loss::Bce]);
        let three = s.apply(Action::SetClasses(3));
        assert_eq!(three.settings.config.valid_outputs(), vec![Activation::Softmax]);
        assert!(three.settings.config.validate().is_ok());
        assert!(three.apply(Action::SetClasses(2)).settings.config.validate().is_ok());
    }

    #[test]
    fn every_lesson_opens_a_valid_setup() {
        for lesson in Lesson::ALL {
            let s = start().apply(Action::LoadLesson(lesson));
            assert!(s.settings.config.validate().is_ok(), "{lesson:?}");
            assert!(crate::engine::Trainer::new(s.settings.config.clone()).is_ok());
        }
        assert!(Lesson::OrOneNeuron.config().is_perceptron());
    }

    #[test]
    fn lesson_settings_change_live_where_they_can() {
        let s = start().apply(Action::AddLayer);
        for a in [
            Action::SetDropout(0, 0.5),
            Action::SetOptimizer(Optimizer::Adam),
            Action::SetOptimizerParam(OptimizerParam::Beta1, 0.8),
            Action::SetShuffle(true),
            Action::SetEarlyStopping(true),
            Action::SetPatience(7),
            Action::SetLoss(Loss::Mse),
            Action::SetLeakySlope(0.2),
            Action::SetMinDelta(0.001),
        ] {
            assert_eq!(s.apply(a.clone()).generation, s.generation, "{a:?}");
        }
        for a in [Action::SetLayerActivation(1, Activation::Elu), Action::SetInit(Init::He), Action::SetPercentVal(15), Action::SetOutput(Activation::Sigmoid)] {
            assert_eq!(s.apply(a.clone()).generation, s.generation + 1, "{a:?}");
        }
    }

    #[test]
    fn drawn_points_become_the_data() {
        let p = Point { x: 1.0, y: 2.0, label: 1.0 };
        let s = start().apply(Action::AddPoint(p)).apply(Action::AddPoint(Point { label: -1.0, ..p }));
        assert_eq!(s.settings.config.dataset, Dataset::Custom);
        assert_eq!(s.settings.config.custom_points.len(), 2);
        assert!(crate::engine::Trainer::new(s.settings.config.clone()).is_ok());
        // Changing the number of classes keeps every point trainable.
        let four = s.apply(Action::SetClasses(4));
        assert_eq!(four.settings.config.dataset, Dataset::Custom, "the user's points stay");
        let four = four.apply(Action::AddPoint(Point { label: 3.0, ..p }));
        let three = four.apply(Action::SetClasses(3));
        assert!(three.settings.config.custom_points.iter().all(|p| p.label <= 2.0));
        assert!(crate::engine::Trainer::new(three.settings.config.clone()).unwrap().step().is_ok());
        let two = three.apply(Action::SetClasses(2));
        assert!(two.settings.config.custom_points.iter().all(|p| p.label == 1.0 || p.label == -1.0));
        let cleared = s.apply(Action::ClearPoints);
        assert!(cleared.settings.config.custom_points.is_empty());
        assert!(cleared.generation > s.generation, "new data, new network");
    }

    #[test]
    fn any_sequence_of_actions_leaves_a_setup_that_trains() {
        use crate::engine::rng::Rng;
        let mut rng = Rng::new(5);
        let mut s = start();
        let pick = |rng: &mut Rng, n: usize| rng.below(n);
        for step in 0..3000 {
            let a = match pick(&mut rng, 22) {
                0 => Action::SetDataset(Dataset::CLASSIFICATION[pick(&mut rng, 9)]),
                1 => Action::SetDataset(Dataset::REGRESSION[pick(&mut rng, 2)]),
                2 => Action::SetDataset(Dataset::MULTICLASS[pick(&mut rng, 2)]),
                3 => Action::SetProblem(if pick(&mut rng, 2) == 0 { Problem::Regression } else { Problem::Classification }),
                4 => Action::SetClasses(2 + pick(&mut rng, 3)),
                5 => Action::SetOutput(Activation::OUTPUT[pick(&mut rng, 5)]),
                6 => Action::SetLoss(Loss::ALL[pick(&mut rng, 4)]),
                7 => Action::AddLayer,
                8 => Action::RemoveLayer,
                9 => Action::ChangeNeurons(pick(&mut rng, 6), if pick(&mut rng, 2) == 0 { 1 } else { -1 }),
                10 => Action::SetLayerActivation(pick(&mut rng, 6), Activation::HIDDEN[pick(&mut rng, 10)]),
                11 => Action::ToggleFeature(Feature::ALL[pick(&mut rng, 9)]),
                12 => Action::SetPercentTrain(10 * (1 + pick(&mut rng, 9) as u32)),
                13 => Action::SetPercentVal(5 * pick(&mut rng, 9) as u32),
                14 => Action::AddPoint(Point { x: 1.0, y: -1.0, label: [1.0, -1.0, 0.0, 2.0, 3.0][pick(&mut rng, 5)] }),
                15 => Action::ClearPoints,
                16 => Action::LoadLesson(Lesson::ALL[pick(&mut rng, 7)]),
                17 => Action::SetBatchSize(1 + pick(&mut rng, FULL_BATCH)),
                18 => Action::SetDropout(pick(&mut rng, 6), 0.5),
                19 => Action::SetInit(Init::ALL[pick(&mut rng, 5)]),
                20 => Action::SetActivation(Activation::HIDDEN[pick(&mut rng, 10)]),
                _ => Action::SetOptimizer(Optimizer::ALL[pick(&mut rng, 4)]),
            };
            s = s.apply(a.clone());
            let c = &s.settings.config;
            assert!(c.validate().is_ok(), "step {step} {a:?}: {:?}", c.validate());
            if step % 50 == 0 && !(c.dataset == Dataset::Custom && c.custom_points.is_empty()) {
                let mut t = crate::engine::Trainer::new(c.clone()).expect("a valid setup builds");
                // A large step may diverge: that is reported, and the weights stay finite.
                let _ = t.step();
                assert!(t.network.is_finite(), "step {step}: {c:?}");
            }
        }
    }

    #[test]
    fn divergence_pauses_and_is_reported_once() {
        let s = start().apply(Action::TogglePlay);
        assert!(s.playing);
        let s = s.apply(Action::Notify(Notice::Diverged(7))).apply(Action::Notify(Notice::Diverged(9)));
        assert!(!s.playing);
        assert_eq!(s.notices, vec![Notice::Diverged(9)]);
        assert!(s.apply(Action::Dismiss(0)).notices.is_empty());
    }
}
