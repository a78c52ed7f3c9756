//! The run as the page shows it, built from the worker's snapshots and nothing else: the copy
//! of the run's trainer (its data, weights, measurements and history), the compared run's
//! copy, the timeline of earlier weights, an earlier epoch shown, and what the worker computed
//! for the open views. [`RunView::apply`] is the one place any of it is written; the views
//! read it through the door (door.rs). What the page itself notes beside it (the picture in
//! focus, the point inspected...) is `page`, of the page's own type.

use super::derived::Answers;
use super::protocol::{Event, RunSnapshot, Shown, Snapshot};
use super::timeline::{Parameters, Timeline};
use crate::engine::diagnose::Trouble;
use crate::engine::trainer::{EpochReport, HistoryPoint};
use crate::engine::{Config, Real, Trainer};

/// The run as the page shows it, and beside it the page's own notes `P`.
#[derive(Default)]
pub struct RunView<P = ()> {
    /// The copy of the run, once the worker has answered the setup with data to train on.
    trainer: Option<Trainer>,
    /// The id of the setup it belongs to.
    setup: u64,
    /// The setup sent to the worker, until the copy is built from its answer.
    pending: Option<Config>,
    /// The copy of the compared setup's run, while comparing.
    compare: Option<Trainer>,
    /// The weights at earlier epochs of this run.
    timeline: Timeline,
    /// An earlier epoch shown, and the run's newest state meanwhile.
    viewing: Option<Viewing>,
    /// What the worker computed for the open views (a layer's space, the landscape), newest
    /// of each kind.
    derived: Answers,
    /// The hidden layers whose neurons are all dead, as the worker found them on its grid.
    dead: Vec<usize>,
    /// Where early stopping ended the run: the best epoch it went back to and the epoch it
    /// stopped at, for the loss chart's marks.
    early_stop: Option<(u64, u64)>,
    /// The worker's answers for this run that trained or moved its weights: at the slow pace
    /// of a threshold unit, each is one move of its line.
    answers: u64,
    /// What the page notes beside the run.
    pub page: P,
}

/// An earlier epoch shown, as the worker measured it, and the run's newest state meanwhile.
struct Viewing {
    epoch: u64,
    parameters: Parameters,
    report: EpochReport,
    newest_epoch: u64,
    newest: Parameters,
    newest_report: Option<EpochReport>,
}

impl<P> RunView<P> {
    /// Starts over for setup `id`, sent to the worker as `config`: nothing to show until it
    /// answers.
    pub fn reset(&mut self, id: u64, config: Config) {
        self.trainer = None;
        self.setup = id;
        self.pending = Some(config);
        self.compare = None;
        self.timeline.clear();
        self.viewing = None;
        self.derived = Answers::default();
        self.dead.clear();
        self.early_stop = None;
        self.answers = 0;
    }

    /// Takes in a snapshot of the current setup, building the copy from the first one (whose
    /// training settings become `live`'s, which may have changed since, as every later
    /// snapshot's), and the compared run's with `compare`'s; returns false (and changes
    /// nothing) for a snapshot of an older setup or of a network of another shape.
    pub fn apply(&mut self, s: &mut Snapshot, live: &Config, compare: Option<&Config>) -> bool {
        if s.setup != self.setup {
            return false;
        }
        // The first answer of a setup is the answer to it: with the run's data, or none when
        // the worker has no run (no data to train on).
        if let Some(config) = self.pending.take() {
            self.trainer = s.split.take().and_then(|split| Trainer::with_parts(config, *split, &s.parameters).ok());
        }
        let Some(t) = &mut self.trainer else { return false };
        if t.config.training != live.training {
            t.update_live(live);
        }
        // Whether this answer trained or moved the weights (compared only when it did not train).
        let moved = s.trained > 0
            || match &self.viewing {
                Some(v) => v.newest != s.parameters,
                None => t.network.parameters() != s.parameters,
            };
        if let Some(epoch) = s.rewound {
            self.viewing = None;
            if !t.rewind(epoch, &s.parameters) {
                return false;
            }
            self.early_stop = None;
            self.timeline.truncate_after(epoch);
        }
        if !follow(t, &s.parameters, s.epoch, &s.report, &s.history) {
            return false;
        }
        self.answers += moved as u64;
        if let Some(Event::EarlyStopped { at, best }) = s.event {
            self.early_stop = Some((best, at));
        }
        self.timeline.record(t.epoch, &s.parameters);
        match s.shown.take() {
            Some(Shown::Newest) => self.viewing = None,
            Some(Shown::Earlier { epoch, parameters, report }) => {
                let (newest_epoch, newest, newest_report) = (t.epoch, s.parameters.clone(), t.last.clone());
                self.viewing = Some(Viewing { epoch, parameters, report: *report, newest_epoch, newest, newest_report });
            }
            // An answer still on its way while an earlier epoch is shown: it is the newest
            // state, and the earlier epoch stays on screen.
            None => {
                if let Some(v) = self.viewing.as_mut() {
                    (v.newest_epoch, v.newest, v.newest_report) = (t.epoch, s.parameters.clone(), t.last.clone());
                }
            }
        }
        if let Some(v) = &self.viewing {
            t.network.set_parameters(&v.parameters);
            t.epoch = v.epoch;
            t.last = Some(v.report.clone());
        }
        if let Some(run) = s.compare.take() {
            self.apply_compare(run, compare);
        }
        if let Some(pictures) = s.pictures.as_mut() {
            self.dead.clone_from(&pictures.dead);
            self.derived.take_in(&pictures.request.derive, std::mem::take(&mut pictures.derived));
        }
        true
    }

