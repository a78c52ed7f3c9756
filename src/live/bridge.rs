//! The worker bridge and its flow control: requests sent and counted, answers taken into the
//! run as shown (run_view.rs) and the pictures, the next epochs asked for at the chosen pace,
//! and a worker that stopped answering started anew once.

use super::dom::now;
use super::page::{RunEvent, RunHost};
use super::protocol::{Event, Snapshot, ToWorker};

use super::routing::{spawn_worker, watch_worker_errors};
use crate::settings::Speed;
use std::cell::RefCell;
use std::rc::Rc;

/// Training time the worker spends per request at the fastest speed, in milliseconds.
const MAX_SPEED_BUDGET_MS: f64 = 14.0;
/// Training time per request never exceeds this, whatever the speed.
pub(super) const FRAME_CAP_MS: f64 = 40.0;

impl RunHost {
    /// Starts the training worker for the page's side `live`.
    pub(super) fn start_worker(live: &Rc<RefCell<RunHost>>) {
        watch_worker_errors(Rc::downgrade(live));
        let bridge = spawn_worker(Rc::downgrade(live));
        let mut me = live.borrow_mut();
        me.link.worker = Some(bridge);
        me.me = Rc::downgrade(live);
    }

    /// A worker that has answered before and then not for this long (milliseconds) while
    /// asked is taken for stopped: it died. Its answers come within a frame or two (every
    /// request is cut into slices of at most 40 ms), so this is far beyond any slow machine.
    const WORKER_SILENCE_MS: f64 = 4_000.0;
    /// A worker that has not answered its first request for this long has failed to start
    /// (its files missing or broken): its download and compilation take a second or two on a
    /// slow school line.
    const WORKER_FIRST_ANSWER_MS: f64 = 8_000.0;

    /// Notices a worker that stopped answering: starts one anew once, from the page's weights
    /// and epoch, and says so; the second time, stops and says so.
    pub(super) fn check_worker(&mut self) {
        let limit = if self.link.answered { Self::WORKER_SILENCE_MS } else { Self::WORKER_FIRST_ANSWER_MS };
        if !self.link.failed && (self.link.pending == 0 || now() - self.link.heard_at < limit) {
            return;
        }
        self.link.failed = false;
        self.link.pending = 0;
        self.link.asked.clear();
        self.link.heard_at = now();
        if !self.link.restarted {
            self.link.restarted = true;
            self.link.answered = false;
            self.link.worker = Some(spawn_worker(self.me.clone()));
            self.tell(RunEvent::WorkerRestarted);
            let (id, round) = (self.view.setup().0, self.draws.round);
            let config = Box::new(self.settings.config.clone());
            // The run goes on from its newest state (an earlier epoch shown stays shown).
            match self.view.newest().zip(self.view.trainer()) {
                Some(((epoch, parameters), t)) => {
                    let mut network = t.network.clone();
                    network.set_parameters(&parameters);
                    self.send(ToWorker::Resume { id, config, round, network: Box::new(network), epoch })
                }
                None => self.send(ToWorker::Setup { id, config, round, network: None }),
            }
            if let Some(c) = self.settings.compare.clone() {
                self.send(ToWorker::Compare(Some(c)));
            }
            self.ask_for_pictures(true);
            // The asks still waiting are asked of the new worker (a sliced job starts over).
            let asks: Vec<_> = self.link.waiting.asks().map(|(id, ask)| ToWorker::Ask { id, ask: ask.clone() }).collect();
            if let Some(b) = &self.link.worker {
                asks.into_iter().for_each(|ask| b.send(ask));
            }
            return;
        }
        // Nothing more is sent to it: Play now says the training stopped.
        self.link.worker = None;
        self.tell(RunEvent::WorkerStopped);
    }

    /// Sends a request of the run, counted until its answer comes.
    pub(super) fn send(&mut self, message: ToWorker) {
        let epochs = match &message {
            ToWorker::Train { epochs, .. } if self.settings.exercise.max_epochs.is_some() => *epochs,
            _ => 0,
        };
        self.link.send(message, epochs);
    }

