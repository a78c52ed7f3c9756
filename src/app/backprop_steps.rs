//! What backprop step by step shows at each stage, read from a walk-through of one update:
//! plain Rust, so every index the panel and the diagram use is checked natively. A walk
//! is only ever paired with the setup it was computed for (`Trainer::walkthrough_for`); a stage index from
//! an older setup is clamped, so no edit of the setup can leave the panel reading past a layer.

use super::settings::Settings;
use crate::engine::backprop::Walkthrough;
use crate::engine::network::weight_index;
use crate::engine::{Config, Real, Trainer};

/// What a stage of backprop step by step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The forward pass reaches network layer `l`.
    Forward(usize),
    /// The loss at the point.
    Loss,
    /// The backward pass reaches network layer `l`.
    Backward(usize),
    /// The step w ← w − η·∂L/∂w.
    Update,
    /// The picture after it.
    Done,
}

impl Stage {
    /// The stage's name in `data-stage`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Forward(_) => "forward",
            Stage::Loss => "loss",
            Stage::Backward(_) => "backward",
            Stage::Update => "update",
            Stage::Done => "done",
        }
    }
}

/// The stages of one update for a network of `layers` network layers, in order: forward
/// layer by layer, the loss, backward from the output, the update, the picture after.
pub fn backprop_stages(layers: usize) -> Vec<Stage> {
    let mut stages: Vec<Stage> = (0..layers).map(Stage::Forward).collect();
    stages.push(Stage::Loss);
    stages.extend((0..layers).rev().map(Stage::Backward));
    stages.push(Stage::Update);
    stages.push(Stage::Done);
    stages
}

/// Stage `i` of backprop step by step for these settings.
pub fn backprop_stage(settings: &Settings, i: usize) -> Stage {
    let stages = backprop_stages(settings.config.network.hidden.len() + 1);
    stages[i.min(stages.len() - 1)]
}

/// One neuron's line in the forward or backward pass.
#[derive(Clone, Debug, PartialEq)]
pub struct NeuronLine {
    /// z (forward) or δ = ∂L/∂z (backward).
    pub value: Real,
    /// a = f(z) (forward) or ∂L/∂b (backward).
    pub second: Real,
    /// ∂L/∂w of each input (backward only).
    pub grads: Vec<Real>,
}

/// One parameter's step w ← w − η·∂L/∂w.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateLine {
    /// Network layer (the output last).
    pub layer: usize,
    /// Row of the layer.
    pub row: usize,
    /// Input, or `None` for the bias.
    pub input: Option<usize>,
    /// Before the step.
    pub old: Real,
    /// The gradient used, the penalty's share included.
    pub grad: Real,
    /// The penalty's share λ·dR/dw.
    pub penalty: Real,
    /// After the step.
    pub new: Real,
}

/// What the panel lists at a stage.
#[derive(Clone, Debug, PartialEq)]
pub enum StageBody {
    /// Forward pass at a layer: z and a of each neuron.
    Forward(Vec<NeuronLine>),
    /// The loss at the point: ŷ, y, L.
    Loss { outputs: Vec<Real>, label: Real, loss: f64 },
    /// Backward pass at a layer: δ, ∂L/∂w and ∂L/∂b of each neuron.
    Backward(Vec<NeuronLine>),
    /// Every parameter's step.
    Update(Vec<UpdateLine>),
    /// After the update.
    Done,
}

