//! The per-layer gradient bars.

use super::canvas;

/// Bars of the mean |dL/dW| per layer on a log scale from 1e-6 to 10, `marked` in red.
pub fn draw_gradient_chart(canvas: &web_sys::HtmlCanvasElement, magnitudes: &[f64], output_label: &str, marked: Option<usize>) {
    let (w, h) = (260.0, 90.0);
    let ctx = canvas::hidpi(canvas, w, h);
    ctx.set_fill_style_str("#f7f8f9");
    ctx.fill_rect(0.0, 0.0, w, h);
    if magnitudes.is_empty() {
        return;
    }
    let (lo, hi) = (-6.0f64, 1.0f64);
    let slot = w / magnitudes.len() as f64;
    for (i, &m) in magnitudes.iter().enumerate() {
        let level = ((m.max(1e-12).log10() - lo) / (hi - lo)).clamp(0.0, 1.0);
        let bar = level * (h - 16.0);
        // A layer in trouble (exploding or dead) is marked in red.
        ctx.set_fill_style_str(if marked == Some(i) { "#c5221f" } else { "#0877bd" });
        ctx.fill_rect(i as f64 * slot + 4.0, h - 14.0 - bar, slot - 8.0, bar);
        ctx.set_fill_style_str("#555");
        ctx.set_font("10px system-ui, sans-serif");
        let label = if i + 1 == magnitudes.len() { output_label.to_string() } else { format!("{}", i + 1) };
        let _ = ctx.fill_text(&label, i as f64 * slot + slot / 2.0 - 6.0, h - 3.0);
    }
}
