//! What the lesson promises, with fixed seeds: OR is linearly separable and XOR is not, a
//! hidden layer fixes that, the default circle is learned, softmax separates three blobs,
//! the perceptron rule converges on OR only; dropout, early stopping, determinism, NaN.

mod common;

use neurona::engine::config::HiddenLayer;
use neurona::engine::{Activation, Config, Dataset, Feature, Loss, Optimizer, TrainError, Trainer};

fn train(config: Config, epochs: usize) -> Trainer {
    let mut t = Trainer::new(config).expect("valid config");
    for _ in 0..epochs {
        t.step().expect("no divergence");
    }
    t
}

fn accuracy(t: &mut Trainer) -> (f64, f64) {
    let r = t.evaluate();
    (r.train.accuracy.unwrap(), r.test.map(|m| m.accuracy.unwrap()).unwrap_or(1.0))
}

fn single_neuron(dataset: Dataset, output: Activation, loss: Loss) -> Config {
    {
        let mut c: Config = Config::default();
        c.data.dataset = dataset;
        c.network.hidden = vec![];
        c.network.output = output;
        c.training.loss = loss;
        c.training.learning_rate = 0.1;
        c
    }
}

#[test]
fn one_sigmoid_neuron_learns_or_and_and() {
    for gate in [Dataset::LogicOr, Dataset::LogicAnd] {
        let mut t = train(single_neuron(gate, Activation::Sigmoid, Loss::Bce), 100);
        assert_eq!(accuracy(&mut t), (1.0, 1.0), "{gate:?}");
    }
}

#[test]
fn no_network_without_a_hidden_layer_learns_xor() {
    for (output, loss) in [(Activation::Sigmoid, Loss::Bce), (Activation::Tanh, Loss::HalfMse), (Activation::Linear, Loss::Mse)] {
        for dataset in [Dataset::LogicXor, Dataset::Xor] {
            // A linear output with squared error needs a smaller step on these +-5 inputs.
            let rate = if output == Activation::Linear { 0.003 } else { 0.1 };
            let mut t = train(
                {
                    let mut c: Config = single_neuron(dataset, output, loss);
                    c.training.learning_rate = rate;
                    c
                },
                300,
            );
            let (train_acc, _) = accuracy(&mut t);
            assert!(train_acc <= 0.8, "{output:?} on {dataset:?} reached {train_acc}");
        }
    }
}

#[test]
fn one_hidden_layer_of_four_tanh_neurons_learns_xor() {
    let config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::LogicXor;
        c.network.hidden = vec![HiddenLayer { neurons: 4, ..HiddenLayer::default() }];
        c.training.learning_rate = 0.1;
        c
    };
    let mut t = train(config, 200);
    let (train_acc, test_acc) = accuracy(&mut t);
    assert!(train_acc >= 0.98 && test_acc >= 0.98, "{train_acc} {test_acc}");
}

#[test]
fn the_default_circle_is_learned() {
    let mut t = Trainer::new(Config::default()).unwrap();
    let first = t.step().unwrap().test.unwrap().loss;
    let mut epochs = 1;
    while t.last.as_ref().unwrap().test.as_ref().unwrap().loss >= 0.02 && epochs < 1000 {
        t.step().unwrap();
        epochs += 1;
    }
    let last = t.last.clone().unwrap();
    let test_loss = last.test.unwrap().loss;
    assert!(test_loss < 0.02, "test loss {test_loss} after {epochs} epochs (started at {first})");
    assert!(epochs <= 500, "needed {epochs} epochs");
    // The picture a user sees: inside is blue, outside orange.
    assert!(t.predict(0.0, 0.0) > 0.5);
    assert!(t.predict(4.5, 0.0) < -0.5 && t.predict(0.0, -4.5) < -0.5);
}

