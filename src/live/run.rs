//! The run as the page shows it: the exercise's epoch limit and goal, the timeline of earlier
//! epochs, going back to one and going on from there.

use super::page::{RunEvent, RunHost};
use super::protocol::ToWorker;
use super::shown_run::Viewing;

impl RunHost {
    /// Epochs the exercise still allows (all there are without a limit), counting those
    /// already asked for.
    pub(super) fn epochs_left(&self) -> u64 {
        let Some(max) = self.settings.exercise.max_epochs else { return u64::MAX };
        let done = self.mirror.trainer.as_ref().map_or(0, |t| t.epoch);
        max.saturating_sub(done + self.link.asked.iter().sum::<u64>())
    }

    /// Whether the exercise's goal is met now; said once per run (the page's state pauses).
    pub(super) fn check_goal(&mut self, events: &mut Vec<RunEvent>) {
        let (Some(goal), None) = (self.settings.exercise.goal, self.run.goal_met) else { return };
        let Some(t) = self.mirror.trainer.as_ref() else { return };
        let Some(report) = t.last.as_ref() else { return };
        let m = report.test.as_ref().unwrap_or(&report.train);
        // Before any training only an exercise done by hand (no epochs allowed) can be met,
        // once the student has set a weight: fresh random weights do not count.
        let by_hand = self.settings.exercise.max_epochs == Some(0) && self.mirror.edited;
        if (t.epoch > 0 || by_hand) && goal.met(m.loss, m.accuracy) {
            events.push(RunEvent::GoalMet(t.epoch));
        }
    }

    /// The next reset restarts from this run's initial weights (the same setup then gives
    /// the same curve).
    pub(super) fn reset_to_same_weights(&mut self) {
        self.run.same_weights = true;
    }

    /// The next setup starts from draw `round` of initial weights, as a sweep's runs did.
    pub(super) fn start_next_at_round(&mut self, round: u64) {
        self.run.next_round = Some(round);
    }

    /// Shows the network as it was at `epoch` (the nearest kept snapshot at or before it),
    /// or, at the newest epoch, as it is. Training pauses meanwhile.
    pub(super) fn view_epoch(&mut self, epoch: u64) {
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        let newest = self.run.viewing.as_ref().map_or(t.epoch, |v| v.newest_epoch);
        if epoch >= newest {
            if let Some(v) = self.run.viewing.take() {
                t.set_parameters(&v.newest);
                t.epoch = v.newest_epoch;
                t.last = v.newest_report;
            }
        } else if let Some((at, parameters)) = self.run.timeline.at(epoch).cloned() {
            if self.run.viewing.is_none() {
                self.run.viewing = Some(Viewing { epoch: at, newest_epoch: t.epoch, newest: t.network.parameters(), newest_report: t.last.clone() });
            }
            if let Some(v) = self.run.viewing.as_mut() {
                v.epoch = at;
            }
            t.set_parameters(&parameters);
            t.epoch = at;
            // Every figure describes the weights shown: measured again on the run's own data.
            let mut report = t.evaluate();
            if let Some(newest) = t.last.as_ref() {
                report.gradient_magnitude.clone_from(&newest.gradient_magnitude);
            }
            t.last = Some(report);
        }
        self.dirty = true;
        self.request_frame();
    }

    /// The epoch shown from the timeline, if an earlier one.
    pub fn viewed_epoch(&self) -> Option<u64> {
        self.run.viewing.as_ref().map(|v| v.epoch)
    }

    /// The newest epoch of the run (while an earlier one is shown, too).
    pub fn newest_epoch(&self) -> u64 {
        self.run.viewing.as_ref().map(|v| v.newest_epoch).or(self.mirror.trainer.as_ref().map(|t| t.epoch)).unwrap_or(0)
    }

    /// When an earlier epoch is shown, makes it the run's present: the worker and the page
    /// go back there and training continues from it.
    pub(super) fn continue_from_viewed(&mut self) {
        let Some(v) = self.run.viewing.take() else { return };
        let Some(t) = self.mirror.trainer.as_mut() else { return };
        let parameters = t.network.parameters();
        // The mirror shows the epoch already: rewind it as the worker will.
        t.epoch = v.newest_epoch;
        if t.rewind(v.epoch, &parameters) {
            self.mirror.stop_epoch = None;
            self.run.timeline.truncate_after(v.epoch);
            self.tell(RunEvent::Rewound(v.epoch));
            self.send(ToWorker::Rewind { epoch: v.epoch, parameters });
        }
    }
}
