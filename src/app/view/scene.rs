//! The satellite scene as the network maps it (`scene=true`, with the satellite data set):
//! the scene in true colour, in false colour (near-infrared shown as red, so that vegetation
//! glows) and as the network classifies each pixel, repainted as the worker computes it with
//! the pictures. `#scene-view` carries each class's share of the map (`data-shares`, JSON:
//! class → share of pixels) and the map's agreement with the scene's true classes
//! (`data-accuracy`, 0 to 1). A pixel clicked or tapped is read out: its two bands, its NDVI,
//! its point on the plane and the network's class.

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::satellite::{SceneMap, SIDE};

/// Brightens the bands for the eye (a reflectance of 0.3 is nearly white in true colour).
const TRUE_GAIN: f32 = 2.6;
const FALSE_GAIN: f32 = 1.9;

/// Whether the screen is a phone's: the scene then stands under the losses, not beside the
/// picture.
pub(super) fn narrow() -> bool {
    crate::live::dom::window_width() < 700.0
}

/// The panel, while open with the satellite data.
pub(super) fn scene_view(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    if !s.scene || s.config.data.dataset != Dataset::Satellite {
        return html! {};
    }
    html! { <ScenePanel run={ctx.run.clone()} lang={s.lang} classes={s.config.data.classes} /> }
}

/// The classes' names (an id for `data-shares`, a word) and colours, by class: the colours
/// of the points and the picture beside it.
fn classes(k: usize) -> Vec<(&'static str, Text, [u8; 3])> {
    let names = match k {
        0..=2 => vec![("rest", Text::CoverRest), ("vegetation", Text::CoverVegetation)],
        3 => vec![("water", Text::CoverWater), ("vegetation", Text::CoverVegetation), ("rest", Text::CoverRest)],
        _ => vec![("water", Text::CoverWater), ("vegetation", Text::CoverVegetation), ("soil", Text::CoverSoil), ("cloud", Text::CoverCloud)],
    };
    names.into_iter().enumerate().map(|(c, (id, word))| (id, word, crate::render::colour::class_colour(c, k.max(2)))).collect()
}

/// The three pictures of a map, as RGBA: true colour, false colour, the network's classes.
fn pictures(m: &SceneMap, k: usize) -> [Vec<u8>; 3] {
    let colours = classes(k);
    let lift = |v: u8, gain: f32| (v as f32 * gain).min(255.0) as u8;
    let mut out = [Vec::new(), Vec::new(), Vec::new()];
    for (px, &c) in m.bands.chunks_exact(4).zip(&m.classes) {
        let [b, g, r, n] = [px[0], px[1], px[2], px[3]];
        out[0].extend([lift(r, TRUE_GAIN), lift(g, TRUE_GAIN), lift(b, TRUE_GAIN), 255]);
        out[1].extend([lift(n, FALSE_GAIN), lift(r, FALSE_GAIN), lift(g, FALSE_GAIN), 255]);
        let [cr, cg, cb] = colours.get(c as usize).map_or([0, 0, 0], |c| c.2);
        out[2].extend([cr, cg, cb, 255]);
    }
    out
}

#[derive(Properties, PartialEq)]
pub(super) struct SceneProps {
    run: RunDoor,
    lang: Lang,
    classes: usize,
}

