//! The reducer: an action applied to the state gives the new state and what the page does
//! for the change (app/effects.rs), in the order it does it.

use super::effects::Effect;
use super::state::AppState;

impl AppState {
    /// Applies an action: the new state, and what the page does for the change.
    pub fn update(&self, action: super::state::Action) -> (AppState, Vec<Effect>) {
        let next = self.apply(action);
        let effects = effects(Some(self), &next);
        (next, effects)
    }
}

/// What the page does for the change from `before` (none: the page opens) to `after`, in
/// the order it does it.
pub fn effects(before: Option<&AppState>, after: &AppState) -> Vec<Effect> {
    // Whether what `same` compares changed (everything changed when the page opens).
    let changed = |same: fn(&AppState, &AppState) -> bool| before.is_none_or(|b| !same(b, after));
    let s = &after.settings;
    let playground = !(s.board || s.worksheet);
    let mut out = Vec::new();
    if changed(|b, a| (b.generation, &b.settings, b.resized) == (a.generation, &a.settings, a.resized)) {
        out.push(Effect::Sync);
    }
    if changed(|b, a| (b.playing, b.goal_met) == (a.playing, a.goal_met)) {
        out.push(Effect::Follow);
    }
    if let (Some(text), true) = (unread_formula(after), changed(|b, a| unread_formula(b) == unread_formula(a))) {
        out.push(Effect::ReadFormula(text));
    }
    if playground && s.backprop && changed(|b, a| (b.settings.backprop, b.started) == (a.settings.backprop, a.started)) {
        out.push(Effect::HardestPoint);
    }
    if playground && changed(|b, a| open_views(&b.settings) == open_views(&a.settings)) {
        out.extend(super::panels::to_bring_into_view(&open_views(s)).map(Effect::BringIntoView));
    }
    if changed(|b, a| (b.builder, b.help) == (a.builder, a.help)) {
        let dialog = if after.builder {
            Some("exercise-goal-kind")
        } else if after.help {
            Some("help-close")
        } else {
            None
        };
        out.extend(dialog.map(Effect::FocusDialog));
    }
    if changed(|b, a| b.settings == a.settings) {
        out.push(Effect::Link);
    }
    if playground && changed(|b, a| data_key(b) == data_key(a)) {
        out.push(Effect::Thumbnails);
    }
    if playground && changed(|b, a| points_key(b) == points_key(a)) {
        out.push(Effect::Points);
    }
    out
}

use super::panels::open_views;

/// The text of a formula the page has not read yet.
fn unread_formula(a: &AppState) -> Option<String> {
    a.settings.config.network.formula.as_ref().filter(|f| !f.is_read()).map(|f| f.text().to_string())
}

/// What the data sets' thumbnails are drawn from.
fn data_key(a: &AppState) -> (u64, u32, usize, crate::engine::config::Problem) {
    let d = &a.settings.config.data;
    (d.seed, d.noise, d.classes, d.problem)
}

/// What the user's points' thumbnail is drawn from.
fn points_key(a: &AppState) -> (&[crate::engine::Point], &crate::engine::axes::Axes, usize, crate::engine::config::Problem) {
    let d = &a.settings.config.data;
    (&d.custom_points, &d.axes, d.classes, d.problem)
}
