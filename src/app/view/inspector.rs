//! The neuron inspector: one neuron's weighted sum z = w₁·x₁ + … + b and a = f(z) for one
//! point, with the numbers filled in (by the frame loop, so they follow training), a plot of
//! f with z marked, and its weights and bias editable in place.

use super::ctx::*;
use crate::live::ids;

/// The name of input `i` of a neuron in page layer `layer`: a feature for the first layer,
/// the previous layer's neuron otherwise.
fn input_name(s: &Settings, layer: usize, i: usize) -> String {
    if layer == 1 {
        s.config.network.features.get(i).map(|f| f.label().to_string()).unwrap_or_default()
    } else {
        format!("a{}", subscript(&format!("{},{}", layer - 1, i + 1)))
    }
}

fn subscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('₀' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c),
            ',' => '‚',
            c => c,
        })
        .collect()
}

pub(super) fn inspector(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some((layer, neuron)) = s.inspect else { return html! {} };
    let inputs = if layer == 1 { s.config.network.features.len() } else { s.neurons_in(layer - 1).unwrap_or(0) };
    let output = layer == s.config.network.hidden.len() + 1;
    let title = if output {
        format!("{} · {} {}", ctx.t(Text::Output), ctx.t(Text::Neuron), neuron + 1)
    } else {
        format!("{} {layer} · {} {}", ctx.t(Text::HiddenLayer), ctx.t(Text::Neuron), neuron + 1)
    };
    // The network's own numbering: the first hidden layer is 0, the output last.
    let network_layer = layer - 1;
    let edit = |target: Target| {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            let live = ctx.live.borrow();
            let value = match target {
                Target::Weight { layer, neuron, input } => live.weight(layer, neuron, input),
                Target::Bias { layer, neuron } => live.bias(layer, neuron),
            };
            drop(live);
            let Some(value) = value else { return };
            let el: web_sys::Element = e.target_unchecked_into();
            let r = el.get_bounding_client_rect();
            let w = web_sys::window().expect("a window");
            let (x, y) = (r.left() + w.scroll_x().unwrap_or(0.0), r.bottom() + w.scroll_y().unwrap_or(0.0));
            ctx.card.set(Some(Card { x, y: y + 4.0, target, value, editing: true }));
        })
    };
    let close = ctx.send(Action::Inspect(None));
    let next = {
        let live = ctx.live.clone();
        Callback::from(move |_: MouseEvent| live.borrow_mut().next_inspect_point())
    };
    html! {
        <aside id={ids::INSPECTOR} class="inspector" role="region" aria-label={ctx.t(Text::Inspector)}>
            <div class="inspector-head">
                <h3>{ title }</h3>
                <button id="inspector-close" class="round small" aria-label={ctx.t(Text::Close)} title={ctx.t(Text::Close)} onclick={close}>{ "×" }</button>
            </div>
            <p class="inspector-point"><span id={ids::INSPECTOR_POINT}></span>
                <button id="inspector-next" class="tool" onclick={next}>{ ctx.t(Text::NextPoint) }</button></p>
            <p class="formula" aria-label={ctx.t(Text::WeightedSum)}>
                <span class="label">{ ctx.t(Text::WeightedSum) }{ ": " }</span>
                { "z = " }
                { for (0..inputs).map(|i| html! {
                    <>
                        <button class="inspector-term" id={ids::inspector_term(i)} data-input={i.to_string()}
                            title={format!("{} {} · {}", ctx.t(Text::Weight), i + 1, input_name(s, layer, i))}
                            onclick={edit(Target::Weight { layer: network_layer, neuron, input: i })}></button>
                        <span class="input-name">{ format!(" ({}) ", input_name(s, layer, i)) }</span>
                        { " + " }
                    </>
                }) }
                <button id={ids::INSPECTOR_BIAS} class="inspector-bias" title={ctx.t(Text::Bias)}
                    onclick={edit(Target::Bias { layer: network_layer, neuron })}></button>
                <span class="input-name">{ format!(" ({})", ctx.t(Text::Bias)) }</span>
                { " = " }<b id={ids::INSPECTOR_Z}></b>
            </p>
            <p class="formula"><span class="label">{ ctx.t(Text::ActivationFunction) }{ ": " }</span>
                { "a = f(z) = " }<b id={ids::INSPECTOR_A}></b>{ " · f′(z) = " }<span id={ids::INSPECTOR_SLOPE}></span></p>
            <canvas id={ids::INSPECTOR_PLOT} width="240" height="110" role="img" aria-label={ctx.t(Text::ActivationFunction)}></canvas>
        </aside>
    }
}
