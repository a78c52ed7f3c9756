//! The page's requests of the class loop to the worker: QR codes, hand-ins checked, a run's
//! animation. None is a request of the run: their answers are no snapshots.

use super::page::Live;
use super::protocol::ToWorker;

impl Live {
    /// Has the worker make `text` a QR code of version `max_version` at most; `then` hears it
    /// (none when it does not fit). Not counted as a request of the run.
    pub fn qr(&mut self, text: &str, max_version: u8, then: yew::Callback<Option<Box<super::class::Qr>>>) {
        if let Some(b) = &self.link.worker {
            let id = self.link.qr_reader.ask(then);
            b.send(ToWorker::Qr { id, text: text.to_string(), max_version });
        }
    }

    /// Has the worker compute hand-ins' results again; `then` hears them and the milliseconds
    /// it took. Not counted as a request of the run.
    pub fn check(&mut self, asks: Vec<(crate::engine::Config, Vec<crate::engine::Real>)>, then: yew::Callback<(Vec<super::class::Checked>, f64)>) {
        if let Some(b) = &self.link.worker {
            let id = self.link.check_reader.ask(then);
            b.send(ToWorker::Check { id, asks });
        }
    }

    /// Has the worker make an animated GIF of this run from the timeline's weights, labelled
    /// with `word` and the epoch (`then` hears where it stands after each slice, until it is
    /// done), or stops the one under way (`None`). Not counted as a request of the run.
    pub fn animate(&mut self, word: Option<&str>, discretize: bool, show_test: bool, then: yew::Callback<super::class::AnimationState>) {
        let Some(b) = &self.link.worker else { return };
        let id = self.link.animation_reader.1 + 1;
        self.link.animation_reader = (word.is_some().then_some(then), id);
        let ask = word.map(|word| {
            use super::class::{spread, MAX_FRAMES};
            // Only the frames drawn are copied and sent (the timeline may hold 1,000 snapshots).
            let shown = self.run.viewing.as_ref().map(|v| v.epoch);
            let kept: Vec<_> = self.run.timeline.snapshots().iter().filter(|(e, _)| shown.is_none_or(|s| *e <= s)).collect();
            let newest = self.mirror.trainer.as_ref().filter(|t| shown.is_none() && kept.last().is_none_or(|(e, _)| *e < t.epoch));
            let mut frames: Vec<_> = spread(&kept, MAX_FRAMES - newest.is_some() as usize).into_iter().cloned().collect();
            frames.extend(newest.map(|t| (t.epoch, t.network.parameters())));
            Box::new(super::class::AnimationAsk { id, frames, word: word.to_string(), discretize, show_test })
        });
        b.send(ToWorker::Animation(ask));
    }
}

impl Live {
    /// What a hand-in of the run as shown claims: the epoch, the test loss and accuracy
    /// measured now from the weights shown, and those weights (flat, as a code holds them).
    /// None without a run or test data.
    pub fn claim(&mut self) -> Option<(u64, f64, Option<f64>, Vec<crate::engine::Real>)> {
        let t = self.mirror.trainer.as_mut()?;
        let test = t.evaluate().test?;
        Some((t.epoch, test.loss, test.accuracy, crate::engine::handin::flat(&t.network.parameters())))
    }
}
