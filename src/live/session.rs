//! The worker's side, as plain Rust: owns the trainer and answers each request with a
//! snapshot. The browser worker only wraps it, so its behaviour is tested natively.

use super::derived::Derive;
use super::pictures::{Painter, Request};
use super::protocol::{Event, FromWorker, RunSnapshot, Shown, Snapshot, ToWorker};
use crate::engine::{Real, TrainError, Trainer};

/// The trainer and what the page has not been told yet.
#[derive(Default)]
pub struct Session {
    trainer: Option<Trainer>,
    setup: u64,
    /// The draw of initial weights of the current setup (the compared run uses it too).
    round: u64,
    /// The compared setup's run, trained epoch for epoch with the first.
    compare: Option<Trainer>,
    /// Whether the compared run started afresh since the last snapshot.
    compare_restarted: bool,
    /// Whether the run started afresh since the last snapshot (its data goes with it).
    restarted: bool,
    /// What the pictures show, once the page asked for pictures.
    request: Option<Request>,
    painter: Painter,
    /// The state the last pictures were painted from, per run: answers carry pictures only
    /// when it moved.
    painted: Option<u64>,
    compare_painted: Option<u64>,
    /// When each run's pictures were last painted (milliseconds): while training as fast as
    /// it can, at most as often as the page draws (see [`PAINT_EVERY_MS`]).
    painted_at: (f64, f64),
    /// The run's path, for the loss landscape.
    trail: super::trail::Trail,
    /// When what is computed for a view and spaced out (the landscape) was last computed, and
    /// how long that took (milliseconds).
    spaced_at: (f64, f64),
    /// Whether the last pictures lack a spaced-out kind that was not due: the next answer
    /// that does not stream paints them again, with it.
    spaced_owed: bool,
    /// The sliced jobs under way (hints, sweeps, animations).
    jobs: super::jobs::Jobs,
}

/// While training runs as fast as it can, the pictures are painted at most this often
/// (milliseconds), the compared setup's half as often: the page draws 60 frames a second.
/// Any other answer (a step, an edit, a picture asked for) paints what changed at once.
pub const PAINT_EVERY_MS: f64 = 15.0;

/// While training runs as fast as it can, what is computed for a view and spaced out (the
/// loss landscape: 41 x 41 evaluations of the training loss) is computed at most this often
/// (milliseconds), and at most a tenth of the time: a landscape that took 80 ms waits 800 ms.
pub const SPACED_EVERY_MS: f64 = 500.0;

impl Session {
    /// A session with nothing to train until the first `Setup`.
    pub fn new() -> Session {
        Session::default()
    }

    /// The live trainer, when the setup could be built.
    pub fn trainer(&self) -> Option<&Trainer> {
        self.trainer.as_ref()
    }

    /// The compared run, when there is one.
    pub fn compare(&self) -> Option<&Trainer> {
        self.compare.as_ref()
    }

    /// Starts the compared run afresh from `config` with the current setup's draw of weights.
    fn start_compare(&mut self, config: crate::engine::Config) {
        self.compare = start(config, self.round, None);
        self.compare_restarted = true;
    }

    /// Answers one message: a service's answer, or the state after any other request; none
    /// to a job's step or drop when no such job is under way.
    pub fn answer(&mut self, message: ToWorker, now: &dyn Fn() -> f64) -> Option<FromWorker> {
        match message {
            ToWorker::Ask { id, ask } => Some(self.jobs.serve(id, ask, self.trainer.as_mut(), self.round, now)),
            ToWorker::Step { id, budget_ms } => self.jobs.step(id, budget_ms, self.trainer.as_mut(), now),
            ToWorker::Drop(id) => {
                self.jobs.drop(id);
                None
            }
            other => Some(FromWorker::Snapshot(Box::new(self.handle(other, now)))),
        }
    }

