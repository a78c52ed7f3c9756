//! Engine benchmark shared by `cargo bench` and the browser benchmark: the time of one
//! epoch, of both losses, of the 100 x 100 grid with every neuron, of the loss landscape and
//! of the satellite scene's map (one repaint: 128 x 128 pixels through the network), at
//! TensorFlow Playground's default and largest setups; and an epoch of the handwritten digits
//! at 64-32-10. The caller supplies the clock.

use crate::engine::config::HiddenLayer;
use crate::engine::{Config, Dataset, Feature, Grid, Trainer};

/// The setups compared with TensorFlow Playground.
pub fn setups() -> Vec<(&'static str, Config)> {
    let mut largest = Config::default();
    largest.data.dataset = Dataset::Spiral;
    largest.data.percent_train = 90;
    largest.network.features = Feature::ALL[..7].to_vec();
    largest.network.hidden = vec![HiddenLayer { neurons: 8, ..HiddenLayer::default() }; 6];
    vec![("default", Config::default()), ("largest", largest)]
}

/// Measured figures for one setup, in microseconds.
#[derive(Clone, Debug)]
pub struct Figures {
    /// Setup name.
    pub setup: &'static str,
    /// One epoch of training.
    pub epoch_us: f64,
    /// Training and test loss (with accuracy).
    pub losses_us: f64,
    /// The 100 x 100 grid with every neuron's output.
    pub grid_us: f64,
    /// The loss landscape (41 x 41 training losses) around the weights, on the plane of a
    /// path of 48 states.
    pub landscape_us: f64,
    /// The satellite scene mapped by the network (128 x 128 pixels): one repaint of
    /// `#scene-view`, in the worker.
    pub scene_us: f64,
    /// At the default setup: a sweep of 8 runs of 500 epochs, and 4,000 epochs of one run
    /// (milliseconds).
    pub sweep_ms: Option<(f64, f64)>,
    /// At the largest setup: one epoch of all ten handwritten digits (898 training images) at
    /// 64-32-10 with softmax, batches of 10 (microseconds).
    pub digits_epoch_us: Option<f64>,
}

impl Figures {
    /// Epochs per second when only training runs.
    pub fn epochs_per_second(&self) -> f64 {
        1e6 / self.epoch_us
    }

    /// One frame's engine work: an epoch, both losses and the grid.
    pub fn frame_us(&self) -> f64 {
        self.epoch_us + self.losses_us + self.grid_us
    }

    /// A line of text with every figure.
    pub fn line(&self) -> String {
        format!(
            "{:<8} epoch {:>8.1} us | losses {:>7.1} us | grid {:>8.1} us | frame {:>8.1} us | {:>8.0} epochs/s | landscape {:>6.1} ms | scene map {:>6.1} ms",
            self.setup,
            self.epoch_us,
            self.losses_us,
            self.grid_us,
            self.frame_us(),
            self.epochs_per_second(),
            self.landscape_us / 1000.0,
            self.scene_us / 1000.0
        ) + &self.sweep_ms.map_or(String::new(), |(sweep, plain)| format!(" | sweep 8 x 500 epochs {sweep:.0} ms, 4,000 epochs {plain:.0} ms"))
            + &self.digits_epoch_us.map_or(String::new(), |d| format!(" | digits 64-32-10 epoch {:.1} ms", d / 1000.0))
    }
}

