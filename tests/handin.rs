//! Hand-in codes and the teacher's board: a code holds a student's setup, weights and claimed
//! result; the board reads codes from any pasted text, computes each result again from the
//! weights on the exercise's own test data, catches changed codes, and ranks the class.

use neurona::app::board::{asks, csv, handed_in, read, rows, RowProblem};
use neurona::app::lessons::Lesson;
use neurona::app::link::to_short_hash;
use neurona::engine::handin::{find_codes, flat, CodeError, HandIn, MAX_CODE_CHARS};
use neurona::engine::Trainer;
use neurona::i18n::Lang;
use neurona::live::classroom::check;
use neurona::settings::Settings;

/// The XOR exercise (at most 3 hidden neurons, accuracy 90%) as a student opens it.
fn exercise(lang: Lang) -> Settings {
    let mut s = Settings::new(lang);
    s.config = Lesson::ExerciseXor.config();
    s.exercise = Lesson::ExerciseXor.exercise();
    s.exercise.text = "¿Cuántas neuronas necesita XOR?".into();
    s
}

/// A student's hand-in after `epochs` epochs with `neurons` hidden neurons: the code, and the
/// result the page showed.
fn hand_in(name: &str, neurons: usize, epochs: u64) -> (String, HandIn) {
    let mut s = exercise(Lang::Es);
    s.config.network.hidden[0].neurons = neurons;
    let mut t = Trainer::new(s.config.clone()).expect("a run");
    for _ in 0..epochs {
        t.step().expect("an epoch");
    }
    let test = t.evaluate().test.expect("test data");
    let handin = HandIn {
        name: name.into(),
        link: to_short_hash(&handed_in(&s)),
        epoch: t.epoch,
        test_loss: test.loss,
        accuracy: test.accuracy,
        weights: flat(&t.network.parameters()),
    };
    (handin.encode().expect("a code"), handin)
}

fn board() -> Settings {
    let mut s = exercise(Lang::Es);
    s.board = true;
    s
}

#[test]
fn a_code_reads_back_whole_and_stays_short() {
    let (code, handin) = hand_in("Ana López", 3, 150);
    assert!(code.starts_with("NRN1."));
    assert!(code.len() <= MAX_CODE_CHARS);
    println!("a code for XOR with 3 hidden neurons: {} characters", code.len());
    assert!(code.len() < 400, "{} characters", code.len());
    let back = HandIn::decode(&code).expect("read back");
    assert_eq!(back, handin);
    // The question is left out; the goal, the limit and the data are in.
    assert!(!back.link.contains("Cu%C3%A1ntas") && !back.link.contains("Cuántas"), "{}", back.link);
    assert!(back.link.contains("maxNeurons=3"), "{}", back.link);
}

#[test]
fn codes_are_found_in_a_chat_whatever_surrounds_them() {
    let (a, _) = hand_in("Ana", 3, 10);
    let (b, _) = hand_in("Beto", 2, 10);
    let chat = format!("[10:41] Ana: {a}\n[10:42] Beto: aquí va mi código:{b}, ¿está bien?\n[10:43] Ana: {a}");
    assert_eq!(find_codes(&chat), vec![a.as_str(), b.as_str(), a.as_str()]);
    let (pending, bad) = read(&chat, &board());
    assert_eq!(pending.len(), 2, "the same code twice is read once");
    assert!(bad.is_empty());
}