#[test]
fn softmax_separates_three_blobs() {
    let config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::Blobs;
        c.data.classes = 3;
        c.network.output = Activation::Softmax;
        c.training.loss = Loss::SoftmaxCe;
        c
    };
    let mut t = train(config, 50);
    let r = t.evaluate();
    assert!(r.test.as_ref().unwrap().accuracy.unwrap() >= 0.95, "{:?}", r.test);
    assert_eq!(r.train.confusion.len(), 9);
    assert_eq!(r.train.confusion.iter().sum::<u32>() as usize, r.train.count);
}

#[test]
fn the_perceptron_rule_converges_on_or_but_not_on_xor() {
    let or = single_neuron(Dataset::LogicOr, Activation::Step, Loss::HalfMse);
    let mut t = Trainer::new(or).unwrap();
    let converged_at = (1..=20).find(|_| t.step().unwrap().mistakes == Some(0));
    assert!(converged_at.is_some(), "no epoch without mistakes in 20");
    assert_eq!(accuracy(&mut t).0, 1.0);

    let xor = single_neuron(Dataset::LogicXor, Activation::Step, Loss::HalfMse);
    let mut t = Trainer::new(xor).unwrap();
    for _ in 0..100 {
        let mistakes = t.step().unwrap().mistakes.unwrap();
        assert!(mistakes > 0, "XOR cannot be separated by one line");
    }
}

#[test]
fn dropout_changes_nothing_at_evaluation_time() {
    let base = {
        let mut c: Config = Config::default();
        c.network.hidden = vec![HiddenLayer { neurons: 8, ..HiddenLayer::default() }; 2];
        c
    };
    let mut t = train(base.clone(), 20);
    let before = t.evaluate();
    let p_before = t.predict(1.0, -2.0);
    let mut with_dropout = base;
    with_dropout.training.dropout = vec![0.5; with_dropout.network.hidden.len()];
    t.update_live(&with_dropout);
    assert_eq!(t.evaluate(), before);
    assert_eq!(t.predict(1.0, -2.0), p_before);
    // ...but training sees it: the same seed with dropout ends with other weights.
    let mut a = train(
        {
            let mut c: Config = Config::default();
            c.training.dropout = with_dropout.training.dropout.clone();
            c
        },
        5,
    );
    let b = train(
        {
            let mut c: Config = Config::default();
            c.network.hidden = vec![HiddenLayer { neurons: 8, ..HiddenLayer::default() }; 2];
            c
        },
        5,
    );
    assert_ne!(a.network.layers[0].weights, b.network.layers[0].weights);
    assert!(a.step().is_ok());
}

#[test]
fn early_stopping_stops_and_restores_the_best_weights() {
    let mut config = common::overfitting_config(Dataset::Spiral, 50);
    config.network.features = Feature::ALL.to_vec();
    config.training.optimizer = Optimizer::Adam;
    let mut t = Trainer::new(config).unwrap();
    let mut stop = None;
    for _ in 0..3000 {
        if let Some(s) = t.step().unwrap().early_stop {
            stop = Some(s);
            break;
        }
    }
    let stop = stop.expect("a noisy overfitting run stops early");
    assert!(stop.best_epoch < stop.stopped_epoch, "the best epoch lies before the stop");
    assert_eq!(stop.stopped_epoch - stop.best_epoch, 3, "patience 3");
    assert_eq!(t.epoch, stop.best_epoch, "the run goes back to the best epoch");
    assert_eq!(t.history.points.last().unwrap().epoch, stop.stopped_epoch, "the history keeps the epochs after it");
    let now = t.evaluate().validation.unwrap().loss;
    assert!((now - stop.best_loss).abs() < 1e-9, "restored weights give the best loss: {now} vs {}", stop.best_loss);
    // Every figure shown describes the restored weights.
    let shown = t.last.clone().unwrap();
    assert_eq!(shown.epoch, stop.best_epoch);
    assert!((shown.validation.as_ref().unwrap().loss - stop.best_loss).abs() < 1e-9, "the validation loss shown is the best epoch's");
    assert_eq!(shown.train.loss, t.evaluate().train.loss);
    assert!(t.stopped.is_some());
}

