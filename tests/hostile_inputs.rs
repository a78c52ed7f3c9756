//! Everything that enters from outside — links, model files, CSV files — random and mutated,
//! 100,000 times in all: the readers never panic, and give either a valid result or an error
//! that names what is wrong.

use neurona::app::i18n::Lang;
use neurona::app::link::{parse, to_hash};
use neurona::engine::csv::parse_csv;
use neurona::engine::model::ModelProblem;
use neurona::engine::network::Workspace;
use neurona::engine::rng::Rng;
use neurona::engine::{Config, Model, Trainer};

/// Replaces a random stretch of `text` by something hostile: another number, a huge or
/// negative one, a letter, nothing, or a copy of another stretch.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return "x".into();
    }
    let start = rng.below(chars.len());
    let end = (start + 1 + rng.below(6)).min(chars.len());
    let insert: String = match rng.below(10) {
        0 => "1e39".into(),
        1 => "-1".into(),
        2 => "4294967295".into(),
        3 => "1000000".into(),
        4 => "NaN".into(),
        5 => String::new(),
        6 => "\"".into(),
        7 => "[".into(),
        8 => chars[rng.below(chars.len())..].iter().take(12).collect(),
        _ => (rng.below(100) as i64 - 50).to_string(),
    };
    chars[..start].iter().collect::<String>() + &insert + &chars[end..].iter().collect::<String>()
}

fn sample_model(rng: &mut Rng) -> String {
    let mut config = Config::default();
    config.network.hidden.truncate(rng.below(3));
    config.data.dataset = neurona::engine::Dataset::Xor;
    let t = Trainer::new(config.clone()).unwrap();
    Model { version: 2, config, network: t.network }.to_json()
}

#[test]
fn hostile_model_files_are_refused_by_field_or_opened_within_limits() {
    let mut rng = Rng::new(101);
    let models: Vec<String> = (0..3).map(|_| sample_model(&mut rng)).collect();
    let (mut opened, mut refused) = (0, 0);
    for i in 0..40_000 {
        let mut text = models[i % models.len()].clone();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&text, &mut rng);
        }
        match Model::from_json(&text) {
            Ok((model, _)) => {
                opened += 1;
                assert!(model.config.validate().is_ok(), "{text}");
                // It runs: one forward pass, finite.
                let inputs: Vec<neurona::engine::Real> = vec![0.5; model.network.n_inputs];
                let mut ws = Workspace::default();
                model.network.forward(&inputs, 1, &mut ws, None);
                assert!(ws.a.last().unwrap().iter().take(model.config.outputs()).all(|v| v.is_finite()), "{text}");
            }
            Err(why) => {
                refused += 1;
                let not_json = matches!(why.problem, ModelProblem::NotJson { .. });
                assert!(not_json || (!why.field.is_empty() && !why.field.contains(' ')), "an error names the field: {why:?}");
            }
        }
    }
    assert!(opened > 1_000 && refused > 1_000, "both outcomes are exercised: {opened} opened, {refused} refused");
}

#[test]
fn hostile_links_give_a_valid_setup_with_a_stable_link() {
    let mut rng = Rng::new(202);
    let base = to_hash(&parse("networkShape=4,3&dropout=0.5,0&inspect=2,1&matrix=1&points=1,2,1;3,4,-1&dataset=custom&classes=3", Lang::En).0);
    for _ in 0..40_000 {
        let mut text = base.clone();
        for _ in 0..1 + rng.below(4) {
            text = mutate(&text, &mut rng);
        }
        let (settings, _) = parse(&text, Lang::En);
        assert!(settings.config.validate().is_ok(), "{text}");
        let again = to_hash(&settings);
        let (back, repairs) = parse(&again, Lang::En);
        assert!(repairs.is_empty(), "{text} -> {again}: {repairs:?}");
        assert_eq!(back, settings, "{text}");
    }
}

