//! Pictures of a run to save: `#export-png`, the output, the network and the loss chart as
//! shown, with a caption of the setup in the page's language; `#export-gif`, an animation of
//! the run drawn by the worker from the timeline's weights (not a screen recording), with the
//! epoch on each frame and a progress bar (`#export-progress`) while it is made.

use super::ctx::*;
use super::files::{download_bytes, save_blob};
use door::{AnimationRefusal, AnimationState, MIN_FRAMES};

/// The setup in words, for the picture's caption: data set, network, activation, learning
/// rate, then the epoch and losses shown.
pub(super) fn caption(ctx: &Ctx) -> Vec<String> {
    let s = ctx.settings();
    let (lang, c) = (s.lang, &s.config);
    let features: Vec<&str> = c.network.features.iter().map(|f| f.label()).collect();
    let mut shape = vec![features.len().to_string()];
    shape.extend(c.network.hidden.iter().map(|h| h.neurons.to_string()));
    shape.push(c.outputs().to_string());
    let activation = c.network.hidden.first().map_or(c.network.output, |h| h.activation);
    let first = format!(
        "{}: {} · {}: {} ({}) · {}: {} · {}: {}",
        Text::Data.get(lang),
        super::dataset::dataset_text(c.data.dataset).get(lang),
        Text::Network.get(lang),
        shape.join(" → "),
        features.join(", "),
        Text::Activation.get(lang),
        activation.name(),
        Text::LearningRate.get(lang),
        c.training.learning_rate,
    );
    let second = ctx.run.read(|r| {
        let Some(t) = r.trainer() else { return String::new() };
        let mut second = format!("{} {}", Text::Epoch.get(lang), t.epoch);
        if let Some(r) = &t.last {
            second += &format!(" · {} {:.3}", Text::TrainingLoss.get(lang), r.train.loss);
            if let Some(test) = &r.test {
                second += &format!(" · {} {:.3}", Text::TestLoss.get(lang), test.loss);
            }
        }
        second
    });
    vec![first, second]
}

/// The canvases inside `container` drawn as they are laid out, and the text of the elements
/// `labels` selects written where they stand, on one canvas cut to what they cover.
fn flatten(doc: &web_sys::Document, container: &str, labels: &str) -> Option<(web_sys::HtmlCanvasElement, f64, f64)> {
    let root = doc.get_element_by_id(container)?;
    let base = root.get_bounding_client_rect();
    let list = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(all) = root.query_selector_all(selector) else { return Vec::new() };
        (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<web_sys::Element>().ok()).filter(|e| e.get_bounding_client_rect().width() > 0.0).collect()
    };
    let canvases: Vec<web_sys::HtmlCanvasElement> =
        list("canvas").into_iter().filter_map(|e| e.dyn_into().ok()).filter(|c: &web_sys::HtmlCanvasElement| c.width() > 0).collect();
    let texts = if labels.is_empty() { Vec::new() } else { list(labels) };
    // What they cover, from the container's corner.
    let rects: Vec<(f64, f64, f64, f64)> = canvases
        .iter()
        .map(|c| c.get_bounding_client_rect())
        .chain(texts.iter().map(|t| t.get_bounding_client_rect()))
        .map(|r| (r.left() - base.left(), r.top() - base.top(), r.right() - base.left(), r.bottom() - base.top()))
        .collect();
    let x0 = rects.iter().map(|r| r.0).fold(f64::INFINITY, f64::min).min(0.0);
    let y0 = rects.iter().map(|r| r.1).fold(f64::INFINITY, f64::min).min(0.0);
    let (w, h) = (rects.iter().map(|r| r.2).fold(1.0, f64::max) - x0, rects.iter().map(|r| r.3).fold(1.0, f64::max) - y0);
    let out: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width((w * 2.0).max(1.0) as u32);
    out.set_height((h * 2.0).max(1.0) as u32);
    let g = canvas::context(&out);
    let _ = g.scale(2.0, 2.0);
    let _ = g.translate(-x0, -y0);
    for c in &canvases {
        let r = c.get_bounding_client_rect();
        let _ = g.draw_image_with_html_canvas_element_and_dw_and_dh(c, r.left() - base.left(), r.top() - base.top(), r.width(), r.height());
    }
    g.set_fill_style_str("#333");
    g.set_font("12px system-ui, sans-serif");
    g.set_text_baseline("middle");
    for t in &texts {
        let r = t.get_bounding_client_rect();
        let _ = g.fill_text(&t.text_content().unwrap_or_default(), r.left() - base.left(), r.top() - base.top() + r.height() / 2.0);
    }
    Some((out, w, h))
}

