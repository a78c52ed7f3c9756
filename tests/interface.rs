//! The interface's rules, natively: what each verb does to the setup, which changes reset the
//! network, and that any sequence of verbs leaves a setup that trains.

use neurona::app::i18n::Lang;
use neurona::app::state::*;
use neurona::engine::config::Problem;
use neurona::engine::{Activation, Dataset, Feature, Init, Loss, Optimizer, Point, Regularization};

fn start() -> AppState {
    AppState::new(Settings::new(Lang::En))
}

#[test]
fn the_learning_rate_and_penalty_rate_change_without_a_reset() {
    let s = start();
    let t = s.apply(Action::Edit(Edit::LearningRate(0.3))).apply(Action::Edit(Edit::RegularizationRate(0.01)));
    assert_eq!(t.generation, s.generation);
    assert_eq!(t.settings.config.training.learning_rate, 0.3);
}

#[test]
fn structural_changes_reset_the_network() {
    let s = start();
    for a in [
        Action::Edit(Edit::Noise(20)),
        Action::Edit(Edit::ToggleFeature(Feature::X1X2)),
        Action::Edit(Edit::AddLayer),
        Action::Edit(Edit::ChangeNeurons(0, 1)),
        Action::Edit(Edit::Activation(Activation::Relu)),
        Action::Edit(Edit::Dataset(Dataset::Xor)),
        Action::Edit(Edit::Seed(99)),
        Action::Run(Run::Reset),
    ] {
        assert_eq!(s.apply(a.clone()).generation, s.generation + 1, "{a:?}");
    }
}

#[test]
fn layer_and_neuron_counts_stay_in_range() {
    let mut s = start();
    for _ in 0..10 {
        s = s.apply(Action::Edit(Edit::AddLayer));
    }
    assert_eq!(s.settings.config.network.hidden.len(), MAX_LAYERS);
    for _ in 0..10 {
        s = s.apply(Action::Edit(Edit::ChangeNeurons(0, 1)));
    }
    assert_eq!(s.settings.config.network.hidden[0].neurons, MAX_NEURONS);
    for _ in 0..10 {
        s = s.apply(Action::Edit(Edit::ChangeNeurons(0, -1)));
    }
    assert_eq!(s.settings.config.network.hidden[0].neurons, 1);
    for _ in 0..10 {
        s = s.apply(Action::Edit(Edit::RemoveLayer));
    }
    assert!(s.settings.config.network.hidden.is_empty());
}

#[test]
fn the_last_feature_cannot_be_turned_off() {
    let s = start().apply(Action::Edit(Edit::ToggleFeature(Feature::X1))).apply(Action::Edit(Edit::ToggleFeature(Feature::X2)));
    assert_eq!(s.settings.config.network.features, vec![Feature::X2]);
    let s = s.apply(Action::Edit(Edit::ToggleFeature(Feature::X1)));
    assert_eq!(s.settings.config.network.features, vec![Feature::X1, Feature::X2], "kept in column order");
}

#[test]
fn regression_uses_a_linear_output_and_its_own_data() {
    let s = start().apply(Action::Edit(Edit::Problem(Problem::Regression)));
    assert_eq!(s.settings.config.network.output, Activation::Linear);
    assert!(s.settings.config.data.dataset.is_regression());
    let s = s.apply(Action::Edit(Edit::Dataset(Dataset::Spiral)));
    assert_eq!(s.settings.config.data.problem, Problem::Classification);
    assert_eq!(s.settings.config.network.output, Activation::Tanh);
}

