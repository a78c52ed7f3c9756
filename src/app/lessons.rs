//! The lesson's ready setups: one click opens the network that shows each idea of the lecture.

use crate::engine::config::{DataSetup, EarlyStopping, HiddenLayer, Monitor};
use crate::engine::{Activation, Config, Dataset, Feature, Loss, Optimizer};

/// The dropout rate of the dropout lesson, as the lecture writes it (`Dropout(0.5)`).
pub const DROPOUT_RATE: crate::engine::Real = 0.5;

/// Epochs after which the dropout lesson pauses and explains: both runs are on the chart.
pub const DROPOUT_EPOCHS: u64 = 500;

/// When a lesson's point has been shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonPoint {
    /// After this many epochs.
    Epochs(u64),
    /// When early stopping has stopped the run.
    EarlyStop,
    /// After this many steps of training shown (at a threshold unit's slow pace, moves of its
    /// line: XOR's never stop, and an epoch of them takes a minute).
    Steps(u64),
}

/// Ready setups for the lesson, one click each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// A single threshold unit learns OR with the perceptron rule.
    OrOneNeuron,
    /// AND with one threshold unit, its weights searched by hand.
    AndByHand,
    /// A single threshold unit cannot learn XOR.
    XorOneNeuron,
    /// A hidden layer of four tanh neurons learns XOR.
    XorHiddenLayer,
    /// A sigmoid neuron with binary cross-entropy.
    CrossEntropy,
    /// A big network on few noisy points overfits; early stopping halts it.
    EarlyStopping,
    /// The same network with and without dropout 0.5, side by side.
    Dropout,
    /// Three classes with softmax and cross-entropy.
    ThreeClasses,
    /// The club's data: vegetation against the rest with one neuron, on red alone, then with
    /// the near-infrared band.
    Infrared,
    /// Water, vegetation, soil and cloud: four classes with a hidden layer.
    FourSurfaces,
    /// Exercise: separate XOR with the fewest hidden neurons.
    ExerciseXor,
    /// Exercise: the weights of AND, found by hand (no training).
    ExerciseAndByHand,
    /// Exercise: a learning rate that learns AND within 20 epochs.
    ExerciseLearningRate,
    /// Exercise: the scene's vegetation mapped right (95% of its pixels) with at most two
    /// hidden neurons, from red alone.
    ExerciseVegetationMap,
}

impl Lesson {
    /// All lessons, in the order of the lecture.
    pub const ALL: [Lesson; 14] = [
        Lesson::OrOneNeuron,
        Lesson::AndByHand,
        Lesson::XorOneNeuron,
        Lesson::XorHiddenLayer,
        Lesson::CrossEntropy,
        Lesson::EarlyStopping,
        Lesson::Dropout,
        Lesson::ThreeClasses,
        Lesson::Infrared,
        Lesson::FourSurfaces,
        Lesson::ExerciseXor,
        Lesson::ExerciseAndByHand,
        Lesson::ExerciseLearningRate,
        Lesson::ExerciseVegetationMap,
    ];

    /// Its number in element ids (`#lesson-N`), fixed once given: the lecture's eight, the
    /// three exercises, the lessons on the satellite data, then the exercise on them.
    pub fn number(self) -> usize {
        match self {
            Lesson::Infrared => 12,
            Lesson::FourSurfaces => 13,
            Lesson::ExerciseVegetationMap => 14,
            Lesson::ExerciseXor => 9,
            Lesson::ExerciseAndByHand => 10,
            Lesson::ExerciseLearningRate => 11,
            l => Self::ALL.iter().position(|&a| a == l).map_or(0, |i| i + 1),
        }
    }

    /// Whether it learns in a few epochs, too fast to follow at one epoch a frame: it then
    /// opens at two epochs a second.
    pub fn is_quick(self) -> bool {
        matches!(self, Lesson::OrOneNeuron | Lesson::AndByHand | Lesson::XorOneNeuron | Lesson::XorHiddenLayer | Lesson::CrossEntropy)
    }

