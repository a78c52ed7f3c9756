//! The club's own data: pixels of a satellite scene in reflectance, red and near-infrared.
//! Each surface keeps to its typical range; in red alone one neuron cannot tell vegetation
//! from the rest (water is as dark), with the invisible band one line through the origin does
//! (NDVI); the scene and its points follow from the seed.

use neurona::engine::config::HiddenLayer;
use neurona::engine::rng::Rng;
use neurona::engine::satellite::{Cover, Scene, POINTS, SIDE};
use neurona::engine::{Activation, Config, Dataset, Feature, Loss, Trainer};

fn satellite(seed: u64, classes: usize, features: &[Feature]) -> Config {
    let mut c = Config::default();
    c.data.dataset = Dataset::Satellite;
    c.data.seed = seed;
    c.data.classes = classes;
    c.data.noise = 0;
    c.network.features = features.to_vec();
    c.network.hidden = vec![];
    c.network.output = Activation::Sigmoid;
    c.training.loss = Loss::Bce;
    c.training.learning_rate = 0.3;
    c
}

/// Test accuracy after `epochs`.
fn trained(config: Config, epochs: usize) -> f64 {
    let mut t = Trainer::new(config).expect("a valid setup");
    for _ in 0..epochs {
        t.step().expect("no divergence");
    }
    t.evaluate().test.and_then(|m| m.accuracy).unwrap()
}

#[test]
fn each_surface_keeps_to_its_typical_reflectance() {
    let scene = Scene::generate(0.0, &mut Rng::new(3));
    assert_eq!(scene.cover.len(), SIDE * SIDE);
    let mean = |c: Cover| {
        let px: Vec<_> = scene.cover.iter().zip(&scene.bands).filter(|(k, _)| **k == c).map(|(_, b)| *b).collect();
        let n = px.len() as f32;
        (px.iter().map(|b| b.red).sum::<f32>() / n, px.iter().map(|b| b.nir).sum::<f32>() / n, px.iter().map(|b| b.ndvi()).sum::<f32>() / n)
    };
    let (red, nir, ndvi) = mean(Cover::Water);
    assert!(red < 0.06 && nir < 0.05, "water is dark in both: {red} {nir}");
    let (red, nir, ndvi_veg) = mean(Cover::Vegetation);
    assert!(red < 0.1 && nir > 0.25 && ndvi_veg > 0.5, "vegetation: dark red, bright NIR: {red} {nir} {ndvi_veg}");
    let (red, nir, ndvi_soil) = mean(Cover::Soil);
    assert!((0.1..0.3).contains(&red) && nir > red && ndvi_soil < 0.2, "soil along the soil line: {red} {nir} {ndvi_soil}");
    let (red, nir, _) = mean(Cover::Cloud);
    assert!(red > 0.4 && nir > 0.4, "clouds bright in both: {red} {nir}");
    assert!(ndvi < 0.0, "water's NDVI is negative: {ndvi}");
    // Every reflectance is a reflectance, within the axes.
    assert!(scene.bands.iter().all(|b| [b.blue, b.green, b.red, b.nir].iter().all(|v| (0.0..=0.75).contains(v))));
    let shares = scene.shares();
    assert!(shares.iter().all(|&s| s > 0.03), "every surface is in the scene: {shares:?}");
}

#[test]
fn the_scene_and_its_points_follow_from_the_seed() {
    let a = Scene::generate(0.1, &mut Rng::new(5));
    assert_eq!(a, Scene::generate(0.1, &mut Rng::new(5)));
    assert_ne!(a, Scene::generate(0.1, &mut Rng::new(6)));
    let mut config = satellite(5, 4, &[Feature::X1, Feature::X2]);
    config.network.output = Activation::Softmax;
    config.training.loss = Loss::SoftmaxCe;
    let t = Trainer::new(config.clone()).unwrap();
    assert_eq!(t.split, Trainer::new(config).unwrap().split);
    assert_eq!(t.split.train.len() + t.split.validation.len() + t.split.test.len(), POINTS);
    // Four classes, each present; labels 0 to 3.
    let labels: std::collections::BTreeSet<i64> = t.split.train.iter().map(|p| p.label as i64).collect();
    assert_eq!(labels.into_iter().collect::<Vec<_>>(), vec![0, 1, 2, 3]);
}

#[test]
fn red_alone_cannot_tell_vegetation_and_the_invisible_band_can() {
    let mut red_only = Vec::new();
    let mut both = Vec::new();
    for seed in 1..=5 {
        red_only.push(trained(satellite(seed, 2, &[Feature::X1]), 300));
        both.push(trained(satellite(seed, 2, &[Feature::X1, Feature::X2]), 300));
    }
    eprintln!("test accuracy, seeds 1 to 5: red alone {red_only:?}; red and near-infrared {both:?}");
    assert!(red_only.iter().all(|&a| a < 0.8), "one neuron on red alone: {red_only:?}");
    assert!(both.iter().all(|&a| a > 0.95), "one neuron on red and near-infrared: {both:?}");
}

