//! The loss landscape, drawn with plotters on a canvas: the training loss over the plane in bands of one colour
//! each (contours), a legend of the loss, numbered axes, and the run's path with its start
//! (a hollow circle) and the current weights (a ring).

use super::plot;
use crate::engine::landscape::{Landscape, CELLS};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use web_sys::HtmlCanvasElement;

/// The canvas's size, in CSS pixels.
pub const WIDTH: f64 = 300.0;
/// See `WIDTH`.
pub const HEIGHT: f64 = 250.0;
/// The plot's corner and side.
const LEFT: f64 = 42.0;
const TOP: f64 = 8.0;
const SIDE: f64 = 210.0;
/// How many bands the loss is shaded in.
const BANDS: usize = 10;

/// A tick of an axis over `(from, to)`: one a rounding error away from zero (plotters' steps
/// add up) is written as zero.
pub fn axis_tick(v: f64, (from, to): (f64, f64)) -> String {
    tick(if v.abs() < (to - from).abs() * 1e-9 { 0.0 } else { v })
}

/// A number short enough for a tick or the legend.
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
fn band_colour(k: usize) -> RGBColor {
    let t = k as f64 / (BANDS - 1) as f64;
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(255.0, 8.0), mix(247.0, 48.0), mix(236.0, 107.0))
}

/// Draws `l` on `canvas`.
pub fn draw_landscape(canvas: &HtmlCanvasElement, l: &Landscape) {
    let Some(plot) = plot::Plot::open(canvas, (WIDTH, HEIGHT), plot::density(), &WHITE) else { return };
    let finite = l.losses.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return;
    }
    let room = plot::Room { left: LEFT, right: WIDTH - LEFT - SIDE, top: TOP, bottom: HEIGHT - TOP - SIDE };
    let Some(mut chart) = plot.chart(room, l.u.0..l.u.1, l.v.0..l.v.1) else { return };
    // The bands, a cell of the plane each, the first row at the top.
    let (du, dv) = ((l.u.1 - l.u.0) / CELLS as f64, (l.v.1 - l.v.0) / CELLS as f64);
    let _ = chart.draw_series(l.losses.iter().enumerate().map(|(i, &loss)| {
        let (row, col) = ((i / CELLS) as f64, (i % CELLS) as f64);
        let k = if loss.is_finite() { band(loss, lo, hi) } else { BANDS - 1 };
        let corners = [(l.u.0 + col * du, l.v.1 - row * dv), (l.u.0 + (col + 1.0) * du, l.v.1 - (row + 1.0) * dv)];
        Rectangle::new(corners, band_colour(k).filled())
    }));
    // The run's path, its start (a hollow circle) and where it is now (a ring).
    let orange = plot::rgb("#e8710a");
    let path: Vec<(f64, f64)> = l.path.iter().map(|p| (p[0], p[1])).collect();
    let _ = chart.draw_series(LineSeries::new(path.clone(), orange.stroke_width(plot.px(2.0))));
    let _ = chart.draw_series(path.iter().skip(1).take(path.len().saturating_sub(2)).map(|&p| Circle::new(p, plot.px(2.0), orange.filled())));
    if let Some(&first) = path.first() {
        let _ = chart.draw_series([Circle::new(first, plot.px(4.0), orange.stroke_width(plot.px(2.0)))]);
    }
    if let Some(&now) = path.last() {
        let _ = chart.draw_series([
            Circle::new(now, plot.px(6.0), WHITE.stroke_width(plot.px(4.0))),
            Circle::new(now, plot.px(6.0), plot::rgb("#202124").stroke_width(plot.px(2.0))),
        ]);
    }
    plot.axes(&mut chart, (5, 5), &|u| axis_tick(*u, l.u), &|v| axis_tick(*v, l.v), ("u", "v"));
    // The legend: the bands from the lowest loss (below) to the highest (above).
    let (lx, lw) = (LEFT + SIDE + 10.0, 10.0);
    let bh = SIDE / BANDS as f64;
    for k in 0..BANDS {
        let corners = [plot.at((lx, TOP + SIDE - (k + 1) as f64 * bh)), plot.at((lx + lw, TOP + SIDE - k as f64 * bh))];
        let _ = plot.area.draw(&Rectangle::new(corners, band_colour(k).filled()));
    }
    let _ = plot.area.draw(&Rectangle::new([plot.at((lx, TOP)), plot.at((lx + lw, TOP + SIDE))], plot::AXIS.stroke_width(plot.px(1.0))));
    let x = lx + lw + 3.0;
    plot.write(&tick(hi), (x, TOP), (HPos::Left, VPos::Top), 10.0);
    plot.write(&tick((lo * hi).sqrt()), (x, TOP + SIDE / 2.0), (HPos::Left, VPos::Center), 10.0);
    plot.write(&tick(lo), (x, TOP + SIDE), (HPos::Left, VPos::Bottom), 10.0);
}
