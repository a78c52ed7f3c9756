//! Optimizers that turn gradients into weight updates, and the weight penalties.

use super::{math, Real};
use serde::{Deserialize, Serialize};

/// The update rule. g is dL/dw averaged over the batch (penalty included), eta the
/// learning rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Optimizer {
    /// Gradient descent: w <- w - eta g.
    Sgd,
    /// Momentum: v <- mu v - eta g; w <- w + v.
    Momentum,
    /// RMSProp: s <- rho s + (1 - rho) g^2; w <- w - eta g / (sqrt(s) + eps).
    Rmsprop,
    /// Adam: m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
    /// w <- w - eta m_hat / (sqrt(v_hat) + eps), with m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t).
    Adam,
}

impl Optimizer {
    /// All optimizers, in menu order.
    pub const ALL: [Optimizer; 4] = [Optimizer::Sgd, Optimizer::Momentum, Optimizer::Rmsprop, Optimizer::Adam];

    /// The name used in links and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Sgd => "sgd",
            Optimizer::Momentum => "momentum",
            Optimizer::Rmsprop => "rmsprop",
            Optimizer::Adam => "adam",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|o| o.name() == name)
    }
}

/// The hyperparameters of an update, all changeable between steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyper {
    /// The rule.
    pub optimizer: Optimizer,
    /// eta.
    pub learning_rate: Real,
    /// mu, for momentum.
    pub momentum: Real,
    /// rho, RMSProp's decay of its running average of g^2.
    pub rho: Real,
    /// beta1, Adam's decay of its running average of g.
    pub beta1: Real,
    /// beta2 for Adam's running average of g^2.
    pub beta2: Real,
    /// The penalty on weights.
    pub regularization: Regularization,
    /// lambda, the penalty's weight.
    pub regularization_rate: Real,
}

/// Adam's and RMSProp's epsilon.
pub const EPSILON: Real = 1e-8;

/// The weight penalty added to the cost: lambda R(W). Biases are not penalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Regularization {
    /// No penalty.
    #[serde(rename = "none")]
    None,
    /// R = sum |w|; dR/dw = sign(w).
    L1,
    /// R = sum w^2 / 2; dR/dw = w.
    L2,
}

impl Regularization {
    /// All choices, in menu order.
    pub const ALL: [Regularization; 3] = [Regularization::None, Regularization::L1, Regularization::L2];

    /// The name used in links (TensorFlow Playground's spelling).
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1 => "L1",
            Regularization::L2 => "L2",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// R(w) for one weight.
    #[inline]
    pub fn penalty(self, w: Real) -> Real {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => w.abs(),
            Regularization::L2 => 0.5 * w * w,
        }
    }

    /// dR/dw for one weight.
    #[inline]
    pub fn derivative(self, w: Real) -> Real {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => {
                if w > 0.0 {
                    1.0
                } else if w < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            Regularization::L2 => w,
        }
    }
}

/// Per-parameter memory of an optimizer for one block of parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moments {
    /// Momentum's velocity v, or Adam's first moment m.
    pub first: Vec<Real>,
    /// RMSProp's s, or Adam's second moment v.
    pub second: Vec<Real>,
}

impl Moments {
    /// Zeroed memory for `n` parameters.
    pub fn new(n: usize) -> Self {
        Moments { first: vec![0.0; n], second: vec![0.0; n] }
    }
}

/// Applies one update to `params` given their batch-mean gradients `grads`. `t` counts
/// updates from 1 (for Adam's bias correction). `dead` is given for weights (which are
/// penalised) and not for biases (which are not): a dead weight is skipped.
///
/// With plain gradient descent the penalty is applied as TensorFlow Playground does: first
/// the gradient step w' = w - eta dL/dw, then the penalty's step w'' = w' - eta lambda dR/dw
/// (with dR/dw taken at w). Under L1, a penalty step that carries the weight across zero
/// leaves it at exactly 0 and the link dead for the rest of the run. The other optimizers
/// take lambda dR/dw into the gradient they smooth, as Keras does, and kill no link.
pub fn update(params: &mut [Real], grads: &[Real], memory: &mut Moments, hyper: &Hyper, t: u64, dead: Option<&mut [bool]>) {
    let eta = hyper.learning_rate;
    let penalised = dead.is_some();
    let lambda = if penalised { hyper.regularization_rate } else { 0.0 };
    let reg = hyper.regularization;
    let mut no_mask = [];
    let dead: &mut [bool] = match dead {
        Some(d) => d,
        None => &mut no_mask,
    };
    let alive = |i: usize, dead: &[bool]| !dead.get(i).copied().unwrap_or(false);
    let grad = |w: Real, g: Real| if lambda == 0.0 { g } else { g + lambda * reg.derivative(w) };
    match hyper.optimizer {
        // Plain steps with no penalty and no dead link: one multiply-subtract per parameter.
        Optimizer::Sgd if lambda == 0.0 && !dead.contains(&true) => {
            for (w, &g) in params.iter_mut().zip(grads) {
                *w -= eta * g;
            }
        }
        Optimizer::Sgd => {
            for (i, (w, &g)) in params.iter_mut().zip(grads).enumerate() {
                if !alive(i, dead) {
                    continue;
                }
                let after_gradient = *w - eta * g;
                let after_penalty = after_gradient - eta * lambda * reg.derivative(*w);
                if reg == Regularization::L1 && after_gradient * after_penalty < 0.0 {
                    *w = 0.0;
                    if let Some(d) = dead.get_mut(i) {
                        *d = true;
                    }
                } else {
                    *w = after_penalty;
                }
            }
        }
        Optimizer::Momentum => {
            for (i, ((w, &g), v)) in params.iter_mut().zip(grads).zip(memory.first.iter_mut()).enumerate() {
                if !alive(i, dead) {
                    continue;
                }
                *v = hyper.momentum * *v - eta * grad(*w, g);
                *w += *v;
            }
        }
        Optimizer::Rmsprop => {
            let rho = hyper.rho;
            for (i, ((w, &g), s)) in params.iter_mut().zip(grads).zip(memory.second.iter_mut()).enumerate() {
                if !alive(i, dead) {
                    continue;
                }
                let g = grad(*w, g);
                *s = rho * *s + (1.0 - rho) * g * g;
                *w -= eta * g / (s.sqrt() + EPSILON);
            }
        }
        Optimizer::Adam => {
            let (b1, b2) = (hyper.beta1, hyper.beta2);
            let c1 = 1.0 - math::powi(b1 as f64, t) as Real;
            let c2 = 1.0 - math::powi(b2 as f64, t) as Real;
            let moments = memory.first.iter_mut().zip(memory.second.iter_mut());
            for (i, ((w, &g), (m, v))) in params.iter_mut().zip(grads).zip(moments).enumerate() {
                if !alive(i, dead) {
                    continue;
                }
                let g = grad(*w, g);
                *m = b1 * *m + (1.0 - b1) * g;
                *v = b2 * *v + (1.0 - b2) * g * g;
                *w -= eta * (*m / c1) / ((*v / c2).sqrt() + EPSILON);
            }
        }
    }
}
