//! Hints from the student's own setup: tried in short runs, the change that helps the goal
//! most; the two cases the lesson's exercises meet.

use neurona::app::lessons::Lesson;
use neurona::engine::hint::{candidates, hint, Aim, Direction};

#[test]
fn a_learning_rate_too_small_for_and_in_20_epochs_is_told_to_go_up() {
    let config = Lesson::ExerciseLearningRate.config();
    assert_eq!(config.training.learning_rate, 0.001);
    let h = hint(&config, 0, 20, Aim::TestLoss, None).expect("a hint");
    assert_eq!((h.knob.as_str(), h.direction), ("learningRate", Direction::Up), "{h:?}");
    assert!(h.measures.0 < h.measures.1, "the test loss falls with it: {:?}", h.measures);
}

#[test]
fn xor_with_no_hidden_layer_is_told_to_add_neurons_within_the_limit() {
    let mut config = Lesson::ExerciseXor.config();
    config.network.hidden.clear();
    let h = hint(&config, 0, 200, Aim::Accuracy, Some(3)).expect("a hint");
    assert_eq!((h.knob.as_str(), h.direction), ("networkShape", Direction::Add), "{h:?}");
    assert!(h.measures.0 > h.measures.1, "{:?}", h.measures);
    // The changes tried stay within the exercise's limit of neurons.
    let full = {
        let mut c = config.clone();
        c.network.hidden = vec![neurona::engine::config::HiddenLayer { neurons: 3, ..Default::default() }];
        c
    };
    assert!(candidates(&full, Some(3)).iter().all(|(knob, d, _)| !(*knob == "networkShape" && *d == Direction::Add)));
}

#[test]
fn a_hint_trains_capped_runs_whatever_the_exercise_allows() {
    use neurona::engine::hint::hint_epochs;
    use neurona::engine::limits::{HINT_EPOCHS, HINT_WORK};
    // The exercise's own epochs when they are few, the cap when they are many, and shorter
    // runs on larger data.
    assert_eq!(hint_epochs(20, 250), 20);
    assert_eq!(hint_epochs(1_000_000, 250), HINT_EPOCHS);
    assert_eq!(hint_epochs(1_000_000, 9_000), HINT_WORK / 9_000);
    assert_eq!(hint_epochs(1_000_000, usize::MAX), 1);
    // The largest spiral with an epoch limit of a million: the hint answers (its runs capped).
    let mut config = neurona::engine::Config::default();
    config.data.dataset = neurona::engine::Dataset::Spiral;
    config.data.percent_train = 90;
    config.data.noise = 50;
    config.network.features = neurona::engine::Feature::ALL[..7].to_vec();
    config.network.hidden = vec![neurona::engine::config::HiddenLayer { neurons: 8, ..Default::default() }; 6];
    let found = hint(&config, 0, 1_000_000, Aim::Accuracy, None);
    if let Some(h) = found {
        assert!(h.measures.0 > h.measures.1, "a hint improves the measure: {h:?}");
    }
}
