//! The page's side of training: starts the worker, tells it what the settings say, keeps
//! the mirror up to date from its snapshots, and draws once per animation frame when
//! something changed.

use super::draw::{now, Focus, InspectPoint, Views};
use super::mirror::Mirror;
use super::perf::Perf;
use super::protocol::{Event, FromWorker, Snapshot, ToWorker};
use super::session;
use super::worker::TrainingWorker;
use crate::app::i18n::{Lang, Text};
use crate::app::settings::{Settings, Speed};
use crate::app::state::{Action, Notice};
use crate::engine::{Network, Real, Trainer};
use crate::render::diagram::layout;
use gloo_render::AnimationFrame;
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Widest the network diagram gets, in CSS pixels.
pub const NETWORK_WIDTH: f64 = 520.0;
/// Training time the worker spends per request at the fastest speed, in milliseconds.
const MAX_SPEED_BUDGET_MS: f64 = 14.0;
/// Training time per request never exceeds this, whatever the speed.
const FRAME_CAP_MS: f64 = 40.0;
/// The worker's loader, as Trunk writes it next to the page (`data-loader-shim`): a script
/// of the page's own origin, so no blob URL is needed.
const WORKER_LOADER: &str = "./worker_loader.js";

/// How much larger the network diagram is drawn on a projector from 1600 pixels up (the
/// `zoom` of `.projector .network-scroll` in style.css).
pub const PROJECTOR_ZOOM: f64 = 1.25;

/// The window's width in CSS pixels.
pub fn window_width() -> f64 {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1280.0)
}

/// The diagram's width for this window: the middle column's width where the three columns
/// stand side by side (the page is at most 1280 pixels wide, 1880 from 1600 up), narrower
/// on a phone so it fits the screen.
pub fn network_width(comparing: bool, projector: bool) -> f64 {
    let window = window_width();
    if window > 1100.0 {
        // The columns as style.css lays them out: data, network, output (two pictures side by
        // side while comparing, when the page takes the window's width).
        let wide = window >= 1600.0;
        let page = if wide || comparing { window.min(1880.0) } else { window.min(1280.0) };
        let gaps = if wide { 48.0 } else { 36.0 };
        let data = match (wide, projector) {
            (true, true) => 200.0,
            (true, false) => 220.0,
            _ => 190.0,
        };
        let output = match (comparing, wide) {
            (true, true) => 1000.0,
            (true, false) => 672.0,
            _ => super::draw::picture_size(projector, false) + 60.0,
        };
        // On a projector the diagram is drawn larger (style.css zooms it by PROJECTOR_ZOOM);
        // 120 pixels go to the feature names and the margin.
        let zoom = if projector && wide { PROJECTOR_ZOOM } else { 1.0 };
        let least = if comparing { 320.0 } else { NETWORK_WIDTH };
        ((page - 24.0 - data - output - gaps) / zoom - 120.0).clamp(least.min(600.0 / zoom), 1000.0)
    } else if window >= 700.0 && !comparing {
        // A tablet: the network beside a 330-pixel output column.
        (window - 24.0 - 330.0 - 18.0 - 110.0).clamp(220.0, NETWORK_WIDTH)
    } else {
        (window - 110.0).clamp(220.0, NETWORK_WIDTH)
    }
}

/// An earlier epoch shown from the timeline, and the run's newest state meanwhile.
struct Viewing {
    epoch: u64,
    newest_epoch: u64,
    newest: super::timeline::Parameters,
    newest_report: Option<crate::engine::EpochReport>,
}

