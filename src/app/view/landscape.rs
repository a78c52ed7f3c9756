//! The loss landscape (`landscape=true`, or two parameters): the training loss over a plane
//! through the current weights, spanned by the two directions the run's path moved along
//! most or by two chosen parameters, with the path drawn on it; computed in the worker with
//! the pictures. `#landscape` carries the plane (`data-mode`: `pca` or `weights`) and the
//! path as drawn (`data-path`: `[[u, v, loss], ...]`, oldest first, the last the current
//! weights at the current training loss).

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::landscape::{Landscape, Parameter, Plane};

/// The panel, when the link or the button opened it.
pub(super) fn landscape_view(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some(plane) = s.landscape else { return html! {} };
    let run = ctx.run.clone();
    let choices = Rc::new(parameters(s, s.lang));
    let on_plane = ctx.dispatch.reform(|plane| Action::Panel(Panel::Landscape(plane)));
    html! { <LandscapePanel {run} {plane} {choices} lang={s.lang} {on_plane} /> }
}

/// Every weight and bias of the network, with its name, in the network's order.
fn parameters(s: &Settings, lang: Lang) -> Vec<(Parameter, String)> {
    let n = &s.config.network;
    let mut out = Vec::new();
    for layer in 0..=n.hidden.len() {
        let (neurons, pieces) = match n.hidden.get(layer) {
            Some(h) => (h.neurons, h.activation.pieces()),
            None => (s.config.outputs(), n.output.pieces()),
        };
        let n_in = if layer == 0 { n.features.len() } else { n.hidden[layer - 1].neurons };
        for row in 0..neurons * pieces {
            let no = LayerNo::of(layer);
            for input in 0..n_in {
                out.push((Parameter { layer, row, input: Some(input) }, format!("{} {no}: {}←{}", Text::Weight.get(lang), row + 1, input + 1)));
            }
            out.push((Parameter { layer, row, input: None }, format!("{} {no}: {}", Text::Bias.get(lang), row + 1)));
        }
    }
    out
}

/// A parameter as the selects and the link write it: layer (from 1), row, input or `b`.
fn key(p: Parameter) -> String {
    format!("{}-{}-{}", LayerNo::of(p.layer), p.row, p.input.map_or("b".to_string(), |i| i.to_string()))
}

#[derive(Properties, PartialEq)]
pub(super) struct LandscapeProps {
    run: RunDoor,
    plane: Plane,
    choices: Rc<Vec<(Parameter, String)>>,
    lang: Lang,
    on_plane: Callback<Option<Plane>>,
}

/// The path as `data-path` writes it.
fn path_json(l: &Landscape) -> String {
    json::list(l.path.iter().map(|p| json::list(p.iter().map(|&v| json::number(v)))))
}

/// What u and v are, in words.
fn axes_words(l: &Landscape, lang: Lang) -> String {
    match l.explained {
        Some([u, v]) => {
            let percent = |share: f64| format!("{:.0}", share * 100.0);
            Text::LandscapeShares.get(lang).replace("{u}", &percent(u)).replace("{v}", &percent(v))
        }
        None => Text::LandscapeHeld.get(lang).to_string(),
    }
}

/// The landscape over `plane`, once the worker has computed it.
fn over(run: &RunView, plane: Plane) -> Option<&Landscape> {
    run.derived().landscape().filter(|l| l.plane == plane)
}

#[function_component(LandscapePanel)]
pub(super) fn landscape_panel(p: &LandscapeProps) -> Html {
    let stamp = use_frame(&p.run);
    let canvas = use_node_ref();
    let lang = p.lang;
    let (path, axes) = {
        p.run.read(|r| match over(r, p.plane) {
            Some(l) => (Some(path_json(l)), Some(axes_words(l, lang))),
            None => (None, None),
        })
    };
    {
        let (canvas, run, plane) = (canvas.clone(), p.run.clone(), p.plane);
        use_effect_with((stamp, plane, path.clone()), move |_| {
            run.read(|r| {
                if let (Some(c), Some(l)) = (canvas.cast::<web_sys::HtmlCanvasElement>(), over(r, plane)) {
                    crate::render::landscape::draw_landscape(&c, l);
                }
            });
            || ()
        });
    }
    let (mode, pair) = match p.plane {
        Plane::Principal => ("pca", None),
        Plane::Parameters(a, b) => ("weights", Some((a, b))),
    };
    let choices = p.choices.clone();
    let on_mode = {
        let (on_plane, choices) = (p.on_plane.clone(), p.choices.clone());
        Callback::from(move |e: Event| {
            let plane = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "weights" if choices.len() >= 2 => Plane::Parameters(choices[0].0, choices[choices.len() - 1].0),
                _ => Plane::Principal,
            };
            on_plane.emit(Some(plane));
        })
    };
    let on_pick = |first: bool| {
        let (on_plane, choices) = (p.on_plane.clone(), p.choices.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let (Some(q), Some((a, b))) = (choices.iter().map(|(q, _)| *q).find(|q| key(*q) == value), pair) else { return };
            let (a, b) = if first { (q, b) } else { (a, q) };
            if a != b {
                on_plane.emit(Some(Plane::Parameters(a, b)));
            }
        })
    };
    let select = |id: &'static str, chosen: Parameter, first: bool| {
        html! {
            <label class="field"><span>{ if first { "u" } else { "v" } }</span>
                <select {id} onchange={on_pick(first)}>
                    { for choices.iter().map(|(q, name)| html! { <option value={key(*q)} selected={*q == chosen}>{ name.clone() }</option> }) }
                </select>
            </label>
        }
    };
    let title = Text::LandscapeTitle.get(lang);
    html! {
        <section id="landscape" class="landscape" aria-label={title} data-mode={mode} data-path={path.clone()}>
            <div class="inspector-head">
                <h3>{ title }</h3>
                <button id="landscape-close" class="round small" aria-label={Text::Close.get(lang)} title={Text::Close.get(lang)}
                    onclick={p.on_plane.reform(|_: MouseEvent| None)}>{ "×" }</button>
            </div>
            <p class="text">{ Text::LandscapeExplain.get(lang) }</p>
            <label class="field"><span>{ Text::LandscapePlane.get(lang) }</span>
                <select id="landscape-mode" onchange={on_mode}>
                    <option value="pca" selected={mode == "pca"}>{ Text::LandscapePrincipal.get(lang) }</option>
                    <option value="weights" selected={mode == "weights"}>{ Text::LandscapeParameters.get(lang) }</option>
                </select>
            </label>
            if let Some((a, b)) = pair {
                <div class="landscape-pick">{ select("landscape-u", a, true) }{ select("landscape-v", b, false) }</div>
            }
            if path.is_some() {
                <canvas ref={canvas} id="landscape-canvas" role="img" aria-label={title}
                    style={format!("width:{}px;height:{}px", crate::render::landscape::WIDTH, crate::render::landscape::HEIGHT)}></canvas>
            } else {
                <p id="landscape-waiting" class="explain">{ Text::LandscapeWaiting.get(lang) }</p>
            }
            if let Some(axes) = axes {
                <p id="landscape-axes" class="explain">{ axes }</p>
            }
        </section>
    }
}
