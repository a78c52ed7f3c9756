//! The figures beside the picture as the page writes them: the epoch counter, losses and
//! accuracies (plain Rust, tested natively).

use crate::engine::{Metrics, Trainer};

/// The epoch counter as TensorFlow Playground shows it: 000,000.
pub fn format_epoch(epoch: u64) -> String {
    let digits = format!("{epoch:06}");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A data set the figures are measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    /// The training data.
    Train,
    /// The validation data.
    Validation,
    /// The test data.
    Test,
    /// The test data, or the training data where there is none (the figure a phone shows).
    Shown,
}

/// One figure the page shows beside the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// The epoch counter, 000,000.
    Epoch,
    /// A loss, three decimals.
    Loss(Set),
    /// An accuracy, in percent to one decimal.
    Accuracy(Set),
    /// The satellite scene's map: the share of its pixels classed right, in percent to one
    /// decimal (computed with the map, not by the trainer: see [`map_figure`]).
    MapAccuracy,
}

/// The map's accuracy (0 to 1) as the page writes it.
pub fn map_figure(accuracy: Option<f64>) -> String {
    accuracy.map(|a| format!("{:.1}%", a * 100.0)).unwrap_or_else(|| "–".into())
}

/// A figure as the page writes it ("–" where there is none yet).
pub fn figure(trainer: Option<&Trainer>, which: Figure) -> String {
    let Some(t) = trainer else {
        return if which == Figure::Epoch { format_epoch(0) } else { "–".into() };
    };
    let report = t.last.as_ref();
    let on = |set: Set| -> Option<&Metrics> {
        let r = report?;
        match set {
            Set::Train => Some(&r.train),
            Set::Validation => r.validation.as_ref(),
            Set::Test => r.test.as_ref(),
            Set::Shown => r.test.as_ref().or(Some(&r.train)),
        }
    };
    match which {
        Figure::Epoch => format_epoch(t.epoch),
        Figure::Loss(set) => on(set).map(|m| format!("{:.3}", m.loss)).unwrap_or_else(|| "–".into()),
        Figure::Accuracy(set) => on(set).and_then(|m| m.accuracy).map(|a| format!("{:.1}%", a * 100.0)).unwrap_or_else(|| "–".into()),
        Figure::MapAccuracy => "–".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_the_page_shows_them() {
        assert_eq!(format_epoch(1234), "001,234");
        assert_eq!(format_epoch(1_234_567), "1,234,567");
        assert_eq!(figure(None, Figure::Epoch), "000,000");
        assert_eq!(figure(None, Figure::Loss(Set::Test)), "–");
        let mut config = crate::engine::Config::default();
        config.data.percent_val = 0;
        let mut t = Trainer::new(config).expect("a trainer");
        t.step().expect("an epoch");
        let r = t.last.clone().expect("measured");
        assert_eq!(figure(Some(&t), Figure::Epoch), "000,001");
        assert_eq!(figure(Some(&t), Figure::Loss(Set::Train)), format!("{:.3}", r.train.loss));
        assert_eq!(figure(Some(&t), Figure::Loss(Set::Validation)), "–", "no validation data");
        let test = r.test.as_ref().expect("test data");
        assert_eq!(figure(Some(&t), Figure::Loss(Set::Shown)), format!("{:.3}", test.loss), "the phone shows the test loss");
        assert_eq!(figure(Some(&t), Figure::Accuracy(Set::Test)), format!("{:.1}%", test.accuracy.unwrap() * 100.0));
    }
}