    /// Handles one request; `now` gives milliseconds (for the time budget of `Train`).
    pub fn handle(&mut self, mut message: ToWorker, now: &dyn Fn() -> f64) -> Snapshot {
        // A typed formula the page has by its text only (from a link) is read here.
        match &mut message {
            ToWorker::Setup { config, .. } | ToWorker::Resume { config, .. } | ToWorker::Live(config) | ToWorker::Compare(Some(config)) => {
                super::jobs::read_formula(config)
            }
            _ => {}
        }
        let mut snapshot = Snapshot::default();
        // The compared run gets as long as the request allows the first (a few milliseconds
        // for a request that does not train).
        // A stream of training (a pace of several epochs a request, within a budget) paints
        // at the page's pace only.
        let streaming = matches!(message, ToWorker::Train { epochs, budget_ms } if epochs > 1 && budget_ms.is_finite());
        let compare_budget = match &message {
            ToWorker::Train { budget_ms, .. } => *budget_ms,
            _ => 8.0,
        };
        match message {
            ToWorker::Setup { id, config, round, network } => {
                self.setup = id;
                self.round = round;
                self.trainer = start(*config, round, network.map(|n| *n));
                self.restarted = true;
                // A compared run starts again with the first (the page sends it anew).
                self.compare = None;
                self.trail.clear();
            }
            ToWorker::Compare(config) => match (config, self.compare.as_mut()) {
                (None, _) => self.compare = None,
                (Some(c), Some(t)) if !t.config.needs_new_network(&c) => t.update_live(&c),
                (Some(c), _) => self.start_compare(*c),
            },
            ToWorker::Resume { id, config, round, network, epoch } => {
                self.setup = id;
                self.round = round;
                self.trainer = start(*config, round, Some(*network)).map(|mut t| {
                    t.epoch = epoch;
                    if let Some(r) = t.last.as_mut() {
                        r.epoch = epoch;
                    }
                    t
                });
                self.trail.clear();
            }
            ToWorker::Live(config) => {
                if let Some(t) = &mut self.trainer {
                    let switched = (&t.config.training.off, &t.config.training.frozen) != (&config.training.off, &config.training.frozen);
                    t.update_live(&config);
                    // A neuron switched off changes the losses at once, as the pictures.
                    if switched {
                        t.last = Some(t.evaluate());
                        snapshot.report = t.last.clone();
                    }
                }
            }
            ToWorker::SetParameter { layer, neuron, input, value } => {
                if let Some(t) = &mut self.trainer {
                    t.set_parameter(layer, neuron, input, value);
                }
            }
            ToWorker::SetParameters(parameters) => {
                if let Some(t) = &mut self.trainer {
                    t.set_parameters(&parameters);
                }
            }
            ToWorker::Show(shown) => {
                snapshot.shown = match (shown, self.trainer.as_mut()) {
                    (None, _) => Some(Shown::Newest),
                    (Some((epoch, parameters)), Some(t)) => {
                        t.measure_weights(&parameters, epoch).map(|report| Shown::Earlier { epoch, parameters, report: Box::new(report) })
                    }
                    (Some(_), None) => None,
                };
            }
            ToWorker::Rewind { epoch, parameters } => {
                if let Some(t) = &mut self.trainer {
                    if t.rewind(epoch, &parameters) {
                        snapshot.rewound = Some(epoch);
                    }
                }
                self.trail.truncate_after(epoch);
                // The compared run has no snapshots to go back to: it starts over and catches up.
                if let Some(c) = self.compare.as_ref().map(|t| t.config.clone()) {
                    self.start_compare(c);
                }
            }
            ToWorker::Train { epochs, budget_ms } => self.train(epochs, budget_ms, now, &mut snapshot),
            ToWorker::PerceptronTick => self.perceptron_move(&mut snapshot),
            ToWorker::PerceptronPoint(k) => snapshot.perceptron = self.trainer.as_mut().and_then(|t| t.perceptron_point(k)),
            ToWorker::Pictures(request) => self.request = Some(request),
            ToWorker::Paint { request, epoch, parameters } => {
                self.request = Some(request);
                if let Some(t) = &mut self.trainer {
                    snapshot.pictures = self.painter.paint_at(t, request, epoch, &parameters, true).map(|mut p| {
                        let trail = &self.trail;
                        p.derived = request.derive.iter().filter_map(|d| Some((d, d.compute(t, Some(&parameters), || trail.before(epoch))?))).collect();
                        Box::new(p)
                    });
                }
            }
            // Answered by `answer`; the run is as it was.
            ToWorker::Ask { .. } | ToWorker::Step { .. } | ToWorker::Drop(_) => {}
        }
        self.follow_with_compare(now, compare_budget, &mut snapshot);
        self.paint(&mut snapshot, now, streaming);
        snapshot.setup = self.setup;
        if let Some(t) = &self.trainer {
            snapshot.epoch = t.epoch;
            snapshot.parameters = t.network.parameters();
            snapshot.report = t.last.clone();
            snapshot.trainable = t.stopped.is_none();
            if std::mem::take(&mut self.restarted) {
                snapshot.split = Some(Box::new(t.split.clone()));
            }
        }
        snapshot
    }

