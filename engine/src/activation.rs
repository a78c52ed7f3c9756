//! Activation functions f(z), each with its derivative f'(z) beside it.
//!
//! Derivatives are written in terms of both z (the pre-activation) and a = f(z), whichever
//! is cheaper: sigma'(z) = sigma(z)(1 - sigma(z)) needs only a.

use super::{math, Real};
use serde::{Deserialize, Serialize};

/// How a layer turns its weighted sums z = W.x + b into outputs a.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Activation {
    /// f(z) = z; f'(z) = 1.
    Linear,
    /// sigma(z) = 1 / (1 + e^-z); sigma'(z) = sigma(z)(1 - sigma(z)).
    Sigmoid,
    /// tanh(z) = (e^z - e^-z) / (e^z + e^-z); tanh'(z) = 1 - tanh(z)^2.
    Tanh,
    /// ReLU(z) = max(0, z); ReLU'(z) = 1 if z > 0, else 0.
    Relu,
    /// LeakyReLU(z) = max(s z, z) with slope s (0.1 by default); derivative 1 or s.
    LeakyRelu,
    /// ELU(z) = z if z > 0, else alpha (e^z - 1) with alpha = 1; derivative 1 or ELU(z) + alpha.
    Elu,
    /// Swish(z) = z sigma(z); Swish'(z) = Swish(z) + sigma(z)(1 - Swish(z)).
    Swish,
    /// softplus(z) = ln(1 + e^z); softplus'(z) = sigma(z).
    Softplus,
    /// The threshold unit: step(z) = 1 if z >= 0, else 0; its derivative is 0 wherever it exists.
    Step,
    /// Maxout: max(z1, z2) of two linear pieces per neuron; the gradient flows to the larger piece.
    Maxout,
    /// softmax(z)_k = e^z_k / sum_j e^z_j, over a layer's neurons (output layer only).
    Softmax,
}

/// ELU's alpha.
const ELU_ALPHA: Real = 1.0;

impl Activation {
    /// Every activation a hidden layer may use, in menu order.
    pub const HIDDEN: [Activation; 10] = [
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Swish,
        Activation::Softplus,
        Activation::Step,
        Activation::Maxout,
    ];
    /// Every activation the output layer may use.
    pub const OUTPUT: [Activation; 5] = [Activation::Tanh, Activation::Linear, Activation::Sigmoid, Activation::Step, Activation::Softmax];

    /// The name used in links and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky-relu",
            Activation::Elu => "elu",
            Activation::Swish => "swish",
            Activation::Softplus => "softplus",
            Activation::Step => "step",
            Activation::Maxout => "maxout",
            Activation::Softmax => "softmax",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::HIDDEN.iter().chain(Self::OUTPUT.iter()).copied().find(|a| a.name() == name)
    }

    /// How many linear pieces (rows of weights) each neuron has.
    pub fn pieces(self) -> usize {
        if self == Activation::Maxout {
            2
        } else {
            1
        }
    }

    /// f(z) for one value. Maxout and softmax act on several values and are applied elsewhere.
    #[inline(always)]
    pub fn value(self, z: Real, leaky_slope: Real) -> Real {
        match self {
            Activation::Linear | Activation::Maxout | Activation::Softmax => z,
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => tanh(z),
            Activation::Relu => z.max(0.0),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    z
                } else {
                    leaky_slope * z
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    z
                } else {
                    ELU_ALPHA * (math::exp(z as f64) as Real - 1.0)
                }
            }
            Activation::Swish => z * sigmoid(z),
            Activation::Softplus => softplus(z),
            Activation::Step => {
                if z >= 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }

    /// f'(z), given z and a = f(z).
    #[inline(always)]
    pub fn derivative(self, z: Real, a: Real, leaky_slope: Real) -> Real {
        match self {
            Activation::Linear | Activation::Maxout | Activation::Softmax => 1.0,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    leaky_slope
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    1.0
                } else {
                    a + ELU_ALPHA
                }
            }
            Activation::Swish => {
                let s = sigmoid(z);
                a + s * (1.0 - a)
            }
            Activation::Softplus => sigmoid(z),
            Activation::Step => 0.0,
        }
    }

    /// Applies f to a whole slice: `a[i] = f(z[i])`. The match is hoisted out of the loop so
    /// each arm is a plain loop the compiler can vectorise.
    pub fn apply(self, z: &[Real], a: &mut [Real], leaky_slope: Real) {
        match self {
            Activation::Tanh => a.iter_mut().zip(z).for_each(|(a, &z)| *a = tanh(z)),
            Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.max(0.0)),
            Activation::Sigmoid => a.iter_mut().zip(z).for_each(|(a, &z)| *a = sigmoid(z)),
            Activation::Linear => a.copy_from_slice(z),
            other => a.iter_mut().zip(z).for_each(|(a, &z)| *a = other.value(z, leaky_slope)),
        }
    }
}

