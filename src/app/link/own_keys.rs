//! Neurona's own link keys, written where they differ from what a link without them means.

use super::values::*;
use crate::engine::config::{Monitor, ALL_DIGITS};
use crate::engine::{Activation, Config, Dataset, Init, Loss, Optimizer, Real};
use crate::exercise::{self, Exercise, Goal};
use crate::settings::Speed;

/// Neurona's own keys, before the compared setup.
pub(super) const OWN_KEYS: &[Key] = &[
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
    Key {
        absent: Some(|s| {
            if s.config.data.dataset == Dataset::Digits {
                s.config.data.digits = ALL_DIGITS.to_vec();
                s.config.data.classes = ALL_DIGITS.len();
            }
        }),
        ..key(
            "digits",
            2,
            false,
            |s, v| {
                let digits: Result<Vec<u8>, ()> = v.split(',').map(number::<u8>).collect();
                let mut digits = digits.unwrap_or_default();
                digits.sort_unstable();
                digits.dedup();
                let valid = crate::engine::vectors::valid_choice(&digits);
                // A choice that is not one takes all ten digits, said.
                s.config.data.digits = if valid { digits } else { ALL_DIGITS.to_vec() };
                if s.config.data.dataset == Dataset::Digits {
                    s.config.data.classes = s.config.data.digits.len();
                }
                valid.then_some(()).ok_or(())
            },
            |s| (s.config.data.dataset == Dataset::Digits && s.config.data.digits != ALL_DIGITS).then(|| list(s.config.data.digits.iter())),
        )
    },
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
        absent: Some(|s| s.config.network.output = s.config.default_output()),
        ..key(
            "output",
            1,
            false,
            |s, v| {
                s.config.network.output = Activation::from_name(v).filter(|a| Activation::OUTPUT.contains(a)).ok_or(())?;
                Ok(())
            },
            |s| (s.config.network.output != s.config.default_output()).then(|| s.config.network.output.name().into()),
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
];

/// Neurona's own keys after the data's own (data_keys.rs): the speed and the exercise.
pub(super) const LATER_KEYS: &[Key] = &[
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
        // The map's goal is kept off the satellite data too (points edited by hand leave it):
        // there it cannot be met until the data is the satellite's again.
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
            // Cut to the question's limit: said, as a repair.
            if v.chars().filter(|c| !c.is_control() || *c == '\n').count() > exercise::MAX_TEXT_CHARS {
                return Err(());
            }
            Ok(())
        },
        |s| (!s.exercise.text.is_empty()).then(|| s.exercise.text.clone()),
    ),
];
