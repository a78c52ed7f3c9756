//! The neuron inspector: one neuron's weighted sum z = w₁·x₁ + … + b and a = f(z) for one
//! point, each number from the engine with its exact value in a `data-*` attribute, a plot of
//! f with z marked, and its weights and bias editable in place. The panel renders again at
//! each frame that moved the run, so its numbers follow training.

use super::ctx::*;
use super::panel::use_frame;
use crate::engine::Config;
use crate::live::math::{point_words, shown_axes};
use door::InspectPoint;

/// The name of input `i` of a neuron in layer `layer`: a feature for the first layer (X₁ and
/// X₂ with what they are, for data in its own units: "X₁ = rojo"), the previous layer's
/// neuron otherwise.
fn input_name(config: &Config, layer: LayerNo, i: usize, lang: Lang) -> String {
    if layer.below() == LayerNo::INPUTS {
        // A table's inputs are its columns.
        if let Some(t) = config.data.table.as_ref().filter(|_| config.data.dataset == Dataset::Table) {
            return t.inputs.get(i).cloned().unwrap_or_default();
        }
        let Some(&f) = config.network.features.get(i) else { return String::new() };
        let axes = shown_axes(config, lang);
        match f {
            crate::engine::Feature::X1 if !axes.is_plane() => format!("{} = {}", f.label(), axes.x.name),
            crate::engine::Feature::X2 if !axes.is_plane() => format!("{} = {}", f.label(), axes.y.name),
            _ => f.label().to_string(),
        }
    } else {
        format!("a{}", subscript(&format!("{},{}", layer.below(), i + 1)))
    }
}

/// Digits (and commas) as subscripts: "2,1" -> ₂‚₁.
pub(super) fn subscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('₀' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c),
            ',' => '‚',
            c => c,
        })
        .collect()
}

/// A whole number as a superscript: 64 -> ⁶⁴.
pub(super) fn superscript(n: usize) -> String {
    n.to_string().chars().map(|c| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c.to_digit(10).unwrap_or(0) as usize]).collect()
}

/// A number as the lesson writes it in a product: three decimals, negatives in brackets.
fn signed(v: Real) -> String {
    if v < 0.0 {
        format!("(−{:.3})", -v)
    } else {
        format!("{v:.3}")
    }
}

pub(super) fn inspector(ctx: &Ctx, card: &UseStateHandle<Option<Card>>) -> Html {
    let s = ctx.settings();
    let Some((layer, neuron)) = s.inspect else { return html! {} };
    let run = ctx.run.clone();
    let config = Rc::new(s.config.clone());
    html! { <InspectorPanel {run} {layer} {neuron} {config} lang={s.lang} card={card.clone()} on_close={ctx.send(Action::Panel(Panel::Inspect(None)))} dispatch={ctx.dispatch.clone()} /> }
}

#[derive(Properties, PartialEq)]
pub(super) struct InspectorProps {
    run: RunDoor,
    layer: LayerNo,
    neuron: usize,
    config: Rc<Config>,
    lang: Lang,
    /// The value editor the weights and the bias open.
    card: UseStateHandle<Option<Card>>,
    on_close: Callback<MouseEvent>,
    dispatch: Callback<Action>,
}

