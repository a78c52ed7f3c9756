//! The network diagram's nodes: the input features (a click switches one on or off), the
//! hidden neurons and the outputs (a click or Enter opens a neuron's arithmetic), each with
//! its bias button (a pointer over it shows its value card, a click edits it).

use super::ctx::*;
use super::inspector::subscript;
use crate::render::diagram::{Layout, NodeBox};

/// The input features, those the class may see; for data of vectors, one node: the example
/// its inputs are (its first layer's weights are drawn in its neurons).
pub(super) fn input_nodes(ctx: &Ctx, lay: &Layout) -> Html {
    let c = &ctx.settings().config;
    if let (Some(_), Some(t)) = (crate::render::diagram::per_column_inputs(c), c.data.table.as_ref()) {
        return html! { <>
            { for t.inputs.iter().zip(&lay.columns[0]).enumerate().map(|(i, (name, b))| html! {
                <div class="node input column-input" id={format!("column-input-{i}")} style={format!("left:{}px;top:{}px", b.x, b.y)} role="img" aria-label={name.clone()} title={name.clone()}>
                    <span class="feature-label">{ name.clone() }</span>
                </div>
            }) }
        </> };
    }
    if c.data.dataset.is_vectors() {
        let b = lay.columns[0][0];
        let words = match c.data.table.as_ref().filter(|_| c.data.dataset == Dataset::Table) {
            Some(t) => format!("{}: {}", ctx.t(Text::TableInputs), t.inputs.join(", ")),
            None => ctx.t(Text::DigitInputs).to_string(),
        };
        return html! {
            <div class="node input vector-input" id="vector-input" style={format!("left:{}px;top:{}px", b.x, b.y)} role="img" aria-label={words.clone()} title={words}>
                <span class="feature-label">{ format!("x ∈ ℝ{}", super::inspector::superscript(c.input_count())) }</span>
            </div>
        };
    }
    html! { <>
    { for lay.inputs.iter().enumerate().map(|(i, &f)| {
        let on = c.network.features.contains(&f);
        let b = lay.columns[0][i];
        let hidden = !ctx.shows(f.key());
        let formula = c.network.formula.as_ref().filter(|_| f == crate::engine::Feature::Custom);
        let name = formula.map_or(f.label().to_string(), |g| format!("{} = {}", f.label(), g.text()));
        html! {
            if !hidden {
                <button class={classes!("node", "input", (!on).then_some("off"))} id={format!("feature-{}", f.key())}
                    style={format!("left:{}px;top:{}px", b.x, b.y)}
                    aria-pressed={on.to_string()} aria-label={name.clone()} title={name}
                    onclick={ctx.send(Action::Edit(Edit::ToggleFeature(f)))}
                    onmouseenter={focus_on::<MouseEvent>(&ctx.run, Focus::Feature(f))} onmouseleave={focus_on::<MouseEvent>(&ctx.run, Focus::Output)}>
                    <span class="feature-label">{ if formula.is_some() { super::formula::node_label(formula) } else { f.label().to_string() } }</span>
                </button>
            }
        }
    }) }
    </> }
}

/// The hidden neurons, each with its bias button.
pub(super) fn hidden_nodes(ctx: &Ctx, lay: &Layout, card: &UseStateHandle<Option<Card>>, touch: bool) -> Html {
    let c = &ctx.settings().config;
    html! { <>
    { for c.network.hidden.iter().enumerate().flat_map(|(l, h)| (0..h.neurons).map(move |j| (l, j))).map(|(l, j)| {
        let no = LayerNo::of(l);
        let b = lay.column(no)[j];
        let (off, frozen) = (c.training.off.contains(&(l, j)), c.training.frozen.contains(&(l, j)));
        let state = [(off, Text::NeuronIsOff), (frozen, Text::NeuronIsFrozen)].iter().filter(|(on, _)| *on).map(|(_, s)| format!(", {}", ctx.t(*s))).collect::<String>();
        html! { <>
            <div class={classes!("node", "hidden-node", off.then_some("switched-off"), frozen.then_some("frozen"))} id={format!("neuron-{no}-{j}")}
                data-off={off.to_string()} data-frozen={frozen.to_string()}
                style={format!("left:{}px;top:{}px", b.x, b.y)}
                title={format!("{} {}", ctx.t(Text::ThisIsOutput), ctx.t(Text::InspectHint))} tabindex="0" role="button"
                onclick={ctx.send(Action::Panel(Panel::Inspect(Some((no, j)))))} onkeydown={inspect_key(ctx, no, j)}
                aria-label={format!("{} {no}, {} {}{state}", ctx.t(Text::HiddenLayer), ctx.t(Text::Neuron), j + 1)}
                onmouseenter={focus_on::<MouseEvent>(&ctx.run, Focus::Neuron(l, j))} onmouseleave={focus_on::<MouseEvent>(&ctx.run, Focus::Output)}
                onfocus={focus_on::<FocusEvent>(&ctx.run, Focus::Neuron(l, j))}
                onblur={focus_on::<FocusEvent>(&ctx.run, Focus::Output)}>
            </div>
            // Beside the neuron, not inside it: a control may not hold another.
            <button class="bias" style={bias_at(b, touch)} aria-label={format!("{} ({} {}, {} {})", ctx.t(Text::Bias), ctx.t(Text::HiddenLayer), no, ctx.t(Text::Neuron), j + 1)}
                onmouseenter={bias_card(ctx, card, l, j, false)} onclick={bias_card(ctx, card, l, j, true)}></button>
        </> }
    }) }
    </> }
}