#[test]
fn a_damaged_or_cut_code_is_named_and_breaks_nothing() {
    let (code, _) = hand_in("Ana", 3, 10);
    let mut changed = code.clone().into_bytes();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(HandIn::decode(&changed), Err(CodeError::Damaged));
    assert_eq!(HandIn::decode(&code[..code.len() - 7]), Err(CodeError::Damaged));
    assert_eq!(HandIn::decode("hola"), Err(CodeError::NotACode));
    assert_eq!(HandIn::decode(&format!("NRN1.{}", "A".repeat(3000))), Err(CodeError::TooLong(3005)));
    let (good, _) = hand_in("Beto", 2, 10);
    let (pending, bad) = read(&format!("{changed} {good} NRN1.%%% NRN1.abc"), &board());
    assert_eq!(pending.len(), 1);
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad[0].excerpt.starts_with("NRN1.") && bad[0].excerpt.ends_with('…'));
    // Whom to ask: the damaged code's name is still read from its start; a code too short to
    // hold one is named by the text before it on its line.
    assert_eq!(bad[0].name.as_deref(), Some("Ana"));
    let cut = &code[..code.len() - 7];
    let (_, bad) = read(&format!("10:02 Carla: {cut}\n10:03 Dani: NRN1.%%%"), &board());
    assert_eq!(bad[0].name.as_deref(), Some("Ana"));
    assert_eq!(bad[0].context.as_deref(), Some("10:02 Carla:"));
    assert_eq!((bad[1].name.as_deref(), bad[1].context.as_deref()), (None, Some("10:03 Dani:")));
}

#[test]
fn the_board_computes_each_result_again_and_catches_changed_codes() {
    let board = board();
    let (honest, h) = hand_in("Ana", 3, 300);
    // A claim made better by hand, with the code's sum mended: the weights do not give it.
    let boasted = HandIn { name: "Beto".into(), test_loss: 0.0001, accuracy: Some(1.0), ..h.clone() }.encode().unwrap();
    // Weights changed, the claim kept.
    let mut weights = h.weights.clone();
    weights[0] += 1.5;
    let tampered = HandIn { name: "Caro".into(), weights, ..h.clone() }.encode().unwrap();
    // Handed in for other data (the student changed the noise).
    let mut other = exercise(Lang::Es);
    other.config.data.noise = 30;
    other.config.network.hidden[0].neurons = 3;
    let elsewhere = HandIn { name: "Dani".into(), link: to_short_hash(&handed_in(&other)), ..h.clone() }.encode().unwrap();
    let (pending, bad) = read(&[honest, boasted, tampered, elsewhere].join("\n"), &board);
    assert!(bad.is_empty());
    let checked = check(&asks(&pending));
    let rows = rows(&pending, &checked);
    let row = |name: &str| rows.iter().find(|r| r.name == name).expect(name).clone();
    let ana = row("Ana");
    assert!(ana.valid && ana.problem.is_none(), "{ana:?}");
    let (loss, accuracy) = ana.recomputed.unwrap();
    assert!((loss - h.test_loss).abs() < 1e-6 && accuracy == h.accuracy, "{ana:?}");
    assert_eq!(ana.met, accuracy.unwrap() >= 0.9);
    for name in ["Beto", "Caro"] {
        let r = row(name);
        assert_eq!((r.valid, r.met, r.problem), (false, false, Some(RowProblem::ClaimDiffers)), "{r:?}");
    }
    let dani = row("Dani");
    assert_eq!((dani.valid, dani.met, dani.problem), (false, false, Some(RowProblem::AnotherExercise)));
    // The trusted row first.
    assert_eq!(rows[0].name, "Ana");
}