#[test]
fn outputs_and_losses_are_offered_only_in_valid_pairs() {
    let s = start();
    for output in s.settings.config.valid_outputs() {
        let t = s.apply(Action::Edit(Edit::Output(output)));
        assert_eq!(t.settings.config.network.output, output);
        assert!(t.settings.config.training.loss.pairs_with(output), "{output:?} came with a fitting loss");
        for loss in valid_losses(output) {
            let u = t.apply(Action::Edit(Edit::Loss(loss)));
            assert!(u.settings.config.validate().is_ok(), "{output:?} + {loss:?}");
            assert_eq!(u.generation, t.generation, "the loss changes without a reset");
        }
    }
    let bad = s.apply(Action::Edit(Edit::Loss(Loss::SoftmaxCe)));
    assert_eq!(bad.settings.config.training.loss, Loss::HalfMse, "softmax cross-entropy does not pair with tanh");
    assert_eq!(valid_losses(Activation::Sigmoid), vec![Loss::HalfMse, Loss::Mse, Loss::Bce]);
    let three = s.apply(Action::Edit(Edit::Classes(3)));
    assert_eq!(three.settings.config.valid_outputs(), vec![Activation::Softmax]);
    assert!(three.settings.config.validate().is_ok());
    assert!(three.apply(Action::Edit(Edit::Classes(2))).settings.config.validate().is_ok());
}

#[test]
fn every_lesson_opens_a_valid_setup() {
    for lesson in Lesson::ALL {
        let s = start().apply(Action::LoadLesson(lesson));
        assert!(s.settings.config.validate().is_ok(), "{lesson:?}");
        assert!(neurona::engine::Trainer::new(s.settings.config.clone()).is_ok());
        // The page opens the lesson as it is written: nothing is cut to the controls' limits.
        let mut written = lesson.config();
        written.data.seed = s.settings.config.data.seed;
        assert_eq!(s.settings.config, written, "{lesson:?} opens as written");
        assert_eq!(s.settings.compare.as_deref().map(|c| &c.training.dropout), lesson.compare().as_ref().map(|c| &c.training.dropout), "{lesson:?}");
    }
    assert!(Lesson::OrOneNeuron.config().is_perceptron());
}

#[test]
fn lesson_settings_change_live_where_they_can() {
    let s = start().apply(Action::Edit(Edit::AddLayer));
    for a in [
        Action::Edit(Edit::Dropout(0, 0.5)),
        Action::Edit(Edit::Optimizer(Optimizer::Adam)),
        Action::Edit(Edit::OptimizerParam(OptimizerParam::Beta1, 0.8)),
        Action::Edit(Edit::Shuffle(true)),
        Action::Edit(Edit::EarlyStopping(true)),
        Action::Edit(Edit::Patience(7)),
        Action::Edit(Edit::Loss(Loss::Mse)),
        Action::Edit(Edit::LeakySlope(0.2)),
        Action::Edit(Edit::MinDelta(0.001)),
        // Unlike TensorFlow Playground, the batch size and the kind of penalty change live too:
        // every training setting does, so their effect shows on the network already trained.
        Action::Edit(Edit::BatchSize(FULL_BATCH)),
        Action::Edit(Edit::Regularization(Regularization::L2)),
    ] {
        assert_eq!(s.apply(a.clone()).generation, s.generation, "{a:?}");
    }
    for a in [
        Action::Edit(Edit::LayerActivation(1, Activation::Elu)),
        Action::Edit(Edit::Init(Init::He)),
        Action::Edit(Edit::PercentVal(15)),
        Action::Edit(Edit::Output(Activation::Sigmoid)),
    ] {
        assert_eq!(s.apply(a.clone()).generation, s.generation + 1, "{a:?}");
    }
}

