//! Canvas drawing: pixel buffers through ImageData, data points, and the network's links.

use super::colour::{class_colour, diverging, hex};
use super::diagram::Layout;
use crate::engine::network::Network;
use crate::engine::{Point, Real};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The 2D context of a canvas.
pub fn context(canvas: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()).expect("a 2d canvas context")
}

/// Finds a canvas by element id.
pub fn canvas_by_id(id: &str) -> Option<HtmlCanvasElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Copies an RGBA buffer of `width` x `height` pixels onto the canvas in one call, resizing
/// the canvas's backing store to match; CSS scales it to its displayed size.
pub fn put_rgba(canvas: &HtmlCanvasElement, rgba: &[u8], width: u32, height: u32) {
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height) {
        let _ = context(canvas).put_image_data(&image, 0.0, 0.0);
    }
}

/// Sizes a canvas's backing store for crisp drawing at `css_width` x `css_height` on this
/// screen, and returns the context scaled so that drawing uses CSS pixels.
pub fn hidpi(canvas: &HtmlCanvasElement, css_width: f64, css_height: f64) -> CanvasRenderingContext2d {
    let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let (w, h) = ((css_width * ratio).round() as u32, (css_height * ratio).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = context(canvas);
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, css_width, css_height);
    ctx
}

/// The fill colour of a data point: its class's hue, or the value on the diverging scale.
pub fn point_colour(label: Real, classes: usize) -> String {
    if classes > 2 {
        hex(class_colour(label.max(0.0) as usize, classes))
    } else {
        hex(diverging(label as f64))
    }
}

/// Draws points over a square plot of `size` CSS pixels showing [min, max]^2: training
/// points with a white outline, test points with a black one.
pub fn draw_points(ctx: &CanvasRenderingContext2d, points: &[Point], size: f64, range: (Real, Real), classes: usize, test: bool, radius: f64) {
    let (min, max) = (range.0 as f64, range.1 as f64);
    let scale = size / (max - min);
    ctx.set_line_width(if radius > 2.0 { 1.0 } else { 0.5 });
    ctx.set_stroke_style_str(if test { "#000" } else { "#fff" });
    for p in points {
        let x = (p.x as f64 - min) * scale;
        let y = (max - p.y as f64) * scale;
        ctx.begin_path();
        let _ = ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(&point_colour(p.label, classes));
        ctx.fill();
        ctx.stroke();
    }
}

/// Draws the line w1 x1 + w2 x2 + b = 0 of a single threshold unit on X1, X2.
pub fn draw_decision_line(ctx: &CanvasRenderingContext2d, w: (Real, Real), b: Real, size: f64, range: (Real, Real)) {
    let (w1, w2, b) = (w.0 as f64, w.1 as f64, b as f64);
    let (min, max) = (range.0 as f64, range.1 as f64);
    let scale = size / (max - min);
    let to_px = |x: f64, y: f64| ((x - min) * scale, (max - y) * scale);
    let (a, c) = if w2.abs() > w1.abs() {
        // x2 = -(w1 x1 + b) / w2
        (to_px(min, -(w1 * min + b) / w2), to_px(max, -(w1 * max + b) / w2))
    } else if w1 != 0.0 {
        (to_px(-(w2 * min + b) / w1, min), to_px(-(w2 * max + b) / w1, max))
    } else {
        return;
    };
    ctx.set_stroke_style_str("#222");
    ctx.set_line_width(2.0);
    let _ = ctx.set_line_dash(&js_sys::Array::of2(&6.0.into(), &4.0.into()));
    ctx.begin_path();
    ctx.move_to(a.0, a.1);
    ctx.line_to(c.0, c.1);
    ctx.stroke();
    let _ = ctx.set_line_dash(&js_sys::Array::new());
}

/// Adds a link's S-shaped curve to the current path.
fn curve(ctx: &CanvasRenderingContext2d, link: &super::diagram::Link) {
    let ((x0, y0), (x3, y3)) = (link.from, link.to);
    let mx = (x0 + x3) / 2.0;
    ctx.move_to(x0, y0);
    ctx.bezier_curve_to(mx, y0, mx, y3, x3, y3);
}