#[test]
fn the_same_seed_gives_bit_identical_weights() {
    let config = {
        let mut c: Config = Config::default();
        c.data.seed = 42;
        c.training.shuffle = true;
        c.network.hidden = vec![HiddenLayer { neurons: 5, ..HiddenLayer::default() }];
        c.training.dropout = vec![0.2];
        c
    };
    let a = train(config.clone(), 100);
    let b = train(config.clone(), 100);
    assert_eq!(a.network, b.network);
    assert_eq!(a.split, b.split);
    let c = train(
        {
            let mut c: Config = config;
            c.data.seed = 43;
            c
        },
        100,
    );
    assert_ne!(a.network, c.network);
}

#[test]
fn a_diverging_run_stops_with_the_previous_weights() {
    let config = common::diverging_config();
    let mut t = Trainer::new(config).unwrap();
    let mut result = Ok(Default::default());
    let mut before = t.network.clone();
    for _ in 0..50 {
        before = t.network.clone();
        result = t.step();
        if result.is_err() {
            break;
        }
    }
    match result {
        Err(TrainError::Diverged { epoch }) => {
            assert_eq!(t.network, before, "weights from before the bad step are kept");
            assert!(t.network.is_finite());
            assert_eq!(t.epoch + 1, epoch);
        }
        Ok(_) => panic!("learning rate 10 on this network should diverge"),
    }
}

#[test]
fn a_deep_wide_network_trains_without_special_cases() {
    let config = {
        let mut c: Config = Config::default();
        c.network.hidden = vec![HiddenLayer { neurons: 64, activation: Activation::Relu }; 10];
        c.network.init = neurona::engine::Init::He;
        c.training.learning_rate = 0.01;
        c
    };
    let mut t = Trainer::new(config).unwrap();
    let first = t.step().unwrap().train.loss;
    for _ in 0..20 {
        t.step().unwrap();
    }
    assert!(t.last.as_ref().unwrap().train.loss < first);
    assert_eq!(t.last.as_ref().unwrap().gradient_magnitude.len(), 11);
}

#[test]
fn another_round_keeps_the_data_and_draws_other_weights() {
    let a = Trainer::new(Config::default()).unwrap();
    let b = Trainer::new_round(Config::default(), 1).unwrap();
    assert_eq!(a.split, b.split);
    assert_ne!(a.network, b.network);
    assert_eq!(Trainer::new_round(Config::default(), 1).unwrap().network, b.network);
}

#[test]
#[cfg(not(feature = "f64"))]
fn the_fingerprint_after_100_epochs_matches_the_recorded_one() {
    let t = train(common::determinism_config(), 100);
    assert_eq!(neurona::engine::fingerprint::fingerprint(&t.network), common::recorded_fingerprint());
}

#[test]
fn the_leaky_slope_changes_live() {
    let config = {
        let mut c: Config = Config::default();
        c.network.hidden = vec![HiddenLayer { neurons: 4, activation: Activation::LeakyRelu }];
        c
    };
    let mut t = train(config.clone(), 5);
    let before: Vec<_> = (-5..=5).map(|i| t.predict(i as _, -3.0)).collect();
    t.update_live(&{
        let mut c: Config = config;
        c.training.leaky_slope = 0.5;
        c
    });
    let after: Vec<_> = (-5..=5).map(|i| t.predict(i as _, -3.0)).collect();
    assert_ne!(before, after);
    assert_eq!(t.epoch, 5, "no reset");
}