/// The page's training state: the worker, the mirror and the views.
pub struct Live {
    mirror: Mirror,
    bridge: Option<WorkerBridge<TrainingWorker>>,
    settings: Settings,
    generation: Option<u64>,
    /// How many times the same setup was reset: each reset draws new initial weights.
    round: u64,
    /// Requests sent and not yet answered.
    pending: u32,
    /// The epochs each request in flight asked for, under an exercise's epoch limit (0
    /// without one), oldest first: the worker answers in order.
    asked: std::collections::VecDeque<u64>,
    /// When the last epoch was asked for at the slow pace.
    slow_asked_at: f64,
    /// The epoch at which this run met the exercise's goal.
    goal_met_at: Option<u64>,
    /// The weights at earlier epochs of this run.
    timeline: super::timeline::Timeline,
    /// An earlier epoch shown from the timeline.
    viewing: Option<Viewing>,
    /// The next reset starts from the same initial weights as this run.
    same_weights: bool,
    /// The second setup of a comparison, trained here in lockstep with the worker's.
    compare: Option<Trainer>,
    compare_view: super::draw::CompareView,
    playing: bool,
    /// Something changed since the last frame was drawn.
    dirty: bool,
    frame: Option<AnimationFrame>,
    /// The drawing state.
    pub views: Views,
    perf: Perf,
    dispatch: Option<yew::Callback<Action>>,
    me: Weak<RefCell<Live>>,
    /// Trained weights to put in place of the fresh ones at the next rebuild (an opened model).
    pub pending_network: Option<Network>,
    /// The point the neuron inspector computes at.
    inspect_point: InspectPoint,
    /// The next point the perceptron rule, stepped by hand, looks at.
    perceptron_cursor: usize,
    /// The first of the training points the matrix view shows.
    matrix_offset: usize,
    /// Backprop step by step: the point's loss before and after the last update applied.
    pub backprop_losses: Option<(f64, f64)>,
    /// When the worker last answered, or was first asked since its last answer.
    heard_at: f64,
    /// Whether the worker was already started anew once after it stopped answering.
    restarted: bool,
}

impl Live {
    /// The page's side, with the worker started.
    pub fn new() -> Rc<RefCell<Live>> {
        let settings = Settings::new(Lang::En);
        let live = Rc::new(RefCell::new(Live {
            views: Views::new(layout(&settings.config, NETWORK_WIDTH)),
            mirror: Mirror::default(),
            bridge: None,
            settings,
            generation: None,
            round: 0,
            pending: 0,
            asked: Default::default(),
            slow_asked_at: f64::NEG_INFINITY,
            goal_met_at: None,
            timeline: Default::default(),
            viewing: None,
            same_weights: false,
            compare: None,
            compare_view: Default::default(),
            playing: false,
            dirty: false,
            frame: None,
            perf: Perf::default(),
            dispatch: None,
            me: Weak::new(),
            pending_network: None,
            inspect_point: InspectPoint::Training(0),
            perceptron_cursor: 0,
            matrix_offset: 0,
            backprop_losses: None,
            heard_at: now(),
            restarted: false,
        }));
        let bridge = spawn_worker(Rc::downgrade(&live));
        {
            let mut me = live.borrow_mut();
            me.bridge = Some(bridge);
            me.me = Rc::downgrade(&live);
        }
        live
    }

    /// A worker that has not answered for this long (milliseconds) while asked is taken for
    /// stopped: it failed to start (its files missing or broken) or died. Its answers come
    /// within a frame or two, so this is far beyond any slow machine.
    const WORKER_SILENCE_MS: f64 = 10_000.0;

    /// Notices a worker that stopped answering: starts one anew once, from the page's weights
    /// and epoch; the second time, stops and says so.
    fn check_worker(&mut self) {
        if self.pending == 0 || now() - self.heard_at < Self::WORKER_SILENCE_MS {
            return;
        }
        self.pending = 0;
        self.asked.clear();
        self.heard_at = now();
        if !self.restarted {
            self.restarted = true;
            self.bridge = Some(spawn_worker(self.me.clone()));
            let id = self.mirror.setup;
            let config = self.settings.config.clone();
            match self.mirror.trainer.as_ref().map(|t| (t.network.clone(), t.epoch)) {
                Some((network, epoch)) => self.send(ToWorker::Resume { id, config: Box::new(config), round: self.round, network: Box::new(network), epoch }),
                None => self.send(ToWorker::Setup { id, config: Box::new(config), round: self.round, network: None }),
            }
            if let Some(c) = self.settings.compare.clone() {
                self.send(ToWorker::Compare(Some(c)));
            }
            return;
        }
        self.playing = false;
        if let Some(d) = &self.dispatch {
            d.emit(Action::Pause);
            d.emit(Action::Notify(Notice::WorkerStopped));
        }
    }

    /// Where actions for the Yew state go (the reducer's dispatcher).
    pub fn set_dispatch(&mut self, dispatch: yew::Callback<Action>) {
        self.dispatch = Some(dispatch);
    }