#[test]
fn drawn_points_become_the_data() {
    let p = Point { x: 1.0, y: 2.0, label: 1.0 };
    let s = start().apply(Action::Points(Points::Add(p))).apply(Action::Points(Points::Add(Point { label: -1.0, ..p })));
    assert_eq!(s.settings.config.data.dataset, Dataset::Custom);
    assert_eq!(s.settings.config.data.custom_points.len(), 2);
    assert!(neurona::engine::Trainer::new(s.settings.config.clone()).is_ok());
    // Changing the number of classes keeps every point trainable.
    let four = s.apply(Action::Edit(Edit::Classes(4)));
    assert_eq!(four.settings.config.data.dataset, Dataset::Custom, "the user's points stay");
    let four = four.apply(Action::Points(Points::Add(Point { label: 3.0, ..p })));
    let three = four.apply(Action::Edit(Edit::Classes(3)));
    assert!(three.settings.config.data.custom_points.iter().all(|p| p.label <= 2.0));
    assert!(neurona::engine::Trainer::new(three.settings.config.clone()).unwrap().step().is_ok());
    let two = three.apply(Action::Edit(Edit::Classes(2)));
    assert!(two.settings.config.data.custom_points.iter().all(|p| p.label == 1.0 || p.label == -1.0));
    let cleared = s.apply(Action::Points(Points::Clear));
    assert!(cleared.settings.config.data.custom_points.is_empty());
    assert!(cleared.generation > s.generation, "new data, new network");
}

#[test]
fn any_sequence_of_actions_leaves_a_setup_that_trains() {
    use neurona::engine::rng::Rng;
    let mut rng = Rng::new(5);
    let mut s = start();
    let pick = |rng: &mut Rng, n: usize| rng.below(n);
    for step in 0..3000 {
        let a = match pick(&mut rng, 22) {
            0 => Action::Edit(Edit::Dataset(Dataset::CLASSIFICATION[pick(&mut rng, 9)])),
            1 => Action::Edit(Edit::Dataset(Dataset::REGRESSION[pick(&mut rng, 2)])),
            2 => Action::Edit(Edit::Dataset(Dataset::MULTICLASS[pick(&mut rng, 2)])),
            3 => Action::Edit(Edit::Problem(if pick(&mut rng, 2) == 0 { Problem::Regression } else { Problem::Classification })),
            4 => Action::Edit(Edit::Classes(2 + pick(&mut rng, 3))),
            5 => Action::Edit(Edit::Output(Activation::OUTPUT[pick(&mut rng, 5)])),
            6 => Action::Edit(Edit::Loss(Loss::ALL[pick(&mut rng, 4)])),
            7 => Action::Edit(Edit::AddLayer),
            8 => Action::Edit(Edit::RemoveLayer),
            9 => Action::Edit(Edit::ChangeNeurons(pick(&mut rng, 6), if pick(&mut rng, 2) == 0 { 1 } else { -1 })),
            10 => Action::Edit(Edit::LayerActivation(pick(&mut rng, 6), Activation::HIDDEN[pick(&mut rng, 10)])),
            11 => Action::Edit(Edit::ToggleFeature(Feature::ALL[pick(&mut rng, 9)])),
            12 => Action::Edit(Edit::PercentTrain(10 * (1 + pick(&mut rng, 9) as u32))),
            13 => Action::Edit(Edit::PercentVal(5 * pick(&mut rng, 9) as u32)),
            14 => Action::Points(Points::Add(Point { x: 1.0, y: -1.0, label: [1.0, -1.0, 0.0, 2.0, 3.0][pick(&mut rng, 5)] })),
            15 => Action::Points(Points::Clear),
            16 => Action::LoadLesson(Lesson::ALL[pick(&mut rng, Lesson::ALL.len())]),
            17 => Action::Edit(Edit::BatchSize(1 + pick(&mut rng, FULL_BATCH))),
            18 => Action::Edit(Edit::Dropout(pick(&mut rng, 6), 0.5)),
            19 => Action::Edit(Edit::Init(Init::ALL[pick(&mut rng, 5)])),
            20 => Action::Edit(Edit::Activation(Activation::HIDDEN[pick(&mut rng, 10)])),
            _ => Action::Edit(Edit::Optimizer(Optimizer::ALL[pick(&mut rng, 4)])),
        };
        s = s.apply(a.clone());
        let c = &s.settings.config;
        assert!(c.validate().is_ok(), "step {step} {a:?}: {:?}", c.validate());
        if step % 50 == 0 && !(c.data.dataset == Dataset::Custom && c.data.custom_points.is_empty()) {
            let mut t = neurona::engine::Trainer::new(c.clone()).expect("a valid setup builds");
            // A large step may diverge: that is reported, and the weights stay finite.
            let _ = t.step();
            assert!(t.network.is_finite(), "step {step}: {c:?}");
        }
    }
}

