//! The views no playground has, as the engine computes them: the plane as a hidden layer sees
//! it (the layer's own coordinates, its principal components, the output's line there).

use neurona::engine::config::HiddenLayer;
use neurona::engine::features::feature_matrix;
use neurona::engine::network::Workspace;
use neurona::engine::space::{layer_space, SpaceAxes, GRID_LINES, LINE_POINTS};
use neurona::engine::{Activation, Config, Dataset, Trainer};

fn trained(dataset: Dataset, hidden: Vec<HiddenLayer>, epochs: usize) -> Trainer {
    let mut c = Config::default();
    c.data.dataset = dataset;
    c.network.hidden = hidden;
    c.training.learning_rate = 0.1;
    let mut t = Trainer::new(c).expect("a valid setup");
    for _ in 0..epochs {
        t.step().expect("no divergence");
    }
    t
}

fn tanh(neurons: usize) -> HiddenLayer {
    HiddenLayer { neurons, activation: Activation::Tanh }
}

#[test]
fn xor_through_two_tanh_neurons_falls_on_the_two_sides_of_the_outputs_line() {
    let mut t = trained(Dataset::LogicXor, vec![tanh(2)], 300);
    let accuracy = t.evaluate().train.accuracy.unwrap();
    assert!(accuracy >= 0.99, "XOR learned: {accuracy}");
    let space = layer_space(&t.network, t.config.network.inputs(), &t.split.train, 0).expect("a hidden layer");
    assert_eq!(space.axes, SpaceAxes::Neurons(2));
    let [a, b, c] = space.line.expect("the last hidden layer has two neurons: the output's line");
    // In the layer's space one straight line parts the classes the plane could not part.
    for (p, label) in &space.points {
        let (u, v) = p.at(1.0);
        let side = a * u + b * v + c;
        assert!(side * (*label as f64) > 0.0, "{p:?} (label {label}) is on the side {side}");
    }
    // At 0 the points are where they are on the plane; at 1 the layer's neurons' values.
    let mut ws = Workspace::default();
    for ((p, _), q) in space.points.iter().zip(&t.split.train) {
        assert_eq!(p.at(0.0), (q.x as f64, q.y as f64));
        let input = feature_matrix(t.config.network.inputs(), std::iter::once((q.x, q.y)));
        t.network.forward(&input, 1, &mut ws, None);
        let (u, v) = p.at(1.0);
        assert!((u - ws.a[0][0] as f64).abs() < 1e-6 && (v - ws.a[0][1] as f64).abs() < 1e-6);
        let mid = p.at(0.5);
        assert!((mid.0 - (q.x as f64 + u) / 2.0).abs() < 1e-9 && (mid.1 - (q.y as f64 + v) / 2.0).abs() < 1e-9);
    }
    assert_eq!(space.lines.len(), 2 * GRID_LINES);
    assert!(space.lines.iter().all(|l| l.len() == LINE_POINTS));
    // A tanh layer bends the whole plane into the square (-1, 1)².
    assert!(space.lines.iter().flatten().all(|p| p.layer.0.abs() <= 1.0 && p.layer.1.abs() <= 1.0));
}

#[test]
fn a_wider_layer_is_seen_along_its_first_two_principal_components() {
    let t = trained(Dataset::Circle, vec![tanh(5), tanh(3)], 40);
    let features = t.config.network.inputs();
    let space = layer_space(&t.network, features, &t.split.train, 0).expect("a hidden layer");
    let SpaceAxes::Principal { explained } = space.axes else { panic!("five neurons: principal components") };
    assert!(explained[0] >= explained[1] && explained[1] >= 0.0 && explained[0] + explained[1] <= 1.0 + 1e-9, "{explained:?}");
    // The first component holds at least as much of the spread as any one neuron does.
    let n = t.split.train.len();
    let input = feature_matrix(features, t.split.train.iter().map(|p| (p.x, p.y)));
    let mut ws = Workspace::default();
    t.network.forward(&input, n, &mut ws, None);
    let variance = |values: &mut dyn Iterator<Item = f64>| {
        let v: Vec<f64> = values.collect();
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len() as f64
    };
    let total: f64 = (0..5).map(|j| variance(&mut (0..n).map(|s| ws.a[0][j * n + s] as f64))).sum();
    let along_u = variance(&mut space.points.iter().map(|(p, _)| p.layer.0));
    let along_v = variance(&mut space.points.iter().map(|(p, _)| p.layer.1));
    assert!((along_u / total - explained[0]).abs() < 1e-6 && (along_v / total - explained[1]).abs() < 1e-6);
    for j in 0..5 {
        let neuron = variance(&mut (0..n).map(|s| ws.a[0][j * n + s] as f64));
        assert!(along_u >= neuron - 1e-9, "u holds {along_u}, neuron {j} alone {neuron}");
    }
    // The two components are at right angles: their coordinates do not co-vary.
    let mean = |f: &dyn Fn(&(f64, f64)) -> f64| space.points.iter().map(|(p, _)| f(&p.layer)).sum::<f64>() / n as f64;
    let (mu, mv) = (mean(&|l| l.0), mean(&|l| l.1));
    let covariance = space.points.iter().map(|(p, _)| (p.layer.0 - mu) * (p.layer.1 - mv)).sum::<f64>() / n as f64;
    assert!(covariance.abs() < 1e-6 * (along_u * along_v).sqrt().max(1e-12), "{covariance}");
    // Not the last hidden layer: no output line there; the three-neuron layer is seen too.
    assert_eq!(space.line, None);
    assert!(matches!(layer_space(&t.network, features, &t.split.train, 1).unwrap().axes, SpaceAxes::Principal { .. }));
    assert_eq!(layer_space(&t.network, features, &t.split.train, 2), None, "the output is no hidden layer");
}

