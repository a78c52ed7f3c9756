//! TensorFlow Playground's own link keys, in the order it writes them.

use super::values::*;
use crate::engine::config::{HiddenLayer, Problem};
use crate::engine::{Activation, Dataset, Init, Regularization};

/// TensorFlow Playground's keys, as it writes them.
pub(super) const TFP_KEYS: &[Key] = &[
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
                s.config.data.dataset = data_set(v)?;
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
                s.config.data.dataset = data_set(v)?;
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
            // TensorFlow Playground's seeds are decimals (`0.66230`): kept as written, they
            // draw its own data and weights. Neurona's are whole numbers.
            let limit = crate::engine::limits::PLAYGROUND_SEED_CHARS;
            s.config.data.playground_seed = (v.parse::<u64>().is_err() && v.len() <= limit).then(|| v.to_string());
            // A seed too long to be TensorFlow Playground's: the run's own instead, said.
            if v.parse::<u64>().is_err() && v.len() > limit {
                return Err(());
            }
            Ok(())
        },
        |s| Some(s.config.data.playground_seed.clone().unwrap_or_else(|| s.config.data.seed.to_string())),
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
];

/// A data set by its name in a link: a table's too, whose columns and rows the link's `table`
/// key carries (without them, the setup is held to the default data, and says so).
fn data_set(v: &str) -> Result<Dataset, ()> {
    Dataset::from_name(v).or((v == Dataset::Table.name()).then_some(Dataset::Table)).ok_or(())
}