/// The outputs (one per class with several), each with its bias button.
pub(super) fn output_nodes(ctx: &Ctx, lay: &Layout, card: &UseStateHandle<Option<Card>>, touch: bool) -> Html {
    let c = &ctx.settings().config;
    let n_hidden = c.network.hidden.len();
    let output = LayerNo::of(n_hidden);
    html! { <>
    { for (0..c.outputs()).map(|j| {
        let b = lay.columns.last().unwrap()[j];
        // With several outputs, each is one class's probability: named and
        // coloured by its class.
        let many = c.outputs() > 1;
        let class_colour = crate::render::colour::hex(crate::render::colour::class_colour(j, c.outputs()));
        // Named by its class (a digit, a picture's class); marked by it when short.
        let class = if c.data.dataset.is_vectors() { crate::engine::naming::class_name(c, j) } else { j.to_string() };
        let mark = if class.chars().count() <= 2 { class.clone() } else { j.to_string() };
        let name = if many { format!("ŷ{} {} {class}", subscript(&mark), ctx.t(Text::Class)) } else { ctx.t(Text::Output).to_string() };
        html! { <>
            <div class="node output-node" id={format!("output-node-{j}")}
                style={format!("left:{}px;top:{}px", b.x, b.y)} tabindex="0" role="button"
                aria-label={if many { name.clone() } else { format!("{} {}", ctx.t(Text::Output), j + 1) }} title={ctx.t(Text::InspectHint)}
                onclick={ctx.send(Action::Panel(Panel::Inspect(Some((output, j)))))} onkeydown={inspect_key(ctx, output, j)}>
                if many {
                    <span class="out-mark class-mark"><span class="swatch" style={format!("background:{class_colour}")}></span>{ format!("ŷ{}", subscript(&mark)) }</span>
                } else {
                    <span class="out-mark">{ "ŷ" }</span>
                }
            </div>
            <button class="bias" style={bias_at(b, touch)} aria-label={format!("{} ({})", ctx.t(Text::Bias), ctx.t(Text::Output))}
                id={format!("output-bias-{j}")}
                onmouseenter={bias_card(ctx, card, n_hidden, j, false)} onclick={bias_card(ctx, card, n_hidden, j, true)}></button>
        </> }
    }) }
    </> }
}

/// The bias square just outside a neuron's lower left corner: its box never meets the
/// neuron's or a neighbour's. To the touch it stands further left, so that the 40-pixel areas
/// around it and around its neuron do not meet either.
fn bias_at(b: NodeBox, touch: bool) -> String {
    let left = if touch { 27.0 } else { 11.0 };
    format!("left:{}px;top:{}px", b.x - left, b.y + NODE - 4.0)
}

/// Shows the bias's value card (`editing`: opens its editor) for neuron `neuron` of layer
/// `layer` (0 the first hidden layer).
fn bias_card(ctx: &Ctx, card: &UseStateHandle<Option<Card>>, layer: usize, neuron: usize, editing: bool) -> Callback<MouseEvent> {
    let (run, card) = (ctx.run.clone(), card.clone());
    Callback::from(move |e: MouseEvent| {
        e.stop_propagation();
        if !editing && card.as_ref().is_some_and(|c| c.editing) {
            return;
        }
        if let Some(value) = run.read(|r| r.teaching(None).and_then(|t| t.bias(layer, neuron))) {
            // Pressed from the keyboard, the event has no pointer position: use the square's.
            let (x, y) = match e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                Some(el) if e.detail() == 0 => {
                    let r = el.get_bounding_client_rect();
                    let w = web_sys::window().expect("a window");
                    (r.right() + w.scroll_x().unwrap_or(0.0), r.bottom() + w.scroll_y().unwrap_or(0.0))
                }
                _ => (e.page_x() as f64, e.page_y() as f64),
            };
            card.set(Some(Card { x: x + 12.0, y: y + 12.0, target: Target::Bias { layer, neuron }, value, editing }));
        }
    })
}

/// Enter on a focused neuron opens its arithmetic in the inspector (not from the bias button
/// inside it: that one opens the bias editor).
fn inspect_key(ctx: &Ctx, layer: LayerNo, neuron: usize) -> Callback<KeyboardEvent> {
    let d = ctx.dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        let on_neuron = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.tag_name() != "BUTTON");
        if e.key() == "Enter" && on_neuron {
            d.emit(Action::Panel(Panel::Inspect(Some((layer, neuron)))));
        }
    })
}

/// Shows `focus` in the big heatmap on an event of any kind (a pointer entering, a focus).
fn focus_on<E: 'static>(run: &RunDoor, focus: Focus) -> Callback<E> {
    let run = run.clone();
    Callback::from(move |_: E| run.send(Command::Focus(focus)))
}