#[test]
fn the_board_ranks_by_goal_then_neurons_then_result_and_merges_names() {
    let board = board();
    let codes: Vec<String> = [("Eva", 3, 400), ("Fer", 2, 600), ("Gil", 3, 200), ("Hugo", 1, 50), ("eva ", 3, 30)]
        .iter()
        .map(|&(name, neurons, epochs)| hand_in(name, neurons, epochs).0)
        .collect();
    let (pending, _) = read(&codes.join(" "), &board);
    let rows = rows(&pending, &check(&asks(&pending)));
    assert_eq!(rows.len(), 4, "Eva's two codes are one row: {rows:#?}");
    let eva = rows.iter().find(|r| r.name.eq_ignore_ascii_case("eva")).unwrap();
    assert_eq!(eva.codes, 2);
    let met: Vec<_> = rows.iter().take_while(|r| r.met).collect();
    assert!(rows.iter().skip(met.len()).all(|r| !r.met), "goal met first");
    assert!(met.windows(2).all(|w| w[0].neurons <= w[1].neurons), "{met:#?}");
    // Among equal networks the better result (computed again) first.
    let accuracy = |r: &neurona::app::board::Row| r.recomputed.and_then(|x| x.1).unwrap();
    assert!(met.windows(2).all(|w| w[0].neurons < w[1].neurons || accuracy(w[0]) >= accuracy(w[1])), "{met:#?}");
    assert!(!met.is_empty(), "some hand-ins meet the goal: {rows:#?}");
    // Over the exercise's limit of 3 neurons: the result holds, the goal is not met.
    let (over, _) = hand_in("Iris", 5, 300);
    let (pending, _) = read(&over, &board);
    let r = &rows_of(&pending)[0];
    assert_eq!((r.valid, r.met, r.problem), (true, false, Some(RowProblem::OverLimit)));
    let table = csv(&rows, Lang::Es, |p| format!("{p:?}"));
    assert!(table.starts_with("\"Nombre\",\"Neuronas ocultas\",\"Época (declarada)\""), "{table}");
    assert_eq!(table.lines().count(), 5);
}

fn rows_of(pending: &[neurona::app::board::Pending]) -> Vec<neurona::app::board::Row> {
    rows(pending, &check(&asks(pending)))
}

#[test]
fn a_board_without_an_exercise_checks_each_code_on_its_own_setup() {
    let (code, h) = hand_in("Ana", 3, 100);
    let plain = Settings::new(Lang::En);
    let (pending, _) = read(&code, &plain);
    let r = &rows_of(&pending)[0];
    assert!(r.valid, "{r:?}");
    assert_eq!(r.recomputed.unwrap().1, h.accuracy);
    assert!(r.goal.is_some(), "the code's own goal");
}

#[test]
fn a_network_too_large_for_a_code_is_refused_with_its_size() {
    let mut s = exercise(Lang::En);
    s.config = neurona::engine::Config::default();
    s.config.network.features = neurona::engine::Feature::ALL[..7].to_vec();
    s.config.network.hidden = vec![neurona::engine::config::HiddenLayer { neurons: 8, ..Default::default() }; 6];
    let t = Trainer::new(s.config.clone()).unwrap();
    let h = HandIn {
        name: "Ana".into(),
        link: to_short_hash(&handed_in(&s)),
        epoch: 0,
        test_loss: 0.5,
        accuracy: Some(0.5),
        weights: flat(&t.network.parameters()),
    };
    assert_eq!(h.encode(), Err(CodeError::TooManyWeights(433)));
}

#[test]
fn a_hand_in_with_its_own_feature_is_computed_again_with_its_formula() {
    use neurona::engine::formula::Formula;
    use neurona::live::protocol::{FromWorker, ToWorker};
    use neurona::live::service::{Answer, Ask};
    use neurona::live::session::Session;
    // XOR learned from x1·x2 alone, handed in: the code's link carries the formula's text.
    let mut s = exercise(Lang::Es);
    s.config.network.formula = Some(Formula::parse("x1*x2").expect("a formula"));
    s.config.network.features = vec![neurona::engine::Feature::Custom];
    let mut t = Trainer::new(s.config.clone()).unwrap();
    for _ in 0..100 {
        t.step().unwrap();
    }
    let test = t.evaluate().test.unwrap();
    assert!(test.accuracy.unwrap() > 0.9, "x1·x2 separates XOR");
    let h = HandIn {
        name: "Flor".into(),
        link: to_short_hash(&handed_in(&s)),
        epoch: t.epoch,
        test_loss: test.loss,
        accuracy: test.accuracy,
        weights: flat(&t.network.parameters()),
    };
    let (pending, bad) = read(&h.encode().unwrap(), &board());
    assert!(bad.is_empty() && pending.len() == 1, "{bad:?}");
    // The worker computes it again as the board asks it to.
    let mut session = Session::new();
    let Some(FromWorker::Answer { answer: Answer::Checked(checked, _), .. }) =
        session.answer(ToWorker::Ask { id: 1, ask: Ask::Check(asks(&pending)) }, &|| 0.0)
    else {
        panic!("an answer")
    };
    let r = &rows(&pending, &checked)[0];
    assert_eq!(r.recomputed.unwrap().1, test.accuracy, "the same accuracy as the student's page: {r:?}");
    assert!(r.valid && r.met, "a genuine code is trusted and meets the goal: {r:?}");
}

