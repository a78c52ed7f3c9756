//! The network column: features, hidden layers, neurons, links, and the value editor.

use super::backprop::{backprop_badges, backprop_panel, Step};
use super::choice::choice;
use super::ctx::*;
use super::inspector::inspector;
use super::matrix::matrix_view;
use super::nodes::{hidden_nodes, input_nodes, output_nodes};
use super::space::space_view;
use crate::live::draw::LINK_PAD;
use crate::render::diagram::Layout;

/// Properties of [`NetworkColumn`].
#[derive(Properties, PartialEq)]
pub(super) struct NetworkProps {
    pub ctx: Ctx,
    /// Backprop step by step: the stage and the training point walked through.
    pub step: Step,
    /// How many setups the worker has answered: the diagram reads the new run.
    pub started: u64,
}

/// The network column, with the value card its links and biases open (its own state).
#[function_component(NetworkColumn)]
pub(super) fn network_column(p: &NetworkProps) -> Html {
    let ctx = &p.ctx;
    let card = use_state(|| None::<Card>);
    let formula_open = use_state(|| false);
    // The value editor takes the keyboard focus as soon as it opens.
    use_effect_with(card.as_ref().map(|c| (c.editing, c.target)), |open| {
        if matches!(open, Some((true, _))) {
            if let Some(input) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("edit-value")).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        }
        || ()
    });
    // The walk-through reads the run again each time it moves (a step applied, a setting the
    // worker took).
    super::panel::use_frame_while(&ctx.run, ctx.settings.backprop);
    let walk = if ctx.settings.backprop {
        ctx.run.read(|r| r.teaching(Some(&ctx.settings.config)).and_then(|t| t.walkthrough(p.step.point)).map(Rc::new))
    } else {
        None
    };
    let walk = walk.as_deref();
    let s = ctx.settings();
    let c = &s.config;
    let touch = crate::live::dom::touch_sized();
    let lay = crate::render::diagram::layout(c, network_width(crate::live::dom::window_width(), s.compare.is_some(), s.projector), least_spacing(touch));
    let n_hidden = c.network.hidden.len();
    // An exercise's limit on hidden neurons in all: no more can be added once it is reached.
    let at_neuron_limit = ctx.settings().exercise.max_neurons.is_some_and(|max| c.network.hidden.iter().map(|h| h.neurons).sum::<usize>() >= max);
    // Pointer over a link: show its weight; `edit` (a click or a tap) opens the editor.
    let link_card = |edit: bool| {
        let (ctx, card) = (ctx.clone(), card.clone());
        let lay = lay.clone();
        Callback::from(move |e: MouseEvent| {
            if !edit && card.as_ref().is_some_and(|c| c.editing) {
                return;
            }
            let p = (e.offset_x() as f64, e.offset_y() as f64);
            // A finger is less precise than a mouse: look further on a tap.
            let found = link_at(&lay, p, if edit { 9.0 } else { 5.0 });
            ctx.run.send(Command::Highlight(found.map(|l| (l.layer, l.neuron, l.input))));
            let next = found.and_then(|l| {
                ctx.run.read(|r| r.teaching(None).and_then(|t| t.weight(l.layer, l.neuron, l.input))).map(|value| Card {
                    x: e.page_x() as f64 + 12.0,
                    y: e.page_y() as f64 + 12.0,
                    target: Target::Weight { layer: l.layer, neuron: l.neuron, input: l.input },
                    value,
                    editing: edit,
                })
            });
            if *card != next {
                card.set(next);
            }
        })
    };
    let hover_link = link_card(false);
    let leave_links = {
        let (run, card) = (ctx.run.clone(), card.clone());
        Callback::from(move |_| {
            if !card.as_ref().is_some_and(|c| c.editing) {
                run.send(Command::Highlight(None));
                card.set(None);
            }
        })
    };
    let click_link = link_card(true);
    html! {
        <section class="column network-column" aria-label={ctx.t(Text::HiddenLayers)}>
            <div class="layers-header">
                if ctx.shows("numHiddenLayers") {
                    <button id="add-layers" class="round small" aria-label={ctx.t(Text::AddLayer)} title={ctx.t(Text::AddLayer)}
                        disabled={n_hidden >= MAX_LAYERS || at_neuron_limit} onclick={ctx.send(Action::Edit(Edit::AddLayer))}>{ "+" }</button>
                    <button id="remove-layers" class="round small" aria-label={ctx.t(Text::RemoveLayer)} title={ctx.t(Text::RemoveLayer)}
                        disabled={n_hidden == 0} onclick={ctx.send(Action::Edit(Edit::RemoveLayer))}>{ "−" }</button>
                }
                <h2><span id="num-layers">{ n_hidden }</span>{ " " }<span id="layers-label">{ ctx.t(if n_hidden == 1 { Text::HiddenLayer } else { Text::HiddenLayers }) }</span></h2>
            </div>
            if c.data.dataset == Dataset::Digits {
                <p class="text">{ ctx.t(Text::DigitInputs) }</p>
            } else if c.data.dataset == Dataset::Table {
                <p class="text">{ ctx.t(Text::TableScaledInputs) }</p>
            } else {
                <p class="text">{ ctx.t(Text::WhichProperties) }{ " " }{ ctx.t(Text::ExplainNetwork) }</p>
            }
            <div class="network-scroll">
            { layer_heads(ctx, &lay, touch, at_neuron_limit, &formula_open) }
            <div class="network" id="network" style={format!("width:{}px;height:{}px", lay.width, lay.height)}>
                <canvas id={ids::LINKS} style={format!("width:{}px;height:{}px", lay.width, lay.height)}
                    onmousemove={hover_link} onmouseleave={leave_links} onclick={click_link}></canvas>
                { for (0..lay.gaps()).map(|g| {
                    let (x, w) = lay.gap_span(g, LINK_PAD);
                    html! { <canvas id={ids::links_gap(g)} class="links-gap" aria-hidden="true"
                        style={format!("left:{x}px;width:{w}px;height:{}px", lay.height)}></canvas> }
                }) }
                <canvas id={ids::NODES} aria-hidden="true" style={format!("width:{}px;height:{}px", lay.width, lay.height)}></canvas>
                { input_nodes(ctx, &lay) }
                { hidden_nodes(ctx, &lay, &card, touch) }
                { backprop_badges(ctx, &lay, walk, p.step) }
                { output_nodes(ctx, &lay, &card, touch) }
            </div>
            </div>
            // The views that explain the diagram open right under it.
            { inspector(ctx, &card) }
            { matrix_view(ctx) }
            { space_view(ctx) }
            <super::formula::FormulaTool ctx={ctx.clone()} open={*formula_open} />
            { backprop_panel(ctx, walk, p.step) }
            { edit_card(ctx, &card) }
        </section>
    }
}

