//! The plane as a hidden layer sees it (`space=L`): the training points and the input grid's
//! lines carried to the layer's space, computed in the worker with the pictures; a slider
//! moves them from the plane to the layer so that the bending is seen. `#space-view` carries
//! the points as drawn (`data-points`) and, for the last hidden layer of two neurons, the
//! output's line there (`data-line`).

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::space::{LayerSpace, SpaceAxes};

/// The panel, when the link or a button opened it.
pub(super) fn space_view(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let Some(layer) = s.space else { return html! {} };
    let run = ctx.run.clone();
    let classes = s.config.data.classes.max(2);
    let vectors = s.config.data.dataset.is_vectors();
    html! { <SpacePanel {run} {layer} {classes} {vectors} lang={s.lang} on_close={ctx.send(Action::Panel(Panel::Space(None)))} /> }
}

#[derive(Properties, PartialEq)]
pub(super) struct SpaceProps {
    run: RunDoor,
    layer: LayerNo,
    classes: usize,
    /// Data of vectors: examples carried from their own principal components, not the plane.
    vectors: bool,
    lang: Lang,
    on_close: Callback<MouseEvent>,
}

/// Side of the drawing, in CSS pixels.
const SIZE: f64 = 300.0;

/// A coordinate as `data-points` writes it (four decimals are more than a pixel).
fn short(v: f64) -> String {
    json::number((v * 1e4).round() / 1e4)
}

/// The training points at `t`, as `[[u, v, label], ...]`.
fn points_json(space: &LayerSpace, t: f64) -> String {
    json::list(space.points.iter().map(|(p, label)| {
        let (u, v) = p.at(t);
        format!("[{},{},{}]", short(u), short(v), json::number(*label))
    }))
}

/// What u and v are, in words.
fn axes_words(axes: &SpaceAxes, lang: Lang) -> String {
    match axes {
        SpaceAxes::Neurons(1) => Text::SpaceOneNeuron.get(lang).to_string(),
        SpaceAxes::Neurons(_) => Text::SpaceTwoNeurons.get(lang).to_string(),
        SpaceAxes::Principal { explained } => {
            let percent = |share: f64| format!("{:.0}", share * 100.0);
            Text::SpacePrincipal.get(lang).replace("{u}", &percent(explained[0])).replace("{v}", &percent(explained[1]))
        }
    }
}

/// The plane as `layer` sees it, once the worker has painted it for that layer.
fn seen_by(run: &RunView, layer: LayerNo) -> Option<&LayerSpace> {
    run.derived().space().filter(|s| LayerNo::of(s.layer) == layer)
}

#[function_component(SpacePanel)]
pub(super) fn space_panel(p: &SpaceProps) -> Html {
    let stamp = use_frame(&p.run);
    let t = use_state(|| 1.0f64);
    let canvas = use_node_ref();
    let lang = p.lang;
    // What the panel writes, read through the door; the drawing reads it again after
    // the render (a canvas is drawn, not rendered), so the view is never copied.
    let (points, line, axes) = {
        p.run.read(|r| match seen_by(r, p.layer) {
            Some(s) => {
                (Some(points_json(s, *t)), s.line.map(|[a, b, c]| json::list([a, b, c].iter().map(|&v| json::number(v)))), Some(axes_words(&s.axes, lang)))
            }
            None => (None, None, None),
        })
    };
    {
        let (canvas, run, layer, classes) = (canvas.clone(), p.run.clone(), p.layer, p.classes);
        use_effect_with((stamp, *t, layer, points.is_some()), move |&(_, t, _, _)| {
            run.read(|r| {
                if let (Some(c), Some(space)) = (canvas.cast::<web_sys::HtmlCanvasElement>(), seen_by(r, layer)) {
                    crate::render::space::draw_space(&c, space, t, SIZE, classes);
                }
            });
            || ()
        });
    }
    let oninput = {
        let t = t.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = e.target_unchecked_into::<HtmlInputElement>().value().parse::<f64>() {
                t.set(v.clamp(0.0, 1.0));
            }
        })
    };
    let [title, explain, morph] = if p.vectors {
        [Text::SpaceTitleVectors, Text::SpaceExplainVectors, Text::SpaceMorphVectors]
    } else {
        [Text::SpaceTitle, Text::SpaceExplain, Text::SpaceMorph]
    };
    let title = title.get(lang).replace("{layer}", &p.layer.to_string());
    html! {
        <section id="space-view" class="space-view" aria-label={title.clone()} data-points={points} data-line={line.clone()} data-layer={p.layer.to_string()}>
            <div class="inspector-head">
                <h3>{ title }</h3>
                <button id="space-close" class="round small" aria-label={Text::Close.get(lang)} title={Text::Close.get(lang)} onclick={p.on_close.clone()}>{ "×" }</button>
            </div>
            <p class="text">{ explain.get(lang) }</p>
            <canvas ref={canvas} id="space-canvas" role="img" aria-label={explain.get(lang)}
                style={format!("width:{SIZE}px;height:{SIZE}px")}></canvas>
            <label class="field space-morph"><span>{ morph.get(lang) }</span>
                <input type="range" id="space-morph" min="0" max="1" step="0.05" value={t.to_string()} data-t={t.to_string()} {oninput} />
            </label>
            if let Some(axes) = axes {
                <p id="space-axes" class="explain">{ axes }</p>
            }
            if line.is_some() {
                <p class="explain">{ Text::SpaceLine.get(lang) }</p>
            }
        </section>
    }
}