/// Runs each part at least `repeats` times and 200 ms (after a warm-up) and returns the
/// mean, per setup.
/// `now` returns a time in milliseconds.
pub fn run(repeats: usize, now: &dyn Fn() -> f64) -> Vec<Figures> {
    setups()
        .into_iter()
        .map(|(name, config)| {
            let network = config.network.clone();
            let mut trainer = Trainer::new(config).expect("benchmark setups are valid");
            let mut grid = Grid::new(100, -6.0, 6.0);
            for _ in 0..5 {
                trainer.train_epoch().expect("finite");
                trainer.evaluate();
                grid.evaluate(&trainer.network, network.inputs());
            }
            // At least `repeats` runs and at least 200 ms, so coarse clocks still give figures.
            let time_at_least = |repeats: usize, f: &mut dyn FnMut()| {
                let start = now();
                let mut runs = 0usize;
                while runs < repeats || now() - start < 200.0 {
                    f();
                    runs += 1;
                }
                (now() - start) * 1000.0 / runs as f64
            };
            let time = |f: &mut dyn FnMut()| time_at_least(repeats, f);
            let epoch_us = time(&mut || {
                trainer.train_epoch().expect("finite");
            });
            let losses_us = time(&mut || {
                trainer.evaluate();
            });
            let grid_us = time(&mut || grid.evaluate(&trainer.network, network.inputs()));
            let path: Vec<_> = (0..48)
                .map(|_| {
                    trainer.train_epoch().expect("finite");
                    trainer.network.parameters()
                })
                .collect();
            let current = trainer.network.parameters();
            let landscape_us = time_at_least(repeats.min(3), &mut || {
                trainer.landscape(&current, &path, crate::engine::landscape::Plane::Principal).expect("a path of 48 epochs spans a plane");
            });
            // The same network on the satellite data: the scene's map, as the worker repaints it.
            let mut scene = trainer.config.clone();
            scene.data.dataset = Dataset::Satellite;
            let scene_us = time_at_least(repeats.min(3), &mut || {
                crate::engine::satellite::map_scene(&trainer.network, &scene).expect("the satellite scene");
            });
            let sweep_ms = (name == "default").then(|| sweep_against_one_run(&trainer.config, now));
            let digits_epoch_us = (name == "largest").then(|| digits_epoch(&mut |f| time_at_least(repeats.min(10), f))).flatten();
            Figures { setup: name, epoch_us, losses_us, grid_us, landscape_us, scene_us, sweep_ms, digits_epoch_us }
        })
        .collect()
}

/// All ten handwritten digits through one hidden layer of `neurons` ReLU neurons and softmax.
pub fn digits_setup(neurons: usize) -> Config {
    use crate::engine::{Activation, Loss};
    let mut c = Config::default();
    c.data.dataset = Dataset::Digits;
    c.data.classes = 10;
    c.network.hidden = vec![HiddenLayer { neurons, activation: Activation::Relu }];
    c.network.output = Activation::Softmax;
    c.training.loss = Loss::SoftmaxCe;
    c
}

/// One epoch of all ten digits at 64-32-10, timed by `time`; none while the digits are not
/// loaded.
fn digits_epoch(time: &mut dyn FnMut(&mut dyn FnMut()) -> f64) -> Option<f64> {
    let mut t = Trainer::new(digits_setup(32)).ok()?;
    t.train_epoch().ok()?;
    Some(time(&mut || {
        t.train_epoch().expect("finite");
    }))
}

/// The time of a sweep of `config`'s learning rate (8 runs of 500 epochs) and of one run of
/// 4,000 epochs as the worker trains it (milliseconds).
fn sweep_against_one_run(config: &crate::engine::Config, now: &dyn Fn() -> f64) -> (f64, f64) {
    use crate::engine::sweep::{values, Knob, Sweep};
    let tried = values(Knob::LearningRate, 0.003, 0.3, 8);
    let mut sweep = Sweep::new(config.clone(), Knob::LearningRate, tried, 500, 0).expect("the default setup sweeps");
    let start = now();
    sweep.run(&mut || true);
    let sweep_ms = now() - start;
    let mut one = Trainer::new(config.clone()).expect("the default setup trains");
    let start = now();
    for _ in 0..4000 {
        one.step_lean().expect("finite");
    }
    one.measure_last();
    (sweep_ms, now() - start)
}

/// The figures as a JSON list, one object per setup (for the browser benchmark).
pub fn to_json(figures: &[Figures]) -> String {
    let objects: Vec<String> = figures
        .iter()
        .map(|f| {
            format!(
                "{{\"setup\":\"{}\",\"epochUs\":{},\"lossesUs\":{},\"gridUs\":{},\"frameUs\":{},\"epochsPerSecond\":{},\"landscapeUs\":{},\"sceneUs\":{},\"sweepMs\":{},\"fourThousandMs\":{},\"digitsEpochUs\":{}}}",
                f.setup,
                f.epoch_us,
                f.losses_us,
                f.grid_us,
                f.frame_us(),
                f.epochs_per_second().round(),
                f.landscape_us,
                f.scene_us,
                f.sweep_ms.map_or("null".into(), |s| s.0.to_string()),
                f.sweep_ms.map_or("null".into(), |s| s.1.to_string()),
                f.digits_epoch_us.map_or("null".into(), |d| d.to_string())
            )
        })
        .collect();
    format!("[{}]", objects.join(","))
}