    /// When the lesson's point is on the screen, so that its explanation can come: after a
    /// number of epochs, or when early stopping has acted. `None` for an exercise (its goal
    /// says when it is done).
    pub fn point(self) -> Option<LessonPoint> {
        Some(match self {
            // At two epochs a second: the line's moves, then OR separated (or XOR never).
            Lesson::OrOneNeuron | Lesson::AndByHand => LessonPoint::Epochs(6),
            Lesson::XorOneNeuron => LessonPoint::Steps(12),
            // The boundary bends for about ten seconds before XOR is separated.
            Lesson::XorHiddenLayer => LessonPoint::Epochs(24),
            Lesson::CrossEntropy => LessonPoint::Epochs(12),
            Lesson::EarlyStopping => LessonPoint::EarlyStop,
            // Both curves side by side, far enough for the run without dropout to overfit.
            Lesson::Dropout => LessonPoint::Epochs(DROPOUT_EPOCHS),
            Lesson::ThreeClasses => LessonPoint::Epochs(60),
            // Red alone has found the best it can (and the map is still wrong).
            Lesson::Infrared => LessonPoint::Epochs(60),
            Lesson::FourSurfaces => LessonPoint::Epochs(150),
            Lesson::ExerciseXor | Lesson::ExerciseAndByHand | Lesson::ExerciseLearningRate | Lesson::ExerciseVegetationMap => return None,
        })
    }

    /// Whether the run pauses when the point is shown, for the class to look at it.
    pub fn pauses_at_point(self) -> bool {
        self == Lesson::Dropout
    }

    /// The second setup the lesson trains beside its own (Compare), if any: the dropout
    /// lesson's network without dropout, from the same data and initial weights.
    pub fn compare(self) -> Option<Config> {
        (self == Lesson::Dropout).then(|| {
            let mut c = self.config();
            c.training.dropout = vec![];
            c
        })
    }

    /// The lesson after this one, in the lecture's order.
    pub fn next(self) -> Option<Lesson> {
        let i = Self::ALL.iter().position(|&l| l == self)?;
        Self::ALL.get(i + 1).copied()
    }

    /// The exercise it sets: a goal to check and limits (none for a lesson that only shows).
    pub fn exercise(self) -> crate::app::exercise::Exercise {
        use crate::app::exercise::{Exercise, Goal};
        match self {
            Lesson::ExerciseXor => Exercise { goal: Some(Goal::Accuracy(90.0)), max_neurons: Some(3), ..Exercise::default() },
            Lesson::ExerciseAndByHand => Exercise { goal: Some(Goal::Accuracy(100.0)), max_epochs: Some(0), ..Exercise::default() },
            Lesson::ExerciseLearningRate => Exercise { goal: Some(Goal::TestLoss(0.3)), max_epochs: Some(20), ..Exercise::default() },
            Lesson::ExerciseVegetationMap => Exercise { goal: Some(Goal::MapAccuracy(95.0)), max_neurons: Some(2), ..Exercise::default() },
            _ => Exercise::default(),
        }
    }

    /// Whether it is an exercise.
    pub fn is_exercise(self) -> bool {
        self.exercise().is_set()
    }