#[test]
fn training_goes_on_after_a_divergence_once_the_step_is_smaller() {
    for optimizer in Optimizer::ALL {
        let mut config = common::diverging_config();
        config.network.features = Feature::ALL[..5].to_vec();
        config.training.learning_rate = 1e30;
        config.training.optimizer = optimizer;
        let mut t = Trainer::new(config.clone()).unwrap();
        let diverged = (0..50).any(|_| t.step().is_err());
        assert!(diverged, "{optimizer:?} with a learning rate of 1e30 diverges");
        t.update_live(&{
            let mut c: Config = config;
            c.training.learning_rate = 0.001;
            c
        });
        for _ in 0..5 {
            assert!(t.step().is_ok(), "{optimizer:?}: a small step trains again from the kept weights");
        }
    }
}

#[test]
fn under_l1_dead_links_stay_at_zero_until_the_user_sets_them() {
    let mut config = Config::default();
    config.training.regularization = neurona::engine::Regularization::L1;
    config.training.regularization_rate = 0.003;
    config.training.learning_rate = 0.1;
    let mut t = Trainer::new(config).unwrap();
    for _ in 0..300 {
        t.step().unwrap();
    }
    let dead: Vec<(usize, usize)> = t.dead.iter().enumerate().flat_map(|(l, d)| d.iter().enumerate().filter(|(_, &x)| x).map(move |(i, _)| (l, i))).collect();
    let links: usize = t.dead.iter().map(|d| d.len()).sum();
    assert!(!dead.is_empty() && dead.len() < links, "L1 kills some of the default network's links in 300 epochs: {} of {links}", dead.len());
    for &(l, i) in &dead {
        assert_eq!(t.network.layers[l].weights[i], 0.0);
    }
    let before = t.network.clone();
    for _ in 0..20 {
        t.step().unwrap();
    }
    for &(l, i) in &dead {
        assert_eq!(t.network.layers[l].weights[i], 0.0, "a dead link is not trained again");
    }
    assert_ne!(t.network, before, "the living links still train");
    // The user's value brings it back.
    let (l, i) = dead[0];
    let n_in = t.network.layers[l].n_in;
    t.set_parameter(l, i / n_in, Some(i % n_in), 0.7);
    assert!(!t.dead[l][i]);
    t.step().unwrap();
    assert_ne!(t.network.layers[l].weights[i], 0.7, "it trains again");
}

#[test]
fn a_neurons_written_out_sum_is_the_engines_own() {
    use neurona::engine::inspect::neuron_math;
    use neurona::engine::network::Workspace;
    use neurona::engine::Real;
    let mut config = Config::default();
    config.network.features = Feature::ALL[..5].to_vec();
    config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 2, activation: Activation::Maxout }];
    let mut t = Trainer::new(config.clone()).unwrap();
    for _ in 0..20 {
        t.step().unwrap();
    }
    let point = (1.5 as Real, -2.25 as Real);
    let input: Vec<Real> = config.network.features.iter().map(|f| f.value(point.0, point.1)).collect();
    let mut ws = Workspace::default();
    t.network.forward(&input, 1, &mut ws, None);
    for (layer, l) in t.network.layers.iter().enumerate() {
        for neuron in 0..l.n_out {
            let m = neuron_math(&t.network, config.network.inputs(), point, layer, neuron).unwrap();
            // The terms and the bias add up to the z the forward pass computed...
            let sum: f64 = m.weights.iter().zip(&m.inputs).map(|(w, x)| (w * x) as f64).sum::<f64>() + m.bias as f64;
            assert!((sum - m.z as f64).abs() < 1e-5, "layer {layer} neuron {neuron}: {sum} vs {}", m.z);
            // ...and a is the value the network passes on (its output, for the last layer).
            assert_eq!(m.a, ws.a[layer][neuron]);
            assert_eq!(m.a, if l.activation == Activation::Maxout { m.z } else { l.activation.value(m.z, t.network.leaky_slope) });
            // The inputs are the features, or the previous layer's outputs.
            let expected_inputs = if layer == 0 { input.clone() } else { ws.a[layer - 1][..l.n_in].to_vec() };
            assert_eq!(m.inputs, expected_inputs);
        }
    }
    assert_eq!(t.network.layers.last().unwrap().n_out, 1);
    assert_eq!(neuron_math(&t.network, config.network.inputs(), point, 2, 0).unwrap().a, t.outputs_at(point.0, point.1)[0]);
    assert!(neuron_math(&t.network, config.network.inputs(), point, 1, 5).is_none());
}

