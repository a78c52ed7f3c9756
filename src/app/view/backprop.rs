//! Backprop step by step: one update for one training point, stage by stage (forward layer
//! by layer, the loss, backward from the output, the update, the picture after), with the
//! engine's numbers; the values also appear on the diagram.

use super::*;
use crate::app::state::{backprop_stage, Stage};
use crate::engine::backprop::Walkthrough;
use crate::live::ids;

fn n(v: Real) -> String {
    format!("{v:.3}")
}

/// The page's name of network layer `l` (hidden layers from 1, then the output).
fn layer_name(ctx: &Ctx, l: usize) -> String {
    if l == ctx.settings().config.network.hidden.len() {
        ctx.t(Text::Output).to_string()
    } else {
        format!("{} {}", ctx.t(Text::HiddenLayer), l + 1)
    }
}

/// Moves to the next stage; leaving the update stage applies the update.
pub(super) fn backprop_next(state: &AppState, live: &Rc<RefCell<Live>>, dispatch: &Callback<Action>) {
    if backprop_stage(&state.settings, state.backprop_stage) == Stage::Update {
        live.borrow_mut().apply_backprop(state.backprop_point);
    }
    dispatch.emit(Action::BackpropNext);
}

pub(super) fn backprop_panel(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    if !s.backprop {
        return html! {};
    }
    let Some(w) = ctx.walk.as_deref() else {
        return html! { <section id={ids::BACKPROP} class="backprop-panel"><p>{ ctx.t(Text::NothingToTrain) }</p></section> };
    };
    let stage = backprop_stage(s, ctx.state.backprop_stage);
    let (stage_text, stage_layer) = match stage {
        Stage::Forward(l) => (format!("{} · {}", ctx.t(Text::ForwardPass), layer_name(ctx, l)), Some(l)),
        Stage::Loss => (ctx.t(Text::TheLoss).to_string(), None),
        Stage::Backward(l) => (format!("{} · {}", ctx.t(Text::BackwardPass), layer_name(ctx, l)), Some(l)),
        Stage::Update => (ctx.t(Text::TheUpdate).to_string(), None),
        Stage::Done => (ctx.t(Text::AfterTheUpdate).to_string(), None),
    };
    let inputs_json = serde_json::to_string(&w.inputs).unwrap_or_default();
    let features: Vec<String> = s.config.network.features.iter().zip(&w.inputs).map(|(f, v)| format!("{} = {}", f.label(), n(*v))).collect();
    let next = {
        let (state, live, d) = (ctx.state.clone(), ctx.live.clone(), ctx.dispatch.clone());
        Callback::from(move |_: MouseEvent| backprop_next(&state, &live, &d))
    };
    html! {
        <section id={ids::BACKPROP} class="backprop-panel" aria-label={ctx.t(Text::BackpropStepByStep)}>
            <div class="inspector-head">
                <h3>{ ctx.t(Text::BackpropStepByStep) }</h3>
                <button id="backprop-close" class="round small" aria-label={ctx.t(Text::Close)} title={ctx.t(Text::Close)}
                    onclick={ctx.send(Action::SetBackprop(false))}>{ "×" }</button>
            </div>
            <p id="backprop-sample" data-inputs={inputs_json} data-label={w.label.to_string()}>
                { format!("{} {}: {} · y = {}", ctx.t(Text::TrainingPoint), ctx.state.backprop_point + 1, features.join(", "), w.label) }
            </p>
            <p id="backprop-stage" class="stage" data-stage={stage.name()} data-layer={stage_layer.map(|l| l.to_string())} aria-live="polite">
                <b>{ stage_text }</b>
            </p>
            { stage_body(ctx, w, stage) }
            <div class="presets">
                <button id="backprop-prev" class="tool" disabled={ctx.state.backprop_stage == 0 || stage == Stage::Done}
                    onclick={ctx.send(Action::BackpropPrev)}>{ format!("← {}", ctx.t(Text::Previous)) }</button>
                <button id="backprop-next" class="tool" onclick={next}>{ format!("{} →", ctx.t(if stage == Stage::Done { Text::NextPoint } else { Text::Next })) }</button>
            </div>
        </section>
    }
}

