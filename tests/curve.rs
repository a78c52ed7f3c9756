//! A network of one input as a curve built neuron by neuron: the curve data sets, and pieces
//! that add up to the output.

use neurona::engine::config::{HiddenLayer, Problem};
use neurona::engine::curve::{curve, SAMPLES};
use neurona::engine::network::Workspace;
use neurona::engine::rng::Rng;
use neurona::engine::{data, Activation, Config, Dataset, Feature, Real, Trainer};

#[test]
fn the_curve_data_sets_lie_along_x_with_their_values() {
    for (d, f) in [
        (Dataset::CurveSine, (|x: f64| (x * std::f64::consts::PI / 3.0).sin()) as fn(f64) -> f64),
        (Dataset::CurveStep, |x: f64| if x > 0.0 { 1.0 } else { -1.0 }),
        (Dataset::CurveAbs, |x: f64| x.abs() / 3.0 - 1.0),
    ] {
        assert!(d.is_regression() && d.is_curve());
        assert_eq!(Dataset::from_name(d.name()), Some(d), "{} in links", d.name());
        let points = data::generate(d, 2, 0.0, &mut Rng::new(7));
        assert_eq!(points.len(), 300);
        for p in &points {
            assert_eq!(p.y, 0.0);
            assert!(p.x.abs() <= 6.0);
            assert!((p.label as f64 - f(p.x as f64)).abs() < 1e-5, "{}: {} at {}", d.name(), p.label, p.x);
        }
        // Noise moves points along x before their value is read: some values change.
        let noisy = data::generate(d, 2, 0.3, &mut Rng::new(7));
        assert!(noisy.iter().any(|p| (p.label as f64 - f(p.x as f64)).abs() > 0.1), "{}", d.name());
    }
    assert_eq!(Dataset::from_name("curve-sine"), Some(Dataset::CurveSine));
}

fn curve_setup(dataset: Dataset, hidden: Vec<HiddenLayer>) -> Config {
    let mut c = Config::default();
    c.data.problem = Problem::Regression;
    c.data.dataset = dataset;
    c.network.features = vec![Feature::X1];
    c.network.hidden = hidden;
    c.network.output = Activation::Linear;
    c.training.loss = neurona::engine::Loss::Mse;
    c
}

#[test]
fn the_pieces_and_the_bias_add_up_to_the_output_the_network_gives() {
    let relu = |n| HiddenLayer { neurons: n, activation: Activation::Relu };
    for hidden in [vec![relu(5)], vec![relu(3), HiddenLayer { neurons: 4, activation: Activation::Tanh }], vec![]] {
        let config = curve_setup(Dataset::CurveAbs, hidden.clone());
        let mut t = Trainer::new(config).unwrap();
        for _ in 0..30 {
            t.step().unwrap();
        }
        let c = curve(&t.network, t.config.network.inputs()).expect("one output");
        assert_eq!(c.x.len(), SAMPLES);
        let last = hidden.last().map_or(1, |h| h.neurons);
        assert_eq!(c.pieces.len(), last, "a piece per neuron of the last hidden layer (or per feature)");
        // The network's own output along x, for comparison.
        let inputs: Vec<Real> = c.x.iter().map(|&x| x as Real).collect();
        let mut ws = Workspace::default();
        t.network.forward(&inputs, inputs.len(), &mut ws, None);
        let predicted = ws.a.last().unwrap();
        for s in 0..c.x.len() {
            let sum: f64 = c.pieces.iter().map(|p| p[s]).sum::<f64>() + c.bias;
            assert!((sum - c.output[s]).abs() < 1e-12);
            assert!((c.output[s] - predicted[s] as f64).abs() < 1e-4, "at x = {}: {} vs {}", c.x[s], c.output[s], predicted[s]);
        }
    }
    // Several outputs are no curve.
    let mut three = Config::default();
    three.data.classes = 3;
    three.data.dataset = Dataset::Blobs;
    three.network.output = Activation::Softmax;
    three.training.loss = neurona::engine::Loss::SoftmaxCe;
    assert!(curve(&Trainer::new(three).unwrap().network, neurona::engine::features::Inputs { features: &[Feature::X1, Feature::X2], formula: None }).is_none());
}

#[test]
fn relu_pieces_bend_where_their_neuron_turns_on_and_fit_the_absolute_value() {
    let mut config = curve_setup(Dataset::CurveAbs, vec![HiddenLayer { neurons: 4, activation: Activation::Relu }]);
    config.training.learning_rate = 0.03;
    let mut t = Trainer::new(config).unwrap();
    for _ in 0..400 {
        t.step().unwrap();
    }
    let test = t.last.as_ref().unwrap().test.as_ref().unwrap().loss;
    assert!(test < 0.02, "|x| learned: test loss {test}");
    let c = curve(&t.network, t.config.network.inputs()).unwrap();
    // Each ReLU piece is flat on one side of its joint and straight on the other: its
    // slope takes at most two values along x.
    for p in &c.pieces {
        let mut slopes: Vec<f64> = p.windows(2).map(|w| ((w[1] - w[0]) * 1e4).round() / 1e4).collect();
        slopes.sort_by(f64::total_cmp);
        slopes.dedup_by(|a, b| (*a - *b).abs() < 2e-3);
        assert!(slopes.len() <= 3, "one joint (a sample may straddle it): {slopes:?}");
    }
}
