//! Tables with many columns: a CSV with a header read into rows of numbers, the columns
//! chosen as inputs and the one to predict (classes or a value) making data of vectors that
//! trains like any other; bad files named, limits held.

use neurona::engine::config::{HiddenLayer, Problem};
use neurona::engine::rng::Rng;
use neurona::engine::table::{parse_table, ChoiceProblem, Predict, TableProblem};
use neurona::engine::{Activation, Config, Dataset, Loss, Trainer};

/// A table of six columns: five measures and whether a sixth passes, decided by three of them.
fn six_columns(rows: usize) -> String {
    let mut rng = Rng::new(9);
    let mut text = String::from("edad;horas;nota previa;faltas;altura;aprobó\n");
    for _ in 0..rows {
        let (age, hours, grade, absences, height) =
            (rng.uniform(12.0, 18.0), rng.uniform(0.0, 12.0), rng.uniform(40.0, 100.0), rng.uniform(0.0, 20.0), rng.uniform(140.0, 190.0));
        let passed = hours / 12.0 + (grade - 40.0) / 60.0 - absences / 20.0 > 0.6;
        text += &format!(
            "{};{};{};{};{};{}\n",
            format!("{age:.1}").replace('.', ","),
            format!("{hours:.1}").replace('.', ","),
            grade.round(),
            absences.round(),
            height.round(),
            u8::from(passed)
        );
    }
    text
}

fn table_config(inputs: &[usize], predict: Predict, rows: usize) -> Config {
    let table = parse_table(&six_columns(rows)).unwrap();
    let data = table.choose(inputs, 5, predict).unwrap();
    let mut c = Config::default();
    c.data.dataset = Dataset::Table;
    c.data.classes = data.classes.len().max(2);
    c.data.problem = if predict == Predict::Value { Problem::Regression } else { Problem::Classification };
    c.data.table = Some(data);
    c.network.hidden = vec![HiddenLayer { neurons: 8, activation: Activation::Tanh }];
    c.network.output = if predict == Predict::Value { Activation::Linear } else { Activation::Sigmoid };
    c.training.loss = if predict == Predict::Value { Loss::Mse } else { Loss::Bce };
    c.training.learning_rate = 0.1;
    c
}

#[test]
fn a_table_is_read_with_its_names_and_its_bad_lines_named() {
    let t = parse_table(&six_columns(300)).unwrap();
    assert_eq!(t.names, ["edad", "horas", "nota previa", "faltas", "altura", "aprobó"]);
    assert_eq!(t.rows.len(), 300);
    assert!(t.rows.iter().all(|r| r.len() == 6 && (12.0..=18.0).contains(&r[0])), "decimal commas read");
    let t = parse_table("a,b,c\n1,2,3\n\n# a comment\n4,5\n7,x,9\n1e400,1,1\n10,11,12\n").unwrap();
    assert_eq!(t.rows, vec![vec![1.0, 2.0, 3.0], vec![10.0, 11.0, 12.0]]);
    assert_eq!(t.bad, vec![(5, TableProblem::Cells(2)), (6, TableProblem::NotANumber("b".into())), (7, TableProblem::NotANumber("a".into()))]);
    assert_eq!(parse_table("1,2,3\n4,5,6\n"), Err(TableProblem::NoHeader));
    assert_eq!(parse_table(""), Err(TableProblem::NoHeader));
    assert_eq!(parse_table("a,b,a\n1,2,3\n"), Err(TableProblem::SameName("a".into())));
    let wide: Vec<String> = (0..66).map(|i| format!("c{i}")).collect();
    assert_eq!(parse_table(&wide.join(",")), Err(TableProblem::TooManyColumns(66)));
    let sixty_five: Vec<String> = (0..65).map(|i| format!("c{i}")).collect();
    assert!(parse_table(&sixty_five.join(",")).is_ok(), "64 inputs and a label");
}

#[test]
fn columns_are_chosen_as_inputs_and_a_label_of_classes_or_a_value() {
    let t = parse_table(&six_columns(200)).unwrap();
    let d = t.choose(&[1, 2, 3], 5, Predict::Class).unwrap();
    assert_eq!(
        (d.inputs.clone(), d.label.clone(), d.classes.clone()),
        (vec!["horas".to_string(), "nota previa".into(), "faltas".into()], "aprobó".to_string(), vec![0.0, 1.0])
    );
    assert!(d.labels.iter().all(|&l| l == -1.0 || l == 1.0), "two classes are -1 and +1");
    assert_eq!(d.rows.len(), 200 * 3);
    let scaled = d.scaled();
    assert!(scaled.iter().all(|v| (-1.0..=1.0).contains(v)), "each input scaled from its range");
    assert_eq!(t.choose(&[], 5, Predict::Class), Err(ChoiceProblem::Columns));
    assert_eq!(t.choose(&[5], 5, Predict::Class), Err(ChoiceProblem::Columns));
    assert_eq!(t.choose(&[9], 5, Predict::Class), Err(ChoiceProblem::Columns));
    // Heights are not classes: too many distinct values.
    assert!(matches!(t.choose(&[1], 4, Predict::Class), Err(ChoiceProblem::Classes(k)) if k > 10));
    assert!(t.choose(&[1], 4, Predict::Value).is_ok());
}

