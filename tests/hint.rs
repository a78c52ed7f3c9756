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
    use neurona::live::hinting::HintAsk;
    use neurona::live::protocol::{FromWorker, ToWorker};
    use neurona::live::service::{Answer, Ask};
    use neurona::live::session::Session;
    let config = Lesson::ExerciseLearningRate.config();
    let ask =
        |id| ToWorker::Ask { id, ask: Ask::Hint(Box::new(HintAsk { config: config.clone(), round: 0, epochs: 20, aim: Aim::TestLoss, max_neurons: None })) };
    // A clock that moves 50 ms each time it is read: every slice is one epoch.
    let clock = std::cell::Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 50.0);
        clock.get()
    };
    let state = |answer| match answer {
        Some(FromWorker::Answer { id: 1, answer: Answer::Hint(s), more }) => (*s, more),
        _ => panic!("a hint's state"),
    };
    let mut session = Session::new();
    let (mut found, mut more) = state(session.answer(ask(1), &now));
    let mut slices = 1;
    while found.found.is_none() {
        assert!(more, "a hint not found yet goes on");
        // Training is answered between slices.
        assert!(matches!(session.answer(ToWorker::Train { epochs: 1, budget_ms: 40.0 }, &now), Some(FromWorker::Snapshot(_))));
        (found, more) = state(session.answer(ToWorker::Step { id: 1, budget_ms: 40.0 }, &now));
        slices += 1;
    }
    assert!(slices > 20 && !more, "{slices} slices");
    assert_eq!(found.found.unwrap().0, hint(&config, 0, 20, Aim::TestLoss, None));
    // Stopped: its next slice is not answered (no job under way works on).
    assert!(matches!(session.answer(ask(2), &now), Some(FromWorker::Answer { id: 2, more: true, .. })));
    assert!(session.answer(ToWorker::Drop(2), &now).is_none());
    assert!(session.answer(ToWorker::Step { id: 2, budget_ms: 40.0 }, &now).is_none());
}
