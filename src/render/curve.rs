//! A network of one input as a curve: the training data as dots, each piece w·a(x) of the
//! last hidden layer as a thin coloured line, the bias dashed, and their sum, the output, as
//! a thick black line, over x from −6 to 6 with numbered axes, drawn with plotters.

use super::plot;
use crate::engine::curve::Curve;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
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
    let Some(plot) = plot::Plot::open(canvas, (WIDTH, HEIGHT), plot::density(), &WHITE) else { return };
    let values = c.pieces.iter().flatten().chain(&c.output).chain(points.iter().map(|p| &p.1)).copied().chain([c.bias, -1.0, 1.0]);
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let (lo, hi) = (lo.max(-20.0), hi.min(20.0));
    let hi = hi.max(lo + 1e-9);
    let room = plot::Room { left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM };
    let Some(mut chart) = plot.chart(room, -6.0..6.0, lo..hi) else { return };
    let clamp = |v: f64| v.clamp(lo, hi);
    // The axes through zero, light.
    let light = plot::rgb("#cccccc").stroke_width(plot.px(1.0));
    let _ = chart.draw_series([PathElement::new(vec![(-6.0, clamp(0.0)), (6.0, clamp(0.0))], light), PathElement::new(vec![(0.0, lo), (0.0, hi)], light)]);
    let dots = plot::rgb("#b0b0b0").filled();
    let _ = chart.draw_series(points.iter().map(|&(x, y)| Circle::new((x, clamp(y)), plot.px(2.0), dots)));
    let along = |values: &[f64]| c.x.iter().zip(values).map(|(&x, &v)| (x, clamp(v))).collect::<Vec<_>>();
    for (k, p) in c.pieces.iter().enumerate() {
        let _ = chart.draw_series(LineSeries::new(along(p), plot::rgb(HUES[k % HUES.len()]).stroke_width(plot.px(1.5))));
    }
    let bias = vec![c.bias; c.x.len()];
    let _ = chart.draw_series([DashedPathElement::new(along(&bias), plot.px(4.0), plot.px(3.0), plot::rgb("#5f6368").stroke_width(plot.px(1.5)))]);
    let _ = chart.draw_series(LineSeries::new(along(&c.output), plot::rgb("#202124").stroke_width(plot.px(3.0))));
    let minus = |t: String| t.replace('-', "−");
    plot.axes(&mut chart, (5, 3), &|v| minus(format!("{v}")), &|v| minus(format!("{v:.1}")), ("", ""));
}