#[test]
fn a_table_trains_on_the_columns_that_decide_and_travels_in_its_files() {
    // The three columns that decide learn it; age and height alone do not.
    let accuracy = |inputs: &[usize]| {
        let mut t = Trainer::new(table_config(inputs, Predict::Class, 400)).unwrap();
        (0..150).for_each(|_| {
            t.step().unwrap();
        });
        t.evaluate().test.unwrap().accuracy.unwrap()
    };
    let deciding = accuracy(&[1, 2, 3]);
    let unrelated = accuracy(&[0, 4]);
    assert!(deciding > 0.9 && unrelated < 0.8, "deciding {deciding}, unrelated {unrelated}");
    let c = table_config(&[0, 1, 2, 3, 4], Predict::Class, 100);
    assert_eq!(c.input_count(), 5);
    assert!(c.clone().normalize().is_empty(), "a chosen table is within its limits");
    let back = Config::from_json(&c.to_json()).unwrap();
    assert_eq!(back, c, "the table travels in a model file");
    // A value to predict is a regression.
    let mut value = table_config(&[1, 2, 3], Predict::Value, 100);
    value.data.problem = Problem::Classification;
    let repairs = value.normalize();
    assert!(repairs.iter().any(|r| r.key == "problem"), "{repairs:?}");
    assert_eq!(value.data.problem, Problem::Regression);
    assert!(Trainer::new(value).is_ok());
    // A setup of a table without one is refused with a reason.
    let mut none = Config::default();
    none.data.dataset = Dataset::Table;
    assert!(Trainer::new(none).err().unwrap().contains("data.table"));
}

#[test]
fn a_file_naming_other_than_three_columns_is_a_table_and_its_choice_is_one_edit() {
    use neurona::engine::edit::Edit;
    use neurona::engine::table::is_table;
    assert!(is_table(&six_columns(3)));
    assert!(is_table("a,b,c,d\n1,2,3,4\n"));
    assert!(!is_table("x1,x2,label\n1,1,1\n"), "three columns are points");
    assert!(!is_table("# a comment\n1,2,3,4\n"), "numbers first are not a header");
    assert!(!is_table(""));
    let table = parse_table(&six_columns(120)).unwrap();
    assert_eq!(table.values(5), [0.0, 1.0]);
    assert!(table.holds_classes(5) && !table.holds_classes(1), "whether passed is classes, the hours are not");
    let mut c = Config::default();
    c.network.hidden[0].neurons = 8;
    c.apply(Edit::Table(Box::new(table.choose(&[1, 2, 3], 5, Predict::Class).unwrap())));
    assert_eq!((c.data.dataset, c.data.problem, c.data.classes, c.input_count()), (Dataset::Table, Problem::Classification, 2, 3));
    assert!(c.normalize().is_empty(), "the choice makes a setup that needs no repair");
    Trainer::new(c.clone()).unwrap().step().unwrap();
    c.apply(Edit::Table(Box::new(table.choose(&[0, 1], 2, Predict::Value).unwrap())));
    assert_eq!((c.data.problem, c.network.output), (Problem::Regression, Activation::Linear));
    assert!(c.normalize().is_empty());
    // Another data set chosen, the table goes with its data.
    c.apply(Edit::Dataset(Dataset::Circle));
    c.normalize();
    assert!(c.data.table.is_none() && c.data.dataset == Dataset::Circle);
}