#[function_component(InspectorPanel)]
pub(super) fn inspector_panel(p: &InspectorProps) -> Html {
    use_frame(&p.run);
    let t = |text: Text| text.get(p.lang);
    let (layer, neuron) = (p.layer, p.neuron);
    let network_layer = layer.index().unwrap_or(0);
    let numbers = p.run.read(|r| r.teaching(Some(&p.config)).and_then(|t| t.neuron_math(r.page.inspect_point, network_layer, neuron)));
    let inputs = numbers.as_ref().map_or(0, |(m, ..)| m.inputs.len());
    let output = layer == LayerNo::of(p.config.network.hidden.len());
    let title = if output {
        format!("{} · {} {}", t(Text::Output), t(Text::Neuron), neuron + 1)
    } else {
        format!("{} {layer} · {} {}", t(Text::HiddenLayer), t(Text::Neuron), neuron + 1)
    };
    // The plot of f with z marked, drawn after the render (a canvas is drawn, not rendered).
    let plot = numbers.as_ref().map(|(m, ..)| (m.activation, m.z, m.a));
    let leaky_slope = p.config.training.leaky_slope;
    use_effect_with(plot.map(|(f, z, a)| (f, z.to_bits(), a.to_bits())), move |_| {
        if let (Some((f, z, a)), Some(c)) = (plot, canvas_by_id(ids::INSPECTOR_PLOT)) {
            canvas::draw_activation(&c, f, leaky_slope, z, a);
        }
        || ()
    });
    let edit = |target: Target| {
        let (run, card) = (p.run.clone(), p.card.clone());
        Callback::from(move |e: MouseEvent| {
            let value = match target {
                Target::Weight { layer, neuron, input } => run.read(|r| r.teaching(None).and_then(|t| t.weight(layer, neuron, input))),
                Target::Bias { layer, neuron } => run.read(|r| r.teaching(None).and_then(|t| t.bias(layer, neuron))),
            };
            let Some(value) = value else { return };
            let el: web_sys::Element = e.target_unchecked_into();
            let r = el.get_bounding_client_rect();
            let w = web_sys::window().expect("a window");
            let (x, y) = (r.left() + w.scroll_x().unwrap_or(0.0), r.bottom() + w.scroll_y().unwrap_or(0.0));
            card.set(Some(Card { x, y: y + 4.0, target, value, editing: true }));
        })
    };
    let next = {
        let run = p.run.clone();
        Callback::from(move |_: MouseEvent| run.send(Command::NextInspectPoint))
    };
    // An image read by the first layer: its 64 terms are pictures, not 64 buttons.
    let vectors = p.config.data.dataset.is_vectors();
    let where_text = numbers.as_ref().map(|(_, point, (x, y), n)| match point {
        InspectPoint::Training(i) if vectors => {
            let digit = p.run.read(|r| r.trainer().and_then(|t| t.split.train.get(*i).map(|e| class_name(&t.config, e.label))));
            let what = if p.config.data.dataset == Dataset::Digits { Text::TrainingImage } else { Text::TrainingRow };
            format!("{} {} / {n}: {}", t(what), i + 1, digit.unwrap_or_default())
        }
        InspectPoint::Training(i) => format!("{} {} / {n}: {}", t(Text::TrainingPoint), i + 1, point_words(&p.config, *x, *y, p.lang)),
        InspectPoint::At(..) => format!("{}: {}", t(Text::PointUnderPointer), point_words(&p.config, *x, *y, p.lang)),
    });
    let pictured = vectors && network_layer == 0 && inputs > super::vector_sum::PICTURED;
    let value = |v: Option<Real>| v.map(|v| format!("{v:.3}")).unwrap_or_default();
    let exact = |v: Option<Real>| v.map(|v| v.to_string());
    let m = numbers.as_ref().map(|(m, ..)| m);
    html! {
        <aside id={ids::INSPECTOR} class="inspector" role="region" aria-label={t(Text::Inspector)}>
            <div class="inspector-head">
                <h3>{ title }</h3>
                <button id="inspector-close" class="round small" aria-label={t(Text::Close)} title={t(Text::Close)} onclick={p.on_close.clone()}>{ "×" }</button>
            </div>
            <p class="inspector-point"><span id={ids::INSPECTOR_POINT}>{ where_text.unwrap_or_default() }</span>
                <button id="inspector-next" class="tool" onclick={next}>{ t(Text::NextPoint) }</button></p>
            <p class="formula" aria-label={t(Text::WeightedSum)}>
                <span class="label">{ t(Text::WeightedSum) }{ ": " }</span>
                { "z = " }
                if pictured {
                    <super::vector_sum::VectorSum inputs={m.map(|m| m.inputs.clone()).unwrap_or_default()} weights={m.map(|m| m.weights.clone()).unwrap_or_default()} lang={p.lang} />
                    { format!("Σ wᵢ·xᵢ = {:.3} + ", m.map_or(0.0, |m| m.z - m.bias)) }
                }
                { for (0..if pictured { 0 } else { inputs }).map(|i| {
                    let (w, x) = m.map_or((0.0, 0.0), |m| (m.weights[i], m.inputs[i]));
                    html! {
                        <>
                            <button class="inspector-term" id={ids::inspector_term(i)} data-input={i.to_string()}
                                data-weight={w.to_string()} data-x={x.to_string()}
                                title={format!("{} {} · {}", t(Text::Weight), i + 1, input_name(&p.config, layer, i, p.lang))}
                                onclick={edit(Target::Weight { layer: network_layer, neuron, input: i })}>{ format!("{}·{}", signed(w), signed(x)) }</button>
                            <span class="input-name">{ format!(" ({}) ", input_name(&p.config, layer, i, p.lang)) }</span>
                            { " + " }
                        </>
                    }
                }) }
                <button id={ids::INSPECTOR_BIAS} class="inspector-bias" title={t(Text::Bias)} data-value={exact(m.map(|m| m.bias))}
                    onclick={edit(Target::Bias { layer: network_layer, neuron })}>{ value(m.map(|m| m.bias)) }</button>
                <span class="input-name">{ format!(" ({})", t(Text::Bias)) }</span>
                { " = " }<b id={ids::INSPECTOR_Z} data-value={exact(m.map(|m| m.z))}>{ value(m.map(|m| m.z)) }</b>
            </p>
            <p class="formula"><span class="label">{ t(Text::ActivationFunction) }{ ": " }</span>
                { "a = f(z) = " }<b id={ids::INSPECTOR_A} data-value={exact(m.map(|m| m.a))}>{ value(m.map(|m| m.a)) }</b>
                { " · f′(z) = " }<span id={ids::INSPECTOR_SLOPE}>{ value(m.map(|m| m.slope)) }</span></p>
            <canvas id={ids::INSPECTOR_PLOT} width="240" height="110" role="img" aria-label={t(Text::ActivationFunction)}></canvas>
            if !output {
                { switches(p, network_layer, neuron) }
            }
        </aside>
    }
}

