//! The plane as a hidden layer sees it, on a canvas: the input grid's lines and the training
//! points part way from the plane (`t` = 0) to the layer's space (`t` = 1), framed to fit, and
//! at 1 the output's decision line there.

use super::canvas::{hidpi, point_colour};
use crate::engine::space::LayerSpace;
use web_sys::HtmlCanvasElement;

/// The square frame that holds every point and line at `t`: its centre and half side.
fn frame(space: &LayerSpace, t: f64) -> ((f64, f64), f64) {
    let all = space.points.iter().map(|(p, _)| p.at(t)).chain(space.lines.iter().flatten().map(|p| p.at(t)));
    let (mut lo, mut hi) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
    for (u, v) in all {
        lo = (lo.0.min(u), lo.1.min(v));
        hi = (hi.0.max(u), hi.1.max(v));
    }
    if !lo.0.is_finite() {
        return ((0.0, 0.0), 1.0);
    }
    let half = ((hi.0 - lo.0).max(hi.1 - lo.1) / 2.0).max(1e-6) * 1.08;
    (((lo.0 + hi.0) / 2.0, (lo.1 + hi.1) / 2.0), half)
}

/// Draws `space` at `t` on a square canvas `size` CSS pixels wide, points coloured for
/// `classes` classes.
pub fn draw_space(canvas: &HtmlCanvasElement, space: &LayerSpace, t: f64, size: f64, classes: usize) {
    let ctx = hidpi(canvas, size, size);
    ctx.set_fill_style_str("#fbfbfb");
    ctx.fill_rect(0.0, 0.0, size, size);
    let ((cu, cv), half) = frame(space, t);
    let scale = size / (2.0 * half);
    let at = |(u, v): (f64, f64)| ((u - cu) * scale + size / 2.0, size / 2.0 - (v - cv) * scale);
    // The grid's lines: x₁ constant in one grey, x₂ constant in another.
    let per = space.lines.len() / 2;
    for (i, line) in space.lines.iter().enumerate() {
        ctx.set_stroke_style_str(if i < per { "rgba(90,90,90,0.45)" } else { "rgba(150,110,60,0.45)" });
        ctx.set_line_width(1.0);
        ctx.begin_path();
        for (k, p) in line.iter().enumerate() {
            let (x, y) = at(p.at(t));
            if k == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
    }
    // The output's line, once the points are where the layer puts them.
    if let (Some([a, b, c]), true) = (space.line, t >= 0.999) {
        let (lo, hi) = ((cu - half, cv - half), (cu + half, cv + half));
        let ends: Vec<(f64, f64)> = if b.abs() > a.abs() {
            [lo.0, hi.0].iter().map(|&u| (u, -(a * u + c) / b)).collect()
        } else {
            [lo.1, hi.1].iter().map(|&v| (-(b * v + c) / a, v)).collect()
        };
        if ends.iter().all(|(u, v)| u.is_finite() && v.is_finite()) {
            ctx.set_stroke_style_str("#222");
            ctx.set_line_width(2.0);
            let _ = ctx.set_line_dash(&js_sys::Array::of2(&6.0.into(), &4.0.into()));
            ctx.begin_path();
            let (x0, y0) = at(ends[0]);
            let (x1, y1) = at(ends[1]);
            ctx.move_to(x0, y0);
            ctx.line_to(x1, y1);
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
        }
    }
    ctx.set_stroke_style_str("#fff");
    ctx.set_line_width(0.8);
    for (p, label) in &space.points {
        let (x, y) = at(p.at(t));
        ctx.begin_path();
        let _ = ctx.arc(x, y, 3.2, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(&point_colour(*label, classes));
        ctx.fill();
        ctx.stroke();
    }
}