#[test]
fn the_perceptron_rule_stepped_by_hand_says_what_each_point_did() {
    use neurona::engine::Real;
    let mut config = Config::default();
    config.data.dataset = Dataset::LogicOr;
    config.network.hidden = vec![];
    config.network.output = Activation::Step;
    config.training.learning_rate = 0.1;
    let mut t = Trainer::new(config.clone()).unwrap();
    let mut changed = 0;
    for k in 0..5000 {
        let s = t.perceptron_point(k).unwrap();
        let z = s.inputs.iter().zip(&s.before).map(|(x, w)| x * w).sum::<Real>() + s.before[2];
        assert_eq!(s.predicted, if z >= 0.0 { 1.0 } else { 0.0 }, "the unit's answer is step(w·x + b)");
        let error = s.target - s.predicted;
        assert_eq!(s.changed, error != 0.0);
        for f in 0..2 {
            assert!((s.after[f] - (s.before[f] + 0.1 * error * s.inputs[f])).abs() < 1e-6, "w ← w + η(y − ŷ)x");
        }
        assert!((s.after[2] - (s.before[2] + 0.1 * error)).abs() < 1e-6, "b ← b + η(y − ŷ)");
        assert_eq!(s.after, [&t.network.layers[0].weights[..], &t.network.layers[0].biases[..]].concat());
        changed += s.changed as usize;
    }
    assert!(changed > 0);
    assert_eq!(t.last.as_ref().unwrap().train.accuracy, Some(1.0), "OR is learned point by point too");
    // Not a perceptron: nothing to step.
    assert!(Trainer::new(Config::default()).unwrap().perceptron_point(0).is_none());
}

#[test]
fn a_layer_as_a_matrix_product_is_the_engines_own() {
    use neurona::engine::inspect::{layer_product, neuron_math};
    use neurona::engine::Real;
    let mut config = Config::default();
    config.network.features = Feature::ALL[..4].to_vec();
    config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 2, activation: Activation::Tanh }];
    let mut t = Trainer::new(config.clone()).unwrap();
    for _ in 0..10 {
        t.step().unwrap();
    }
    let points: Vec<(Real, Real)> = vec![(1.0, 2.0), (-3.5, 0.25), (0.0, -4.0), (5.0, 5.0)];
    for layer in 0..3 {
        let m = layer_product(&t.network, config.network.inputs(), &points, layer).unwrap();
        assert_eq!(m.x[0].len(), 4, "one column per point");
        for (r, row) in m.w.iter().enumerate() {
            for p in 0..4 {
                // Z = W·X + b, cell by cell...
                let sum = row.iter().zip(&m.x).map(|(w, x)| w * x[p]).sum::<Real>() + m.b[r];
                assert!((sum - m.z[r][p]).abs() < 1e-5, "layer {layer} row {r} point {p}");
                // ...and the same as one neuron's arithmetic at that point.
                let one = neuron_math(&t.network, config.network.inputs(), points[p], layer, r).unwrap();
                assert_eq!((one.z, one.a), (m.z[r][p], m.a[r][p]));
            }
        }
    }
    let out = layer_product(&t.network, config.network.inputs(), &points, 2).unwrap();
    for (p, &(x, y)) in points.iter().enumerate() {
        assert_eq!(out.a[0][p], t.outputs_at(x, y)[0], "the last layer's A is the network's output");
    }
}

