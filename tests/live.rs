//! The worker's protocol, its session and the run as the page shows it: training through
//! messages gives the same weights as training directly, the page's copy follows the worker
//! exactly, and answers about an older setup are ignored.

mod common;

use neurona::engine::config::{EarlyStopping, HiddenLayer};
use neurona::engine::fingerprint::fingerprint;
use neurona::engine::{Activation, Config, Dataset, Trainer};
use neurona::live::protocol::{Event, FromWorker, Snapshot, ToWorker};
use neurona::live::run_view::RunView;
use neurona::live::service::{Answer, Ask};
use neurona::live::session::{start, Session};

/// A clock that never moves: budgets never run out, so epoch counts are exact.
fn frozen() -> f64 {
    0.0
}

fn setup(id: u64, config: &Config, round: u64) -> ToWorker {
    ToWorker::Setup { id, config: Box::new(config.clone()), round, network: None }
}

/// Asks the worker's session for a service through its codec, both ways: its answer, which
/// names the ask and is whole (no job goes on).
fn serve(session: &mut Session, id: u64, ask: neurona::live::service::Ask, now: &dyn Fn() -> f64) -> neurona::live::service::Answer {
    let message: ToWorker = bincode::deserialize(&bincode::serialize(&ToWorker::Ask { id, ask }).unwrap()).unwrap();
    let answer = session.answer(message, now).expect("an ask is answered");
    let FromWorker::Answer { id: named, answer, more } = bincode::deserialize(&bincode::serialize(&answer).unwrap()).unwrap() else {
        panic!("an ask is answered with its answer")
    };
    assert_eq!((named, more), (id, false), "the answer names its ask and is whole");
    answer
}

/// Sends a message through the codec the worker uses, both ways, as the browser would.
fn through_codec(session: &mut Session, message: ToWorker) -> Snapshot {
    let message: ToWorker = bincode::deserialize(&bincode::serialize(&message).unwrap()).unwrap();
    let answer = session.answer(message, &frozen).expect("a request of the run is answered");
    let FromWorker::Snapshot(s) = bincode::deserialize(&bincode::serialize(&answer).unwrap()).unwrap() else {
        panic!("a request of the run is answered with a snapshot")
    };
    *s
}

#[test]
fn training_through_messages_gives_the_recorded_weights() {
    let config = common::determinism_config();
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &config, 0));
    // 100 epochs asked for in uneven requests, as play, step and speed changes would.
    let mut done = 0;
    for n in [1, 7, 30, 2, 60] {
        let s = through_codec(&mut session, ToWorker::Train { epochs: n, budget_ms: f64::INFINITY });
        assert_eq!(s.trained, n);
        done += n;
        assert_eq!(s.epoch, done);
    }
    assert_eq!(fingerprint(&session.trainer().unwrap().network), common::recorded_fingerprint());
}

#[test]
fn the_pages_copy_follows_the_worker_exactly() {
    let config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::Spiral;
        c.data.percent_val = 20;
        c
    };
    let mut session = Session::new();
    let mut view: RunView = RunView::default();
    view.reset(1, config.clone());
    assert!(view.trainer().is_none(), "no copy of the run before the worker answers");
    assert!(view.apply(&mut through_codec(&mut session, setup(1, &config, 0)), &config, None));
    // The page's copy, built from the worker's answer, has the worker's data and weights.
    let (m, w) = (view.trainer().unwrap(), session.trainer().unwrap());
    assert_eq!(m.network, w.network);
    assert_eq!(m.split, w.split);
    assert_eq!(m.split, start(config.clone(), 0, None).unwrap().split, "the setup's own data");
    // Past the history's capacity, so that it thins: the view must thin it the same way.
    for _ in 0..30 {
        let mut s = through_codec(&mut session, ToWorker::Train { epochs: 50, budget_ms: f64::INFINITY });
        assert!(s.split.is_none(), "the data travels once");
        assert!(view.apply(&mut s, &config, None));
    }
    let (m, w) = (view.trainer().unwrap(), session.trainer().unwrap());
    assert_eq!(m.epoch, 1500);
    assert_eq!(m.network, w.network);
    assert_eq!(m.history.points, w.history.points);
    assert!(m.history.points.len() <= 1000);
    assert_eq!(m.last, w.last);
    assert!(m.last.as_ref().unwrap().validation.is_some(), "the validation figures travel too");
}

#[test]
fn answers_about_an_older_setup_are_ignored() {
    let config = Config::default();
    let mut session = Session::new();
    let mut view: RunView = RunView::default();
    through_codec(&mut session, setup(1, &config, 0));
    let mut old = through_codec(&mut session, ToWorker::Train { epochs: 5, budget_ms: f64::INFINITY });
    // The page reset (a new round) before that answer arrived.
    view.reset(2, config.clone());
    assert!(!view.apply(&mut old, &config, None));
    assert!(view.trainer().is_none());
    // An answer to the setup with weights of another shape builds nothing.
    let s = through_codec(&mut session, setup(2, &config, 1));
    let mut other = s.clone();
    other.parameters.pop();
    assert!(!view.apply(&mut other, &config, None));
    assert!(view.trainer().is_none());
    view.reset(2, config.clone());
    assert!(view.apply(&mut s.clone(), &config, None));
    let fresh = start(config.clone(), 1, None).unwrap().network;
    assert_eq!(view.trainer().unwrap().network, fresh, "round 1's weights");
    assert_eq!(view.trainer().unwrap().epoch, 0);
    // A later snapshot of another shape is refused as well.
    let mut later = through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
    later.parameters.pop();
    assert!(!view.apply(&mut later, &config, None));
    assert_eq!(view.trainer().unwrap().network, fresh);
}

