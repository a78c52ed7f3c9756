//! The interface's state: the settings a link carries, whether training plays, and the
//! verbs (`Action`) that change them. Pure Rust, so the rules are tested natively.

pub use super::backprop_steps::{backprop_stage, backprop_stages, Stage};
use super::i18n::Lang;
pub use super::lessons::Lesson;
pub use super::notice::Notice;
pub use super::settings::{Settings, Speed};
use crate::engine::axes::Axes;
use crate::engine::config::Problem;
use crate::engine::{Activation, Config, Dataset, Loss, Point};

pub use crate::engine::edit::{Edit, OptimizerParam, MAX_LAYERS};
use crate::engine::limits::{self, BATCH_SIZE, NEURONS};
pub use crate::engine::limits::{DROPOUT_RATES, LEARNING_RATES, REGULARIZATION_RATES};
/// Most neurons per hidden layer.
pub const MAX_NEURONS: usize = NEURONS.max as usize;
/// A batch size this large means the whole training set (full-batch gradient descent).
pub const FULL_BATCH: usize = BATCH_SIZE.max as usize;

/// The whole interface state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What the link carries.
    pub settings: Settings,
    /// Whether training runs.
    pub playing: bool,
    /// Bumped whenever the network must start afresh (reset, or a structural change).
    pub generation: u64,
    /// Messages shown at the top.
    pub notices: Vec<Notice>,
    /// The lesson last opened, whose caption is shown.
    pub lesson: Option<Lesson>,
    /// The class of points added by clicking.
    pub draw_class: usize,
    /// Backprop step by step: the stage shown (see [`backprop_stage`]).
    pub backprop_stage: usize,
    /// Backprop step by step: the training point (its place in the training set).
    pub backprop_point: usize,
    /// The user's points (and the data set) before the last "clear" or CSV load, which
    /// "undo" brings back.
    pub undo_points: Option<(Dataset, Vec<Point>, Axes)>,
    /// Whether the list of keyboard shortcuts is open.
    pub help: bool,
    /// The epoch at which this run met the exercise's goal.
    pub goal_met: Option<u64>,
    /// Whether the dialog that makes an exercise is open.
    pub builder: bool,
    /// The trained weights the current run starts from (a model opened), if any.
    pub opened: Option<std::rc::Rc<crate::engine::Network>>,
}

/// A verb that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A change of the setup, applied by the engine.
    Edit(Edit),
    /// Start or stop training.
    TogglePlay,
    /// Open or close the list of keyboard shortcuts.
    SetHelp(bool),
    /// Hide or show the short explanations in place (`hideText`).
    SetHideText(bool),
    /// This run met the exercise's goal at an epoch.
    GoalMet(u64),
    /// Open or close the dialog that makes an exercise.
    SetBuilder(bool),
    /// Train a copy of this setup beside it, or stop comparing.
    ToggleCompare,
    /// Change the second setup.
    SetCompare(Box<Config>),
    /// Set the exercise and the controls hidden from students.
    SetExercise(Box<super::exercise::Exercise>, std::collections::BTreeSet<String>),
    /// Everything larger, for a projector, or not.
    SetProjector(bool),
    /// Stop training.
    Pause,
    /// A fresh network with the same data.
    Reset,
    /// Show test points.
    SetShowTest(bool),
    /// Show sign(output).
    SetDiscretize(bool),
    /// Interface language.
    SetLang(Lang),
    /// Epochs per frame.
    SetSpeed(Speed),
    /// Show or hide the performance readout.
    TogglePerformance,
    /// Replace all settings (a link was opened).
    Load(Box<Settings>),
    /// Open a saved model: its settings, and its trained weights to start from.
    OpenModel(Box<Settings>, std::rc::Rc<crate::engine::Network>),
    /// Show a message.
    Notify(Notice),
    /// Remove message `i`.
    Dismiss(usize),
    /// The file being read is read, or its reading was cancelled: its progress goes.
    DismissReading,
    /// Open a ready setup of the lesson.
    LoadLesson(Lesson),
    /// Add a user point (switches to the user's data).
    AddPoint(Point),
    /// Replace the user's points (a CSV was loaded).
    SetPoints(Vec<Point>, Axes),
    /// Remove every user point (undoable).
    ClearPoints,
    /// Bring back the points before the last "clear" or CSV load.
    UndoPoints,
    /// The class new points get (class index; for two classes 1 is blue, 0 orange).
    SetDrawClass(usize),
    /// Show a neuron's arithmetic (layer as the page numbers it, neuron), or close it.
    Inspect(Option<(usize, usize)>),
    /// Show a layer as a matrix product (layer as the page numbers it), or close it.
    ShowMatrix(Option<usize>),
    /// Backprop step by step on or off (training pauses).
    SetBackprop(bool),
    /// The next stage of backprop step by step (after the last, the next point).
    BackpropNext,
    /// The previous stage.
    BackpropPrev,
    /// Walk through the update for this training point (its place in the training set), from
    /// the first stage.
    SetBackpropPoint(usize),
}

