//! Loss functions L(y_hat, y) with their gradients at the output layer, and which output
//! activations each may pair with.
//!
//! Targets come as one number per sample: +1/-1 for two classes, the class index for K
//! classes, the value for regression. Each output maps it to what it predicts: tanh and
//! linear outputs predict +-1 directly; sigmoid and step outputs predict t = (y + 1) / 2 in
//! {0, 1}; softmax predicts the one-hot vector of the class.

use super::activation::{sigmoid, softplus};
use super::{math, Activation, Real};
use serde::{Deserialize, Serialize};

/// What the training minimises: the cost J(W) is the mean of L over the samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Loss {
    /// TensorFlow Playground's: L = 0.5 (y_hat - t)^2; dL/dy_hat = y_hat - t.
    HalfMse,
    /// Squared error: L = (y_hat - t)^2; dL/dy_hat = 2 (y_hat - t).
    Mse,
    /// Binary cross-entropy on a sigmoid output p: L = -[t ln p + (1 - t) ln(1 - p)].
    /// Computed from z as softplus(z) - t z (no log of 0); dL/dz = p - t.
    Bce,
    /// Softmax cross-entropy over K classes: L = -ln p_c = logsumexp(z) - z_c;
    /// dL/dz_k = p_k - [k = c].
    SoftmaxCe,
}

impl Loss {
    /// All losses, in menu order.
    pub const ALL: [Loss; 4] = [Loss::HalfMse, Loss::Mse, Loss::Bce, Loss::SoftmaxCe];

    /// The name used in links and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Loss::HalfMse => "half-mse",
            Loss::Mse => "mse",
            Loss::Bce => "bce",
            Loss::SoftmaxCe => "softmax-ce",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// Whether this loss can train (or, for the step, measure) this output activation.
    pub fn pairs_with(self, output: Activation) -> bool {
        match self {
            Loss::HalfMse | Loss::Mse => matches!(output, Activation::Tanh | Activation::Linear | Activation::Sigmoid | Activation::Step),
            Loss::Bce => output == Activation::Sigmoid,
            Loss::SoftmaxCe => output == Activation::Softmax,
        }
    }

    /// The loss a given output pairs with by default.
    pub fn default_for(output: Activation) -> Loss {
        match output {
            Activation::Softmax => Loss::SoftmaxCe,
            Activation::Sigmoid => Loss::Bce,
            _ => Loss::HalfMse,
        }
    }
}

/// What an output activation predicts for a target y (see the module comment).
#[inline(always)]
pub fn scalar_target(output: Activation, y: Real) -> Real {
    match output {
        Activation::Sigmoid | Activation::Step => {
            if y > 0.0 {
                1.0
            } else {
                0.0
            }
        }
        _ => y,
    }
}

/// Sum over a batch of the loss, reading the output layer's z and a (laid out
/// `[neuron][sample]` with `batch` samples) and, when `delta` is given, writing dL/dz there.
pub fn loss_and_delta(loss: Loss, output: Activation, z: &[Real], a: &[Real], targets: &[Real], batch: usize, mut delta: Option<&mut [Real]>) -> f64 {
    let mut total = 0.0f64;
    if output == Activation::Softmax {
        let k = a.len() / batch;
        for s in 0..batch {
            // A label outside 0..K (points kept from a setup with more classes) counts as the last.
            let class = (targets[s].max(0.0) as usize).min(k - 1);
            let zmax = (0..k).map(|j| z[j * batch + s]).fold(Real::NEG_INFINITY, Real::max);
            let sum: f64 = (0..k).map(|j| math::exp((z[j * batch + s] - zmax) as f64)).sum();
            // -ln p_c = ln sum_j e^(z_j - zmax) - (z_c - zmax)
            let log_sum = math::ln(sum);
            total += match loss {
                Loss::SoftmaxCe => log_sum - (z[class * batch + s] - zmax) as f64,
                _ => 0.0,
            };
            if let Some(d) = delta.as_deref_mut() {
                for j in 0..k {
                    let onehot = if j == class { 1.0 } else { 0.0 };
                    d[j * batch + s] = a[j * batch + s] - onehot;
                }
            }
        }
        return total;
    }
    for s in 0..batch {
        let t = scalar_target(output, targets[s]);
        let (zs, ys) = (z[s], a[s]);
        let (l, dz) = match loss {
            Loss::HalfMse => {
                let e = ys - t;
                (0.5 * e * e, e * output.derivative(zs, ys, 0.0))
            }
            Loss::Mse => {
                let e = ys - t;
                (e * e, 2.0 * e * output.derivative(zs, ys, 0.0))
            }
            Loss::Bce => (softplus(zs) - t * zs, sigmoid(zs) - t),
            Loss::SoftmaxCe => (0.0, 0.0),
        };
        total += l as f64;
        if let Some(d) = delta.as_deref_mut() {
            d[s] = dz;
        }
    }
    total
}
