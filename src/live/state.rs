//! The parts of the page's live side that hold state of their own: the link to the worker
//! (the requests on their way) and the run as the page shows it (its round, its timeline, an
//! earlier epoch shown, the goal).

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
    /// Who hears of the model file the worker is reading.
    pub(super) model_reader: Option<yew::Callback<super::protocol::ModelRead>>,
    /// Who hears of the file the worker is writing.
    pub(super) export_reader: Option<yew::Callback<String>>,
    /// Who hears of the engine's figures the worker is measuring.
    pub(super) benchmark_reader: Option<yew::Callback<String>>,
    /// Who draws the data sets' thumbnails the worker is generating.
    pub(super) thumbnail_reader: Asked<super::protocol::ThumbnailSets>,
    /// Who hears of the formula the worker is reading.
    pub(super) formula_reader: Asked<super::protocol::FormulaRead>,
    /// Who hears of the hint the worker is working out.
    pub(super) hint_reader: Asked<super::protocol::HintState>,
    /// Who hears of the QR code the worker is making.
    pub(super) qr_reader: Asked<Option<Box<super::class::Qr>>>,
    /// Who hears of the hand-ins the worker is checking.
    pub(super) check_reader: Asked<(Vec<super::class::Checked>, f64)>,
    /// Who hears of the animation under way, and its id; the last animation's id.
    pub(super) animation_reader: (Option<yew::Callback<super::class::AnimationState>>, u64),
    /// Who hears of the sweep under way, and its id; the last sweep's id.
    pub(super) sweep_reader: (Option<yew::Callback<super::protocol::SweepState>>, u64),
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
            model_reader: None,
            export_reader: None,
            benchmark_reader: None,
            thumbnail_reader: Asked::default(),
            formula_reader: Asked::default(),
            hint_reader: Asked::default(),
            qr_reader: Asked::default(),
            check_reader: Asked::default(),
            animation_reader: (None, 0),
            sweep_reader: (None, 0),
        }
    }
}

/// Who hears the answer to the newest request of a kind, and that request's number: an
/// answer to an earlier one is dropped.
pub(crate) struct Asked<T> {
    id: u64,
    then: Option<yew::Callback<T>>,
}

impl<T> Default for Asked<T> {
    fn default() -> Self {
        Asked { id: 0, then: None }
    }
}

impl<T> Asked<T> {
    /// A new request, heard by `then`: its number.
    pub(super) fn ask(&mut self, then: yew::Callback<T>) -> u64 {
        self.id += 1;
        self.then = Some(then);
        self.id
    }

    /// Whether request `id` is the newest and still waits for its answer.
    pub(super) fn waits_for(&self, id: u64) -> bool {
        id == self.id && self.then.is_some()
    }

    /// Who hears of request `id` while it goes on (it still waits for its answer).
    pub(super) fn listener(&self, id: u64) -> Option<yew::Callback<T>> {
        self.then.clone().filter(|_| self.waits_for(id))
    }

    /// Forgets the request under way: its answer goes unheard.
    pub(super) fn forget(&mut self) {
        self.then = None;
    }

    /// Who hears the answer to request `id`, if it is the newest and not answered yet.
    pub(super) fn answer(&mut self, id: u64) -> Option<yew::Callback<T>> {
        if id == self.id {
            self.then.take()
        } else {
            None
        }
    }
}

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
}

/// An earlier epoch shown from the timeline, and the run's newest state meanwhile.
pub(crate) struct Viewing {
    pub(super) epoch: u64,
    pub(super) newest_epoch: u64,
    pub(super) newest: super::timeline::Parameters,
    pub(super) newest_report: Option<crate::engine::EpochReport>,
}