/// A hidden neuron's switches: off and on, frozen and learning.
fn switches(p: &InspectorProps, layer: usize, neuron: usize) -> Html {
    let t = |text: Text| text.get(p.lang);
    let training = &p.config.training;
    let (off, frozen) = (training.off.contains(&(layer, neuron)), training.frozen.contains(&(layer, neuron)));
    let edit = |e: Edit| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Edit(e.clone())))
    };
    html! {
        <>
            <p class="neuron-switches">
                <button id="neuron-off" class="tool" aria-pressed={off.to_string()} onclick={edit(Edit::SwitchOff(layer, neuron))}>
                    { t(if off { Text::NeuronOn } else { Text::NeuronOff }) }</button>
                <button id="neuron-freeze" class="tool" aria-pressed={frozen.to_string()} onclick={edit(Edit::Freeze(layer, neuron))}>
                    { t(if frozen { Text::NeuronThaw } else { Text::NeuronFreeze }) }</button>
            </p>
            <p class="text">{ t(Text::NeuronSwitchExplain) }</p>
        </>
    }
}

/// An example's class as the page names it: the digit, for the handwritten digits; for a
/// table, the column it predicts and its value; a picture's class by its name.
fn class_name(config: &Config, label: Real) -> String {
    let class = crate::engine::predict::class_of(label, config.data.classes.max(2));
    match (config.data.dataset, config.data.table.as_ref()) {
        // A table's row predicting a value: the column it predicts and its value there.
        (Dataset::Table, Some(t)) if t.classes.is_empty() => format!("{} = {label}", t.label),
        (Dataset::Digits | Dataset::Table, _) => crate::engine::naming::class_name(config, class),
        _ => class.to_string(),
    }
}