/// The value card: a link's weight or a bias shown on hover, and edited after a click.
fn edit_card(ctx: &Ctx, handle: &UseStateHandle<Option<Card>>) -> Html {
    let Some(card) = handle.as_ref().cloned() else { return html! {} };
    let lang = ctx.settings().lang;
    let label = match card.target {
        Target::Weight { .. } => Text::Weight.get(lang),
        Target::Bias { .. } => Text::Bias.get(lang),
    };
    let style = format!("left:{}px;top:{}px", card.x, card.y);
    if !card.editing {
        return html! {
            <div class="card" id="hovercard" style={style}>{ format!("{label}: {:.3}", card.value) }</div>
        };
    }
    let onkeydown = {
        let (run, handle) = (ctx.run.clone(), handle.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Some(value) = super::controls::parse_decimal(&text) {
                    let (layer, neuron, input) = match card.target {
                        Target::Weight { layer, neuron, input } => (layer, neuron, Some(input)),
                        Target::Bias { layer, neuron } => (layer, neuron, None),
                    };
                    run.send(Command::SetParameter { layer, neuron, input, value });
                    run.send(Command::Highlight(None));
                }
                handle.set(None);
            }
            "Escape" => handle.set(None),
            _ => {}
        })
    };
    let close = {
        let handle = handle.clone();
        Callback::from(move |_: FocusEvent| handle.set(None))
    };
    html! {
        <div class="card editing" id="hovercard" style={style}>
            <label>
                <span>{ format!("{label}: ") }</span>
                <input id="edit-value" type="text" inputmode="decimal" value={format!("{:.3}", card.value)}
                    aria-label={Text::EditValue.get(lang)} title={Text::EditValue.get(lang)}
                    {onkeydown} onblur={close} autofocus=true />
            </label>
        </div>
    }
}

pub(super) fn layer_selects(ctx: &Ctx, layer: usize, activation: Activation, dropout: Real) -> Html {
    let lang = ctx.settings().lang;
    let on_act = ctx.dispatch.reform(move |a| Action::Edit(Edit::LayerActivation(layer, a)));
    let on_drop = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = select_value(&e).parse::<Real>() {
                d.emit(Action::Edit(Edit::Dropout(layer, v)));
            }
        })
    };
    html! {
        <>
            { choice(format!("layer-activation-{layer}"), ctx.t(Text::LayerActivation), "layer-select", &Activation::HIDDEN, activation, lang, on_act) }
            <select class="layer-select" id={format!("layer-dropout-{layer}")} aria-label={ctx.t(Text::LayerDropout)}
                title={ctx.t(Text::LayerDropout)} onchange={on_drop}>
                { for DROPOUT_RATES.iter().map(|&r| html! {
                    <option value={r.to_string()} selected={(r - dropout).abs() < 1e-6}>
                        { if r == 0.0 { format!("{} —", ctx.t(Text::Dropout)) } else { format!("{} {r}", ctx.t(Text::Dropout)) } }
                    </option>
                }) }
            </select>
        </>
    }
}

