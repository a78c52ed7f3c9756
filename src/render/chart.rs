//! The loss chart over epochs (plotters on a canvas): training in grey, test in black,
//! validation in blue, and a mark where early stopping stopped; a frame with the epochs
//! and losses numbered along its axes, drawn empty before training.

use crate::engine::trainer::HistoryPoint;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
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

/// Redraws the chart from the history. `stop` marks an epoch with a vertical line;
/// `second`, a compared setup's history, is drawn in vermillion (test) and light vermillion
/// (training).
/// `shown` is the chart's width on screen in CSS pixels.
pub fn draw_losses(
    canvas: HtmlCanvasElement,
    history: &[HistoryPoint],
    stop: Option<u64>,
    labels: &Labels,
    second: Option<&[HistoryPoint]>,
    shown: f64,
) -> Result<(), String> {
    // Draw at the screen's pixel density and at the size the chart is shown (larger on wide
    // screens), in the chart's own units of WIDTH x HEIGHT.
    let density = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0);
    let ratio = density * if shown > 0.0 { (shown / WIDTH).clamp(0.5, 4.0) } else { 1.0 };
    let (w, h) = ((WIDTH * ratio) as u32, (HEIGHT * ratio) as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let line = (2.0 * ratio).round() as u32;
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
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
    let px = |v: f64| (v * ratio) as i32;
    let area = root.margin(px(TOP), px(BOTTOM), px(LEFT), px(RIGHT));
    let mut chart = ChartBuilder::on(&area).build_cartesian_2d(first as f64..last as f64, 0.0..top).map_err(|e| e.to_string())?;
    let series = |pick: fn(&HistoryPoint) -> Option<f64>| history.iter().filter_map(move |p| pick(p).map(|v| (p.epoch as f64, v))).collect::<Vec<_>>();
    let grey = RGBColor(0x77, 0x77, 0x77);
    let blue = RGBColor(0x08, 0x77, 0xbd);
    chart.draw_series(LineSeries::new(series(|p| Some(p.train)), grey.stroke_width(line))).map_err(|e| e.to_string())?;
    chart.draw_series(LineSeries::new(series(|p| p.validation), blue.stroke_width(line))).map_err(|e| e.to_string())?;
    chart.draw_series(LineSeries::new(series(|p| p.test), BLACK.stroke_width(line))).map_err(|e| e.to_string())?;
    if let Some(second) = second {
        let of = |pick: fn(&HistoryPoint) -> Option<f64>| {
            second.iter().filter(|p| p.epoch <= last).filter_map(move |p| pick(p).map(|v| (p.epoch as f64, v))).collect::<Vec<_>>()
        };
        let light = RGBColor(0xf0, 0xa8, 0x80);
        let vermillion = RGBColor(0xd5, 0x5e, 0x00);
        chart.draw_series(LineSeries::new(of(|p| Some(p.train)), light.stroke_width(line))).map_err(|e| e.to_string())?;
        chart.draw_series(LineSeries::new(of(|p| p.test), vermillion.stroke_width(line))).map_err(|e| e.to_string())?;
    }
    if let Some(epoch) = stop {
        let red = RGBColor(0xd6, 0x27, 0x28);
        chart.draw_series(LineSeries::new(vec![(epoch as f64, 0.0), (epoch as f64, top)], red.stroke_width(line))).map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())?;
    // The frame and the numbers, in CSS pixels.
    let ctx = super::canvas::context(&canvas);
    ctx.save();
    let _ = ctx.scale(ratio, ratio);
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    ctx.set_stroke_style_str("#999");
    ctx.set_line_width(1.0);
    ctx.stroke_rect(x0 + 0.5, y0 + 0.5, x1 - x0 - 1.0, y1 - y0);
    ctx.set_fill_style_str("#4d4d4d");
    ctx.set_font("10px system-ui, sans-serif");
    ctx.set_text_align("right");
    ctx.set_text_baseline("middle");
    for v in [0.0, top / 2.0, top] {
        let y = y1 - v / top * (y1 - y0);
        let _ = ctx.fill_text(&tick(v), x0 - 3.0, y.clamp(y0 + 4.0, y1 - 4.0));
    }
    ctx.set_text_baseline("top");
    ctx.set_text_align("left");
    let _ = ctx.fill_text(&first.to_string(), x0, y1 + 3.0);
    ctx.set_text_align("right");
    let _ = ctx.fill_text(&last.to_string(), x1, y1 + 3.0);
    ctx.set_text_align("center");
    let _ = ctx.fill_text(labels.epoch, (x0 + x1) / 2.0, y1 + 3.0);
    ctx.restore();
    Ok(())
}