    fn send(&mut self, message: ToWorker) {
        if let Some(b) = &self.bridge {
            if self.pending == 0 {
                self.heard_at = now();
            }
            self.pending += 1;
            let counted = match &message {
                ToWorker::Train { epochs, .. } if self.settings.exercise.max_epochs.is_some() => *epochs,
                _ => 0,
            };
            self.asked.push_back(counted);
            b.send(message);
        }
    }

    /// The mirrored trainer, when the setup has data to train on.
    pub fn trainer(&self) -> Option<&Trainer> {
        self.mirror.trainer.as_ref()
    }

    /// The trainer, only while its network is the one `config` describes: a view rendered for
    /// a setup whose network changed reads nothing until the live side has caught up.
    pub fn trainer_for(&self, config: &crate::engine::Config) -> Option<&Trainer> {
        self.trainer().filter(|t| !t.config.needs_new_network(config))
    }

    /// Brings the worker and the mirror in line with the settings: a fresh trainer when
    /// `generation` moved, otherwise only the live settings change. Then redraws.
    pub fn sync(&mut self, settings: &Settings, generation: u64) {
        if self.generation != Some(generation) {
            self.generation = Some(generation);
            self.goal_met_at = None;
            self.timeline.clear();
            self.viewing = None;
            let same_setup = self.mirror.trainer.is_some() && !self.settings.config.needs_new_network(&settings.config);
            self.round = match (same_setup, std::mem::take(&mut self.same_weights)) {
                (true, true) => self.round,
                (true, false) => self.round + 1,
                (false, _) => 0,
            };
            let id = self.mirror.setup + 1;
            let network = self.pending_network.take();
            let config = settings.config.clone();
            self.mirror.reset(id, session::start(config.clone(), self.round, network.clone()));
            self.send(ToWorker::Setup { id, config: Box::new(config), round: self.round, network: network.map(Box::new) });
            // The second setup starts with it, from the same draw of weights, in the worker too;
            // the page keeps a copy of it, brought up to date from the snapshots.
            self.compare = settings.compare.as_ref().and_then(|c| session::start((**c).clone(), self.round, None));
            if let Some(c) = &settings.compare {
                self.send(ToWorker::Compare(Some(c.clone())));
            }
        } else if self.settings.config != settings.config {
            if let Some(t) = &mut self.mirror.trainer {
                t.update_live(&settings.config);
            }
            self.send(ToWorker::Live(Box::new(settings.config.clone())));
        }
        if let (Some(t), Some(c)) = (self.compare.as_mut(), settings.compare.as_ref()) {
            if t.config != **c {
                t.update_live(c);
                self.send(ToWorker::Compare(Some(c.clone())));
            }
        }
        self.settings = settings.clone();
        self.compare_view.forget();
        self.views.setup_changed(layout(&settings.config, network_width(settings.compare.is_some(), settings.projector)), self.mirror.trainer.as_ref());
        self.draw();
    }