#[test]
fn live_settings_and_edits_reach_the_worker() {
    let config = Config::default();
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &config, 0));
    let faster = {
        let mut c: Config = config.clone();
        c.training.learning_rate = 0.3;
        c
    };
    through_codec(&mut session, ToWorker::Live(Box::new(faster)));
    assert_eq!(session.trainer().unwrap().config.training.learning_rate, 0.3);
    let s = through_codec(&mut session, ToWorker::SetParameter { layer: 0, neuron: 1, input: Some(0), value: 2.5 });
    assert_eq!(s.parameters[0].0[config.network.features.len()], 2.5, "row 1, input 0");
    let s = through_codec(&mut session, ToWorker::SetParameter { layer: 2, neuron: 0, input: None, value: -1.25 });
    assert_eq!(s.parameters[2].1[0], -1.25);
    // An edit for a neuron the network no longer has changes nothing.
    let before = s.parameters.clone();
    let s = through_codec(&mut session, ToWorker::SetParameter { layer: 0, neuron: 9, input: Some(0), value: 1.0 });
    assert_eq!(s.parameters, before);
    // The reported figures are those of the edited network.
    let mut direct = Trainer::new(config).unwrap();
    direct.set_parameter(0, 1, Some(0), 2.5);
    direct.set_parameter(2, 0, None, -1.25);
    assert_eq!(s.report.unwrap().train.loss, direct.last.unwrap().train.loss);
}

#[test]
fn early_stopping_and_divergence_are_events_and_end_the_run() {
    let overfit = common::overfitting_config(Dataset::Moons, 40);
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &overfit, 0));
    let s = through_codec(&mut session, ToWorker::Train { epochs: 100_000, budget_ms: f64::INFINITY });
    let Some(Event::EarlyStopped { at, best }) = s.event else { panic!("no early stop: {:?}", s.event) };
    assert!(best < at);
    assert_eq!(s.epoch, best, "the run went back to the best epoch");
    assert_eq!(s.report.as_ref().unwrap().epoch, best, "its figures are the best epoch's");
    assert!(s.history.last().is_some_and(|p| p.epoch > best && p.epoch <= at), "the chart keeps the epochs after the best one");
    assert!(!s.trainable);
    let again = through_codec(&mut session, ToWorker::Train { epochs: 10, budget_ms: f64::INFINITY });
    assert_eq!((again.trained, again.epoch), (0, best), "a stopped run trains no further");

    let wild = common::diverging_config();
    through_codec(&mut session, setup(2, &wild, 0));
    let s = through_codec(&mut session, ToWorker::Train { epochs: 50, budget_ms: f64::INFINITY });
    assert!(matches!(s.event, Some(Event::Diverged(_))), "{:?}", s.event);
    assert!(s.parameters.iter().all(|(w, b)| w.iter().chain(b).all(|v| v.is_finite())), "the weights from before stay");
}

#[test]
fn a_request_stops_when_its_time_is_up() {
    let mut session = Session::new();
    session.handle(setup(1, &Config::default(), 0), &frozen);
    let clock = std::cell::Cell::new(0.0);
    let ticking = || {
        clock.set(clock.get() + 1.0);
        clock.get()
    };
    let s = session.handle(ToWorker::Train { epochs: u64::MAX, budget_ms: 10.0 }, &ticking);
    assert!(s.trained >= 1 && s.trained <= 11, "{} epochs in a 10 ms budget at 1 ms each", s.trained);
}

#[test]
fn a_change_of_data_or_network_resets_and_a_change_of_training_is_taken_whole() {
    use neurona::engine::{Init, Loss, Optimizer, Regularization};
    let mut base = Config::default();
    base.network.hidden = vec![HiddenLayer::default(); 2];
    let training_changes: [fn(&mut Config); 7] = [
        |c| (c.training.learning_rate, c.training.regularization_rate) = (0.3, 0.01),
        |c| (c.training.optimizer, c.training.beta1, c.training.beta2, c.training.momentum, c.training.rho) = (Optimizer::Adam, 0.8, 0.99, 0.5, 0.5),
        |c| (c.training.shuffle, c.training.leaky_slope, c.training.loss) = (true, 0.3, Loss::Mse),
        |c| c.training.dropout = vec![0.5; 2],
        |c| c.training.early_stopping = EarlyStopping { enabled: true, patience: 9, ..EarlyStopping::default() },
        |c| c.training.batch_size = 30,
        |c| c.training.regularization = Regularization::L1,
    ];
    for change in training_changes {
        let mut new = base.clone();
        change(&mut new);
        assert!(!base.needs_new_network(&new), "{new:?}");
        let mut t = Trainer::new(base.clone()).unwrap();
        t.update_live(&new);
        assert_eq!(t.config, new, "the trainer takes every training setting");
    }
    let other_changes: [fn(&mut Config); 4] =
        [|c| c.data.noise = 10, |c| c.data.seed = 2, |c| c.network.output = Activation::Sigmoid, |c| c.network.init = Init::He];
    for change in other_changes {
        let mut new = base.clone();
        change(&mut new);
        assert!(base.needs_new_network(&new), "{new:?}");
    }
}

