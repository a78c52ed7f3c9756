//! Backprop step by step: one update for one training point, stage by stage (forward layer
//! by layer, the loss, backward from the output, the update, the picture after), with the
//! engine's numbers; the values also appear on the diagram.

use super::ctx::*;
use crate::app::backprop_steps::{self as steps, StageBody};
use crate::app::state::{backprop_stage, Stage};
use crate::engine::backprop::Walkthrough;

fn n(v: Real) -> String {
    format!("{v:.3}")
}

/// The page's name of network layer `l` (hidden layers from 1, then the output).
fn layer_name(ctx: &Ctx, l: usize) -> String {
    if l == ctx.settings().config.network.hidden.len() {
        ctx.t(Text::Output).to_string()
    } else {
        format!("{} {}", ctx.t(Text::HiddenLayer), LayerNo::of(l))
    }
}

/// Where backprop step by step stands: the stage shown and the training point walked through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Step {
    pub stage: usize,
    pub point: usize,
}

/// Moves to the next stage; leaving the update stage applies the update.
pub(super) fn backprop_next(settings: &Settings, step: Step, run: &RunDoor, dispatch: &Callback<Action>) {
    if backprop_stage(settings, step.stage) == Stage::Update {
        run.send(Command::ApplyBackprop(step.point));
    }
    dispatch.emit(Action::Panel(Panel::BackpropNext));
}

/// The panel that walks through one update, `w`, at `step`.
pub(super) fn backprop_panel(ctx: &Ctx, walk: Option<&Walkthrough>, step: Step) -> Html {
    let s = ctx.settings();
    if !s.backprop {
        return html! {};
    }
    let Some(w) = walk else {
        return html! { <section id={ids::BACKPROP} class="backprop-panel"><p>{ ctx.t(Text::NothingToTrain) }</p></section> };
    };
    let stage = backprop_stage(s, step.stage);
    let (stage_text, stage_layer) = match stage {
        Stage::Forward(l) => (format!("{} · {}", ctx.t(Text::ForwardPass), layer_name(ctx, l)), Some(l)),
        Stage::Loss => (ctx.t(Text::TheLoss).to_string(), None),
        Stage::Backward(l) => (format!("{} · {}", ctx.t(Text::BackwardPass), layer_name(ctx, l)), Some(l)),
        Stage::Update => (ctx.t(Text::TheUpdate).to_string(), None),
        Stage::Done => (ctx.t(Text::AfterTheUpdate).to_string(), None),
    };
    let inputs_json = crate::app::json::numbers(&w.inputs);
    let point = step.point % ctx.run.read(|r| r.trainer().map_or(1, |t| t.split.train.len().max(1)));
    let features = input_words(s, &w.inputs);
    let next = {
        let (settings, run, d) = (ctx.settings.clone(), ctx.run.clone(), ctx.dispatch.clone());
        Callback::from(move |_: MouseEvent| backprop_next(&settings, step, &run, &d))
    };
    html! {
        <section id={ids::BACKPROP} class="backprop-panel" aria-label={ctx.t(Text::BackpropStepByStep)}>
            <div class="inspector-head">
                <h3>{ ctx.t(Text::BackpropStepByStep) }</h3>
                <button id="backprop-close" class="round small" aria-label={ctx.t(Text::Close)} title={ctx.t(Text::Close)}
                    onclick={ctx.send(Action::Panel(Panel::Backprop(false)))}>{ "×" }</button>
            </div>
            <p id="backprop-sample" data-inputs={inputs_json} data-label={w.label.to_string()} data-loss={w.loss.to_string()}>
                { format!("{} {}: {} · y = {} · L = {:.4}", ctx.t(Text::TrainingPoint), point + 1, features.join(", "), w.label, w.loss) }
            </p>
            // Many inputs (the digits' 64) are drawn as the image they are.
            if w.inputs.len() > MANY_INPUTS {
                <super::vector_sum::RowPictures id="backprop-input" rows={vec![w.inputs.clone()]} names={vec![ctx.t(Text::TrainingPoint).to_string()]} />
            }
            { point_chooser(ctx, point) }
            <p id="backprop-stage" class="stage" data-stage={stage.name()} data-layer={stage_layer.map(|l| l.to_string())} aria-live="polite">
                <b>{ stage_text }</b>
            </p>
            { stage_body(ctx, w, step.stage) }
            <div class="presets">
                <button id="backprop-prev" class="tool" disabled={step.stage == 0 || stage == Stage::Done}
                    onclick={ctx.send(Action::Panel(Panel::BackpropPrev))}>{ format!("← {}", ctx.t(Text::Previous)) }</button>
                <button id="backprop-next" class="tool" onclick={next}>{ format!("{} →", ctx.t(if stage == Stage::Done { Text::NextPoint } else { Text::Next })) }</button>
            </div>
        </section>
    }
}

