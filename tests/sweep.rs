//! A sweep: its values, and runs that equal ordinary runs of each setup, however sliced.

use neurona::engine::config::HiddenLayer;
use neurona::engine::sweep::{values, Knob, Sweep};
use neurona::engine::{Config, Trainer};

#[test]
fn rates_are_spaced_on_a_log_scale_and_counts_are_whole() {
    assert_eq!(values(Knob::LearningRate, 0.001, 1.0, 4), vec![0.001, 0.01, 0.1, 1.0]);
    assert_eq!(values(Knob::RegularizationRate, 0.001, 0.1, 3), vec![0.001, 0.01, 0.1]);
    assert_eq!(values(Knob::Neurons(0), 1.0, 8.0, 8), (1..=8).map(f64::from).collect::<Vec<_>>());
    assert_eq!(values(Knob::Neurons(0), 1.0, 3.0, 5), vec![1.0, 2.0, 3.0], "no value twice");
    assert_eq!(values(Knob::PercentTrain, 10.0, 90.0, 5), vec![10.0, 30.0, 50.0, 70.0, 90.0]);
    // Within the limits, and 2 to 16 values.
    assert_eq!(values(Knob::Noise, -5.0, 80.0, 2), vec![0.0, 50.0]);
    assert_eq!(values(Knob::BatchSize, 1.0, 30.0, 100).len(), 16);
    assert_eq!(values(Knob::LearningRate, 0.1, 0.1, 1), vec![0.1]);
    assert_eq!(Knob::of_key("networkShape", 1), Some(Knob::Neurons(1)));
    assert_eq!(Knob::of_key("learningRate", 0).map(Knob::key), Some("learningRate"));
    assert_eq!(Knob::of_key("seed", 0), None);
}

/// The final losses of an ordinary run of `config` for `epochs` epochs.
fn ordinary(config: Config, round: u64, epochs: u64) -> (f64, Option<f64>) {
    let mut t = Trainer::new_round(config, round).unwrap();
    let mut last = None;
    for _ in 0..epochs {
        last = Some(t.step().unwrap());
    }
    let r = last.unwrap();
    (r.train.loss, r.test.map(|m| m.loss))
}

#[test]
fn each_value_reports_what_an_ordinary_run_of_that_setup_gives() {
    let mut base = Config::default();
    base.network.hidden = vec![HiddenLayer { neurons: 3, ..HiddenLayer::default() }, HiddenLayer { neurons: 2, ..HiddenLayer::default() }];
    for (knob, from, to) in [(Knob::LearningRate, 0.003, 0.3), (Knob::Neurons(1), 1.0, 4.0), (Knob::Noise, 0.0, 40.0), (Knob::BatchSize, 1.0, 20.0)] {
        let tried = values(knob, from, to, 3);
        let mut sweep = Sweep::new(base.clone(), knob, tried.clone(), 40, 2).unwrap();
        sweep.run(&mut || true);
        assert!(sweep.done());
        assert_eq!(sweep.progress(), (120, 120));
        for (o, v) in sweep.outcomes.iter().zip(&tried) {
            assert_eq!(o.value, *v);
            assert_eq!(o.epochs, 40);
            let (train, test) = ordinary(knob.apply(&base, *v).unwrap(), 2, 40);
            assert_eq!((o.train, o.test), (train, test), "{} = {v}", knob.key());
        }
        // The values change the outcome.
        assert_ne!(sweep.outcomes[0].test, sweep.outcomes[2].test, "{}", knob.key());
    }
}

#[test]
fn a_sweep_run_in_slices_gives_the_same_outcomes() {
    let base = Config::default();
    let tried = values(Knob::LearningRate, 0.01, 1.0, 3);
    let mut whole = Sweep::new(base.clone(), Knob::LearningRate, tried.clone(), 25, 0).unwrap();
    whole.run(&mut || true);
    let mut sliced = Sweep::new(base, Knob::LearningRate, tried, 25, 0).unwrap();
    let mut slices = 0;
    while !sliced.done() {
        let mut left = 7;
        sliced.run(&mut || {
            left -= 1;
            left > 0
        });
        slices += 1;
        let (done, all) = sliced.progress();
        assert!(done <= all && all == 75);
    }
    assert!(slices >= 10, "{slices} slices");
    assert_eq!(sliced.outcomes, whole.outcomes);
}