#[test]
fn lean_steps_train_and_record_exactly_as_full_steps() {
    let config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::Xor;
        c.data.percent_val = 10;
        c
    };
    let mut full = Trainer::new(config.clone()).unwrap();
    let mut lean = Trainer::new(config).unwrap();
    for _ in 0..2500 {
        full.step().unwrap();
        lean.step_lean().unwrap();
    }
    lean.measure_last();
    assert_eq!(lean.network, full.network);
    assert_eq!(lean.history.points, full.history.points, "the kept points are the same (the history thinned to stride 4)");
    assert_eq!(lean.last, full.last, "after measuring, the newest figures are the same");
}

#[test]
fn the_timeline_keeps_a_long_run_within_its_budget_evenly() {
    use neurona::live::timeline::{Timeline, BUDGET_BYTES, MAX_SNAPSHOTS};
    // The largest setup: six hidden layers of eight and every input feature.
    let mut config = Config::default();
    config.network.hidden = vec![HiddenLayer { neurons: 8, ..HiddenLayer::default() }; 6];
    config.network.features = neurona::engine::Feature::ALL.to_vec();
    let t = Trainer::new(config).unwrap();
    let parameters = t.network.parameters();
    let mut timeline = Timeline::default();
    timeline.clear();
    let mut most = 0;
    for epoch in 0..=100_000u64 {
        timeline.record(epoch, &parameters);
        most = most.max(timeline.len());
    }
    assert!(most <= MAX_SNAPSHOTS + 1 && timeline.bytes() <= BUDGET_BYTES, "{} snapshots, {} bytes", timeline.len(), timeline.bytes());
    let epochs: Vec<u64> = timeline.epochs().collect();
    assert_eq!(epochs[0], 0, "the start is always kept");
    assert!(*epochs.last().unwrap() > 99_000, "the end is near the newest epoch: {:?}", epochs.last());
    let gaps: Vec<u64> = epochs.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|&g| g == gaps[0]), "evenly spread");
    println!("100,000 epochs: {} snapshots every {} epochs, {} KiB", epochs.len(), gaps[0], timeline.bytes() / 1024);
    // The snapshot shown for an epoch is the latest at or before it.
    assert_eq!(timeline.at(gaps[0] * 3 + 1).unwrap().0, gaps[0] * 3);
}

#[test]
fn going_back_to_an_earlier_epoch_continues_from_there_in_the_worker_and_the_page() {
    let config = Config::default();
    let mut session = Session::new();
    let now = || 0.0;
    let mut first = session.handle(ToWorker::Setup { id: 1, config: Box::new(config.clone()), round: 0, network: None }, &now);
    let mut view: RunView = RunView::default();
    view.reset(1, config.clone());
    assert!(view.apply(&mut first, &config, None));
    let mut at_20 = None;
    for _ in 0..60 {
        let mut s = session.handle(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY }, &now);
        assert!(view.apply(&mut s, &config, None));
        if s.epoch == 20 {
            at_20 = Some(s.parameters.clone());
        }
    }
    let parameters = at_20.unwrap();
    let mut s = session.handle(ToWorker::Rewind { epoch: 20, parameters: parameters.clone() }, &now);
    assert_eq!(s.rewound, Some(20), "the answer says the run went back");
    assert!(view.apply(&mut s, &config, None));
    let page = view.trainer().unwrap();
    assert_eq!((s.epoch, page.epoch), (20, 20));
    assert_eq!(s.parameters, parameters, "the weights of epoch 20");
    assert!(page.history.points.iter().all(|p| p.epoch <= 20), "the history goes back too");
    // Training goes on from there, the page following the worker.
    for _ in 0..10 {
        let mut s = session.handle(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY }, &now);
        assert!(view.apply(&mut s, &config, None));
    }
    let page = view.trainer().unwrap();
    assert_eq!(page.epoch, 30);
    assert_eq!(page.network.parameters(), session.trainer().unwrap().network.parameters());
    assert_eq!(page.history.points.last().unwrap().epoch, 30);
    assert_eq!(view.timeline().snapshots().last().map(|(e, _)| *e), Some(30), "the timeline goes on from epoch 20");
    // A later epoch cannot be "gone back" to: the run stays as it is.
    let mut s = session.handle(ToWorker::Rewind { epoch: 31, parameters: parameters.clone() }, &now);
    assert_eq!((s.rewound, s.epoch), (None, 30));
    assert!(view.apply(&mut s, &config, None));
    assert_eq!(view.trainer().unwrap().epoch, 30);
}

#[test]
fn the_same_round_gives_the_same_curve() {
    let curve = |round| {
        let mut t = Trainer::new_round(Config::default(), round).unwrap();
        (0..40).map(|_| t.step().unwrap().train.loss).collect::<Vec<f64>>()
    };
    assert_eq!(curve(2), curve(2), "restarting with the same weights repeats the run");
    assert_ne!(curve(2), curve(3), "a plain reset draws new weights");
}

