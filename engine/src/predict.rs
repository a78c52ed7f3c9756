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

/// The label of a class, the inverse of [`class_of`]: for two classes +1 (blue) for class 1
/// and -1 (orange) for class 0; for more, the class's index (the last for one beyond).
pub fn label_of(class: usize, k: usize) -> Real {
    if k <= 2 {
        if class > 0 {
            1.0
        } else {
            -1.0
        }
    } else {
        class.min(k - 1) as Real
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

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn a_class_and_its_label_are_one_rule_both_ways() {
        for k in 2..=6 {
            for class in 0..k {
                assert_eq!(class_of(label_of(class, k), k), class, "class {class} of {k}");
            }
        }
        // Two classes are the sign; beyond the last class is the last.
        assert_eq!((label_of(0, 2), label_of(1, 2), class_of(-0.3, 2), class_of(0.3, 2)), (-1.0, 1.0, 0, 1));
        assert_eq!((label_of(7, 4), class_of(9.0, 4), class_of(-2.0, 4)), (3.0, 3, 0));
    }
}