#[test]
fn divergence_pauses_and_is_reported_once() {
    let s = start().apply(Action::Run(Run::Toggle));
    assert!(s.playing);
    let s = s.apply(Action::Notes(Notes::Show(Notice::Diverged(7)))).apply(Action::Notes(Notes::Show(Notice::Diverged(9))));
    assert!(!s.playing);
    assert_eq!(s.notices, vec![Notice::Diverged(9)]);
    assert!(s.apply(Action::Notes(Notes::Dismiss(0))).notices.is_empty());
}

#[test]
fn clearing_points_and_loading_a_csv_can_be_undone() {
    let p = |x: neurona::engine::Real| Point { x, y: 0.0, label: 1.0 };
    let drawn = start().apply(Action::Points(Points::Add(p(1.0)))).apply(Action::Points(Points::Add(p(2.0))));
    let cleared = drawn.apply(Action::Points(Points::Clear));
    assert!(cleared.settings.config.data.custom_points.is_empty());
    let back = cleared.apply(Action::Points(Points::Undo));
    assert_eq!(back.settings.config.data.custom_points, drawn.settings.config.data.custom_points);
    assert!(back.undo_points.is_none(), "one undo");
    // A CSV over the circle: undo brings back the circle.
    let hours = neurona::engine::axes::Axes {
        x: neurona::engine::axes::Axis { name: "hours".into(), min: -1.0, max: 13.0 },
        y: neurona::engine::axes::Axis { name: "grade".into(), min: 45.0, max: 105.0 },
    };
    let loaded = start().apply(Action::Points(Points::Set(vec![Point { x: 3.0, y: 60.0, label: 1.0 }], hours.clone())));
    assert_eq!(loaded.settings.config.data.dataset, Dataset::Custom);
    assert_eq!(loaded.settings.config.data.axes, hours);
    assert_eq!(loaded.settings.config.data.custom_points[0].y, 60.0, "the points keep their units");
    let undone = loaded.apply(Action::Points(Points::Undo));
    assert_eq!(undone.settings.config.data.dataset, Dataset::Circle);
    assert!(undone.settings.config.data.custom_points.is_empty());
    assert!(undone.settings.config.data.axes.is_plane(), "undo brings back the axes too");
    // Clearing nothing leaves nothing to undo.
    assert!(start().apply(Action::Points(Points::Clear)).undo_points.is_none());
}