#[test]
fn a_worker_started_anew_goes_on_from_the_pages_weights_and_epoch() {
    let config = Config::default();
    let mut first = Session::new();
    through_codec(&mut first, setup(3, &config, 0));
    let before = through_codec(&mut first, ToWorker::Train { epochs: 40, budget_ms: f64::INFINITY });
    // The first worker stops answering; the page starts another from what it holds.
    let network = first.trainer().unwrap().network.clone();
    let mut second = Session::new();
    let resumed = through_codec(
        &mut second,
        ToWorker::Resume { id: 3, config: Box::new(config.clone()), round: 0, network: Box::new(network.clone()), epoch: before.epoch },
    );
    assert_eq!((resumed.setup, resumed.epoch), (3, 40));
    assert_eq!(resumed.parameters, before.parameters, "the same weights");
    let on = through_codec(&mut second, ToWorker::Train { epochs: 5, budget_ms: f64::INFINITY });
    assert_eq!(on.epoch, 45, "the epochs count on");
    assert_ne!(on.parameters, before.parameters, "and it trains");
}

#[test]
fn the_compared_setup_trains_in_the_worker_epoch_for_epoch_with_the_first() {
    let first = Config::default();
    let mut second = Config::default();
    second.training.learning_rate = 0.3;
    second.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }];
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &first, 2));
    let started = through_codec(&mut session, ToWorker::Compare(Some(Box::new(second.clone())))).compare.unwrap();
    assert!(started.restarted);
    // The page's copy is built from the worker's answer: its data and first weights.
    let mut mirror = Trainer::with_parts(second.clone(), started.split.expect("its data comes with it"), &started.parameters).unwrap();
    let own = start(second.clone(), 2, None).unwrap();
    assert_eq!((&mirror.split, &mirror.network), (&own.split, &own.network), "the second setup's data, with the first's draw");
    for epochs in [7, 30, 13] {
        let s = through_codec(&mut session, ToWorker::Train { epochs, budget_ms: f64::INFINITY });
        let run = s.compare.expect("the compared run is in the snapshot");
        assert_eq!(run.epoch, s.epoch, "epoch for epoch");
        assert!(run.split.is_none(), "its data travels once");
        for p in &run.history {
            mirror.history.push(*p);
        }
    }
    // The same run as the second setup trained on its own, from the same draw of weights.
    let mut alone = start(second.clone(), 2, None).unwrap();
    (0..50).for_each(|_| {
        alone.step().unwrap();
    });
    let run = session.compare().unwrap();
    assert_eq!(run.network, alone.network);
    assert_eq!(mirror.history.points, alone.history.points, "the page's copy of its history, point for point");
    // A live change keeps it; a new network starts it afresh, to catch up with the first.
    through_codec(
        &mut session,
        ToWorker::Compare(Some(Box::new(Config {
            training: neurona::engine::config::TrainingSetup { learning_rate: 0.1, ..second.training.clone() },
            ..second.clone()
        }))),
    );
    assert_eq!(session.compare().unwrap().epoch, 50);
    let mut wider = second.clone();
    wider.network.hidden[0].neurons = 5;
    let run = through_codec(&mut session, ToWorker::Compare(Some(Box::new(wider)))).compare.unwrap();
    assert!(run.restarted, "the page hears that its copy starts afresh");
    assert!(run.split.is_some(), "with its data");
    let s = through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
    let run = s.compare.unwrap();
    assert!(!run.restarted);
    assert_eq!(run.epoch, 51, "caught up");
    // Stopping the comparison, or a new setup, ends it.
    through_codec(&mut session, ToWorker::Compare(None));
    assert!(through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY }).compare.is_none());
}

#[test]
fn the_worker_paints_the_pictures_the_page_asks_for_only_when_they_change() {
    use neurona::live::pictures::{Painter, Request, PICTURE_BYTES, THUMB_BYTES};
    let mut config = Config::default();
    config.network.hidden = vec![HiddenLayer { neurons: 4, activation: Activation::Tanh }, HiddenLayer { neurons: 2, activation: Activation::Tanh }];
    let mut session = Session::new();
    let s = through_codec(&mut session, setup(1, &config, 0));
    assert!(s.pictures.is_none(), "no pictures before the page asks");
    let s = through_codec(&mut session, ToWorker::Pictures(Request::default()));
    let first = s.pictures.expect("pictures once asked");
    assert_eq!((first.heatmap.len(), first.thumbnails.len(), first.epoch), (PICTURE_BYTES, 6 * THUMB_BYTES, 0));
    // The same state is not painted twice; an epoch later it is, and it is the page's own
    // picture of the mirrored weights.
    assert!(through_codec(&mut session, ToWorker::Live(Box::new(config.clone()))).pictures.is_none());
    let s = through_codec(&mut session, ToWorker::Train { epochs: 3, budget_ms: f64::INFINITY });
    let pictures = s.pictures.expect("the weights moved");
    assert_eq!(pictures.epoch, 3);
    let mut mirror = start(config.clone(), 0, None).unwrap();
    assert!(mirror.set_parameters(&s.parameters));
    mirror.epoch = s.epoch;
    assert_eq!(*pictures, Painter::default().paint(&mirror, Request::default(), true), "the page would draw the same bytes");
    assert_ne!(pictures.heatmap, first.heatmap);
    // A weight typed by hand, or another picture asked for, paints anew at the same epoch.
    let s = through_codec(&mut session, ToWorker::SetParameter { layer: 2, neuron: 0, input: None, value: 3.0 });
    assert!(s.pictures.is_some_and(|p| p.epoch == 3 && p.heatmap != pictures.heatmap));
    let neuron = Request { neuron: Some((0, 1)), ..Request::default() };
    let s = through_codec(&mut session, ToWorker::Pictures(neuron));
    assert_eq!(s.pictures.map(|p| p.request), Some(neuron));
    // The compared run's picture comes with it, and again only when it changed.
    let mut second = config.clone();
    second.network.hidden.pop();
    let s = through_codec(&mut session, ToWorker::Compare(Some(Box::new(second))));
    let picture = s.compare.and_then(|r| r.picture).expect("the compared run's picture");
    assert_eq!(picture.len(), PICTURE_BYTES);
    let s = through_codec(&mut session, ToWorker::Live(Box::new(config.clone())));
    assert!(s.compare.is_some_and(|r| r.picture.is_none()), "unchanged, not sent again");
}