#[test]
fn a_single_neuron_lays_the_plane_on_a_line() {
    let t = trained(Dataset::Gauss, vec![tanh(1), tanh(2)], 5);
    let space = layer_space(&t.network, t.config.network.inputs(), &t.split.train, 0).unwrap();
    assert_eq!(space.axes, SpaceAxes::Neurons(1));
    assert!(space.points.iter().all(|(p, _)| p.layer.1 == 0.0));
    assert!(space.line.is_none(), "the output reads another layer");
    // The last hidden layer of two neurons does carry the output's line.
    let last = layer_space(&t.network, t.config.network.inputs(), &t.split.train, 1).unwrap();
    let out = t.network.output();
    assert_eq!(last.line, Some([out.weights[0] as f64, out.weights[1] as f64, out.biases[0] as f64]));
}

/// A run of `epochs` with its weights kept every `every` epochs (oldest first), and the trainer.
fn run_with_path(epochs: usize, every: usize) -> (Trainer, Vec<neurona::engine::landscape::Parameters>) {
    let mut t = trained(Dataset::Circle, vec![HiddenLayer { neurons: 4, activation: Activation::Tanh }], 0);
    let mut path = vec![t.network.parameters()];
    for e in 1..=epochs {
        t.step().expect("no divergence");
        if e % every == 0 && e < epochs {
            path.push(t.network.parameters());
        }
    }
    (t, path)
}

#[test]
fn the_loss_landscape_is_centred_on_the_run_and_its_path_ends_at_the_current_loss() {
    use neurona::engine::landscape::{Plane, CELLS};
    let (mut t, path) = run_with_path(60, 10);
    let current = t.network.parameters();
    let before = t.network.clone();
    let l = t.landscape(&current, &path, Plane::Principal).expect("a path to span the plane");
    assert_eq!(t.network, before, "the run's weights are untouched");
    assert_eq!(l.losses.len(), CELLS * CELLS);
    assert_eq!(l.path.len(), path.len() + 1, "every kept state, then the current weights");
    let last = l.path.last().unwrap();
    let train_loss = t.evaluate().train.loss;
    assert_eq!(last[..2], [0.0, 0.0], "the current weights are the origin");
    assert!((last[2] - train_loss).abs() < 1e-9, "{} vs {train_loss}", last[2]);
    // The first state is the start: higher loss than now, and away from the origin.
    assert!(l.path[0][2] > last[2] && (l.path[0][0].abs() + l.path[0][1].abs()) > 0.0);
    // The shares of the spread: the first holds the most, together at most all of it.
    let [a, b] = l.explained.expect("principal components");
    assert!(a >= b && a + b <= 1.0 + 1e-9 && b > 0.0, "{a}, {b}");
    // The path lies inside the drawn ranges, and the grid's cell nearest the origin has the current loss.
    assert!(l.path.iter().all(|p| (l.u.0..=l.u.1).contains(&p[0]) && (l.v.0..=l.v.1).contains(&p[1])));
    let cell = |x: f64, range: (f64, f64)| ((x - range.0) / (range.1 - range.0) * (CELLS - 1) as f64).round() as usize;
    let (col, row) = (cell(0.0, l.u), CELLS - 1 - cell(0.0, l.v));
    let nearest = l.losses[row * CELLS + col];
    let spacing = ((l.u.1 - l.u.0) / (CELLS - 1) as f64).max((l.v.1 - l.v.0) / (CELLS - 1) as f64);
    assert!((nearest - train_loss).abs() < 0.5 * train_loss.max(0.05) || spacing > 1.0, "{nearest} near {train_loss}");
    // Without two earlier states there is no plane to span.
    assert!(t.landscape(&current, &path[..1], Plane::Principal).is_none());
}

#[test]
fn the_loss_over_two_weights_is_exact_with_every_other_held() {
    use neurona::engine::landscape::{Parameter, Plane, CELLS};
    let (mut t, path) = run_with_path(30, 10);
    let current = t.network.parameters();
    let w = Parameter { layer: 1, row: 0, input: Some(2) };
    let b = Parameter { layer: 0, row: 3, input: None };
    let l = t.landscape(&current, &path, Plane::Parameters(w, b)).expect("both are in the network");
    // u and v are the parameters' own values: the current point is where they are now.
    let last = *l.path.last().unwrap();
    assert_eq!((last[0], last[1]), (current[1].0[2] as f64, current[0].1[3] as f64));
    // A cell's loss is the loss of the network with those two values and every other as now.
    let (row, col) = (3, 17);
    let u = l.u.0 + (l.u.1 - l.u.0) * col as f64 / (CELLS - 1) as f64;
    let v = l.v.0 + (l.v.1 - l.v.0) * (CELLS - 1 - row) as f64 / (CELLS - 1) as f64;
    let mut moved = t.network.clone();
    moved.layers[1].weights[2] = u as f32;
    moved.layers[0].biases[3] = v as f32;
    let expected = t.training_loss_of(&moved);
    assert!((l.losses[row * CELLS + col] - expected).abs() < 1e-6, "{} vs {expected}", l.losses[row * CELLS + col]);
    // Before any training there is no path, only the current weights, and the plane is drawn.
    let alone = t.landscape(&current, &[], Plane::Parameters(w, b)).expect("two parameters need no path");
    assert_eq!(alone.path.len(), 1);
    // A parameter the network does not have, or the same one twice, spans nothing.
    let missing = Parameter { layer: 5, row: 0, input: None };
    assert!(t.landscape(&current, &path, Plane::Parameters(w, missing)).is_none());
    assert!(t.landscape(&current, &path, Plane::Parameters(w, w)).is_none());
}