    /// Paints the pictures the page asked for, of each run whose weights or picture request
    /// changed since it was last painted; while `streaming`, no sooner than the page draws.
    fn paint(&mut self, snapshot: &mut Snapshot, clock: &dyn Fn() -> f64, streaming: bool) {
        let Some(request) = self.request else { return };
        let now = clock();
        let due = |at: f64, every: f64| !streaming || now - at >= every || now < at;
        // Pictures of another state, asked for by name, are this answer's.
        if let Some(t) = self.trainer.as_mut().filter(|_| snapshot.pictures.is_none()) {
            let key = state_key(self.setup, t, request);
            if (self.painted != Some(key) || (self.spaced_owed && !streaming)) && due(self.painted_at.0, PAINT_EVERY_MS) {
                self.painted = Some(key);
                self.painted_at.0 = now;
                let mut pictures = self.painter.paint(t, request, true);
                let (trail, epoch) = (&self.trail, t.epoch);
                let (at, took) = self.spaced_at;
                let spaced_due = due(at, SPACED_EVERY_MS.max(10.0 * took));
                self.spaced_owed = !spaced_due && request.derive.iter().any(Derive::spaced);
                for d in request.derive.iter().filter(|d| !d.spaced() || spaced_due) {
                    let start = clock();
                    pictures.derived.extend(d.compute(t, None, || trail.before(epoch)).map(|a| (d, a)));
                    if d.spaced() {
                        self.spaced_at = (now, clock() - start);
                    }
                }
                snapshot.pictures = Some(Box::new(pictures));
            }
        }
        if let (Some(c), Some(run)) = (&self.compare, snapshot.compare.as_mut()) {
            let output = Request { neuron: None, derive: Default::default(), ..request };
            let key = state_key(self.setup, c, output);
            if (self.compare_painted != Some(key) && due(self.painted_at.1, 2.0 * PAINT_EVERY_MS)) || run.restarted {
                self.compare_painted = Some(key);
                self.painted_at.1 = now;
                run.picture = Some(self.painter.paint(c, output, false).heatmap);
            }
        }
    }

    /// The perceptron's rule on the next training points up to the first that moves the line,
    /// or to the end of the epoch: each request shows one move (points already on their side
    /// change nothing and are passed at once).
    fn perceptron_move(&mut self, snapshot: &mut Snapshot) {
        let Some(t) = &mut self.trainer else { return };
        while let Some((step, report)) = t.perceptron_tick() {
            if report.is_some() {
                snapshot.trained = 1;
                snapshot.history.extend(kept_point(t));
                break;
            }
            if step.changed {
                break;
            }
        }
    }

