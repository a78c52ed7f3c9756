//! Readouts drawn from the engine's figures: the epoch counter, the confusion matrix's rows
//! and the per-layer gradient bars.

use super::canvas;

/// The epoch counter as TensorFlow Playground shows it: 000,000.
pub fn format_epoch(epoch: u64) -> String {
    let digits = format!("{epoch:06}");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The confusion matrix as table rows (numbers only), first row and column naming classes
/// by a swatch of their colour and their name; `corner` says which is which. Right answers
/// carry a tick, so the table reads without colour.
pub fn confusion_html(counts: &[u32], corner: &str) -> String {
    let k = (counts.len() as f64).sqrt() as usize;
    if k == 0 {
        return String::new();
    }
    let name = |i: usize| {
        let colour = crate::render::colour::hex(crate::render::colour::class_colour(i, k));
        let label = if k == 2 { ["−1", "+1"][i].to_string() } else { i.to_string() };
        format!("<span class=\"swatch\" style=\"background:{colour}\"></span>{label}")
    };
    let mut html = format!("<tr><th scope=\"col\" class=\"corner\">{corner}</th>");
    for j in 0..k {
        html += &format!("<th scope=\"col\">{}</th>", name(j));
    }
    html += "</tr>";
    for i in 0..k {
        html += &format!("<tr><th scope=\"row\">{}</th>", name(i));
        for j in 0..k {
            let (class, mark) = if i == j { ("hit", "✓ ") } else { ("miss", "") };
            html += &format!("<td class=\"{class}\">{mark}{}</td>", counts[i * k + j]);
        }
        html += "</tr>";
    }
    html
}

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