#[test]
fn hostile_csv_files_give_finite_points_and_name_the_bad_lines() {
    let mut rng = Rng::new(303);
    let base = "x1,x2,label\n1,2,1\n-3.5,4,0\n# a comment\n0.25;-1;1\n5\t5\t-1\n";
    for _ in 0..20_000 {
        let mut text = base.to_string();
        for _ in 0..1 + rng.below(4) {
            text = mutate(&text, &mut rng);
        }
        let classes = 2 + rng.below(3);
        let csv = parse_csv(&text, classes);
        let (points, bad) = (&csv.points, &csv.bad);
        let axes = csv.axes();
        assert!(points.is_empty() || (axes.x.is_valid() && axes.y.is_valid()), "{axes:?} for {text:?}");
        assert!(points.iter().all(|p| p.x.is_finite() && p.y.is_finite() && p.label.is_finite()), "{text:?}");
        let lines = text.lines().count();
        assert!(bad.iter().all(|&(l, _)| l >= 1 && l <= lines), "bad lines are numbered from 1: {bad:?} in {text:?}");
    }
}

#[test]
fn model_files_at_and_over_every_limit_are_held_to_the_controls_limits() {
    use neurona::engine::limits::{LAYERS, MAX_POINTS, NEURONS};
    use neurona::engine::{Dataset, Point};
    let model_with = |points: usize| {
        let mut config = Config::default();
        config.data.dataset = Dataset::Custom;
        config.data.custom_points =
            (0..points).map(|i| Point { x: (i % 100) as neurona::engine::Real / 10.0 - 5.0, y: 0.5, label: if i % 2 == 0 { 1.0 } else { -1.0 } }).collect();
        let network = Trainer::new(Config::default()).unwrap().network;
        Model { version: 2, config, network }.to_json()
    };
    // Points: at the limit kept whole, over it thinned evenly and said.
    let (at, repairs) = Model::from_json(&model_with(MAX_POINTS)).unwrap();
    assert_eq!(at.config.data.custom_points.len(), MAX_POINTS);
    assert!(repairs.iter().all(|r| r.key != "points"));
    let (over, repairs) = Model::from_json(&model_with(MAX_POINTS * 20)).unwrap();
    assert_eq!(over.config.data.custom_points.len(), MAX_POINTS);
    let said = repairs.iter().find(|r| r.key == "points").expect("the thinning is said");
    assert_eq!((said.given.as_str(), said.used.as_deref()), ("200000 points", Some("10000 points, evenly spread")));
    // Layers and neurons: over the limits, the setup is held to them and its weights no longer
    // fit, so the file is refused by field rather than opened with more than the controls allow.
    for (layers, neurons) in [(LAYERS.max as usize + 1, 2), (1, NEURONS.max as usize + 1)] {
        let mut config = Config::default();
        config.network.hidden = vec![neurona::engine::config::HiddenLayer { neurons, ..Default::default() }; layers];
        let network = neurona::engine::Network::new(
            2,
            &vec![neurona::engine::network::HiddenLayer { neurons, activation: neurona::engine::Activation::Tanh }; layers],
            1,
            neurona::engine::Activation::Tanh,
            neurona::engine::Init::Playground,
            1.0,
            &mut Rng::new(1),
        );
        let text = serde_json::json!({ "version": 2, "config": serde_json::to_value(&config).unwrap(), "network": serde_json::to_value(&network).unwrap() })
            .to_string();
        match Model::from_json(&text) {
            Ok((m, _)) => {
                assert!(m.config.network.hidden.len() <= LAYERS.max as usize);
                assert!(m.config.network.hidden.iter().all(|h| h.neurons <= NEURONS.max as usize));
            }
            Err(e) => assert!(e.field.starts_with("network"), "named by field: {e:?}"),
        }
    }
}

