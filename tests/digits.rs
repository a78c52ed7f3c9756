//! Data beyond two inputs: the handwritten digits, 8 x 8 grey levels read by the network's
//! first layer as a vector of 64. Loaded exactly as scikit-learn ships them; trained with the
//! same gradients as the plane's networks (checked against finite differences); held to the
//! limits of vector data.

use neurona::engine::config::HiddenLayer;
use neurona::engine::fingerprint::fnv1a_32;
use neurona::engine::limits::{MAX_INPUTS, VECTOR_NEURONS};
use neurona::engine::vectors::{digit_examples, digits, label_of, valid_choice, DIGIT_COUNT};
use neurona::engine::{Activation, Config, Dataset, Loss, Optimizer, Real, Trainer};

fn digits_config(chosen: &[u8], hidden: &[usize]) -> Config {
    let mut c = Config::default();
    c.data.dataset = Dataset::Digits;
    c.data.digits = chosen.to_vec();
    c.data.classes = chosen.len();
    c.network.hidden = hidden.iter().map(|&neurons| HiddenLayer { neurons, activation: Activation::Relu }).collect();
    c.network.output = Activation::Softmax;
    c.training.loss = Loss::SoftmaxCe;
    c
}

#[test]
fn the_digits_are_scikit_learns_exactly() {
    let all: Vec<_> = digits().collect();
    assert_eq!(all.len(), DIGIT_COUNT);
    // scikit-learn's load_digits(): these counts per digit, grey levels 0 to 16.
    let mut counts = [0usize; 10];
    all.iter().for_each(|(_, d)| counts[*d as usize] += 1);
    assert_eq!(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    assert!(all.iter().all(|(px, _)| px.len() == 64 && px.iter().all(|&v| v <= 16)));
    assert_eq!(all.iter().map(|(px, _)| px.iter().map(|&v| v as u64).sum::<u64>()).sum::<u64>(), 561_718);
    // The first image, a 0, as digits.csv.gz's first line has it.
    assert_eq!(&all[0].0[..16], &[0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    let bytes: Vec<u8> = all.iter().flat_map(|(px, d)| px.iter().copied().chain([*d])).collect();
    assert_eq!(fnv1a_32(&bytes), 0xbfb6_2887, "every byte as shipped");
}

#[test]
fn a_choice_of_digits_makes_the_classes() {
    assert!(valid_choice(&[0, 1]) && valid_choice(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    for bad in [&[][..], &[3], &[1, 0], &[2, 2], &[0, 10]] {
        assert!(!valid_choice(bad), "{bad:?}");
    }
    // Two digits are −1 and +1, as every two-class set; more are their place in the choice.
    assert_eq!((label_of(0, &[0, 1]), label_of(1, &[0, 1]), label_of(7, &[0, 1])), (Some(-1.0), Some(1.0), None));
    assert_eq!(label_of(7, &[3, 7, 8]), Some(1.0));
    let (points, rows) = digit_examples(&[0, 1]);
    assert_eq!(points.len(), 178 + 182);
    assert_eq!(rows.len(), points.len() * 64);
    assert!(rows.iter().all(|&v| (0.0..=1.0).contains(&v)), "grey levels over 16");
    // The split keeps each image with its label: 0s are round (ink around an empty middle).
    let mut t = Trainer::new(digits_config(&[0, 1], &[4])).unwrap();
    assert_eq!(t.network.layers[0].n_in, 64);
    assert_eq!(t.split.rows.dims, 64);
    assert_eq!(t.split.train.len() + t.split.test.len(), 360);
    let middle = |row: &[Real]| row[3 * 8 + 3] + row[3 * 8 + 4] + row[4 * 8 + 3] + row[4 * 8 + 4];
    let zeros: Vec<Real> =
        t.split.train.iter().enumerate().filter(|(_, p)| p.label < 0.0).map(|(i, _)| middle(&t.split.rows.train[i * 64..(i + 1) * 64])).collect();
    let ones: Vec<Real> =
        t.split.train.iter().enumerate().filter(|(_, p)| p.label > 0.0).map(|(i, _)| middle(&t.split.rows.train[i * 64..(i + 1) * 64])).collect();
    let mean = |v: &[Real]| v.iter().sum::<Real>() / v.len() as Real;
    assert!(mean(&zeros) < mean(&ones) / 2.0, "a 0's middle is empty, a 1's is inked: {} {}", mean(&zeros), mean(&ones));
    // The same seed, the same split.
    let again = Trainer::new(digits_config(&[0, 1], &[4])).unwrap();
    assert_eq!(t.split, again.split);
    t.step().unwrap();
}

#[test]
fn a_vector_networks_gradients_are_the_slopes_of_its_loss() {
    // One full-batch step of plain gradient descent moves each weight by −η·∂L/∂w: compare
    // with the loss's slope measured by finite differences.
    let mut c = digits_config(&[0, 1, 2], &[6]);
    c.network.hidden[0].activation = Activation::Tanh;
    c.training.batch_size = 1200;
    c.training.optimizer = Optimizer::Sgd;
    let eta = 0.5;
    c.training.learning_rate = eta;
    let mut t = Trainer::new(c.clone()).unwrap();
    let before = t.network.clone();
    t.step().unwrap();
    let after = t.network.clone();
    let mut probe = Trainer::new(c).unwrap();
    let mut loss_with = |net: &neurona::engine::Network| {
        probe.network = net.clone();
        probe.evaluate_training()
    };
    let mut checked = 0;
    for l in 0..before.layers.len() {
        let n = before.layers[l].weights.len();
        for i in (0..n).step_by(n / 12 + 1) {
            let g = (before.layers[l].weights[i] - after.layers[l].weights[i]) as f64 / eta as f64;
            let h = 1e-2 as Real;
            let mut up = before.clone();
            up.layers[l].weights[i] += h;
            let mut down = before.clone();
            down.layers[l].weights[i] -= h;
            let slope = (loss_with(&up) - loss_with(&down)) / (2.0 * h as f64);
            assert!((g - slope).abs() <= 2e-3 + 0.05 * slope.abs(), "layer {l} weight {i}: step {g}, slope {slope}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} weights checked");
}

#[test]
fn all_ten_digits_reach_ninety_percent_with_one_hidden_layer() {
    let mut c = digits_config(&neurona::engine::config::ALL_DIGITS, &[32]);
    c.training.optimizer = Optimizer::Adam;
    c.training.learning_rate = 0.01;
    c.training.batch_size = 32;
    let mut t = Trainer::new(c).unwrap();
    let reached = (1..=30).find(|_| {
        let r = t.step().unwrap();
        r.test.and_then(|m| m.accuracy).unwrap() >= 0.9
    });
    assert!(reached.is_some(), "test accuracy {:?} after 30 epochs", t.last.as_ref().and_then(|r| r.test.as_ref()).and_then(|m| m.accuracy));
    println!("all ten digits: 90% test accuracy at epoch {}", reached.unwrap());
    // The gallery of mistakes is the test images the accuracy counts wrong, each with its
    // guess; a test image's probabilities add up to one and name that guess.
    let test = t.last.as_ref().and_then(|r| r.test.as_ref()).unwrap();
    let wrong = t.test_mistakes(usize::MAX);
    assert_eq!(wrong.len(), (t.split.test.len() as f64 * (1.0 - test.accuracy.unwrap())).round() as usize);
    for m in &wrong {
        let p = t.probabilities_of(t.test_row(m.index).unwrap());
        assert!((p.iter().sum::<Real>() - 1.0).abs() < 1e-4);
        assert_eq!(neurona::engine::reading::guess(&p), m.guess);
        assert_ne!(m.guess, m.class);
    }
    assert_eq!(t.test_mistakes(3).len(), wrong.len().min(3));
}

#[test]
fn vector_data_is_held_to_its_limits() {
    assert_eq!(MAX_INPUTS, 64);
    assert!(Trainer::new(digits_config(&[0, 1], &[VECTOR_NEURONS.max as usize])).is_ok());
    let wide = Trainer::new(digits_config(&[0, 1], &[VECTOR_NEURONS.max as usize + 1])).err().unwrap();
    assert!(wide.contains("at most 32 neurons"), "{wide}");
    let mut mismatched = digits_config(&[0, 1, 2], &[4]);
    mismatched.data.classes = 2;
    assert!(Trainer::new(mismatched).err().unwrap().contains("data.digits"));
    let mut unordered = digits_config(&[1, 0], &[4]);
    unordered.network.output = Activation::Tanh;
    unordered.training.loss = Loss::HalfMse;
    assert!(Trainer::new(unordered).is_err());
    // A file keeps the choice; a file without one (written before digits) takes all ten.
    let old = Config::default().to_json().replace(",\"digits\":[0,1,2,3,4,5,6,7,8,9]", "");
    assert!(!old.contains("digits"), "{old}");
    assert_eq!(Config::from_json(&old).unwrap().data.digits, neurona::engine::config::ALL_DIGITS.to_vec());
    let c = digits_config(&[4, 9], &[4]);
    let back = Config::from_json(&c.to_json()).unwrap();
    assert_eq!(back.data.digits, vec![4, 9]);
}

#[test]
fn a_setup_of_digits_is_brought_within_its_limits_and_says_what_changed() {
    let mut c = digits_config(&[1, 0], &[40]);
    c.data.classes = 3;
    let repairs = c.normalize();
    let keys: Vec<&str> = repairs.iter().map(|r| r.key.as_str()).collect();
    assert!(keys.contains(&"digits") && keys.contains(&"networkShape"), "{repairs:?}");
    assert_eq!((c.data.digits.len(), c.data.classes, c.network.hidden[0].neurons), (10, 10, 32));
    assert!(c.validate().is_ok());
    assert!(c.normalize().is_empty(), "stable once normalized");
    // Two digits keep their choice and take two classes; the plane's limit of 8 neurons is not
    // theirs.
    let mut two = digits_config(&[3, 8], &[20]);
    two.network.output = Activation::Sigmoid;
    two.training.loss = Loss::Bce;
    assert!(two.normalize().is_empty());
    assert_eq!(two.input_count(), 64);
}

#[test]
fn only_the_digits_file_itself_is_taken() {
    use neurona::engine::vectors::provide_digits;
    assert!(provide_digits(vec![0; 10]).unwrap_err().contains("not 116805"));
    let mut wrong = vec![0u8; DIGIT_COUNT * 65];
    wrong[64] = 12;
    assert!(provide_digits(wrong).unwrap_err().contains("no image has"));
    // The file as carried is taken (natively it is carried already: nothing changes).
    let carried: Vec<u8> = digits().flat_map(|(px, d)| px.iter().copied().chain([d])).collect();
    assert!(provide_digits(carried).is_ok());
    assert_eq!(digits().count(), DIGIT_COUNT);
}

/// How many images of a setup of digits are trained on.
fn trained_count(c: &Config) -> usize {
    let n = digit_examples(&c.data.digits).0.len();
    n * c.data.percent_train as usize / 100
}

/// The worker's session, given a setup of digits: every service answers, none panics.
#[test]
fn the_worker_serves_every_request_on_the_digits() {
    use neurona::live::derived::{Asked, Derive};
    use neurona::live::pictures::{Request, THUMB};
    use neurona::live::protocol::{FromWorker, ToWorker};
    use neurona::live::service::{Answer, Ask, Export};
    use neurona::live::session::Session;
    let c = digits_config(&[0, 1, 2], &[6, 4]);
    let mut s = Session::new();
    let now = || 0.0;
    let snapshot = |answer: Option<FromWorker>| match answer {
        Some(FromWorker::Snapshot(s)) => s,
        other => panic!("a snapshot, not {other:?}"),
    };
    snapshot(s.answer(ToWorker::Setup { id: 1, config: Box::new(c.clone()), round: 0, network: None }, &now));
    let trained = snapshot(s.answer(ToWorker::Train { epochs: 5, budget_ms: f64::INFINITY }, &now));
    assert_eq!(trained.epoch, 5);
    // Pictures: each first-layer neuron's 64 weights as its 8 x 8 image; the layer's space
    // carries the training images.
    let request = Request { derive: Asked::new([Derive::Space(0), Derive::Landscape(Default::default())]), ..Request::default() };
    let pictures = snapshot(s.answer(ToWorker::Pictures(request), &now)).pictures.expect("pictures");
    assert_eq!(pictures.thumbnails.len(), (6 + 4) * THUMB * THUMB * 4);
    let first = &pictures.thumbnails[..THUMB * THUMB * 4];
    assert!(first.chunks(4).any(|p| p[..3] != first[..3]), "a weight image has more than one colour");
    let space = pictures.derived.iter().find_map(|(d, a)| matches!(d, Derive::Space(0)).then_some(a));
    assert!(matches!(space, Some(neurona::live::derived::Derived::Space(l)) if l.points.len() == trained_count(&c)), "{space:?}");
    // An earlier epoch shown, then the newest; the model and the Keras file exported.
    let params = trained.parameters.clone();
    snapshot(s.answer(ToWorker::Show(Some((5, params.clone()))), &now));
    snapshot(s.answer(ToWorker::Show(None), &now));
    let network = neurona::engine::model::network_with(&c, &params).unwrap();
    for (what, holds) in [(Export::Model, "\"dataset\":\"digits\""), (Export::Keras, "reshape(-1, 65)")] {
        let Some(FromWorker::Answer { answer: Answer::Text(text), .. }) =
            s.answer(ToWorker::Ask { id: 7, ask: Ask::Export(what, Box::new(network.clone())) }, &now)
        else {
            panic!("a file")
        };
        assert!(text.as_ref().unwrap().contains(holds), "{holds}");
    }
    // The board computes a hand-in of digits again.
    let weights = neurona::engine::handin::flat(&params);
    let Some(FromWorker::Answer { answer: Answer::Checked(checked, _), .. }) =
        s.answer(ToWorker::Ask { id: 8, ask: Ask::Check(vec![(c.clone(), weights)]) }, &now)
    else {
        panic!("checked")
    };
    assert!(checked[0].as_ref().unwrap().accuracy.unwrap() > 0.5);
    // The perceptron on two digits.
    let mut perceptron = digits_config(&[0, 1], &[]);
    perceptron.network.output = Activation::Step;
    perceptron.training.loss = Loss::HalfMse;
    snapshot(s.answer(ToWorker::Setup { id: 2, config: Box::new(perceptron), round: 0, network: None }, &now));
    let moved = snapshot(s.answer(ToWorker::PerceptronPoint(3), &now));
    assert!(moved.perceptron.is_some());
}

/// A digit's 8 x 8 image drawn large on a pad, at another place and size: each grey level
/// inked as a square of that share of ink.
fn drawn(levels: &[u8], side: usize, at: (usize, usize), size: usize) -> Vec<f32> {
    let mut pad = vec![0.0f32; side * side];
    for y in 0..size {
        for x in 0..size {
            let v = levels[(y * 8 / size) * 8 + x * 8 / size] as f32 / 16.0;
            pad[(at.1 + y) * side + at.0 + x] = if v >= 0.5 { 1.0 } else { 0.0 };
        }
    }
    pad
}

#[test]
fn a_digit_drawn_anywhere_on_the_pad_is_read_as_the_sets_images_are() {
    use neurona::engine::vectors::digit_from_drawing;
    assert_eq!(digit_from_drawing(&vec![0.0; 100 * 100], 100), [0; 64], "nothing drawn");
    // A trained network reads a stroke as a 1 and a ring as a 0.
    let mut c = digits_config(&neurona::engine::config::ALL_DIGITS, &[32]);
    c.training.optimizer = Optimizer::Adam;
    c.training.learning_rate = 0.01;
    let mut t = Trainer::new(c).unwrap();
    (0..20).for_each(|_| {
        t.step().unwrap();
    });
    let side = 200;
    let mut one = vec![0.0f32; side * side];
    for y in 30..170 {
        for x in 95..108 {
            one[y * side + x] = 1.0;
        }
    }
    let mut zero = vec![0.0f32; side * side];
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = ((x as f32 - 100.0) / 55.0, (y as f32 - 100.0) / 75.0);
            let r = (dx * dx + dy * dy).sqrt();
            zero[y * side + x] = if (0.75..1.0).contains(&r) { 1.0 } else { 0.0 };
        }
    }
    let class = |row: &[Real]| t.outputs_of(row).iter().enumerate().fold((0, Real::MIN), |best, (k, &p)| if p > best.1 { (k, p) } else { best }).0;
    let read = |pad: &[f32], side: usize| class(&digit_from_drawing(pad, side).iter().map(|&v| v as Real / 16.0).collect::<Vec<_>>());
    // The test images drawn again on a pad, small in a corner or large in the middle (their
    // ink only, each grey level inked or not): the network reads most as it reads the images.
    let test: Vec<(Vec<u8>, usize)> = t
        .split
        .rows
        .test
        .chunks_exact(64)
        .zip(&t.split.test)
        .take(200)
        .map(|(r, p)| (r.iter().map(|v| (v * 16.0).round() as u8).collect(), p.label as usize))
        .collect();
    for (at, size) in [((10, 20), 96), ((60, 30), 160)] {
        let right = test.iter().filter(|(levels, label)| read(&drawn(levels, 240, at, size), 240) == *label).count();
        println!("{right} of 200 drawn at {at:?}, {size} pixels, read right");
        assert!(right >= 150, "{right} of 200 drawn at {at:?}, {size} pixels, read right");
    }
    assert_eq!(read(&one, side), 1, "a stroke is a 1: {:?}", digit_from_drawing(&one, side));
    assert_eq!(read(&zero, side), 0, "a ring is a 0: {:?}", digit_from_drawing(&zero, side));
}

#[test]
fn a_layer_reading_images_is_one_matrix_product_and_each_neuron_its_own_sum() {
    let mut t = Trainer::new(digits_config(&[0, 1, 7], &[5])).unwrap();
    t.step().unwrap();
    let dims = t.split.rows.dims;
    let rows = &t.split.rows.train[..4 * dims];
    let m = neurona::engine::inspect::layer_product_of_rows(&t.network, rows, 0).unwrap();
    assert_eq!((m.w.len(), m.w[0].len(), m.x.len(), m.x[0].len(), m.z.len(), m.z[0].len()), (5, 64, 64, 4, 5, 4));
    for example in 0..4 {
        let row = rows[example * dims..(example + 1) * dims].to_vec();
        assert_eq!(m.x.iter().map(|x| x[example]).collect::<Vec<_>>(), row, "X's columns are the examples");
        for neuron in 0..5 {
            let n = neurona::engine::inspect::neuron_math_of(&t.network, row.clone(), 0, neuron).unwrap();
            let sum: Real = n.inputs.iter().zip(&n.weights).map(|(x, w)| x * w).sum::<Real>() + n.bias;
            assert!((m.z[neuron][example] - n.z).abs() < 1e-4 && (sum - n.z).abs() < 1e-4, "Z = W·X + b is each neuron's Σ wᵢ·xᵢ + b");
        }
    }
    assert!(neurona::engine::inspect::layer_product_of_rows(&t.network, &rows[..dims + 1], 0).is_none(), "a part of a row is no example");
}

#[test]
fn a_hidden_layer_of_a_network_reading_images_has_its_space_too() {
    use neurona::engine::space::{layer_space_of_rows, SpaceAxes};
    let mut t = Trainer::new(digits_config(&[0, 1], &[2, 5])).unwrap();
    for _ in 0..3 {
        t.step().unwrap();
    }
    let rows = &t.split.rows.train;
    let space = layer_space_of_rows(&t.network, rows, &t.split.train, 0).unwrap();
    assert_eq!(space.axes, SpaceAxes::Neurons(2));
    assert_eq!(space.points.len(), t.split.train.len());
    assert!(space.lines.is_empty(), "vectors have no grid of the plane");
    for (s, (carried, label)) in space.points.iter().enumerate().step_by(97) {
        let row = rows[s * 64..(s + 1) * 64].to_vec();
        let u = neurona::engine::inspect::neuron_math_of(&t.network, row.clone(), 0, 0).unwrap().a as f64;
        let v = neurona::engine::inspect::neuron_math_of(&t.network, row, 0, 1).unwrap().a as f64;
        assert!((carried.layer.0 - u).abs() < 1e-5 && (carried.layer.1 - v).abs() < 1e-5, "each image lands at its two neurons' outputs");
        assert_eq!(*label, t.split.train[s].label);
    }
    // Five neurons: their first two principal components, with the share each holds.
    let wide = layer_space_of_rows(&t.network, rows, &t.split.train, 1).unwrap();
    assert!(matches!(wide.axes, SpaceAxes::Principal { explained } if explained[0] >= explained[1] && explained[0] + explained[1] <= 1.0 + 1e-9));
    assert!(layer_space_of_rows(&t.network, rows, &t.split.train, 2).is_none(), "the output has no space of its own here");
    assert!(layer_space_of_rows(&t.network, &rows[1..], &t.split.train, 0).is_none());
}
