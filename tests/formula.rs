//! A feature the user types: it feeds the network with its formula's values, makes the
//! circle linearly separable, travels in model files and Keras code, and is mended away
//! when it has no formula.

use neurona::engine::formula::Formula;
use neurona::engine::{Config, Dataset, Feature, Model, Trainer};

fn circle_with(formula: &str, features: Vec<Feature>) -> Config {
    let mut c = Config::default();
    c.data.dataset = Dataset::Circle;
    c.network.hidden = Vec::new();
    c.network.features = features;
    c.network.formula = Some(Formula::parse(formula).expect("a formula"));
    c
}

#[test]
fn the_radius_squared_alone_learns_the_circle_with_no_hidden_layer() {
    let mut t = Trainer::new(circle_with("x1*x1 + x2*x2", vec![Feature::Custom])).unwrap();
    let mut test = f64::INFINITY;
    for _ in 0..100 {
        test = t.step().unwrap().test.expect("a test set").loss;
    }
    assert!(test < 0.05, "test loss {test}");
    // X₁ and X₂ alone, with no hidden layer, cannot: a line does not split a disc from a ring.
    let mut c = circle_with("x1*x1 + x2*x2", vec![Feature::X1, Feature::X2]);
    c.network.formula = None;
    let mut plain = Trainer::new(c).unwrap();
    let mut plain_test = 0.0;
    for _ in 0..100 {
        plain_test = plain.step().unwrap().test.expect("a test set").loss;
    }
    assert!(plain_test > 0.2, "a line's test loss {plain_test}");
}

#[test]
fn the_network_reads_the_formulas_values_beside_the_other_features() {
    let config = circle_with("sin(x1) * x2", vec![Feature::X1, Feature::Custom]);
    let inputs = config.network.inputs();
    for (x1, x2) in [(0.5f32, 2.0f32), (-3.0, 1.25), (4.0, -4.0)] {
        let expected = (x1 as f64).sin() * x2 as f64;
        let row = inputs.at(x1, x2);
        assert_eq!(row.len(), 2);
        assert_eq!(row[0], x1);
        assert!((row[1] as f64 - expected).abs() < 1e-6, "{} against {expected}", row[1]);
    }
    // The inspector's arithmetic reads the same values as training does.
    let t = Trainer::new(config.clone()).unwrap();
    let math = neurona::engine::inspect::neuron_math(&t.network, config.network.inputs(), (1.0, 2.0), 0, 0).unwrap();
    assert!((math.inputs[1] as f64 - 1f64.sin() * 2.0).abs() < 1e-6);
}

#[test]
fn a_model_file_keeps_the_formula_and_reads_its_program_from_its_text() {
    let config = circle_with("abs(x1 - x2)", vec![Feature::Custom, Feature::X1]);
    let t = Trainer::new(config).unwrap();
    let json = Model { version: neurona::engine::config::FORMAT_VERSION, config: t.config.clone(), network: t.network.clone() }.to_json();
    let (back, _) = Model::from_json(&json).expect("read back");
    assert_eq!(back.config.network.formula, t.config.network.formula);
    assert_eq!(back.config.network.features, vec![Feature::X1, Feature::Custom]);
    // A program edited by hand is not what runs: the text is read again.
    let program = serde_json::to_string(t.config.network.formula.as_ref().unwrap().program()).unwrap();
    let edited = json.replacen(&program, r#"["X1"]"#, 1);
    assert_ne!(edited, json);
    let (read, _) = Model::from_json(&edited).expect("read back");
    assert_eq!(read.config.network.formula.unwrap().value(1.0, 4.0), 1.5);
    // A text that is no formula is named.
    let bad = json.replacen("abs(x1 - x2)", "abs(x1 - ", 1);
    let e = Model::from_json(&bad).unwrap_err();
    assert!(e.to_string().contains("formula"), "{e}");
}

#[test]
fn the_typed_feature_without_a_formula_is_taken_out() {
    let mut c = Config::default();
    c.network.features = vec![Feature::X1, Feature::Custom];
    let repairs = c.normalize();
    assert_eq!(c.network.features, vec![Feature::X1]);
    assert!(repairs.iter().any(|r| r.key == "custom"), "{repairs:?}");
}

#[test]
fn keras_code_computes_the_formula_with_numpy() {
    let config = circle_with("x1*x1 + x2*x2", vec![Feature::Custom]);
    let t = Trainer::new(config).unwrap();
    let code = neurona::engine::export::keras_code(&t.config, &t.network, &t.split, 10);
    assert!(
        code.contains("np.nan_to_num((((x1.astype(np.float64) * x1.astype(np.float64)) + (x2.astype(np.float64) * x2.astype(np.float64))) + 0.0 * x1) / 12.0"),
        "{code}"
    );
}

/// Through the codec the worker uses, as the browser sends it.
fn through_codec(session: &mut neurona::live::session::Session, message: neurona::live::protocol::ToWorker) -> Option<neurona::live::protocol::FromWorker> {
    let message = bincode::deserialize(&bincode::serialize(&message).unwrap()).unwrap();
    let answer = session.answer(message, &|| 0.0)?;
    Some(bincode::deserialize(&bincode::serialize(&answer).unwrap()).unwrap())
}

#[test]
fn the_worker_reads_a_formula_for_the_page_and_reads_a_links_formula_itself() {
    use neurona::live::protocol::{FromWorker, ToWorker};
    use neurona::live::service::{Answer, Ask};
    let mut session = neurona::live::session::Session::new();
    let Some(FromWorker::Answer { id: 7, answer: Answer::Formula(read), more: false }) =
        through_codec(&mut session, ToWorker::Ask { id: 7, ask: Ask::ReadFormula("abs(x1 - x2)".into()) })
    else {
        panic!("a formula's answer")
    };
    assert_eq!(read.as_ref().as_ref().map(|f| f.divisor()), Ok(2.0));
    let Some(FromWorker::Answer { id: 8, answer: Answer::Formula(read), .. }) =
        through_codec(&mut session, ToWorker::Ask { id: 8, ask: Ask::ReadFormula("x1 +".into()) })
    else {
        panic!("a formula's answer")
    };
    assert!(read.is_err());
    // A setup that has the formula by its text only (a link's) trains on its values.
    let mut config = circle_with("x1*x1 + x2*x2", vec![Feature::Custom]);
    config.network.formula = Formula::unread("x1*x1 + x2*x2");
    through_codec(&mut session, ToWorker::Setup { id: 1, config: Box::new(config), round: 0, network: None });
    let t = session.trainer().expect("a run");
    assert_eq!(t.config.network.formula, Some(Formula::parse("x1*x1 + x2*x2").unwrap()));
    // One that cannot be read is taken out, and the run has X1 to read.
    let mut bad = circle_with("x1", vec![Feature::Custom]);
    bad.network.formula = Formula::unread("x1 +");
    through_codec(&mut session, ToWorker::Setup { id: 2, config: Box::new(bad), round: 0, network: None });
    let t = session.trainer().expect("a run");
    assert_eq!((t.config.network.formula.clone(), t.config.network.features.clone()), (None, vec![Feature::X1]));
}
