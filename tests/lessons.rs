//! Each lesson shows its point on every seed a class may draw: checked over five seeds each,
//! as a student would see it on the page (the same setup, trained epoch by epoch).

use neurona::app::exercise::Goal;
use neurona::app::lessons::Lesson;
use neurona::engine::{Config, Trainer};

const SEEDS: [u64; 5] = [0, 1, 2, 3, 4];

fn lesson(l: Lesson, seed: u64) -> Config {
    let mut c = l.config();
    c.data.seed = seed;
    c
}

/// (training loss, validation loss) after each epoch, until early stopping acts or `epochs`.
fn curves(config: Config, epochs: usize) -> (Vec<(f64, f64)>, Option<u64>) {
    let mut t = Trainer::new(config).unwrap();
    let mut out = Vec::new();
    for _ in 0..epochs {
        let r = t.step().unwrap();
        out.push((r.train.loss, r.validation.map_or(f64::NAN, |v| v.loss)));
        if let Some(stop) = r.early_stop {
            return (out, Some(stop.best_epoch));
        }
    }
    (out, None)
}

#[test]
fn early_stopping_acts_only_after_the_validation_loss_has_visibly_turned_up() {
    for seed in SEEDS {
        let (curve, best) = curves(lesson(Lesson::EarlyStopping, seed), 3000);
        let best = best.unwrap_or_else(|| panic!("seed {seed}: early stopping acts")) as usize;
        assert!(best >= 1, "seed {seed}: the best epoch is a trained one");
        let (train_best, val_best) = curve[best - 1];
        let (train_stop, val_stop) = *curve.last().unwrap();
        // What the chart shows between the best epoch and the stop: training down, validation up.
        assert!(train_stop < train_best * 0.97, "seed {seed}: the training loss fell ({train_best:.3} -> {train_stop:.3})");
        assert!(val_stop > val_best * 1.03, "seed {seed}: the validation loss rose ({val_best:.3} -> {val_stop:.3})");
        assert!(curve.len() - best >= 100, "seed {seed}: patience 100 leaves the rise on screen");
    }
}

#[test]
fn dropout_keeps_the_validation_loss_below_the_same_network_without_it() {
    let mut lower = 0;
    for seed in SEEDS {
        let with = lesson(Lesson::Dropout, seed);
        let mut without = with.clone();
        without.training.dropout = vec![];
        let (a, _) = curves(with, 1200);
        let (b, _) = curves(without, 1200);
        // Later in the run, where the network without dropout has overfitted.
        let later = |c: &[(f64, f64)]| c[600..].iter().map(|p| p.1).sum::<f64>() / (c.len() - 600) as f64;
        if later(&a) < later(&b) && a[1199].1 < b[1199].1 {
            lower += 1;
        }
    }
    assert!(lower >= 4, "dropout's validation loss is lower in {lower} of 5 seeds");
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
            met |= goal.met(test.loss, test.accuracy);
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