/// Draws the output, the network and the loss chart with the caption, and offers the PNG.
fn save_png(ctx: &Ctx) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let (network, nw, nh) = flatten(&doc, "network", ".feature-label, .out-mark")?;
    let (output, ow, oh) = flatten(&doc, "heatmap", "")?;
    let chart = canvas_by_id(ids::LOSS_CHART);
    let side = 360.0;
    let net_scale = (side / nh).min(560.0 / nw).min(1.5);
    let (net_w, net_h) = (nw * net_scale, nh * net_scale);
    let (pad, head) = (20.0, 64.0);
    let width = pad + net_w.max(200.0) + pad + side + pad;
    let height = head + side + pad + 120.0 + pad;
    let out: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width((width * 2.0) as u32);
    out.set_height((height * 2.0) as u32);
    let g = canvas::context(&out);
    let _ = g.scale(2.0, 2.0);
    g.set_fill_style_str("#fff");
    g.fill_rect(0.0, 0.0, width, height);
    g.set_fill_style_str("#222");
    g.set_font("bold 16px system-ui, sans-serif");
    let _ = g.fill_text("Neurona", pad, 24.0);
    g.set_font("12px system-ui, sans-serif");
    for (i, line) in caption(ctx).iter().enumerate() {
        let _ = g.fill_text(line, pad, 42.0 + 16.0 * i as f64);
    }
    let _ = g.draw_image_with_html_canvas_element_and_dw_and_dh(&network, pad, head, net_w, net_h);
    let x = pad + net_w.max(200.0) + pad;
    let _ = g.draw_image_with_html_canvas_element_and_dw_and_dh(&output, x, head, side, side * oh / ow.max(1.0));
    if let Some(chart) = chart {
        let r = chart.get_bounding_client_rect();
        let h = (side * r.height() / r.width().max(1.0)).min(120.0);
        let _ = g.draw_image_with_html_canvas_element_and_dw_and_dh(&chart, x, head + side + pad, side, h);
    }
    let name = "neurona.png".to_string();
    let save = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            save_blob(&blob, &name);
        }
    });
    out.to_blob(save.unchecked_ref()).ok()
}

/// Properties of [`PictureTools`].
#[derive(Properties, PartialEq)]
pub(super) struct PictureProps {
    pub ctx: Ctx,
}

/// Where the animation stands, as the tool shows it.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    /// Frames drawn, and in all.
    Making(usize, usize),
    /// Saved: its bytes and frames.
    Saved(usize, usize),
    /// Refused, and why.
    Refused(AnimationRefusal),
}

/// The two buttons, and the animation's progress.
#[function_component(PictureTools)]
pub(super) fn picture_tools(p: &PictureProps) -> Html {
    let ctx = &p.ctx;
    let lang = ctx.settings().lang;
    let shown = use_state(|| None::<Shown>);
    let png = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = save_png(&ctx);
        })
    };
    let making = matches!(*shown, Some(Shown::Making(..)));
    let gif = {
        let (ctx, shown) = (ctx.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            let s = ctx.settings();
            let heard = {
                let shown = shown.clone();
                Callback::from(move |st: AnimationState| {
                    shown.set(Some(match (&st.gif, st.error) {
                        (Some(bytes), _) => {
                            download_bytes("neurona.gif", "image/gif", bytes);
                            Shown::Saved(bytes.len(), st.progress.1)
                        }
                        (None, Some(why)) => Shown::Refused(why),
                        (None, None) => Shown::Making(st.progress.0, st.progress.1),
                    }))
                })
            };
            shown.set(Some(Shown::Making(0, 1)));
            ctx.run.send(Command::Animate { word: Text::Epoch.get(s.lang).to_string(), discretize: s.discretize, show_test: s.show_test, then: heard });
        })
    };
    let cancel = {
        let (ctx, shown) = (ctx.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            ctx.run.send(Command::Cancel(door::Service::Animation));
            shown.set(None);
        })
    };
    let message = match *shown {
        Some(Shown::Refused(AnimationRefusal::TooFewFrames(n))) => {
            Text::GifTooFewFrames.get(lang).replace("{min}", &MIN_FRAMES.to_string()).replace("{n}", &n.to_string())
        }
        Some(Shown::Refused(AnimationRefusal::NoRun)) => Text::GifNoRun.get(lang).to_string(),
        Some(Shown::Saved(bytes, frames)) => {
            Text::GifSaved.get(lang).replace("{frames}", &frames.to_string()).replace("{kb}", &bytes.div_ceil(1024).to_string())
        }
        _ => String::new(),
    };
    let saved = match *shown {
        Some(Shown::Saved(bytes, frames)) => Some((bytes, frames)),
        _ => None,
    };
    html! {
        <>
            <button id="export-png" class="tool" onclick={png}>{ ctx.t(Text::ExportPng) }</button>
            <button id="export-gif" class="tool" onclick={gif} disabled={making}
                data-bytes={saved.map(|s| s.0.to_string())} data-frames={saved.map(|s| s.1.to_string())}>{ ctx.t(Text::ExportGif) }</button>
            if let Some(Shown::Making(done, total)) = *shown {
                <label class="inline export-progress"><span>{ ctx.t(Text::GifMaking) }</span>
                    <progress id="export-progress" max={total.to_string()} value={done.to_string()}
                        data-done={done.to_string()} data-total={total.to_string()}></progress>
                </label>
                <button id="export-cancel" class="tool" onclick={cancel}>{ ctx.t(Text::Cancel) }</button>
            }
            <span id="export-message" class="export-message" role="status">{ message }</span>
        </>
    }
}