    /// Trains one epoch (the step button); the view follows when the worker answers.
    pub fn step_once(&mut self) {
        self.continue_from_viewed();
        if self.mirror.trainer.as_ref().is_some_and(|t| t.stopped.is_none()) && self.epochs_left() > 0 {
            self.send(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
        }
    }

    /// Epochs the exercise still allows (all there are without a limit), counting those
    /// already asked for.
    fn epochs_left(&self) -> u64 {
        let Some(max) = self.settings.exercise.max_epochs else { return u64::MAX };
        let done = self.mirror.trainer.as_ref().map_or(0, |t| t.epoch);
        max.saturating_sub(done + self.asked.iter().sum::<u64>())
    }

    /// Whether the exercise's goal is met now; said once per run.
    fn check_goal(&mut self, actions: &mut Vec<Action>) {
        let (Some(goal), None) = (self.settings.exercise.goal, self.goal_met_at) else { return };
        let Some(t) = self.mirror.trainer.as_ref() else { return };
        let Some(report) = t.last.as_ref() else { return };
        let m = report.test.as_ref().unwrap_or(&report.train);
        // Before any training only an exercise done by hand (no epochs allowed) can be met:
        // fresh random weights do not count.
        let by_hand = self.settings.exercise.max_epochs == Some(0);
        if (t.epoch > 0 || by_hand) && goal.met(m.loss, m.accuracy) {
            self.goal_met_at = Some(t.epoch);
            self.playing = false;
            actions.push(Action::GoalMet(t.epoch));
        }
    }

    /// Brings the page's copy of the compared run up to date (a run that started afresh in the
    /// worker starts afresh here too, from the same setup and draw).
    fn apply_compare(&mut self, run: &super::protocol::RunSnapshot) {
        if run.restarted {
            self.compare = self.settings.compare.as_ref().and_then(|c| session::start((**c).clone(), self.round, None));
        }
        let Some(c) = self.compare.as_mut() else { return };
        if super::mirror::follow(c, &run.parameters, run.epoch, &run.report, &run.history) {
            self.dirty = true;
        }
    }

    /// Takes in the worker's answer; returns what the Yew state should hear of it.
    fn receive(&mut self, s: Snapshot) -> Vec<Action> {
        self.heard_at = now();
        self.pending = self.pending.saturating_sub(1);
        self.asked.pop_front();
        let mut actions = Vec::new();
        if !self.mirror.apply(&s) {
            return actions;
        }
        self.perf.worker(s.trained, s.train_ms);
        if let Some(run) = &s.compare {
            self.apply_compare(run);
        }
        if let Some(t) = self.mirror.trainer.as_mut() {
            self.timeline.record(t.epoch, &s.parameters);
            // An answer still on its way while an earlier epoch is shown: it is the newest
            // state, and the earlier epoch stays on screen.
            if let Some(v) = self.viewing.as_mut() {
                v.newest_epoch = t.epoch;
                v.newest = s.parameters.clone();
                v.newest_report = t.last.clone();
                if let Some((at, p)) = self.timeline.at(v.epoch) {
                    t.set_parameters(p);
                    t.epoch = *at;
                }
            }
        }
        self.check_goal(&mut actions);
        match s.event {
            Some(Event::EarlyStopped { at, best }) => actions.push(Action::Notify(Notice::EarlyStopped { at, best })),
            Some(Event::Diverged(epoch)) => actions.push(Action::Notify(Notice::Diverged(epoch))),
            None => {}
        }
        if s.event.is_some() || !s.trainable {
            self.playing = false;
        }
        if self.playing && self.settings.speed == Speed::Max {
            self.ask_for_epochs();
        }
        self.dirty = true;
        self.request_frame();
        actions
    }

    /// Asks the worker for the next epochs, when it is not busy enough: at a fixed pace one
    /// request at a time (one a frame); as fast as possible two, so that the worker finds the
    /// next request waiting when it finishes one and never idles while the page answers.
    fn ask_for_epochs(&mut self) {
        if self.mirror.trainer.as_ref().is_none_or(|t| t.stopped.is_some()) {
            return;
        }
        let (request, in_flight) = match self.settings.speed {
            Speed::Slow => {
                if now() - self.slow_asked_at < Speed::SLOW_MS || self.pending > 0 {
                    return;
                }
                self.slow_asked_at = now();
                // A threshold unit goes one move of its line at a time.
                let request =
                    if self.settings.config.is_perceptron() { ToWorker::PerceptronTick } else { ToWorker::Train { epochs: 1, budget_ms: FRAME_CAP_MS } };
                (request, 1)
            }
            Speed::Epochs(n) => (ToWorker::Train { epochs: n as u64, budget_ms: FRAME_CAP_MS }, 1),
            Speed::Max => (ToWorker::Train { epochs: u64::MAX, budget_ms: MAX_SPEED_BUDGET_MS }, 2),
        };
        // An exercise's epoch limit: ask for no more than it leaves, and stop there.
        if self.epochs_left() == 0 {
            if self.pending == 0 {
                self.playing = false;
                if let Some(d) = &self.dispatch {
                    d.emit(Action::Pause);
                }
            }
            return;
        }
        while self.pending < in_flight {
            let left = self.epochs_left();
            if left == 0 {
                break;
            }
            match &request {
                ToWorker::Train { epochs, budget_ms } => {
                    let epochs = (*epochs).min(left);
                    self.send(ToWorker::Train { epochs, budget_ms: *budget_ms });
                }
                other => self.send(other.clone()),
            }
        }
    }

    /// The next reset restarts from this run's initial weights (the same setup then gives
    /// the same curve).
    pub fn reset_to_same_weights(&mut self) {
        self.same_weights = true;
    }

    /// Shows the network as it was at `epoch` (the nearest kept snapshot at or before it),
    /// or, at the newest epoch, as it is. Training pauses meanwhile.
    pub fn view_epoch(&mut self, epoch: u64) {
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        let newest = self.viewing.as_ref().map_or(t.epoch, |v| v.newest_epoch);
        if epoch >= newest {
            if let Some(v) = self.viewing.take() {
                t.set_parameters(&v.newest);
                t.epoch = v.newest_epoch;
                t.last = v.newest_report;
            }
        } else if let Some((at, parameters)) = self.timeline.at(epoch).cloned() {
            if self.viewing.is_none() {
                self.viewing = Some(Viewing { epoch: at, newest_epoch: t.epoch, newest: t.network.parameters(), newest_report: t.last.clone() });
            }
            if let Some(v) = self.viewing.as_mut() {
                v.epoch = at;
            }
            t.set_parameters(&parameters);
            t.epoch = at;
            if let Some(last) = t.last.as_mut() {
                last.epoch = at;
            }
        }
        self.dirty = true;
        self.request_frame();
    }

    /// The epoch shown from the timeline, if an earlier one.
    pub fn viewed_epoch(&self) -> Option<u64> {
        self.viewing.as_ref().map(|v| v.epoch)
    }

    /// The newest epoch of the run (while an earlier one is shown, too).
    pub fn newest_epoch(&self) -> u64 {
        self.viewing.as_ref().map(|v| v.newest_epoch).or(self.mirror.trainer.as_ref().map(|t| t.epoch)).unwrap_or(0)
    }

    /// When an earlier epoch is shown, makes it the run's present: the worker and the page
    /// go back there and training continues from it.
    fn continue_from_viewed(&mut self) {
        let Some(v) = self.viewing.take() else { return };
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        let parameters = t.network.parameters();
        // The mirror shows the epoch already: rewind it as the worker will.
        t.epoch = v.newest_epoch;
        if t.rewind(v.epoch, &parameters) {
            self.mirror.stop_epoch = None;
            self.timeline.truncate_after(v.epoch);
            self.goal_met_at = None;
            self.send(ToWorker::Rewind { epoch: v.epoch, parameters });
        }
    }

    /// Starts or stops training.
    pub fn set_playing(&mut self, playing: bool) {
        if self.playing == playing {
            return;
        }
        if playing {
            self.continue_from_viewed();
        }
        self.playing = playing;
        self.perf = Perf::default();
        if playing {
            self.ask_for_epochs();
        }
        self.dirty = true;
        self.request_frame();
    }

    fn request_frame(&mut self) {
        if self.frame.is_some() {
            return;
        }
        let weak = self.me.clone();
        self.frame = Some(gloo_render::request_animation_frame(move |_| {
            let Some(live) = weak.upgrade() else { return };
            let mut me = live.borrow_mut();
            me.frame = None;
            me.on_frame();
        }));
    }

    /// One animation frame: ask for the next epochs at a fixed pace, draw what changed.
    fn on_frame(&mut self) {
        let start = now();
        self.check_worker();
        if self.playing {
            match self.settings.speed {
                Speed::Epochs(_) | Speed::Slow => self.ask_for_epochs(),
                // At full speed the answers ask for more; after a comparison waited, this does.
                Speed::Max if self.pending == 0 => self.ask_for_epochs(),
                Speed::Max => {}
            }
            self.views.dash = (self.views.dash + 0.6) % 70.0;
            self.dirty = true;
        }
        let mut grid_ms = 0.0;
        if self.dirty {
            self.dirty = false;
            grid_ms = self.draw();
        }
        if self.playing {
            let end = now();
            if let Some(figures) = self.perf.frame(start, end, grid_ms) {
                figures.show(self.settings.lang);
            }
            self.request_frame();
        }
    }

    /// Draws every view; returns the milliseconds spent evaluating the grid.
    fn draw(&mut self) -> f64 {
        let grid_ms = self.views.draw_all(
            self.mirror.trainer.as_ref(),
            &self.settings,
            self.playing,
            self.mirror.stop_epoch,
            self.compare.as_ref().map(|c| &c.history.points[..]),
        );
        self.write_math_views();
        self.write_timeline();
        if let Some(c) = &self.compare {
            self.compare_view.draw(c, &self.settings, self.playing);
        }
        grid_ms
    }

    /// The timeline's range: the epochs trained so far, and the one shown.
    fn write_timeline(&self) {
        let Some(input) = super::draw::element(super::ids::TIMELINE).and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()) else {
            return;
        };
        let newest = self.newest_epoch();
        let shown = self.viewed_epoch().unwrap_or(newest);
        let max = newest.to_string();
        if input.max() != max {
            input.set_max(&max);
        }
        if input.value() != shown.to_string() {
            input.set_value(&shown.to_string());
        }
        let spoken = format!("{shown} / {newest}");
        if input.get_attribute("aria-valuetext").as_deref() != Some(spoken.as_str()) {
            let _ = input.set_attribute("aria-valuetext", &spoken);
        }
        let lang = self.settings.lang;
        let text = match self.viewed_epoch() {
            Some(e) => Text::TimelineBack.get(lang).replace("{epoch}", &e.to_string()).replace("{newest}", &newest.to_string()),
            None => Text::TimelineNow.get(lang).replace("{kept}", &self.timeline.len().to_string()),
        };
        super::draw::set_text(super::ids::TIMELINE_LABEL, &text);
    }

