//! A sweep's chart, drawn with plotters: the final training loss (grey) and test loss (black) against the
//! setting's value (on a log scale for the rates), each run a dot, with numbered axes.

use super::plot;
use crate::engine::sweep::Outcome;
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
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
/// `values` (the sweep's, finished or not), on plotters' log scale for the rates.
pub fn draw_sweep(canvas: &HtmlCanvasElement, outcomes: &[Outcome], values: &[f64], logarithmic: bool) {
    let Some(plot) = plot::Plot::open(canvas, (WIDTH, HEIGHT), plot::density(), &WHITE) else { return };
    let (lo, hi) = values
        .iter()
        .copied()
        .filter(|v| v.is_finite() && (!logarithmic || *v > 0.0))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return;
    }
    if logarithmic {
        // One value alone stands in the middle of an axis a decade wide.
        let (lo, hi) = if hi > lo { (lo, hi) } else { (lo / 10f64.sqrt(), hi * 10f64.sqrt()) };
        on_axis(&plot, (lo..hi).log_scale(), outcomes);
    } else {
        let (lo, hi) = if hi > lo { (lo, hi) } else { (lo - 0.5, hi + 0.5) };
        on_axis(&plot, lo..hi, outcomes);
    }
}

/// The chart over the setting's axis `x`.
fn on_axis<X>(plot: &plot::Plot, x: X, outcomes: &[Outcome])
where
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
{
    let top = outcomes.iter().flat_map(|o| [Some(o.train), o.test]).flatten().filter(|v| v.is_finite()).fold(0.0f64, f64::max).max(1e-6) * 1.05;
    let room = plot::Room { left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM };
    let Some(mut chart) = plot.chart(room, x, 0.0..top) else { return };
    let mut series = |pick: fn(&Outcome) -> Option<f64>, colour: &str| {
        let colour = plot::rgb(colour);
        let points: Vec<(f64, f64)> = outcomes.iter().filter_map(|o| pick(o).filter(|l| l.is_finite()).map(|l| (o.value, l.min(top)))).collect();
        let _ = chart.draw_series(LineSeries::new(points.clone(), colour.stroke_width(plot.px(2.0))));
        let _ = chart.draw_series(points.into_iter().map(|p| Circle::new(p, plot.px(3.0), colour.filled())));
    };
    series(|o| Some(o.train), "#777777");
    series(|o| o.test, "#000000");
    plot.axes(&mut chart, (4, 3), &|v| short(*v), &|l| format!("{l:.3}"), ("", ""));
}

/// A setting's value as the sweep wrote it (a rate's powers of ten stay exact).
fn short(v: f64) -> String {
    let rounded = format!("{v:.6}");
    let t = rounded.trim_end_matches('0').trim_end_matches('.');
    if t.is_empty() || t == "-0" {
        "0".into()
    } else {
        t.to_string()
    }
}
