//! A network of one input seen as a curve built piece by piece (Nielsen, chapter 4): along x
//! (x₂ = 0), each neuron of the last hidden layer adds its weighted output w·a(x) to the
//! output's sum, and the bias lifts it; the pieces and the bias add up to the output's
//! weighted sum z(x), which a linear output returns as is. Without a hidden layer the pieces
//! are the weighted input features.

use crate::features::{feature_matrix, Inputs};
use crate::network::{Network, Workspace};
use crate::Real;

/// Points along x where the curve is computed.
pub const SAMPLES: usize = 121;

/// The curve and its pieces over x from −6 to 6.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The x values, evenly spaced.
    pub x: Vec<f64>,
    /// Per neuron of the last hidden layer (or input feature), w·a(x) at each x.
    pub pieces: Vec<Vec<f64>>,
    /// The output's bias.
    pub bias: f64,
    /// The output's weighted sum at each x: the pieces plus the bias.
    pub output: Vec<f64>,
}

/// The curve of `network` (one output) reading `features` along x from −6 to 6; `None` for a
/// network of several outputs.
pub fn curve(network: &Network, features: Inputs) -> Option<Curve> {
    let out = network.layers.last()?;
    // A curve along x is of a network that reads the plane's features.
    if out.n_out != 1 || out.rows() != 1 || features.len() != network.n_inputs {
        return None;
    }
    let x: Vec<f64> = (0..SAMPLES).map(|i| -6.0 + 12.0 * i as f64 / (SAMPLES - 1) as f64).collect();
    let inputs = feature_matrix(features, x.iter().map(|&x| (x as Real, 0.0)));
    let mut ws = Workspace::default();
    network.forward(&inputs, x.len(), &mut ws, None);
    // What the output layer reads: the last hidden layer's values, or the input features.
    let n = x.len();
    let read: &[Real] = if network.layers.len() >= 2 { &ws.a[network.layers.len() - 2] } else { &inputs };
    let pieces: Vec<Vec<f64>> = (0..out.n_in).map(|j| (0..n).map(|s| out.weight(0, j).unwrap_or(0.0) as f64 * read[j * n + s] as f64).collect()).collect();
    let bias = out.biases[0] as f64;
    let output = (0..n).map(|s| pieces.iter().map(|p| p[s]).sum::<f64>() + bias).collect();
    Some(Curve { x, pieces, bias, output })
}