    fn write_math_views(&mut self) {
        if let Some(t) = &self.mirror.trainer {
            self.views.write_inspector(t, &self.settings, self.inspect_point);
            self.views.write_matrix(t, &self.settings, self.matrix_offset);
        }
    }

    /// One update for training point `point` (wrapping around), written out, when the live
    /// network is the one `config` describes.
    pub fn walkthrough(&self, point: usize, config: &crate::engine::Config) -> Option<crate::engine::backprop::Walkthrough> {
        crate::app::backprop_steps::walk_for(self.trainer()?, config, point)
    }

    /// The training points with the largest loss now (their places in the training set),
    /// largest first: where a walk-through starts and what it offers to choose from.
    pub fn hardest_points(&self, config: &crate::engine::Config, k: usize) -> Vec<(usize, f64)> {
        let Some(t) = self.trainer_for(config) else { return Vec::new() };
        let losses = crate::engine::backprop::point_losses(&t.network, &t.config, &t.split.train);
        crate::engine::backprop::hardest_points(&losses, k).into_iter().map(|i| (i, losses[i])).collect()
    }

    /// Applies the update walked through for `point`, here and in the worker, and redraws.
    pub fn apply_backprop(&mut self, point: usize) {
        let Some(w) = self.trainer().and_then(|t| crate::app::backprop_steps::walk_for(t, &t.config, point)) else { return };
        let parameters: Vec<(Vec<Real>, Vec<Real>)> = w.new_w.iter().cloned().zip(w.new_b.iter().cloned()).collect();
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        if t.set_parameters(&parameters) {
            self.send(ToWorker::SetParameters(parameters));
            let after = self.trainer().and_then(|t| crate::app::backprop_steps::walk_for(t, &t.config, point)).map_or(f64::NAN, |a| a.loss);
            self.backprop_losses = Some((w.loss, after));
            self.draw();
        }
    }