#[test]
fn a_name_that_a_spreadsheet_would_run_stays_text_in_the_boards_csv() {
    let (code, _) = hand_in("=HYPERLINK(\"http://127.0.0.1:9/\",\"Ana\")", 3, 50);
    let (pending, _) = read(&code, &board());
    let table = csv(&rows_of(&pending), Lang::Es, |p| format!("{p:?}"));
    let row = table.lines().nth(1).unwrap();
    assert!(row.starts_with("\"'=HYPERLINK("), "{row}");
}

/// A board for one of the lesson bar's exercises.
fn board_of(lesson: Lesson) -> Settings {
    let mut s = Settings::new(Lang::Es);
    s.config = lesson.config();
    s.exercise = lesson.exercise();
    s.board = true;
    s
}

/// A code of `settings` trained `epochs` epochs that declares `declared`.
fn code_of(name: &str, settings: &Settings, epochs: u64, declared: u64) -> String {
    let mut t = Trainer::new(settings.config.clone()).expect("a run");
    for _ in 0..epochs {
        t.step().expect("an epoch");
    }
    let test = t.evaluate().test.expect("test data");
    HandIn {
        name: name.into(),
        link: to_short_hash(&handed_in(settings)),
        epoch: declared,
        test_loss: test.loss,
        accuracy: test.accuracy,
        weights: flat(&t.network.parameters()),
    }
    .encode()
    .expect("a code")
}