#[test]
fn the_worker_paints_a_state_the_page_shows_and_the_run_stays_where_it_is() {
    use neurona::live::pictures::{Painter, Request};
    let mut config = Config::default();
    config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Tanh }];
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &config, 0));
    through_codec(&mut session, ToWorker::Pictures(Request::default()));
    let early = through_codec(&mut session, ToWorker::Train { epochs: 2, budget_ms: f64::INFINITY });
    let late = through_codec(&mut session, ToWorker::Train { epochs: 20, budget_ms: f64::INFINITY });
    // The page shows epoch 2 (from its timeline) and one of its hidden neurons.
    use neurona::live::derived::{Asked, Derive};
    let neuron = Request { neuron: Some((0, 2)), derive: Asked::new([Derive::Space(0)]), ..Request::default() };
    let s = through_codec(&mut session, ToWorker::Paint { request: neuron, epoch: 2, parameters: early.parameters.clone() });
    let pictures = s.pictures.expect("the state asked for is painted");
    let mut shown = start(config.clone(), 0, None).unwrap();
    assert!(shown.set_parameters(&early.parameters));
    shown.epoch = 2;
    // With them, the layer's space the page asked for, of those weights too.
    let mut painted = Painter::default().paint(&shown, neuron, true);
    painted.derived = vec![(Derive::Space(0), Derive::Space(0).compute(&mut shown, None, Vec::new).expect("a hidden layer's space"))];
    assert_eq!(*pictures, painted, "the pictures of those weights, as the page would paint them");
    assert_eq!((pictures.epoch, pictures.weights), (2, fingerprint(&shown.network)));
    // The run is where it was; its own state is painted again when asked.
    assert_eq!((s.epoch, &s.parameters), (22, &late.parameters));
    let own = fingerprint(&session.trainer().unwrap().network);
    assert_ne!(own, pictures.weights);
    let s = through_codec(&mut session, ToWorker::Paint { request: neuron, epoch: 22, parameters: late.parameters.clone() });
    assert_eq!(s.pictures.map(|p| (p.epoch, p.weights)), Some((22, own)));
    // Weights of another shape are not painted (pictures, if any, are the run's) and change nothing.
    let s = through_codec(&mut session, ToWorker::Paint { request: neuron, epoch: 1, parameters: vec![(vec![0.5; 3], vec![0.0])] });
    assert!(s.pictures.is_none_or(|p| p.weights == own));
    assert_eq!((s.epoch, &s.parameters), (22, &late.parameters));
}

#[test]
fn training_as_fast_as_it_can_paints_at_the_pages_pace_and_a_request_paints_the_last_state() {
    use neurona::live::pictures::Request;
    use neurona::live::session::PAINT_EVERY_MS;
    use std::cell::Cell;
    let clock = Cell::new(0.0);
    let now = || clock.get();
    let mut session = Session::new();
    session.handle(setup(1, &Config::default(), 0), &now);
    assert!(session.handle(ToWorker::Pictures(Request::default()), &now).pictures.is_some());
    // Requests of a stream (many epochs, a budget) a few milliseconds apart: painted at most
    // once per PAINT_EVERY_MS.
    let mut painted = 0;
    for _ in 0..30 {
        clock.set(clock.get() + 5.0);
        let s = session.handle(ToWorker::Train { epochs: 3, budget_ms: 1e9 }, &now);
        painted += s.pictures.is_some() as usize;
    }
    let expected = (150.0 / PAINT_EVERY_MS) as usize;
    assert!((expected - 1..=expected + 1).contains(&painted), "{painted} paints in 150 ms");
    // The state the stream ended in may not be painted; asking again paints it.
    clock.set(clock.get() + 5.0);
    assert!(session.handle(ToWorker::Train { epochs: 3, budget_ms: 1e9 }, &now).pictures.is_none(), "too soon after the last");
    let s = session.handle(ToWorker::Pictures(Request::default()), &now);
    let t = session.trainer().unwrap();
    assert_eq!(s.pictures.map(|p| p.epoch), Some(t.epoch));
    // A step always paints.
    clock.set(clock.get() + 1.0);
    assert!(session.handle(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY }, &now).pictures.is_some());
}

