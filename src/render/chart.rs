//! The loss chart over epochs, drawn on a canvas: training in grey, test in black,
//! validation in blue, and a mark where early stopping stopped; a frame with the epochs
//! and losses numbered along its axes, drawn empty before training.

use super::canvas::{left_ticks, plot_frame};
use crate::engine::trainer::HistoryPoint;
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
    // Draw at the screen's pixel density and at the size the chart is shown (larger on wide
    // screens), in the chart's own units of WIDTH x HEIGHT.
    let density = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0);
    let ratio = density * if shown > 0.0 { (shown / WIDTH).clamp(0.5, 4.0) } else { 1.0 };
    let (w, h) = ((WIDTH * ratio) as u32, (HEIGHT * ratio) as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = super::canvas::context(&canvas);
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, WIDTH, HEIGHT);
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
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let span = (last - first) as f64;
    let at = |epoch: u64, v: f64| (x0 + (epoch.saturating_sub(first)) as f64 / span * (x1 - x0), y1 - v.clamp(0.0, top) / top * (y1 - y0));
    // Each series is one line through its points, clipped to the frame.
    ctx.save();
    ctx.begin_path();
    ctx.rect(x0, y0 - 1.0, x1 - x0, y1 - y0 + 2.0);
    ctx.clip();
    ctx.set_line_width(2.0);
    ctx.set_line_join("round");
    let draw = |points: &[HistoryPoint], pick: fn(&HistoryPoint) -> Option<f64>, colour: &str| {
        super::canvas::polyline(&ctx, points.iter().filter(|p| p.epoch <= last).map(|p| pick(p).filter(|v| v.is_finite()).map(|v| at(p.epoch, v))));
        ctx.set_stroke_style_str(colour);
        ctx.stroke();
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
        let (x, _) = at(stopped, 0.0);
        ctx.begin_path();
        ctx.move_to(x, y0);
        ctx.line_to(x, y1);
        ctx.set_stroke_style_str("#d62728");
        ctx.stroke();
        let (x, _) = at(best, 0.0);
        let dash = js_sys::Array::of2(&4.0.into(), &3.0.into());
        let _ = ctx.set_line_dash(&dash);
        ctx.begin_path();
        ctx.move_to(x, y0);
        ctx.line_to(x, y1);
        ctx.set_stroke_style_str("#0877bd");
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        // The best validation loss, where the run went back to.
        let nearest = history.iter().rfind(|p| p.epoch <= best).and_then(|p| p.validation);
        if let Some(v) = nearest.filter(|v| v.is_finite()) {
            let (x, y) = at(best, v);
            ctx.begin_path();
            let _ = ctx.arc(x, y, 3.5, 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str("#0877bd");
            ctx.fill();
        }
    }
    ctx.restore();
    // The frame and the numbers.
    plot_frame(&ctx, (x0, y0, x1, y1));
    left_ticks(&ctx, (x0, y0, x1, y1), [0.0, top / 2.0, top].map(|v| (y1 - v / top * (y1 - y0), tick(v))));
    ctx.set_text_baseline("top");
    ctx.set_text_align("left");
    let _ = ctx.fill_text(&first.to_string(), x0, y1 + 3.0);
    ctx.set_text_align("right");
    let _ = ctx.fill_text(&last.to_string(), x1, y1 + 3.0);
    ctx.set_text_align("center");
    let _ = ctx.fill_text(labels.epoch, (x0 + x1) / 2.0, y1 + 3.0);
}
