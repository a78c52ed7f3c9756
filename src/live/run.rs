//! What the page asks of the run beside training: the exercise's epoch limit, an earlier epoch
//! shown and the run going on from there, and the student's edits of its weights. Each is a
//! request the worker carries out; the run as shown changes with its answer.

use super::page::RunHost;
use super::protocol::ToWorker;
use crate::engine::perceptron::PerceptronStep;
use crate::engine::Real;

/// An edit of the run's weights by the student.
pub enum Edit {
    /// A neuron's weight from `input` (or, with `None`, its bias), typed.
    Parameter { layer: usize, neuron: usize, input: Option<usize>, value: Real },
    /// The update the backprop walk-through wrote out for a training point.
    Backprop(usize),
    /// The perceptron rule on the next training point; who hears what it did.
    PerceptronStep(yew::Callback<PerceptronStep>),
}

impl RunHost {
    /// Epochs the exercise still allows (all there are without a limit), counting those
    /// already asked for.
    pub(super) fn epochs_left(&self) -> u64 {
        let Some(max) = self.settings.exercise.max_epochs else { return u64::MAX };
        max.saturating_sub(self.view.newest_epoch() + self.link.asked.iter().sum::<u64>())
    }

    /// Shows the network as it was at `epoch` (the nearest kept snapshot at or before it),
    /// or, at the newest epoch, as it is: the worker measures it and the run stays as it is.
    /// Training pauses meanwhile.
    pub(super) fn view_epoch(&mut self, epoch: u64) {
        let earlier = self.view.timeline().at(epoch).filter(|_| epoch < self.view.newest_epoch()).cloned();
        self.showing = earlier.as_ref().map(|(at, _)| *at);
        self.send(ToWorker::Show(earlier));
    }

    /// When an earlier epoch is shown, makes it the run's present: the worker and the page
    /// go back there and training continues from it.
    pub(super) fn continue_from_viewed(&mut self) {
        let Some(epoch) = self.showing.take() else { return };
        if let Some((at, parameters)) = self.view.timeline().at(epoch).cloned() {
            self.send(ToWorker::Rewind { epoch: at, parameters });
        }
    }

    /// Edits the run's weights in the worker (the run as shown follows its answer).
    pub(super) fn edit(&mut self, edit: Edit) {
        let Some(t) = self.view.trainer() else { return };
        let mut losses = None;
        let message = match edit {
            Edit::Parameter { layer, neuron, input, value } => {
                let fits = t.network.layers.get(layer).is_some_and(|l| neuron < l.n_out && input.is_none_or(|i| i < l.n_in)) && value.is_finite();
                fits.then_some(ToWorker::SetParameter { layer, neuron, input, value })
            }
            Edit::Backprop(point) => {
                let Some(w) = t.walkthrough_for(&t.config, point) else { return };
                let parameters: Vec<(Vec<Real>, Vec<Real>)> = w.new_w.iter().cloned().zip(w.new_b.iter().cloned()).collect();
                let mut after = t.network.clone();
                let loss = if after.set_parameters(&parameters) { t.example_loss(&after, point, &mut Default::default()) } else { None };
                let loss = loss.unwrap_or(f64::NAN);
                losses = Some((w.loss, loss));
                Some(ToWorker::SetParameters(parameters))
            }
            // Only a threshold unit's step is answered with what the rule did.
            Edit::PerceptronStep(_) if !t.config.is_perceptron() || t.split.train.is_empty() => None,
            Edit::PerceptronStep(then) => {
                self.perceptron_cursor += 1;
                self.perceptron_heard.push_back(then);
                Some(ToWorker::PerceptronPoint(self.perceptron_cursor - 1))
            }
        };
        let Some(message) = message else { return };
        self.send(message);
        self.edited = true;
        if losses.is_some() {
            self.view.page.backprop_losses = losses;
        }
    }
}