#[test]
fn a_model_file_is_read_in_the_worker_as_the_engine_reads_it_and_the_run_goes_on() {
    let mut session = Session::new();
    let config = Config::default();
    through_codec(&mut session, setup(1, &config, 0));
    let before = through_codec(&mut session, ToWorker::Train { epochs: 3, budget_ms: f64::INFINITY });
    let mut saved = start(config.clone(), 0, None).expect("the default setup trains");
    saved.step().expect("an epoch trains");
    let text = neurona::engine::Model { version: neurona::engine::config::FORMAT_VERSION, config: config.clone(), network: saved.network.clone() }.to_json();
    let read = |session: &mut Session, text: &str| {
        let Answer::Model(read) = serve(session, 5, Ask::ReadModel(text.to_string()), &frozen) else { panic!("a model file is answered with what was read") };
        *read
    };
    let opened = read(&mut session, &text).expect("a model the engine wrote opens");
    assert_eq!(opened.network(), Some(saved.network.clone()), "the weights as written");
    assert_eq!((opened.config, opened.repairs), (config.clone(), Vec::new()));
    // Setups of every kind reach the page as the engine reads them, the network built from
    // the setup's shape and the weights: many points in their own units, three classes,
    // regression, every optimizer's settings, dropout, early stopping, a leaky slope, maxout.
    let mut many = Config::default();
    many.data.dataset = Dataset::Custom;
    many.data.classes = 3;
    many.data.axes.x = neurona::engine::axes::Axis { name: "hours".into(), min: 0.0, max: 40.0 };
    many.data.custom_points =
        (0..900).map(|i| neurona::engine::Point { x: (i % 40) as f32 + 0.123_457, y: ((i * 7) % 13) as f32 * 0.77 - 6.0, label: (i % 3) as f32 }).collect();
    many.network.output = Activation::Softmax;
    many.training.loss = neurona::engine::Loss::SoftmaxCe;
    let mut regression = Config::default();
    regression.data.dataset = Dataset::RegPlane;
    regression.data.problem = neurona::engine::config::Problem::Regression;
    regression.network.output = Activation::Linear;
    let mut tuned = Config::default();
    tuned.network.hidden = vec![HiddenLayer { neurons: 5, activation: Activation::LeakyRelu }, HiddenLayer { neurons: 3, activation: Activation::Maxout }];
    tuned.training.dropout = vec![0.3, 0.0];
    tuned.training.leaky_slope = 0.25;
    tuned.training.optimizer = neurona::engine::Optimizer::Adam;
    tuned.training.beta1 = 0.85;
    tuned.training.early_stopping = EarlyStopping { enabled: true, patience: 40, ..EarlyStopping::default() };
    tuned.data.percent_val = 20;
    tuned.data.seed = 987_654;
    tuned.network.init = neurona::engine::Init::Normal;
    tuned.network.init_sigma = 0.2;
    for config in [many, regression, tuned] {
        let network = start(config.clone(), 3, None).expect("a setup that trains").network;
        let text = neurona::engine::Model { version: neurona::engine::config::FORMAT_VERSION, config, network }.to_json();
        let (model, repairs) = neurona::engine::Model::from_json(&text).expect("the engine reads it");
        let opened = read(&mut session, &text).expect("the worker reads it");
        assert_eq!(opened.config, model.config);
        assert_eq!(opened.network(), Some(model.network));
        assert_eq!(opened.repairs, repairs);
    }
    let broken = read(&mut session, "{\"version\": 1, \"config\": ").expect_err("half a file does not open");
    assert!(matches!(broken.problem, neurona::engine::model::ModelProblem::NotJson { .. }), "{broken:?}");
    assert_eq!(Err(broken), neurona::engine::Model::from_json("{\"version\": 1, \"config\": "), "the engine's own answer");
    // Reading a file leaves the run as it was: the next epoch follows the last.
    let after = through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
    assert_eq!(after.epoch, before.epoch + 1);
}

#[test]
fn files_of_the_run_are_written_in_the_worker_with_the_weights_the_page_shows() {
    use neurona::live::service::Export;
    let mut session = Session::new();
    let config = Config::default();
    through_codec(&mut session, setup(1, &config, 0));
    through_codec(&mut session, ToWorker::Train { epochs: 5, budget_ms: f64::INFINITY });
    // The page shows an earlier epoch: its weights are the ones written.
    let mut shown = start(config.clone(), 0, None).expect("the default setup trains");
    shown.step().expect("an epoch trains");
    let write = |session: &mut Session, what: Export| {
        let Answer::Text(text) = serve(session, 6, Ask::Export(what, Box::new(shown.network.clone())), &frozen) else {
            panic!("a file is answered with its text")
        };
        text.expect("a run to write")
    };
    let model = write(&mut session, Export::Model);
    let (read, _) = neurona::engine::Model::from_json(&model).expect("the file opens again");
    assert_eq!((read.network, read.config), (shown.network.clone(), config.clone()), "the weights shown, the run's setup");
    let keras = write(&mut session, Export::Keras);
    assert_eq!(keras, neurona::engine::export::keras_code(&shown.config, &shown.network, &shown.split, 100), "the engine's own Keras code");
    // Without a run there is nothing to write.
    let Answer::Text(none) = serve(&mut Session::new(), 1, Ask::Export(Export::Model, Box::new(shown.network.clone())), &frozen) else { panic!() };
    assert_eq!(none, None);
}

