//! Reading the network's output as the playground shows it: a class, or a score on the
//! scale where +1 is blue and -1 orange.

use super::{Activation, Real};

/// The class index of a label: for two classes, 1 for +1 (blue) and 0 for -1 (orange).
pub fn class_of(label: Real, k: usize) -> usize {
    if k <= 2 {
        (label > 0.0) as usize
    } else {
        (label.max(0.0) as usize).min(k - 1)
    }
}

/// The predicted class of sample `s` from an output layer's values (`[neuron][sample]`).
pub fn predicted_class(output: Activation, values: &[Real], n: usize, s: usize) -> usize {
    if output == Activation::Softmax {
        let k = values.len() / n;
        (0..k).max_by(|&a, &b| values[a * n + s].total_cmp(&values[b * n + s])).unwrap_or(0)
    } else {
        (score(output, values[s]) >= 0.0) as usize
    }
}

/// Maps a single output to the playground's scale: +1 blue, -1 orange.
pub fn score(output: Activation, value: Real) -> Real {
    match output {
        Activation::Sigmoid | Activation::Step => 2.0 * value - 1.0,
        _ => value,
    }
}