/// Inputs past this many are drawn, not listed.
const MANY_INPUTS: usize = 16;

/// The example's inputs in words: each feature's or column's value (as the network reads
/// it), or how many there are when they are drawn.
fn input_words(s: &Settings, inputs: &[Real]) -> Vec<String> {
    let lang = s.lang;
    let c = &s.config;
    let names: Vec<String> = match c.data.table.as_ref().filter(|_| c.data.dataset == Dataset::Table) {
        Some(t) => t.inputs.clone(),
        None => c.network.features.iter().map(|f| f.label().to_string()).collect(),
    };
    if inputs.len() > MANY_INPUTS || names.len() != inputs.len() {
        return vec![format!("{} {}", inputs.len(), Text::InputsHead.get(lang).to_lowercase())];
    }
    names.iter().zip(inputs).map(|(f, v)| format!("{f} = {}", n(*v))).collect()
}

/// Which training point to walk through: the ones the network gets most wrong now, with
/// their loss, largest first.
fn point_chooser(ctx: &Ctx, point: usize) -> Html {
    let hardest = ctx.run.read(|r| r.teaching(Some(&ctx.settings().config)).map(|t| t.hardest_points(8)).unwrap_or_default());
    let onchange = on_select(&ctx.dispatch, |v| v.parse().ok().map(|v| Action::Panel(Panel::BackpropPoint(v))));
    let label = |i: usize, loss: f64| format!("{} {} · L = {loss:.3}", ctx.t(Text::Point), i + 1);
    html! {
        <label class="field backprop-choose"><span>{ ctx.t(Text::ChoosePoint) }</span>
            <select id="backprop-point" {onchange}>
                if !hardest.iter().any(|&(i, _)| i == point) {
                    <option value={point.to_string()} selected=true>{ format!("{} {}", ctx.t(Text::Point), point + 1) }</option>
                }
                { for hardest.iter().map(|&(i, loss)| html! {
                    <option value={i.to_string()} selected={i == point}>{ label(i, loss) }</option>
                }) }
            </select>
        </label>
    }
}

