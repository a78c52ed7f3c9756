//! The network column: features, hidden layers, neurons, links, and the value editor.

use super::backprop::{backprop_badges, backprop_panel, Step};
use super::choice::choice;
use super::ctx::*;
use super::inspector::inspector;
use super::matrix::matrix_view;
use super::space::space_view;
use crate::live::draw::LINK_PAD;

/// Properties of [`NetworkColumn`].
#[derive(Properties, PartialEq)]
pub(super) struct NetworkProps {
    pub ctx: Ctx,
    /// Backprop step by step: the stage and the training point walked through.
    pub step: Step,
    /// Bumped when the live side was brought in line with the settings while a walk-through
    /// is open: its numbers are read again.
    pub synced: u64,
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
    let walk = if ctx.settings.backprop { ctx.live.borrow().walkthrough(p.step.point, &ctx.settings.config).map(Rc::new) } else { None };
    let walk = walk.as_deref();
    let s = ctx.settings();
    let c = &s.config;
    let touch = crate::live::dom::touch_sized();
    let lay = crate::render::diagram::layout(c, network_width(crate::live::dom::window_width(), s.compare.is_some(), s.projector), least_spacing(touch));
    let n_hidden = c.network.hidden.len();
    // The output layer's number, as the page writes it.
    let output = LayerNo::of(n_hidden);
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
            let mut r = ctx.live.borrow_mut();
            r.set_highlight(found.map(|l| (l.layer, l.neuron, l.input)));
            let next = found.and_then(|l| {
                r.weight(l.layer, l.neuron, l.input).map(|value| Card {
                    x: e.page_x() as f64 + 12.0,
                    y: e.page_y() as f64 + 12.0,
                    target: Target::Weight { layer: l.layer, neuron: l.neuron, input: l.input },
                    value,
                    editing: edit,
                })
            });
            drop(r);
            if *card != next {
                card.set(next);
            }
        })
    };
    let hover_link = link_card(false);
    let leave_links = {
        let (live, card) = (ctx.live.clone(), card.clone());
        Callback::from(move |_| {
            if !card.as_ref().is_some_and(|c| c.editing) {
                live.borrow_mut().set_highlight(None);
                card.set(None);
            }
        })
    };
    let click_link = link_card(true);
    let focus = |f: Focus| focus_on::<MouseEvent>(&ctx.live, f);
    let unfocus = focus_on::<MouseEvent>(&ctx.live, Focus::Output);
    let bias_card = |layer: usize, neuron: usize, editing: bool| {
        let (live, card) = (ctx.live.clone(), card.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if !editing && card.as_ref().is_some_and(|c| c.editing) {
                return;
            }
            if let Some(value) = live.borrow().bias(layer, neuron) {
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
    };
    // The bias square just outside a neuron's lower left corner: its box never meets the
    // neuron's or a neighbour's. To the touch it stands further left, so that the 40-pixel
    // areas around it and around its neuron do not meet either.
    let bias_left = if touch { 27.0 } else { 11.0 };
    let bias_at = move |b: crate::render::diagram::NodeBox| format!("left:{}px;top:{}px", b.x - bias_left, b.y + NODE - 4.0);
    // A click, or Enter on a focused neuron, opens its arithmetic in the inspector.
    let inspect = |layer: LayerNo, neuron: usize| ctx.send(Action::Panel(Panel::Inspect(Some((layer, neuron)))));
    let inspect_key = |layer: LayerNo, neuron: usize| {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Not from the bias button inside the neuron: that one opens the bias editor.
            let on_neuron = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.tag_name() != "BUTTON");
            if e.key() == "Enter" && on_neuron {
                d.emit(Action::Panel(Panel::Inspect(Some((layer, neuron)))));
            }
        })
    };
    let neuron_word = |n: usize| if n == 1 { ctx.t(Text::Neuron) } else { ctx.t(Text::Neurons) };
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
            <p class="text">{ ctx.t(Text::WhichProperties) }{ " " }{ ctx.t(Text::ExplainNetwork) }</p>
            <div class="network-scroll">
            <div class="column-heads" style={format!("width:{}px", lay.width)}>
                <div class="head" style={format!("left:{}px", lay.columns[0][0].x - 20.0)}>
                    <b>{ ctx.t(Text::Features) }</b>
                    if ctx.shows("customFeature") {
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
                    html! {
                        <div class="head" style={format!("left:{}px;width:{room}px", x + NODE / 2.0 - room / 2.0)}>
                            if ctx.shows("numHiddenLayers") {
                                <div class="plus-minus">
                                    <button class="round tiny" aria-label={format!("{} ({} {})", ctx.t(Text::AddNeuron), ctx.t(Text::HiddenLayer), no)}
                                        disabled={h.neurons >= crate::app::state::MAX_NEURONS || at_neuron_limit}
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
            <div class="network" id="network" style={format!("width:{}px;height:{}px", lay.width, lay.height)}>
                <canvas id={ids::LINKS} style={format!("width:{}px;height:{}px", lay.width, lay.height)}
                    onmousemove={hover_link} onmouseleave={leave_links} onclick={click_link}></canvas>
                { for (0..lay.gaps()).map(|g| {
                    let (x, w) = lay.gap_span(g, LINK_PAD);
                    html! { <canvas id={ids::links_gap(g)} class="links-gap" aria-hidden="true"
                        style={format!("left:{x}px;width:{w}px;height:{}px", lay.height)}></canvas> }
                }) }
                <canvas id={ids::NODES} aria-hidden="true" style={format!("width:{}px;height:{}px", lay.width, lay.height)}></canvas>
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
                                onmouseenter={focus(Focus::Feature(f))} onmouseleave={unfocus.clone()}>
                                <span class="feature-label">{ if formula.is_some() { super::formula::node_label(formula) } else { f.label().to_string() } }</span>
                            </button>
                        }
                    }
                }) }
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
                            onclick={inspect(no, j)} onkeydown={inspect_key(no, j)}
                            aria-label={format!("{} {no}, {} {}{state}", ctx.t(Text::HiddenLayer), ctx.t(Text::Neuron), j + 1)}
                            onmouseenter={focus(Focus::Neuron(l, j))} onmouseleave={unfocus.clone()}
                            onfocus={focus_on::<FocusEvent>(&ctx.live, Focus::Neuron(l, j))}
                            onblur={focus_on::<FocusEvent>(&ctx.live, Focus::Output)}>
                        </div>
                        // Beside the neuron, not inside it: a control may not hold another.
                        <button class="bias" style={bias_at(b)} aria-label={format!("{} ({} {}, {} {})", ctx.t(Text::Bias), ctx.t(Text::HiddenLayer), no, ctx.t(Text::Neuron), j + 1)}
                            onmouseenter={bias_card(l, j, false)} onclick={bias_card(l, j, true)}></button>
                    </> }
                }) }
                { backprop_badges(ctx, &lay, walk, p.step) }
                { for (0..c.outputs()).map(|j| {
                    let b = lay.columns.last().unwrap()[j];
                    // With several outputs, each is one class's probability: named and
                    // coloured by its class.
                    let many = c.outputs() > 1;
                    let class_colour = crate::render::colour::hex(crate::render::colour::class_colour(j, c.outputs()));
                    let name = if many { format!("ŷ{} {} {j}", subscript(j), ctx.t(Text::Class)) } else { ctx.t(Text::Output).to_string() };
                    html! { <>
                        <div class="node output-node" id={format!("output-node-{j}")}
                            style={format!("left:{}px;top:{}px", b.x, b.y)} tabindex="0" role="button"
                            aria-label={if many { name.clone() } else { format!("{} {}", ctx.t(Text::Output), j + 1) }} title={ctx.t(Text::InspectHint)}
                            onclick={inspect(output, j)} onkeydown={inspect_key(output, j)}>
                            if many {
                                <span class="out-mark class-mark"><span class="swatch" style={format!("background:{class_colour}")}></span>{ format!("ŷ{}", subscript(j)) }</span>
                            } else {
                                <span class="out-mark">{ "ŷ" }</span>
                            }
                        </div>
                        <button class="bias" style={bias_at(b)} aria-label={format!("{} ({})", ctx.t(Text::Bias), ctx.t(Text::Output))}
                            id={format!("output-bias-{j}")}
                            onmouseenter={bias_card(n_hidden, j, false)} onclick={bias_card(n_hidden, j, true)}></button>
                    </> }
                }) }
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
        let (live, handle) = (ctx.live.clone(), handle.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Some(v) = super::controls::parse_decimal(&text) {
                    let mut r = live.borrow_mut();
                    match card.target {
                        Target::Weight { layer, neuron, input } => r.set_parameter(layer, neuron, Some(input), v),
                        Target::Bias { layer, neuron } => r.set_parameter(layer, neuron, None, v),
                    }
                    r.set_highlight(None);
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

/// A small number as subscript digits: 0 -> ₀.
fn subscript(n: usize) -> String {
    n.to_string().chars().map(|d| char::from_u32(0x2080 + d.to_digit(10).unwrap_or(0)).unwrap_or(d)).collect()
}

/// Shows `focus` in the big heatmap on an event of any kind (a pointer entering, a focus).
fn focus_on<E: 'static>(live: &Rc<RefCell<Live>>, focus: Focus) -> Callback<E> {
    let live = live.clone();
    Callback::from(move |_: E| live.borrow_mut().set_focus(focus))
}