    /// The matrix view moves on to the next four training points.
    pub fn next_matrix_points(&mut self) {
        self.matrix_offset += 4;
        self.write_math_views();
    }

    /// Applies the perceptron rule to the next training point, here and in the worker (the
    /// new weights are sent), and redraws; says what it did.
    pub fn perceptron_step(&mut self) -> Option<crate::engine::trainer::PerceptronStep> {
        let t = self.mirror.trainer.as_mut()?;
        let step = t.perceptron_point(self.perceptron_cursor)?;
        self.perceptron_cursor += 1;
        let parameters = t.network.parameters();
        self.send(ToWorker::SetParameters(parameters));
        self.draw();
        Some(step)
    }

    /// The inspector moves on to the next training point.
    pub fn next_inspect_point(&mut self) {
        let next = match self.inspect_point {
            InspectPoint::Training(i) => i + 1,
            InspectPoint::At(..) => 0,
        };
        self.inspect_point = InspectPoint::Training(next % self.trainer().map_or(1, |t| t.split.train.len().max(1)));
        self.write_math_views();
    }

    /// The inspector computes at a point of the plane (the one under the pointer).
    pub fn inspect_at(&mut self, x: Real, y: Real) {
        self.inspect_point = InspectPoint::At(x, y);
        self.write_math_views();
    }

