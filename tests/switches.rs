//! A hidden neuron switched off (its output held at 0) or frozen (its weights kept): the
//! network's output changes at once, training goes on around it, and it comes back.

use neurona::engine::config::HiddenLayer;
use neurona::engine::edit::Edit;
use neurona::engine::network::Workspace;
use neurona::engine::{Activation, Config, Dataset, Optimizer, Real, Trainer};

fn setup() -> Config {
    let mut c = Config::default();
    c.data.dataset = Dataset::Xor;
    c.network.hidden = vec![HiddenLayer { neurons: 4, activation: Activation::Tanh }, HiddenLayer { neurons: 2, activation: Activation::Tanh }];
    c
}

/// Every layer's outputs at a few points.
fn outputs(t: &Trainer) -> Workspace {
    let input: Vec<Real> = vec![1.0, -2.0, 3.5, 0.5, -1.0, 2.0];
    let mut ws = Workspace::default();
    t.network.forward(&input, 3, &mut ws, None);
    ws
}

#[test]
fn a_neuron_switched_off_gives_zero_changes_the_output_at_once_and_learns_nothing_until_on_again() {
    let mut t = Trainer::new(setup()).unwrap();
    for _ in 0..5 {
        t.step().unwrap();
    }
    let before = outputs(&t).a[2].clone();
    let mut config = t.config.clone();
    config.apply(Edit::SwitchOff(0, 1));
    t.update_live(&config);
    let ws = outputs(&t);
    assert!(ws.a[0][3..6].iter().all(|&a| a == 0.0), "layer 1, neuron 1 gives 0: {:?}", &ws.a[0][3..6]);
    assert_ne!(ws.a[2], before, "the output changes without a step");
    // Its incoming weights and bias get no gradient: plain SGD leaves them as they are.
    let row = t.network.layers[0].row(1).to_vec();
    let bias = t.network.layers[0].biases[1];
    let others = t.network.layers[0].row(0).to_vec();
    for _ in 0..5 {
        t.step().unwrap();
    }
    assert_eq!((t.network.layers[0].row(1).to_vec(), t.network.layers[0].biases[1]), (row, bias));
    assert_ne!(t.network.layers[0].row(0).to_vec(), others, "the others learn on");
    config.apply(Edit::SwitchOff(0, 1));
    assert!(config.training.off.is_empty(), "a second press switches it on");
    t.update_live(&config);
    assert!(outputs(&t).a[0][3..6].iter().all(|&a| a != 0.0), "on again");
}

#[test]
fn a_frozen_neuron_keeps_its_weights_even_with_momentum_while_the_rest_learn() {
    let mut config = setup();
    config.training.optimizer = Optimizer::Adam;
    config.apply(Edit::Freeze(1, 0));
    let mut t = Trainer::new(config.clone()).unwrap();
    let kept = (t.network.layers[1].row(0).to_vec(), t.network.layers[1].biases[0]);
    let other = t.network.layers[1].row(1).to_vec();
    for _ in 0..10 {
        t.step().unwrap();
    }
    assert_eq!((t.network.layers[1].row(0).to_vec(), t.network.layers[1].biases[0]), kept);
    assert_ne!(t.network.layers[1].row(1).to_vec(), other);
    config.apply(Edit::Freeze(1, 0));
    t.update_live(&config);
    t.step().unwrap();
    assert_ne!(t.network.layers[1].row(0).to_vec(), kept.0, "it learns again once thawed");
}

#[test]
fn switches_of_neurons_the_network_lacks_are_mended_away() {
    let mut c = setup();
    c.training.off = vec![(0, 9), (1, 1), (1, 1), (5, 0)];
    c.training.frozen = vec![(0, 3)];
    let repairs = c.normalize();
    assert_eq!((c.training.off.clone(), c.training.frozen.clone()), (vec![(1, 1)], vec![(0, 3)]));
    assert!(repairs.iter().any(|r| r.key == "off" && r.used.as_deref() == Some("2,1")), "{repairs:?}");
}