#[test]
fn the_worker_times_its_engine_and_answers_with_the_figures_as_json() {
    use std::cell::Cell;
    // A clock that moves a millisecond each time it is read.
    let clock = Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 1.0);
        clock.get()
    };
    let mut session = Session::new();
    let Answer::Figures(text) = serve(&mut session, 1, Ask::Benchmark(2), &now) else { panic!("a benchmark is answered with its figures") };
    let figures: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON list");
    let setups: Vec<&str> = figures.iter().filter_map(|f| f["setup"].as_str()).collect();
    assert_eq!(setups, ["default", "largest"]);
    for f in &figures {
        for key in ["epochUs", "lossesUs", "gridUs", "frameUs", "epochsPerSecond", "landscapeUs"] {
            assert!(f[key].as_f64().is_some_and(|v| v > 0.0), "{key} in {f}");
        }
    }
    // The sweep against one long run, at the default setup.
    assert!(figures[0]["sweepMs"].as_f64().is_some_and(|v| v > 0.0) && figures[0]["fourThousandMs"].as_f64().is_some_and(|v| v > 0.0));
    assert!(figures[1]["sweepMs"].is_null());
    assert!(session.trainer().is_none(), "the run is untouched");
}

#[test]
fn the_worker_draws_the_data_sets_thumbnails() {
    use neurona::engine::Point;
    let mut session = Session::new();
    let Answer::Thumbnails(sets) = serve(&mut session, 7, Ask::Thumbnails { seed: 42, noise: 10, classes: 3 }, &frozen) else {
        panic!("answered with thumbnails")
    };
    assert!(session.trainer().is_none(), "no run is started by it");
    let of = |d: Dataset| -> &Vec<Point> { &sets.iter().find(|(s, _)| *s == d).unwrap_or_else(|| panic!("{d:?}")).1 };
    for d in Dataset::CLASSIFICATION.iter().chain(Dataset::REGRESSION.iter()).filter(|d| **d != Dataset::Custom) {
        let points = of(*d);
        assert!(!points.is_empty() && points.len() <= 500, "{d:?}: {}", points.len());
        assert!(points.iter().all(|p| p.x.abs() <= 6.5 && p.y.abs() <= 6.5), "{d:?} lies in the plane");
    }
    assert!(!sets.iter().any(|(d, _)| *d == Dataset::Custom), "the user's points are drawn by the page");
    // The spiral and the blobs have the classes asked for; the others two.
    let labels = |d: Dataset| {
        let mut l: Vec<i64> = of(d).iter().map(|p| p.label as i64).collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    assert_eq!(labels(Dataset::Spiral), vec![0, 1, 2]);
    assert_eq!(labels(Dataset::Blobs), vec![0, 1, 2]);
    assert_eq!(labels(Dataset::Circle), vec![-1, 1]);
    // Another seed draws other points.
    let Answer::Thumbnails(again) = serve(&mut session, 8, Ask::Thumbnails { seed: 43, noise: 10, classes: 3 }, &frozen) else { panic!() };
    assert_ne!(again, sets);
}

#[test]
fn a_setup_without_data_ends_the_wait_with_no_run() {
    let mut config = Config::default();
    config.data.dataset = Dataset::Custom;
    config.data.custom_points.clear();
    let mut session = Session::new();
    let mut view: RunView = RunView::default();
    view.reset(1, config.clone());
    assert!(view.setup().1);
    let mut s = through_codec(&mut session, setup(1, &config, 0));
    assert!(s.split.is_none());
    assert!(!view.apply(&mut s, &config, None));
    assert!(!view.setup().1, "the worker has answered: nothing to show");
    assert!(view.trainer().is_none());
}

#[test]
fn the_worker_draws_a_runs_animation_a_slice_at_a_time_into_a_whole_gif() {
    use neurona::live::classroom::{AnimationAsk, AnimationRefusal, MIN_FRAMES};
    let mut session = Session::new();
    let frames = |session: &mut Session, count: u64| -> Vec<_> {
        (0..count).map(|_| through_codec(session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY })).map(|s| (s.epoch, s.parameters)).collect()
    };
    let ask = |frames| Ask::Animation(Box::new(AnimationAsk { frames, word: "Época".into(), discretize: false, show_test: true }));
    // Without a run, and with too few epochs, it says why.
    let Answer::Animation(none) = serve(&mut session, 1, ask(Vec::new()), &frozen) else { panic!("an animation's state") };
    assert_eq!(none.error, Some(AnimationRefusal::NoRun));
    through_codec(&mut session, setup(1, &Config::default(), 0));
    let few = frames(&mut session, 3);
    let Answer::Animation(few) = serve(&mut session, 2, ask(few), &frozen) else { panic!("an animation's state") };
    assert_eq!(few.error, Some(AnimationRefusal::TooFewFrames(3)));
    // A clock that moves 50 ms a read: each slice draws one frame, and training is answered
    // between slices.
    let all = frames(&mut session, MIN_FRAMES as u64 + 2);
    let clock = std::cell::Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 50.0);
        clock.get()
    };
    let mut answer = session.answer(ToWorker::Ask { id: 3, ask: ask(all) }, &now);
    let mut slices = 0;
    let gif = loop {
        let Some(FromWorker::Answer { id: 3, answer: Answer::Animation(state), more }) = answer else { panic!("an animation's state") };
        slices += 1;
        assert_eq!((state.error, state.progress.1), (None, MIN_FRAMES + 2));
        if !more {
            break state.gif.expect("the file once done");
        }
        assert!(state.gif.is_none() && state.progress.0 < state.progress.1);
        through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
        answer = session.answer(ToWorker::Step { id: 3, budget_ms: 40.0 }, &now);
    };
    assert!(slices > 2, "{slices} slices");
    assert!(gif.starts_with(b"GIF89a") && gif.ends_with(&[0x3b]), "a whole GIF file, its end written");
    assert!(session.answer(ToWorker::Step { id: 3, budget_ms: 40.0 }, &now).is_none(), "done, no longer under way");
}

