//! The verbs that change the page's state, grouped: setup edits (the engine's), run control,
//! the panels, the notices, how the page shows things, the user's points, and whole setups
//! opened.

use super::lessons::Lesson;
use super::notice::Notice;
use crate::engine::axes::Axes;
use crate::engine::edit::Edit;
use crate::engine::{Config, LayerNo, Point};
use crate::i18n::Lang;
use crate::settings::{Settings, Speed};

/// A verb that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A change of the setup, applied by the engine.
    Edit(Edit),
    /// Training started, stopped or begun afresh.
    Run(Run),
    /// A panel opened, closed or moved on.
    Panel(Panel),
    /// A message shown or dismissed.
    Notes(Notes),
    /// How the page shows things.
    View(View),
    /// The user's own points.
    Points(Points),
    /// Train a copy of this setup beside it, or stop comparing.
    ToggleCompare,
    /// Change the second setup.
    SetCompare(Box<Config>),
    /// Set the exercise and the controls hidden from students.
    SetExercise(Box<crate::exercise::Exercise>, Vec<String>),
    /// Open a ready setup of the lesson.
    LoadLesson(Lesson),
    /// Replace all settings (a link was opened).
    Load(Box<Settings>),
    /// Open a saved model: its settings, and its trained weights to start from.
    OpenModel(Box<Settings>, std::rc::Rc<crate::engine::Network>),
}

/// Training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    /// Start or stop training.
    Toggle,
    /// Stop training.
    Pause,
    /// A fresh network with the same data.
    Reset,
    /// This run met the exercise's goal at an epoch.
    GoalMet(u64),
    /// The run went back to an earlier epoch and trains on from there: a goal met later
    /// than it is not met any more.
    Rewound(u64),
    /// The worker answered a new setup.
    Started,
}

/// The panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Open or close the list of keyboard shortcuts.
    Help(bool),
    /// Open or close the dialog that makes an exercise.
    Builder(bool),
    /// Show a neuron's arithmetic (layer as the page numbers it, neuron), or close it.
    Inspect(Option<(LayerNo, usize)>),
    /// Show a layer as a matrix product (layer as the page numbers it), or close it.
    Matrix(Option<LayerNo>),
    /// The plane as a hidden layer sees it, shown or closed.
    Space(Option<LayerNo>),
    /// The loss landscape over a plane, shown or closed.
    Landscape(Option<crate::engine::landscape::Plane>),
    /// Backprop step by step on or off (training pauses).
    Backprop(bool),
    /// Open or close the satellite scene as the network maps it.
    Scene(bool),
    /// The input columns of a table on the picture's plane (x, then y).
    TablePlane([usize; 2]),
    /// The next stage of backprop step by step (after the last, the next point).
    BackpropNext,
    /// The previous stage.
    BackpropPrev,
    /// Walk through the update for this training point (its place in the training set), from
    /// the first stage.
    BackpropPoint(usize),
}

/// The messages at the top.
#[derive(Clone, Debug, PartialEq)]
pub enum Notes {
    /// Show a message (one of each kind at a time).
    Show(Notice),
    /// Remove message `i`.
    Dismiss(usize),
    /// The file being read is read, or its reading was cancelled: its progress goes.
    DismissReading,
}

/// How the page shows things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Hide or show the short explanations in place (`hideText`).
    HideText(bool),
    /// Everything larger, for a projector, or not.
    Projector(bool),
    /// Show test points.
    ShowTest(bool),
    /// Show sign(output).
    Discretize(bool),
    /// Interface language.
    Lang(Lang),
    /// Epochs per frame.
    Speed(Speed),
    /// Show or hide the performance readout.
    TogglePerformance,
    /// The window's size changed: the diagram's width follows it.
    Resized,
}

/// The user's own points.
#[derive(Clone, Debug, PartialEq)]
pub enum Points {
    /// Add a point (switches to the user's data).
    Add(Point),
    /// Replace the points (a CSV was loaded).
    Set(Vec<Point>, Axes),
    /// Remove every point (undoable).
    Clear,
    /// Bring back the points before the last "clear" or CSV load.
    Undo,
    /// The class new points get (class index; for two classes 1 is blue, 0 orange).
    DrawClass(usize),
    /// This browser could not keep the set of points of this name (too many for a link).
    NotKept(String),
    /// A table read from a CSV file, its columns to be chosen (none: the choice is closed).
    OfferTable(Option<std::rc::Rc<crate::engine::table::Table>>),
    /// The picture the class paints, opened, painted or renamed (none: closed).
    Picture(Option<std::rc::Rc<crate::engine::picture::Picture>>),
}
