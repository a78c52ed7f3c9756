//! The page's link to the worker: the worker, the requests of the run on their way to it,
//! whether it answers, and who waits for the answers to a view's asks.

use super::dom::now;
use super::protocol::ToWorker;
use super::service::{Answer, Answered, Ask, Service};
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

impl WorkerLink {
    /// Sends a request of the run, counted until its answer comes; `epochs` is what it asks
    /// for under an exercise's epoch limit (0 otherwise).
    pub(super) fn send(&mut self, message: ToWorker, epochs: u64) {
        if let Some(b) = &self.worker {
            if self.pending == 0 {
                self.heard_at = now();
            }
            self.pending += 1;
            self.asked.push_back(epochs);
            b.send(message);
        }
    }

    /// Asks the worker for a service (see [`super::service`]); `then` hears its answer, or
    /// each slice's of a sliced job until it is done. An earlier ask of the same service goes
    /// unheard and its job is dropped. Not counted as a request of the run.
    pub(super) fn ask<T: Answered>(&mut self, ask: Ask, then: yew::Callback<T>) {
        let Some(b) = &self.worker else { return };
        let listener = yew::Callback::from(move |answer| {
            if let Some(content) = T::from_answer(answer) {
                then.emit(content);
            }
        });
        let (id, replaced) = self.waiting.ask(ask.clone(), listener);
        if let Some(old) = replaced {
            b.send(ToWorker::Drop(old));
        }
        b.send(ToWorker::Ask { id, ask });
    }

    /// Stops the ask of `service` under way: the worker drops its job, and its answer goes
    /// unheard.
    pub(super) fn cancel(&mut self, service: Service) {
        if let (Some(id), Some(b)) = (self.waiting.cancel(service), &self.worker) {
            b.send(ToWorker::Drop(id));
        }
    }

    /// Who hears answer `id` of the worker; while `more` is to come and it is still heard,
    /// the job's next slice is asked for.
    pub(super) fn heard(&mut self, id: u64, more: bool) -> Option<yew::Callback<Answer>> {
        let listener = self.waiting.heard(id, more);
        if let (Some(_), true, Some(b)) = (&listener, more, &self.worker) {
            b.send(ToWorker::Step { id, budget_ms: super::jobs::SLICE_MS });
        }
        listener
    }

    /// Takes in the answer to the oldest request of the run.
    pub(super) fn answered(&mut self) {
        self.heard_at = now();
        self.answered = true;
        self.pending = self.pending.saturating_sub(1);
        self.asked.pop_front();
    }
}
