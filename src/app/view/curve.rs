//! A regression of one input as a curve built neuron by neuron (`#curve-view`, shown for the
//! curve data sets and the user's own points in regression): the training data, the
//! network's output along x, each last-hidden-layer neuron's piece w·a(x) and the bias,
//! updated as the network trains. `data-pieces` carries them as drawn:
//! `{"x": [...], "pieces": [[...], ...], "bias": b, "output": [...]}`; the pieces plus the
//! bias equal the output.

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;

/// The view, when the data are a curve (or the user's own points in regression).
pub(super) fn curve_view(ctx: &Ctx) -> Html {
    let d = &ctx.settings().config.data;
    if !(d.dataset.is_curve() || (d.dataset == Dataset::Custom && d.problem == Problem::Regression)) {
        return html! {};
    }
    html! { <CurvePanel run={ctx.run.clone()} lang={ctx.settings().lang} /> }
}

#[derive(Properties, PartialEq)]
pub(super) struct CurveProps {
    run: RunDoor,
    lang: Lang,
}

#[function_component(CurvePanel)]
pub(super) fn curve_panel(p: &CurveProps) -> Html {
    let stamp = use_frame(&p.run);
    let canvas = use_node_ref();
    let pieces = p.run.read(|r| {
        r.teaching(None).and_then(|t| t.curve()).map(|(c, _)| {
            let list = |v: &[f64]| json::list(v.iter().map(|&x| json::number(x)));
            json::object(&[
                ("x", list(&c.x)),
                ("pieces", json::list(c.pieces.iter().map(|p| list(p)))),
                ("bias", json::number(c.bias)),
                ("output", list(&c.output)),
            ])
        })
    });
    {
        let (canvas, run) = (canvas.clone(), p.run.clone());
        use_effect_with((stamp, pieces.clone()), move |_| {
            if let (Some(c), Some((curve, points))) = (canvas.cast::<web_sys::HtmlCanvasElement>(), run.read(|r| r.teaching(None).and_then(|t| t.curve()))) {
                crate::render::curve::draw_curve(&c, &curve, &points);
            }
            || ()
        });
    }
    let title = Text::CurveTitle.get(p.lang);
    html! {
        <section id="curve-view" class="landscape curve-view" aria-label={title} data-pieces={pieces}>
            <h3>{ title }</h3>
            <canvas ref={canvas} id="curve-canvas" role="img" aria-label={title}
                style={format!("width:{}px;height:{}px", crate::render::curve::WIDTH, crate::render::curve::HEIGHT)}></canvas>
            <p class="text">{ Text::CurveExplain.get(p.lang) }</p>
        </section>
    }
}
