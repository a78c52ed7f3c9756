//! One neuron's arithmetic for one point, as the lesson writes it: z = w₁·x₁ + … + b and
//! a = f(z), every number taken from the engine's own forward pass.

use super::features::Inputs;
use super::network::{Network, Workspace};
use super::{Activation, Real};

/// A neuron's weighted sum and activation at one point.
#[derive(Clone, Debug, PartialEq)]
pub struct NeuronMath {
    /// The neuron's inputs x_i: the features at the point (first layer) or the previous
    /// layer's outputs.
    pub inputs: Vec<Real>,
    /// Its weights w_i, one per input (for maxout, the piece that won at this point).
    pub weights: Vec<Real>,
    /// Its bias b.
    pub bias: Real,
    /// z = sum of w_i x_i + b, as the forward pass computed it.
    pub z: Real,
    /// a = f(z) (for softmax, this neuron's probability among the outputs).
    pub a: Real,
    /// f'(z), what the backward pass multiplies by.
    pub slope: Real,
    /// The activation f.
    pub activation: Activation,
}

/// The arithmetic of neuron `neuron` of network layer `layer` (the output layer is last) at
/// the point (x1, x2); `None` when there is no such neuron.
pub fn neuron_math(network: &Network, features: Inputs, point: (Real, Real), layer: usize, neuron: usize) -> Option<NeuronMath> {
    if features.len() != network.n_inputs {
        return None;
    }
    neuron_math_of(network, features.at(point.0, point.1), layer, neuron)
}

/// The arithmetic of neuron `neuron` of network layer `layer` for one example's inputs (a row
/// of data of vectors, or a point's features); `None` when there is no such neuron or the
/// inputs do not fit the network.
pub fn neuron_math_of(network: &Network, input: Vec<Real>, layer: usize, neuron: usize) -> Option<NeuronMath> {
    let l = network.layers.get(layer)?;
    if neuron >= l.n_out || input.len() != network.n_inputs {
        return None;
    }
    let mut ws = Workspace::default();
    network.forward(&input, 1, &mut ws, None);
    let inputs = if layer == 0 { input } else { ws.a[layer - 1][..l.n_in].to_vec() };
    let pieces = l.activation.pieces();
    // Maxout keeps the larger of its pieces: show that one's weights.
    let row = (neuron * pieces..(neuron + 1) * pieces).max_by(|&r, &q| ws.z[layer][r].total_cmp(&ws.z[layer][q])).unwrap_or(neuron);
    let z = ws.z[layer][row];
    let a = ws.a[layer][neuron];
    Some(NeuronMath {
        weights: l.row(row).to_vec(),
        bias: l.biases[row],
        inputs,
        z,
        a,
        // Switched off, it passes nothing back.
        slope: if l.off.get(neuron) == Some(&true) { 0.0 } else { l.activation.derivative(z, a, network.leaky_slope) },
        activation: l.activation,
    })
}

/// A layer as a matrix product for a few points: Z = W·X + b, then A = f(Z).
#[derive(Clone, Debug, PartialEq)]
pub struct LayerProduct {
    /// W: one row per neuron (per piece, for maxout), one column per input.
    pub w: Vec<Vec<Real>>,
    /// X: one row per input, one column per point.
    pub x: Vec<Vec<Real>>,
    /// b: one per row of W.
    pub b: Vec<Real>,
    /// Z = W·X + b: one row per row of W, one column per point.
    pub z: Vec<Vec<Real>>,
    /// A = f(Z): one row per neuron, one column per point.
    pub a: Vec<Vec<Real>>,
}

/// Network layer `layer` (the output layer is last) as Z = W·X + b and A = f(Z) at the given
/// points, every number from the engine's batched forward pass.
pub fn layer_product(network: &Network, features: Inputs, points: &[(Real, Real)], layer: usize) -> Option<LayerProduct> {
    if points.is_empty() || features.len() != network.n_inputs {
        return None;
    }
    let input: Vec<Real> = super::features::feature_matrix(features, points.iter().copied());
    layer_product_of(network, input, points.len(), layer)
}

/// Network layer `layer` as Z = W·X + b and A = f(Z) for examples of vectors: `rows`, one
/// example after another (`n_inputs` values each).
pub fn layer_product_of_rows(network: &Network, rows: &[Real], layer: usize) -> Option<LayerProduct> {
    let dims = network.n_inputs;
    let n = rows.len() / dims.max(1);
    if n == 0 || rows.len() != n * dims {
        return None;
    }
    layer_product_of(network, super::features::rows_matrix(rows, dims), n, layer)
}

/// The product for `n` examples whose inputs are stored feature by feature.
fn layer_product_of(network: &Network, input: Vec<Real>, n: usize, layer: usize) -> Option<LayerProduct> {
    let l = network.layers.get(layer)?;
    let mut ws = Workspace::default();
    network.forward(&input, n, &mut ws, None);
    // Values are stored neuron by neuron, every point of the batch together.
    let rows = |values: &[Real], count: usize| (0..count).map(|r| values[r * n..(r + 1) * n].to_vec()).collect::<Vec<_>>();
    let x = if layer == 0 { rows(&input, l.n_in) } else { rows(&ws.a[layer - 1], l.n_in) };
    Some(LayerProduct {
        w: (0..l.rows()).map(|r| l.row(r).to_vec()).collect(),
        x,
        b: l.biases.clone(),
        z: rows(&ws.z[layer], l.rows()),
        a: rows(&ws.a[layer], l.n_out),
    })
}
