//! The loss chart over epochs, drawn with plotters on a canvas: training in grey, test in black,
//! validation in blue, and a mark where early stopping stopped; a frame with the epochs
//! and losses numbered along its axes, drawn empty before training.

use super::plot;
use crate::engine::trainer::HistoryPoint;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use web_sys::HtmlCanvasElement;

/// The chart's size in CSS pixels.
pub const WIDTH: f64 = 300.0;
/// The chart's height in CSS pixels.
pub const HEIGHT: f64 = 100.0;
/// Room for the loss numbers on the left.
pub const LEFT: f64 = 34.0;
/// Room on the right.
pub const RIGHT: f64 = 8.0;
const TOP: f64 = 6.0;
/// Room for the epoch numbers below.
const BOTTOM: f64 = 18.0;

/// The axis names, in the page's language (the losses are named by the legend).
pub struct Labels<'a> {
    /// "epoch".
    pub epoch: &'a str,
}

/// A number for an axis: short, without trailing zeros.
fn tick(v: f64) -> String {
    let t = if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    };
    let t = if t.contains('.') { t.trim_end_matches('0').trim_end_matches('.').to_string() } else { t };
    if t.is_empty() {
        "0".into()
    } else {
        t
    }
}

/// Redraws the chart from the history. `stop`, early stopping's best epoch and the epoch it
/// stopped at, marks the first with a dashed blue line and a dot on the validation loss and
/// the second with a red line;
/// `second`, a compared setup's history, is drawn in vermillion (test) and light vermillion
/// (training).
/// `shown` is the chart's width on screen in CSS pixels.
pub fn draw_losses(
    canvas: HtmlCanvasElement,
    history: &[HistoryPoint],
    stop: Option<(u64, u64)>,
    labels: &Labels,
    second: Option<&[HistoryPoint]>,
    shown: f64,
) {
    // Drawn at the screen's pixel density and at the size the chart is shown (larger on wide
    // screens), in the chart's own units of WIDTH x HEIGHT.
    let ratio = plot::density() * if shown > 0.0 { (shown / WIDTH).clamp(0.5, 4.0) } else { 1.0 };
    let Some(plot) = plot::Plot::open(&canvas, (WIDTH, HEIGHT), ratio, &WHITE) else { return };
    let first = history.first().map(|p| p.epoch).unwrap_or(0);
    let last = history.last().map(|p| p.epoch).unwrap_or(0).max(first + 1);
    let top = history
        .iter()
        .chain(second.unwrap_or_default().iter())
        .flat_map(|p| [Some(p.train), p.test, p.validation])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    // Before training: an empty frame over the first epochs and losses up to 1.
    let top = if history.is_empty() { 1.0 } else { top.max(1e-6) * 1.05 };
    let room = plot::Room { left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM };
    let Some(mut chart) = plot.chart(room, first as f64..last as f64, 0.0..top) else { return };
    // Each series is one line through its points, broken where a loss is missing, drawn
    // inside the box (plotters clips to it).
    let line = |colour: &str| plot::rgb(colour).stroke_width(plot.px(2.0));
    let series = |points: &[HistoryPoint], pick: fn(&HistoryPoint) -> Option<f64>| -> Vec<Vec<(f64, f64)>> {
        let mut runs = vec![Vec::new()];
        for p in points.iter().filter(|p| p.epoch <= last) {
            match pick(p).filter(|v| v.is_finite()) {
                Some(v) => runs.last_mut().expect("a run").push((p.epoch as f64, v.min(top))),
                None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
                None => {}
            }
        }
        runs
    };
    let mut draw = |points: &[HistoryPoint], pick: fn(&HistoryPoint) -> Option<f64>, colour: &str| {
        let _ = chart.draw_series(series(points, pick).into_iter().map(|run| PathElement::new(run, line(colour))));
    };
    draw(history, |p| Some(p.train), "#777777");
    draw(history, |p| p.validation, "#0877bd");
    draw(history, |p| p.test, "#000000");
    if let Some(second) = second {
        draw(second, |p| Some(p.train), "#f0a880");
        draw(second, |p| p.validation, "#cc79a7");
        draw(second, |p| p.test, "#d55e00");
    }
    if let Some((best, stopped)) = stop {
        let (best, stopped) = (best as f64, stopped as f64);
        // Two pixels wide at least: a line one pixel wide on a pixel's edge is drawn as two
        // pale columns, not in its colour.
        let thin = plot.px(1.0).max(2);
        let _ = chart.draw_series([PathElement::new(vec![(stopped, 0.0), (stopped, top)], line("#d62728").stroke_width(thin))]);
        let blue = plot::rgb("#0877bd");
        let _ =
            chart.draw_series([plotters::element::DashedPathElement::new(vec![(best, 0.0), (best, top)], plot.px(4.0), plot.px(3.0), blue.stroke_width(thin))]);
        // The best validation loss, where the run went back to.
        let nearest = history.iter().rfind(|p| p.epoch as f64 <= best).and_then(|p| p.validation);
        if let Some(v) = nearest.filter(|v| v.is_finite()) {
            let _ = chart.draw_series([Circle::new((best, v.min(top)), plot.px(3.5), blue.filled())]);
        }
    }
    // The frame, the numbers and the axis's name (left of the epochs, under the losses).
    let whole = |e: &f64| if e.fract() == 0.0 { format!("{e:.0}") } else { String::new() };
    plot.axes(&mut chart, (4, 3), &whole, &|v| tick(*v), ("", ""));
    plot.write(labels.epoch, (LEFT - 5.0, HEIGHT - BOTTOM + 4.0), (HPos::Right, VPos::Top), 9.0);
}