#[test]
fn hostile_hand_in_codes_are_named_or_checked_and_never_trusted_wrongly() {
    use neurona::app::board::{asks, read, rows};
    use neurona::engine::handin::{flat, HandIn};
    let mut rng = Rng::new(202);
    let mut board = neurona::settings::Settings::new(Lang::Es);
    board.config.data.dataset = neurona::engine::Dataset::Xor;
    let t = Trainer::new(board.config.clone()).unwrap();
    let honest = HandIn {
        name: "Ana".into(),
        link: neurona::app::link::to_short_hash(&board),
        epoch: 0,
        test_loss: 0.0,
        accuracy: None,
        weights: flat(&t.network.parameters()),
    };
    let code = honest.encode().unwrap();
    let (mut named, mut checked) = (0, 0);
    for i in 0..3_000 {
        // The code's text mutated (its sum catches it), or what it holds mutated and its sum
        // mended (the board reads a hostile setup and weights).
        let text = if i % 2 == 0 {
            mutate(&code, &mut rng)
        } else {
            let mut h = honest.clone();
            h.link = mutate(&h.link, &mut rng);
            let keep = rng.below(h.weights.len() + 2);
            h.weights.truncate(keep);
            h.encode().unwrap_or_else(|_| code.clone())
        };
        let (pending, bad) = read(&text, &board);
        named += bad.len();
        let rows = rows(&pending, &neurona::live::classroom::check(&asks(&pending)));
        for r in &rows {
            checked += 1;
            // Only a result computed again and equal to the claim is trusted.
            if r.valid {
                let again = r.recomputed.expect("computed");
                assert!(neurona::engine::handin::claim_holds(r.claimed, again), "{text}");
            }
        }
    }
    assert!(named > 500 && checked > 500, "{named} named, {checked} checked");
}

#[test]
fn a_text_cut_to_its_limit_is_said() {
    let question = "¿Por qué? ".repeat(10_000);
    let name = "n".repeat(100_000);
    let (s, repairs) = parse(&format!("goalText={question}&x1Name={name}&dataset=custom&points=1,1,1"), Lang::Es);
    assert_eq!(s.exercise.text.chars().count(), neurona::app::exercise::MAX_TEXT_CHARS);
    let keys: Vec<&str> = repairs.iter().map(|r| r.key.as_str()).collect();
    assert!(keys.contains(&"goalText") && keys.contains(&"x1Name"), "{keys:?}");
    // A text within its limit is not a repair.
    let (_, repairs) = parse("goalText=%C2%BFCu%C3%A1ntas%3F&x1Name=rojo", Lang::Es);
    assert!(repairs.is_empty(), "{repairs:?}");
}

#[test]
fn a_playground_seed_too_long_to_be_one_is_replaced_and_said_at_every_door() {
    let long = "0.".to_string() + &"7".repeat(1_000_000);
    let (s, repairs) = parse(&format!("seed={long}"), Lang::En);
    assert_eq!(s.config.data.playground_seed, None);
    assert!(repairs.iter().any(|r| r.key == "seed"), "{:?}", repairs.iter().map(|r| &r.key).collect::<Vec<_>>());
    // From a model file: the same limit.
    let mut c = Config::default();
    c.data.playground_seed = Some(long.clone());
    let fixes = c.normalize();
    assert_eq!(c.data.playground_seed, None);
    assert!(fixes.iter().any(|r| r.key == "seed"));
    // The link written afterwards opens the same run.
    let mut settings = neurona::settings::Settings::new(Lang::En);
    settings.config = c;
    let (again, repairs) = parse(&to_hash(&settings), Lang::En);
    assert!(repairs.is_empty(), "{repairs:?}");
    assert_eq!(again.config.data.seed, settings.config.data.seed);
    // TensorFlow Playground's own seeds stay as written.
    let (tfp, _) = parse("seed=0.66230", Lang::En);
    assert_eq!(tfp.config.data.playground_seed.as_deref(), Some("0.66230"));
}
