//! Exercises a teacher sets in a link: a goal to reach (a test loss at most so much, a test
//! accuracy at least so much, or on the satellite data the scene's map right on at least so
//! much of its pixels), limits (hidden neurons in all, epochs) and the teacher's
//! own question, shown as text.

/// What counts as done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// The test loss at or below this.
    TestLoss(f64),
    /// The test accuracy, in percent, at or above this.
    Accuracy(f64),
    /// The satellite scene's map, in percent of its pixels classed as the scene's true
    /// classes, at or above this (`map-accuracy:95`; the satellite data set only).
    MapAccuracy(f64),
}

/// The longest question kept, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The most hidden neurons a limit may name (the playground's own most: 6 layers of 8).
pub const MAX_NEURONS: usize = 48;
/// The most epochs a limit may name.
pub const MAX_EPOCHS: u64 = 1_000_000;

impl Goal {
    /// Reads `test-loss:0.1`, `accuracy:95` or `map-accuracy:95`; `None` when it is none of
    /// them, or out of range (a loss in (0, 10], an accuracy in (0, 100]).
    pub fn parse(text: &str) -> Option<Goal> {
        let (kind, value) = text.split_once(':')?;
        let v: f64 = value.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        match kind.trim() {
            "test-loss" if v > 0.0 && v <= 10.0 => Some(Goal::TestLoss(v)),
            "accuracy" if v > 0.0 && v <= 100.0 => Some(Goal::Accuracy(v)),
            "map-accuracy" if v > 0.0 && v <= 100.0 => Some(Goal::MapAccuracy(v)),
            _ => None,
        }
    }

    /// As a link writes it.
    pub fn code(self) -> String {
        match self {
            Goal::TestLoss(v) => format!("test-loss:{v}"),
            Goal::Accuracy(v) => format!("accuracy:{v}"),
            Goal::MapAccuracy(v) => format!("map-accuracy:{v}"),
        }
    }

    /// Whether a test loss, a test accuracy and the scene's map accuracy (0 to 1; none off
    /// the satellite data or before the map is computed) reach it.
    pub fn met(self, test_loss: f64, test_accuracy: Option<f64>, map_accuracy: Option<f64>) -> bool {
        let at_least = |a: Option<f64>, v: f64| a.is_some_and(|a| a * 100.0 >= v - 1e-9);
        match self {
            Goal::TestLoss(v) => test_loss.is_finite() && test_loss <= v,
            Goal::Accuracy(v) => at_least(test_accuracy, v),
            Goal::MapAccuracy(v) => at_least(map_accuracy, v),
        }
    }

    /// Whether it is measured as a share (an accuracy, shown in percent), not as a loss.
    pub fn is_accuracy(self) -> bool {
        !matches!(self, Goal::TestLoss(_))
    }
}

/// An exercise: any of a goal, limits and a question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exercise {
    /// What counts as done.
    pub goal: Option<Goal>,
    /// Hidden neurons in all, at most.
    pub max_neurons: Option<usize>,
    /// Epochs of training, at most.
    pub max_epochs: Option<u64>,
    /// The teacher's question (plain text).
    pub text: String,
}

impl Exercise {
    /// Whether there is any exercise at all.
    pub fn is_set(&self) -> bool {
        self.goal.is_some() || self.max_neurons.is_some() || self.max_epochs.is_some() || !self.text.is_empty()
    }

    /// The question as kept: no control characters but line breaks, at most
    /// [`MAX_TEXT_CHARS`].
    pub fn clean_text(text: &str) -> String {
        text.chars().filter(|c| !c.is_control() || *c == '\n').take(MAX_TEXT_CHARS).collect()
    }
}

/// Holds the hidden layers to `max` neurons in all, taking neurons off the last layers first
/// (a layer left with none goes). Returns whether anything changed.
pub fn hold_to_neurons(hidden: &mut Vec<crate::engine::config::HiddenLayer>, max: usize) -> bool {
    let mut changed = false;
    while hidden.iter().map(|h| h.neurons).sum::<usize>() > max {
        let Some(last) = hidden.last_mut() else { break };
        last.neurons -= 1;
        if last.neurons == 0 {
            hidden.pop();
        }
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_are_read_within_their_ranges_and_written_back() {
        assert_eq!(Goal::parse("test-loss:0.1"), Some(Goal::TestLoss(0.1)));
        assert_eq!(Goal::parse("accuracy:95"), Some(Goal::Accuracy(95.0)));
        for bad in ["accuracy:0", "accuracy:101", "test-loss:-1", "test-loss:nan", "loss:0.1", "accuracy", ""] {
            assert_eq!(Goal::parse(bad), None, "{bad}");
        }
        assert_eq!(Goal::parse("map-accuracy:95"), Some(Goal::MapAccuracy(95.0)));
        assert_eq!(Goal::parse("map-accuracy:0"), None);
        for g in [Goal::TestLoss(0.25), Goal::Accuracy(87.5), Goal::MapAccuracy(95.0)] {
            assert_eq!(Goal::parse(&g.code()), Some(g));
        }
        assert!(Goal::TestLoss(0.1).met(0.1, None, None) && !Goal::TestLoss(0.1).met(0.11, Some(1.0), Some(1.0)));
        assert!(
            Goal::Accuracy(95.0).met(9.0, Some(0.95), None)
                && !Goal::Accuracy(95.0).met(0.0, Some(0.94), Some(1.0))
                && !Goal::Accuracy(95.0).met(0.0, None, None)
        );
        // The map's goal is met by the map alone: not by the test points, not before a map.
        assert!(Goal::MapAccuracy(95.0).met(9.0, Some(0.5), Some(0.96)));
        assert!(!Goal::MapAccuracy(95.0).met(0.0, Some(1.0), Some(0.94)) && !Goal::MapAccuracy(95.0).met(0.0, Some(1.0), None));
    }

    #[test]
    fn a_neuron_limit_takes_neurons_off_the_last_layers() {
        use crate::engine::config::HiddenLayer;
        let mut hidden = vec![HiddenLayer { neurons: 4, ..Default::default() }, HiddenLayer { neurons: 2, ..Default::default() }];
        assert!(hold_to_neurons(&mut hidden, 3));
        assert_eq!(hidden.iter().map(|h| h.neurons).collect::<Vec<_>>(), vec![3]);
        assert!(!hold_to_neurons(&mut hidden, 3));
        assert!(hold_to_neurons(&mut hidden, 0));
        assert!(hidden.is_empty());
    }
}
