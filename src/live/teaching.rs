//! What the teaching views ask of the run: the inspector's and the matrix view's numbers,
//! backprop walked through and applied, the perceptron rule by hand, weights typed by the
//! user, the readout under the pointer, and the exports.

use super::math::InspectPoint;
use super::page::RunHost;
use super::protocol::ToWorker;
use crate::engine::Real;
use crate::i18n::Text;

impl RunHost {
    /// The inspected neuron's numbers (network layer `layer`, the output last) at the point
    /// the inspector looks at: its arithmetic, the point, and where it lies (a training point
    /// with the set's size, or the point under the pointer); while the live network is the one
    /// `config` describes.
    pub fn neuron_math(
        &self,
        config: &crate::engine::Config,
        layer: usize,
        neuron: usize,
    ) -> Option<(crate::engine::inspect::NeuronMath, InspectPoint, (Real, Real), usize)> {
        let t = self.trainer_for(config)?;
        let n = t.split.train.len();
        let (point, at) = match self.inspect_point {
            InspectPoint::Training(i) => {
                let p = t.split.train.get(i % n.max(1))?;
                (InspectPoint::Training(i % n), (p.x, p.y))
            }
            InspectPoint::At(x, y) => (self.inspect_point, (x, y)),
        };
        let math = crate::engine::inspect::neuron_math(&t.network, t.config.network.inputs(), at, layer, neuron)?;
        Some((math, point, at, n))
    }

    /// One update for training point `point` (wrapping around), written out, when the live
    /// network is the one `config` describes.
    pub fn walkthrough(&self, point: usize, config: &crate::engine::Config) -> Option<crate::engine::backprop::Walkthrough> {
        self.trainer()?.walkthrough_for(config, point)
    }

    /// The training points with the largest loss now (their places in the training set),
    /// largest first: where a walk-through starts and what it offers to choose from.
    pub fn hardest_points(&self, config: &crate::engine::Config, k: usize) -> Vec<(usize, f64)> {
        let Some(t) = self.trainer_for(config) else { return Vec::new() };
        let losses = crate::engine::backprop::point_losses(&t.network, &t.config, &t.split.train);
        crate::engine::backprop::hardest_points(&losses, k).into_iter().map(|i| (i, losses[i])).collect()
    }

    /// Applies the update walked through for `point`, here and in the worker, and redraws.
    pub(super) fn apply_backprop(&mut self, point: usize) {
        let Some(w) = self.trainer().and_then(|t| t.walkthrough_for(&t.config, point)) else { return };
        let parameters: Vec<(Vec<Real>, Vec<Real>)> = w.new_w.iter().cloned().zip(w.new_b.iter().cloned()).collect();
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        if t.set_parameters(&parameters) {
            self.mirror.edited = true;
            self.send(ToWorker::SetParameters(parameters));
            let after = self.trainer().and_then(|t| t.walkthrough_for(&t.config, point)).map_or(f64::NAN, |a| a.loss);
            self.backprop_losses = Some((w.loss, after));
            self.draw();
        }
    }

    /// Network layer `layer` (the output last) as Z = W·X + b at four training points from
    /// `offset` (wrapping around), with their places in the training set and its size; while
    /// the live network is the one `config` describes.
    pub fn layer_product(
        &self,
        config: &crate::engine::Config,
        layer: usize,
        offset: usize,
    ) -> Option<(crate::engine::inspect::LayerProduct, Vec<usize>, usize)> {
        let t = self.trainer_for(config)?;
        let train = &t.split.train;
        if train.is_empty() {
            return None;
        }
        let chosen: Vec<usize> = (0..4.min(train.len())).map(|k| (offset + k) % train.len()).collect();
        let points: Vec<(Real, Real)> = chosen.iter().map(|&i| (train[i].x, train[i].y)).collect();
        let product = crate::engine::inspect::layer_product(&t.network, t.config.network.inputs(), &points, layer)?;
        Some((product, chosen, train.len()))
    }

    /// Applies the perceptron rule to the next training point, here and in the worker (the
    /// new weights are sent), and redraws; says what it did.
    pub(super) fn perceptron_step(&mut self) -> Option<crate::engine::perceptron::PerceptronStep> {
        let t = self.mirror.trainer.as_mut()?;
        let step = t.perceptron_point(self.perceptron_cursor)?;
        self.perceptron_cursor += 1;
        self.mirror.edited = true;
        let parameters = t.network.parameters();
        self.send(ToWorker::SetParameters(parameters));
        self.draw();
        Some(step)
    }

    /// The inspector moves on to the next training point.
    pub(super) fn next_inspect_point(&mut self) {
        let next = match self.inspect_point {
            InspectPoint::Training(i) => i + 1,
            InspectPoint::At(..) => 0,
        };
        self.inspect_point = InspectPoint::Training(next % self.trainer().map_or(1, |t| t.split.train.len().max(1)));
        self.frames.publish(super::dom::now());
    }

    /// The current value of a link's weight.
    pub fn weight(&self, layer: usize, neuron: usize, input: usize) -> Option<Real> {
        let l = self.trainer()?.network.layers.get(layer)?;
        l.weight(neuron * l.activation.pieces(), input)
    }

    /// The current bias of a neuron (`layer` counts network layers; the output is last).
    pub fn bias(&self, layer: usize, neuron: usize) -> Option<Real> {
        let l = self.trainer()?.network.layers.get(layer)?;
        l.biases.get(neuron * l.activation.pieces()).copied()
    }

    /// Sets the weight from `input` (or, with `None`, the bias) of a neuron, here and in the
    /// worker, and redraws.
    pub(super) fn set_parameter(&mut self, layer: usize, neuron: usize, input: Option<usize>, value: Real) {
        let Some(t) = &mut self.mirror.trainer else { return };
        if t.set_parameter(layer, neuron, input, value) {
            self.mirror.edited = true;
            self.send(ToWorker::SetParameter { layer, neuron, input, value });
            self.draw();
        }
    }

    /// What the network says at a point of the plane, as the hover readout shows it.
    pub(super) fn describe_point(&mut self, x: Real, y: Real) -> Option<String> {
        let lang = self.settings.lang;
        let t = self.mirror.trainer.as_mut()?;
        let out = t.outputs_at(x, y);
        let activation = t.network.output().activation;
        let value = if out.len() > 1 {
            let k = crate::engine::trainer::predicted_class(activation, &out, 1, 0);
            format!("{} {k}, p = {:.3}", Text::Class.get(lang), out[k])
        } else {
            format!("ŷ = {:.3}", crate::engine::trainer::score(activation, out[0]))
        };
        Some(format!("{} → {value}", super::math::point_words(&t.config, x, y, lang)))
    }

    /// The data as it is split now, as CSV in its own units.
    pub fn data_csv(&self) -> Option<String> {
        let t = self.trainer()?;
        Some(crate::engine::csv::split_csv(&t.split, &super::math::shown_axes(&t.config, self.settings.lang)))
    }
}
