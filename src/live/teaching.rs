//! The teaching views' arithmetic on the run as shown: the inspector's and the matrix view's
//! numbers, backprop walked through, the hardest points, a weight or bias, the curve, the
//! readout under the pointer, a hand-in's claim and the data as CSV. It reads the page's copy
//! of the run and writes nothing: an edit is a command the worker carries out (door.rs).

use super::math::InspectPoint;
use super::run_view::RunView;
use crate::engine::backprop::Walkthrough;
use crate::engine::inspect::{LayerProduct, NeuronMath};
use crate::engine::{Config, Real, Trainer};
use crate::i18n::{Lang, Text};

/// What a hand-in of the run as shown claims: the epoch, the test loss and accuracy measured
/// now from the weights shown, and those weights (flat, as a code holds them).
pub type Claim = (u64, f64, Option<f64>, Vec<Real>);

/// The run as shown, read for a teaching view.
#[derive(Clone, Copy)]
pub struct Teaching<'a>(&'a Trainer);

impl<P> RunView<P> {
    /// The run as shown, for a teaching view rendered for `config` (none while the run's
    /// network is another: the view reads nothing until the run has caught up), or for any
    /// setup.
    pub fn teaching(&self, config: Option<&Config>) -> Option<Teaching<'_>> {
        match config {
            Some(config) => self.trainer_for(config),
            None => self.trainer(),
        }
        .map(Teaching)
    }
}

impl<'a> Teaching<'a> {
    /// The inspected neuron's numbers (network layer `layer`, the output last) at `point`:
    /// its arithmetic, the point (a training point's place wraps around the set), where it
    /// lies, and the training set's size.
    pub fn neuron_math(self, point: InspectPoint, layer: usize, neuron: usize) -> Option<(NeuronMath, InspectPoint, (Real, Real), usize)> {
        let t = self.0;
        let n = t.split.train.len();
        // An example of vectors is a training row (a place on the plane has none).
        let dims = t.split.rows.dims;
        if dims > 0 {
            let i = match point {
                InspectPoint::Training(i) => i % n.max(1),
                InspectPoint::At(..) => 0,
            };
            let row = t.split.rows.train.get(i * dims..(i + 1) * dims)?.to_vec();
            let math = crate::engine::inspect::neuron_math_of(&t.network, row, layer, neuron)?;
            return Some((math, InspectPoint::Training(i), (0.0, 0.0), n));
        }
        let (point, at) = match point {
            InspectPoint::Training(i) => {
                let p = t.split.train.get(i % n.max(1))?;
                (InspectPoint::Training(i % n), (p.x, p.y))
            }
            InspectPoint::At(x, y) => (point, (x, y)),
        };
        let math = crate::engine::inspect::neuron_math(&t.network, t.config.network.inputs(), at, layer, neuron)?;
        Some((math, point, at, n))
    }

    /// Network layer `layer` (the output last) as Z = W·X + b at four training points from
    /// `offset` (wrapping around), with their places in the training set and its size.
    pub fn layer_product(self, layer: usize, offset: usize) -> Option<(LayerProduct, Vec<usize>, usize)> {
        let train = &self.0.split.train;
        if train.is_empty() {
            return None;
        }
        let chosen: Vec<usize> = (0..4.min(train.len())).map(|k| (offset + k) % train.len()).collect();
        // Examples of vectors: their training rows.
        let rows = &self.0.split.rows;
        if rows.dims > 0 {
            let inputs: Vec<Real> = chosen.iter().filter_map(|&i| rows.train.get(i * rows.dims..(i + 1) * rows.dims)).flatten().copied().collect();
            let product = crate::engine::inspect::layer_product_of_rows(&self.0.network, &inputs, layer)?;
            return Some((product, chosen, train.len()));
        }
        let points: Vec<(Real, Real)> = chosen.iter().map(|&i| (train[i].x, train[i].y)).collect();
        let product = crate::engine::inspect::layer_product(&self.0.network, self.0.config.network.inputs(), &points, layer)?;
        Some((product, chosen, train.len()))
    }

    /// One update for training point `point` (wrapping around), written out.
    pub fn walkthrough(self, point: usize) -> Option<Walkthrough> {
        self.0.walkthrough_for(&self.0.config, point)
    }

    /// The training points with the largest loss now (their places in the training set),
    /// largest first: where a walk-through starts and what it offers to choose from.
    pub fn hardest_points(self, k: usize) -> Vec<(usize, f64)> {
        let t = self.0;
        let losses = t.example_losses(&t.network);
        crate::engine::backprop::hardest_points(&losses, k).into_iter().map(|i| (i, losses[i])).collect()
    }

    /// The weight from `input` of a neuron (`layer` counts network layers; the output is last).
    pub fn weight(self, layer: usize, neuron: usize, input: usize) -> Option<Real> {
        let l = self.0.network.layers.get(layer)?;
        l.weight(neuron * l.activation.pieces(), input)
    }

    /// The bias of a neuron.
    pub fn bias(self, layer: usize, neuron: usize) -> Option<Real> {
        let l = self.0.network.layers.get(layer)?;
        l.biases.get(neuron * l.activation.pieces()).copied()
    }

    /// The network as a curve along x built from its last hidden layer's pieces, with the
    /// training points as (x, value); for a network of one output.
    pub fn curve(self) -> Option<(crate::engine::curve::Curve, Vec<(f64, f64)>)> {
        let t = self.0;
        let curve = crate::engine::curve::curve(&t.network, t.config.network.inputs())?;
        Some((curve, t.split.train.iter().map(|p| (p.x as f64, p.label as f64)).collect()))
    }

    /// What the network says at a point of the plane, as the hover readout shows it.
    pub fn describe(self, x: Real, y: Real, lang: Lang) -> String {
        let t = self.0;
        let out = t.outputs_at(x, y);
        let activation = t.network.output().activation;
        let value = if out.len() > 1 {
            let k = crate::engine::trainer::predicted_class(activation, &out, 1, 0);
            format!("{} {k}, p = {:.3}", Text::Class.get(lang), out[k])
        } else {
            format!("ŷ = {:.3}", crate::engine::trainer::score(activation, out[0]))
        };
        format!("{} → {value}", super::math::point_words(&t.config, x, y, lang))
    }

    /// What a hand-in of the run as shown claims (none without test data), measured now.
    pub fn claim(self) -> Option<Claim> {
        let t = self.0;
        let test = t.measured().test?;
        Some((t.epoch, test.loss, test.accuracy, crate::engine::handin::flat(&t.network.parameters())))
    }

    /// The data as it is split now, as CSV in its own units.
    pub fn data_csv(self, lang: Lang) -> String {
        crate::engine::csv::split_csv(&self.0.split, &super::math::shown_axes(&self.0.config, lang))
    }
}