#[test]
fn a_table_its_plane_and_a_picture_travel_between_the_page_and_the_worker() {
    use neurona::live::derived::{Derive, Derived};
    let round_trip = |c: &Config| -> Config { bincode::deserialize(&bincode::serialize(c).unwrap()).unwrap() };
    // A table without a picture and one with a picture (its painted pixels) read back whole.
    let c = table_config(&[1, 2, 3], Predict::Class, 120);
    assert_eq!(round_trip(&c), c);
    let mut picture = neurona::engine::picture::Picture::new(3, 2, (0..18).collect(), vec!["agua".into(), "milpa".into()]).unwrap();
    picture.paint = vec![1, 1, 0, 2, 2, 0];
    let mut painted = Config::default();
    painted.apply(neurona::engine::edit::Edit::Table(Box::new(picture.table().unwrap())));
    assert_eq!(round_trip(&painted), painted);
    // The plane of two columns the worker computes reads back as it was sent.
    let mut t = Trainer::new(c).unwrap();
    t.step().unwrap();
    let plane = Derive::TablePlane([0, 2]).compute(&mut t, None, Vec::new).expect("a plane");
    let back: Derived = bincode::deserialize(&bincode::serialize(&plane).unwrap()).unwrap();
    assert_eq!(back, plane);
    let Derived::TablePlane(p) = back else { panic!("a plane") };
    assert_eq!((p.columns, p.points.len()), ([0, 2], t.split.train.len()));
}

#[test]
fn a_table_that_fits_travels_in_the_link_and_one_too_large_says_so() {
    use neurona::app::link::{carries_table, parse, to_hash};
    use neurona::i18n::Lang;
    use neurona::settings::Settings;
    for predict in [Predict::Class, Predict::Value] {
        let mut s = Settings::new(Lang::Es);
        s.config = table_config(&[1, 2, 3], predict, 60);
        s.config.normalize();
        let hash = to_hash(&s);
        assert!(carries_table(&s) && hash.contains("table="), "{hash}");
        let (back, repairs) = parse(&hash, Lang::Es);
        assert!(repairs.is_empty(), "{repairs:?} {hash}");
        let (a, b) = (back.config.data.table.as_ref().expect("the table"), s.config.data.table.as_ref().unwrap());
        assert_eq!((&a.inputs, &a.label, &a.rows, &a.labels, &a.classes, &a.ranges), (&b.inputs, &b.label, &b.rows, &b.labels, &b.classes, &b.ranges));
        assert_eq!((back.config.data.dataset, back.config.data.problem), (Dataset::Table, s.config.data.problem));
        assert_eq!(to_hash(&back), hash, "the link is stable");
        // The same rows train the same run.
        assert_eq!(Trainer::new(back.config.clone()).unwrap().split, Trainer::new(s.config.clone()).unwrap().split);
    }
    // A column's name with the link's own signs in it comes back as it was.
    let mut s = Settings::new(Lang::Es);
    s.config = table_config(&[1, 2], Predict::Class, 20);
    s.config.data.table.as_mut().unwrap().inputs[0] = "horas & días, 50% = sí|no".into();
    let (back, _) = parse(&to_hash(&s), Lang::Es);
    assert_eq!(back.config.data.table.unwrap().inputs[0], "horas & días, 50% = sí|no");
    // Too many rows for a link: the link leaves the table out, and the page says so.
    s.config = table_config(&[0, 1, 2, 3, 4], Predict::Class, 300);
    assert!(!carries_table(&s) && !to_hash(&s).contains("table="));
    // A damaged table opens the default data and names the key.
    let (bad, repairs) = parse("dataset=table&table=c|x|a,b|1,2,0;3,x,1", Lang::Es);
    assert_ne!(bad.config.data.dataset, Dataset::Table);
    assert!(repairs.iter().any(|r| r.key == "table"), "{repairs:?}");
}

#[test]
fn backprop_step_by_step_walks_through_a_row_and_its_gradients_are_the_losses_slopes() {
    let mut t = Trainer::new(table_config(&[1, 2, 3], Predict::Class, 120)).unwrap();
    for _ in 0..3 {
        t.step().unwrap();
    }
    let i = 5;
    let w = t.walkthrough_for(&t.config.clone(), i).expect("a walk-through of a row");
    let (row, label) = t.example(i).unwrap();
    assert_eq!((&w.inputs, w.label), (&row, label));
    assert_eq!(&row[..], &t.split.rows.train[3 * i..3 * i + 3]);
    let mut ws = Default::default();
    assert!((w.loss - t.example_loss(&t.network, i, &mut ws).unwrap()).abs() < 1e-5);
    // Each first-layer weight's ∂L/∂w is the slope of this row's loss.
    for k in [0, 4, 7] {
        let h = 1e-2;
        let nudged = |d: f32| {
            let mut n = t.network.clone();
            n.layers[0].weights[k] += d as neurona::engine::Real;
            t.example_loss(&n, i, &mut Default::default()).unwrap()
        };
        let slope = (nudged(h) - nudged(-h)) / (2.0 * h as f64);
        assert!((slope - w.grad_w[0][k] as f64).abs() < 2e-3 + 0.02 * slope.abs(), "weight {k}: {slope} against {}", w.grad_w[0][k]);
    }
    // The hardest rows are found by their own losses.
    assert_eq!(t.example_losses(&t.network).len(), t.split.train.len());
}