#[test]
fn four_surfaces_need_a_hidden_layer_and_get_it() {
    let mut c = satellite(2, 4, &[Feature::X1, Feature::X2]);
    c.network.hidden = vec![HiddenLayer { neurons: 6, activation: Activation::Tanh }];
    c.network.output = Activation::Softmax;
    c.training.loss = Loss::SoftmaxCe;
    c.training.learning_rate = 0.1;
    let accuracy = trained(c, 300);
    assert!(accuracy > 0.9, "water, vegetation, soil and cloud: {accuracy}");
}

#[test]
fn the_scene_opens_with_its_data_set_and_the_link_keeps_it() {
    use neurona::app::i18n::Lang;
    use neurona::app::link::{parse, to_hash};
    use neurona::app::state::{Action, AppState, Edit, Panel};
    let (s, repairs) = parse("dataset=satellite&scene=true&classes=4", Lang::Es);
    assert!(s.scene && repairs.is_empty() && s.config.data.classes == 4, "{repairs:?}");
    assert!(to_hash(&s).contains("scene=true") && to_hash(&s).contains("dataset=satellite"));
    let (s, repairs) = parse("dataset=circle&scene=true", Lang::Es);
    assert!(!s.scene && !repairs.is_empty(), "no scene without its data; the link is mended and says so");
    // Choosing the data set opens the scene; closing it keeps the data; another data set closes it.
    let state = AppState::new(s).apply(Action::Edit(Edit::Dataset(Dataset::Satellite)));
    assert!(state.settings.scene);
    let closed = state.apply(Action::Panel(Panel::Scene(false)));
    assert!(!closed.settings.scene && closed.settings.config.data.dataset == Dataset::Satellite);
    let other = state.apply(Action::Edit(Edit::Dataset(Dataset::Circle)));
    assert!(!other.settings.scene);
}

#[test]
fn the_infrared_lessons_show_their_point_natively() {
    use neurona::app::state::Lesson;
    // Lesson 9: red alone, then near-infrared added, with the lesson's own setup.
    let red = Lesson::Infrared.config();
    assert_eq!(red.network.features, vec![Feature::X1]);
    let mut both = red.clone();
    both.network.features = vec![Feature::X1, Feature::X2];
    let (red, both) = (trained(red, 60), trained(both, 60));
    assert!(red < 0.8 && both > 0.95, "at the lesson's point: red alone {red}, with near-infrared {both}");
    // Lesson 10: four surfaces with a hidden layer.
    let four = trained(Lesson::FourSurfaces.config(), 150);
    assert!(four > 0.9, "four surfaces at the lesson's point: {four}");
}

#[test]
fn every_lesson_keeps_its_number_in_ids() {
    use neurona::app::state::Lesson;
    let numbers: Vec<usize> = Lesson::ALL.iter().map(|l| l.number()).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 9, 10, 11, 14], "the exercises keep 9 to 11; the satellite lessons and their exercise come after");
}

#[test]
fn the_animation_shows_the_scenes_map_forming_beside_the_plane() {
    use neurona::live::classroom::{start_animation, AnimationAsk};
    let mut c = satellite(2, 2, &[Feature::X1, Feature::X2]);
    c.training.learning_rate = 0.03;
    let mut t = Trainer::new(c.clone()).unwrap();
    let mut frames = vec![(0, t.network.parameters())];
    for _ in 0..12 {
        (0..3).for_each(|_| {
            t.step().unwrap();
        });
        frames.push((t.epoch, t.network.parameters()));
    }
    let ask = AnimationAsk { frames: frames.clone(), word: "Época".into(), discretize: false, show_test: false };
    let mut animation = start_animation(ask, Some(&t)).expect("an animation");
    let gif = loop {
        let (state, done) = animation.step(f64::INFINITY, Some(&mut t), &|| 0.0);
        if done {
            break state.gif.expect("a whole file");
        }
    };
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(gif.as_slice()).unwrap();
    let (w, h) = (decoder.width() as usize, decoder.height() as usize);
    use neurona::render::frames::{SIDE as PLANE, STRIP};
    assert_eq!((w, h), (2 * PLANE, PLANE + STRIP), "the map beside the plane");
    let mut maps = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        let rgba = frame.buffer.to_vec();
        maps.push((0..PLANE).flat_map(|y| rgba[(y * w + PLANE) * 4..][..PLANE * 4].to_vec()).collect::<Vec<u8>>());
    }
    assert_eq!(maps.len(), frames.len());
    assert_ne!(maps.first(), maps.last(), "the map changes as the network learns");
    // The last frame's map is the page's map of the newest weights: each of its pixels in the
    // colour of the class the network gives the scene's pixel under it.
    let map = neurona::engine::satellite::map_scene(&t.network, &t.config).unwrap();
    let colour = |k: u8| neurona::render::colour::class_colour(k as usize, 2);
    let last = maps.last().unwrap();
    let agree = (0..PLANE)
        .flat_map(|y| (0..PLANE).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let class = map.classes[(y * SIDE / PLANE) * SIDE + x * SIDE / PLANE];
            let px = &last[(y * PLANE + x) * 4..][..3];
            colour(class).iter().zip(px).all(|(a, b)| (*a as i32 - *b as i32).abs() <= 24)
        })
        .count();
    assert!(agree as f64 / (PLANE * PLANE) as f64 > 0.98, "{agree} of {} pixels", PLANE * PLANE);
}