#[test]
fn an_earlier_epoch_is_shown_as_the_worker_measures_it_and_the_newest_comes_back() {
    let config = Config::default();
    let mut session = Session::new();
    let mut view: RunView = RunView::default();
    view.reset(1, config.clone());
    assert!(view.apply(&mut through_codec(&mut session, setup(1, &config, 0)), &config, None));
    for _ in 0..30 {
        assert!(view.apply(&mut through_codec(&mut session, ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY }), &config, None));
    }
    let (at, parameters) = view.timeline().at(10).cloned().expect("epoch 10 is kept");
    let mut s = through_codec(&mut session, ToWorker::Show(Some((at, parameters.clone()))));
    assert_eq!(s.epoch, 30, "the run stays where it is");
    assert!(view.apply(&mut s, &config, None));
    // The page shows epoch 10: its weights and what the worker measured of them.
    let mut then = start(config.clone(), 0, None).unwrap();
    assert!(then.set_parameters(&parameters));
    let shown = view.trainer().unwrap();
    assert_eq!((view.viewed_epoch(), view.newest_epoch(), shown.epoch), (Some(10), 30, 10));
    assert_eq!(shown.network.parameters(), parameters);
    assert_eq!(shown.last.as_ref().map(|r| (r.epoch, r.train.loss)), Some((10, then.last.as_ref().unwrap().train.loss)));
    // An answer on its way meanwhile is the newest state; epoch 10 stays on screen.
    assert!(view.apply(&mut through_codec(&mut session, ToWorker::Train { epochs: 2, budget_ms: f64::INFINITY }), &config, None));
    assert_eq!((view.viewed_epoch(), view.newest_epoch(), view.trainer().unwrap().epoch), (Some(10), 32, 10));
    assert_eq!(view.newest().map(|(e, p)| (e, p == session.trainer().unwrap().network.parameters())), Some((32, true)));
    // The newest again: as the run is.
    assert!(view.apply(&mut through_codec(&mut session, ToWorker::Show(None)), &config, None));
    let t = view.trainer().unwrap();
    assert_eq!((view.viewed_epoch(), t.epoch), (None, 32));
    assert_eq!(t.network, session.trainer().unwrap().network);
    assert_eq!(t.last, session.trainer().unwrap().last);
}

#[test]
fn the_perceptron_stepped_by_hand_and_typed_weights_change_the_run_in_the_worker_first() {
    let mut config = Config::default();
    config.data.dataset = Dataset::LogicOr;
    config.network.hidden.clear();
    config.network.output = Activation::Step;
    let mut session = Session::new();
    let mut view: RunView = RunView::default();
    view.reset(1, config.clone());
    assert!(view.apply(&mut through_codec(&mut session, setup(1, &config, 0)), &config, None));
    let mut s = through_codec(&mut session, ToWorker::PerceptronPoint(0));
    let step = s.perceptron.clone().expect("the rule says what it did");
    assert!(view.apply(&mut s, &config, None));
    let mut flat: Vec<_> = view.trainer().unwrap().network.layers[0].weights.clone();
    flat.extend(&view.trainer().unwrap().network.layers[0].biases);
    assert_eq!(flat, step.after, "the page shows the weights the rule left");
    let s = &mut through_codec(&mut session, ToWorker::SetParameter { layer: 0, neuron: 0, input: None, value: 0.75 });
    assert!(view.apply(s, &config, None));
    assert_eq!(view.trainer().unwrap().network.layers[0].biases[0], 0.75);
    assert_eq!(view.trainer().unwrap().last, session.trainer().unwrap().last, "measured in the worker");
}

#[test]
fn a_spaced_view_skipped_while_streaming_is_painted_once_training_pauses() {
    use neurona::live::derived::{Asked, Derive};
    use neurona::live::pictures::Request;
    let mut config = Config::default();
    config.data.dataset = Dataset::Satellite;
    config.network.hidden.clear();
    let mut session = Session::new();
    through_codec(&mut session, setup(1, &config, 0));
    let request = Request { derive: Asked::new([Derive::Scene]), ..Request::default() };
    let first = through_codec(&mut session, ToWorker::Pictures(request)).pictures.expect("pictures");
    assert!(first.derived.iter().any(|(d, _)| *d == Derive::Scene), "asked, the scene is mapped");
    // Streaming at a fixed pace on a clock that moves 20 ms a reading: the pictures follow
    // (due every 15 ms), the spaced-out map is not due again (every 500 ms).
    let clock = std::cell::Cell::new(0.0);
    let tick = || {
        clock.set(clock.get() + 20.0);
        clock.get()
    };
    let streamed = session.handle(ToWorker::Train { epochs: 5, budget_ms: 40.0 }, &tick);
    assert!(streamed.pictures.is_some_and(|p| p.derived.is_empty()), "the pictures without the map");
    // Paused, the page asks for the pictures of the run as it is (nothing moved since): the
    // map comes with them.
    let s = session.handle(ToWorker::Pictures(request), &tick);
    let map = s.pictures.and_then(|p| p.derived.into_iter().find(|(d, _)| *d == Derive::Scene));
    assert!(map.is_some(), "the map of the weights that training left");
}
