//! The charts under the picture: the losses over the epochs (with a compared setup's beside
//! them) and each layer's gradient, with what is going wrong said and its layer marked.

use super::draw::Views;
use super::ids;
use crate::engine::diagnose::Trouble;
use crate::engine::trainer::HistoryPoint;
use crate::engine::Trainer;
use crate::i18n::{Lang, Text};
use crate::render::canvas::canvas_by_id;
use crate::render::gradients::draw_gradient_chart;

impl Views {
    pub(super) fn draw_charts(
        &mut self,
        t: &Trainer,
        trouble: &dyn Fn() -> Option<Trouble>,
        lang: Lang,
        stop_epoch: Option<(u64, u64)>,
        second_history: Option<&[HistoryPoint]>,
    ) {
        let points = &t.history.points;
        let second = second_history.map(|h| (h.len(), h.last().map_or(0, |p| p.epoch)));
        let key = (points.len(), points.last().map_or(0, |p| p.epoch), stop_epoch, second);
        if self.last_chart != Some(key) {
            self.last_chart = Some(key);
            if let Some(c) = canvas_by_id(ids::LOSS_CHART) {
                let epoch = Text::EpochWord.get(lang);
                crate::render::chart::draw_losses(c, points, stop_epoch, &crate::render::chart::Labels { epoch }, second_history, self.chart_width);
            }
        }
        // What is going wrong, if anything: said beside the losses, its layer marked on the
        // gradient chart; diagnosed only when the charts are drawn (at most 20 times a second
        // while training), not at every frame.
        let marked = match trouble() {
            Some(Trouble::Exploding(l) | Trouble::DeadLayer(l)) => Some(l),
            _ => None,
        };
        let gradients = t.last.as_ref().map(|r| r.gradient_magnitude.clone()).unwrap_or_default();
        if self.last_gradients.as_ref() != Some(&(gradients.clone(), lang, marked)) {
            if let Some(c) = canvas_by_id(ids::GRADIENT_CHART) {
                draw_gradient_chart(&c, &gradients, Text::OutputShort.get(lang), marked);
            }
            self.last_gradients = Some((gradients, lang, marked));
        }
    }
}