#[function_component(ScenePanel)]
fn scene_panel(p: &SceneProps) -> Html {
    let stamp = use_frame(&p.run);
    let canvases = [use_node_ref(), use_node_ref(), use_node_ref()];
    let pixel = use_state(|| None::<String>);
    let (lang, k) = (p.lang, p.classes);
    let names = classes(k);
    let figures = p.run.read(|r| {
        r.derived().scene().map(|m| {
            let parts: Vec<(&str, String)> = names.iter().zip(&m.shares).map(|((id, ..), share)| (*id, json::number(*share))).collect();
            let shares = json::object(&parts);
            (shares, m.accuracy, m.shares.clone())
        })
    });
    {
        let (canvases, run) = (canvases.clone(), p.run.clone());
        use_effect_with((stamp, k), move |&(_, k)| {
            run.read(|r| {
                let Some(m) = r.derived().scene() else { return };
                for (canvas, rgba) in canvases.iter().zip(pictures(m, k)) {
                    if let Some(c) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                        canvas::put_rgba(&c, &rgba, SIDE as u32, SIDE as u32);
                    }
                }
            });
            || ()
        });
    }
    let on_pixel = {
        let (run, pixel) = (p.run.clone(), pixel.clone());
        let names: Vec<Text> = names.iter().map(|n| n.1).collect();
        Callback::from(move |e: MouseEvent| {
            let Some(c) = e.target_dyn_into::<web_sys::Element>() else { return };
            let rect = c.get_bounding_client_rect();
            let at = |offset: i32, size: f64| ((offset as f64 / size.max(1.0) * SIDE as f64) as usize).min(SIDE - 1);
            let (x, y) = (at(e.offset_x(), rect.width()), at(e.offset_y(), rect.height()));
            let words = run.read(|r| {
                let m = r.derived().scene()?;
                let [_, _, red, nir] = m.pixel(y * SIDE + x)?;
                let on_plane = crate::engine::axes::Axes::reflectance().to_plane(&crate::engine::Point { x: red as Real, y: nir as Real, label: 0.0 });
                let class = m.classes.get(y * SIDE + x).and_then(|&c| names.get(c as usize)).map_or("", |t| t.get(lang));
                let ndvi = (nir - red) / (nir + red).max(1e-6);
                let text = Text::ScenePixel.get(lang);
                let fill = [("{x}", x.to_string()), ("{y}", y.to_string()), ("{red}", format!("{red:.3}")), ("{nir}", format!("{nir:.3}"))];
                let more = [
                    ("{ndvi}", format!("{ndvi:.2}")),
                    ("{x1}", format!("{:.2}", on_plane.x)),
                    ("{x2}", format!("{:.2}", on_plane.y)),
                    ("{class}", class.to_string()),
                ];
                Some(fill.into_iter().chain(more).fold(text.to_string(), |t, (k, v)| t.replace(k, &v)))
            });
            pixel.set(words);
        })
    };
    let title = Text::SceneTitle.get(lang);
    let captions = [Text::SceneTrueColour, Text::SceneFalseColour, Text::SceneMapCaption];
    let (shares, accuracy, share_list) = match figures {
        Some((shares, accuracy, list)) => (Some(shares), Some(accuracy), list),
        None => (None, None, Vec::new()),
    };
    html! {
        <section id="scene-view" class="scene-view" aria-label={title} data-shares={shares} data-accuracy={accuracy.map(|a| format!("{a:.4}"))}>
            <h3>{ title }</h3>
            <div class="scene-pictures">
                { for canvases.iter().zip(captions).map(|(canvas, caption)| html! {
                    <figure>
                        <canvas ref={canvas.clone()} width={SIDE.to_string()} height={SIDE.to_string()} role="img" aria-label={caption.get(lang)} onclick={on_pixel.clone()}></canvas>
                        <figcaption>{ caption.get(lang) }</figcaption>
                    </figure>
                }) }
            </div>
            <ul class="scene-shares">
                { for names.iter().zip(&share_list).map(|((id, word, colour), share)| html! {
                    <li data-class={*id}><span class="swatch" style={format!("background:rgb({},{},{})", colour[0], colour[1], colour[2])}></span>
                        { format!("{} {:.0} %", word.get(lang), share * 100.0) }</li>
                }) }
            </ul>
            <p class="scene-accuracy">{ match accuracy {
                Some(a) => Text::SceneAccuracy.get(lang).replace("{percent}", &format!("{:.1} %", a * 100.0)),
                None => Text::SceneWaiting.get(lang).to_string(),
            } }</p>
            <p class="scene-pixel" aria-live="polite">{ pixel.as_ref().cloned().unwrap_or_else(|| Text::SceneTap.get(lang).to_string()) }</p>
            <p class="text scene-source">{ Text::SceneSource.get(lang) }</p>
        </section>
    }
}
