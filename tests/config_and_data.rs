//! Configurations and models as JSON, and the data generators' shapes and labels.

use neurona::engine::config::{HiddenLayer, FORMAT_VERSION};
use neurona::engine::data::{generate, split};
use neurona::engine::model::ModelProblem;
use neurona::engine::rng::Rng;
use neurona::engine::{Activation, Config, Dataset, Loss, Model, Trainer};

#[test]
fn a_config_round_trips_through_json() {
    let config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::Spiral;
        c.data.noise = 25;
        c.network.hidden = vec![HiddenLayer { neurons: 7, activation: Activation::Elu }];
        c.training.dropout = vec![0.5];
        c.network.output = Activation::Sigmoid;
        c.training.loss = Loss::Bce;
        c
    };
    let json = config.to_json();
    assert!(json.contains("\"version\":2"));
    assert_eq!(Config::from_json(&json).unwrap(), config);
    assert_eq!(Config::from_json("{}").unwrap(), Config::default(), "missing fields take defaults");
}

#[test]
fn a_version_1_file_opens_as_it_did() {
    let flat = r#"{"version":1,"problem":"classification","dataset":"spiral","classes":2,"noise":25,
        "percentTrain":70,"features":["x","y"],"hidden":[{"neurons":3,"activation":"relu","dropout":0.5},
        {"neurons":2,"activation":"tanh","dropout":0.0}],"output":"sigmoid","loss":"bce","learningRate":0.1,
        "batchSize":5,"leakySlope":0.2}"#;
    let c = Config::from_json(flat).unwrap();
    assert_eq!((c.data.dataset, c.data.noise, c.data.percent_train), (Dataset::Spiral, 25, 70));
    assert_eq!(c.network.hidden, vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 2, activation: Activation::Tanh }]);
    assert_eq!((c.network.output, c.training.loss, c.training.learning_rate), (Activation::Sigmoid, Loss::Bce, 0.1));
    assert_eq!((c.training.batch_size, c.training.leaky_slope), (5, 0.2));
    assert_eq!(c.training.dropout, vec![0.5, 0.0], "each layer's rate moves to the training part");
}

