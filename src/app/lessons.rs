//! The lesson's ready setups: one click opens the network that shows each idea of the lecture.

use crate::engine::config::{EarlyStopping, HiddenLayer, Monitor};
use crate::engine::{Activation, Config, Dataset, Feature, Loss, Optimizer};

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