    /// The setup it opens.
    pub fn config(self) -> Config {
        let mut c = Config::default();
        let relu = |neurons| HiddenLayer { neurons, activation: Activation::Relu };
        match self {
            Lesson::OrOneNeuron | Lesson::AndByHand | Lesson::XorOneNeuron => {
                c.data.dataset = match self {
                    Lesson::OrOneNeuron => Dataset::LogicOr,
                    Lesson::AndByHand => Dataset::LogicAnd,
                    _ => Dataset::LogicXor,
                };
                c.network.hidden = vec![];
                c.network.output = Activation::Step;
                c.training.loss = Loss::HalfMse;
                // OR's smaller steps take the line through more moves, each seen at the slow pace.
                c.training.learning_rate = if self == Lesson::OrOneNeuron { 0.03 } else { 0.1 };
            }
            // At two epochs a second, a small rate takes the boundary through about twenty
            // bends, each seen, before XOR is separated.
            Lesson::XorHiddenLayer => {
                c.data.dataset = Dataset::LogicXor;
                c.network.hidden = vec![HiddenLayer { neurons: 4, ..HiddenLayer::default() }];
                c.training.learning_rate = 0.03;
            }
            Lesson::CrossEntropy => {
                c.data.dataset = Dataset::LogicAnd;
                c.network.hidden = vec![];
                c.network.output = Activation::Sigmoid;
                c.training.loss = Loss::Bce;
                c.training.learning_rate = 0.1;
            }
            // Two hidden layers of eight ReLU neurons on every feature, a sigmoid output with
            // cross-entropy, trained on 50 noisy points of the circle: the network learns the
            // circle for some dozens of epochs, then learns the noise, and the validation loss
            // climbs while the training loss keeps falling (cross-entropy grows fast on points
            // predicted wrongly with confidence). Early stopping waits 250 epochs, so the climb
            // is on the chart before it acts (tests/lessons.rs).
            Lesson::EarlyStopping => {
                c.data = DataSetup { dataset: Dataset::Circle, noise: 30, percent_train: 10, percent_val: 20, ..c.data };
                c.network.hidden = vec![relu(8); 2];
                c.network.features = Feature::ALL[..7].to_vec();
                c.network.output = Activation::Sigmoid;
                c.training.loss = Loss::Bce;
                c.training.learning_rate = 0.03;
                c.training.optimizer = Optimizer::Sgd;
                c.training.early_stopping = EarlyStopping { enabled: true, monitor: Monitor::Val, patience: 250, min_delta: 0.0 };
            }
            // The same kind of network on 100 very noisy points, with dropout 0.5 on both
            // hidden layers; the lesson trains it beside the same network without dropout
            // (`compare`), whose validation loss ends higher (tests/lessons.rs).
            Lesson::Dropout => {
                c.data = DataSetup { dataset: Dataset::Circle, noise: 50, percent_train: 20, percent_val: 20, ..c.data };
                c.network.hidden = vec![relu(8); 2];
                c.network.features = Feature::ALL[..7].to_vec();
                c.training.learning_rate = 0.03;
                c.training.optimizer = Optimizer::Sgd;
                c.training.dropout = vec![DROPOUT_RATE; 2];
            }
            // One sigmoid neuron on the red band alone (X₁): vegetation is as dark in red as
            // water, so no threshold separates it (tests/satellite.rs: 57 to 78% on five
            // seeds); the caption then asks for X₂, the near-infrared, with which one line does.
            Lesson::Infrared => {
                c.data.dataset = Dataset::Satellite;
                c.network.hidden = vec![];
                c.network.features = vec![Feature::X1];
                c.network.output = Activation::Sigmoid;
                c.training.loss = Loss::Bce;
                c.training.learning_rate = 0.1;
            }
            Lesson::FourSurfaces => {
                c.data.dataset = Dataset::Satellite;
                c.data.classes = 4;
                c.network.hidden = vec![HiddenLayer { neurons: 6, ..HiddenLayer::default() }];
                c.network.output = Activation::Softmax;
                c.training.loss = Loss::SoftmaxCe;
                c.training.learning_rate = 0.1;
            }
            // Two hidden neurons on the red band alone: more neurons cannot make up for the
            // band that is missing (tests/learning.rs: the map stays near 75 to 80% on five
            // seeds); with X₂ on, the same two, or none, map it above 95%.
            Lesson::ExerciseVegetationMap => {
                c = Lesson::Infrared.config();
                c.network.hidden = vec![HiddenLayer { neurons: 2, ..HiddenLayer::default() }];
            }
            Lesson::ExerciseXor => {
                c.data.dataset = Dataset::Xor;
                c.network.hidden = vec![HiddenLayer { neurons: 1, ..HiddenLayer::default() }];
                c.training.learning_rate = 0.1;
            }
            // The setups of the lessons they follow: AND's threshold unit, and the sigmoid
            // neuron of the cross-entropy lesson, on AND's points spread so wide that they
            // overlap, with a rate too small. On clean AND every larger rate wins at once; here
            // a rate of 3 or 10 makes the loss jump, so only a middle rate meets the goal.
            Lesson::ExerciseAndByHand => return Lesson::AndByHand.config(),
            Lesson::ExerciseLearningRate => {
                c = Lesson::CrossEntropy.config();
                c.data.noise = 50;
                c.training.learning_rate = 0.001;
            }
            Lesson::ThreeClasses => {
                c.data = DataSetup { dataset: Dataset::Blobs, classes: 3, noise: 20, ..c.data };
                c.network.output = Activation::Softmax;
                c.training.loss = Loss::SoftmaxCe;
            }
        }
        c
    }
}
