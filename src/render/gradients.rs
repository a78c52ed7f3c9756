//! The per-layer gradient sizes: a bar for each layer on a log scale, drawn with plotters.

use super::plot;
use plotters::prelude::*;

/// The chart's size, in CSS pixels.
const WIDTH: f64 = 260.0;
/// See `WIDTH`.
const HEIGHT: f64 = 90.0;
/// The scale's ends: sizes below vanish, sizes above explode.
const SCALE: (f64, f64) = (1e-6, 10.0);

/// Bars of the mean |dL/dW| per layer on a log scale from 1e-6 to 10, numbered by layer (the
/// last named `output_label`), `marked` in red.
pub fn draw_gradient_chart(canvas: &web_sys::HtmlCanvasElement, magnitudes: &[f64], output_label: &str, marked: Option<usize>) {
    let Some(plot) = plot::Plot::open(canvas, (WIDTH, HEIGHT), plot::density(), &plot::rgb("#f7f8f9")) else { return };
    if magnitudes.is_empty() {
        return;
    }
    let n = magnitudes.len();
    let room = plot::Room { left: 34.0, right: 6.0, top: 6.0, bottom: 16.0 };
    // The height is in decades (the size's power of ten).
    let (lo, hi) = (SCALE.0.log10(), SCALE.1.log10());
    let Some(mut chart) = plot.chart(room, -0.5..n as f64 - 0.5, lo..hi) else { return };
    let level = |m: f64| m.max(1e-12).log10().clamp(lo, hi);
    let _ = chart.draw_series(magnitudes.iter().enumerate().map(|(i, &m)| {
        // A layer in trouble (exploding or dead) is marked in red.
        let colour = plot::rgb(if marked == Some(i) { "#c5221f" } else { "#0877bd" });
        Rectangle::new([(i as f64 - 0.35, lo), (i as f64 + 0.35, level(m))], colour.filled())
    }));
    let layer = |v: &f64| {
        let i = v.round();
        match i as usize {
            _ if (v - i).abs() > 0.01 || i < 0.0 => String::new(),
            k if k + 1 == n => output_label.to_string(),
            k if k < n => (k + 1).to_string(),
            _ => String::new(),
        }
    };
    let decade = |v: &f64| format!("1e{}", v.round()).replace('-', "−");
    plot.axes(&mut chart, (n.min(12), 4), &layer, &decade, ("", ""));
}
