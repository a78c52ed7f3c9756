//! The loss landscape on a canvas: the training loss over the plane in bands of one colour
//! each (contours), a legend of the loss, numbered axes, and the run's path with its start
//! (a hollow circle) and the current weights (a ring).

use super::canvas::{hidpi, polyline};
use crate::engine::landscape::{Landscape, CELLS};
use web_sys::HtmlCanvasElement;

/// The canvas's size, in CSS pixels.
pub const WIDTH: f64 = 300.0;
/// See `WIDTH`.
pub const HEIGHT: f64 = 262.0;
/// The plot's corner and side.
const LEFT: f64 = 42.0;
const TOP: f64 = 8.0;
const SIDE: f64 = 210.0;
/// How many bands the loss is shaded in.
const BANDS: usize = 10;

/// A number short enough for a tick.
fn tick(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && a.is_finite() && !(0.01..1000.0).contains(&a) {
        // One significant digit and a power of ten.
        let mut e = 0i32;
        let mut m = a;
        while m >= 9.5 {
            m /= 10.0;
            e += 1;
        }
        while m < 0.95 {
            m *= 10.0;
            e -= 1;
        }
        format!("{}{}e{e}", if v < 0.0 { "-" } else { "" }, m.round() as u32)
    } else if a >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
    .replace('-', "−")
}

/// The band of a loss between `lo` and `hi` (on a log scale, where most of the change is).
fn band(loss: f64, lo: f64, hi: f64) -> usize {
    let (l, a, b) = (loss.max(1e-12).ln(), lo.max(1e-12).ln(), hi.max(1e-12).ln());
    let t = if b > a { ((l - a) / (b - a)).clamp(0.0, 1.0) } else { 0.0 };
    ((t * BANDS as f64) as usize).min(BANDS - 1)
}

/// The colour of a band: light for a low loss, dark blue for a high one.
fn band_colour(k: usize) -> String {
    let t = k as f64 / (BANDS - 1) as f64;
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    super::colour::hex([mix(255.0, 8.0), mix(247.0, 48.0), mix(236.0, 107.0)])
}

/// Draws `l` on `canvas`.
pub fn draw_landscape(canvas: &HtmlCanvasElement, l: &Landscape) {
    let ctx = hidpi(canvas, WIDTH, HEIGHT);
    let finite = l.losses.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return;
    }
    let cell = SIDE / CELLS as f64;
    for (i, &loss) in l.losses.iter().enumerate() {
        let (row, col) = (i / CELLS, i % CELLS);
        ctx.set_fill_style_str(&band_colour(if loss.is_finite() { band(loss, lo, hi) } else { BANDS - 1 }));
        // Each cell overlaps the next by a pixel, so that no seam shows between them.
        let (w, h) = (if col + 1 < CELLS { cell + 1.0 } else { cell }, if row + 1 < CELLS { cell + 1.0 } else { cell });
        ctx.fill_rect(LEFT + col as f64 * cell, TOP + row as f64 * cell, w, h);
    }
    // The plane's coordinates on the plot.
    let x = |u: f64| LEFT + (u - l.u.0) / (l.u.1 - l.u.0) * SIDE;
    let y = |v: f64| TOP + SIDE - (v - l.v.0) / (l.v.1 - l.v.0) * SIDE;
    ctx.set_stroke_style_str("#e8710a");
    ctx.set_line_width(2.0);
    polyline(&ctx, l.path.iter().map(|p| Some((x(p[0]), y(p[1])))));
    ctx.stroke();
    ctx.set_fill_style_str("#e8710a");
    for p in l.path.iter().skip(1).take(l.path.len().saturating_sub(2)) {
        ctx.begin_path();
        let _ = ctx.arc(x(p[0]), y(p[1]), 2.0, 0.0, std::f64::consts::TAU);
        ctx.fill();
    }
    let ring = |p: &[f64; 3], r: f64, colour: &str, width: f64| {
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(width);
        ctx.begin_path();
        let _ = ctx.arc(x(p[0]), y(p[1]), r, 0.0, std::f64::consts::TAU);
        ctx.stroke();
    };
    if let Some(first) = l.path.first() {
        ring(first, 4.0, "#e8710a", 2.0);
    }
    if let Some(now) = l.path.last() {
        ring(now, 6.0, "#fff", 4.0);
        ring(now, 6.0, "#202124", 2.0);
    }
    // Axes: numbers along u (below) and v (left).
    ctx.set_fill_style_str("#3c4043");
    ctx.set_font("10px system-ui, sans-serif");
    ctx.set_stroke_style_str("#5f6368");
    ctx.set_line_width(1.0);
    ctx.stroke_rect(LEFT, TOP, SIDE, SIDE);
    for k in 0..=4 {
        let t = k as f64 / 4.0;
        let (u, v) = (l.u.0 + t * (l.u.1 - l.u.0), l.v.0 + t * (l.v.1 - l.v.0));
        ctx.set_text_align("center");
        let _ = ctx.fill_text(&tick(u), LEFT + t * SIDE, TOP + SIDE + 13.0);
        ctx.set_text_align("right");
        let _ = ctx.fill_text(&tick(v), LEFT - 4.0, TOP + SIDE - t * SIDE + 3.0);
    }
    ctx.set_text_align("center");
    let _ = ctx.fill_text("u", LEFT + SIDE / 2.0, TOP + SIDE + 26.0);
    let _ = ctx.fill_text("v", 8.0, TOP + SIDE / 2.0);
    // The legend: the bands from the lowest loss (below) to the highest (above).
    let (lx, lw) = (LEFT + SIDE + 10.0, 10.0);
    let bh = SIDE / BANDS as f64;
    for k in 0..BANDS {
        ctx.set_fill_style_str(&band_colour(k));
        ctx.fill_rect(lx, TOP + SIDE - (k + 1) as f64 * bh, lw, bh + 0.5);
    }
    ctx.stroke_rect(lx, TOP, lw, SIDE);
    ctx.set_fill_style_str("#3c4043");
    ctx.set_text_align("left");
    let _ = ctx.fill_text(&tick(hi), lx + lw + 3.0, TOP + 8.0);
    let _ = ctx.fill_text(&tick((lo * hi).sqrt()), lx + lw + 3.0, TOP + SIDE / 2.0 + 3.0);
    let _ = ctx.fill_text(&tick(lo), lx + lw + 3.0, TOP + SIDE);
}
