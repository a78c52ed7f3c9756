//! The page's side of training: starts the worker, tells it what the settings say, keeps the
//! run as shown up to date from its answers (run_view.rs), and draws once per animation frame
//! when something changed.

use super::dom::{now, touch_sized, window_width};
use super::draw::{Focus, Views};
use super::layout::{least_spacing, network_width, NETWORK_WIDTH};
use super::math::InspectPoint;
use super::perf::Perf;
use super::pictures::Request;
use super::protocol::ToWorker;
use super::run_view::RunView;

use crate::engine::Network;
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

/// What the page notes beside the run it shows: the picture in focus, the point the
/// inspector computes at, the losses before and after a backprop step, the frame loop's
/// figures, and the stamp that tells the panels the run moved.
pub struct PageNotes {
    /// Which picture the big heatmap shows.
    pub focus: Focus,
    /// The point the neuron inspector computes at.
    pub inspect_point: InspectPoint,
    /// Backprop step by step: the point's loss before and after the last update applied.
    pub backprop_losses: Option<(f64, f64)>,
    /// The frame loop's figures over its last window (epochs and frames a second, time per
    /// frame), while training.
    pub perf: Option<super::perf::Figures>,
    /// Tells the panels when the run moved.
    pub frames: super::feed::Feed,
}

impl Default for PageNotes {
    fn default() -> Self {
        PageNotes { focus: Focus::Output, inspect_point: InspectPoint::Training(0), backprop_losses: None, perf: None, frames: Default::default() }
    }
}

/// What the views read: the run as shown, with the page's notes beside it.
pub type ShownRun = RunView<PageNotes>;

/// The page's host of the run: the worker link, the run as shown (written only from the
/// worker's answers) and the views drawn from it. The views reach it only through its door
/// (door.rs).
pub struct RunHost {
    /// The run as shown, and the page's notes: what the views read.
    pub(super) view: ShownRun,
    /// The worker, and the requests on their way to it.
    pub(super) link: super::worker_link::WorkerLink,
    /// Which draw of initial weights the next setup starts from.
    pub(super) draws: Draws,
    /// The epoch at which this run met the exercise's goal, as the page's state holds it.
    pub(super) goal_met: Option<u64>,
    /// Whether the student has set a weight of this run by hand (typed, or applied a step).
    pub(super) edited: bool,
    /// The earlier epoch the page asked the worker to show, until the run goes on.
    pub(super) showing: Option<u64>,
    pub(super) settings: Settings,
    pub(super) generation: Option<u64>,
    pub(super) compare_view: super::compare_view::CompareView,
    /// The pictures last asked of the worker.
    pub(super) pictures_asked: Option<Request>,
    /// The pictures last asked to be painted (request, weights' fingerprint), until some come.
    pub(super) paint_asked: Option<(Request, u64)>,
    /// Whether training plays, as the page's state holds it: told by `follow`, never changed
    /// here (a run that stops by itself says so with an event).
    pub(super) playing: bool,
    /// Something changed since the last frame was drawn.
    pub(super) dirty: bool,
    pub(super) frame: Option<AnimationFrame>,
    /// The drawing state.
    pub(super) views: Views,
    pub(super) perf: Perf,
    pub(super) events: Option<yew::Callback<RunEvent>>,
    pub(super) me: Weak<RefCell<RunHost>>,
    /// The next point the perceptron rule, stepped by hand, looks at.
    pub(super) perceptron_cursor: usize,
    /// Who hears what the perceptron rule, stepped by hand, did, one per step asked, oldest
    /// first (the worker answers in order).
    pub(super) perceptron_heard: std::collections::VecDeque<yew::Callback<crate::engine::perceptron::PerceptronStep>>,
}

/// Which draw of initial weights a setup starts from.
#[derive(Default)]
pub(super) struct Draws {
    /// How many times the same setup was reset: each reset draws new initial weights.
    pub(super) round: u64,
    /// The next reset starts from the same initial weights as this run.
    pub(super) same_weights: bool,
    /// The next setup starts from this draw of initial weights (a sweep's setup, opened).
    pub(super) next_round: Option<u64>,
}