#[test]
fn training_that_goes_wrong_is_named() {
    use neurona::engine::diagnose::{dead_layers, diagnose, Trouble};
    use neurona::engine::Grid;
    // A learning rate of 10 with ReLU: the ReLU layers die or the loss stalls, in ten setups.
    let mut named = 0;
    for seed in 0..10 {
        let mut config = Config::default();
        config.data.seed = seed;
        config.network.hidden = vec![HiddenLayer { neurons: 4, activation: Activation::Relu }; 2];
        config.training.learning_rate = 10.0;
        let mut t = Trainer::new(config.clone()).unwrap();
        let mut trouble = None;
        for _ in 0..400 {
            if t.step().is_err() {
                break;
            }
        }
        let mut grid = Grid::new(40, -6.0, 6.0);
        grid.evaluate(&t.network, config.network.inputs());
        let dead = dead_layers(&t.network, &grid);
        if let Some(report) = &t.last {
            trouble = diagnose(report, &t.history.points, &config, &dead);
        }
        named += trouble.is_some() as usize;
        if let Some(Trouble::DeadLayer(l)) = trouble {
            assert!(l < 2 && (0..4).all(|j| grid.neuron(l, j).iter().all(|&a| a == 0.0)));
        }
    }
    assert!(named >= 8, "{named} of 10 runs named what went wrong");
    // A healthy run is not flagged.
    let config = Config::default();
    let mut t = Trainer::new(config.clone()).unwrap();
    for _ in 0..400 {
        t.step().unwrap();
    }
    let mut grid = Grid::new(40, -6.0, 6.0);
    grid.evaluate(&t.network, config.network.inputs());
    assert_eq!(diagnose(t.last.as_ref().unwrap(), &t.history.points, &config, &dead_layers(&t.network, &grid)), None);
}

#[test]
fn each_exercise_of_the_lessons_can_be_done() {
    use neurona::app::lessons::Lesson;
    use neurona::engine::config::HiddenLayer;
    let met = |t: &Trainer, goal: neurona::app::exercise::Goal| {
        let m = t.last.as_ref().unwrap().test.clone().unwrap();
        let map = neurona::engine::satellite::map_scene(&t.network, &t.config).map(|m| m.accuracy);
        goal.met(m.loss, m.accuracy, map)
    };
    // XOR: one neuron is not enough; three are.
    let exercise = Lesson::ExerciseXor.exercise();
    let mut c = Lesson::ExerciseXor.config();
    let mut one = Trainer::new(c.clone()).unwrap();
    (0..500).for_each(|_| {
        one.step().unwrap();
    });
    assert!(!met(&one, exercise.goal.unwrap()), "one neuron draws one line");
    c.network.hidden = vec![HiddenLayer { neurons: exercise.max_neurons.unwrap(), ..HiddenLayer::default() }];
    let mut three = Trainer::new(c).unwrap();
    let reached = (0..1000).any(|_| {
        three.step().unwrap();
        met(&three, exercise.goal.unwrap())
    });
    assert!(reached, "three neurons reach the goal");
    // AND by hand: weights typed in, no epoch trained.
    let exercise = Lesson::ExerciseAndByHand.exercise();
    assert_eq!(exercise.max_epochs, Some(0));
    let mut and = Trainer::new(Lesson::ExerciseAndByHand.config()).unwrap();
    assert!(and.set_parameters(&[(vec![1.0, 1.0], vec![-3.0])]));
    assert!(met(&and, exercise.goal.unwrap()), "w = (1, 1), b = -3 is AND");
    // The learning rate: 0.001 does not get there in 20 epochs; 0.1 does (more in tests/lessons.rs).
    let exercise = Lesson::ExerciseLearningRate.exercise();
    for (rate, expected) in [(0.001, false), (0.1, true)] {
        let mut c = Lesson::ExerciseLearningRate.config();
        c.training.learning_rate = rate;
        let mut t = Trainer::new(c).unwrap();
        let reached = (0..exercise.max_epochs.unwrap()).any(|_| {
            t.step().unwrap();
            met(&t, exercise.goal.unwrap())
        });
        assert_eq!(reached, expected, "learning rate {rate}");
    }
    // The vegetation map: two hidden neurons on red alone stay below the goal; the invisible
    // band switched on reaches it with the same two (or none).
    let exercise = Lesson::ExerciseVegetationMap.exercise();
    let goal = exercise.goal.unwrap();
    assert!(matches!(goal, neurona::app::exercise::Goal::MapAccuracy(_)));
    for seed in 1..=5 {
        let mut c = Lesson::ExerciseVegetationMap.config();
        c.data.seed = seed;
        assert_eq!(c.network.features, vec![neurona::engine::Feature::X1], "it opens on red alone");
        assert!(c.network.hidden.iter().map(|h| h.neurons).sum::<usize>() <= exercise.max_neurons.unwrap());
        let mut red = Trainer::new(c.clone()).unwrap();
        let red_met = (0..300).any(|_| {
            red.step().unwrap();
            met(&red, goal)
        });
        assert!(!red_met, "seed {seed}: red alone does not map the vegetation");
        c.network.features.push(neurona::engine::Feature::X2);
        for hidden in [c.network.hidden.clone(), vec![]] {
            let mut both =
                Trainer::new(neurona::engine::Config { network: neurona::engine::config::NetworkSetup { hidden, ..c.network.clone() }, ..c.clone() }).unwrap();
            let reached = (0..300).any(|_| {
                both.step().unwrap();
                met(&both, goal)
            });
            assert!(reached, "seed {seed}: with the near-infrared the map is right");
        }
    }
}