/// The heads over the diagram's columns: the features (and the formula's button), each hidden
/// layer's neurons, buttons and menus, and the output.
fn layer_heads(ctx: &Ctx, lay: &Layout, touch: bool, at_neuron_limit: bool, formula_open: &UseStateHandle<bool>) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let output = LayerNo::of(c.network.hidden.len());
    let neuron_word = |n: usize| if n == 1 { ctx.t(Text::Neuron) } else { ctx.t(Text::Neurons) };
    html! {
            <div class="column-heads" style={format!("width:{}px", lay.width)}>
                <div class="head" style={format!("left:{}px", lay.columns[0][0].x - 20.0)}>
                    // Data of vectors has no features of the plane: its inputs are read as they are.
                    <b id="inputs-head">{ ctx.t(if c.data.dataset.is_vectors() { Text::InputsHead } else { Text::Features }) }</b>
                    if ctx.shows("customFeature") && !c.data.dataset.is_vectors() {
                        <button class="tool tiny-tool" id="custom-feature-button" title={ctx.t(Text::FormulaButton)} aria-label={ctx.t(Text::FormulaButton)}
                            aria-pressed={formula_open.to_string()} onclick={let open = formula_open.clone(); move |_| open.set(!*open)}>{ "f(x)" }</button>
                    }
                </div>
                { for c.network.hidden.iter().enumerate().map(|(l, h)| {
                    let no = LayerNo::of(l);
                    let x = lay.column(no)[0].x;
                    // As wide as the room between this layer and its neighbours, at most 84 px
                    // with a mouse and 100 px to the touch (two 40-pixel buttons side by side),
                    // so that the heads of many layers never meet.
                    let neighbour = |k: usize| lay.columns.get(k).and_then(|c| c.first()).map_or(f64::INFINITY, |n| (n.x - x).abs());
                    let room = neighbour(l).min(neighbour(l + 2)).min(if touch { TOUCH_SPACING } else { 88.0 }) - 4.0;
                    // A layer in side-by-side rows has a head as wide as its rows.
                    let width = lay.right_of(no) - x;
                    let (left, room) = if width > NODE { (x + 2.0, (width - 4.0).max(room)) } else { (x + NODE / 2.0 - room / 2.0, room) };
                    html! {
                        <div class="head" style={format!("left:{left}px;width:{room}px")}>
                            if ctx.shows("numHiddenLayers") {
                                <div class="plus-minus">
                                    <button class="round tiny" aria-label={format!("{} ({} {})", ctx.t(Text::AddNeuron), ctx.t(Text::HiddenLayer), no)}
                                        disabled={h.neurons >= c.neuron_limit().max as usize || at_neuron_limit}
                                        onclick={ctx.send(Action::Edit(Edit::ChangeNeurons(l, 1)))}>{ "+" }</button>
                                    <button class="round tiny" aria-label={format!("{} ({} {})", ctx.t(Text::RemoveNeuron), ctx.t(Text::HiddenLayer), no)}
                                        disabled={h.neurons <= 1}
                                        onclick={ctx.send(Action::Edit(Edit::ChangeNeurons(l, -1)))}>{ "−" }</button>
                                </div>
                            }
                            <span class="count">{ format!("{} {}", h.neurons, neuron_word(h.neurons)) }</span>
                            <div class="head-tools">
                                <button class="tool tiny-tool" id={format!("matrix-button-{no}")} title={ctx.t(Text::ShowMatrix)}
                                    aria-label={format!("{} ({} {})", ctx.t(Text::ShowMatrix), ctx.t(Text::HiddenLayer), no)}
                                    onclick={ctx.send(Action::Panel(Panel::Matrix(Some(no))))}>{ "W·X+b" }</button>
                                <button class="tool tiny-tool" id={format!("space-button-{no}")} title={ctx.t(Text::SpaceButton)}
                                    aria-label={format!("u,v: {} ({} {})", ctx.t(Text::SpaceButton), ctx.t(Text::HiddenLayer), no)}
                                    aria-pressed={(s.space == Some(no)).to_string()}
                                    onclick={ctx.send(Action::Panel(Panel::Space(if s.space == Some(no) { None } else { Some(no) })))}>{ "u,v" }</button>
                            </div>
                            { layer_selects(ctx, l, h.activation, c.dropout(l)) }
                        </div>
                    }
                }) }
                <div class="head" style={format!("left:{}px", lay.columns.last().unwrap()[0].x - 12.0)}>
                    <b>{ ctx.t(Text::Output) }</b>
                    <button class="tool tiny-tool" id={format!("matrix-button-{output}")} title={ctx.t(Text::ShowMatrix)}
                        aria-label={format!("{} ({})", ctx.t(Text::ShowMatrix), ctx.t(Text::Output))}
                        onclick={ctx.send(Action::Panel(Panel::Matrix(Some(output))))}>{ "W·X+b" }</button>
                </div>
            </div>
    }
}
