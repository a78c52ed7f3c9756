//! Finite-difference checks of backpropagation: for every activation, every loss and both
//! penalties, dL/dw from the chain rule must match (L(w + h) - L(w - h)) / 2h.
//!
//! Tolerance: relative error below 1e-5 in f64 (`cargo test --features f64`), below 3e-2 in
//! the default f32 engine, where the difference quotient itself is only that precise.

use neurona::engine::network::{HiddenLayer, Network, Workspace};
use neurona::engine::optimizer::{update, Hyper, Moments, Optimizer};
use neurona::engine::rng::Rng;
use neurona::engine::{Activation, Init, Loss, Real, Regularization};

#[cfg(feature = "f64")]
const H: Real = 1e-6;
#[cfg(feature = "f64")]
const TOLERANCE: f64 = 1e-5;
#[cfg(not(feature = "f64"))]
const H: Real = 1e-2;
#[cfg(not(feature = "f64"))]
const TOLERANCE: f64 = 3e-2;

const BATCH: usize = 5;

fn network(hidden: Activation, output: Activation, outputs: usize, seed: u64) -> Network {
    let mut rng = Rng::new(seed);
    let spec = |n| HiddenLayer { neurons: n, activation: hidden };
    Network::new(3, &[spec(4), spec(3)], outputs, output, Init::Xavier, 0.0, &mut rng)
}

fn batch(outputs: usize, seed: u64) -> (Vec<Real>, Vec<Real>) {
    let mut rng = Rng::new(seed);
    let inputs = (0..3 * BATCH).map(|_| rng.uniform(-2.0, 2.0) as Real).collect();
    let targets = (0..BATCH)
        .map(|_| {
            if outputs > 1 {
                rng.below(outputs) as Real
            } else if rng.unit() < 0.5 {
                1.0
            } else {
                -1.0
            }
        })
        .collect();
    (inputs, targets)
}

fn loss_of(net: &Network, loss: Loss, inputs: &[Real], targets: &[Real], ws: &mut Workspace) -> f64 {
    net.forward(inputs, BATCH, ws, None);
    net.batch_loss(loss, targets, BATCH, ws)
}

fn close(analytic: f64, numeric: f64) -> bool {
    (analytic - numeric).abs() <= TOLERANCE * analytic.abs().max(numeric.abs()).max(1e-2)
}