    /// Brings the copy of the compared run up to date (a run that started afresh in the worker
    /// starts afresh here too, from the same setup and draw).
    fn apply_compare(&mut self, run: RunSnapshot, config: Option<&Config>) {
        if run.restarted {
            self.compare = match (run.split, config) {
                (Some(split), Some(c)) => Trainer::with_parts(c.clone(), split, &run.parameters).ok(),
                _ => None,
            };
        }
        let Some(c) = self.compare.as_mut() else { return };
        if let Some(config) = config.filter(|config| config.training != c.config.training) {
            c.update_live(config);
        }
        follow(c, &run.parameters, run.epoch, &run.report, &run.history);
    }

    /// The copy of the run, when the setup has data to train on.
    pub fn trainer(&self) -> Option<&Trainer> {
        self.trainer.as_ref()
    }

    /// The copy, only while its network is the one `config` describes: a view rendered for a
    /// setup whose network changed reads nothing until the run has caught up.
    pub fn trainer_for(&self, config: &Config) -> Option<&Trainer> {
        self.trainer().filter(|t| !t.config.needs_new_network(config))
    }

    /// The copy of the compared setup's run, while comparing.
    pub fn compare_trainer(&self) -> Option<&Trainer> {
        self.compare.as_ref()
    }

    /// The setup the copy belongs to, and whether the worker has yet to answer it.
    pub fn setup(&self) -> (u64, bool) {
        (self.setup, self.pending.is_some())
    }

    /// What the worker computed for the open views (a layer's space, the landscape).
    pub fn derived(&self) -> &Answers {
        &self.derived
    }

    /// What is going wrong with the run as shown, if anything (the gradient chart marks its
    /// layer).
    pub fn trouble(&self) -> Option<Trouble> {
        let t = self.trainer()?;
        crate::engine::diagnose::diagnose(t.last.as_ref()?, &t.history.points, &t.config, &self.dead)
    }

    /// The weights at earlier epochs of this run.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The epoch shown from the timeline, if an earlier one.
    pub fn viewed_epoch(&self) -> Option<u64> {
        self.viewing.as_ref().map(|v| v.epoch)
    }

    /// The newest epoch of the run (while an earlier one is shown, too), and its weights.
    pub fn newest(&self) -> Option<(u64, Parameters)> {
        match &self.viewing {
            Some(v) => Some((v.newest_epoch, v.newest.clone())),
            None => self.trainer().map(|t| (t.epoch, t.network.parameters())),
        }
    }

    /// The newest epoch of the run (while an earlier one is shown, too).
    pub fn newest_epoch(&self) -> u64 {
        self.viewing.as_ref().map(|v| v.newest_epoch).or(self.trainer().map(|t| t.epoch)).unwrap_or(0)
    }

    /// Where early stopping ended the run: the best epoch it went back to and the epoch it
    /// stopped at.
    pub fn early_stop(&self) -> Option<(u64, u64)> {
        self.early_stop
    }

    /// The worker's answers taken in for this run (at a threshold unit's slow pace, its moves).
    pub fn answers(&self) -> u64 {
        self.answers
    }
}

/// Brings a copy of a run up to the worker's: its weights (when they fit its network), epoch,
/// newest measurements (nothing is evaluated here) and new history points. Returns false,
/// changing nothing, for weights of another network.
fn follow(t: &mut Trainer, parameters: &[(Vec<Real>, Vec<Real>)], epoch: u64, report: &Option<EpochReport>, history: &[HistoryPoint]) -> bool {
    if !t.network.set_parameters(parameters) {
        return false;
    }
    t.epoch = epoch;
    if report.is_some() {
        t.last.clone_from(report);
    }
    for p in history {
        t.history.push(*p);
    }
    true
}
