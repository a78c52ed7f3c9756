//! The views' one door to the run: `send` a [`Command`], `read` the run as the page shows it.
//! A command that answers carries where its answer goes; the answer is given once the run is
//! free again, so that whoever hears it may read the run at once.

use super::draw::Focus;
use super::page::RunHost;
use super::service::Answered;

// The door's words: what can be asked of the worker and what comes back.
pub use super::classroom::{AnimationRefusal, AnimationState, Checked, Qr, CODE_QR_VERSION, LINK_QR_VERSION, MIN_FRAMES};
pub use super::hinting::{HintFound, HintState};
pub use super::math::InspectPoint;
pub use super::page::RunEvent;
use super::protocol::ToWorker;
use super::run::Edit;
pub use super::service::{Ask, Export, FormulaRead, ModelRead, Service};
pub use super::sweeping::{SweepAsk, SweepRefusal, SweepState};
use crate::engine::{Network, Real};
use crate::settings::Settings;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

pub use super::teaching::{Claim, Teaching};

/// What the views read of the run: the run as shown, built from the worker's answers, and the
/// page's notes beside it.
pub type RunView = super::page::ShownRun;

/// An ask of the worker, its answer's type known only to whoever made it.
pub struct AnyAsk(Box<dyn FnOnce(&mut RunHost)>);

/// What a view can tell the run to do.
pub enum Command {
    /// Keep the run in line with the settings, at the state's generation (a new one starts a
    /// new run), from a network opened from a file if there is one.
    Sync {
        settings: Box<Settings>,
        generation: u64,
        opened: Option<Rc<Network>>,
    },
    /// Play or pause as the state says, and whether the exercise's goal was met.
    Follow {
        playing: bool,
        goal_met: Option<u64>,
    },
    /// Where the run's events go (the page's state hears them).
    Events(Callback<RunEvent>),
    /// Train one epoch.
    StepOnce,
    /// Start again from the same initial weights.
    ResetToSameWeights,
    /// Start the next run (of a sweep's series) at this round.
    StartNextAtRound(u64),
    /// Show an earlier epoch from the timeline.
    ViewEpoch(u64),
    /// An ask of the worker (see [`Command::ask`]).
    Ask(AnyAsk),
    /// Stop the ask of a service under way.
    Cancel(Service),
    /// Have the worker write a file of the run with the weights shown.
    Export(Export, Callback<Option<String>>),
    /// Have the worker work out a hint for an exercise.
    Hint(Box<HintOrder>),
    /// Have the worker make an animated GIF of the run, labelled with a word and the epoch.
    Animate {
        word: String,
        discretize: bool,
        show_test: bool,
        then: Callback<super::classroom::AnimationState>,
    },
    /// Show another picture in the big heatmap.
    Focus(Focus),
    /// Highlight a link (layer, neuron, input), or none.
    Highlight(Option<(usize, usize, usize)>),
    /// The inspector moves on to the next training point.
    NextInspectPoint,
    /// The inspector computes at a point of the plane.
    InspectAt(Real, Real),
    /// What the network says at a point of the plane, in words.
    Describe(Real, Real, Callback<Option<String>>),
    /// Apply the backprop walk-through's update at a training point.
    ApplyBackprop(usize),
    /// Set a neuron's weight from `input` (or, with `None`, its bias).
    SetParameter {
        layer: usize,
        neuron: usize,
        input: Option<usize>,
        value: Real,
    },
    /// Apply the perceptron rule to the next training point; says what it did.
    PerceptronStep(Callback<crate::engine::perceptron::PerceptronStep>),
    /// What a hand-in of the run as shown claims (none without a run or test data).
    Claim(Callback<Option<Claim>>),
    /// Hear the frame stamp each time the run moved; and no longer.
    Listen(Callback<u64>),
    Unlisten(Callback<u64>),
}

/// What a hint is worked out from.
pub struct HintOrder {
    pub config: crate::engine::Config,
    pub epochs: u64,
    pub aim: crate::engine::hint::Aim,
    pub max_neurons: Option<usize>,
    pub then: Callback<super::hinting::HintState>,
}

impl Command {
    /// Asks the worker for a service; `then` hears its answer, or each slice's of a sliced job.
    pub fn ask<T: Answered + 'static>(ask: Ask, then: Callback<T>) -> Command {
        Command::Ask(AnyAsk(Box::new(move |live: &mut RunHost| live.link.ask(ask, then))))
    }
}

/// The answer of a command, given once the run is free.
pub(super) type Reply = Box<dyn FnOnce()>;

