//! One update for one training point, stage by stage, with the engine's own numbers: the
//! forward pass layer by layer, the loss, the backward pass (each neuron's δ, each weight's
//! ∂L/∂w) and the gradient-descent step w ← w − η·∂L/∂w.

use super::config::Config;
use super::data::Point;
use super::features::feature_matrix;
use super::network::{Network, Workspace};
use super::optimizer::{update, Moments, Optimizer};
use super::Real;

/// Everything one update computes, layer by layer (network layers: the output is last).
#[derive(Clone, Debug, PartialEq)]
pub struct Walkthrough {
    /// The point's feature values x.
    pub inputs: Vec<Real>,
    /// Its label y.
    pub label: Real,
    /// z of every row of every layer.
    pub z: Vec<Vec<Real>>,
    /// a = f(z) of every neuron of every layer (the last layer's is ŷ).
    pub a: Vec<Vec<Real>>,
    /// The loss L at this point.
    pub loss: f64,
    /// δ = ∂L/∂z of every row of every layer.
    pub delta: Vec<Vec<Real>>,
    /// ∂L/∂w of the data, per layer, laid out as the layer's weights.
    pub grad_w: Vec<Vec<Real>>,
    /// ∂L/∂b, per layer.
    pub grad_b: Vec<Vec<Real>>,
    /// The penalty's share λ·dR/dw of each weight's gradient (zeros without a penalty).
    pub penalty_w: Vec<Vec<Real>>,
    /// The weights before the step, per layer.
    pub old_w: Vec<Vec<Real>>,
    /// The biases before the step, per layer.
    pub old_b: Vec<Vec<Real>>,
    /// The weights after w ← w − η·(∂L/∂w + λ·dR/dw).
    pub new_w: Vec<Vec<Real>>,
    /// The biases after b ← b − η·∂L/∂b.
    pub new_b: Vec<Vec<Real>>,
    /// η.
    pub learning_rate: Real,
}

/// One plain gradient-descent update of `network` for `point` alone, written out. Dead
/// links (`dead`, per layer) stay as they are, as in training.
pub fn walkthrough(network: &Network, config: &Config, point: Point, dead: &[Vec<bool>]) -> Walkthrough {
    let input = feature_matrix(config.network.inputs(), std::iter::once((point.x, point.y)));
    walkthrough_of(network, config, input, point.label, dead)
}

/// One plain gradient-descent update of `network` for one example, its inputs `input` (the
/// features of a point on the plane, or a row of vectors) and its label, written out.
pub fn walkthrough_of(network: &Network, config: &Config, input: Vec<Real>, label: Real, dead: &[Vec<bool>]) -> Walkthrough {
    let mut ws = Workspace::default();
    network.forward(&input, 1, &mut ws, None);
    ws.clear_gradients();
    let loss = network.backward(&input, &[label], 1, config.training.loss, &mut ws);
    let layers = network.layers.len();
    let hyper = super::optimizer::Hyper { optimizer: Optimizer::Sgd, ..config.hyper() };
    let (reg, lambda) = (hyper.regularization, hyper.regularization_rate);
    let mut w = Walkthrough {
        inputs: input,
        label,
        z: (0..layers).map(|l| ws.z[l][..network.layers[l].rows()].to_vec()).collect(),
        a: (0..layers).map(|l| ws.a[l][..network.layers[l].n_out].to_vec()).collect(),
        loss,
        delta: (0..layers).map(|l| ws.delta[l][..network.layers[l].rows()].to_vec()).collect(),
        grad_w: ws.grad_w[..layers].to_vec(),
        grad_b: ws.grad_b[..layers].to_vec(),
        penalty_w: network.layers.iter().map(|l| l.weights.iter().map(|&x| lambda * reg.derivative(x)).collect()).collect(),
        old_w: network.layers.iter().map(|l| l.weights.clone()).collect(),
        old_b: network.layers.iter().map(|l| l.biases.clone()).collect(),
        new_w: Vec::new(),
        new_b: Vec::new(),
        learning_rate: hyper.learning_rate,
    };
    for (l, layer) in network.layers.iter().enumerate() {
        let mut weights = layer.weights.clone();
        let mut mask = dead.get(l).cloned().unwrap_or_else(|| vec![false; weights.len()]);
        update(&mut weights, &w.grad_w[l], &mut Moments::new(layer.weights.len()), &hyper, 1, Some(&mut mask));
        let mut biases = layer.biases.clone();
        update(&mut biases, &w.grad_b[l], &mut Moments::new(layer.biases.len()), &hyper, 1, None);
        w.new_w.push(weights);
        w.new_b.push(biases);
    }
    w
}

/// The places of the `k` points with the largest loss, largest first (of equal losses, the
/// first point first).
pub fn hardest_points(losses: &[f64], k: usize) -> Vec<usize> {
    let mut top: Vec<usize> = Vec::with_capacity(k + 1);
    for (i, loss) in losses.iter().enumerate() {
        // Before the first kept point with a smaller loss: equal losses keep their order.
        let at = top.iter().position(|&j| losses[j].total_cmp(loss).is_lt()).unwrap_or(top.len());
        if at < k {
            top.insert(at, i);
            top.truncate(k);
        }
    }
    top
}
