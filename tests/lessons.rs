//! Each lesson shows its point on every seed a class may draw: checked over five seeds each,
//! as a student would see it on the page (the same setup, trained epoch by epoch).

use neurona::app::exercise::Goal;
use neurona::app::lessons::Lesson;
use neurona::engine::trainer::HistoryPoint;
use neurona::engine::{Config, Trainer};

const SEEDS: [u64; 5] = [0, 1, 2, 3, 4];

fn lesson(l: Lesson, seed: u64) -> Config {
    let mut c = l.config();
    c.data.seed = seed;
    c
}

/// The losses the chart draws, epoch by epoch, until early stopping acts or `epochs`; and
/// the trainer as it is then.
fn run(config: Config, epochs: usize) -> (Vec<HistoryPoint>, Trainer) {
    let mut t = Trainer::new(config).unwrap();
    for _ in 0..epochs {
        if t.step().unwrap().early_stop.is_some() {
            break;
        }
    }
    (t.history.points.clone(), t)
}

/// The loss chart's range, as it is drawn: from 0 to the largest loss shown, with 5% room.
fn chart_top(history: &[HistoryPoint]) -> f64 {
    history.iter().flat_map(|p| [Some(p.train), p.validation, p.test]).flatten().fold(0.0, f64::max) * 1.05
}

#[test]
fn early_stopping_acts_only_after_the_validation_loss_has_visibly_turned_up() {
    for seed in SEEDS {
        let (history, t) = run(lesson(Lesson::EarlyStopping, seed), 5000);
        let stop = t.stopped.unwrap_or_else(|| panic!("seed {seed}: early stopping acts"));
        let (best, stopped) = (stop.best_epoch, stop.stopped_epoch);
        assert!(best >= 20, "seed {seed}: the epoch kept is a trained network's ({best})");
        let at = |epoch: u64| history.iter().find(|p| p.epoch == epoch).copied().unwrap();
        let (b, s) = (at(best), at(stopped));
        // What the chart shows between the best epoch and the stop: training down, and the
        // validation loss up by at least a tenth of the chart's height.
        let top = chart_top(&history);
        assert!(s.train < b.train, "seed {seed}: the training loss fell ({:.3} -> {:.3})", b.train, s.train);
        let highest = history.iter().filter(|p| p.epoch > best).filter_map(|p| p.validation).fold(0.0, f64::max);
        let rise = (highest - b.validation.unwrap()) / top;
        assert!(rise >= 0.1, "seed {seed}: the validation loss rose {:.0}% of the chart", rise * 100.0);
        assert_eq!(stopped - best, 250, "seed {seed}: patience 250");
        // Everything shown afterwards describes the restored weights.
        assert_eq!(t.epoch, best, "seed {seed}: the counter shows the best epoch");
        let shown = t.last.as_ref().unwrap();
        assert_eq!(shown.validation.as_ref().unwrap().loss, b.validation.unwrap(), "seed {seed}: the validation loss shown is the best epoch's");
        assert_eq!(shown.train.loss, b.train, "seed {seed}: the training loss shown is the best epoch's");
    }
}

#[test]
fn dropout_ends_with_the_lower_validation_loss_beside_the_same_network_without_it() {
    use neurona::app::lessons::{DROPOUT_EPOCHS, DROPOUT_RATE};
    for seed in SEEDS {
        let with = lesson(Lesson::Dropout, seed);
        let mut without = Lesson::Dropout.compare().expect("the lesson compares");
        without.data.seed = seed;
        assert!(with.training.dropout.iter().all(|&p| p == DROPOUT_RATE) && without.training.dropout.iter().all(|&p| p == 0.0));
        assert_eq!((&with.data, &with.network), (&without.data, &without.network), "the same data and network");
        let (a, _) = run(with, DROPOUT_EPOCHS as usize);
        let (b, _) = run(without, DROPOUT_EPOCHS as usize);
        let end = |h: &[HistoryPoint]| h.last().and_then(|p| p.validation).unwrap();
        assert!(end(&a) < end(&b), "seed {seed}: with dropout {:.3}, without {:.3}", end(&a), end(&b));
    }
}

#[test]
fn the_learning_rate_exercise_is_met_by_a_middle_rate_only() {
    let exercise = Lesson::ExerciseLearningRate.exercise();
    let goal = exercise.goal.unwrap();
    let epochs = exercise.max_epochs.unwrap();
    let run = |rate: f32, seed: u64| {
        let mut c = lesson(Lesson::ExerciseLearningRate, seed);
        c.training.learning_rate = rate as _;
        let mut t = Trainer::new(c).unwrap();
        let mut losses = vec![t.evaluate().train.loss];
        let mut met = false;
        for _ in 0..epochs {
            let r = t.step().unwrap();
            losses.push(r.train.loss);
            let test = r.test.unwrap();
            met |= goal.met(test.loss, test.accuracy, None);
        }
        let jumps = losses.windows(2).any(|w| w[1] > w[0] * 1.05);
        (met, jumps)
    };
    for seed in SEEDS {
        assert!(!run(0.001, seed).0, "seed {seed}: the rate it opens with crawls");
        assert!(run(0.1, seed).0, "seed {seed}: 0.1 meets the goal");
        for rate in [3.0, 10.0] {
            let (met, _) = run(rate, seed);
            assert!(!met, "seed {seed}: a rate of {rate} overshoots and does not meet the goal");
        }
        assert!(run(10.0, seed).1, "seed {seed}: at 10 the training loss jumps");
    }
    assert!(matches!(goal, Goal::TestLoss(_)));
}

#[test]
fn or_is_learned_one_move_of_the_line_at_a_time() {
    use neurona::live::protocol::ToWorker;
    use neurona::live::session::Session;
    for seed in SEEDS {
        let config = lesson(Lesson::OrOneNeuron, seed);
        // Stepped point by point, a whole epoch gives the weights one ordinary epoch gives.
        let mut whole = Trainer::new(config.clone()).unwrap();
        whole.step().unwrap();
        let mut ticked = Trainer::new(config.clone()).unwrap();
        while ticked.perceptron_tick().unwrap().1.is_none() {}
        assert_eq!(ticked.network, whole.network, "seed {seed}");
        assert_eq!(ticked.epoch, 1);
        // At the slow pace each request to the worker shows one move of the line, until the
        // epochs go by with none: OR takes several moves, seconds at the page's pace.
        let mut session = Session::new();
        session.handle(ToWorker::Setup { id: 1, config: Box::new(config), round: 0, network: None }, &|| 0.0);
        let mut moves = 0;
        let mut last = session.trainer().unwrap().network.clone();
        for _ in 0..200 {
            let snapshot = session.handle(ToWorker::PerceptronTick, &|| 0.0);
            let now = session.trainer().unwrap().network.clone();
            if now != last {
                moves += 1;
                assert_eq!(snapshot.trained, 0, "a move is shown before the epoch ends");
            }
            last = now;
        }
        let t = session.trainer().unwrap();
        assert!(moves >= 6, "seed {seed}: the line moved {moves} times");
        assert_eq!(t.last.as_ref().unwrap().train.accuracy, Some(1.0), "seed {seed}: OR learned");
        assert!(t.epoch >= 2, "seed {seed}: the epochs go on once it has converged");
    }
}
