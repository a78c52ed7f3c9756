//! The interface's state: the settings a link carries, whether training plays, and the
//! verbs (`Action`) that change them. Pure Rust, so the rules are tested natively.
//!
//! Whether training plays and whether the exercise's goal was met are held here only: the
//! live side is told them, never changes them, and reports what happened as events.

pub use super::actions::{Action, Notes, Panel, Points, Run, View};
pub use super::backprop_steps::{backprop_stage, backprop_stages, Stage};
pub use super::lessons::Lesson;
pub use super::notice::Notice;
pub use super::settings::{Settings, Speed};
use crate::engine::axes::Axes;
use crate::engine::config::Problem;
use crate::engine::{Activation, Dataset, Loss, Point};

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
    /// A table read from a CSV file whose columns are being chosen.
    pub table_offer: Option<std::rc::Rc<crate::engine::table::Table>>,
    /// The picture the class paints ("Tu imagen"), open in the picture's place; its painted
    /// pixels are the data once every class has some.
    pub picture: Option<std::rc::Rc<crate::engine::picture::Picture>>,
    /// The epoch at which this run met the exercise's goal.
    pub goal_met: Option<u64>,
    /// Whether the dialog that makes an exercise is open.
    pub builder: bool,
    /// The trained weights the current run starts from (a model opened), if any.
    pub opened: Option<std::rc::Rc<crate::engine::Network>>,
    /// How many setups the worker has answered: the page's copy of a run, which the views
    /// read, is there from then on.
    pub started: u64,
    /// How many times the window's size changed.
    pub resized: u32,
    /// The effects the page has yet to carry out (see [`AppState::update`]).
    pub queue: super::effects::Queue,
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
            table_offer: None,
            picture: None,
            help: false,
            goal_met: None,
            builder: false,
            opened: None,
            started: 0,
            resized: 0,
            queue: Default::default(),
        }
    }

    /// Applies an action, returning the new state.
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        let before = s.settings.config.clone();
        let generation_before = s.generation;
        let mut opened = None;
        let painted = matches!(action, Action::Points(Points::Picture(_)));
        match action {
            Action::Edit(edit) => {
                // Another data set chosen closes the picture.
                if matches!(edit, Edit::Dataset(_) | Edit::Digits(_)) {
                    s.picture = None;
                }
                let mut next = s.settings.config.clone();
                next.apply(edit);
                // An exercise with a goal measures with its own loss and output: a change of
                // what is measured is refused, and said.
                if s.settings.exercise.goal.is_some() && !same_yardstick(&s.settings.config, &next) {
                    s.notes(Notes::Show(Notice::YardstickHeld));
                } else {
                    s.settings.config = next;
                }
            }
            Action::Run(run) => s.run(run),
            Action::Panel(panel) => s.panel(panel),
            Action::Notes(notes) => s.notes(notes),
            Action::View(view) => s.view(view),
            Action::Points(points) => s.points(points),
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
            Action::LoadLesson(lesson) => {
                let seed = s.settings.config.data.seed;
                s.settings.config = lesson.config();
                s.settings.config.data.seed = seed;
                s.settings.compare = lesson.compare().map(|mut c| {
                    c.data.seed = seed;
                    Box::new(c)
                });
                s.lesson = Some(lesson);
                s.picture = None;
                // A lesson on the satellite data opens its scene.
                s.settings.scene = s.settings.config.data.dataset == Dataset::Satellite;
                s.settings.speed = if lesson.is_quick() { Speed::Slow } else { Speed::Epochs(1) };
                s.settings.exercise = lesson.exercise();
                s.goal_met = None;
                s.generation += 1;
                s.playing = false;
            }
            Action::Load(settings) => {
                s.settings = *settings;
                s.picture = None;
                s.generation += 1;
                s.playing = false;
            }
            Action::OpenModel(settings, network) => {
                s.settings = *settings;
                s.picture = None;
                s.generation += 1;
                s.playing = false;
                opened = Some(network);
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
        // The satellite scene opens with its data set, and goes with it.
        let satellite = |c: &crate::engine::Config| c.data.dataset == Dataset::Satellite;
        if satellite(&s.settings.config) != satellite(&before) {
            s.settings.scene = satellite(&s.settings.config);
        }
        s.settings.scene &= satellite(&s.settings.config);
        // The picture stays open while its data are trained on, or until other data come; a
        // model that carries one opens it (painting keeps its strokes, even those not yet
        // trained on).
        let picture = crate::engine::picture::picture_of(&s.settings.config);
        if picture.is_some() && !painted && picture != s.picture.as_deref() {
            s.picture = picture.cloned().map(std::rc::Rc::new);
        } else if picture.is_none() && before.data.dataset != s.settings.config.data.dataset {
            s.picture = None;
        }
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

    fn run(&mut self, run: Run) {
        match run {
            // While an update is walked through step by step, training waits.
            Run::Toggle => self.playing = !self.playing && !self.settings.backprop,
            Run::Pause => self.playing = false,
            Run::Reset => {
                self.generation += 1;
                self.playing = false;
            }
            Run::GoalMet(epoch) => {
                if self.goal_met.is_none() && self.settings.exercise.goal.is_some() {
                    self.goal_met = Some(epoch);
                    self.playing = false;
                    self.notices.retain(|n| !matches!(n, Notice::GoalMet(_)));
                    self.notices.push(Notice::GoalMet(epoch));
                }
            }
            Run::Started => self.started += 1,
            Run::Rewound(epoch) => {
                if self.goal_met.is_some_and(|met| met > epoch) {
                    self.goal_met = None;
                    self.notices.retain(|n| !matches!(n, Notice::GoalMet(_)));
                }
            }
        }
    }

    fn panel(&mut self, panel: Panel) {
        match panel {
            Panel::Help(open) => self.help = open,
            Panel::Builder(open) => self.builder = open,
            Panel::Inspect(target) => self.settings.inspect = target,
            Panel::Matrix(layer) => self.settings.matrix = layer,
            Panel::Space(layer) => self.settings.space = layer,
            Panel::Landscape(plane) => self.settings.landscape = plane,
            Panel::Scene(open) => self.settings.scene = open,
            Panel::TablePlane(columns) => self.settings.table_plane = columns,
            Panel::Backprop(on) => {
                self.settings.backprop = on;
                self.backprop_stage = 0;
                self.playing = false;
            }
            Panel::BackpropNext => {
                let last = backprop_stages(self.settings.config.network.hidden.len() + 1).len() - 1;
                if self.backprop_stage >= last {
                    self.backprop_stage = 0;
                    self.backprop_point += 1;
                } else {
                    self.backprop_stage += 1;
                }
            }
            Panel::BackpropPrev => self.backprop_stage = self.backprop_stage.saturating_sub(1),
            Panel::BackpropPoint(point) => {
                self.backprop_point = point;
                self.backprop_stage = 0;
            }
        }
    }

    fn notes(&mut self, notes: Notes) {
        match notes {
            Notes::Show(n) => {
                if matches!(n, Notice::Diverged(_) | Notice::EarlyStopped { .. }) {
                    self.playing = false;
                }
                self.notices.retain(|m| std::mem::discriminant(m) != std::mem::discriminant(&n));
                self.notices.push(n);
            }
            Notes::DismissReading => self.notices.retain(|n| !matches!(n, Notice::ReadingFile(..))),
            Notes::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }

    fn view(&mut self, view: View) {
        let s = &mut self.settings;
        match view {
            View::HideText(hide) => s.hide_text = hide,
            View::Projector(on) => s.projector = on,
            View::ShowTest(b) => s.show_test = b,
            View::Discretize(b) => s.discretize = b,
            View::Lang(l) => s.lang = l,
            View::Speed(v) => s.speed = v,
            View::TogglePerformance => s.show_performance = !s.show_performance,
            View::Resized => self.resized = self.resized.wrapping_add(1),
        }
    }

    fn points(&mut self, points: Points) {
        let c = &mut self.settings.config;
        match points {
            Points::Add(p) => {
                c.data.dataset = Dataset::Custom;
                c.set_problem(Problem::Classification);
                if c.data.custom_points.len() < limits::MAX_POINTS {
                    c.data.custom_points.push(p);
                } else {
                    self.notices.retain(|n| *n != Notice::PointsFull);
                    self.notices.push(Notice::PointsFull);
                }
            }
            Points::Set(mut points, axes) => {
                if points.len() > limits::MAX_POINTS {
                    let total = points.len();
                    points = crate::engine::normalize::thin_evenly(points, limits::MAX_POINTS);
                    self.notices.retain(|n| !matches!(n, Notice::PointsThinned(_)));
                    self.notices.push(Notice::PointsThinned(total));
                }
                self.undo_points = Some((c.data.dataset, std::mem::take(&mut c.data.custom_points), std::mem::replace(&mut c.data.axes, axes)));
                c.data.dataset = Dataset::Custom;
                c.set_problem(Problem::Classification);
                c.data.custom_points = points;
            }
            Points::Clear => {
                if !c.data.custom_points.is_empty() {
                    self.undo_points = Some((c.data.dataset, std::mem::take(&mut c.data.custom_points), c.data.axes.clone()));
                }
            }
            Points::Undo => {
                if let Some((dataset, points, axes)) = self.undo_points.take() {
                    c.data.custom_points = points;
                    c.data.axes = axes;
                    c.data.dataset = dataset;
                    c.set_problem(if dataset.is_regression() { Problem::Regression } else { Problem::Classification });
                }
            }
            Points::DrawClass(k) => self.draw_class = k,
            Points::OfferTable(table) => self.table_offer = table,
            Points::Picture(picture) => {
                // Trained on as soon as every class has painted pixels.
                if let Some(table) = picture.as_ref().and_then(|p| p.table().ok()) {
                    c.apply(Edit::Table(Box::new(table)));
                }
                self.picture = picture;
            }
            Points::NotKept(name) => {
                self.settings.points_unkept = Some(name);
                self.notes(Notes::Show(Notice::PointsNotKept));
            }
        }
    }
}

/// The losses that fit an output activation.
pub fn valid_losses(output: Activation) -> Vec<Loss> {
    Loss::ALL.iter().copied().filter(|l| l.pairs_with(output)).collect()
}

/// Whether two setups measure a result the same way: the same problem and classes, output and
/// loss (what an exercise's goal is held to).
pub fn same_yardstick(a: &crate::engine::Config, b: &crate::engine::Config) -> bool {
    a.data.problem == b.data.problem && a.data.classes == b.data.classes && a.network.output == b.network.output && a.training.loss == b.training.loss
}