#[test]
fn the_users_data_is_held_to_its_stated_size() {
    use neurona::engine::limits::MAX_POINTS;
    let many: Vec<Point> = (0..MAX_POINTS * 2 + 5).map(|i| Point { x: (i % 100) as neurona::engine::Real / 20.0, y: 0.5, label: 1.0 }).collect();
    let s = start().apply(Action::Points(Points::Set(many.clone(), Default::default())));
    assert_eq!(s.settings.config.data.custom_points.len(), MAX_POINTS);
    assert_eq!(s.settings.config.data.custom_points[0], many[0]);
    assert_eq!(s.notices, vec![Notice::PointsThinned(MAX_POINTS * 2 + 5)]);
    let full = s.apply(Action::Points(Points::Add(Point { x: 1.0, y: 1.0, label: -1.0 })));
    assert_eq!(full.settings.config.data.custom_points.len(), MAX_POINTS, "no point beyond the limit");
    assert!(full.notices.contains(&Notice::PointsFull));
    // Such a set does not travel in a link: the link says the points stay in the page.
    let hash = neurona::app::link::to_hash(&s.settings);
    assert!(hash.contains("points=page:") && hash.len() < 2_000, "{} characters", hash.len());
    let (back, repairs) = neurona::app::link::parse(&hash, Lang::En);
    assert!(repairs.is_empty());
    // Named by the set itself: another set has another name, so one page never overwrites the
    // points another link names.
    let name = back.points_in_page.clone().expect("kept in the page");
    assert_eq!(name, neurona::engine::normalize::points_key(&s.settings.config.data.custom_points, &s.settings.config.data.axes));
    let mut other = s.settings.config.data.custom_points.clone();
    other[0].y = 0.7;
    assert_ne!(name, neurona::engine::normalize::points_key(&other, &s.settings.config.data.axes));
    // Earlier links' `points=page` still opens the one set they kept.
    let (old, _) = neurona::app::link::parse("dataset=custom&points=page", Lang::En);
    assert_eq!(old.points_in_page.as_deref(), Some(""));
    assert_eq!(back.config.data.dataset, Dataset::Custom);
}

#[test]
fn an_exercise_travels_in_the_link_and_holds_the_network_to_its_limits() {
    use neurona::app::exercise::{Exercise, Goal};
    let (s, repairs) = neurona::app::link::parse(
        "goal=accuracy:95&maxNeurons=3&maxEpochs=200&goalText=%3Cb%3EXOR%3C%2Fb%3E%20with%20few%20neurons&networkShape=4,2",
        Lang::En,
    );
    assert!(repairs.is_empty(), "{repairs:?}");
    assert_eq!(
        s.exercise,
        Exercise { goal: Some(Goal::Accuracy(95.0)), max_neurons: Some(3), max_epochs: Some(200), text: "<b>XOR</b> with few neurons".into() }
    );
    // The link carries it back as it was.
    let (again, _) = neurona::app::link::parse(&neurona::app::link::to_hash(&s), Lang::En);
    assert_eq!(again.exercise, s.exercise);
    // The limit holds whatever the user does: 4 + 2 neurons become 3, and no more are added.
    let state = AppState::new(s).apply(Action::Panel(Panel::Help(false)));
    assert_eq!(state.settings.config.network.hidden.iter().map(|h| h.neurons).sum::<usize>(), 3);
    let more = state.apply(Action::Edit(Edit::AddLayer)).apply(Action::Edit(Edit::ChangeNeurons(0, 1)));
    assert_eq!(more.settings.config.network.hidden.iter().map(|h| h.neurons).sum::<usize>(), 3);
    // Bad values are refused and named.
    let (bad, repairs) = neurona::app::link::parse("goal=accuracy:150&maxNeurons=-2&maxEpochs=x", Lang::En);
    assert_eq!(bad.exercise, Exercise::default());
    assert_eq!(repairs.len(), 3, "{repairs:?}");
}

#[test]
fn meeting_the_goal_is_a_moment_once_per_run() {
    use neurona::app::exercise::{Exercise, Goal};
    let mut s = Settings::new(Lang::Es);
    s.exercise = Exercise { goal: Some(Goal::TestLoss(0.1)), ..Exercise::default() };
    let playing = AppState::new(s).apply(Action::Run(Run::Toggle));
    let done = playing.apply(Action::Run(Run::GoalMet(42)));
    assert_eq!(done.goal_met, Some(42));
    assert!(!done.playing, "training pauses");
    assert_eq!(done.notices, vec![Notice::GoalMet(42)]);
    assert_eq!(done.apply(Action::Run(Run::GoalMet(50))).goal_met, Some(42), "once per run");
    let fresh = done.apply(Action::Run(Run::Reset));
    assert_eq!(fresh.goal_met, None, "a new run has not met it");
    assert!(fresh.notices.is_empty());
    // Without a goal there is nothing to meet.
    assert_eq!(start().apply(Action::Run(Run::GoalMet(3))).goal_met, None);
    // Going back to an earlier epoch and training on: met later than that is not met yet.
    let kept = done.apply(Action::Run(Run::Rewound(50)));
    assert_eq!((kept.goal_met, kept.notices.len()), (Some(42), 1), "met before the epoch gone back to");
    let back = done.apply(Action::Run(Run::Rewound(30)));
    assert_eq!(back.goal_met, None);
    assert!(back.notices.is_empty());
    assert_eq!(back.apply(Action::Run(Run::GoalMet(45))).goal_met, Some(45), "met again on the way");
}

