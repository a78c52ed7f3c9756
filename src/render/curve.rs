//! A network of one input as a curve: the training data as dots, each piece w·a(x) of the
//! last hidden layer as a thin coloured line, the bias dashed, and their sum, the output, as
//! a thick black line, over x from −6 to 6 with numbered axes.

use super::canvas::{hidpi, left_ticks, plot_frame, polyline};
use crate::engine::curve::Curve;
use web_sys::HtmlCanvasElement;

/// The canvas's size, in CSS pixels.
pub const WIDTH: f64 = 300.0;
/// See `WIDTH`.
pub const HEIGHT: f64 = 200.0;
const LEFT: f64 = 32.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 18.0;
/// The pieces' colours, in turn.
const HUES: [&str; 6] = ["#0877bd", "#e8710a", "#1e8e3e", "#9334e6", "#d01884", "#12939a"];

/// Draws `c` and the data `points` (x, value) on `canvas`.
pub fn draw_curve(canvas: &HtmlCanvasElement, c: &Curve, points: &[(f64, f64)]) {
    let ctx = hidpi(canvas, WIDTH, HEIGHT);
    let values = c.pieces.iter().flatten().chain(&c.output).chain(points.iter().map(|p| &p.1)).copied().chain([c.bias, -1.0, 1.0]);
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let (lo, hi) = (lo.max(-20.0), hi.min(20.0));
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let x = |v: f64| x0 + (v + 6.0) / 12.0 * (x1 - x0);
    let y = |v: f64| y1 - (v.clamp(lo, hi) - lo) / (hi - lo).max(1e-9) * (y1 - y0);
    ctx.set_stroke_style_str("#ccc");
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(x0, y(0.0));
    ctx.line_to(x1, y(0.0));
    ctx.move_to(x(0.0), y0);
    ctx.line_to(x(0.0), y1);
    ctx.stroke();
    ctx.set_fill_style_str("#b0b0b0");
    for &(px, py) in points {
        ctx.begin_path();
        let _ = ctx.arc(x(px), y(py), 2.0, 0.0, std::f64::consts::TAU);
        ctx.fill();
    }
    let line = |values: &[f64], colour: &str, width: f64| {
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(width);
        polyline(&ctx, c.x.iter().zip(values).map(|(&xv, &v)| Some((x(xv), y(v)))));
        ctx.stroke();
    };
    for (k, p) in c.pieces.iter().enumerate() {
        line(p, HUES[k % HUES.len()], 1.5);
    }
    let dash = js_sys::Array::of2(&4.0.into(), &3.0.into());
    let _ = ctx.set_line_dash(&dash);
    line(&vec![c.bias; c.x.len()], "#5f6368", 1.5);
    let _ = ctx.set_line_dash(&js_sys::Array::new());
    line(&c.output, "#202124", 3.0);
    plot_frame(&ctx, (x0, y0, x1, y1));
    left_ticks(&ctx, (x0, y0, x1, y1), [lo, (lo + hi) / 2.0, hi].map(|v| (y(v), format!("{v:.1}").replace('-', "−"))));
    ctx.set_text_align("center");
    ctx.set_text_baseline("top");
    for v in [-6.0, -3.0, 0.0, 3.0, 6.0] {
        let _ = ctx.fill_text(&format!("{v}").replace('-', "−"), x(v), y1 + 3.0);
    }
}
