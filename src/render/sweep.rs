//! A sweep's chart: the final training loss (grey) and test loss (black) against the
//! setting's value (on a log scale for the rates), each run a dot, with numbered axes.

use super::canvas::{hidpi, left_ticks, plot_frame, polyline};
use crate::engine::sweep::Outcome;
use web_sys::HtmlCanvasElement;

/// The canvas's size, in CSS pixels.
pub const WIDTH: f64 = 300.0;
/// See `WIDTH`.
pub const HEIGHT: f64 = 160.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 20.0;

/// Draws `outcomes` (in the order of their values) on `canvas`, whose axis runs over
/// `values` (the sweep's, finished or not).
pub fn draw_sweep(canvas: &HtmlCanvasElement, outcomes: &[Outcome], values: &[f64], logarithmic: bool) {
    let ctx = hidpi(canvas, WIDTH, HEIGHT);
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    plot_frame(&ctx, (x0, y0, x1, y1));
    let scale = |v: f64| if logarithmic { v.max(1e-12).ln() } else { v };
    let (lo, hi) = values.iter().map(|v| scale(*v)).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let top = outcomes.iter().flat_map(|o| [Some(o.train), o.test]).flatten().filter(|v| v.is_finite()).fold(0.0f64, f64::max).max(1e-6) * 1.05;
    if !lo.is_finite() {
        return;
    }
    let x = |v: f64| if hi > lo { x0 + (scale(v) - lo) / (hi - lo) * (x1 - x0) } else { (x0 + x1) / 2.0 };
    let y = |l: f64| y1 - l.min(top) / top * (y1 - y0);
    let series = |pick: fn(&Outcome) -> Option<f64>, colour: &str| {
        ctx.set_stroke_style_str(colour);
        ctx.set_fill_style_str(colour);
        ctx.set_line_width(2.0);
        polyline(&ctx, outcomes.iter().map(|o| pick(o).filter(|l| l.is_finite()).map(|l| (x(o.value), y(l)))));
        ctx.stroke();
        for o in outcomes {
            if let Some(l) = pick(o).filter(|l| l.is_finite()) {
                ctx.begin_path();
                let _ = ctx.arc(x(o.value), y(l), 3.0, 0.0, std::f64::consts::TAU);
                ctx.fill();
            }
        }
    };
    series(|o| Some(o.train), "#777777");
    series(|o| o.test, "#000000");
    left_ticks(&ctx, (x0, y0, x1, y1), [0.0, top / 2.0, top].map(|l| (y(l), format!("{l:.3}"))));
    ctx.set_text_baseline("top");
    if let (Some(first), Some(last)) = (values.first(), values.last()) {
        ctx.set_text_align("left");
        let _ = ctx.fill_text(&first.to_string(), x0, y1 + 4.0);
        ctx.set_text_align("right");
        let _ = ctx.fill_text(&last.to_string(), x1, y1 + 4.0);
    }
}