/// Draws the links of network layer `layer`: colour from the weight's sign and size, width
/// growing with |weight|, dashed and flowing by `dash_offset` while training.
pub fn draw_links(
    ctx: &CanvasRenderingContext2d,
    layout: &Layout,
    network: &Network,
    layer: usize,
    dash_offset: Option<f64>,
    highlight: Option<(usize, usize, usize)>,
) {
    if let Some(offset) = dash_offset {
        let _ = ctx.set_line_dash(&js_sys::Array::of2(&8.0.into(), &6.0.into()));
        ctx.set_line_dash_offset(-offset);
    } else {
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }
    // A weight of exactly 0 (a link L1 has killed) is drawn thin and dotted, after the rest.
    let mut zero = Vec::new();
    for link in layout.links.iter().filter(|l| l.layer == layer) {
        let Some(layer) = network.layers.get(link.layer) else { continue };
        let row = link.neuron * layer.activation.pieces();
        let Some(w) = layer.weight(row, link.input) else { continue };
        if w == 0.0 {
            zero.push(link);
            continue;
        }
        let w = w as f64;
        let focused = highlight == Some((link.layer, link.neuron, link.input));
        ctx.set_stroke_style_str(&hex(diverging(w)));
        ctx.set_line_width(if focused { 4.0 } else { 0.0 } + (1.0 + w.abs() * 1.8).min(10.0));
        ctx.begin_path();
        curve(ctx, link);
        ctx.stroke();
    }
    if !zero.is_empty() {
        let _ = ctx.set_line_dash(&js_sys::Array::of2(&2.0.into(), &4.0.into()));
        ctx.set_stroke_style_str("#9aa0a6");
        ctx.set_line_width(1.0);
        ctx.begin_path();
        zero.iter().for_each(|link| curve(ctx, link));
        ctx.stroke();
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());
}

/// Plots an activation f (solid) and its slope f' (dashed) over a range of z around `z`, with
/// the point (z, a) marked: what the inspector shows of a neuron.
pub fn draw_activation(canvas: &HtmlCanvasElement, f: crate::engine::Activation, leaky_slope: Real, z: Real, a: Real) {
    use crate::engine::Activation;
    let (w, h) = (240.0, 110.0);
    let ctx = hidpi(canvas, w, h);
    ctx.set_fill_style_str("#f7f8f9");
    ctx.fill_rect(0.0, 0.0, w, h);
    let reach = (z.abs() as f64 * 1.3).clamp(4.0, 60.0);
    let value = |x: f64| f.value(x as Real, leaky_slope) as f64;
    let samples: Vec<(f64, f64, f64)> = (0..=120)
        .map(|i| {
            let x = -reach + 2.0 * reach * i as f64 / 120.0;
            let v = value(x);
            (x, v, f.derivative(x as Real, v as Real, leaky_slope) as f64)
        })
        .collect();
    let (mut lo, mut hi) = samples.iter().fold((0.0f64, 1.0f64), |(lo, hi), &(_, v, d)| (lo.min(v).min(d), hi.max(v).max(d)));
    lo = lo.min(a as f64);
    hi = hi.max(a as f64);
    let pad = (hi - lo) * 0.1 + 1e-9;
    let (lo, hi) = (lo - pad, hi + pad);
    let px = |x: f64| (x + reach) / (2.0 * reach) * (w - 10.0) + 5.0;
    let py = |v: f64| h - 5.0 - (v - lo) / (hi - lo) * (h - 10.0);
    ctx.set_stroke_style_str("#bbb");
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(px(0.0), 0.0);
    ctx.line_to(px(0.0), h);
    ctx.move_to(0.0, py(0.0));
    ctx.line_to(w, py(0.0));
    ctx.stroke();
    // Softmax depends on the other outputs too: no single curve to draw.
    if f != Activation::Softmax {
        for (dashed, colour, pick) in [(false, "#0877bd", 1usize), (true, "#e8710a", 2)] {
            let dash = if dashed { js_sys::Array::of2(&4.0.into(), &3.0.into()) } else { js_sys::Array::new() };
            let _ = ctx.set_line_dash(&dash);
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(2.0);
            ctx.begin_path();
            for (i, s) in samples.iter().enumerate() {
                let v = if pick == 1 { s.1 } else { s.2 };
                if i == 0 {
                    ctx.move_to(px(s.0), py(v))
                } else {
                    ctx.line_to(px(s.0), py(v))
                }
            }
            ctx.stroke();
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }
    ctx.set_fill_style_str("#222");
    ctx.begin_path();
    let _ = ctx.arc(px(z as f64), py(a as f64), 4.0, 0.0, std::f64::consts::TAU);
    ctx.fill();
}