/// Checks every weight and bias of every layer; returns how many were compared.
fn check(hidden: Activation, output: Activation, loss: Loss, outputs: usize) -> usize {
    let mut net = network(hidden, output, outputs, 7);
    let (inputs, targets) = batch(outputs, 11);
    let mut ws = Workspace::default();
    net.forward(&inputs, BATCH, &mut ws, None);
    ws.clear_gradients();
    net.backward(&inputs, &targets, BATCH, loss, &mut ws);
    let analytic = (ws.grad_w.clone(), ws.grad_b.clone());
    let mut checked = 0;
    for l in 0..net.layers.len() {
        for is_bias in [false, true] {
            let count = if is_bias { net.layers[l].biases.len() } else { net.layers[l].weights.len() };
            for i in 0..count {
                let param = |n: &mut Network| -> *mut Real {
                    if is_bias {
                        &mut n.layers[l].biases[i]
                    } else {
                        &mut n.layers[l].weights[i]
                    }
                };
                let original = unsafe { *param(&mut net) };
                unsafe { *param(&mut net) = original + H };
                let up = loss_of(&net, loss, &inputs, &targets, &mut ws);
                unsafe { *param(&mut net) = original - H };
                let down = loss_of(&net, loss, &inputs, &targets, &mut ws);
                unsafe { *param(&mut net) = original };
                let numeric = (up - down) / (2.0 * H as f64);
                let a = if is_bias { analytic.1[l][i] } else { analytic.0[l][i] } as f64;
                assert!(
                    close(a, numeric),
                    "{hidden:?}/{output:?}/{loss:?}: layer {l} {} {i}: backprop {a} vs finite difference {numeric}",
                    if is_bias { "bias" } else { "weight" }
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn every_hidden_activation_backpropagates_correctly() {
    for act in Activation::HIDDEN {
        if act == Activation::Step {
            continue; // its derivative is 0: nothing flows back, checked below
        }
        assert!(check(act, Activation::Tanh, Loss::HalfMse, 1) > 30, "{act:?}");
    }
}

#[test]
fn the_step_passes_no_gradient_back() {
    let mut net = network(Activation::Step, Activation::Tanh, 1, 3);
    let (inputs, targets) = batch(1, 4);
    let mut ws = Workspace::default();
    net.forward(&inputs, BATCH, &mut ws, None);
    ws.clear_gradients();
    net.backward(&inputs, &targets, BATCH, Loss::HalfMse, &mut ws);
    assert!(ws.grad_w[0].iter().all(|&g| g == 0.0));
    assert!(ws.grad_w[2].iter().any(|&g| g != 0.0), "the output layer still learns");
    net.layers[0].weights[0] += 1.0;
}

#[test]
fn every_loss_and_output_pair_backpropagates_correctly() {
    let pairs = [
        (Activation::Tanh, Loss::HalfMse, 1),
        (Activation::Tanh, Loss::Mse, 1),
        (Activation::Linear, Loss::HalfMse, 1),
        (Activation::Linear, Loss::Mse, 1),
        (Activation::Sigmoid, Loss::HalfMse, 1),
        (Activation::Sigmoid, Loss::Bce, 1),
        (Activation::Softmax, Loss::SoftmaxCe, 3),
        (Activation::Softmax, Loss::SoftmaxCe, 4),
    ];
    for (output, loss, k) in pairs {
        assert!(check(Activation::Tanh, output, loss, k) > 30, "{output:?} {loss:?}");
    }
}

/// The penalty's gradient: one SGD step with eta = 1 moves w by exactly dJ/dw where
/// J = L / B + lambda R(W); compare with the difference quotient of J.
#[test]
fn both_penalties_add_their_gradient() {
    for reg in [Regularization::L1, Regularization::L2] {
        let net = network(Activation::Tanh, Activation::Tanh, 1, 5);
        let (inputs, targets) = batch(1, 6);
        let lambda: Real = 0.3;
        let cost = |n: &Network, ws: &mut Workspace| {
            let data = loss_of(n, Loss::HalfMse, &inputs, &targets, ws) / BATCH as f64;
            let penalty: f64 = n.layers.iter().flat_map(|l| &l.weights).map(|&w| reg.penalty(w) as f64).sum();
            data + lambda as f64 * penalty
        };
        let mut ws = Workspace::default();
        net.forward(&inputs, BATCH, &mut ws, None);
        ws.clear_gradients();
        net.backward(&inputs, &targets, BATCH, Loss::HalfMse, &mut ws);
        let hyper = Hyper {
            optimizer: Optimizer::Sgd,
            learning_rate: 1.0,
            momentum: 0.0,
            rho: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            regularization: reg,
            regularization_rate: lambda,
        };
        for l in 0..net.layers.len() {
            let mean: Vec<Real> = ws.grad_w[l].iter().map(|g| g / BATCH as Real).collect();
            let mut stepped = net.layers[l].weights.clone();
            update(&mut stepped, &mean, &mut Moments::new(mean.len()), &hyper, 1, Some(&mut vec![false; mean.len()]));
            for (i, &after) in stepped.iter().enumerate() {
                let w = net.layers[l].weights[i];
                if after == 0.0 && reg == Regularization::L1 {
                    continue; // L1 clipped this step at zero
                }
                let mut probe = net.clone();
                probe.layers[l].weights[i] = w + H;
                let up = cost(&probe, &mut ws);
                probe.layers[l].weights[i] = w - H;
                let down = cost(&probe, &mut ws);
                let numeric = (up - down) / (2.0 * H as f64);
                let analytic = (w - after) as f64;
                assert!(close(analytic, numeric), "{reg:?} layer {l} weight {i}: {analytic} vs {numeric}");
            }
        }
    }
}

#[test]
fn one_update_written_out_is_the_engines_own_and_matches_finite_differences() {
    use neurona::engine::backprop::walkthrough;
    use neurona::engine::config::HiddenLayer;
    use neurona::engine::{Config, Dataset, Point, Regularization, Trainer};
    let mut config = Config::default();
    config.data.dataset = Dataset::Xor;
    config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Tanh }];
    config.training.regularization = Regularization::L2;
    config.training.regularization_rate = 0.01;
    config.training.learning_rate = 0.1;
    let t = Trainer::new(config.clone()).unwrap();
    let point = Point { x: 1.5, y: -2.0, label: 1.0 };
    let dead: Vec<Vec<bool>> = t.network.layers.iter().map(|l| vec![false; l.weights.len()]).collect();
    let w = walkthrough(&t.network, &config, point, &dead);
    // ŷ is the network's output there.
    let mut probe = t.network.clone();
    let out = {
        let mut tr = Trainer::new(config.clone()).unwrap();
        tr.network = probe.clone();
        tr.outputs_at(1.5, -2.0)
    };
    assert_eq!(w.a.last().unwrap()[0], out[0]);
    // Each ∂L/∂w is the slope of the loss in that weight (finite differences, f32 tolerance).
    let loss_at = |net: &neurona::engine::Network| walkthrough(net, &config, point, &dead).loss;
    for l in 0..probe.layers.len() {
        for i in 0..probe.layers[l].weights.len() {
            let h = 1e-2 as Real;
            let base = probe.layers[l].weights[i];
            probe.layers[l].weights[i] = base + h;
            let up = loss_at(&probe);
            probe.layers[l].weights[i] = base - h;
            let down = loss_at(&probe);
            probe.layers[l].weights[i] = base;
            let slope = (up - down) / (2.0 * h as f64);
            assert!((slope - w.grad_w[l][i] as f64).abs() < 2e-3 + 2e-2 * slope.abs(), "layer {l} weight {i}: {slope} vs {}", w.grad_w[l][i]);
            // The step: w ← w − η·(∂L/∂w + λ·w), the penalty's share shown apart.
            assert!((w.penalty_w[l][i] - 0.01 * base).abs() < 1e-7);
            let expected = base - 0.1 * w.grad_w[l][i] - 0.1 * w.penalty_w[l][i];
            assert!((w.new_w[l][i] - expected).abs() < 1e-6);
        }
        for j in 0..probe.layers[l].biases.len() {
            assert!((w.new_b[l][j] - (w.old_b[l][j] - 0.1 * w.grad_b[l][j])).abs() < 1e-6, "b ← b − η·∂L/∂b");
        }
    }
    // δ of the output, and ∂L/∂w = δ · (the input the weight multiplies).
    let last = probe.layers.len() - 1;
    for (i, g) in w.grad_w[last].iter().enumerate() {
        assert!((g - w.delta[last][0] * w.a[last - 1][i]).abs() < 1e-6);
    }
    assert!((w.grad_b[last][0] - w.delta[last][0]).abs() < 1e-6);
}

/// Training pads a batch to a multiple of four samples; the padding must add nothing: the
/// gradients equal those of the batch alone, for every activation (maxout's two pieces and
/// softmax's classes included) and batches that fill a group of four or leave one to three over.
#[test]
fn a_batch_padded_to_groups_of_four_has_the_gradients_of_the_batch_alone() {
    let cases =
        Activation::HIDDEN.iter().map(|&h| (h, Activation::Tanh, Loss::HalfMse, 1)).chain([(Activation::Relu, Activation::Softmax, Loss::SoftmaxCe, 3)]);
    for (hidden, output, loss, outputs) in cases {
        for live in [5usize, 6, 7, 8, 9, 10, 13] {
            let padded = live.div_ceil(4) * 4;
            let net = network(hidden, output, outputs, 5);
            let mut rng = Rng::new(live as u64);
            let inputs: Vec<Real> = (0..3 * live).map(|_| rng.uniform(-2.0, 2.0) as Real).collect();
            let targets: Vec<Real> = (0..live)
                .map(|s| {
                    if outputs > 1 {
                        (s % outputs) as Real
                    } else if s % 2 == 0 {
                        1.0
                    } else {
                        -1.0
                    }
                })
                .collect();
            let mut alone = Workspace::default();
            net.forward(&inputs, live, &mut alone, None);
            alone.clear_gradients();
            net.backward(&inputs, &targets, live, loss, &mut alone);
            // The same samples, each feature's row followed by zeros, and targets likewise.
            let mut wide = vec![0.0; 3 * padded];
            for f in 0..3 {
                wide[f * padded..f * padded + live].copy_from_slice(&inputs[f * live..(f + 1) * live]);
            }
            let mut wide_targets = targets.clone();
            wide_targets.resize(padded, 0.0);
            let mut ws = Workspace::default();
            net.forward(&wide, padded, &mut ws, None);
            ws.clear_gradients();
            net.backward_padded(&wide, &wide_targets, padded, live, loss, &mut ws);
            for (l, layer) in net.layers.iter().enumerate() {
                for (k, (a, b)) in alone.grad_w[l].iter().zip(&ws.grad_w[l]).chain(alone.grad_b[l].iter().zip(&ws.grad_b[l])).enumerate() {
                    let scale = a.abs().max(b.abs()).max(1.0);
                    assert!(
                        (a - b).abs() <= 1e-5 * scale,
                        "{hidden:?}/{output:?}, {live} samples, layer {l} ({} rows), gradient {k}: {a} alone, {b} padded",
                        layer.rows()
                    );
                }
            }
        }
    }
}
