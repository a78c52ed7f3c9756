//! The page's asks of the class loop that read the run: a run's animation, a hand-in's claim.

use super::page::RunHost;

impl RunHost {
    /// Has the worker make an animated GIF of this run from the timeline's weights, labelled
    /// with `word` and the epoch; `then` hears where it stands after each slice, until it is
    /// done (stopped with `cancel(Service::Animation)`).
    pub(super) fn animate(&mut self, word: &str, discretize: bool, show_test: bool, then: yew::Callback<super::classroom::AnimationState>) {
        use super::classroom::{spread, MAX_FRAMES};
        // Only the frames drawn are copied and sent (the timeline may hold 1,000 snapshots).
        let shown = self.run.viewing.as_ref().map(|v| v.epoch);
        let kept: Vec<_> = self.run.timeline.snapshots().iter().filter(|(e, _)| shown.is_none_or(|s| *e <= s)).collect();
        let newest = self.mirror.trainer.as_ref().filter(|t| shown.is_none() && kept.last().is_none_or(|(e, _)| *e < t.epoch));
        let mut frames: Vec<_> = spread(&kept, MAX_FRAMES - newest.is_some() as usize).into_iter().cloned().collect();
        frames.extend(newest.map(|t| (t.epoch, t.network.parameters())));
        let ask = super::classroom::AnimationAsk { frames, word: word.to_string(), discretize, show_test };
        self.ask(super::service::Ask::Animation(Box::new(ask)), then);
    }
}

impl RunHost {
    /// What a hand-in of the run as shown claims: the epoch, the test loss and accuracy
    /// measured now from the weights shown, and those weights (flat, as a code holds them).
    /// None without a run or test data.
    pub(super) fn claim(&mut self) -> Option<(u64, f64, Option<f64>, Vec<crate::engine::Real>)> {
        let t = self.mirror.trainer.as_mut()?;
        let test = t.evaluate().test?;
        Some((t.epoch, test.loss, test.accuracy, crate::engine::handin::flat(&t.network.parameters())))
    }
}
