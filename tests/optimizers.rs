//! Each optimizer's first two updates on a hand-worked example: one weight w0 = 1 and the
//! gradients g1 = 0.5, g2 = -0.25, learning rate 0.1.

use neurona::engine::optimizer::{update, Hyper, Moments, Optimizer, Regularization, EPSILON};
use neurona::engine::Real;

fn two_steps(optimizer: Optimizer) -> (Real, Real) {
    let hyper = Hyper {
        optimizer,
        learning_rate: 0.1,
        momentum: 0.9,
        rho: 0.9,
        beta1: 0.9,
        beta2: 0.999,
        regularization: Regularization::None,
        regularization_rate: 0.0,
    };
    let mut w = [1.0 as Real];
    let mut memory = Moments::new(1);
    update(&mut w, &[0.5], &mut memory, &hyper, 1, Some(&mut [false; 1]));
    let first = w[0];
    update(&mut w, &[-0.25], &mut memory, &hyper, 2, Some(&mut [false; 1]));
    (first, w[0])
}

fn assert_close(actual: Real, expected: f64) {
    assert!((actual as f64 - expected).abs() < 1e-5, "{actual} vs {expected}");
}

#[test]
fn sgd_steps_against_the_gradient() {
    // w1 = 1 - 0.1 * 0.5 = 0.95; w2 = 0.95 + 0.1 * 0.25 = 0.975
    let (a, b) = two_steps(Optimizer::Sgd);
    assert_close(a, 0.95);
    assert_close(b, 0.975);
}

#[test]
fn momentum_keeps_a_velocity() {
    // v1 = -0.05, w1 = 0.95; v2 = 0.9 * -0.05 + 0.025 = -0.02, w2 = 0.93
    let (a, b) = two_steps(Optimizer::Momentum);
    assert_close(a, 0.95);
    assert_close(b, 0.93);
}

#[test]
fn rmsprop_divides_by_the_running_rms() {
    // s1 = 0.1 * 0.25 = 0.025, w1 = 1 - 0.1 * 0.5 / sqrt(0.025)
    let s1: f64 = 0.025;
    let w1 = 1.0 - 0.1 * 0.5 / (s1.sqrt() + EPSILON as f64);
    // s2 = 0.9 * 0.025 + 0.1 * 0.0625 = 0.02875, w2 = w1 + 0.1 * 0.25 / sqrt(0.02875)
    let s2: f64 = 0.02875;
    let w2 = w1 + 0.1 * 0.25 / (s2.sqrt() + EPSILON as f64);
    let (a, b) = two_steps(Optimizer::Rmsprop);
    assert_close(a, w1);
    assert_close(b, w2);
}

#[test]
fn adam_corrects_its_moments_for_bias() {
    // Step 1: m = 0.05, v = 0.00025; m_hat = 0.5, v_hat = 0.25 -> w1 = 1 - 0.1 * 0.5 / 0.5 = 0.9
    // Step 2: m = 0.045 - 0.025 = 0.02, v = 0.00024975 + 0.0000625 = 0.00031225;
    // m_hat = 0.02 / 0.19, v_hat = 0.00031225 / 0.001999
    let m_hat: f64 = 0.02 / 0.19;
    let v_hat: f64 = 0.00031225 / (1.0 - 0.999f64.powi(2));
    let (a, b) = two_steps(Optimizer::Adam);
    assert_close(a, 0.9);
    assert_close(b, 0.9 - 0.1 * m_hat / (v_hat.sqrt() + 1e-8));
}

#[test]
fn penalties_pull_weights_towards_zero() {
    let mut hyper = Hyper {
        optimizer: Optimizer::Sgd,
        learning_rate: 0.1,
        momentum: 0.0,
        rho: 0.9,
        beta1: 0.9,
        beta2: 0.999,
        regularization: Regularization::L2,
        regularization_rate: 0.5,
    };
    let mut w = [2.0 as Real, -2.0];
    update(&mut w, &[0.0, 0.0], &mut Moments::new(2), &hyper, 1, Some(&mut [false; 2]));
    assert_close(w[0], 1.9); // 2 - 0.1 * 0.5 * 2
    assert_close(w[1], -1.9);
    hyper.regularization = Regularization::L1;
    let mut w = [0.02 as Real, -1.0];
    update(&mut w, &[0.0, 0.0], &mut Moments::new(2), &hyper, 1, Some(&mut [false; 2]));
    assert_eq!(w[0], 0.0, "an L1 step across zero stops at zero");
    assert_close(w[1], -0.95);
    let mut b = [2.0 as Real];
    update(&mut b, &[0.0], &mut Moments::new(1), &hyper, 1, None);
    assert_eq!(b[0], 2.0, "biases are not penalised");
}

/// TensorFlow Playground's weight update (nn.ts, updateWeights) for one weight, written out:
/// the gradient step, then the penalty's step with dR/dw at the old weight; under L1 a
/// penalty step across zero leaves 0 and a dead link.
fn tensorflow_playground_step(w: f64, g: f64, eta: f64, lambda: f64) -> (f64, bool) {
    let sign = if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    };
    let after_gradient = w - eta * g;
    let after_penalty = after_gradient - eta * lambda * sign;
    if after_gradient * after_penalty < 0.0 {
        (0.0, true)
    } else {
        (after_penalty, false)
    }
}

#[test]
fn l1_kills_a_link_only_when_the_penalty_carries_it_across_zero() {
    let hyper = Hyper {
        optimizer: Optimizer::Sgd,
        learning_rate: 0.3,
        momentum: 0.9,
        rho: 0.9,
        beta1: 0.9,
        beta2: 0.999,
        regularization: Regularization::L1,
        regularization_rate: 0.1,
    };
    // Weight 0: the gradient alone takes it across zero (0.1 - 0.3 = -0.2): it lives on.
    // Weight 1: the gradient leaves it at 0.02, the penalty's 0.03 would cross: it dies.
    // Weight 2: far from zero, both steps apply.
    let start = [0.1 as Real, 0.02, -1.0];
    let grads = [1.0 as Real, 0.0, 0.5];
    let mut w = start;
    let mut dead = [false; 3];
    update(&mut w, &grads, &mut Moments::new(3), &hyper, 1, Some(&mut dead));
    for i in 0..3 {
        let (expected, died) = tensorflow_playground_step(start[i] as f64, grads[i] as f64, 0.3, 0.1);
        assert!((w[i] as f64 - expected).abs() < 1e-6, "weight {i}: {} vs {expected}", w[i]);
        assert_eq!(dead[i], died, "weight {i}");
    }
    assert_eq!((w[1], dead), (0.0, [false, true, false]));
    // A dead link is skipped by every later update, whatever its gradient.
    update(&mut w, &[0.5, -3.0, 0.5], &mut Moments::new(3), &hyper, 2, Some(&mut dead));
    assert_eq!(w[1], 0.0);
    assert!(dead[1]);
    // The same holds when the optimizer is changed afterwards.
    let adam = Hyper { optimizer: Optimizer::Adam, ..hyper };
    update(&mut w, &[0.5, -3.0, 0.5], &mut Moments::new(3), &adam, 1, Some(&mut dead));
    assert_eq!(w[1], 0.0);
}
