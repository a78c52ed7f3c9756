//! The page's side of training: starts the worker, tells it what the settings say, keeps
//! the mirror up to date from its snapshots, and draws once per animation frame when
//! something changed.

use super::dom::{now, touch_sized, window_width};
use super::draw::{Focus, Views};
use super::layout::{least_spacing, network_width, NETWORK_WIDTH};
use super::math::InspectPoint;
use super::mirror::Mirror;
use super::perf::Perf;
use super::pictures::Request;
use super::protocol::ToWorker;

use crate::engine::{Network, Trainer};
use crate::i18n::Lang;
use crate::render::diagram::layout;
use crate::settings::{Settings, Speed};
use gloo_render::AnimationFrame;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// While training, the panels read the run at most this often (milliseconds).
const FIGURES_EVERY_MS: f64 = 50.0;

/// What the run tells the page's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// Training stopped by itself: an exercise's epoch limit was reached.
    Stopped,
    /// The exercise's goal was met at this epoch (training stops there).
    GoalMet(u64),
    /// Early stopping ended the run at `at`; the weights of `best` were restored.
    EarlyStopped {
        /// Epoch where it stopped.
        at: u64,
        /// Epoch whose weights are kept.
        best: u64,
    },
    /// An epoch produced NaN or infinity; the weights from before it are kept.
    Diverged(u64),
    /// The worker stopped answering, and again after it was started anew: training stopped.
    WorkerStopped,
    /// The worker stopped answering and was started anew, from the page's weights and epoch.
    WorkerRestarted,
    /// The run went back to this earlier epoch and trains on from there.
    Rewound(u64),
    /// The worker answered a new setup: the page's copy of the run is there to read.
    Started,
}

/// The page's host of the run: the worker link, the run as shown, its copy of the run and the
/// views drawn from it. The views reach it only through its door (door.rs).
pub struct RunHost {
    pub(super) mirror: Mirror,
    /// The worker, and the requests on their way to it.
    pub(super) link: super::worker_link::WorkerLink,
    /// The run as the page shows it: its round, its timeline, the goal.
    pub(super) run: super::shown_run::RunState,
    pub(super) settings: Settings,
    pub(super) generation: Option<u64>,
    /// The page's copy of the second setup of a comparison, trained in the worker in
    /// lockstep with the first.
    pub(super) compare: Option<Trainer>,
    pub(super) compare_view: super::compare_view::CompareView,
    /// The pictures last asked of the worker.
    pub(super) pictures_asked: Option<Request>,
    /// The pictures last asked to be painted (request, weights' fingerprint), until some come.
    pub(super) paint_asked: Option<(Request, u64)>,
    /// Tells the panels when the run moved.
    pub frames: super::feed::Feed,
    /// Whether training plays, as the page's state holds it: told by `follow`, never changed
    /// here (a run that stops by itself says so with an event).
    pub(super) playing: bool,
    /// Something changed since the last frame was drawn.
    pub(super) dirty: bool,
    pub(super) frame: Option<AnimationFrame>,
    /// The drawing state.
    pub(super) views: Views,
    pub(super) perf: Perf,
    /// The frame loop's figures over its last window, for the performance readout.
    pub(super) perf_shown: Option<super::perf::Figures>,
    pub(super) events: Option<yew::Callback<RunEvent>>,
    pub(super) me: Weak<RefCell<RunHost>>,
    /// The point the neuron inspector computes at.
    pub(super) inspect_point: InspectPoint,
    /// The next point the perceptron rule, stepped by hand, looks at.
    pub(super) perceptron_cursor: usize,
    /// Backprop step by step: the point's loss before and after the last update applied.
    pub backprop_losses: Option<(f64, f64)>,
}

impl RunHost {
    /// The page's side, with the worker started.
    pub fn new() -> Rc<RefCell<RunHost>> {
        let settings = Settings::new(Lang::En);
        let live = Rc::new(RefCell::new(RunHost {
            views: Views::new(layout(&settings.config, NETWORK_WIDTH, 0.0)),
            mirror: Mirror::default(),
            link: Default::default(),
            run: Default::default(),
            settings,
            generation: None,
            compare: None,
            compare_view: Default::default(),
            pictures_asked: None,
            paint_asked: None,
            frames: Default::default(),
            playing: false,
            dirty: false,
            frame: None,
            perf: Perf::default(),
            perf_shown: None,
            events: None,
            me: Weak::new(),
            inspect_point: InspectPoint::Training(0),
            perceptron_cursor: 0,
            backprop_losses: None,
        }));
        RunHost::start_worker(&live);
        live
    }