fn stage_body(ctx: &Ctx, w: &Walkthrough, stage: Stage) -> Html {
    let s = ctx.settings();
    match stage {
        Stage::Forward(l) => html! {
            <ul class="values">
                { for w.z[l].iter().enumerate().map(|(r, z)| {
                    let a = w.a[l].get(r).copied().unwrap_or(*z);
                    html! { <li>{ format!("{} {}: z = {}, a = f(z) = {}", ctx.t(Text::Neuron), r + 1, n(*z), n(a)) }</li> }
                }) }
            </ul>
        },
        Stage::Loss => html! {
            <p class="formula">{ format!("ŷ = {}, y = {} → {} L = {:.4}", w.a.last().map(|a| a.iter().map(|v| n(*v)).collect::<Vec<_>>().join(", ")).unwrap_or_default(), w.label, ctx.t(Text::LossWord), w.loss) }</p>
        },
        Stage::Backward(l) => {
            let n_in = w.old_w[l].len() / w.delta[l].len().max(1);
            html! {
                <ul class="values">
                    { for w.delta[l].iter().enumerate().map(|(r, d)| html! {
                        <li>{ format!("{} {}: δ = ∂L/∂z = {}; ∂L/∂w = δ·x: {}; ∂L/∂b = {}", ctx.t(Text::Neuron), r + 1, n(*d),
                            w.grad_w[l][r * n_in..(r + 1) * n_in].iter().map(|g| n(*g)).collect::<Vec<_>>().join(", "), n(w.grad_b[l][r])) }</li>
                    }) }
                </ul>
            }
        }
        Stage::Update => {
            let penalty = s.config.training.regularization != crate::engine::Regularization::None && s.config.training.regularization_rate > 0.0;
            html! {
                <div id="backprop-update" data-lr={w.learning_rate.to_string()}>
                    <p class="formula">{ format!("w ← w − η·∂L/∂w, η = {}", w.learning_rate) }
                        if penalty { { format!(" · {}", ctx.t(Text::PenaltyShare)) } }</p>
                    <div class="weights">
                        { for (0..w.old_w.len()).map(|l| {
                            let rows = w.old_b[l].len();
                            let n_in = w.old_w[l].len() / rows.max(1);
                            html! { <>
                                { for (0..rows).flat_map(|r| (0..=n_in).map(move |i| (r, i))).map(|(r, i)| {
                                    let bias = i == n_in;
                                    let (old, grad, new, pen) = if bias {
                                        (w.old_b[l][r], w.grad_b[l][r], w.new_b[l][r], 0.0)
                                    } else {
                                        let k = r * n_in + i;
                                        (w.old_w[l][k], w.grad_w[l][k] + w.penalty_w[l][k], w.new_w[l][k], w.penalty_w[l][k])
                                    };
                                    let name = if bias { format!("b{}", r + 1) } else { format!("w{},{}", r + 1, i + 1) };
                                    html! {
                                        <span class="backprop-weight" data-layer={(l + 1).to_string()} data-neuron={r.to_string()}
                                            data-input={if bias { "bias".to_string() } else { i.to_string() }}
                                            data-old={old.to_string()} data-grad={grad.to_string()} data-new={new.to_string()}
                                            data-penalty={pen.to_string()}>
                                            { format!("{} {}: {} − {}·{} = {}", layer_name(ctx, l), name, n(old), w.learning_rate, n(grad), n(new)) }
                                            if penalty && !bias { { format!(" ({}: {})", ctx.t(Text::Penalty), n(pen)) } }
                                        </span>
                                    }
                                }) }
                            </> }
                        }) }
                    </div>
                </div>
            }
        }
        Stage::Done => {
            let losses = ctx.live.borrow().backprop_losses;
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
pub(super) fn backprop_badges(ctx: &Ctx, lay: &crate::render::diagram::Layout) -> Html {
    let s = ctx.settings();
    let Some(w) = ctx.walk.as_deref().filter(|_| s.backprop) else { return html! {} };
    let stage = backprop_stage(s, ctx.state.backprop_stage);
    let layers = w.a.len();
    let shown: Vec<(usize, &Vec<Real>, &str)> = match stage {
        Stage::Forward(k) => (0..=k).map(|l| (l, &w.a[l], "a")).collect(),
        Stage::Loss => (0..layers).map(|l| (l, &w.a[l], "a")).collect(),
        Stage::Backward(k) => (k..layers).map(|l| (l, &w.delta[l], "δ")).collect(),
        _ => Vec::new(),
    };
    // In the backward pass, each link of the layer reached carries its ∂L/∂w (where the
    // links are few enough to read; the panel lists them all).
    let grads: Vec<(f64, f64, Real)> = match stage {
        Stage::Backward(k) => {
            let links: Vec<_> = lay.links.iter().filter(|l| l.layer == k).collect();
            let n_in = w.old_w[k].len() / w.old_b[k].len().max(1);
            if links.len() <= 24 {
                links.iter().map(|l| {
                    let (x, y) = l.at(0.5);
                    (x, y, w.grad_w[k].get(l.neuron * n_in + l.input).copied().unwrap_or(0.0))
                }).collect()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    html! { <>
        { for grads.into_iter().map(|(x, y, g)| html! {
            <span class="bp-value bp-grad" style={format!("left:{}px;top:{}px", x - 14.0, y - 6.0)}>{ format!("{g:.2}") }</span>
        }) }
        { for shown.into_iter().flat_map(|(l, values, what)| values.iter().enumerate().take(lay.columns[l + 1].len()).map(move |(j, v)| (l, j, *v, what))).map(|(l, j, v, what)| {
            let b = lay.columns[l + 1][j];
            html! { <span class="bp-value" style={format!("left:{}px;top:{}px", b.x - 4.0, b.y - 13.0)}>{ format!("{what} {v:.2}") }</span> }
        }) }
    </> }
}