/// The stage shown for stage index `i` and what it lists. The walk must be of `settings`'
/// network (`Trainer::walkthrough_for`); should it not be, missing layers list nothing.
pub fn stage_body(walk: &Walkthrough, settings: &Settings, i: usize) -> (Stage, StageBody) {
    let stage = backprop_stage(settings, i);
    let body = match stage {
        Stage::Forward(l) => StageBody::Forward(
            walk.z
                .get(l)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .enumerate()
                .map(|(r, &z)| {
                    let a = walk.a.get(l).and_then(|a| a.get(r)).copied().unwrap_or(z);
                    NeuronLine { value: z, second: a, grads: Vec::new() }
                })
                .collect(),
        ),
        Stage::Loss => StageBody::Loss { outputs: walk.a.last().cloned().unwrap_or_default(), label: walk.label, loss: walk.loss },
        Stage::Backward(l) => {
            let deltas = walk.delta.get(l).map_or(&[][..], Vec::as_slice);
            let n_in = walk.grad_w.get(l).map_or(0, Vec::len) / deltas.len().max(1);
            StageBody::Backward(
                deltas
                    .iter()
                    .enumerate()
                    .map(|(r, &d)| NeuronLine {
                        value: d,
                        second: walk.grad_b.get(l).and_then(|g| g.get(r)).copied().unwrap_or(0.0),
                        grads: walk
                            .grad_w
                            .get(l)
                            .and_then(|g| g.get(weight_index(n_in, r, 0)..weight_index(n_in, r + 1, 0)))
                            .map(<[Real]>::to_vec)
                            .unwrap_or_default(),
                    })
                    .collect(),
            )
        }
        Stage::Update => StageBody::Update(update_lines(walk)),
        Stage::Done => StageBody::Done,
    };
    (stage, body)
}

fn update_lines(walk: &Walkthrough) -> Vec<UpdateLine> {
    let mut lines = Vec::new();
    for (l, old_w) in walk.old_w.iter().enumerate() {
        let rows = walk.old_b.get(l).map_or(0, Vec::len);
        let n_in = old_w.len() / rows.max(1);
        for row in 0..rows {
            for input in (0..n_in).map(Some).chain([None]) {
                let get = |v: &Vec<Vec<Real>>, k: usize| v.get(l).and_then(|v| v.get(k)).copied().unwrap_or(0.0);
                let line = match input {
                    Some(i) => {
                        let k = weight_index(n_in, row, i);
                        let penalty = get(&walk.penalty_w, k);
                        UpdateLine { layer: l, row, input, old: get(&walk.old_w, k), grad: get(&walk.grad_w, k) + penalty, penalty, new: get(&walk.new_w, k) }
                    }
                    None => {
                        UpdateLine { layer: l, row, input, old: get(&walk.old_b, row), grad: get(&walk.grad_b, row), penalty: 0.0, new: get(&walk.new_b, row) }
                    }
                };
                lines.push(line);
            }
        }
    }
    lines
}

/// What the diagram marks at a stage: a = f(z) on each neuron the forward pass has reached,
/// δ on each neuron the backward pass has reached, as (network layer, neuron, value, symbol).
pub fn neuron_badges(walk: &Walkthrough, settings: &Settings, i: usize) -> Vec<(usize, usize, Real, &'static str)> {
    let layers = walk.a.len();
    let (range, values, symbol) = match backprop_stage(settings, i) {
        Stage::Forward(k) => (0..(k + 1).min(layers), &walk.a, "a"),
        Stage::Loss => (0..layers, &walk.a, "a"),
        Stage::Backward(k) => (k.min(layers)..layers, &walk.delta, "δ"),
        _ => return Vec::new(),
    };
    range.flat_map(|l| values.get(l).into_iter().flatten().enumerate().map(move |(j, &v)| (l, j, v, symbol))).collect()
}

/// ∂L/∂w of each link of the layer the backward pass has reached, as (network layer, row,
/// input, gradient).
pub fn link_gradients(walk: &Walkthrough, settings: &Settings, i: usize) -> Vec<(usize, usize, usize, Real)> {
    let Stage::Backward(k) = backprop_stage(settings, i) else { return Vec::new() };
    let Some(grads) = walk.grad_w.get(k) else { return Vec::new() };
    let rows = walk.grad_b.get(k).map_or(0, Vec::len);
    let n_in = grads.len() / rows.max(1);
    (0..rows).flat_map(|r| (0..n_in).map(move |i| (k, r, i, grads[weight_index(n_in, r, i)]))).collect()
}

/// The threshold unit's w₁, w₂ and b (one step unit on X₁ and X₂), when `trainer` runs the
/// network `config` describes.
pub fn threshold_weights(trainer: &Trainer, config: &Config) -> Option<(Real, Real, Real)> {
    if trainer.config.needs_new_network(config) {
        return None;
    }
    let l = trainer.network.layers.first()?;
    Some((l.weight(0, 0)?, l.weight(0, 1)?, *l.biases.first()?))
}
