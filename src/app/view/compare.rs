//! Two setups side by side: the second one's own controls, figures and output picture. One
//! Play trains both, epoch for epoch; the loss chart shows both.

use super::ctx::*;
use super::dataset::{dataset_text, offered_datasets};
use super::figures::LiveFigure;
use crate::engine::config::HiddenLayer;
use crate::engine::limits::{DROPOUT_RATES, LEARNING_RATES};
use crate::engine::Config;
use crate::render::figures::{Figure, Set};

/// The second setup's panel, when comparing.
pub(super) fn compare_panel(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some(second) = s.compare.as_ref() else { return html! {} };
    let c = (**second).clone();
    let lang = s.lang;
    let change = |f: fn(&mut Config, &str)| {
        let dispatch = ctx.dispatch.clone();
        let c = c.clone();
        Callback::from(move |e: Event| {
            let mut next = c.clone();
            let target: web_sys::Element = e.target_unchecked_into();
            let value = if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() { i.value() } else { select_value(&e) };
            f(&mut next, &value);
            dispatch.emit(Action::SetCompare(Box::new(next)));
        })
    };
    let datasets = offered_datasets(&Settings { config: c.clone(), ..s.clone() });
    let activation = c.network.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh);
    let shape = c.network.hidden.iter().map(|h| h.neurons.to_string()).collect::<Vec<_>>().join(",");
    let dropout = c.training.dropout.first().copied().unwrap_or(0.0);
    let side = crate::live::layout::picture_size(crate::live::dom::window_width(), s.projector, true);
    let run = ctx.run.clone();
    html! {
        <section id="compare" class="compare" aria-label={ctx.t(Text::CompareSetup)}>
            <h3>{ ctx.t(Text::CompareSetup) }</h3>
            <p class="compare-figures">
                <span>{ ctx.t(Text::Epoch) }{ " " }<LiveFigure run={run.clone()} id={ids::COMPARE_EPOCH} figure={Figure::Epoch} second=true /></span>
                <span>{ ctx.t(Text::TestLoss) }{ " " }<strong><LiveFigure run={run.clone()} id={ids::COMPARE_LOSS} figure={Figure::Loss(Set::Shown)} second=true /></strong></span>
                if c.data.percent_val > 0 {
                    <span>{ ctx.t(Text::ValidationLoss) }{ " " }<strong class="second-val"><LiveFigure run={run.clone()} id={ids::COMPARE_VAL_LOSS} figure={Figure::Loss(Set::Validation)} second=true /></strong></span>
                }
                <span>{ ctx.t(Text::Accuracy) }{ " " }<LiveFigure run={run.clone()} id={ids::COMPARE_ACCURACY} figure={Figure::Accuracy(Set::Shown)} second=true /></span>
            </p>
            <div class="heatmap compare-heatmap" style={format!("width:{side}px;height:{side}px")}>
                <canvas id={ids::COMPARE_HEATMAP} width="100" height="100" role="img" aria-label={ctx.t(Text::CompareSetup)}></canvas>
                <canvas id={ids::COMPARE_POINTS} style={format!("width:{side}px;height:{side}px")}></canvas>
            </div>
            <canvas id={ids::COMPARE_NETWORK} class="compare-network" role="img" aria-label={ctx.t(Text::CompareNetwork)}
                style={format!("width:{side}px;height:{}px", crate::live::layout::COMPARE_NETWORK_HEIGHT)}></canvas>
            <div class="compare-controls">
                <label class="field"><span>{ ctx.t(Text::Data) }</span>
                    <select id="compare-dataset" onchange={change(|c, v| if let Some(d) = Dataset::from_name(v) { c.data.dataset = d; })}>
                        { for datasets.iter().filter(|d| **d != Dataset::Custom).map(|d| html! {
                            <option value={d.name()} selected={*d == c.data.dataset}>{ ctx.t(dataset_text(*d)) }</option>
                        }) }
                    </select>
                </label>
                <label class="field"><span>{ ctx.t(Text::Activation) }</span>
                    <select id="compare-activation" onchange={change(|c, v| if let Some(a) = Activation::from_name(v) { c.network.hidden.iter_mut().for_each(|h| h.activation = a); })}>
                        { for Activation::HIDDEN.iter().map(|a| html! {
                            <option value={a.name()} selected={*a == activation}>{ activation_label(*a, lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="field"><span>{ ctx.t(Text::LearningRate) }</span>
                    <select id="compare-learning-rate" onchange={change(|c, v| if let Ok(r) = v.parse() { c.training.learning_rate = r; })}>
                        { for LEARNING_RATES.iter().map(|r| html! {
                            <option value={r.to_string()} selected={*r == c.training.learning_rate}>{ r.to_string() }</option>
                        }) }
                    </select>
                </label>
                <label class="field"><span>{ ctx.t(Text::CompareShape) }</span>
                    <input id="compare-shape" type="text" inputmode="numeric" value={shape} size="8"
                        onchange={change(|c, v| {
                            let activation = c.network.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh);
                            let sizes: Vec<usize> = v.split(',').filter_map(|n| n.trim().parse().ok()).collect();
                            if v.trim().is_empty() || !sizes.is_empty() {
                                c.network.hidden = sizes.into_iter().map(|neurons| HiddenLayer { neurons, activation }).collect();
                            }
                        })} />
                </label>
                <label class="field"><span>{ ctx.t(Text::Dropout) }</span>
                    <select id="compare-dropout" onchange={change(|c, v| if let Ok(r) = v.parse::<Real>() { c.training.dropout = vec![r; c.network.hidden.len()]; })}>
                        { for DROPOUT_RATES.iter().map(|r| html! {
                            <option value={r.to_string()} selected={*r == dropout}>{ r.to_string() }</option>
                        }) }
                    </select>
                </label>
            </div>

        </section>
    }
}
