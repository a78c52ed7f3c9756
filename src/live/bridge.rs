//! The worker bridge and its flow control: requests sent and counted, answers taken into the
//! mirror (and the compared run's copy, and the pictures), the next epochs asked for at the
//! chosen pace, and a worker that stopped answering started anew once.

use super::dom::now;
use super::page::{RunEvent, RunHost};
use super::protocol::{Event, Snapshot, ToWorker};
use super::service::{Answer, Answered, Ask, Service};

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
            let id = self.mirror.setup;
            let config = self.settings.config.clone();
            match self.mirror.trainer.as_ref().map(|t| (t.network.clone(), t.epoch)) {
                Some((network, epoch)) => {
                    self.send(ToWorker::Resume { id, config: Box::new(config), round: self.run.round, network: Box::new(network), epoch })
                }
                None => self.send(ToWorker::Setup { id, config: Box::new(config), round: self.run.round, network: None }),
            }
            if let Some(c) = self.settings.compare.clone() {
                self.send(ToWorker::Compare(Some(c)));
            }
            self.pictures_asked = None;
            self.ask_for_pictures();
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

    /// Asks the worker for a service (see [`super::service`]); `then` hears its answer, or
    /// each slice's of a sliced job until it is done. An earlier ask of the same service goes
    /// unheard and its job is dropped. Not counted as a request of the run.
    pub(super) fn ask<T: Answered>(&mut self, ask: Ask, then: yew::Callback<T>) {
        let Some(b) = &self.link.worker else { return };
        let listener = yew::Callback::from(move |answer| {
            if let Some(content) = T::from_answer(answer) {
                then.emit(content);
            }
        });
        let (id, replaced) = self.link.waiting.ask(ask.clone(), listener);
        if let Some(old) = replaced {
            b.send(ToWorker::Drop(old));
        }
        b.send(ToWorker::Ask { id, ask });
    }

    /// Stops the ask of `service` under way: the worker drops its job, and its answer goes
    /// unheard.
    pub(super) fn cancel(&mut self, service: Service) {
        if let (Some(id), Some(b)) = (self.link.waiting.cancel(service), &self.link.worker) {
            b.send(ToWorker::Drop(id));
        }
    }

    /// Who hears answer `id` of the worker; while `more` is to come and it is still heard,
    /// the job's next slice is asked for.
    pub(super) fn heard(&mut self, id: u64, more: bool) -> Option<yew::Callback<Answer>> {
        let listener = self.link.waiting.heard(id, more);
        if let (Some(_), true, Some(b)) = (&listener, more, &self.link.worker) {
            b.send(ToWorker::Step { id, budget_ms: super::jobs::SLICE_MS });
        }
        listener
    }

    /// Has the worker write a file of the run with the weights shown; `then` hears its text.
    pub(super) fn export(&mut self, what: super::service::Export, then: yew::Callback<Option<String>>) {
        let Some(network) = self.mirror.trainer.as_ref().map(|t| Box::new(t.network.clone())) else { return };
        self.ask(Ask::Export(what, network), then);
    }

    /// Has the worker work out a hint for an exercise from `config` (this run's draw of
    /// weights); `then` hears where it stands until it is found.
    pub(super) fn hint(
        &mut self,
        config: &crate::engine::Config,
        epochs: u64,
        aim: crate::engine::hint::Aim,
        max_neurons: Option<usize>,
        then: yew::Callback<super::hinting::HintState>,
    ) {
        let ask = super::hinting::HintAsk { config: config.clone(), round: self.run.round, epochs, aim, max_neurons };
        self.ask(Ask::Hint(Box::new(ask)), then);
    }

    /// Sends a request, counted until its answer comes.
    pub(super) fn send(&mut self, message: ToWorker) {
        if let Some(b) = &self.link.worker {
            if self.link.pending == 0 {
                self.link.heard_at = now();
            }
            self.link.pending += 1;
            let counted = match &message {
                ToWorker::Train { epochs, .. } if self.settings.exercise.max_epochs.is_some() => *epochs,
                _ => 0,
            };
            self.link.asked.push_back(counted);
            b.send(message);
        }
    }

    /// Brings the page's copy of the compared run up to date (a run that started afresh in the
    /// worker starts afresh here too, from the same setup and draw).
    pub(super) fn apply_compare(&mut self, run: super::protocol::RunSnapshot) {
        if let Some(picture) = run.picture {
            self.compare_view.take_picture(picture);
        }
        if run.restarted {
            self.compare = match (run.split, &self.settings.compare) {
                (Some(split), Some(c)) => crate::engine::Trainer::with_parts((**c).clone(), split, &run.parameters).ok(),
                _ => None,
            };
        }
        let Some(c) = self.compare.as_mut() else { return };
        if super::mirror::follow(c, &run.parameters, run.epoch, &run.report, &run.history) {
            self.dirty = true;
        }
    }

    /// Takes in the worker's answer; returns what the Yew state should hear of it.
    pub(super) fn receive(&mut self, mut s: Snapshot) -> Vec<RunEvent> {
        self.link.heard_at = now();
        self.link.answered = true;
        self.link.pending = self.link.pending.saturating_sub(1);
        self.link.asked.pop_front();
        let mut events = Vec::new();
        let waiting = self.mirror.waiting();
        let applied = self.mirror.apply(&mut s, &self.settings.config);
        if waiting && !self.mirror.waiting() {
            // The worker answered the setup: the copy of the run is here (or there is no run,
            // without data), and what depends on its network is set up again.
            let layout = self.views.layout.clone();
            self.views.setup_changed(layout, self.mirror.trainer.as_ref());
            events.push(RunEvent::Started);
            self.dirty = true;
            self.request_frame();
        }
        if !applied {
            return events;
        }
        self.perf.worker(s.trained, s.train_ms);
        if let Some(run) = s.compare.take() {
            self.apply_compare(run);
        }
        if let Some(mut pictures) = s.pictures.take() {
            self.run.derived.take_in(&pictures.request.derive, std::mem::take(&mut pictures.derived));
            self.views.take_pictures(pictures);
            self.paint_asked = None;
        }
        if let Some(t) = self.mirror.trainer.as_mut() {
            self.run.timeline.record(t.epoch, &s.parameters);
            // An answer still on its way while an earlier epoch is shown: it is the newest
            // state, and the earlier epoch stays on screen.
            if let Some(v) = self.run.viewing.as_mut() {
                v.newest_epoch = t.epoch;
                v.newest = s.parameters.clone();
                v.newest_report = t.last.clone();
                if let Some((at, p)) = self.run.timeline.at(v.epoch) {
                    t.set_parameters(p);
                    t.epoch = *at;
                }
            }
        }
        self.check_goal(&mut events);
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
            self.refresh_pictures();
        }
        if self.playing && !stopped && self.settings.speed == Speed::Max {
            self.ask_for_epochs();
        }
        self.dirty = true;
        self.request_frame();
        events
    }

    /// Asks the worker for the next epochs, when it is not busy enough: at a fixed pace one
    /// request at a time (one a frame); as fast as possible two, so that the worker finds the
    /// next request waiting when it finishes one and never idles while the page answers.
    pub(super) fn ask_for_epochs(&mut self) {
        if self.mirror.trainer.as_ref().is_none_or(|t| t.stopped.is_some()) {
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
                self.refresh_pictures();
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