fn stage_body(ctx: &Ctx, w: &Walkthrough, stage: usize) -> Html {
    let s = ctx.settings();
    let (_, body) = steps::stage_body(w, s, stage);
    match body {
        StageBody::Forward(lines) => html! {
            <ul class="values">
                { for lines.iter().enumerate().map(|(r, line)| html! {
                    <li>{ format!("{} {}: z = {}, a = f(z) = {}", ctx.t(Text::Neuron), r + 1, n(line.value), n(line.second)) }</li>
                }) }
            </ul>
        },
        StageBody::Loss { outputs, label, loss } => html! {
            <p class="formula">{ format!("ŷ = {}, y = {} → {} L = {:.4}", outputs.iter().map(|v| n(*v)).collect::<Vec<_>>().join(", "), label, ctx.t(Text::LossWord), loss) }</p>
        },
        StageBody::Backward(lines) => html! {
            <ul class="values">
                { for lines.iter().enumerate().map(|(r, line)| html! {
                    <li>{ format!("{} {}: δ = ∂L/∂z = {}; ∂L/∂w = δ·x: {}; ∂L/∂b = {}", ctx.t(Text::Neuron), r + 1, n(line.value),
                        line.grads.iter().map(|g| n(*g)).collect::<Vec<_>>().join(", "), n(line.second)) }</li>
                }) }
            </ul>
        },
        StageBody::Update(lines) => {
            let penalty = s.config.training.regularization != crate::engine::Regularization::None && s.config.training.regularization_rate > 0.0;
            html! {
                <div id="backprop-update" data-lr={w.learning_rate.to_string()}>
                    <p class="formula">{ format!("w ← w − η·∂L/∂w, η = {}", w.learning_rate) }
                        if penalty { { format!(" · {}", ctx.t(Text::PenaltyShare)) } }</p>
                    <div class="weights">
                        { for lines.iter().map(|u| {
                            let name = match u.input { None => format!("b{}", u.row + 1), Some(i) => format!("w{},{}", u.row + 1, i + 1) };
                            html! {
                                <span class="backprop-weight" data-layer={LayerNo::of(u.layer).to_string()} data-neuron={u.row.to_string()}
                                    data-input={u.input.map_or("bias".to_string(), |i| i.to_string())}
                                    data-old={u.old.to_string()} data-grad={u.grad.to_string()} data-new={u.new.to_string()}
                                    data-penalty={u.penalty.to_string()}>
                                    { format!("{} {}: {} − {}·{} = {}", layer_name(ctx, u.layer), name, n(u.old), w.learning_rate, n(u.grad), n(u.new)) }
                                    if penalty && u.input.is_some() { { format!(" ({}: {})", ctx.t(Text::Penalty), n(u.penalty)) } }
                                </span>
                            }
                        }) }
                    </div>
                </div>
            }
        }
        StageBody::Done => {
            let losses = ctx.run.read(|r| r.page.backprop_losses);
            html! {
                <p class="formula">{ match losses {
                    Some((before, after)) => format!("{}: {before:.4} → {after:.4}", ctx.t(Text::PointLossBeforeAfter)),
                    None => String::new(),
                } }</p>
            }
        }
    }
}

/// The values of the current stage on the diagram: a = f(z) on each neuron the forward pass
/// has reached, δ on each neuron the backward pass has reached.
pub(super) fn backprop_badges(ctx: &Ctx, lay: &crate::render::diagram::Layout, walk: Option<&Walkthrough>, step: Step) -> Html {
    let s = ctx.settings();
    let Some(w) = walk.filter(|_| s.backprop) else { return html! {} };
    let i = step.stage;
    // In the backward pass, each link of the layer reached carries its ∂L/∂w (where the
    // links are few enough to read; the panel lists them all).
    let grads = steps::link_gradients(w, s, i);
    let grads: Vec<(f64, f64, Real)> = if grads.len() <= 24 {
        grads
            .into_iter()
            .filter_map(|(k, row, input, g)| {
                let link = lay.links.iter().find(|l| l.layer == k && l.neuron == row && l.input == input)?;
                let (x, y) = link.at(0.5);
                Some((x, y, g))
            })
            .collect()
    } else {
        Vec::new()
    };
    let badges: Vec<(crate::render::diagram::NodeBox, Real, &str)> =
        steps::neuron_badges(w, s, i).into_iter().filter_map(|(l, j, v, what)| Some((*lay.columns.get(LayerNo::of(l).number())?.get(j)?, v, what))).collect();
    html! { <>
        { for grads.into_iter().map(|(x, y, g)| html! {
            <span class="bp-value bp-grad" style={format!("left:{}px;top:{}px", x - 14.0, y - 6.0)}>{ format!("{g:.2}") }</span>
        }) }
        { for badges.into_iter().map(|(b, v, what)| html! {
            <span class="bp-value" style={format!("left:{}px;top:{}px", b.x - 4.0, b.y - 13.0)}>{ format!("{what} {v:.2}") }</span>
        }) }
    </> }
}