impl RunHost {
    /// The page's side, with the worker started.
    pub fn new() -> Rc<RefCell<RunHost>> {
        let settings = Settings::new(Lang::En);
        let live = Rc::new(RefCell::new(RunHost {
            views: Views::new(layout(&settings.config, NETWORK_WIDTH, 0.0)),
            view: RunView::default(),
            link: Default::default(),
            draws: Draws::default(),
            goal_met: None,
            edited: false,
            showing: None,
            settings,
            generation: None,
            compare_view: Default::default(),
            pictures_asked: None,
            paint_asked: None,
            playing: false,
            dirty: false,
            frame: None,
            perf: Perf::default(),
            events: None,
            me: Weak::new(),
            perceptron_cursor: 0,
            perceptron_heard: Default::default(),
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

    /// Brings the worker in line with the settings: a fresh run when `generation` moved (from
    /// `opened`'s weights when given: a model opened), otherwise only the live settings
    /// change (the copy takes them with the worker's answer). Then redraws.
    pub(super) fn sync(&mut self, settings: &Settings, generation: u64, opened: Option<&Network>) {
        if self.generation != Some(generation) {
            self.generation = Some(generation);
            self.showing = None;
            self.edited = false;
            self.perceptron_heard.clear();
            let (setup, waiting) = self.view.setup();
            let same_setup = (waiting || self.view.trainer().is_some()) && !self.settings.config.needs_new_network(&settings.config);
            let d = &mut self.draws;
            d.round = match (same_setup, std::mem::take(&mut d.same_weights), d.next_round.take()) {
                (_, _, Some(round)) => round,
                (true, true, None) => d.round,
                (true, false, None) => d.round + 1,
                (false, _, None) => 0,
            };
            let id = setup + 1;
            let config = settings.config.clone();
            self.view.reset(id, config.clone());
            self.send(ToWorker::Setup { id, config: Box::new(config), round: self.draws.round, network: opened.cloned().map(Box::new) });
            // The second setup starts with it, from the same draw of weights, in the worker.
            if let Some(c) = &settings.compare {
                self.send(ToWorker::Compare(Some(c.clone())));
            }
        } else if self.settings.config != settings.config {
            self.send(ToWorker::Live(Box::new(settings.config.clone())));
        }
        if let (Some(t), Some(c)) = (self.view.compare_trainer(), settings.compare.as_ref()) {
            if t.config != **c {
                self.send(ToWorker::Compare(Some(c.clone())));
            }
        }
        self.settings = settings.clone();
        self.views.derive = super::derived::Asked::of(settings);
        self.ask_for_pictures(false);
        self.compare_view.forget();
        let width = network_width(window_width(), settings.compare.is_some(), settings.projector);
        self.views.setup_changed(layout(&settings.config, width, least_spacing(touch_sized())), self.view.trainer());
        self.view.page.focus = self.view.page.focus.within(self.view.trainer());
        self.draw();
    }

    /// Follows the page's state: whether training plays, and whether this run met the
    /// exercise's goal (said once per run).
    pub(super) fn follow(&mut self, playing: bool, goal_met: Option<u64>) {
        self.goal_met = goal_met;
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
            self.ask_for_pictures(true);
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
                self.view.page.perf = Some(figures);
            }
            self.request_frame();
        }
    }

    /// Tells the worker what the pictures show, when that changed (`again`: even when not,
    /// for the run as it is now: training that ran as fast as it can painted them at the
    /// page's pace only, so the last state may not be painted yet).
    pub(super) fn ask_for_pictures(&mut self, again: bool) {
        let request = self.view.page.focus.request(self.settings.discretize, self.views.derive);
        if again || self.pictures_asked != Some(request) {
            self.pictures_asked = Some(request);
            self.send(ToWorker::Pictures(request));
        }
    }

    /// Draws every view, and asks for the pictures it lacks: once per state lacked and while
    /// no answer is on its way (it may bring them), painted for the weights on the page.
    pub(super) fn draw(&mut self) {
        let start = now();
        // Until the worker answers a new setup, the last frame stays on screen.
        if self.view.setup().1 {
            return;
        }
        let v = &self.view;
        let second = v.compare_trainer().map(|c| &c.history.points[..]);
        let lacking = self.views.draw_all(v.trainer(), v.page.focus, &|| v.trouble(), &self.settings, self.playing, v.early_stop(), second);
        // The panels read the run at most 20 times a second while training (a counter that
        // moves faster cannot be read; each render lays text out), at once otherwise.
        if !self.playing || start - self.view.page.frames.published_at() >= FIGURES_EVERY_MS {
            self.view.page.frames.publish(start);
        }
        if let Some(c) = self.view.compare_trainer() {
            self.compare_view.draw(c, &self.settings, self.playing);
        }
        let Some((request, weights)) = lacking else { return };
        if self.playing || self.link.pending > 0 || self.paint_asked == Some((request, weights)) {
            return;
        }
        let Some(t) = self.view.trainer() else { return };
        let (epoch, parameters) = (t.epoch, t.network.parameters());
        self.paint_asked = Some((request, weights));
        self.pictures_asked = Some(request);
        self.send(ToWorker::Paint { request, epoch, parameters });
    }
}