#[test]
fn what_cannot_be_swept_is_named() {
    let base = Config::default();
    assert!(Sweep::new(base.clone(), Knob::Noise, vec![1.0], 10, 0).err().unwrap().contains("2 to 16"));
    assert!(Sweep::new(base.clone(), Knob::Noise, vec![1.0, 2.0], 0, 0).err().unwrap().contains("epochs"));
    // The default network has two hidden layers: a third cannot be swept.
    assert!(Sweep::new(base, Knob::Neurons(2), vec![1.0, 2.0], 10, 0).err().unwrap().contains("networkShape"));
}

/// Sends a message to the worker's session through its codec (its clock moving 50 ms a read,
/// or frozen): the sweep's state and whether it goes on, if answered.
fn ask(
    session: &mut neurona::live::session::Session,
    message: neurona::live::protocol::ToWorker,
    moving: bool,
) -> Option<(neurona::live::sweeping::SweepState, bool)> {
    use neurona::live::protocol::{FromWorker, ToWorker};
    use neurona::live::service::Answer;
    let clock = std::cell::Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + if moving { 50.0 } else { 0.0 });
        clock.get()
    };
    let message: ToWorker = bincode::deserialize(&bincode::serialize(&message).unwrap()).unwrap();
    let answer = session.answer(message, &now)?;
    match bincode::deserialize(&bincode::serialize(&answer).unwrap()).unwrap() {
        FromWorker::Answer { answer: Answer::Sweep(state), more, .. } => Some((*state, more)),
        _ => panic!("a sweep is answered with its state"),
    }
}

#[test]
fn the_worker_sweeps_the_current_setup_a_slice_at_a_time_and_stops_when_asked() {
    use neurona::live::protocol::ToWorker;
    use neurona::live::service::Ask;
    use neurona::live::session::Session;
    use neurona::live::sweeping::{SweepAsk, SweepRefusal};
    let mut session = Session::new();
    let sweep = |id| ToWorker::Ask { id, ask: Ask::Sweep(Box::new(SweepAsk { knob: Knob::LearningRate, range: (0.01, 1.0, 3), epochs: 30 })) };
    let (refused, more) = ask(&mut session, sweep(1), true).expect("answered");
    assert_eq!((refused.error, more), (Some(SweepRefusal::NoRun), false), "no setup yet");
    let config = Config::default();
    session.answer(ToWorker::Setup { id: 1, config: Box::new(config.clone()), round: 3, network: None }, &|| 0.0);
    // A first slice (the clock moves: a few epochs) and more to come.
    let (started, more) = ask(&mut session, sweep(2), true).expect("answered");
    assert_eq!((started.error, started.progress.1, started.round, more), (None, 90, 3, true));
    assert!(started.progress.0 > 0 && started.progress.0 < 90, "{:?}", started.progress);
    assert_eq!(started.values, vec![0.01, 0.1, 1.0]);
    // A step of an earlier sweep is not answered; a step of this one trains (the clock never
    // moves, so a step trains until the sweep is done).
    assert!(ask(&mut session, ToWorker::Step { id: 1, budget_ms: 10.0 }, false).is_none());
    let (done, more) = ask(&mut session, ToWorker::Step { id: 2, budget_ms: 10.0 }, false).expect("answered");
    assert_eq!((done.progress, more), ((90, 90), false));
    // The same outcomes as a sweep of that setup with the run's draw of weights.
    let mut alone = Sweep::new(config.clone(), Knob::LearningRate, vec![0.01, 0.1, 1.0], 30, 3).unwrap();
    alone.run(&mut || true);
    assert_eq!(done.outcomes, alone.outcomes);
    // The run itself is where it was, and the sweep done is no longer under way.
    assert_eq!(session.trainer().unwrap().epoch, 0);
    assert!(ask(&mut session, ToWorker::Step { id: 2, budget_ms: 10.0 }, false).is_none());
    // A sweep that is stopped trains no more.
    assert!(ask(&mut session, sweep(3), true).expect("answered").1);
    assert!(ask(&mut session, ToWorker::Drop(3), false).is_none());
    assert!(ask(&mut session, ToWorker::Step { id: 3, budget_ms: 10.0 }, false).is_none());
    // A value the setup cannot take is named.
    let wrong = ToWorker::Ask { id: 4, ask: Ask::Sweep(Box::new(SweepAsk { knob: Knob::Neurons(5), range: (1.0, 4.0, 4), epochs: 10 })) };
    let (wrong, more) = ask(&mut session, wrong, true).expect("answered");
    assert!(matches!(wrong.error, Some(SweepRefusal::NotASetup(v)) if v == 1.0) && !more);
}
