//! How the network reads examples of vectors (a digit drawn, the test images): each class's
//! probability, and the test examples it gets wrong with its guess.

use super::predict::{class_of, score};
use super::trainer::Trainer;
use super::{Activation, Real};

/// A test example the network gets wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// Its place among the test examples.
    pub index: usize,
    /// Its class.
    pub class: usize,
    /// The class the network gives it.
    pub guess: usize,
}

/// Each class's probability from the network's outputs: softmax's own, or with one output
/// the score's place between −1 (the first class) and +1 (the second).
pub fn probabilities(output: Activation, outputs: &[Real]) -> Vec<Real> {
    match outputs {
        [one] if output != Activation::Softmax => {
            let p = ((score(output, *one) + 1.0) / 2.0).clamp(0.0, 1.0);
            vec![1.0 - p, p]
        }
        _ => outputs.iter().map(|v| if v.is_finite() { *v } else { 0.0 }).collect(),
    }
}

/// The class of the largest probability (the first of equals).
pub fn guess(probabilities: &[Real]) -> usize {
    probabilities.iter().enumerate().fold((0, Real::NEG_INFINITY), |best, (i, &p)| if p > best.1 { (i, p) } else { best }).0
}

impl Trainer {
    /// Each class's probability for one example of vectors (its inputs as the data's rows
    /// have them).
    pub fn probabilities_of(&self, inputs: &[Real]) -> Vec<Real> {
        probabilities(self.network.output().activation, &self.outputs_of(inputs))
    }

    /// The test examples the network gets wrong, in their order, at most `most`; none for data
    /// on the plane.
    pub fn test_mistakes(&self, most: usize) -> Vec<Mistake> {
        let rows = &self.split.rows;
        if rows.dims == 0 {
            return Vec::new();
        }
        let k = self.config.data.classes.max(2);
        self.split
            .test
            .iter()
            .zip(rows.test.chunks_exact(rows.dims))
            .enumerate()
            .filter_map(|(index, (p, row))| {
                let (class, guess) = (class_of(p.label, k), guess(&self.probabilities_of(row)));
                (class != guess).then_some(Mistake { index, class, guess })
            })
            .take(most)
            .collect()
    }

    /// A test example's inputs, for data of vectors.
    pub fn test_row(&self, index: usize) -> Option<&[Real]> {
        let dims = self.split.rows.dims;
        (dims > 0).then(|| self.split.rows.test.get(index * dims..(index + 1) * dims)).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_output_reads_as_two_classes_and_softmax_as_it_is() {
        assert_eq!(probabilities(Activation::Tanh, &[0.5]), vec![0.25, 0.75]);
        assert_eq!(probabilities(Activation::Sigmoid, &[0.9]).iter().map(|p| (p * 10.0).round()).collect::<Vec<_>>(), [1.0, 9.0]);
        assert_eq!(probabilities(Activation::Tanh, &[3.0]), vec![0.0, 1.0], "a score beyond +1 is sure");
        assert_eq!(probabilities(Activation::Softmax, &[0.2, 0.5, 0.3]), vec![0.2, 0.5, 0.3]);
        assert_eq!(guess(&[0.2, 0.5, 0.3]), 1);
        assert_eq!(guess(&[0.5, 0.5]), 0);
    }
}