impl AppState {
    /// The state for some settings, paused.
    pub fn new(settings: Settings) -> AppState {
        AppState {
            settings,
            playing: false,
            generation: 0,
            notices: Vec::new(),
            lesson: None,
            draw_class: 1,
            backprop_stage: 0,
            backprop_point: 0,
            undo_points: None,
            help: false,
            goal_met: None,
            builder: false,
            opened: None,
        }
    }

    /// Applies an action, returning the new state.
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        let before = s.settings.config.clone();
        let generation_before = s.generation;
        let mut opened = None;
        let c = &mut s.settings.config;
        match action {
            Action::Edit(edit) => c.apply(edit),
            // While an update is walked through step by step, training waits.
            Action::TogglePlay => s.playing = !s.playing && !s.settings.backprop,
            Action::SetHelp(open) => s.help = open,
            Action::SetHideText(hide) => s.settings.hide_text = hide,
            Action::GoalMet(epoch) => {
                if s.goal_met.is_none() && s.settings.exercise.goal.is_some() {
                    s.goal_met = Some(epoch);
                    s.playing = false;
                    s.notices.retain(|n| !matches!(n, Notice::GoalMet(_)));
                    s.notices.push(Notice::GoalMet(epoch));
                }
            }
            Action::SetBuilder(open) => s.builder = open,
            Action::ToggleCompare => {
                s.settings.compare = match s.settings.compare {
                    Some(_) => None,
                    None => Some(Box::new(s.settings.config.clone())),
                };
                s.generation += 1;
                s.playing = false;
            }
            Action::SetCompare(config) => {
                if s.settings.compare.is_some() {
                    let restart = s.settings.compare.as_ref().is_some_and(|c| c.needs_new_network(&config));
                    s.settings.compare = Some(config);
                    // Both start again together when the second needs a new network.
                    if restart {
                        s.generation += 1;
                        s.playing = false;
                    }
                }
            }
            Action::SetExercise(exercise, hidden) => {
                s.settings.exercise = *exercise;
                s.settings.hidden_controls = hidden;
                s.goal_met = None;
                s.builder = false;
            }
            Action::SetProjector(on) => s.settings.projector = on,
            Action::Pause => s.playing = false,
            Action::Reset => {
                s.generation += 1;
                s.playing = false;
            }
            Action::AddPoint(p) => {
                c.data.dataset = Dataset::Custom;
                c.set_problem(Problem::Classification);
                if c.data.custom_points.len() < limits::MAX_POINTS {
                    c.data.custom_points.push(p);
                } else {
                    s.notices.retain(|n| *n != Notice::PointsFull);
                    s.notices.push(Notice::PointsFull);
                }
            }
            Action::SetPoints(mut points, axes) => {
                if points.len() > limits::MAX_POINTS {
                    let total = points.len();
                    points = crate::engine::normalize::thin_evenly(points, limits::MAX_POINTS);
                    s.notices.retain(|n| !matches!(n, Notice::PointsThinned(_)));
                    s.notices.push(Notice::PointsThinned(total));
                }
                s.undo_points = Some((c.data.dataset, std::mem::take(&mut c.data.custom_points), std::mem::replace(&mut c.data.axes, axes)));
                c.data.dataset = Dataset::Custom;
                c.set_problem(Problem::Classification);
                c.data.custom_points = points;
            }
            Action::ClearPoints => {
                if !c.data.custom_points.is_empty() {
                    s.undo_points = Some((c.data.dataset, std::mem::take(&mut c.data.custom_points), c.data.axes.clone()));
                }
            }
            Action::UndoPoints => {
                if let Some((dataset, points, axes)) = s.undo_points.take() {
                    c.data.custom_points = points;
                    c.data.axes = axes;
                    c.data.dataset = dataset;
                    c.set_problem(if dataset.is_regression() { Problem::Regression } else { Problem::Classification });
                }
            }
            Action::SetDrawClass(k) => s.draw_class = k,
            Action::LoadLesson(lesson) => {
                let seed = c.data.seed;
                s.settings.config = lesson.config();
                s.settings.config.data.seed = seed;
                s.lesson = Some(lesson);
                s.settings.speed = if lesson.is_quick() { Speed::Slow } else { Speed::Epochs(1) };
                s.settings.exercise = lesson.exercise();
                s.goal_met = None;
                s.generation += 1;
                s.playing = false;
            }
            Action::Inspect(target) => s.settings.inspect = target,
            Action::ShowMatrix(layer) => s.settings.matrix = layer,
            Action::SetBackprop(on) => {
                s.settings.backprop = on;
                s.backprop_stage = 0;
                s.playing = false;
            }
            Action::BackpropNext => {
                let last = backprop_stages(c.network.hidden.len() + 1).len() - 1;
                if s.backprop_stage >= last {
                    s.backprop_stage = 0;
                    s.backprop_point += 1;
                } else {
                    s.backprop_stage += 1;
                }
            }
            Action::BackpropPrev => s.backprop_stage = s.backprop_stage.saturating_sub(1),
            Action::SetBackpropPoint(point) => {
                s.backprop_point = point;
                s.backprop_stage = 0;
            }
            Action::SetShowTest(b) => s.settings.show_test = b,
            Action::SetDiscretize(b) => s.settings.discretize = b,
            Action::SetLang(l) => s.settings.lang = l,
            Action::SetSpeed(v) => s.settings.speed = v,
            Action::TogglePerformance => s.settings.show_performance = !s.settings.show_performance,
            Action::Load(settings) => {
                s.settings = *settings;
                s.generation += 1;
                s.playing = false;
            }
            Action::OpenModel(settings, network) => {
                s.settings = *settings;
                s.generation += 1;
                s.playing = false;
                opened = Some(network);
            }
            Action::Notify(n) => {
                if matches!(n, Notice::Diverged(_) | Notice::EarlyStopped { .. }) {
                    s.playing = false;
                }
                s.notices.retain(|m| std::mem::discriminant(m) != std::mem::discriminant(&n));
                s.notices.push(n);
            }
            Action::DismissReading => s.notices.retain(|n| !matches!(n, Notice::ReadingFile(..))),
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        // Whatever the verb, the setup stays within the limits every link and file is held to,
        // and within the exercise's.
        s.settings.config.normalize();
        if let Some(c) = s.settings.compare.as_mut() {
            c.normalize();
        }
        if let Some(max) = s.settings.exercise.max_neurons {
            super::exercise::hold_to_neurons(&mut s.settings.config.network.hidden, max);
            s.settings.config.normalize();
        }
        s.settings.keep_inspect_valid();
        if before.needs_new_network(&s.settings.config) {
            s.generation += 1;
        }
        // A new run has not met the goal, diverged or stopped early yet; it starts from the
        // weights of a model just opened, or from fresh ones.
        if s.generation != generation_before {
            s.opened = opened;
            s.goal_met = None;
            s.notices.retain(|n| !matches!(n, Notice::GoalMet(_) | Notice::Diverged(_) | Notice::EarlyStopped { .. }));
        }
        s
    }
}

/// The losses that fit an output activation.
pub fn valid_losses(output: Activation) -> Vec<Loss> {
    Loss::ALL.iter().copied().filter(|l| l.pairs_with(output)).collect()
}
