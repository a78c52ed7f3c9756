//! The loss chart over epochs (plotters on a canvas): training in grey, test in black,
//! validation in blue, and a mark where early stopping stopped.

use crate::engine::trainer::HistoryPoint;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Redraws the chart from the history. `stop` marks an epoch with a vertical line.
pub fn draw_losses(canvas: HtmlCanvasElement, history: &[HistoryPoint], stop: Option<u64>) -> Result<(), String> {
    // Draw at the screen's pixel density: the canvas keeps its CSS size (300 x 64).
    let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0);
    let (w, h) = ((300.0 * ratio) as u32, (64.0 * ratio) as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let line = (2.0 * ratio).round() as u32;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let Some(last) = history.last() else { return Ok(()) };
    let first = history.first().map(|p| p.epoch).unwrap_or(0);
    let top = history
        .iter()
        .flat_map(|p| [Some(p.train), p.test, p.validation])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max)
        .max(1e-6);
    let mut chart = ChartBuilder::on(&root)
        .margin((3.0 * ratio) as u32)
        .build_cartesian_2d(first as f64..(last.epoch.max(first + 1)) as f64, 0.0..top * 1.05)
        .map_err(|e| e.to_string())?;
    let series = |pick: fn(&HistoryPoint) -> Option<f64>| {
        history.iter().filter_map(move |p| pick(p).map(|v| (p.epoch as f64, v))).collect::<Vec<_>>()
    };
    let grey = RGBColor(0x77, 0x77, 0x77);
    let blue = RGBColor(0x08, 0x77, 0xbd);
    chart.draw_series(LineSeries::new(series(|p| Some(p.train)), grey.stroke_width(line))).map_err(|e| e.to_string())?;
    chart.draw_series(LineSeries::new(series(|p| p.validation), blue.stroke_width(line))).map_err(|e| e.to_string())?;
    chart.draw_series(LineSeries::new(series(|p| p.test), BLACK.stroke_width(line))).map_err(|e| e.to_string())?;
    if let Some(epoch) = stop {
        let red = RGBColor(0xd6, 0x27, 0x28);
        chart
            .draw_series(LineSeries::new(vec![(epoch as f64, 0.0), (epoch as f64, top * 1.05)], red.stroke_width(line)))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}