    /// Trains the compared run up to the first's epoch, within `budget` milliseconds more, and
    /// adds it to the snapshot.
    fn follow_with_compare(&mut self, now: &dyn Fn() -> f64, budget: f64, snapshot: &mut Snapshot) {
        let (Some(c), Some(t)) = (self.compare.as_mut(), self.trainer.as_ref()) else { return };
        let start = now();
        let mut history = Vec::new();
        while c.epoch < t.epoch && c.stopped.is_none() && now() - start <= budget {
            if c.step_lean().is_err() {
                break;
            }
            history.extend(kept_point(c));
        }
        c.measure_last();
        snapshot.compare = Some(RunSnapshot {
            epoch: c.epoch,
            parameters: c.network.parameters(),
            report: c.last.clone(),
            history,
            restarted: self.compare_restarted,
            split: std::mem::take(&mut self.compare_restarted).then(|| c.split.clone()),
            picture: None,
        });
    }

    /// Runs up to `epochs` epochs within `budget_ms`, noting new history points and events.
    fn train(&mut self, epochs: u64, budget_ms: f64, now: &dyn Fn() -> f64, snapshot: &mut Snapshot) {
        let Some(t) = &mut self.trainer else { return };
        if t.stopped.is_some() {
            return;
        }
        let start = now();
        self.trail.record(t.epoch, || t.network.parameters());
        while snapshot.trained < epochs {
            match t.step_lean() {
                Ok(report) => {
                    snapshot.trained += 1;
                    if let Some(stop) = report.and_then(|r| r.early_stop) {
                        // The run went back to the best epoch; the chart keeps the epochs up to the stop.
                        snapshot.history.extend(t.history.points.last().filter(|p| p.epoch == stop.stopped_epoch).copied());
                        snapshot.event = Some(Event::EarlyStopped { at: stop.stopped_epoch, best: stop.best_epoch });
                        break;
                    }
                    snapshot.history.extend(kept_point(t));
                    self.trail.record(t.epoch, || t.network.parameters());
                }
                Err(TrainError::Diverged { epoch }) => {
                    snapshot.event = Some(Event::Diverged(epoch));
                    break;
                }
            }
            if now() - start > budget_ms {
                break;
            }
        }
        // The figures the page shows are the last epoch's.
        t.measure_last();
        snapshot.train_ms = now() - start;
    }
}

/// A fingerprint of what a run's pictures show: the setup, the epoch, the request and every
/// weight and bias (FNV-1a over their bits), so that a weight typed by hand paints anew.
fn state_key(setup: u64, t: &Trainer, request: Request) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u64| {
        hash ^= v;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    let neuron = request.neuron.map_or(u64::MAX, |(l, j)| (l as u64) << 32 | j as u64);
    for v in [setup, t.epoch, neuron, request.discretize as u64].into_iter().chain(request.derive.keys()) {
        mix(v);
    }
    let bits = |v: &Real| v.to_bits() as u64;
    for l in &t.network.layers {
        l.weights.iter().chain(&l.biases).for_each(|v| mix(bits(v)));
        l.off.iter().for_each(|&off| mix(off as u64));
    }
    hash
}

/// A fresh trainer, with the epoch-0 figures measured; `network` replaces the fresh
/// weights when it has the same shape. `None` when there is nothing to train on yet (the
/// user's own data, still empty).
pub fn start(config: crate::engine::Config, round: u64, network: Option<crate::engine::Network>) -> Option<Trainer> {
    let mut t = Trainer::new_round(config, round).ok()?;
    if let Some(net) = network {
        let same_shape = net.n_inputs == t.network.n_inputs
            && net.layers.iter().map(|l| (l.weights.len(), l.biases.len())).eq(t.network.layers.iter().map(|l| (l.weights.len(), l.biases.len())));
        if same_shape {
            t.network = net;
        }
    }
    t.last = Some(t.evaluate());
    Some(t)
}

/// A file of the run `t` with the weights `network`.
/// The history point of the epoch just trained, if the history kept it (it keeps fewer as a
/// run grows): the page's copy, fed the same points, thins them the same way.
fn kept_point(t: &Trainer) -> Option<crate::engine::trainer::HistoryPoint> {
    t.history.points.last().filter(|p| p.epoch == t.epoch).copied()
}
