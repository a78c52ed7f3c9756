//! The page's link to the worker: the worker, the requests of the run on their way to it,
//! whether it answers, and who waits for the answers to a view's asks.

use super::dom::now;
use super::worker::TrainingWorker;
use gloo_worker::WorkerBridge;
use std::collections::VecDeque;

/// The worker and the requests on their way to it.
pub(crate) struct WorkerLink {
    pub(super) worker: Option<WorkerBridge<TrainingWorker>>,
    /// Requests sent and not yet answered.
    pub(super) pending: u32,
    /// The epochs each request in flight asked for, under an exercise's epoch limit (0
    /// without one), oldest first: the worker answers in order.
    pub(super) asked: VecDeque<u64>,
    /// When the last epoch was asked for at the slow pace.
    pub(super) slow_asked_at: f64,
    /// When the worker last answered, or was first asked since its last answer.
    pub(super) heard_at: f64,
    /// Whether the worker was already started anew once after it stopped answering.
    pub(super) restarted: bool,
    /// Whether the worker now running has answered at least once (it has loaded).
    pub(super) answered: bool,
    /// Whether the worker now running reported an error it cannot go on from (its files
    /// missing, a script that does not parse): it is taken for stopped at once.
    pub(super) failed: bool,
    /// Who waits for which of the worker's answers to a view's asks.
    pub(super) waiting: super::waiting::Waiting<yew::Callback<super::service::Answer>>,
}

impl Default for WorkerLink {
    fn default() -> Self {
        WorkerLink {
            worker: None,
            pending: 0,
            asked: VecDeque::new(),
            slow_asked_at: f64::NEG_INFINITY,
            heard_at: now(),
            restarted: false,
            answered: false,
            failed: false,
            waiting: Default::default(),
        }
    }
}
