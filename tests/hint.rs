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

#[test]
fn a_hint_worked_out_a_slice_at_a_time_finds_what_the_whole_search_finds() {
    use neurona::engine::hint::HintSearch;
    for (config, epochs, aim, max) in
        [(Lesson::ExerciseLearningRate.config(), 20, Aim::TestLoss, None), (Lesson::ExerciseXor.config(), 200, Aim::Accuracy, Some(3))]
    {
        let whole = hint(&config, 0, epochs, aim, max);
        let mut search = HintSearch::new(&config, 0, epochs, aim, max).expect("a search");
        let mut slices = 0;
        // One epoch a slice: the worker answers training, a step and a cancel between them.
        while !search.done() {
            search.run(&mut || false);
            slices += 1;
            let (done, all) = search.progress();
            assert!(done <= all);
        }
        assert_eq!(search.progress().0, search.progress().1);
        assert!(slices as u64 >= search.epochs(), "{slices} slices");
        assert_eq!(search.result(), whole);
    }
}

#[test]
fn the_worker_answers_a_hint_in_slices_and_drops_it_when_stopped() {
    use neurona::live::protocol::{FromWorker, HintAsk, ToWorker};
    use neurona::live::session::Session;
    let config = Lesson::ExerciseLearningRate.config();
    let ask = || Some(Box::new(HintAsk { config: config.clone(), round: 0, epochs: 20, aim: Aim::TestLoss, max_neurons: None }));
    // A clock that moves 50 ms each time it is read: every slice is one epoch.
    let clock = std::cell::Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 50.0);
        clock.get()
    };
    let mut session = Session::new();
    let mut state = match session.answer(ToWorker::Hint { id: 1, ask: ask() }, &now) {
        FromWorker::Hint(1, s) => *s,
        _ => panic!("a hint's state"),
    };
    let mut slices = 1;
    while state.found.is_none() {
        // Training is answered between slices.
        assert!(matches!(session.answer(ToWorker::Train { epochs: 1, budget_ms: 40.0 }, &now), FromWorker::Snapshot(_)));
        state = match session.answer(ToWorker::HintStep { id: 1, budget_ms: 40.0 }, &now) {
            FromWorker::Hint(1, s) => *s,
            _ => panic!("a hint's state"),
        };
        slices += 1;
    }
    assert!(slices > 20, "{slices} slices");
    assert_eq!(state.found.unwrap().0, hint(&config, 0, 20, Aim::TestLoss, None));
    // Stopped: the next slice says it is done with nothing.
    session.answer(ToWorker::Hint { id: 2, ask: ask() }, &now);
    session.answer(ToWorker::Hint { id: 0, ask: None }, &now);
    let FromWorker::Hint(2, stopped) = session.answer(ToWorker::HintStep { id: 2, budget_ms: 40.0 }, &now) else { panic!("a hint's state") };
    assert_eq!(stopped.found, Some((None, 0.0)));
}
