//! One neuron's arithmetic for one point, as the lesson writes it: z = w₁·x₁ + … + b and
//! a = f(z), every number taken from the engine's own forward pass.

use super::network::{Network, Workspace};
use super::{Activation, Feature, Real};

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
pub fn neuron_math(network: &Network, features: &[Feature], point: (Real, Real), layer: usize, neuron: usize) -> Option<NeuronMath> {
    let l = network.layers.get(layer)?;
    if neuron >= l.n_out || features.len() != network.n_inputs {
        return None;
    }
    let input: Vec<Real> = features.iter().map(|f| f.value(point.0, point.1)).collect();
    let mut ws = Workspace::default();
    network.forward(&input, 1, &mut ws, None);
    let inputs = if layer == 0 { input } else { ws.a[layer - 1][..l.n_in].to_vec() };
    let pieces = l.activation.pieces();
    // Maxout keeps the larger of its pieces: show that one's weights.
    let row = (neuron * pieces..(neuron + 1) * pieces).max_by(|&r, &q| ws.z[layer][r].total_cmp(&ws.z[layer][q])).unwrap_or(neuron);
    let z = ws.z[layer][row];
    let a = ws.a[layer][neuron];
    Some(NeuronMath {
        weights: l.weights[row * l.n_in..(row + 1) * l.n_in].to_vec(),
        bias: l.biases[row],
        inputs,
        z,
        a,
        slope: l.activation.derivative(z, a, network.leaky_slope),
        activation: l.activation,
    })
}