#[test]
fn training_hints_follow_the_run() {
    use neurona::app::i18n::Lang;
    use neurona::engine::diagnose::{dead_layers, diagnose, Trouble};
    use neurona::engine::Grid;
    let trouble = |t: &Trainer| {
        let mut grid = Grid::new(40, -6.0, 6.0);
        grid.evaluate(&t.network, t.config.network.inputs());
        diagnose(t.last.as_ref()?, &t.history.points, &t.config, &dead_layers(&t.network, &grid))
    };
    // The tester's saturated starts: large initial weights, and momentum near 1.
    for hash in ["init=normal&initSigma=10", "init=normal&initSigma=10&seed=3", "optimizer=momentum&momentum=0.999&learningRate=0.3"] {
        let (settings, _) = neurona::app::link::parse(hash, Lang::En);
        let mut t = Trainer::new(settings.config.clone()).unwrap();
        let mut named_at = None;
        for e in 0..1500 {
            if t.step().is_err() {
                break;
            }
            if named_at.is_none() && trouble(&t).is_some() {
                named_at = Some(e);
            }
        }
        let loss = t.last.as_ref().unwrap().train.loss;
        assert!(loss > 0.1, "{hash}: the start is saturated (loss {loss:.3})");
        assert!(named_at.is_some(), "{hash}: stuck at loss {loss:.3} with no hint");
    }
    // A flat run with a large rate, then the rate lowered without a reset: still flat, still named.
    let mut c = Config::default();
    c.network.hidden = vec![HiddenLayer { neurons: 4, activation: Activation::Tanh }];
    c.network.init = neurona::engine::Init::Normal;
    c.network.init_sigma = 10.0;
    c.training.learning_rate = 1.0;
    let mut t = Trainer::new(c.clone()).unwrap();
    (0..400).for_each(|_| {
        let _ = t.step();
    });
    assert_eq!(trouble(&t), Some(Trouble::Stalled));
    c.training.learning_rate = 0.001;
    t.update_live(&c);
    (0..50).for_each(|_| {
        let _ = t.step();
    });
    assert_eq!(trouble(&t), Some(Trouble::Stuck), "the loss is as flat as before: the hint stays");
    // A reset run has no hint.
    assert_eq!(trouble(&Trainer::new(c).unwrap()), None);
}