impl RunHost {
    /// Does what a command says; what it answers, to be given once the run is free.
    fn obey(&mut self, command: Command) -> Option<Reply> {
        let lang = self.settings.lang;
        match command {
            Command::Sync { settings, generation, opened } => self.sync(&settings, generation, opened.as_deref()),
            Command::Follow { playing, goal_met } => self.follow(playing, goal_met),
            Command::Events(events) => self.events = Some(events),
            Command::StepOnce => {
                self.continue_from_viewed();
                // A step asked before the worker has answered the setup (the digits still on
                // their way) follows the setup in the worker's queue.
                let trains = self.view.trainer().map_or(self.view.setup().1, |t| t.stopped.is_none());
                if trains && self.epochs_left() > 0 {
                    self.send(ToWorker::Train { epochs: 1, budget_ms: f64::INFINITY });
                }
            }
            Command::ResetToSameWeights => self.draws.same_weights = true,
            Command::StartNextAtRound(round) => self.draws.next_round = Some(round),
            Command::ViewEpoch(epoch) => self.view_epoch(epoch),
            Command::Ask(AnyAsk(ask)) => ask(self),
            Command::Cancel(service) => self.link.cancel(service),
            Command::Export(what, then) => {
                if let Some(network) = self.view.trainer().map(|t| Box::new(t.network.clone())) {
                    self.link.ask(Ask::Export(what, network), then);
                }
            }
            Command::Hint(h) => {
                let ask = super::hinting::HintAsk { config: h.config, round: self.draws.round, epochs: h.epochs, aim: h.aim, max_neurons: h.max_neurons };
                self.link.ask(Ask::Hint(Box::new(ask)), h.then);
            }
            Command::Animate { word, discretize, show_test, then } => {
                let ask = super::classroom::AnimationAsk::of(&self.view, &word, discretize, show_test);
                self.link.ask(Ask::Animation(Box::new(ask)), then);
            }
            Command::Focus(focus) => {
                if self.view.page.focus != focus {
                    self.view.page.focus = focus;
                    self.ask_for_pictures(false);
                    // Shown at once (painted here until the worker's pictures of it come).
                    self.draw();
                }
            }
            Command::Highlight(h) => {
                if self.views.highlight != h {
                    self.views.highlight = h;
                    if let Some(t) = self.view.trainer() {
                        self.views.draw_network(t, self.playing);
                    }
                }
            }
            Command::NextInspectPoint => {
                let points = self.view.trainer().map_or(1, |t| t.split.train.len().max(1));
                let next = match self.view.page.inspect_point {
                    InspectPoint::Training(i) => (i + 1) % points,
                    InspectPoint::At(..) => 0,
                };
                self.view.page.inspect_point = InspectPoint::Training(next);
                self.view.page.frames.publish(super::dom::now());
            }
            Command::InspectAt(x, y) => {
                self.view.page.inspect_point = InspectPoint::At(x, y);
                self.view.page.frames.publish(super::dom::now());
            }
            Command::Describe(x, y, then) => {
                let words = self.view.teaching(None).map(|t| t.describe(x, y, lang));
                return Some(Box::new(move || then.emit(words)));
            }
            Command::ApplyBackprop(point) => self.edit(Edit::Backprop(point)),
            Command::SetParameter { layer, neuron, input, value } => self.edit(Edit::Parameter { layer, neuron, input, value }),
            Command::PerceptronStep(then) => self.edit(Edit::PerceptronStep(then)),
            Command::Claim(then) => {
                let claim = self.view.teaching(None).and_then(Teaching::claim);
                return Some(Box::new(move || then.emit(claim)));
            }
            Command::Listen(listener) => self.view.page.frames.listen(listener),
            Command::Unlisten(listener) => self.view.page.frames.stop(&listener),
        }
        None
    }
}

/// The run, as the views reach it: equal when it is the same one.
#[derive(Clone)]
pub struct RunDoor(Rc<RefCell<RunHost>>);

impl PartialEq for RunDoor {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl RunDoor {
    /// The page's run, with its worker started.
    pub fn open() -> RunDoor {
        RunDoor(RunHost::new())
    }

    /// Tells the run what to do; an answer, if the command has one, is given before this
    /// returns, once the run is free.
    pub fn send(&self, command: Command) {
        let reply = self.0.borrow_mut().obey(command);
        if let Some(reply) = reply {
            reply();
        }
    }

    /// Reads the run as the page shows it.
    pub fn read<R>(&self, read: impl FnOnce(&RunView) -> R) -> R {
        read(&self.0.borrow().view)
    }
}
