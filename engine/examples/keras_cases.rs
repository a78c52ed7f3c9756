//! Writes the setups that `scripts/keras_check.py` runs in TensorFlow: for each, the Python
//! file Neurona exports (epoch 0 weights, a few full-batch epochs to train) and what the
//! engine reached from the same start: its weights and its predictions on the test points.
//!
//! cargo run --release -p neurona-engine --example keras_cases -- <directory>

use neurona_engine::axes::{Axes, Axis};
use neurona_engine::config::{HiddenLayer, Problem};
use neurona_engine::export::keras_code;
use neurona_engine::rng::Rng;
use neurona_engine::{Activation, Config, Dataset, Feature, Loss, Optimizer, Point, Real, Regularization, Trainer};
use serde_json::json;

const EPOCHS: u64 = 25;

fn base(hidden: &[(usize, Activation)], output: Activation, loss: Loss, optimizer: Optimizer, learning_rate: Real) -> Config {
    let mut c = Config::default();
    c.network.hidden = hidden.iter().map(|&(neurons, activation)| HiddenLayer { neurons, activation }).collect();
    c.network.output = output;
    c.training.loss = loss;
    c.training.optimizer = optimizer;
    c.training.learning_rate = learning_rate;
    // Full batches: the order of points within an epoch then does not matter.
    c.training.batch_size = 1200;
    c
}

/// A class's pass/fail data in its own units (hours studied, previous grade).
fn pass_fail(c: &mut Config) {
    let mut rng = Rng::new(11);
    c.data.dataset = Dataset::Custom;
    c.data.custom_points = (0..120)
        .map(|_| {
            let hours = (rng.uniform(0.0, 12.0) * 10.0).round() / 10.0;
            let grade = rng.uniform(50.0, 100.0).round();
            let passed = hours / 12.0 + (grade - 50.0) / 50.0 + rng.uniform(-0.15, 0.15) > 1.0;
            Point { x: hours as Real, y: grade as Real, label: if passed { 1.0 } else { -1.0 } }
        })
        .collect();
    c.data.axes = Axes { x: Axis { name: "hours".into(), min: -1.0, max: 13.0 }, y: Axis { name: "grade".into(), min: 45.0, max: 105.0 } };
}

