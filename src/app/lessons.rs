//! The lesson's ready setups: one click opens the network that shows each idea of the lecture.

use crate::engine::config::{DataSetup, EarlyStopping, HiddenLayer, Monitor};
use crate::engine::{Activation, Config, Dataset, Feature, Loss, Optimizer};

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
    /// The same network with dropout 0.5.
    Dropout,
    /// Three classes with softmax and cross-entropy.
    ThreeClasses,
    /// Exercise: separate XOR with the fewest hidden neurons.
    ExerciseXor,
    /// Exercise: the weights of AND, found by hand (no training).
    ExerciseAndByHand,
    /// Exercise: a learning rate that learns AND within 20 epochs.
    ExerciseLearningRate,
}

impl Lesson {
    /// All lessons, in the order of the lecture.
    pub const ALL: [Lesson; 11] = [
        Lesson::OrOneNeuron,
        Lesson::AndByHand,
        Lesson::XorOneNeuron,
        Lesson::XorHiddenLayer,
        Lesson::CrossEntropy,
        Lesson::EarlyStopping,
        Lesson::Dropout,
        Lesson::ThreeClasses,
        Lesson::ExerciseXor,
        Lesson::ExerciseAndByHand,
        Lesson::ExerciseLearningRate,
    ];

    /// Whether it learns in a few epochs, too fast to follow at one epoch a frame: it then
    /// opens at two epochs a second.
    pub fn is_quick(self) -> bool {
        matches!(self, Lesson::OrOneNeuron | Lesson::AndByHand | Lesson::XorOneNeuron | Lesson::CrossEntropy)
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
                c.training.learning_rate = if self == Lesson::OrOneNeuron { 0.05 } else { 0.1 };
            }
            Lesson::XorHiddenLayer => {
                c.data.dataset = Dataset::LogicXor;
                c.network.hidden = vec![HiddenLayer { neurons: 4, ..HiddenLayer::default() }];
                c.training.learning_rate = 0.1;
            }
            Lesson::CrossEntropy => {
                c.data.dataset = Dataset::LogicAnd;
                c.network.hidden = vec![];
                c.network.output = Activation::Sigmoid;
                c.training.loss = Loss::Bce;
                c.training.learning_rate = 0.1;
            }
            // Two hidden layers of eight ReLU neurons on every feature, trained on 100 very
            // noisy points of the circle: the training loss keeps falling while the validation
            // loss turns up within a few dozen epochs. Early stopping waits 100 epochs, so the
            // rise is seen before it acts; the dropout lesson trains the same network without
            // stopping, and its validation loss stays below this network's (tests/lessons.rs).
            Lesson::EarlyStopping | Lesson::Dropout => {
                c.data = DataSetup { dataset: Dataset::Circle, noise: 50, percent_train: 20, percent_val: 20, ..c.data };
                c.network.hidden = vec![relu(8); 2];
                c.network.features = Feature::ALL[..7].to_vec();
                c.training.learning_rate = 0.03;
                c.training.optimizer = Optimizer::Sgd;
                if self == Lesson::Dropout {
                    c.training.dropout = vec![0.3; 2];
                } else {
                    c.training.early_stopping = EarlyStopping { enabled: true, monitor: Monitor::Val, patience: 100, min_delta: 0.0 };
                }
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