#[test]
fn malformed_json_names_the_field() {
    let err = Config::from_json(r#"{"data": {"noise": 10}, "training": {"learningRate": "fast"}}"#).unwrap_err();
    assert!(err.starts_with("training.learningRate:"), "{err}");
    let err = Config::from_json(r#"{"data": {"dataset": "moon"}}"#).unwrap_err();
    assert!(err.starts_with("data.dataset:"), "{err}");
    // A version-1 file (every setting at the top) is read into the parts, then named the same way.
    let err = Config::from_json(r#"{"noise": 10, "learningRate": "fast"}"#).unwrap_err();
    assert!(err.starts_with("training.learningRate:"), "{err}");
    let err = Config::from_json("{not json").unwrap_err();
    assert!(err.contains("not valid JSON"), "{err}");
}

#[test]
fn invalid_combinations_are_refused_with_a_reason() {
    let bad = {
        let mut c: Config = Config::default();
        c.network.output = Activation::Tanh;
        c.training.loss = Loss::Bce;
        c
    };
    assert!(Trainer::new(bad).err().unwrap().starts_with("training.loss:"));
    let bad = {
        let mut c: Config = Config::default();
        c.data.classes = 3;
        c
    };
    assert!(Trainer::new(bad).err().unwrap().starts_with("network.output:"));
}

#[test]
fn a_trained_model_round_trips_and_predicts_the_same() {
    let mut t = Trainer::new(Config::default()).unwrap();
    for _ in 0..30 {
        t.step().unwrap();
    }
    let model = Model { version: FORMAT_VERSION, config: t.config.clone(), network: t.network.clone() };
    let (back, repairs) = Model::from_json(&model.to_json()).unwrap();
    assert_eq!(back, model);
    assert!(repairs.is_empty());
    let mut fresh = Trainer::new(back.config).unwrap();
    fresh.network = back.network;
    assert_eq!(fresh.predict(1.5, -0.5), t.predict(1.5, -0.5));
    // Mended like a link, and said: a loss that does not pair with the output, a rate
    // outside its range.
    let mismatched = model.to_json().replace("\"loss\":\"half-mse\"", "\"loss\":\"softmax-ce\"").replace("\"momentum\":0.9", "\"momentum\":3.0");
    let (mended, repairs) = Model::from_json(&mismatched).unwrap();
    assert_eq!(mended.config, {
        let mut c: Config = model.config.clone();
        c.training.momentum = 0.999;
        c
    });
    let fields: Vec<&str> = repairs.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(fields, ["momentum", "loss"]);
    assert_eq!((repairs[1].given.as_str(), repairs[1].used.as_deref()), ("softmax-ce", Some("half-mse")));
    // A network that the setup cannot carry is refused, naming the field.
    let deeper = model.to_json().replace("\"hidden\":[", "\"hidden\":[{\"neurons\":3},");
    assert!(Model::from_json(&deeper).unwrap_err().to_string().starts_with("network.layers:"));
    let truncated = model.to_json().replace("\"n_out\":4", "\"n_out\":\"four\"");
    let err = Model::from_json(&truncated).unwrap_err();
    assert_eq!((err.field.as_str(), &err.problem), ("network.layers", &ModelProblem::WrongKind), "{err}");
    // Each kind of problem is told apart, for the page to say it in the user's language.
    let err = Model::from_json("{\"version\": 2, oops").unwrap_err();
    assert_eq!(err.problem, ModelProblem::NotJson { line: 1, column: 16 });
    let err = Model::from_json(&model.to_json().replace("\"activation\":\"tanh\"", "\"activation\":\"wobble\"")).unwrap_err();
    assert_eq!(err.problem, ModelProblem::UnknownName("wobble".into()), "{err}");
    assert!(err.field.starts_with("config.network"), "{err}");
    let err = Model::from_json(&model.to_json().replace(&format!("\"version\":{FORMAT_VERSION}"), "\"version\":9")).unwrap_err();
    assert_eq!((err.field.as_str(), err.problem), ("version", ModelProblem::Version(9)));
    let err = Model::from_json("{\"version\": 2}").unwrap_err();
    assert_eq!(err.problem, ModelProblem::Missing, "{err}");
    assert!(!err.field.is_empty(), "{err}");
}

#[test]
fn generators_make_the_documented_sets() {
    let mut rng = Rng::new(3);
    // The sets on the plane; pass or fail is in its own units (tested on its own below).
    for d in Dataset::CLASSIFICATION.into_iter().filter(|d| *d != Dataset::PassFail) {
        let pts = generate(d, 2, 0.0, &mut rng);
        assert_eq!(pts.len(), 500, "{d:?}");
        assert!(pts.iter().all(|p| p.x.abs() <= 6.5 && p.y.abs() <= 6.5), "{d:?} stays in the square");
        let blue = pts.iter().filter(|p| p.label == 1.0).count();
        assert!(pts.iter().all(|p| p.label == 1.0 || p.label == -1.0));
        assert!((100..=400).contains(&blue), "{d:?}: {blue} blue points");
    }
    for d in Dataset::REGRESSION {
        let pts = generate(d, 2, 0.0, &mut rng);
        assert_eq!(pts.len(), if d.is_curve() { 300 } else { 1200 }, "{d:?}");
        assert!(pts.iter().all(|p| p.label.abs() <= 1.25));
    }
    // Circle without noise: blue exactly inside radius 2.5.
    for p in generate(Dataset::Circle, 2, 0.0, &mut rng) {
        assert_eq!(p.label > 0.0, (p.x * p.x + p.y * p.y).sqrt() < 2.5);
    }
    // XOR without noise: blue where x y >= 0, and no point within 0.3 of an axis.
    for p in generate(Dataset::Xor, 2, 0.0, &mut rng) {
        assert_eq!(p.label > 0.0, p.x * p.y >= 0.0);
        assert!(p.x.abs() >= 0.3 && p.y.abs() >= 0.3);
    }
    // OR: orange only in the (0, 0) corner.
    for p in generate(Dataset::LogicOr, 2, 0.0, &mut rng) {
        if p.x > 1.5 || p.y > 1.5 {
            assert_eq!(p.label, 1.0);
        }
    }
    // Noise flips some circle labels near the edge.
    let noisy = generate(Dataset::Circle, 2, 0.5, &mut rng);
    assert!(noisy.iter().any(|p| (p.label > 0.0) != ((p.x * p.x + p.y * p.y).sqrt() < 2.5)));
    // K classes.
    for k in [3, 4] {
        for d in [Dataset::Blobs, Dataset::Spiral] {
            let pts = generate(d, k, 0.1, &mut rng);
            for c in 0..k {
                assert!(pts.iter().any(|p| p.label == c as neurona::engine::Real), "{d:?} has class {c}");
            }
        }
    }
}

#[test]
fn splits_follow_the_ratios() {
    let mut rng = Rng::new(5);
    let pts = generate(Dataset::Circle, 2, 0.0, &mut rng);
    let s = split(pts.clone(), 70, 15, &mut rng);
    assert_eq!((s.train.len(), s.validation.len(), s.test.len()), (350, 75, 75));
    let s = split(pts, 50, 0, &mut rng);
    assert_eq!((s.train.len(), s.validation.len(), s.test.len()), (250, 0, 250));
}

#[test]
fn custom_points_are_trained_on() {
    let mut config = {
        let mut c: Config = Config::default();
        c.data.dataset = Dataset::Custom;
        c.data.percent_train = 100;
        c
    };
    config.data.custom_points = (0..40)
        .map(|i| {
            let x = (i % 8) as neurona::engine::Real - 4.0;
            neurona::engine::Point { x: x as _, y: (i / 8) as _, label: if x > 0.0 { 1.0 } else { -1.0 } }
        })
        .collect();
    let t = Trainer::new(config).unwrap();
    assert_eq!(t.train_len(), 40);
}

#[test]
fn the_keras_export_rebuilds_the_same_network() {
    use neurona::engine::export::keras_code;
    let config = {
        let mut c: Config = Config::default();
        c.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 2, activation: Activation::Maxout }];
        c.training.dropout = vec![0.5];
        c.network.features = vec![neurona::engine::Feature::X1, neurona::engine::Feature::SinX2];
        c.network.output = Activation::Sigmoid;
        c.training.loss = Loss::Bce;
        c.training.optimizer = neurona::engine::Optimizer::Adam;
        c
    };
    let t = Trainer::new(config.clone()).unwrap();
    let code = keras_code(&config, &t.network, &t.split, 100);
    assert_eq!(code.matches("keras.layers.Dense(").count(), 3);
    assert!(code.contains("Dense(3, activation='relu'"));
    assert!(code.contains("Dense(4, activation='linear'") && code.contains("_maxout"), "maxout as two pieces");
    assert!(code.contains("Dropout(0.5)"));
    assert!(code.contains("np.stack([x1, np.sin(x2)]"));
    assert!(code.contains("'binary_crossentropy'") && code.contains("NeuronaAdam(learning_rate=0.03, beta_1=0.9, beta_2=0.999)"));
    // The data goes with it, and the fit call that trains on it.
    assert_eq!(code.matches("], dtype=np.float32).reshape(-1, 3)").count(), 3);
    assert!(code.contains("model.fit(") && code.contains("EPOCHS = 100"));
    // Every weight is written: the first kernel's first entry is weight (0, 0).
    let w = t.network.layers[0].weights[0];
    assert!(code.contains(&format!("[[{w:?}")), "first weight {w:?} in the kernel");
    // It is valid Python, where Python is there to say so.
    if let Ok(out) = std::process::Command::new("python3")
        .args(["-c", "import ast, sys; ast.parse(sys.stdin.read())"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(code.as_bytes())?;
            child.wait_with_output()
        })
    {
        assert!(out.status.success(), "{}\n{code}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn csv_points_are_read_and_bad_lines_named() {
    use neurona::engine::csv::parse_csv;
    let text = "x1,x2,label\n1.5, -2, 1\n\n# a comment\n-3;4;-1\n7,0,0\nfoo,1,1\n2\t2\t0.3\n1,2\n";
    let csv = parse_csv(text, 2);
    let (points, bad) = (&csv.points, &csv.bad);
    assert_eq!(points.len(), 4);
    assert_eq!((points[0].x, points[0].y, points[0].label), (1.5, -2.0, 1.0));
    assert_eq!(points[1].label, -1.0);
    assert_eq!((points[2].x, points[2].label), (7.0, -1.0), "kept in its units; 0 is orange");
    assert_eq!(points[3].label, 1.0);
    assert_eq!(csv.names, (String::new(), String::new()), "x1 and x2 name nothing");
    use neurona::engine::csv::CsvProblem::*;
    assert_eq!(*bad, vec![(7, NotThreeNumbers), (9, NotThreeNumbers)]);
    let three = parse_csv("0,0,2\n1,1,3\n1,1,1.5\n1,inf,0\n2e9,0,1", 3);
    assert_eq!(three.points.len(), 1);
    assert_eq!(three.bad, vec![(2, NoSuchClass), (3, NoSuchClass), (4, NotFinite), (5, TooLarge)]);
}

/// A class's pass/fail data: hours studied (0 to 12) and the previous grade (50 to 100); a
/// student passes when a mix of both is high enough, with some noise.
fn pass_fail_csv() -> String {
    let mut rng = Rng::new(7);
    let mut text = String::from("hours studied,previous grade,passed\n");
    for _ in 0..200 {
        let hours = rng.uniform(0.0, 12.0);
        let grade = rng.uniform(50.0, 100.0);
        let passed = hours / 12.0 + (grade - 50.0) / 50.0 + rng.uniform(-0.15, 0.15) > 1.0;
        text += &format!("{hours:.1},{grade:.0},{}\n", passed as u8);
    }
    text
}

#[test]
fn data_in_its_own_units_keeps_them_and_trains_as_well_as_on_the_plane() {
    use neurona::engine::csv::{parse_csv, points_csv};
    let csv = parse_csv(&pass_fail_csv(), 2);
    assert_eq!(csv.points.len(), 200);
    assert_eq!(csv.names, ("hours studied".to_string(), "previous grade".to_string()));
    let axes = csv.axes();
    assert!(axes.x.min <= 0.0 && axes.x.max >= 12.0 && axes.x.max <= 15.0, "{:?}", axes.x);
    assert!(axes.y.min <= 50.0 && axes.y.min >= 40.0 && axes.y.max >= 100.0 && axes.y.max <= 110.0, "{:?}", axes.y);
    let mut config = Config::default();
    config.data.dataset = neurona::engine::Dataset::Custom;
    config.data.custom_points = csv.points.clone();
    config.data.axes = axes.clone();
    config.network.hidden.clear();
    config.network.output = neurona::engine::Activation::Sigmoid;
    config.training.loss = neurona::engine::Loss::Bce;
    config.training.learning_rate = 0.1;
    assert!(config.normalize().is_empty(), "a loaded file needs no repair");
    assert_eq!(config.data.custom_points, csv.points, "points keep their units");
    let mut t = Trainer::new(config.clone()).unwrap();
    assert!(t.split.train.iter().chain(&t.split.test).all(|p| p.x.abs() <= 6.0 && p.y.abs() <= 6.0), "the network sees the plane");
    let spread = t.split.train.iter().map(|p| p.y).fold(f32::NEG_INFINITY as neurona::engine::Real, |a, b| a.max(b))
        - t.split.train.iter().map(|p| p.y).fold(f32::INFINITY as neurona::engine::Real, |a, b| a.min(b));
    assert!(spread > 8.0, "the grades fill the plane: {spread}");
    for _ in 0..300 {
        t.step().unwrap();
    }
    let accuracy = t.last.as_ref().unwrap().test.as_ref().unwrap().accuracy.unwrap();
    assert!(accuracy > 0.85, "trains in its units: test accuracy {accuracy}");
    // The same data squashed onto the plane's edge, as a clamp would leave it, does worse.
    let mut squashed = config.clone();
    squashed.data.axes = Default::default();
    squashed.normalize();
    let mut s = Trainer::new(squashed).unwrap();
    for _ in 0..300 {
        s.step().unwrap();
    }
    let clamped = s.last.as_ref().unwrap().test.as_ref().unwrap().accuracy.unwrap();
    assert!(clamped + 0.1 < accuracy, "clamped {clamped} vs own units {accuracy}");
    // Exported and read back, the data is the same, names and all.
    let again = parse_csv(&points_csv(&config.data.custom_points, &config.data.axes), 2);
    assert_eq!(again.points, config.data.custom_points);
    assert_eq!(again.names, csv.names);
}

#[test]
fn a_few_drawn_points_always_leave_one_to_train_on() {
    let mut rng = Rng::new(1);
    let one = vec![neurona::engine::Point { x: 0.0, y: 0.0, label: 1.0 }];
    let s = split(one, 10, 0, &mut rng);
    assert_eq!(s.train.len(), 1);
}

#[test]
fn the_pass_or_fail_set_is_in_its_own_units_and_a_line_separates_it_well() {
    use neurona::engine::axes::Axes;
    use neurona::engine::csv::split_csv;
    use neurona::engine::data::generate;
    let mut rng = Rng::new(3);
    let points = generate(Dataset::PassFail, 2, 0.0, &mut rng);
    assert_eq!(points.len(), 200);
    assert!(points.iter().all(|p| (0.0..=12.0).contains(&p.x) && (40.0..=100.0).contains(&p.y)), "hours and grades");
    assert!(points.iter().all(|p| (p.x * 10.0).fract() == 0.0 && p.y.fract() == 0.0), "to 0.1 hour and whole grades");
    let passed = points.iter().filter(|p| p.label > 0.0).count();
    assert!((60..=140).contains(&passed), "{passed} of 200 pass");
    // More hours, more passes.
    let rate = |lo: f32, hi: f32| {
        let group: Vec<_> = points.iter().filter(|p| p.x >= lo && p.x < hi).collect();
        group.iter().filter(|p| p.label > 0.0).count() as f64 / group.len().max(1) as f64
    };
    assert!(rate(8.0, 12.1) > rate(0.0, 4.0) + 0.4);
    // One sigmoid neuron learns it (it is nearly linear in hours and grade).
    let mut c = Config::default();
    c.data.dataset = Dataset::PassFail;
    c.network.hidden.clear();
    c.network.output = Activation::Sigmoid;
    c.training.loss = Loss::Bce;
    c.training.learning_rate = 0.1;
    assert!(c.normalize().is_empty());
    let mut t = Trainer::new(c.clone()).unwrap();
    assert!(t.split.train.iter().all(|p| p.x.abs() <= 6.0 && p.y.abs() <= 6.0), "the network sees the plane");
    for _ in 0..200 {
        t.step().unwrap();
    }
    let accuracy = t.last.as_ref().unwrap().test.as_ref().unwrap().accuracy.unwrap();
    assert!(accuracy > 0.85, "test accuracy {accuracy}");
    // Its CSV gives the points back in hours and grades, with their sets.
    let csv = split_csv(&t.split, &Axes::pass_fail());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "hours of study,previous grade,label,set");
    assert_eq!(lines.len(), 201);
    assert_eq!(lines.iter().filter(|l| l.ends_with(",train")).count(), t.split.train.len());
    let first: Vec<f64> = lines[1].split(',').take(3).map(|v| v.parse().unwrap()).collect();
    assert!((0.0..=12.0).contains(&first[0]) && (40.0..=100.0).contains(&first[1]), "{first:?}");
}

#[test]
fn csv_with_decimal_commas_and_semicolons_is_read() {
    use neurona::engine::csv::parse_csv;
    let csv = parse_csv("horas;nota;aprobó\n2,5;7,3;1\n1;4,25;-1\n\"3,75\";\"8\";1\n", 2);
    assert!(csv.bad.is_empty(), "{:?}", csv.bad);
    let xy: Vec<(neurona::engine::Real, neurona::engine::Real, neurona::engine::Real)> = csv.points.iter().map(|p| (p.x, p.y, p.label)).collect();
    assert_eq!(xy, vec![(2.5, 7.3, 1.0), (1.0, 4.25, -1.0), (3.75, 8.0, 1.0)]);
    assert_eq!(csv.names, ("horas".to_string(), "nota".to_string()));
    // Commas alone still separate, as before.
    assert_eq!(parse_csv("2.5,7.3,1", 2).points.len(), 1);
}

#[test]
fn exported_csv_names_cannot_start_a_spreadsheet_formula() {
    use neurona::engine::axes::{Axes, Axis};
    use neurona::engine::csv::points_csv;
    let axes = Axes { x: Axis { name: "=HYPERLINK(\"x\")".into(), min: 0.0, max: 10.0 }, y: Axis { name: "@SUM(A1)".into(), min: 0.0, max: 10.0 } };
    let text = points_csv(&[neurona::engine::Point { x: 1.0, y: 2.0, label: 1.0 }], &axes);
    let header = text.lines().next().unwrap();
    for cell in header.split(',') {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {header}");
    }
    assert!(header.starts_with("'=HYPERLINK"), "the name stays readable: {header}");
}
