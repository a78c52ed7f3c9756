//! The run as the page shows it: its draw of weights, its timeline, an earlier epoch shown,
//! the epoch the goal was met.

/// The run as the page shows it.
#[derive(Default)]
pub(crate) struct RunState {
    /// How many times the same setup was reset: each reset draws new initial weights.
    pub(super) round: u64,
    /// The next reset starts from the same initial weights as this run.
    pub(super) same_weights: bool,
    /// The next setup starts from this draw of initial weights (a sweep's setup, opened).
    pub(super) next_round: Option<u64>,
    /// The epoch at which this run met the exercise's goal, as the page's state holds it.
    pub(super) goal_met: Option<u64>,
    /// The weights at earlier epochs of this run.
    pub(super) timeline: super::timeline::Timeline,
    /// An earlier epoch shown from the timeline.
    pub(super) viewing: Option<Viewing>,
    /// What the worker computed for the open views (a layer's space, the landscape), newest
    /// of each kind.
    pub(super) derived: super::derived::Answers,
}

/// An earlier epoch shown from the timeline, and the run's newest state meanwhile.
pub(crate) struct Viewing {
    pub(super) epoch: u64,
    pub(super) newest_epoch: u64,
    pub(super) newest: super::timeline::Parameters,
    pub(super) newest_report: Option<crate::engine::EpochReport>,
}
