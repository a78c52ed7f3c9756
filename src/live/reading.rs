//! What the panels beside the pictures read of the run at each frame stamp: the compared
//! setup, what is going wrong, which picture the heatmap shows, the timeline's extent and the
//! frame loop's own figures. The panels render them; nothing here writes into the page.

use super::draw::Focus;
use super::page::RunHost;
use super::perf::Figures;
use crate::engine::diagnose::Trouble;
use crate::engine::Trainer;

impl RunHost {
    /// The page's copy of the compared setup's run, while comparing.
    pub fn compare_trainer(&self) -> Option<&Trainer> {
        self.compare.as_ref()
    }

    /// What is going wrong with the run, if anything, as the charts last diagnosed it (the
    /// gradient chart marks its layer).
    pub fn trouble(&self) -> Option<Trouble> {
        self.views.trouble
    }

    /// The network as a curve along x built from its last hidden layer's pieces, with the
    /// training points as (x, value); for a network of one output.
    pub fn curve(&self) -> Option<(crate::engine::curve::Curve, Vec<(f64, f64)>)> {
        let t = self.trainer()?;
        let curve = crate::engine::curve::curve(&t.network, t.config.network.inputs())?;
        Some((curve, t.split.train.iter().map(|p| (p.x as f64, p.label as f64)).collect()))
    }

    /// The newest loss landscape, while it is open (computed in the worker with the pictures).
    pub fn landscape(&self) -> Option<&crate::engine::landscape::Landscape> {
        self.run.derived.landscape()
    }

    /// The plane as the hidden layer asked for sees it (computed with the pictures).
    pub fn space(&self) -> Option<&crate::engine::space::LayerSpace> {
        self.run.derived.space()
    }

    /// Which picture the big heatmap shows.
    pub fn focus(&self) -> Focus {
        self.views.focus
    }

    /// How many earlier states of the run the timeline keeps.
    pub fn timeline_kept(&self) -> usize {
        self.run.timeline.len()
    }

    /// The frame loop's last figures (epochs a second, frames a second, time per frame),
    /// while training.
    pub fn perf_figures(&self) -> Option<Figures> {
        self.perf_shown
    }
}