/// sigma(z) = 1 / (1 + e^-z), computed as (1 + tanh(z/2)) / 2: no overflow for any z, and it
/// shares the fast tanh.
#[inline(always)]
pub fn sigmoid(z: Real) -> Real {
    0.5 + 0.5 * tanh(0.5 * z)
}

/// softplus(z) = ln(1 + e^z) in the stable form max(z, 0) + ln(1 + e^-|z|).
#[inline(always)]
pub fn softplus(z: Real) -> Real {
    z.max(0.0) + math::ln_1p(math::exp(-z.abs() as f64)) as Real
}

/// tanh for the f32 engine: a rational (odd polynomial over even polynomial) approximation,
/// accurate to a few units in the last place of f32 and free of `exp`, so it vectorises.
/// In wasm the standard library's tanh is a slow software routine; this one is not.
#[cfg(not(feature = "f64"))]
#[inline(always)]
#[allow(clippy::excessive_precision)]
pub fn tanh(x: f32) -> f32 {
    // Beyond +-7.9 tanh is +-1 to f32 precision.
    let x = x.clamp(-7.905_311, 7.905_311);
    let x2 = x * x;
    let mut p = x2 * -2.760_768_5e-16 + 2.000_187_9e-13;
    p = x2 * p + -8.604_671_5e-11;
    p = x2 * p + 5.122_297e-8;
    p = x2 * p + 1.485_722_4e-5;
    p = x2 * p + 6.372_619_3e-4;
    p = x2 * p + 4.893_524_6e-3;
    p *= x;
    let mut q = x2 * 1.198_258_4e-6 + 1.185_347_1e-4;
    q = x2 * q + 2.268_434_6e-3;
    q = x2 * q + 4.893_525e-3;
    p / q
}

/// tanh for the f64 engine: the exact one.
#[cfg(feature = "f64")]
#[inline(always)]
pub fn tanh(x: f64) -> f64 {
    x.tanh()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_tanh_matches_the_exact_one() {
        let mut worst: f64 = 0.0;
        for i in -20_000..=20_000 {
            let x = i as f64 / 1000.0;
            let err = (tanh(x as Real) as f64 - x.tanh()).abs();
            worst = worst.max(err);
        }
        assert!(worst < 2e-6, "largest error {worst}");
        assert_eq!(tanh(50.0), 1.0);
        assert_eq!(tanh(-50.0), -1.0);
        assert_eq!(tanh(0.0), 0.0);
    }

    #[test]
    fn sigmoid_is_stable_at_extremes() {
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-7);
        assert!(sigmoid(1000.0) <= 1.0 && sigmoid(1000.0) > 0.999);
        assert!(sigmoid(-1000.0) >= 0.0 && sigmoid(-1000.0) < 1e-3);
        assert!(softplus(1000.0).is_finite());
        assert!((softplus(-1000.0)).abs() < 1e-6);
    }

    #[test]
    fn derivatives_match_finite_differences() {
        let h = 1e-3;
        for act in Activation::HIDDEN {
            if matches!(act, Activation::Maxout | Activation::Step) {
                continue;
            }
            for &z in &[-2.3, -0.7, 0.4, 1.9] {
                let z = z as Real;
                let numeric = (act.value(z + h, 0.1) - act.value(z - h, 0.1)) / (2.0 * h);
                let analytic = act.derivative(z, act.value(z, 0.1), 0.1);
                assert!((numeric - analytic).abs() < 2e-3, "{act:?} at {z}: {numeric} vs {analytic}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for act in Activation::HIDDEN.iter().chain(Activation::OUTPUT.iter()) {
            assert_eq!(Activation::from_name(act.name()), Some(*act));
        }
        assert_eq!(Activation::from_name("nope"), None);
    }
}
