//! What the page tells the user until dismissed.

/// Something the page tells the user until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The link had values that were repaired or ignored.
    Repaired(Vec<crate::engine::normalize::Repair>),
    /// A file over the size the page reads was refused unread: its name and size in bytes.
    FileTooLarge(String, f64),
    /// A file is being read: its name and how much is read, in percent.
    ReadingFile(String, u32),
    /// The opened model file had values that were repaired.
    FileRepaired(Vec<crate::engine::normalize::Repair>),
    /// The exercise's goal was met at this epoch.
    GoalMet(u64),
    /// Training produced NaN or infinity at this epoch and stopped.
    Diverged(u64),
    /// Early stopping ended the run; the weights of `best` were restored.
    EarlyStopped {
        /// Epoch where it stopped.
        at: u64,
        /// Epoch whose weights were restored.
        best: u64,
    },
    /// The link is on the clipboard.
    LinkCopied,
    /// The browser refused to put the link on the clipboard.
    LinkNotCopied,
    /// These CSV lines (numbered from 1) were not points, and why.
    CsvSkipped(Vec<(usize, crate::engine::csv::CsvProblem)>),
    /// No line of the CSV file was a point: nothing was changed.
    CsvEmpty,
    /// A CSV file with a header could not be read as a table: nothing was changed.
    TableRefused(crate::engine::table::TableProblem),
    /// A file (its name) could not be read as a picture: nothing was changed.
    PictureRefused(String),
    /// These lines of a table (numbered from 1) were not rows, and why.
    TableSkipped(Vec<(usize, crate::engine::table::TableProblem)>),
    /// The file had this many points, more than the playground takes: every k-th was kept.
    PointsThinned(usize),
    /// The user's data is full: no point was added.
    PointsFull,
    /// The link's points were kept in another browser: they are not here.
    PointsNotHere,
    /// The points are too many for a link and this browser could not keep them either.
    PointsNotKept,
    /// A saved model was opened.
    ModelLoaded,
    /// The training worker stopped answering, even once started anew: nothing trains.
    WorkerStopped,
    /// The training worker stopped answering and was started anew from the run shown.
    WorkerRestarted,
    /// An exercise with a goal is open: what it measures (problem, classes, output, loss)
    /// stays as it set them.
    YardstickHeld,
    /// A link's typed formula could not be read: its text and why.
    FormulaRejected(String, crate::engine::formula::FormulaError),
    /// A file could not be read as a model; the reason names the field.
    ModelRejected(crate::engine::model::ModelError),
}