    /// The current value of a link's weight.
    pub fn weight(&self, layer: usize, neuron: usize, input: usize) -> Option<Real> {
        let l = self.trainer()?.network.layers.get(layer)?;
        l.weights.get(neuron * l.activation.pieces() * l.n_in + input).copied()
    }

    /// The current bias of a neuron (`layer` counts network layers; the output is last).
    pub fn bias(&self, layer: usize, neuron: usize) -> Option<Real> {
        let l = self.trainer()?.network.layers.get(layer)?;
        l.biases.get(neuron * l.activation.pieces()).copied()
    }

    /// Sets the weight from `input` (or, with `None`, the bias) of a neuron, here and in the
    /// worker, and redraws.
    pub fn set_parameter(&mut self, layer: usize, neuron: usize, input: Option<usize>, value: Real) {
        let Some(t) = &mut self.mirror.trainer else { return };
        if t.set_parameter(layer, neuron, input, value) {
            self.send(ToWorker::SetParameter { layer, neuron, input, value });
            self.draw();
        }
    }

    /// What the network says at a point of the plane, as the hover readout shows it.
    pub fn describe_point(&mut self, x: Real, y: Real) -> Option<String> {
        let lang = self.settings.lang;
        let t = self.mirror.trainer.as_mut()?;
        let out = t.outputs_at(x, y);
        let activation = t.network.output().activation;
        let value = if out.len() > 1 {
            let k = crate::engine::trainer::predicted_class(activation, &out, 1, 0);
            format!("{} {k}, p = {:.3}", Text::Class.get(lang), out[k])
        } else {
            format!("ŷ = {:.3}", crate::engine::trainer::score(activation, out[0]))
        };
        Some(format!("{} → {value}", super::draw::point_words(&t.config, x, y, lang)))
    }

    /// The trained model (setup and weights) as JSON.
    pub fn model_json(&self) -> Option<String> {
        let t = self.trainer()?;
        let model = crate::engine::Model { version: crate::engine::config::FORMAT_VERSION, config: t.config.clone(), network: t.network.clone() };
        Some(model.to_json())
    }

    /// The data as it is split now, as CSV in its own units.
    pub fn data_csv(&self) -> Option<String> {
        let t = self.trainer()?;
        Some(crate::engine::data::split_csv(&t.split, &super::draw::shown_axes(&t.config, self.settings.lang)))
    }

    /// The trained network as Keras code.
    pub fn keras_code(&self) -> Option<String> {
        let t = self.trainer()?;
        Some(crate::engine::export::keras_code(&t.config, &t.network, &t.split, 100))
    }

    /// Shows another picture in the big heatmap.
    pub fn set_focus(&mut self, focus: Focus) {
        if self.views.focus != focus {
            self.views.focus = focus;
            self.views.redraw_heatmap(self.mirror.trainer.as_ref(), &self.settings);
        }
    }

    /// Highlights a link (or none) and redraws the diagram.
    pub fn set_highlight(&mut self, h: Option<(usize, usize, usize)>) {
        if self.views.highlight != h {
            self.views.highlight = h;
            if let Some(t) = &self.mirror.trainer {
                self.views.draw_network(t, self.playing);
            }
        }
    }
}

/// Starts the training worker; its answers go to the page's side `live`.
fn spawn_worker(live: Weak<RefCell<Live>>) -> gloo_worker::WorkerBridge<TrainingWorker> {
    TrainingWorker::spawner()
        .callback(move |FromWorker::Snapshot(s)| {
            if let Some(live) = live.upgrade() {
                // The state hears of it once the page's side is no longer borrowed.
                let actions = live.borrow_mut().receive(*s);
                let dispatch = live.borrow().dispatch.clone();
                if let Some(d) = dispatch {
                    actions.into_iter().for_each(|a| d.emit(a));
                }
            }
        })
        .spawn_with_loader(WORKER_LOADER)
}