#[test]
fn a_declared_epoch_ranks_nobody_meets_no_limit_and_an_impossible_one_is_refused() {
    let board = board();
    let student = exercise(Lang::Es);
    // The same weights, one declaring 20 epochs, one whose epoch was edited down to 1.
    let honest = code_of("Ana", &student, 20, 20);
    let edited = code_of("Zoe", &student, 20, 1);
    let rows = rows_of(&read(&[edited, honest].join("\n"), &board).0);
    assert_eq!(rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Ana", "Zoe"], "the edited epoch wins nothing: {rows:#?}");
    // An epoch no run reaches, with the sum mended: refused, named.
    let (pending, bad) = read(&code_of("Max", &student, 20, u64::MAX), &board);
    assert!(pending.is_empty());
    assert_eq!(bad[0].error, CodeError::Impossible);
    assert_eq!(bad[0].name.as_deref(), Some("Max"));
    // On the AND-by-hand board (no epoch of training allowed), a code trained 10 epochs that
    // declares 0: its result is computed, but the limit is only its word, and said so.
    let and = board_of(Lesson::ExerciseAndByHand);
    let mut opened = Settings::new(Lang::Es);
    opened.config = Lesson::ExerciseAndByHand.config();
    opened.exercise = Lesson::ExerciseAndByHand.exercise();
    let r = &rows_of(&read(&code_of("Eli", &opened, 10, 0), &and).0)[0];
    assert!(r.epoch_limit_declared, "{r:?}");
    assert_eq!(r.problem, None);
    let table = csv(std::slice::from_ref(r), Lang::Es, |p| format!("{p:?}"));
    assert!(table.contains("según el propio código"), "{table}");
}

#[test]
fn a_code_that_measures_another_way_than_the_exercise_is_named_and_never_met() {
    // The learning-rate exercise measures the test loss with cross-entropy; a student who
    // changed the loss to MSE reaches 0.175 after one epoch.
    let board = board_of(Lesson::ExerciseLearningRate);
    let mut student = board.clone();
    student.board = false;
    student.config.training.loss = neurona::engine::Loss::Mse;
    let (pending, bad) = read(&code_of("Rui", &student, 1, 1), &board);
    assert!(bad.is_empty());
    let r = &rows_of(&pending)[0];
    assert_eq!((r.met, r.valid, r.problem), (false, false, Some(RowProblem::OtherYardstick)), "{r:?}");
    // The same student with the exercise's own loss is judged on it.
    let mut fair = board.clone();
    fair.board = false;
    let r = &rows_of(&read(&code_of("Rui", &fair, 1, 1), &board).0)[0];
    assert!(r.valid && r.problem.is_none(), "{r:?}");
}

#[test]
fn an_open_exercise_keeps_what_it_measures() {
    use neurona::app::actions::Action;
    use neurona::app::state::{AppState, Notice};
    use neurona::engine::edit::Edit;
    let mut s = Settings::new(Lang::Es);
    s.config = Lesson::ExerciseLearningRate.config();
    s.exercise = Lesson::ExerciseLearningRate.exercise();
    let state = AppState::new(s);
    let loss = state.settings.config.training.loss;
    for edit in [
        Edit::Loss(neurona::engine::Loss::Mse),
        Edit::Output(neurona::engine::Activation::Linear),
        Edit::Problem(neurona::engine::config::Problem::Regression),
        Edit::Classes(3),
    ] {
        let next = state.apply(Action::Edit(edit.clone()));
        assert_eq!(next.settings.config, state.settings.config, "{edit:?} is refused");
        assert!(next.notices.contains(&Notice::YardstickHeld), "{edit:?} is said");
    }
    // Everything else is the student's to change.
    let next = state.apply(Action::Edit(Edit::LearningRate(0.3)));
    assert_eq!(next.settings.config.training.learning_rate, 0.3);
    assert_eq!(next.settings.config.training.loss, loss);
    // Without a goal, the loss is free.
    let free = AppState::new(Settings::new(Lang::Es)).apply(Action::Edit(Edit::Loss(neurona::engine::Loss::Mse)));
    assert_eq!(free.settings.config.training.loss, neurona::engine::Loss::Mse);
}

#[test]
fn a_name_shows_as_typed_whatever_direction_marks_it_carries() {
    let (code, _) = hand_in("\u{202E}anA\u{202C} \u{2067}Beto\u{2069}", 3, 10);
    let back = HandIn::decode(&code).expect("read back");
    assert_eq!(back.name, "anA Beto");
}

#[test]
fn the_vegetation_map_is_judged_on_the_map_the_boards_weights_draw() {
    // Red alone with two neurons, and the same two with the near-infrared: the board maps the
    // scene from each code's weights and meets the goal on the map alone.
    let board = board_of(Lesson::ExerciseVegetationMap);
    let mut red = board.clone();
    red.board = false;
    let mut both = red.clone();
    both.config.network.features.push(neurona::engine::Feature::X2);
    let text = format!("{}\n{}", code_of("Ana", &red, 200, 200), code_of("Beto", &both, 200, 200));
    let (pending, bad) = read(&text, &board);
    assert!(bad.is_empty());
    let rows = rows_of(&pending);
    let row = |name: &str| rows.iter().find(|r| r.name == name).unwrap().clone();
    let (ana, beto) = (row("Ana"), row("Beto"));
    assert!(beto.met && beto.valid && beto.map.unwrap() >= 0.95, "{beto:?}");
    assert!(!ana.met && ana.valid && ana.map.unwrap() < 0.9, "{ana:?}");
    assert_eq!(rows[0].name, "Beto", "the goal met ranks first");
    // The map's accuracy is the one the page draws from the same weights.
    let mut t = Trainer::new(both.config.clone()).unwrap();
    (0..200).for_each(|_| {
        t.step().unwrap();
    });
    let drawn = neurona::engine::satellite::map_scene(&t.network, &t.config).unwrap().accuracy;
    assert!((drawn - beto.map.unwrap()).abs() < 0.002, "{drawn} against {:?}", beto.map);
    let table = csv(&rows, Lang::Es, |p| format!("{p:?}"));
    assert!(table.lines().next().unwrap().contains("Exactitud del mapa calculada de nuevo"), "{table}");
}