    /// Takes in the worker's answer; returns what the Yew state should hear of it, and what
    /// a view asked to hear of it (both heard once the run is free).
    pub(super) fn receive(&mut self, mut s: Snapshot) -> (Vec<RunEvent>, Option<super::door::Reply>) {
        self.link.answered();
        let mut events = Vec::new();
        let reply = s.perceptron.take().zip(self.perceptron_heard.pop_front()).map(|(step, then)| Box::new(move || then.emit(step)) as super::door::Reply);
        let waiting = self.view.setup().1;
        let applied = self.view.apply(&mut s, &self.settings.config, self.settings.compare.as_deref());
        if waiting && !self.view.setup().1 {
            // The worker answered the setup: the copy of the run is here (or there is no run,
            // without data), and what depends on its network is set up again.
            let layout = self.views.layout.clone();
            self.views.setup_changed(layout, self.view.trainer());
            self.view.page.focus = self.view.page.focus.within(self.view.trainer());
            events.push(RunEvent::Started);
            self.dirty = true;
            self.request_frame();
        }
        if !applied {
            return (events, reply);
        }
        self.perf.worker(s.trained, s.train_ms);
        if let Some(picture) = s.compare.as_mut().and_then(|run| run.picture.take()) {
            self.compare_view.take_picture(picture);
        }
        if let Some(pictures) = s.pictures.take() {
            self.views.take_pictures(pictures);
            self.paint_asked = None;
        }
        if let Some(epoch) = s.rewound {
            self.tell(RunEvent::Rewound(epoch));
        }
        // Said once per run (the page's state pauses). Before any training only an exercise
        // done by hand (no epochs allowed) can be met, once the student has set a weight:
        // fresh random weights do not count.
        let by_hand = self.settings.exercise.max_epochs == Some(0) && self.edited;
        if let (Some(goal), None, Some(t)) = (self.settings.exercise.goal, self.goal_met, self.view.trainer()) {
            let m = t.last.as_ref().map(|r| r.test.as_ref().unwrap_or(&r.train));
            let map = self.view.derived().scene().map(|m| m.accuracy);
            if (t.epoch > 0 || by_hand) && m.is_some_and(|m| goal.met(m.loss, m.accuracy, map)) {
                events.push(RunEvent::GoalMet(t.epoch));
            }
        }
        match s.event {
            Some(Event::EarlyStopped { at, best }) => events.push(RunEvent::EarlyStopped { at, best }),
            Some(Event::Diverged(epoch)) => events.push(RunEvent::Diverged(epoch)),
            None => {}
        }
        // A run that stopped by itself waits for the page's state to pause it.
        let stopped = !events.is_empty() || s.event.is_some() || !s.trainable;
        if stopped && self.playing {
            if !s.trainable {
                events.push(RunEvent::Stopped);
            }
            self.ask_for_pictures(true);
        }
        if self.playing && !stopped && self.settings.speed == Speed::Max {
            self.ask_for_epochs();
        }
        self.dirty = true;
        self.request_frame();
        (events, reply)
    }

    /// Asks the worker for the next epochs, when it is not busy enough: at a fixed pace one
    /// request at a time (one a frame); as fast as possible two, so that the worker finds the
    /// next request waiting when it finishes one and never idles while the page answers.
    pub(super) fn ask_for_epochs(&mut self) {
        if self.view.trainer().is_none_or(|t| t.stopped.is_some()) {
            return;
        }
        let (request, in_flight) = match self.settings.speed {
            Speed::Slow => {
                if now() - self.link.slow_asked_at < Speed::SLOW_MS || self.link.pending > 0 {
                    return;
                }
                self.link.slow_asked_at = now();
                // A threshold unit goes one move of its line at a time.
                let request =
                    if self.settings.config.is_perceptron() { ToWorker::PerceptronTick } else { ToWorker::Train { epochs: 1, budget_ms: FRAME_CAP_MS } };
                (request, 1)
            }
            Speed::Epochs(n) => (ToWorker::Train { epochs: n as u64, budget_ms: FRAME_CAP_MS }, 1),
            Speed::Max => (ToWorker::Train { epochs: u64::MAX, budget_ms: MAX_SPEED_BUDGET_MS }, 2),
        };
        // An exercise's epoch limit: ask for no more than it leaves, and stop there.
        if self.epochs_left() == 0 {
            if self.link.pending == 0 {
                self.ask_for_pictures(true);
                self.tell(RunEvent::Stopped);
            }
            return;
        }
        while self.link.pending < in_flight {
            let left = self.epochs_left();
            if left == 0 {
                break;
            }
            match &request {
                ToWorker::Train { epochs, budget_ms } => {
                    let epochs = (*epochs).min(left);
                    self.send(ToWorker::Train { epochs, budget_ms: *budget_ms });
                }
                other => self.send(other.clone()),
            }
        }
    }
}
