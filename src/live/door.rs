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
pub use super::service::{Ask, Export, FormulaRead, ModelRead, Service};
pub use super::sweeping::{SweepAsk, SweepRefusal, SweepState};
use crate::engine::{Network, Real};
use crate::settings::Settings;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// What a hand-in of the run as shown claims: the epoch, the test loss and accuracy measured
/// now from the weights shown, and those weights (flat, as a code holds them).
pub type Claim = (u64, f64, Option<f64>, Vec<Real>);

/// What the views read of the run: the page's live side, reached read-only through the door.
pub type RunView = RunHost;

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
        Command::Ask(AnyAsk(Box::new(move |live: &mut RunHost| live.ask(ask, then))))
    }
}

/// The answer of a command, given once the run is free.
type Reply = Box<dyn FnOnce()>;

impl RunHost {
    /// Does what a command says; what it answers, to be given once the run is free.
    fn obey(&mut self, command: Command) -> Option<Reply> {
        match command {
            Command::Sync { settings, generation, opened } => self.sync(&settings, generation, opened.as_deref()),
            Command::Follow { playing, goal_met } => self.follow(playing, goal_met),
            Command::Events(events) => self.events = Some(events),
            Command::StepOnce => self.step_once(),
            Command::ResetToSameWeights => self.reset_to_same_weights(),
            Command::StartNextAtRound(round) => self.start_next_at_round(round),
            Command::ViewEpoch(epoch) => self.view_epoch(epoch),
            Command::Ask(AnyAsk(ask)) => ask(self),
            Command::Cancel(service) => self.cancel(service),
            Command::Export(what, then) => self.export(what, then),
            Command::Hint(h) => self.hint(&h.config, h.epochs, h.aim, h.max_neurons, h.then),
            Command::Animate { word, discretize, show_test, then } => self.animate(&word, discretize, show_test, then),
            Command::Focus(focus) => self.set_focus(focus),
            Command::Highlight(h) => self.set_highlight(h),
            Command::NextInspectPoint => self.next_inspect_point(),
            Command::InspectAt(x, y) => {
                self.inspect_point = InspectPoint::At(x, y);
                self.frames.publish(super::dom::now());
            }
            Command::Describe(x, y, then) => {
                let words = self.describe_point(x, y);
                return Some(Box::new(move || then.emit(words)));
            }
            Command::ApplyBackprop(point) => self.apply_backprop(point),
            Command::SetParameter { layer, neuron, input, value } => self.set_parameter(layer, neuron, input, value),
            Command::PerceptronStep(then) => {
                let step = self.perceptron_step()?;
                return Some(Box::new(move || then.emit(step)));
            }
            Command::Claim(then) => {
                let claim = self.claim();
                return Some(Box::new(move || then.emit(claim)));
            }
            Command::Listen(listener) => self.frames.listen(listener),
            Command::Unlisten(listener) => self.frames.stop(&listener),
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
        read(&self.0.borrow())
    }
}