    /// Tells the page's state what happened (it is heard once the live side is free again).
    pub(super) fn tell(&self, event: RunEvent) {
        if let Some(e) = &self.events {
            e.emit(event);
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
    /// `generation` moved (from `opened`'s weights when given: a model opened), otherwise only
    /// the live settings change. Then redraws.
    pub(super) fn sync(&mut self, settings: &Settings, generation: u64, opened: Option<&Network>) {
        if self.generation != Some(generation) {
            self.generation = Some(generation);
            self.run.timeline.clear();
            self.run.viewing = None;
            let same_setup = self.mirror.has_run() && !self.settings.config.needs_new_network(&settings.config);
            self.run.round = match (same_setup, std::mem::take(&mut self.run.same_weights), self.run.next_round.take()) {
                (_, _, Some(round)) => round,
                (true, true, None) => self.run.round,
                (true, false, None) => self.run.round + 1,
                (false, _, None) => 0,
            };
            let id = self.mirror.setup + 1;
            let network = opened.cloned();
            let config = settings.config.clone();
            self.mirror.reset(id, config.clone());
            self.run.derived = Default::default();
            self.send(ToWorker::Setup { id, config: Box::new(config), round: self.run.round, network: network.map(Box::new) });
            // The second setup starts with it, from the same draw of weights, in the worker; the
            // page keeps a copy of it, built from the worker's answer and brought up to date
            // from the snapshots.
            self.compare = None;
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
        self.views.derive = super::derived::Asked::of(settings);
        self.ask_for_pictures();
        self.compare_view.forget();
        let width = network_width(window_width(), settings.compare.is_some(), settings.projector);
        self.views.setup_changed(layout(&settings.config, width, least_spacing(touch_sized())), self.mirror.trainer.as_ref());
        self.draw();
    }

    /// Trains one epoch (the step button); the view follows when the worker answers.
    pub(super) fn step_once(&mut self) {
        self.continue_from_viewed();
        if self.mirror.trainer.as_ref().is_some_and(|t| t.stopped.is_none()) && self.epochs_left() > 0 {
            self.send(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
        }
    }

    /// Follows the page's state: whether training plays, and whether this run met the
    /// exercise's goal (said once per run).
    pub(super) fn follow(&mut self, playing: bool, goal_met: Option<u64>) {
        self.run.goal_met = goal_met;
        if self.playing == playing {
            return;
        }
        if playing && self.link.worker.is_none() {
            // The worker stopped for good: Play cannot start it; the page says so again.
            self.tell(RunEvent::WorkerStopped);
            return;
        }
        if playing {
            self.continue_from_viewed();
        }
        self.playing = playing;
        self.perf = Perf::default();
        if playing {
            self.ask_for_epochs();
        } else {
            self.refresh_pictures();
        }
        self.dirty = true;
        self.request_frame();
    }

    pub(super) fn request_frame(&mut self) {
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
    pub(super) fn on_frame(&mut self) {
        let start = now();
        self.check_worker();
        if self.playing {
            match self.settings.speed {
                Speed::Epochs(_) | Speed::Slow => self.ask_for_epochs(),
                // At full speed the answers ask for more; after a comparison waited, this does.
                Speed::Max if self.link.pending == 0 => self.ask_for_epochs(),
                Speed::Max => {}
            }
            self.views.dash = (self.views.dash + 0.6) % 70.0;
            self.dirty = true;
        }
        if self.dirty {
            self.dirty = false;
            self.draw();
        }
        if self.playing {
            let end = now();
            if let Some(figures) = self.perf.frame(start, end) {
                self.perf_shown = Some(figures);
            }
            self.request_frame();
        }
    }

    /// Tells the worker what the pictures show, when that changed.
    pub(super) fn ask_for_pictures(&mut self) {
        let request = self.views.focus.request(self.settings.discretize, self.views.derive);
        if self.pictures_asked != Some(request) {
            self.pictures_asked = Some(request);
            self.send(ToWorker::Pictures(request));
        }
    }

    /// Asks the worker for the pictures of the run as it is (training that ran as fast as it
    /// can painted them at the page's pace only, so the last state may not be painted yet).
    pub(super) fn refresh_pictures(&mut self) {
        self.pictures_asked = None;
        self.ask_for_pictures();
    }

    /// Asks the worker to paint the weights on the page, as `request` asks, once per state
    /// lacked and while no answer is on its way (it may bring them).
    fn ask_to_paint(&mut self, request: Request, weights: u64) {
        if self.playing || self.link.pending > 0 || self.paint_asked == Some((request, weights)) {
            return;
        }
        let Some(t) = self.mirror.trainer.as_ref() else { return };
        let (epoch, parameters) = (t.epoch, t.network.parameters());
        self.paint_asked = Some((request, weights));
        self.pictures_asked = Some(request);
        self.send(ToWorker::Paint { request, epoch, parameters });
    }

    /// Draws every view, and asks for the pictures it lacks.
    pub(super) fn draw(&mut self) {
        let start = now();
        // Until the worker answers a new setup, the last frame stays on screen.
        if self.mirror.waiting() {
            return;
        }
        let lacking = self.views.draw_all(
            self.mirror.trainer.as_ref(),
            &self.settings,
            self.playing,
            self.mirror.stop_epoch,
            self.compare.as_ref().map(|c| &c.history.points[..]),
        );
        // The panels read the run at most 20 times a second while training (a counter that
        // moves faster cannot be read; each render lays text out), at once otherwise.
        if !self.playing || start - self.frames.published_at() >= FIGURES_EVERY_MS {
            self.frames.publish(start);
        }
        if let Some(c) = &self.compare {
            self.compare_view.draw(c, &self.settings, self.playing);
        }
        if let Some((request, weights)) = lacking {
            self.ask_to_paint(request, weights);
        }
    }

    /// Where early stopping ended the run: the best epoch it went back to and the epoch it
    /// stopped at.
    pub fn early_stop(&self) -> Option<(u64, u64)> {
        self.mirror.stop_epoch
    }

    /// The worker's answers taken in for this run (at a threshold unit's slow pace, its moves).
    pub fn answers(&self) -> u64 {
        self.mirror.answers
    }

    /// Shows another picture in the big heatmap.
    pub(super) fn set_focus(&mut self, focus: Focus) {
        if self.views.focus != focus {
            self.views.focus = focus;
            self.views.redraw_heatmap();
            self.ask_for_pictures();
            // Shown at once (painted here until the worker's pictures of it come).
            self.draw();
        }
    }

    /// Highlights a link (or none) and redraws the diagram.
    pub(super) fn set_highlight(&mut self, h: Option<(usize, usize, usize)>) {
        if self.views.highlight != h {
            self.views.highlight = h;
            if let Some(t) = &self.mirror.trainer {
                self.views.draw_network(t, self.playing);
            }
        }
    }
}