fn cases() -> Vec<(&'static str, Config)> {
    use Activation::*;
    let mut cases = vec![
        ("tanh, half MSE, SGD", base(&[(4, Tanh), (2, Tanh)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03)),
        ("relu, BCE, SGD", base(&[(4, Relu)], Sigmoid, Loss::Bce, Optimizer::Sgd, 0.1)),
        ("sigmoid, MSE, momentum", base(&[(3, Sigmoid)], Linear, Loss::Mse, Optimizer::Momentum, 0.03)),
        ("leaky relu, RMSProp", base(&[(4, LeakyRelu)], Tanh, Loss::HalfMse, Optimizer::Rmsprop, 0.01)),
        ("elu, BCE, Adam", base(&[(4, Elu)], Sigmoid, Loss::Bce, Optimizer::Adam, 0.03)),
        ("swish, Adam", base(&[(3, Swish)], Tanh, Loss::HalfMse, Optimizer::Adam, 0.01)),
        ("softplus, RMSProp", base(&[(3, Softplus)], Tanh, Loss::HalfMse, Optimizer::Rmsprop, 0.003)),
        ("linear hidden", base(&[(2, Linear)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03)),
        ("step hidden", base(&[(3, Step)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03)),
        ("maxout", base(&[(3, Maxout)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03)),
        ("softmax, 2 classes", base(&[(4, Tanh)], Softmax, Loss::SoftmaxCe, Optimizer::Sgd, 0.1)),
        ("no hidden layer, sigmoid", base(&[], Sigmoid, Loss::Bce, Optimizer::Momentum, 0.1)),
    ];
    let mut l1 = base(&[(4, Relu)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.3);
    (l1.training.regularization, l1.training.regularization_rate) = (Regularization::L1, 0.03);
    cases.push(("L1, SGD (zero stop)", l1));
    let mut l2 = base(&[(4, Tanh)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.1);
    (l2.training.regularization, l2.training.regularization_rate) = (Regularization::L2, 0.03);
    cases.push(("L2, SGD", l2));
    let mut l1_adam = base(&[(4, Tanh)], Tanh, Loss::HalfMse, Optimizer::Adam, 0.01);
    (l1_adam.training.regularization, l1_adam.training.regularization_rate) = (Regularization::L1, 0.01);
    cases.push(("L1, Adam", l1_adam));
    let mut l2_momentum = base(&[(4, Relu)], Tanh, Loss::HalfMse, Optimizer::Momentum, 0.03);
    (l2_momentum.training.regularization, l2_momentum.training.regularization_rate) = (Regularization::L2, 0.01);
    cases.push(("L2, momentum", l2_momentum));
    let mut three = base(&[(5, Relu)], Softmax, Loss::SoftmaxCe, Optimizer::Adam, 0.01);
    (three.data.classes, three.data.dataset) = (3, Dataset::Blobs);
    cases.push(("softmax, 3 classes, Adam", three));
    let mut regression = base(&[(4, Tanh)], Linear, Loss::Mse, Optimizer::Sgd, 0.01);
    (regression.data.problem, regression.data.dataset) = (Problem::Regression, Dataset::RegPlane);
    cases.push(("regression, MSE", regression));
    let mut features = base(&[(3, Tanh)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03);
    features.network.features = Feature::ALL.to_vec();
    cases.push(("every input feature", features));
    let mut typed = base(&[(3, Tanh)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03);
    typed.network.features = vec![Feature::X1, Feature::Custom];
    typed.network.formula = Some(neurona_engine::formula::Formula::parse("sin(x1) * x2 + abs(x1 - x2) / 3 + x2^2").expect("a formula"));
    cases.push(("a typed feature", typed));
    let mut dropout = base(&[(6, Relu), (4, Relu)], Tanh, Loss::HalfMse, Optimizer::Sgd, 0.03);
    dropout.training.dropout = vec![0.3, 0.2];
    cases.push(("dropout", dropout));
    let mut units = base(&[(3, Tanh)], Sigmoid, Loss::Bce, Optimizer::Adam, 0.03);
    pass_fail(&mut units);
    units.data.percent_val = 20;
    units.training.early_stopping.enabled = true;
    units.training.early_stopping.patience = 100;
    cases.push(("own units, validation, early stopping", units));
    // The club's satellite pixels in reflectance: vegetation against the rest from red and
    // near-infrared with one neuron, and the four surfaces with a hidden layer and softmax.
    let mut vegetation = base(&[], Sigmoid, Loss::Bce, Optimizer::Sgd, 0.1);
    vegetation.data.dataset = Dataset::Satellite;
    cases.push(("satellite: vegetation, red and near-infrared", vegetation));
    let mut surfaces = base(&[(6, Tanh)], Softmax, Loss::SoftmaxCe, Optimizer::Adam, 0.03);
    surfaces.data.dataset = Dataset::Satellite;
    surfaces.data.classes = 4;
    cases.push(("satellite: four surfaces, softmax", surfaces));
    // The handwritten digits, 64 grey levels read as they are: all ten with softmax, and two
    // with a sigmoid.
    let mut digits = base(&[(16, Relu)], Softmax, Loss::SoftmaxCe, Optimizer::Adam, 0.01);
    digits.data.dataset = Dataset::Digits;
    digits.data.classes = 10;
    cases.push(("digits: all ten, softmax", digits));
    let mut two = base(&[(4, Tanh)], Sigmoid, Loss::Bce, Optimizer::Sgd, 0.1);
    two.data.dataset = Dataset::Digits;
    two.data.digits = vec![3, 8];
    cases.push(("digits: 3 or 8, sigmoid", two));
    // A table of five columns in their own units (one of them constant), scaled from each
    // column's range; its label a class of three.
    let mut rng = Rng::new(5);
    let mut text = String::from("a;b;c;d;e;label\n");
    for _ in 0..150 {
        let (a, b, c) = (rng.uniform(0.0, 100.0), rng.uniform(-2.0, 2.0), rng.uniform(1000.0, 5000.0));
        let label = if a / 50.0 + b > 2.0 {
            2
        } else if c > 3000.0 {
            1
        } else {
            0
        };
        text += &format!("{};{};{};7;{};{label}\n", format!("{a:.2}").replace('.', ","), format!("{b:.3}").replace('.', ","), c.round(), rng.uniform(0.0, 1.0));
    }
    let table = neurona_engine::table::parse_table(&text).expect("a table");
    let mut tabled = base(&[(6, Tanh)], Softmax, Loss::SoftmaxCe, Optimizer::Adam, 0.03);
    tabled.data.dataset = Dataset::Table;
    tabled.data.table = Some(table.choose(&[0, 1, 2, 3, 4], 5, neurona_engine::table::Predict::Class).expect("columns"));
    tabled.data.classes = 3;
    cases.push(("a table of five columns, three classes", tabled));
    let mut perceptron = base(&[], Step, Loss::HalfMse, Optimizer::Sgd, 0.1);
    perceptron.training.shuffle = false;
    cases.push(("perceptron", perceptron));
    cases
}

fn main() {
    let dir = std::env::args().nth(1).expect("a directory to write the cases into");
    std::fs::create_dir_all(&dir).expect("the directory can be made");
    for (i, (name, mut config)) in cases().into_iter().enumerate() {
        let repairs = config.normalize();
        assert!(repairs.is_empty(), "{name}: {repairs:?}");
        let mut t = Trainer::new(config.clone()).expect("a valid setup");
        let code = keras_code(&config, &t.network, &t.split, EPOCHS);
        // The test points' outputs: at their place on the plane, or of their rows.
        let outputs = |t: &Trainer| -> Vec<Vec<Real>> {
            match t.split.rows.dims {
                0 => t.split.test.iter().map(|p| t.outputs_at(p.x, p.y)).collect(),
                d => t.split.rows.test.chunks_exact(d).map(|row| t.outputs_of(row)).collect(),
            }
        };
        let before = outputs(&t);
        for _ in 0..EPOCHS {
            t.step().expect("no divergence");
        }
        let after = outputs(&t);
        let layers: Vec<_> = t.network.layers.iter().map(|l| json!({ "n_in": l.n_in, "rows": l.rows(), "weights": l.weights, "biases": l.biases })).collect();
        let expected = json!({
            "name": name,
            "epochs": EPOCHS,
            "perceptron": config.is_perceptron(),
            // Dropout's masks are random in both: only the untrained network can be compared.
            "random": config.training.dropout.iter().any(|&d| d > 0.0),
            "layers": layers,
            "before": before,
            "after": after,
        });
        std::fs::write(format!("{dir}/case_{i:02}.py"), code).expect("written");
        std::fs::write(format!("{dir}/case_{i:02}.json"), expected.to_string()).expect("written");
    }
}
