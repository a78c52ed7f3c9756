//! No panic is reachable from the teaching panels: random sequences of setup edits and panel
//! actions go through the reducer, and after each the panels read what they show from a
//! live trainer that, as on the page, may still run the setup before the edit.

use neurona::app::backprop_steps::{link_gradients, neuron_badges, stage_body, threshold_weights};
use neurona::app::i18n::Lang;
use neurona::app::lessons::Lesson;
use neurona::app::link;
use neurona::app::state::*;
use neurona::engine::config::Problem;
use neurona::engine::inspect::{layer_product, neuron_math};
use neurona::engine::rng::Rng;
use neurona::engine::{Activation, Dataset, Feature, LayerNo, Point, Trainer};

/// What the page's panels read after an action: each computation a panel makes, with the
/// indices the state holds. Returns whether the backprop panel had a walk to show.
fn read_panels(state: &AppState, live: &Trainer) -> bool {
    let s = &state.settings;
    let config = &s.config;
    if let Some((layer, neuron)) = s.inspect {
        let point = live.split.train.first().map_or((0.0, 0.0), |p| (p.x, p.y));
        let _ = neuron_math(&live.network, live.config.network.inputs(), point, layer.index().expect("the inspected layer is not the inputs"), neuron);
    }
    if let Some(layer) = s.matrix {
        let points: Vec<_> = live.split.train.iter().take(4).map(|p| (p.x, p.y)).collect();
        let _ = layer_product(&live.network, live.config.network.inputs(), &points, layer.index().expect("the shown layer is not the inputs"));
    }
    if let Some(layer) = s.space {
        let index = layer.index().expect("the plane is seen through a layer, not the inputs");
        assert!(index < config.network.hidden.len(), "through a hidden layer: {layer}");
        if !live.config.needs_new_network(config) {
            neurona::engine::space::layer_space(&live.network, live.config.network.inputs(), &live.split.train, index).expect("a hidden layer of this network");
        }
    }
    if let Some(neurona::engine::landscape::Plane::Parameters(a, b)) = s.landscape {
        assert!(a != b && s.has_parameter(a) && s.has_parameter(b), "the landscape's parameters are the network's: {a:?}, {b:?}");
        if !live.config.needs_new_network(config) {
            assert!(a.index(&live.network).is_some() && b.index(&live.network).is_some());
        }
    }
    if config.is_perceptron() {
        let _ = threshold_weights(live, config);
    }
    if let Some(lesson) = state.lesson {
        let _ = (lesson.next(), lesson.exercise(), lesson.config());
    }
    let Some(walk) = live.walkthrough_for(config, state.backprop_point) else { return false };
    let _ = stage_body(&walk, s, state.backprop_stage);
    let _ = neuron_badges(&walk, s, state.backprop_stage);
    let _ = link_gradients(&walk, s, state.backprop_stage);
    true
}

fn random_action(rng: &mut Rng) -> Action {
    let pick = |rng: &mut Rng, n: usize| rng.below(n);
    match pick(rng, 28) {
        0 => Action::Edit(Edit::Dataset(Dataset::CLASSIFICATION[pick(rng, 9)])),
        1 => Action::Edit(Edit::Dataset(Dataset::REGRESSION[pick(rng, 2)])),
        2 => Action::Edit(Edit::Problem(if pick(rng, 2) == 0 { Problem::Regression } else { Problem::Classification })),
        3 => Action::Edit(Edit::Classes(2 + pick(rng, 3))),
        4 => Action::Edit(Edit::Output(Activation::OUTPUT[pick(rng, 5)])),
        5 | 6 => Action::Edit(Edit::AddLayer),
        7 | 8 => Action::Edit(Edit::RemoveLayer),
        9 => Action::Edit(Edit::ChangeNeurons(pick(rng, 7), if pick(rng, 2) == 0 { 1 } else { -1 })),
        10 => Action::Edit(Edit::LayerActivation(pick(rng, 7), Activation::HIDDEN[pick(rng, 10)])),
        11 => Action::Edit(Edit::ToggleFeature(Feature::ALL[pick(rng, 9)])),
        12 => Action::LoadLesson(Lesson::ALL[pick(rng, Lesson::ALL.len())]),
        13 => Action::Points(Points::Add(Point { x: 1.0, y: -1.0, label: [1.0, -1.0][pick(rng, 2)] })),
        14 => Action::Points(Points::Clear),
        15 => Action::Edit(Edit::PercentTrain(10 * (1 + pick(rng, 9) as u32))),
        16 => Action::Panel(Panel::Backprop(pick(rng, 3) != 0)),
        17 | 18 => Action::Panel(Panel::BackpropNext),
        19 => Action::Panel(Panel::BackpropPrev),
        20 => Action::Panel(Panel::BackpropPoint(pick(rng, 600))),
        21 => Action::Panel(Panel::Inspect(Some((LayerNo::new(pick(rng, 8)), pick(rng, 9))))),
        22 => Action::Panel(Panel::Matrix(Some(LayerNo::new(pick(rng, 8))))),
        23 => Action::Panel(Panel::Inspect(None)),
        24 => Action::Run(Run::Reset),
        25 => Action::Panel(Panel::Space(Some(LayerNo::new(pick(rng, 8))))),
        26 => {
            use neurona::engine::landscape::{Parameter, Plane};
            let mut parameter = || Parameter { layer: pick(rng, 8), row: pick(rng, 9), input: [None, Some(pick(rng, 9))][pick(rng, 2)] };
            Action::Panel(Panel::Landscape([None, Some(Plane::Principal), Some(Plane::Parameters(parameter(), parameter()))][pick(rng, 3)]))
        }
        _ => Action::Edit(Edit::Dropout(pick(rng, 7), 0.5)),
    }
}