#[test]
fn the_lessons_exercises_set_their_goals_and_limits() {
    use neurona::app::lessons::Lesson;
    let exercises: Vec<Lesson> = Lesson::ALL.into_iter().filter(|l| l.is_exercise()).collect();
    assert_eq!(exercises.len(), 4);
    for l in exercises {
        let s = start().apply(Action::LoadLesson(l));
        assert_eq!(s.settings.exercise, l.exercise());
        assert!(s.settings.exercise.goal.is_some());
        // The map's goal maps the scene, and its view opens.
        let on_map = matches!(s.settings.exercise.goal, Some(neurona::app::exercise::Goal::MapAccuracy(_)));
        assert_eq!(on_map, l == Lesson::ExerciseVegetationMap);
        assert_eq!(s.settings.maps_scene() && s.settings.scene, on_map, "{l:?}");
        let back = s.apply(Action::LoadLesson(Lesson::OrOneNeuron));
        assert!(!back.settings.exercise.is_set(), "a lesson that only shows clears the exercise");
    }
}

#[test]
fn a_new_run_forgets_the_last_runs_divergence_and_early_stop() {
    let s = start().apply(Action::Notes(Notes::Show(Notice::Diverged(7))));
    assert!(s.apply(Action::Run(Run::Reset)).notices.is_empty(), "reset");
    let s = start().apply(Action::LoadLesson(Lesson::EarlyStopping)).apply(Action::Notes(Notes::Show(Notice::EarlyStopped { at: 120, best: 20 })));
    assert!(s.apply(Action::LoadLesson(Lesson::Dropout)).notices.is_empty(), "the next lesson");
    // A notice about the link stays.
    let s = start().apply(Action::Notes(Notes::Show(Notice::LinkCopied))).apply(Action::Run(Run::Reset));
    assert_eq!(s.notices, vec![Notice::LinkCopied]);
}

#[test]
fn a_layer_the_page_names_is_the_networks_layer_below_it() {
    use neurona::engine::{LayerNo, Trainer};
    assert_eq!(LayerNo::INPUTS.index(), None);
    for i in 0..5 {
        let no = LayerNo::of(i);
        assert_eq!((no.number(), no.index()), (i + 1, Some(i)));
        assert_eq!(no.below().index(), i.checked_sub(1), "layer {no} is fed by the one before, or by the inputs");
    }
    // inspect=2,1 on a 4,3 network is the second hidden layer; matrix=3 is the output.
    let s = neurona::app::link::parse("networkShape=4,3&inspect=2,1&matrix=3", Lang::En).0;
    let t = Trainer::new(s.config.clone()).expect("a valid setup builds");
    let (layer, neuron) = s.inspect.expect("a neuron the network has");
    assert_eq!((t.network.layers[layer.index().unwrap()].n_out, neuron), (3, 1));
    assert_eq!(s.matrix.and_then(LayerNo::index), Some(t.network.layers.len() - 1), "the output is last");
    assert_eq!(s.neurons_in(LayerNo::INPUTS), None, "the inputs are no layer of neurons");
    assert_eq!(s.neurons_in(LayerNo::of(2)), Some(1), "one output");
    assert_eq!(s.neurons_in(LayerNo::of(3)), None, "past the output");
}