/// The live trainer for a setup, when the setup can train (an empty set of the user's
/// points cannot).
fn trainer(state: &AppState) -> Option<Trainer> {
    Trainer::new(state.settings.config.clone()).ok()
}

#[test]
fn a_hundred_thousand_random_actions_reach_no_panic_in_the_panels() {
    let mut rng = Rng::new(22);
    let mut state = AppState::new(Settings::new(Lang::Es));
    let mut live = trainer(&state).unwrap();
    let (mut walked, mut stale) = (0, 0);
    for _ in 0..100_000 {
        let action = random_action(&mut rng);
        state = state.apply(action);
        // Read before the live side catches up (the render before the effect), then after.
        walked += read_panels(&state, &live) as usize;
        if live.config.needs_new_network(&state.settings.config) {
            stale += 1;
            if let Some(t) = trainer(&state) {
                live = t;
            }
        }
        walked += read_panels(&state, &live) as usize;
    }
    // The sequence really went through both: walks shown, and setups changed under the panels.
    assert!(walked > 10_000, "backprop was shown {walked} times");
    assert!(stale > 10_000, "the live network lagged behind the setup {stale} times");
}

#[test]
fn toggling_a_feature_of_the_threshold_unit_does_not_panic() {
    // The reproduction: a threshold unit on X₁ alone, then X₂ clicked.
    let (settings, _) = link::parse("dataset=logic-or&networkShape=&x=true&y=false&output=step", Lang::En);
    let state = AppState::new(settings);
    let live = trainer(&state).unwrap();
    assert_eq!(threshold_weights(&live, &state.settings.config), None, "one input: no w₂ to show");
    let state = state.apply(Action::Edit(Edit::ToggleFeature(Feature::X2)));
    assert_eq!(threshold_weights(&live, &state.settings.config), None, "the old network is not read");
    let live = trainer(&state).unwrap();
    let (w1, w2, _) = threshold_weights(&live, &state.settings.config).expect("two inputs now");
    assert_eq!((w1, w2), (live.network.layers[0].weights[0], live.network.layers[0].weights[1]));
}

#[test]
fn removing_a_layer_during_backprop_step_by_step_does_not_panic() {
    // The reproduction: backprop on a 4,2 network, two stages on, then a layer removed.
    let (settings, _) = link::parse("networkShape=4,2&backprop=true", Lang::En);
    let mut state = AppState::new(settings);
    let old = trainer(&state).unwrap();
    state = state.apply(Action::Panel(Panel::BackpropNext)).apply(Action::Panel(Panel::BackpropNext));
    assert!(old.walkthrough_for(&state.settings.config, state.backprop_point).is_some());
    let walk_before = old.walkthrough_for(&state.settings.config, state.backprop_point).unwrap();
    state = state.apply(Action::Edit(Edit::RemoveLayer));
    assert_eq!(old.walkthrough_for(&state.settings.config, state.backprop_point), None, "the old network is not walked");
    // Even a walk of the old network read with the new stage numbering lists what exists.
    for i in 0..12 {
        let _ = stage_body(&walk_before, &state.settings, i);
        let _ = neuron_badges(&walk_before, &state.settings, i);
        let _ = link_gradients(&walk_before, &state.settings, i);
    }
    let new = trainer(&state).unwrap();
    let walk = new.walkthrough_for(&state.settings.config, state.backprop_point).expect("the new network is walked");
    assert_eq!(walk.a.len(), 2, "one hidden layer and the output");
}

#[test]
fn backprop_can_start_on_the_point_the_network_gets_most_wrong() {
    let state = AppState::new(Settings::new(Lang::En));
    let live = trainer(&state).unwrap();
    let losses = live.example_losses(&live.network);
    let hardest = neurona::engine::backprop::hardest_points(&losses, 3);
    assert_eq!(hardest.len(), 3);
    assert!(losses[hardest[0]] >= losses[hardest[1]] && losses[hardest[1]] >= losses[hardest[2]]);
    assert!(losses.iter().all(|&l| l <= losses[hardest[0]]));
    // Its walk-through has the same loss, and much more to show than an average point.
    let state = state.apply(Action::Panel(Panel::Backprop(true))).apply(Action::Panel(Panel::BackpropPoint(hardest[0])));
    let walk = live.walkthrough_for(&state.settings.config, state.backprop_point).unwrap();
    assert!((walk.loss - losses[hardest[0]]).abs() < 1e-6);
    let mean = losses.iter().sum::<f64>() / losses.len() as f64;
    assert!(walk.loss > mean, "{} against a mean of {mean}", walk.loss);
    assert_eq!(state.backprop_stage, 0, "a chosen point starts from the first stage");
}

#[test]
fn the_hardest_points_are_the_largest_losses_in_order_the_first_of_equal_ones_first() {
    let mut rng = Rng::new(11);
    for case in 0..300 {
        let n = rng.below(40);
        // Few distinct values, so that ties are common.
        let losses: Vec<f64> = (0..n).map(|_| rng.below(6) as f64 * 0.5).collect();
        let k = rng.below(12);
        let mut reference: Vec<usize> = (0..n).collect();
        reference.sort_by(|&a, &b| losses[b].total_cmp(&losses[a]).then(a.cmp(&b)));
        reference.truncate(k);
        assert_eq!(neurona::engine::backprop::hardest_points(&losses, k), reference, "case {case}: {losses:?}, k = {k}");
    }
}
